"""The what-AGI-is page: no free lunch, knowing versus figuring out, and the angels."""
from __future__ import annotations

from functools import partial

from app.framework import Choice, Figure, Number, Page, Panel, Widget

from . import present
from .model import angels, angels_many, knowing_vs_figuring, moving_target, no_free_lunch

SIZE = Number("size", "Points to search", min=3, max=7, step=1, default=6, unit_words="points", integer=True,
              help="The problem's domain: each problem gives every point one of the values below.")
VALUES = Number("values", "Possible values per point", min=2, max=3, step=1, default=3, unit_words="values",
                integer=True, help="Every point takes one of these values, so the count of problems multiplies "
                                   "with each point (for example, 3 values on 7 points make 2,187 problems).")
# The bar chart's fixed axis for each size, computed once at start-up (about 0.2 s) rather than as a
# hitch on the first drag to each size.
AXIS_TOPS = {size: present.lunch_axis_top(size, VALUES) for size in range(int(SIZE.min), int(SIZE.max) + 1)}

LUNCH = Widget(
    "lunch", "No free lunch, computed",
    params=(
        SIZE,
        VALUES,
        Choice("family", "Problems with structure", default="one-hill",
               options=(("one-hill", "One hill: values rise, then fall"),
                        ("smooth", "Smooth: neighbours within one")),
               help="A structured subset of all the problems, compared with the whole set."),
        Choice("strategies", "Strategies to compare", default="all",
               options=(("all", "All four"), ("orders", "Only the fixed orders"),
                        ("pair", "Left to right against hill-climbing")),
               help="Fixed orders ignore what they see; hill-climbing picks its next look from what it has seen."),
    ),
    simulate=no_free_lunch,
    figures=(Figure("lunch", "Bar chart: average looks each strategy needs to find the best point, over every "
                             "problem and over the structured problems only",
                    partial(present.lunch_figure, axis_tops=AXIS_TOPS), height=236),),
    panels=(Panel("versus", "panel_versus.html", present.lunch_versus),
            Panel("tinyworld", "panel_tinyworld.html", partial(present.tiny_world, max_n=int(SIZE.max), max_k=int(VALUES.max)),
                  before_figures=False),),
    present=present,
)

KNOW = Widget(
    "know", "Already knowing versus figuring it out",
    params=(
        Number("coverage", "First agent: share of known things it remembers", min=50, max=100, step=0.5, default=99.5,
               unit="%", help="By default like a model trained on everything written down."),
        Number("knower_ability", "First agent: chance an attempt works out a missing piece", min=0, max=60, step=1,
               default=1, unit="%", help="By default it mostly already knows or fails; raise this to let it figure things out too."),
        Number("ability", "Second agent: chance an attempt works out a missing piece", min=0, max=60, step=1, default=25,
               unit="%", help="By default it learns, experiments and builds tools as it goes."),
        Number("figurer_coverage", "Second agent: share of known things it remembers", min=0, max=100, step=5, default=30,
               unit="%", help="By default far less than the first agent."),
        Number("pieces", "Pieces of know-how a task needs", min=1, max=10, step=1, default=5, unit_words="pieces",
               integer=True, help="More pieces: more chances that one of them is new."),
        Number("budget", "Attempts allowed per task", min=1, max=60, step=1, default=20, unit_words="attempts",
               integer=True, help="Time to experiment before the task counts as failed."),
    ),
    simulate=knowing_vs_figuring,
    figures=(Figure("know", "Line chart: chance of success against task novelty for the two agents (by default "
                            "one that already knows and one that figures things out), with the first crossing marked, if they cross", present.know_figure,
                    height=340),),
    panels=(Panel("versus", "panel_versus.html", present.know_versus),),
    present=present,
)

ANGELS = Widget(
    "angels", "Who keeps a long project on track?",
    params=(
        Number("length", "Project length", min=50, max=1000, step=50, default=500, unit="steps", unit_words="steps",
               integer=True, help="Write the plan, hire, build, sell, fix, grow: each step is one of these."),
        Number("stuck", "Chance of getting stuck at a step", min=0.5, max=10, step=0.5, default=2, unit="%",
               help="For both agents, at the start."),
        Number("today_recover", "How often the first agent (today's AI) gets itself unstuck", min=0, max=100, step=5, default=0,
               unit="%", help="Our reading of his point: today's systems mostly can't keep a project going on their own "
                              "(0% by default). It does not learn on the job either way."),
        Number("recover", "How often the second agent gets itself unstuck", min=0, max=100, step=5,
               default=95, unit="%", help="By default it notices when it is stuck and works its way out, as people do."),
        Number("learning", "How much each stuck moment teaches the second agent", min=0, max=50, step=5, default=25, unit="%",
               help="Continuous learning: its chance of getting stuck falls by this much after each time. "
                    "Today's AI does not learn on the job."),
    ),
    simulate=angels,
    simulate_many=angels_many,
    figures=((Figure("solo", "Line chart: share of projects finished with no outside help, against project length",
                     present.angel_solo_figure, height=300),
              Figure("help", "Line chart: mean number of outside interventions needed, against project length",
                     present.angel_help_figure, height=300)),),
    panels=(Panel("versus", "panel_versus.html", present.angels_versus),),
    present=present,
)

TARGET = Widget(
    "target", "A test is a snapshot of a moving target",
    params=(
        Number("start", "Skill at the new task on day 0", min=0, max=90, step=5, default=20, unit="%",
               help="The same for both learners."),
        Number("practice", "Learning on the job: share of the remaining gap closed each day", min=0, max=20,
               step=0.5, default=3, unit="%", help="For the learner that keeps learning. The other stays as trained."),
        Number("test_day", "Day of the test", min=0, max=365, step=1, default=3, unit_words="days", integer=True,
               help="The day capabilities are measured (if after the last day shown, on the last day)."),
        Number("horizon", "Days shown", min=30, max=365, step=5, default=120, unit_words="days", integer=True,
               help="How long the two learners are followed."),
    ),
    simulate=moving_target,
    figures=(Figure("target", "Line chart: skill at a new task over days on the job for a learner that stays as "
                              "trained and one that keeps learning, with the day of the test marked",
                    present.target_figure, height=300),),
    panels=(Panel("versus", "panel_versus.html", present.target_versus),),
    present=present,
)

PAGE = Page(
    theme="what-agi",
    widgets=(LUNCH, KNOW, ANGELS, TARGET),
    examples=({"size": 5, "values": 2, "family": "smooth"}, {"ability": 10, "pieces": 8},
              {"learning": 0, "recover": 50}),
    extremes=({"size": 3, "values": 2, "family": "smooth", "strategies": "pair", "coverage": 50, "ability": 60,
               "pieces": 10, "budget": 1, "length": 1000, "stuck": 10},
              {"size": 7, "values": 3, "coverage": 100, "ability": 0, "length": 50, "stuck": 0.5,
               "today_recover": 100, "recover": 0, "learning": 0, "start": 90, "practice": 20, "test_day": 365,
               "horizon": 30}),
)
