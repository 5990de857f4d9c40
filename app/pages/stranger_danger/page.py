"""The stranger-danger page: the two-subsystem walkthrough and the filial-imprinting puzzle."""
from __future__ import annotations

from app.framework import Choice, Figure, Number, Page, Panel, Stage, Step, Widget

from . import present
from .model import imprint, walkthrough

WALKTHROUGH = Widget(
    "walkthrough", "Stranger danger, minute by minute",
    params=(
        Step("step", "Step", min=1, max=40, step=1, default=1, integer=True,
             help="Use Previous / Next, or the arrow keys on this slider. Steps past the last one show the last."),
        Number("lr", "Learning rate", min=0, max=1, step=0.05, default=0.2, unit="per minute",
               unit_words="per minute",
               help="How far the fear assessor moves its prediction toward what actually happened, each minute."),
        Number("friendly", "Friendliness", min=0, max=1, step=0.05, default=0.8,
               help="With a fun toy: how strongly the play assessor says 'a good time to play'. 0.5 or more: the "
                    "child can relax once used to the stranger. Below 0.5: never."),
        Number("first_visit", "First visit", min=1, max=30, step=1, default=5, unit="min",
               unit_words="minutes", integer=True, help="A brief first meeting."),
        Number("stay", "Later visits", min=1, max=60, step=1, default=30, unit="min", unit_words="minutes",
               integer=True, help="How long the stranger stays on each later visit."),
        Number("habituation", "Habituation", min=1, max=40, step=1, default=15, unit="min",
               unit_words="minutes", integer=True,
               help="Minutes of fear with nothing bad happening before the habituation circuit fires."),
        Number("encounters", "Visits", min=2, max=6, step=1, default=3, unit_words="visits", integer=True,
               help="How many times the stranger comes."),
        Choice("last_visitor", "Who comes last", default="same",
               options=(("same", "Same stranger"), ("different", "A different one")),
               help="A different person tests how far the child's learning carries over."),
        Number("generalisation", "How far learning carries over", min=0, max=1, step=0.05,
               default=0.1, help="0: each person is learned separately; 1: all adults look alike to the assessor."),
    ),
    simulate=walkthrough,
    figures=(Figure("timeline", "Line chart over time: the assessor's predicted fear and the actual fear, with "
                                "the visits (an adult present) shaded and the current step marked",
                    present.timeseries_figure, height=264),),
    present=present,
    panels=(Panel("diagram", "panel_diagram.html", lambda walk, values: present.step_view(walk), preview=True),),
    # The fear over every visit, with the settings that break the story, beside "Ways to break it".
    stages=(Stage("timeline", "Line chart over time: the assessor's predicted fear and the actual fear on every visit",
                  figures=("timeline",), params=("lr", "friendly", "habituation", "last_visitor", "generalisation")),),
    api_path="/api/stranger-danger",
    step_count=present.step_count,
    inactive=present.walkthrough_inactive,
)

IMPRINTING = Widget(
    "imprinting", "Filial imprinting: design the mechanism",
    params=(
        Choice("trainer", "Trainer (its ground truth)", default="none",
               options=present.pick_options("trainer"),
               help="Its ground truth for each object it sees: warmth comes only from a real mother; the crude innate "
                    "detector fires for any big moving thing nearby."),
        Choice("when", "When it may learn", default="always",
               options=present.pick_options("when"),
               help="Outside these times its ratings stay frozen."),
        Number("window_start", "Window opens", min=0, max=47, step=1, default=13, unit="h",
               unit_words="hours after hatching", integer=True,
               help="Hours after hatching (used only when learning is limited to the window)."),
        Number("window_end", "Window closes", min=1, max=48, step=1, default=16, unit="h",
               unit_words="hours after hatching", integer=True, help="Hours after hatching."),
        Choice("output", "Follow circuit", default="ignore",
               options=present.pick_options("output"),
               help="The assessor only predicts; the Steering Subsystem decides what to do about it."),
    ),
    simulate=imprint,
    figures=(Figure("ratings", "Horizontal bar chart: how mother-like the gosling's assessor rates the mother and the boot "
                               "at the end of each scenario", present.imprint_figure, height=280),),
    present=present,
    # The mechanism's wide layout first: where both are in the page, the first drawn part is the one a desktop shows.
    panels=(Panel("mechanism_wide", "panel_mechanism.html", present.mechanism_view),
            Panel("mechanism", "panel_mechanism.html", present.mechanism_view),
            Panel("score", "panel_score.html", present.score_view)),
    # The six goslings' verdicts and ratings, with the window's hours, in a section of their own.
    stages=(Stage("goslings", "The six goslings: each one's verdict and 48 hours, and how mother-like it rates each object",
                  figures=("ratings",), panels=("score",), params=("window_start", "window_end")),),
    live_update=False,
    submit_label="Hatch",
    submit_result=present.score_line,
    api_path="/api/filial-imprinting",
    inactive=present.imprinting_inactive,
)

PAGE = Page(
    theme="brain-model",
    widgets=(WALKTHROUGH, IMPRINTING),
    examples=({"step": 6}, {"step": 6, "lr": 0}, {"trainer": "innate", "when": "window", "output": "follow"}),
    extremes=({"step": 40, "lr": 1, "encounters": 6, "stay": 60, "trainer": "innate", "when": "window",
               "output": "follow"},
              {"step": 3, "first_visit": 1, "stay": 1, "encounters": 6, "habituation": 1}),
)
