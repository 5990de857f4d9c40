"""The two-paths page: controlled AGI and social-instinct AGI side by side, where each touches the
brain model, and why Byrnes wants both explored."""
from __future__ import annotations

from app.framework import Figure, Number, Page, Panel, Widget

from . import present
from .model import hedge

BOTH = Widget(
    "both", "Why dig into both",
    params=(
        Number("controlled_feasible", "Controlled AGI is possible at all", min=0, max=100, step=5, default=40,
               unit="%", help="Nothing in nature shows that it is. Our illustrative default."),
        Number("social_feasible", "Social-instinct AGI is possible at all", min=0, max=100, step=5, default=60,
               unit="%", help="Byrnes is relatively more optimistic about this path. Our illustrative default."),
        Number("controlled_desirable", "Controlled AGI is one we want", min=0, max=100, step=5,
               default=70, unit="%", help="If it works. Its advantages and disadvantages will become clear only as the details are worked out."),
        Number("social_desirable", "Social-instinct AGI is one we want", min=0, max=100, step=5,
               default=70, unit="%", help="If it works. The same uncertainty, for the other path."),
        Number("transfer", "Ideas that transfer between paths", min=0, max=100, step=5, default=10, unit="%",
               help="Share of the effort on one path that also counts for the other (our illustrative default). More transfer makes the split matter less."),
        Number("returns", "How hard the research is", min=10, max=300, step=10,
               default=30, unit="%", help="A share of the whole budget. Put this much on a possible path and it is "
                                          "found with about a two-in-three chance. Small: returns diminish fast, so "
                                          "the first effort on each path counts most. Large: they barely diminish, so "
                                          "all chances are lower and a split budget leaves both paths short."),
    ),
    simulate=hedge,
    figures=((
        Figure("curve", "Line chart: chance that at least one path works against the share of effort on controlled "
                        "AGI, with the three plans marked, and the best plan where one plan is best", present.curve_figure, height=310),
        Figure("paths", "Grouped bar chart: each path's own chance of working under three plans",
               present.paths_figure, height=310),
    ),),
    panels=(Panel("paths", "panel_paths_lit.html", present.panel, preview=True),),
    present=present,
)

PAGE = Page(
    theme="alignment",
    widgets=(BOTH,),
    examples=({"controlled_feasible": 0}, {"transfer": 100}, {"returns": 300}, {"social_desirable": 10}),
    extremes=({"controlled_feasible": 100, "social_feasible": 100, "controlled_desirable": 100,
               "social_desirable": 100, "transfer": 100, "returns": 10},
              {"controlled_feasible": 0, "social_feasible": 0, "controlled_desirable": 0, "social_desirable": 0,
               "transfer": 0, "returns": 300}),
)
