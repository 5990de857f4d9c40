"""The PNSE-and-anxiety page: Byrnes's loop panels (a)-(d) lit by a small signed rate network whose loops
hold anxiety up or let it wind down, and the trade-off of how much anxiety is worth having."""
from __future__ import annotations

from app.framework import Choice, Figure, Number, Page, Panel, Widget

from . import present
from .model import loops, tradeoff

LOOPS = Widget(
    "loops", "Loops that hold anxiety up",
    params=(
        Choice("news", "Your friend's news", options=(("ill", "She may be ill"), ("fine", "She's fine")),
               default="ill", help="The object-level thought the anxious feeling brings to mind."),
        Choice("model", "Self-model", options=(("conventional", "Conventional"), ("pnse", "PNSE")),
               default="conventional", help="Conventional: the Active Self links noticing the anxiety back to the body; PNSE: no bridge."),
        Number("attention", "Involuntary attention", min=0, max=1.5, step=0.05, default=1,
               help="How strongly the anxious feeling holds attention and brings associated thoughts to mind."),
        Number("worry", "Object-level link", min=0, max=1.5, step=0.05, default=0.8,
               help="How strongly the thought about your friend predicts more anxiety (or, if she's fine, less)."),
        Number("self_gain", "Self-reflective link", min=0, max=1.5, step=0.05, default=0.5,
               help="How strongly the thought “I am feeling anxious” is tied to the Active Self and so to the body's feelings."),
    ),
    simulate=loops,
    # Side by side from 34rem (.plot-row-2), stacked on a phone.
    figures=((Figure("timeline", "Line chart: the brainstem's anxiety, the object-level thought and the Active Self's "
                                "link back to the body over time after the email", present.timeline_figure, height=present.TIMELINE_HEIGHT),
              Figure("gains", "Horizontal bar chart: the gain round the object-level loop, the self-reflective loop and "
                             "both together, against 1", present.gains_figure, height=224)),),
    panels=(Panel("panels", "panel_panels.html", present.loops_panel, preview=True),),
    present=present,
    # The reason only: the controls (templates/_widget.html, static/js/app/controls.js) put "No effect now:" before it.
    inactive=lambda v: present.loops_inactive(v),
)

HOWMUCH = Widget(
    "howmuch", "How much anxiety do you want?",
    params=(
        Number("level", "Your anxiety level", min=0, max=1, step=0.05, default=0.3,
               help="0: none at all; 1: as anxious as can be, every day."),
        Number("stakes", "Cost of an ignored problem", min=0, max=20, step=1, default=5, unit="points",
               help="What a looming problem costs if nobody deals with it in time."),
        Number("discomfort", "Cost of anxiety", min=0, max=0.5, step=0.01, default=0.1, unit="points a day",
               help="What a day at full anxiety costs in misery and distraction (less at lower levels)."),
        Number("problems", "Looming problems", min=1, max=30, step=1, default=10, unit="per 100 days",
               help="How often a problem appears that attention could head off."),
    ),
    simulate=tradeoff,
    figures=(Figure("cost", "Line chart: the year's cost of ignored problems, of anxiety itself and their total at "
                            "each anxiety level, with your level and the least-cost level marked", present.cost_figure, height=present.COST_HEIGHT),
             Figure("year", "Dot chart: each looming problem of the year by day, dealt with or ignored at your level",
                    present.year_figure, height=150)),
    present=present,
)

PAGE = Page(
    theme="self-models",
    widgets=(LOOPS, HOWMUCH),
    examples=({"news": "fine"}, {"model": "pnse"}, {"model": "pnse", "worry": 1.2}, {"self_gain": 0}, {"level": 0},
              {"stakes": 0}, {"discomfort": 0.5}),
    extremes=({"news": "fine", "model": "conventional", "attention": 1.5, "worry": 1.5, "self_gain": 1.5, "level": 1,
               "stakes": 20, "discomfort": 0.5, "problems": 30},
              {"news": "ill", "model": "pnse", "attention": 0, "worry": 0, "self_gain": 0, "level": 0, "stakes": 0,
               "discomfort": 0, "problems": 1}),
)
