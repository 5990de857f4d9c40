"""Declarations of the stranger-danger page's two widgets: the walkthrough (model:
app/models/stranger_danger.py) and the filial-imprinting puzzle (app/models/filial_imprinting.py).
Presenters: app/figures/stranger_danger.py and app/figures/filial_imprinting.py.
Prose: content/stranger-danger.md."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from app.figures import filial_imprinting as imp_fig
from app.figures import stranger_danger as fig
from app.framework import Choice, Number, Panel, Step, Widget
from app.models import filial_imprinting as imprinting
from app.models import stranger_danger as model

WALK_PARAMS = (
    Step("step", "Walkthrough step", 1, 40, 1, 1, "", unit_words="", integer=True,
         help="Use Previous / Next, or the arrow keys on this slider. Steps past the last one show the last."),
    Number("lr", "Thought Assessor learning rate", 0, 1, 0.05, 0.2, "per minute", unit_words="per minute",
           help="How far the fear assessor moves its prediction toward what actually happened, each minute."),
    Number("friendly", "How friendly and playful the stranger is", 0, 1, 0.05, 0.8, "",
           help="With a fun toy: how strongly the play assessor says 'a good time to play'. Below 0.5 it never does."),
    Number("first_visit", "First visit lasts", 1, 30, 1, 5, "min", unit_words="minutes",
           integer=True, help="A brief first meeting."),
    Number("stay", "Later visits last", 1, 60, 1, 30, "min", unit_words="minutes", integer=True,
           help="How long the stranger stays on each later visit."),
    Number("habituation", "Time until habituation", 1, 40, 1, 15, "min", unit_words="minutes", integer=True,
           help="Minutes of fear with nothing bad happening before the habituation circuit fires."),
    Number("encounters", "Number of visits", 2, 6, 1, 3, "", unit_words="visits", integer=True,
           help="How many times the stranger comes."),
    Choice("last_visitor", "Who comes on the last visit",
           (("same", "The same stranger"), ("different", "A different stranger")), "same",
           help="A different person tests how far the child's learning carries over."),
    Number("generalisation", "How far learning carries over to a different stranger", 0, 1, 0.05, 0.1, "",
           help="0: each person is learned separately; 1: all adults look alike to the assessor."),
)


def run_walk(step: int, **params: Any) -> fig.Walk:
    """The model at these settings, plus which step of the walkthrough is shown."""
    return fig.Walk(model.simulate(**params), step)


class EncounterOut(BaseModel):
    index: int
    person: Literal["same", "different"]
    predicted_fear_at_start: float = Field(ge=0, le=1)
    fear_at_start: float = Field(ge=0, le=1)
    fear_at_end: float = Field(ge=0, le=1)
    prediction_after: float = Field(ge=0, le=1)
    relaxed_at_minute: int | None


class MinuteOut(BaseModel):
    t: int
    encounter: int = Field(description="1-based visit number; 0 between visits")
    adult_present: float = Field(ge=0, le=1)
    predicted_fear: float = Field(ge=0, le=1)
    fear: float = Field(ge=0, le=1)
    mode: Literal["none", "defer", "override-fear", "override-relax"]
    habituated: bool


class WalkResponse(BaseModel):
    parameters: dict[str, Any]
    encounters: list[EncounterOut]
    minutes: list[MinuteOut]


WALKTHROUGH = Widget(
    id="walkthrough",
    title="Stranger danger, minute by minute",
    params=WALK_PARAMS,
    simulate=run_walk,
    figures=fig.figures,
    figure_labels=(("timeline", "Line chart over time: adult present, the assessor's predicted fear and the "
                                "actual fear, with the visits shaded and the current step marked"),),
    summary=fig.summary,
    table=fig.table,
    live=fig.live,
    api=fig.api,
    response_model=WalkResponse,
    panels=(Panel("diagram", "_stranger_diagram.html", lambda walk, values: fig.step_view(walk)),),
    api_path="/api/stranger-danger",
)


IMPRINT_PARAMS = (
    Choice("trainer", "What trains the 'mother' Thought Assessor",
           (("none", "Nothing"), ("warmth", "Being kept warm (only a real mother does that)"),
            ("innate", "A crude innate detector: any big moving thing nearby")), "none",
           help="Its ground truth: the signal it learns to predict for each object it sees."),
    Choice("when", "When the assessor may learn",
           (("always", "Always"), ("window", "Only inside the window below"), ("never", "Never")), "always",
           help="Outside these times its ratings stay frozen."),
    Number("window_start", "Window opens", 0, 47, 1, 13, "h", unit_words="hours after hatching", integer=True,
           help="Hours after hatching (used only when learning is limited to the window)."),
    Number("window_end", "Window closes", 1, 48, 1, 16, "h", unit_words="hours after hatching", integer=True,
           help="Hours after hatching."),
    Choice("output", "What the Steering Subsystem does with the assessor's output",
           (("ignore", "Nothing"), ("follow", "Follow whatever the assessor rates as mother-like")), "ignore",
           help="The assessor only predicts; the Steering Subsystem decides what to do about it."),
)


class OutcomeOut(BaseModel):
    scenario: str
    title: str
    ratings: dict[str, float]
    follows: str = Field(description="'mother', 'boot', 'nothing' or 'torn'")
    real_gosling_follows: str
    passes: bool


class ImprintResponse(BaseModel):
    parameters: dict[str, Any]
    outcomes: list[OutcomeOut]
    score: int
    total: int


IMPRINTING = Widget(
    id="imprinting",
    title="Filial imprinting: design the mechanism",
    params=IMPRINT_PARAMS,
    simulate=imprinting.simulate,
    figures=imp_fig.figures,
    figure_labels=(("ratings", "Bar chart: how mother-like the gosling's assessor rates the mother and the boot "
                               "at the end of each scenario"),),
    summary=imp_fig.summary,
    table=imp_fig.table,
    live=imp_fig.live,
    api=imp_fig.api,
    response_model=ImprintResponse,
    panels=(Panel("score", "_imprinting_score.html", imp_fig.score_view),),
    live_update=False,
    submit_label="Hatch",
    api_path="/api/filial-imprinting",
)
