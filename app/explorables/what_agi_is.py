"""Declarations of the what-AGI-is page's three widgets. Models: app/models/what_agi_is.py;
presenters: app/figures/what_agi_is.py; prose: content/what-agi-is.md."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.figures import what_agi_is as fig
from app.framework import Choice, Number, Widget
from app.models import what_agi_is as model


class LunchResponse(BaseModel):
    parameters: dict[str, Any]
    strategies: list[str]
    problems: dict[str, int]
    mean_tries_all: dict[str, float]
    mean_tries_all_exact: dict[str, str] = Field(description="Exact fractions, e.g. '1732/729'.")
    mean_tries_family: dict[str, float]


class KnowResponse(BaseModel):
    parameters: dict[str, Any]
    novelty: list[float]
    success: dict[str, list[float]]
    crossover: float | None
    exam_band: list[float]
    science_band: list[float]
    exam_mean: dict[str, float]
    science_mean: dict[str, float]


class AngelResponse(BaseModel):
    parameters: dict[str, Any]
    lengths: list[int]
    zero_interventions: dict[str, list[float]]
    mean_interventions: dict[str, list[float]]


LUNCH = Widget(
    id="lunch",
    title="No free lunch, computed",
    params=(
        Number("size", "Points to search", 3, 7, 1, 6, "", unit_words="points", integer=True,
               help="The problem's domain: each problem gives every point one of the values below."),
        Number("values", "Possible values per point", 2, 3, 1, 3, "", unit_words="values", integer=True,
               help="Every point takes one of these values, so the count of problems multiplies with each point (3 values on 7 points: 2,187)."),
        Choice("family", "Problems with structure",
               (("one-hill", "One hill: values rise, then fall"),
                ("smooth", "Smooth: neighbours differ by at most one")), "one-hill",
               help="A structured subset of all the problems, compared with the whole set."),
        Choice("strategies", "Strategies to compare",
               (("all", "All four"), ("orders", "Only the fixed orders"),
                ("pair", "Left to right against hill-climbing")), "all",
               help="Fixed orders ignore what they see; hill-climbing picks its next look from what it has seen."),
    ),
    simulate=model.no_free_lunch,
    figures=fig.lunch_figures,
    figure_labels=(("lunch", "Bar chart: average tries each strategy needs to find the best point, over every "
                             "problem and over the structured problems only"),),
    summary=fig.lunch_summary, table=fig.lunch_table, live=fig.lunch_live, api=fig.lunch_api,
    response_model=LunchResponse,
)

KNOW = Widget(
    id="know",
    title="Already knowing versus figuring it out",
    params=(
        Number("coverage", "Knower: share of known things it remembers", 50, 100, 0.5, 99.5, "%",
               help="Like a model trained on everything written down. It works out a missing piece on only 1% of attempts."),
        Number("ability", "Figurer: chance an attempt works out a missing piece", 0, 60, 1, 25, "%",
               help="It remembers only 30% of what is known, but learns, experiments and builds tools as it goes."),
        Number("pieces", "Pieces of know-how a task needs", 1, 10, 1, 5, "", unit_words="pieces", integer=True,
               help="More pieces: more chances that one of them is new."),
        Number("budget", "Attempts allowed per task", 1, 60, 1, 20, "", unit_words="attempts", integer=True,
               help="Time to experiment before the task counts as failed."),
    ),
    simulate=model.knowing_vs_figuring,
    figures=fig.know_figures,
    figure_labels=(("know", "Line chart: chance of success against task novelty for an agent that already knows "
                            "and one that figures things out, with the crossover marked"),),
    summary=fig.know_summary, table=fig.know_table, live=fig.know_live, api=fig.know_api,
    response_model=KnowResponse,
)

ANGELS = Widget(
    id="angels",
    title="Who keeps a long project on track?",
    params=(
        Number("length", "Project length", 50, 1000, 50, 500, "steps", unit_words="steps", integer=True,
               help="Write the plan, hire, build, sell, fix, grow: each step is one of these."),
        Number("stuck", "Chance of getting stuck at a step", 0.5, 10, 0.5, 2, "%",
               help="For both agents, at the start."),
        Number("recover", "How often the figuring-out agent gets itself unstuck", 0, 100, 5, 95, "%",
               help="Today's AI is assumed never to (it needs an intervention every time)."),
        Number("learning", "How much each stuck moment teaches it", 0, 50, 5, 25, "%",
               help="Continuous learning: its chance of getting stuck falls by this much after each time. "
                    "Today's AI does not learn on the job."),
    ),
    simulate=model.angels,
    figures=fig.angel_figures,
    figure_labels=(("solo", "Line chart: share of projects finished with no outside help, against project length"),
                   ("help", "Line chart: mean number of outside interventions needed, against project length")),
    figure_rows=(("solo", "help"),),
    summary=fig.angel_summary, table=fig.angel_table, live=fig.angel_live, api=fig.angel_api,
    response_model=AngelResponse,
)
