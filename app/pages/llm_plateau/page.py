"""The LLM-plateau page: the lettered breakdown of what transformative AI could be, the reader's
credences on it, and the two reasons plateau-ists give, as extrapolations of the same past points."""
from __future__ import annotations

from app.framework import Choice, Figure, Number, Page, Panel, Widget

from . import present
from .model import LETTERS, credences, extrapolate

# The sliders set weights (so labelled); the drawing's bars (the controls with scripts on) show them scaled to shares.
CREDENCE_HELP = "A weight from 0 to 100; the bars above show the five weights scaled to add up to 100%."

CREDENCES = Widget(
    "credences", "Where would you put your odds?",
    params=(
        *(Number(k, f"Weight on {k.upper()}: {present.LABELS[k]}", min=0, max=100, step=5, default=20,
                 unit_words="of 100", help=CREDENCE_HELP) for k in LETTERS),
    ),
    simulate=credences,
    # The drawing (the panel) shows each letter's share and is the control; the one chart shows what the verdict
    # reads from it. (A widget declares at least one figure: framework.Widget.)
    figures=(Figure("verdict", "Bar chart: your odds on A and B together, and on A, B and C together, against the "
                               "half-way mark the verdict uses", present.verdict_figure, height=130),),
    panels=(Panel("letters", "panel_letters.html", present.letters_panel, preview=True),),
    present=present,
)


EXTRAPOLATE = Widget(
    "extrapolate", "Same past, different futures",
    params=(
        Choice("theory", "Is there a ceiling LLMs cannot pass?", default="none",
               options=(("none", "No: the trend goes on"), ("ceiling", "Yes: capability levels off")),
               help="The theoretical reason: LLMs are not built to do what TAI would need, however much is spent."),
        Number("ceiling", "Ceiling, if any", min=55, max=200, step=5, default=100, unit="points",
               help="On our made-up capability scale, on which today's best LLM scores about 50. The chart always draws "
                    "A–B both with and without a ceiling; the thicker curve is the one your answer above picks."),
        Number("growth", "Growth, against the past trend", min=0, max=150, step=10, default=100, unit="%",
               help="100%: each tenfold of effective compute adds as much as it did before."),
        Number("wall", "Compute left", min=0, max=10, step=0.5, default=5,
               unit="tenfolds", unit_words="tenfolds (orders of magnitude)",
               help="The empirical reason: tenfolds of effective compute left, beyond today's largest training runs, "
                    "before data or compute runs out."),
        Number("tai", "TAI threshold", min=60, max=150, step=5, default=100, unit="points",
               help="The capability transformative AI needs, on the same scale."),
        Number("additions", "How much C's additions help", min=0, max=100, step=10, default=50, unit="%",
               help="C's ceiling and growth, raised by this much over A–B's."),
    ),
    simulate=extrapolate,
    figures=(Figure("curves", "Line chart: capability against effective compute, the past points and the "
                              "extrapolations for A–B and for C, with the TAI threshold and the wall",
                    present.curves_figure, height=264),),
    panels=(Panel("fates", "panel_fates.html", present.fates_panel),),
    present=present,
)

PAGE = Page(
    theme="alignment",
    widgets=(CREDENCES, EXTRAPOLATE),
    examples=({"a": 60, "b": 20}, {"c": 60}, {"a": 0, "b": 0, "c": 0, "d": 0, "e": 0},
              {"theory": "ceiling"}, {"wall": 10}, {"growth": 0}, {"theory": "ceiling", "ceiling": 55}),
    extremes=({"a": 100, "b": 0, "c": 0, "d": 0, "e": 0, "theory": "ceiling", "ceiling": 55, "growth": 0, "wall": 0,
               "tai": 60, "additions": 0},
              {"a": 0, "b": 0, "c": 0, "d": 0, "e": 100, "theory": "ceiling", "ceiling": 200, "growth": 150,
               "wall": 10, "tai": 150, "additions": 100}),
)
