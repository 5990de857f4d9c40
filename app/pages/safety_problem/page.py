"""The safety-problem page: the red box and the blue boxes, a chain reaction's knife-edge, control
rods before the chain reaction, and contingency planning across three kinds of AGI."""
from __future__ import annotations

from typing import Any, Mapping

from app.framework import Choice, Figure, Number, Page, Panel, Widget

from . import present
from .model import chain, contingency, rods, rods_many

CHAIN = Widget(
    "chain", "The knife-edge at k = 1",
    params=(
        Number("k", "Multiplication factor k", min=0.98, max=1.02, step=0.0005, default=1.001, unit_words="",
               help="Neutrons in one generation for each neutron in the one before: below 1 the reaction dies "
                    "out, above 1 it grows."),
        Choice("delayed", "Neutrons", default="with",
               options=(("with", "As in real fuel: 0.65% arrive seconds late"),
                        ("without", "As if every neutron were prompt")),
               help="The bold line; the other is drawn thin for comparison."),
    ),
    simulate=chain,
    figures=(Figure("chain", "Line chart, logarithmic: the neutron population over a minute at this k, with "
                             "delayed neutrons and as if every neutron were prompt", present.chain_figure,
                    height=340),),
    present=present,
)


def rods_inactive(values: Mapping[str, Any]) -> dict[str, str]:
    off = {}
    if values["design"] == "none":
        off["strength"] = "there is no fix to be strong."
    return off


RODS = Widget(
    "rods", "Control rods before the chain reaction",
    params=(
        Choice("design", "The technical fix", default="rods",
               options=(("none", "None"), ("rods", "Control rods"), ("passive", "Passive design"), ("both", "Both")),
               help="Control rods drop by themselves when power passes the trip level, unless a crew disables them; a "
                    "passively safe design's feedback grows with power and cannot be switched off."),
        Number("strength", "Fix strength (notches)", min=0, max=3, step=0.25, default=1.5,
               unit_words="notches",
               help="How much push the fix can take back. One notch takes a just-critical pile to prompt critical."),
        Number("ready", "When the fix is ready", min=-120, max=240, step=30, default=-60, unit="s",
               unit_words="seconds after the first chain reaction", integer=True,
               help="Seconds after the pile first goes critical; negative: before. A passive design must be built in, "
                    "so one that arrives after the first reaction does not protect this pile."),
        Number("compliance", "Crews that follow procedure", min=0, max=100, step=5, default=90, unit="%",
               help="The rest disable the trip and push the pile further than planned, as at Chernobyl."),
        Number("ramp", "Crews' pace (notches a minute)", min=0.25, max=4, step=0.25, default=3,
               unit_words="notches per minute", help="How fast crews push the pile; every crew starts half a notch below critical."),
        Number("excess", "Median planned push (notches)", min=0.1, max=1.5, step=0.1,
               default=0.8, unit_words="notches",
               help="How far past critical the median crew plans to go; plans spread around it. One notch past critical is "
                    "prompt critical."),
        Number("push", "Rule-breakers' extra push (notches)", min=0, max=3, step=0.25, default=1,
               unit_words="notches", help="How much further a rule-breaking crew goes than its plan."),
    ),
    simulate=rods,
    simulate_many=rods_many,
    # One stage: his boxes lead, lit by the run, and one chart for what they cannot show (power over time).
    figures=(
        Figure("power", "Line chart, logarithmic: power over time for the median crew that follows procedure and the "
                        "median crew that breaks it (each where there are such crews), with the trip and damage "
                        "levels", present.power_figure, height=226),
    ),
    panels=(Panel("boxes", "panel_rods_boxes.html", present.rods_panel, preview=True),),
    present=present,
    inactive=rods_inactive,
)

PLAN = Widget(
    "plan", "Contingency planning across three kinds",
    params=(
        Choice("question", "The question", default="agi",
               options=(("agi", "What will AGI be like? (today)"), ("flight", "What will flying machines be like? (1870)")),
               help="The same plan, for Byrnes's analogy or for AGI."),
        Number("first", "Odds on brain-like AGI (1870: birds)", min=0, max=100, step=5, default=40, unit="%",
               help="Your odds for the first kind; the three are scaled to add up to 100% (all three at 0% read as equal)."),
        Number("second", "Odds on prosaic AGI (1870: airships)", min=0, max=100,
               step=5, default=40, unit="%", help="Your odds for the second kind: AGI from today's deep learning."),
        Number("third", "Odds on other AGI (1870: neither)", min=0, max=100, step=5, default=20, unit="%",
               help="Your odds for the third kind."),
        Number("returns", "Effort for two-thirds prepared", min=10, max=300, step=10,
               default=50, unit="%", help="A share of the whole budget. Put this much on one kind and you get about two "
                                          "thirds of what preparing for it can ever pay. Small: returns diminish fast, so the "
                                          "first effort on each kind counts most. Large: they barely diminish."),
    ),
    simulate=contingency,
    figures=(Figure("payoff", "Bar chart: expected payoff of three research plans", present.payoff_figure, height=208),
             Figure("split", "Stacked bar chart: how each plan splits research effort across the three kinds",
                    present.split_figure, height=208)),
    panels=(Panel("kinds", "panel_kinds.html", present.plan_panel),),
    present=present,
)

PAGE = Page(
    theme="alignment",
    widgets=(CHAIN, RODS, PLAN),
    examples=({"k": 0.99}, {"k": 1.007}, {"delayed": "without"}, {"design": "passive", "strength": 3},
              {"ramp": 1}, {"compliance": 100}, {"question": "flight"}, {"returns": 300}),
    extremes=({"k": 1.02, "delayed": "without", "design": "both", "strength": 3, "ready": 240, "compliance": 0,
               "ramp": 4, "excess": 1.5, "push": 3, "question": "flight", "first": 100, "second": 0, "third": 0,
               "returns": 10},
              {"k": 0.98, "design": "none", "strength": 0, "ready": -120, "compliance": 100, "ramp": 0.25,
               "excess": 0.1, "push": 0, "first": 0, "second": 0, "third": 0, "returns": 300}),
)
