"""The big-picture page's models: pure, deterministic, no web code.

* `one_thought`: one thought through the two subsystems (assessors guess, the Steering Subsystem
  defers or overrides, valence keeps or discards the thought, the valence assessor learns).
* `predictor`: one long-term predictor over many trials, with the Steering Subsystem in
  defer-to-predictor mode between overrides (TD-like) or overriding throughout (supervised).
* `alignment`: designer -> reward function -> value function over three plans.
* `preferences`: first-order and second-order values of "obeying the law" over time.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np

# ---------------------------------------------------------------------------------- one thought

# The innate circuitry overrides the valence guess when its own verdict is at least this strong.
OVERRIDE_AT = 0.3
THOUGHT_LR = 0.5   # how far the valence assessor moves toward the actual valence after one thought


@dataclass(frozen=True)
class Thought:
    hunger: float            # 0..1, the Steering Subsystem's own state
    sugar_guess: float       # 0..1, the "I'll taste sugar" assessor's guess
    fear_guess: float        # 0..1, the "I'll be scared" assessor's guess
    valence_guess: float     # -1..1, the valence assessor's guess
    innate: float            # -1..1, the innate circuitry's own verdict from the guesses and hunger
    mode: Literal["defer", "override"]
    valence: float           # -1..1, the actual valence the Steering Subsystem outputs
    kept: bool               # valence > 0: the thought stays (and the plan goes ahead)
    valence_guess_after: float   # the valence assessor after learning from the actual valence
    step: int


def one_thought(*, hunger: float, sugar_guess: float, fear_guess: float, valence_guess: float,
                step: int, view: str, colour: str) -> Thought:
    """One thought ("eat the cookie") from start to finish. The innate verdict is our toy rule:
    tasting sugar is good when hungry and bad when full, as bad at 0% hunger as good at 100%; being scared is bad. The verdict is
    read to two decimals, the value the page shows, and the override decision is made on that value:
    a verdict shown as +0.30 overrides wherever it appears (0.5 x 0.9 - 0.15 is 0.29999999999999993
    in floating point, which once deferred while an exact +0.30 elsewhere overrode)."""
    raw = float(np.clip(sugar_guess * (2 * hunger - 1) - fear_guess, -1, 1))
    innate = round(raw, 2) + 0.0   # + 0.0: never -0.0
    mode = "override" if abs(innate) >= OVERRIDE_AT else "defer"
    valence = innate if mode == "override" else valence_guess
    after = valence_guess + THOUGHT_LR * (valence - valence_guess)
    return Thought(hunger, sugar_guess, fear_guess, valence_guess, innate, mode, valence, valence > 0,
                   after, step)


# ---------------------------------------------------------------------------------- predictor

SEED = 7


@dataclass(frozen=True)
class PredictorRun:
    mode: Literal["defer", "override"]   # what the Steering Subsystem does between cue and outcome
    delay: int
    truth: float                # how often the outcome really happens after the cue
    initial: float
    weights: np.ndarray         # (trials + 1, delay): prediction k steps after the cue, before each trial
    signals: np.ndarray         # (trials, delay + 1): the signal the Steering Subsystem output
    happened: np.ndarray        # (trials,) bool: the outcome happened
    overridden: np.ndarray      # (trials,) bool: the innate circuitry overrode at the outcome
    checking_at_end: bool       # checks go on after the last trial shown (rate above 0, stopping only after a later trial)
    lr: float                   # how far each guess moves toward its target per trial

    @property
    def trials(self) -> int:
        return len(self.happened)

    @property
    def final_guess(self) -> float:
        """The prediction at the cue after the last trial."""
        return float(self.weights[-1, 0])

    @property
    def observed(self) -> float:
        """How often the outcome actually followed the cue in these trials."""
        return float(self.happened.mean())

    @property
    def anticipation(self) -> float:
        """The signal at the moment of the cue, in the last trial: how much it anticipates the outcome."""
        return float(self.signals[-1, 0])

    @property
    def override_count(self) -> int:
        return int(self.overridden.sum())

    @property
    def last_check(self) -> int:
        """The last trial (counting from 1) in which the innate circuitry overrode at the outcome; 0 if none."""
        hits = np.flatnonzero(self.overridden)
        return int(hits[-1]) + 1 if len(hits) else 0

    def cue_guesses(self) -> np.ndarray:
        return self.weights[:, 0]


# Overrides "stop" after this trial only in name: it is the last trial there is, so they never stop.
NEVER_STOPS = 300


def predictor(*, mode: str, truth: float, override_rate: float, override_until: int, delay: int, lr: float,
              initial: float, trials: int) -> PredictorRun:
    """A tapped-delay-line predictor: one weight per step since the cue, each trained toward the
    signal one step later. In defer mode the signal before the outcome *is* the prediction, so the
    targets are the predictor's own later guesses (TD learning); at the outcome the innate
    circuitry overrides with what really happened, on a share `override_rate` of the trials before
    `override_until`, and otherwise defers there too. In override mode the innate circuitry sets the signal at every
    step (nothing until the outcome), so the predictor only learns to anticipate one step ahead."""
    rng = np.random.default_rng(SEED)
    happened = rng.random(trials) < truth
    fires = (rng.random(trials) < override_rate) & (np.arange(trials) < override_until)
    if mode == "override":
        fires = np.ones(trials, dtype=bool)
    w = np.full(delay, float(initial))
    weights = np.empty((trials + 1, delay))
    signals = np.empty((trials, delay + 1))
    weights[0] = w
    for t in range(trials):
        outcome = 1.0 if happened[t] else 0.0
        s = np.empty(delay + 1)
        if mode == "defer":
            s[:delay] = w
            s[delay] = outcome if fires[t] else w[delay - 1]
        else:
            s[:delay] = 0.0
            s[delay] = outcome
        w = w + lr * (s[1:] - w)
        weights[t + 1] = w
        signals[t] = s
    checking = mode == "override" or (override_rate > 0 and (override_until > trials or override_until >= NEVER_STOPS))
    return PredictorRun(mode, delay, truth, float(initial), weights, signals, happened, fires, checking, float(lr))


# ---------------------------------------------------------------------------------- alignment

INNER_TOLERANCE = 0.05


@dataclass(frozen=True)
class Plan:
    id: str
    label: str
    intended: float   # how well it serves the designer's intentions
    reward: float     # what the reward function (human-written Steering Subsystem code) pays for it
    value: float      # what the learned value function expects from it
    tried: bool       # whether training ever tried it (so the value function was corrected on it)


@dataclass(frozen=True)
class AlignmentResult:
    plans: tuple[Plan, ...]
    chosen: str        # the plan with the highest value: what the agent tries to do
    best_reward: str   # the plan the reward function pays most for
    intended: str      # the plan the designer wanted

    @property
    def outer(self) -> bool:
        """Outer alignment as Byrnes defines it: the reward is higher when the agent does what the designer
        wants and lower when it does not, so no plan the designer did not want is paid more than the
        designer meant it to be worth (a positive reward for gaming the score, meant to be worth 0, is
        outer misalignment however small), and the wanted plan pays more than every other."""
        top = next(p for p in self.plans if p.id == self.intended).reward
        return all(p.reward < top and p.reward <= p.intended for p in self.plans if p.id != self.intended)

    @property
    def inner(self) -> bool:
        """The value function rates every plan by the reward it would bring (within 0.05)."""
        return all(abs(p.value - p.reward) < INNER_TOLERANCE for p in self.plans)

    @property
    def intent(self) -> bool:
        """Intent alignment, as Byrnes defines it: outer and inner alignment both."""
        return self.outer and self.inner

    @property
    def does_task(self) -> bool:
        """The plan the agent picks is the one the designer wanted (by design or by luck)."""
        return self.chosen == self.intended


def alignment(*, loophole: float, misvalue: float, tried: str) -> AlignmentResult:
    """Three plans. The reward function pays the honest plan 1 and the loophole `loophole` (the
    designer meant 0). The value function starts off by `misvalue` on every plan (it generalises
    from elsewhere) and is trained until it matches the reward, but only on the plans training tries."""
    specs = (("task", "Do the task as meant", 1.0, 1.0),
             ("loophole", "Game the score", 0.0, loophole),
             ("novel", "A new plan", 0.0, 0.0))
    plans = []
    for pid, label, intended, reward in specs:
        was_tried = tried == "all" or pid != "novel"
        value = reward if was_tried else reward + misvalue
        plans.append(Plan(pid, label, intended, reward, value, was_tried))
    order = {p.id: i for i, p in enumerate(plans)}
    # The agent compares the values to two decimals (so sums like 0.1 + 0.2 tie with 0.3); a tie goes to the
    # plan listed first (the honest one first).
    chosen = max(plans, key=lambda p: (shown(p.value), -order[p.id])).id
    best_reward = max(plans, key=lambda p: (p.reward, -order[p.id])).id
    return AlignmentResult(tuple(plans), chosen, best_reward, "task")


# ---------------------------------------------------------------------------------- preferences

STEPS = 120
DT = 0.1
SELF_CHANGE = {"none": 0.0, "thinking": 0.15, "hack": 1.0}   # how fast the AGI can reshape its first-order want
INDIFFERENT = 0.1   # a value this close to 0 counts as no preference either way


def shown(v: float) -> float:
    """A value as the page shows it (two decimals): the stance is decided on it, so "+0.10" is never
    called a preference when the help says only values above +0.1 are."""
    return round(float(v), 2)


def stance(v: float) -> Literal["yes", "no", "neither"]:
    v = shown(v)
    return "yes" if v > INDIFFERENT else "no" if v < -INDIFFERENT else "neither"


@dataclass(frozen=True)
class PreferenceRun:
    first: np.ndarray    # value of "obeying the law" over time
    second: np.ndarray   # value of "I value obeying the law" over time
    access: str

    def at(self, i: int) -> tuple[str, str]:
        return stance(float(self.first[i])), stance(float(self.second[i]))

    def answers(self, i: int) -> tuple[str, str]:
        """Byrnes's two questions (does it assign positive value?) at time i, as shown: question 1's answer is yes or
        no (indifference to obeying the law is a no, not a positive value); question 2's yes, no or neither (an
        indifferent second-order value gives no clear answer: it asks for no change)."""
        first, second = self.at(i)
        return ("yes" if first == "yes" else "no", second)

    def cell(self, i: int) -> tuple[str, str] | None:
        """The grid's cell at time i: the answers to the two questions, and None (no cell) where question 2 has no
        clear answer."""
        answers = self.answers(i)
        return None if answers[1] == "neither" else answers

    @cached_property
    def dystonic_at(self) -> np.ndarray:
        """At each time: the two questions get different answers (the cell is yes and no, or no and yes)."""
        return np.array([(c := self.cell(i)) is not None and c[0] != c[1] for i in range(len(self.first))])

    @property
    def first_dystonic(self) -> int | None:
        hits = np.flatnonzero(self.dystonic_at)
        return int(hits[0]) if len(hits) else None

    @property
    def end(self) -> tuple[str, str]:
        return self.at(len(self.first) - 1)

    @property
    def start(self) -> tuple[str, str]:
        return self.at(0)

    @property
    def first_flipped(self) -> bool:
        """The first-order answer at the end differs from the start (the AGI changed what it values)."""
        return self.end[0] != self.start[0]


def preferences(*, first: float, means_end: float, social: float, access: str) -> PreferenceRun:
    """Second-order value v2 is pulled toward the first-order value v1 by means-end reasoning
    (valuing X makes "I keep valuing X" useful, at rate `means_end`) and toward others' approval
    (pride or shame, at rate |social| toward its sign). If the AGI can act on a second-order
    preference (`access`), v1 is pushed the way v2 points, at a rate set by that access. Starts
    with no second-order preference."""
    v1, v2 = float(first), 0.0
    ones, twos = [v1], [v2]
    pull = SELF_CHANGE[access]
    sign = float(np.sign(social))
    for _ in range(STEPS):
        d2 = means_end * (v1 - v2) + abs(social) * (sign - v2)
        d1 = pull * v2   # it pushes its first-order want the way its second-order one points
        v1, v2 = min(max(v1 + DT * d1, -1.0), 1.0), min(max(v2 + DT * d2, -1.0), 1.0)
        ones.append(v1)
        twos.append(v2)
    return PreferenceRun(np.array(ones), np.array(twos), access)
