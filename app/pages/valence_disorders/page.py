"""The valence-disorders page: root causes, valence and clusters of symptoms as layers, and a day of
thoughts gated by valence, with its offset, spread and extremes set by the reader."""
from __future__ import annotations

from app.framework import Figure, Number, Page, Panel, Stage, Widget

from . import present
from .model import day

DAY = Widget(
    "day", "A day of thoughts, gated by valence",
    params=(
        Number("offset", "Valence offset", min=-3, max=3, step=0.25, default=0, unit="points",
               help="Added to every thought's valence: negative makes every idea feel worse, positive better."),
        Number("spread", "Spread", min=0, max=2, step=0.25, default=1, unit="points",
               help="How much a thought's valence varies around its usual appeal."),
        Number("extremise", "Extremising", min=0, max=1, step=0.1, default=0,
               help="How far each valence is pushed away from neutral, toward strongly good or strongly bad (0: not at all)."),
    ),
    simulate=day,
    figures=(
        Figure("acted", "Horizontal bar chart: for each kind of thought, the share of the times it came up that it was acted on",
               present.acted_figure, height=236),
    ),
    panels=(Panel("shift", "panel_shift.html", present.shift_panel),
            Panel("layers", "panel_layers.html", present.panel, preview=True)),
    # The distribution and what is acted on lead; the lit layers and the extremising are a stage in 'Three patterns'.
    stages=(Stage("patterns", "The layers, with the clusters this day shows", panels=("layers",), params=("extremise",)),),
    present=present,
)

PAGE = Page(
    theme="valence",
    widgets=(DAY,),
    examples=({"offset": -2}, {"offset": 2}, {"extremise": 0.8}, {"spread": 0}, {"offset": -1}),
    extremes=({"offset": -3, "spread": 2, "extremise": 1}, {"offset": 3, "spread": 0, "extremise": 0}),
)
