"""The scheming pie charts page: three pies and the path between them, and why gathering power pays."""
from __future__ import annotations

from typing import Any, Mapping

from app.framework import Choice, Figure, Number, Page, Widget

from . import present
from .present import PIE_HEIGHT
from .model import MAX_DIRECT, MAX_EXTRA, power, simulate

PARAMS = (
    Choice("scenario", "What kind of AI is trained", default="llm",
           options=(("llm", "An LLM"), ("brainlike", "A brain-like AGI")),
           help="An LLM is pretrained on human text; a brain-like AGI learns from scratch, imitating none."),
    Number("nice", "Pretraining: nice-looking", min=0, max=100, step=1, default=70, unit="%",
           help="Share of what pretraining instils that is coherent and looks nice (the rest is blue). "
                "LLM only."),
    Number("treacherous", "Pretraining: of that, treacherous", min=0, max=100, step=1, default=15, unit="%",
           help="Share of the nice-looking behaviour that would turn on you given the chance (red). LLM only."),
    Number("rlhf", "RLHF strength", min=0, max=6, step=0.1, default=2, unit_words="(selection strength)",
           help="Higher: RLHF pushes harder toward whatever raters like the look of, so nice-looking "
                "behaviour grows faster (0: no RLHF)."),
    Number("detect", "Raters catch treachery", min=0, max=100, step=5, default=0, unit="%",
           help="How often RLHF raters can tell red from green. Byrnes's point is that they can't: 0%."),
    Number("rlvr", "RLVR strength", min=0, max=6, step=0.1, default=1.5, unit_words="(selection strength)",
           help="Higher: RLVR pushes harder toward whatever succeeds at tasks a program can check, so "
                "behaviour that earns more reward grows faster (0: no RLVR)."),
    Number("exchange", "Exchange rate for cheating", min=0, max=100, step=5, default=50, unit="%",
           help="Extra reward that succeeding by any means earns over honest success. "
                "Better training environments lower it."),
    Number("innate", "Brain-like: innate niceness", min=0, max=100, step=5, default=0,
           unit="%", help="How much the learner's reward function values niceness for its own sake: the share of "
                          "the behaviour training builds that is genuinely nice, and a reward for it during "
                          "training. Nobody knows how to write this yet. Brain-like only."),
)


def inactive(values: Mapping[str, Any]) -> dict[str, str]:
    """The sliders that have no effect at these settings, and why."""
    off = {}
    if values["scenario"] == "brainlike":
        off["nice"] = off["treacherous"] = "a brain-like AGI has no pretraining."
    else:
        off["innate"] = "it applies to brain-like AGI only."
    if values["rlvr"] == 0:
        off["exchange"] = "RLVR strength is 0, so nothing is selected on task reward."
    return off


PIES = Widget(
    "pies", "Behaviour through training",
    params=PARAMS,
    simulate=simulate,
    figures=(
        (Figure("pretraining", "Pie chart 1: the mix of behaviour after pretraining",
                lambda r: present.pie_figure(r, 0), height=PIE_HEIGHT),
         Figure("rlhf", "Pie chart 2: the mix of behaviour after RLHF",
                lambda r: present.pie_figure(r, 1), height=PIE_HEIGHT, lead_in="RLHF picks what looks nice"),
         Figure("rlvr", "Pie chart 3: the mix of behaviour after RLVR",
                lambda r: present.pie_figure(r, 2), height=PIE_HEIGHT, lead_in="RLVR picks what succeeds")),
        Figure("path", "Stacked area chart: how the mix shifts during RLHF and then RLVR",
               present.path_figure, height=204),
    ),
    legend=present.LEGEND,
    present=present,
    inactive=inactive,
    api_path="/api/scheming-pie-charts",      # its address from when it was the page's only widget
)

POWER = Widget(
    "power", "Act now, or gather power first?",
    params=(
        Number("direct", "Outcomes reachable directly", min=1, max=MAX_DIRECT, step=1, default=2, integer=True,
               unit_words="outcomes",
               help="How many outcomes the AI can bring about right away, without more resources."),
        Number("extra", "Extra outcomes power opens up", min=0, max=MAX_EXTRA, step=1, default=20, integer=True,
               unit_words="outcomes",
               help="How many more it could reach with resources, copies of itself and nobody to switch it off."),
        Number("cost", "Cost of gathering power", min=0, max=50, step=5, default=5, unit="%",
               help="Share of the goal's value lost to the delay. Gathering secretly is slower: it pays this twice."),
        Number("open_risk", "Chance of being stopped, gathering openly", min=0, max=100, step=5, default=50,
               unit="%", help="A stopped AI gets nothing it wants."),
        Number("secret_risk", "Chance of being stopped, gathering secretly", min=0, max=100, step=5, default=10,
               unit="%", help="Hiding makes being caught less likely."),
    ),
    simulate=power,
    figures=(
        Figure("plans", "Bar chart: the share of random goals for which each plan is best: act now, gather power "
                        "openly, gather power secretly", present.bars_figure, height=220),
        Figure("curve", "Line chart: the share of random goals that gather power against how many extra outcomes "
                        "power opens up, this setting marked", present.curve_figure, height=320),
    ),
    present=present,
)

PAGE = Page(
    theme="alignment",
    widgets=(PIES, POWER),
    examples=({"rlhf": 3, "exchange": 0}, {"scenario": "brainlike", "innate": 20},
              {"extra": 0}, {"cost": 40, "open_risk": 10}),
    extremes=({"nice": 100, "treacherous": 0, "rlhf": 6, "rlvr": 6, "exchange": 100},
              {"scenario": "brainlike", "innate": 50},
              {"direct": 1, "extra": 40, "cost": 0, "open_risk": 0, "secret_risk": 0},
              {"direct": 10, "extra": 1, "cost": 50, "open_risk": 100, "secret_risk": 100}),
)
