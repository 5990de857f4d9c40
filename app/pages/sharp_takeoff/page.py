"""The sharp-takeoff page: an imitation learner and a from-scratch learner climbing in capability
against R&D effort, the gap between "relevant at all" and superintelligence, and a language that a
group of learners invents where no grammatical input was given."""
from __future__ import annotations

from typing import Any, Mapping

from app.framework import Choice, Figure, Number, Page, Panel, Widget

from . import present
from .model import climb, language


def climb_inactive(values: Mapping[str, Any]) -> dict[str, str]:
    return {"steepening": "no blocker stands after “relevant at all”, so there is nothing to steepen."} \
        if values["later"] == 0 else {}

CLIMB = Widget(
    "climb", "From relevant to superintelligent",
    params=(
        Number("later", "Blockers after “relevant at all”", min=0, max=95, step=5, default=0,
               unit="%", help="Of the 20 key insights a from-scratch learner needs for superintelligence, the share "
                              "it does not need before it does anything impressive (Byrnes: none he can foresee)."),
        Number("steepening", "Each later blocker costs", min=1, max=3, step=0.25, default=1, unit="×",
               unit_words="× the one before", help="How much harder each blocker after “relevant at all” is "
                                                     "than the one before it (1×: no harder)."),
        Number("tuning", "Tuning once the last blocker falls", min=0, max=50, step=5, default=10, unit="person-years",
               integer=True, help="R&D to tune and train it up once nothing stands in its way."),
        Number("ceiling", "From-scratch ceiling (points)", min=60, max=100, step=5, default=100,
               help="Where its climb levels off, on our scale (human level 60, ASI 100; 100: no ceiling below ASI). "
                    "Past it, each further 10 points take ten times as much R&D in total."),
    ),
    simulate=climb,
    figures=(Figure("climb", "Line chart, logarithmic R&D: capability of an imitation learner and a from-scratch "
                             "learner against cumulative R&D, with the thresholds for relevant at all, human level "
                             "and superintelligence", present.climb_figure, height=270),),
    panels=(Panel("ladder", "panel_ladder.html", present.ladder_panel, preview=True),),
    present=present,
    inactive=climb_inactive,
)

LANGUAGE = Widget(
    "language", "A language from nothing",
    params=(
        Choice("exposure", "What the learners hear", default="none",
               options=(("grammatical", "A grammatical language: one word per meaning"),
                        ("none", "No language: unstructured gestures")),
               help="The imitation learners train on it; the group starts from the adults' words, or from nothing."),
        Number("learners", "From-scratch learners in the group", min=2, max=20, step=1, default=10, integer=True,
               unit="learners", help="Children who talk to each other, like the first deaf schoolchildren in Nicaragua."),
        Number("rounds", "Exchanges between them", min=0, max=3000, step=100, default=2000, integer=True,
               unit="exchanges", help="Each: one learner names one of six meanings to another."),
    ),
    simulate=language,
    figures=(Figure("success", "Line chart: how often the group of from-scratch learners understand each other, per "
                               "hundred exchanges, against the imitation learners' rate", present.success_figure,
                    height=320),),
    present=present,
)

PAGE = Page(
    theme="alignment",
    widgets=(CLIMB, LANGUAGE),
    examples=({"later": 5}, {"later": 50}, {"later": 50, "steepening": 2}, {"ceiling": 90}, {"tuning": 0},
              {"exposure": "grammatical"}, {"rounds": 0}, {"learners": 2, "rounds": 100}),
    extremes=({"later": 95, "steepening": 3, "tuning": 50, "ceiling": 60, "exposure": "grammatical", "learners": 20,
               "rounds": 3000},
              {"later": 0, "steepening": 1, "tuning": 0, "ceiling": 100, "exposure": "none", "learners": 2,
               "rounds": 0}),
)
