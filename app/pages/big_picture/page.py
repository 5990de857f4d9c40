"""The big-picture page: the two-subsystem diagram (one thought, start to finish), a long-term
predictor in defer and override modes, designer -> reward -> value, and preferences about preferences."""
from __future__ import annotations

from app.framework import Choice, Figure, Number, Page, Panel, Stage, Step, Widget

from . import present
from .model import alignment, one_thought, predictor, preferences

THOUGHT = Widget(
    "thought", "One thought, start to finish",
    params=(
        Step("step", "Step", min=1, max=7, step=1, default=1, integer=True,
             help="Use Previous / Next, or tap a box or arrow of the diagram to jump to its step."),
        Number("hunger", "Hunger", min=0, max=100, step=5, default=70, unit="%",
               help="The Steering Subsystem's own state. Our toy innate rule: above 50% hunger, expecting sugar "
                    "makes the thought better; below 50%, worse. The further from 50%, the stronger the effect (0% "
                    "is as negative as 100% is positive)."),
        Number("sugar_guess", "“I'll taste sugar” guess", min=0, max=100, step=5, default=90, unit="%",
               help="What the sugar Thought Assessor learned to expect from a thought like this one."),
        Number("fear_guess", "“I'll be scared” guess", min=0, max=100, step=5, default=0, unit="%",
               help="What the fear Thought Assessor expects. Our toy rule counts fear as bad."),
        Number("valence_guess", "Valence guess", min=-1, max=1, step=0.05, default=0.2,
               unit_words="(valence, from −1 to +1)",
               help="What the valence Thought Assessor learned to expect of this thought."),
        Choice("view", "Describe", default="brain",
               options=(("brain", "The brain"), ("agi", "A brain-like AGI (Byrnes's edits)")),
               help="Byrnes's edits: “lifetime” becomes “training run”, “genetically hard-coded” becomes "
                    "“[probably] human-written”, and brain-region names and biology-specific words such as “sugar” "
                    "are struck out. (The cookie and the hunger are our example, not his figure's.)"),
        Choice("colour", "Shade", default="parts",
               options=(("parts", "Each part"), ("subsystems", "Learned vs hard-wired")),
               help="Hatches the Steering Subsystem, which does not learn from scratch."),
    ),
    simulate=one_thought,
    figures=(Figure("valence", "Bar chart: the valence guess, the innate verdict, the actual valence and the "
                               "guess after learning, from −1 (discard) to +1 (keep); a grey band marks verdicts "
                               "too weak to override",
                    present.valence_figure, height=240),),
    present=present,
    panels=(Panel("diagram", "panel_diagram.html", present.thought_view, preview=True),),
    stages=(Stage("valence", "The valence guess, the innate verdict and the actual valence",
                  figures=("valence",), params=("hunger", "sugar_guess", "fear_guess", "valence_guess")),),
    step_count=present.step_count,
    api_path="/api/big-picture/thought",
)

PREDICTOR = Widget(
    "predictor", "A long-term predictor: defer or override",
    params=(
        Choice("mode", "Between the cue and the outcome, the Steering Subsystem", default="defer",
               options=(("defer", "defers to the predictor"), ("override", "overrides throughout (innate only)")),
               help="Defer: its output is the predictor's guess. Override: its own circuitry sets the output."),
        Number("override_rate", "Override fires at the outcome", min=0, max=100, step=5, default=100, unit="%",
               help="In defer mode: the share of trials in which the innate circuitry checks what really "
                    "happened and overrides with it."),
        Number("override_until", "Overrides stop after trial", min=0, max=300, step=10, default=300, integer=True,
               unit_words="trials", help="In defer mode: after this many trials the innate circuitry never "
                                         "overrides again (300: it never stops)."),
        Number("truth", "The outcome really follows the cue", min=0, max=100, step=5, default=80, unit="%",
               help="How often, e.g., sugar is really tasted after the cookie is seen."),
        Number("delay", "Delay from cue to outcome, in time steps", min=1, max=20, step=1, default=5, integer=True,
               unit_words="(time steps of delay)", help="Steps of time between the cue and the outcome."),
        Number("lr", "Learning rate", min=0.05, max=1, step=0.05, default=0.2,
               help="How far each guess moves toward its target per trial."),
        Number("initial", "Starting guess", min=0, max=100, step=5, default=0, unit="%",
               help="What the predictor guesses before any learning."),
        Number("trials", "Trials", min=10, max=300, step=10, default=60, integer=True, unit_words="trials",
               help="How many times the cue appears."),
    ),
    simulate=predictor,
    figures=((Figure("guesses", "Line chart: the predictor's guess at the cue after each trial, against how often "
                               "the outcome happened, with a tick for each trial in which the override fired",
                    present.guess_figure, height=300),
              Figure("signal", "Step chart: the Steering Subsystem's output signal from the cue to the outcome, "
                               "in the first and the last trial", present.signal_figure, height=300)),),
    present=present,
    inactive=present.predictor_inactive,
    api_path="/api/big-picture/predictor",
)

