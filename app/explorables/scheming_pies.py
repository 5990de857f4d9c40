"""Declaration of the scheming pie-chart widget: its parameters, and which model and
presenters it wires together. The model is app/models/scheming_pies.py; the figures, table
and live numbers are app/figures/scheming_pies.py; the prose is content/scheming-pie-charts.md.
"""
from __future__ import annotations

from typing import Any, Literal, Mapping

from pydantic import BaseModel, Field

from app.figures import scheming_pies as fig
from app.framework import Choice, Number, Widget
from app.models import scheming_pies as model


PARAMS = (
    Choice("scenario", "What kind of AI is trained",
           (("llm", "An LLM, pretrained on human text"),
            ("brainlike", "A brain-like AGI, with no pretraining")),
           "llm", help="Brain-like AGI learns from scratch: there is no imitation of human text."),
    Number("nice", "Pretraining: coherent, nice-looking behaviour", 0, 100, 1, 70, "%",
           help="Share of what pretraining instils that is coherent and looks nice (the rest is blue). "
                "LLM only."),
    Number("treacherous", "Pretraining: of that, treacherous", 0, 100, 1, 15, "%",
           help="Share of the nice-looking behaviour that would turn on you given the chance (red). LLM only."),
    Number("rlhf", "RLHF strength", 0, 6, 0.1, 2, "",
           help="How hard RLHF selects behaviour that looks nice to raters: each step of 1 multiplies "
                "the odds of nice-looking behaviour by e (about 2.7).",
           unit_words="(selection strength)"),
    Number("detect", "Raters catch treachery", 0, 100, 5, 0, "%",
           help="How often RLHF raters can tell red from green. Byrnes's point is that they can't: 0%."),
    Number("rlvr", "RLVR strength", 0, 6, 0.1, 1.5, "",
           help="How hard RLVR selects behaviour that succeeds at verifiable tasks: each step of 1 "
                "multiplies the odds of behaviour that earns one more unit of reward by e.",
           unit_words="(selection strength)"),
    Number("exchange", "Exchange rate: reward for lying and cheating", 0, 100, 5, 50, "%",
           help="Extra reward that succeeding by any means earns over honest success. "
                "Better training environments lower it."),
    Number("innate", "Brain-like: reward function makes niceness intrinsic", 0, 100, 5, 0, "%",
           help="Share of the learner's coherent behaviour that its reward function makes genuinely nice. "
                "Nobody knows how to write this yet. Brain-like only."),
)


class Stage(BaseModel):
    name: Literal["pretraining", "after RLHF", "after RLVR"]
    label: str = Field(description="Human-readable stage name; 'Start (no pretraining)' for brain-like AGI.")
    green: float = Field(ge=0, le=1, description="Share that is nice and stays nice.")
    red: float = Field(ge=0, le=1, description="Share that is nice until a treacherous turn.")
    blue: float = Field(ge=0, le=1, description="Share that is incoherent or grumpy.")
    red_per_green: float | None = Field(description="red / green; null when there is no green.")


class Path(BaseModel):
    progress: list[float] = Field(description="Training progress: 0 to 1 is RLHF, 1 to 2 is RLVR.")
    green: list[float]
    red: list[float]
    blue: list[float]


class PieResponse(BaseModel):
    parameters: dict[str, Any] = Field(description="The validated parameters used, defaults filled in.")
    stages: list[Stage]
    path: Path


def _notes(values: Mapping[str, Any]) -> list[str]:
    if values["scenario"] == "brainlike":
        return ["With no pretraining, the two pretraining sliders have no effect; "
                "the last slider says how much of the learner's niceness its reward function makes genuine."]
    if values["innate"]:
        return ["The last slider applies to brain-like AGI only; for an LLM it has no effect."]
    return []


PIES = Widget(
    id="pies",
    title="Behaviour through training",
    params=PARAMS,
    simulate=model.simulate,
    figures=fig.figures,
    figure_labels=(("pretraining", "Pie chart 1: the mix of behaviour after pretraining"),
                   ("rlhf", "Pie chart 2: the mix of behaviour after RLHF"),
                   ("rlvr", "Pie chart 3: the mix of behaviour after RLVR"),
                   ("path", "Stacked area chart: how the mix shifts during RLHF and then RLVR")),
    figure_rows=(("pretraining", "rlhf", "rlvr"), ("path",)),
    legend=fig.LEGEND,
    summary=fig.summary,
    table=fig.table,
    live=fig.live,
    api=fig.api,
    response_model=PieResponse,
    notes=_notes,
)