ALIGNMENT = Widget(
    "alignment", "Designer, reward function, value function",
    params=(
        Number("loophole", "Reward for gaming the score", min=0, max=2, step=0.1, default=0,
               unit_words="(reward; the task itself pays 1)",
               help="What the reward function pays for a loophole the designer meant to be worth 0."),
        Choice("tried", "Plans tried in training", default="two",
               options=(("two", "The task and the loophole only"), ("all", "All three")),
               help="The value function is corrected only on plans the agent has tried."),
        Number("misvalue", "Value function's error before training", min=0, max=2, step=0.1, default=0,
               unit_words="(value)", help="How far its guesses are off before training; training corrects "
                                          "them only on the plans it tries."),
    ),
    simulate=alignment,
    figures=(Figure("plans", "Grouped bar chart: for each of three plans, what the designer wants, what the "
                             "reward function pays and what the value function expects; the chosen plan is marked",
                    present.alignment_figure, height=220),),
    present=present,
    panels=(Panel("links", "panel_alignment.html", present.alignment_view),),
    inactive=present.alignment_inactive,
    api_path="/api/big-picture/alignment",
)

PREFERENCES = Widget(
    "preferences", "Preferences about preferences",
    params=(
        Number("first", "Starting value of “obeying the law”", min=-1, max=1, step=0.1, default=0.8,
               unit_words="(value)", help="Question 1: does it give obeying the law a positive value? Above +0.1: yes; below it: no "
                    "(within ±0.1 it is indifferent)."),
        Number("means_end", "Means-end reasoning", min=0, max=1, step=0.05, default=0.5, unit_words="(rate)",
               help="How strongly valuing X makes “I keep valuing X” valuable, since it leads to X."),
        Number("social", "Others' view of valuing the law", min=-1, max=1, step=0.1, default=0,
               unit_words="(from shame −1 to pride +1)",
               help="Pride or shame in how others see it (Byrnes's human case); 0: none."),
        Choice("access", "Can it act on a second-order preference?", default="thinking",
               options=(("none", "Not at all (an idealisation Byrnes doubts)"),
                        ("thinking", "Slowly: secure code, but it steers credit assignment by how it thinks"),
                        ("hack", "Fast: it can edit itself (insecure code)")),
               help="How its second-order preference can reshape its first-order one."),
    ),
    simulate=preferences,
    figures=(Figure("values", "Line chart over time: the value of obeying the law and the value of valuing it, "
                              "with spans where they disagree shaded", present.preference_figure, height=230),),
    present=present,
    panels=(Panel("grid", "panel_grid.html", present.preference_view),),
    api_path="/api/big-picture/preferences",
)

PAGE = Page(
    theme="brain-model",
    widgets=(THOUGHT, PREDICTOR, ALIGNMENT, PREFERENCES),
    examples=({"step": 5}, {"step": 7, "hunger": 50}, {"override_rate": 0, "initial": 100},
              {"mode": "override"}, {"loophole": 1.5}, {"social": -1, "access": "none"}),
    extremes=({"step": 7, "hunger": 0, "sugar_guess": 100, "fear_guess": 100, "valence_guess": -1, "view": "agi",
               "colour": "subsystems", "delay": 20, "trials": 300, "lr": 1, "loophole": 2, "misvalue": 2,
               "tried": "two", "first": -1, "social": 1, "access": "hack"},
              {"step": 1, "hunger": 100, "valence_guess": 1, "delay": 1, "trials": 10, "mode": "override",
               "first": 1, "social": -1, "means_end": 0, "access": "none"}),
)
