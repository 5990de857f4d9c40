"""Filial imprinting as a puzzle: the reader designs the mechanism, the model hatches goslings.

Pure and deterministic; no web code. The puzzle and its answer are Steven Byrnes's (in his
"Intro to Brain-Like-AGI Safety" series, 2022): goslings follow whatever salient object they saw
during a critical window about 13 to 16 hours after hatching, normally their mother, but a boot
or a box if she is absent.

The mechanism has three parts the reader chooses:

* trainer: what the "mother" Thought Assessor is trained to predict: a crude innate detector
  that fires for any big moving thing close by ("innate"), or the warmth of being brooded, which
  only a real mother gives ("warmth"), or nothing at all ("none");
* when: when the assessor may learn: "always", only inside a window (window_start to
  window_end hours after hatching), or "never";
* output: what the Steering Subsystem does with the assessor's output: "follow" what it rates
  as mother-like, or "ignore" it.

Each scenario is a timeline of which objects are nearby, hour by hour, for 48 hours; the
gosling is then tested with the objects present at the end. Real goslings' behaviour in each
scenario is the target.
"""
from __future__ import annotations

from dataclasses import dataclass

HOURS = 48
LEARNING_RATE = 0.5   # per hour of learning
FOLLOW_AT = 0.5       # an assessor output above this makes an object worth following
TIE = 0.1             # two objects rated within this of each other: the gosling is torn


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    short: str                                 # a label for the chart's axis
    nearby: tuple[tuple[str, int, int], ...]   # (object, from hour, to hour), half-open
    real: str                                  # what a real gosling follows at the end: object or "nothing"


SCENARIOS = (
    Scenario("mother", "Mother there from hatching", "1. Mother from the start", (("mother", 0, HOURS),), "mother"),
    Scenario("boot", "No mother; a boot in the nest", "2. Only a boot", (("boot", 0, HOURS),), "boot"),
    Scenario("late-mother", "Mother turns up only at hour 20, after the window", "3. Mother arrives late", (("mother", 20, HOURS),),
             "nothing"),
    Scenario("boot-later", "Mother from hatching; a boot appears at hour 30", "4. Boot appears later",
             (("mother", 0, HOURS), ("boot", 30, HOURS)), "mother"),
)

SIGNALS = {
    "innate": {"mother": 1.0, "boot": 1.0},   # a crude detector: anything big that moves nearby
    "warmth": {"mother": 1.0, "boot": 0.0},   # only a real mother broods her young
    "none": {"mother": 0.0, "boot": 0.0},
}


@dataclass(frozen=True)
class Outcome:
    scenario: Scenario
    ratings: dict[str, float]     # the assessor's output for each object at the end
    follows: str                  # object, "nothing", or "torn"
    passes: bool


def present(s: Scenario, obj: str, hour: int) -> bool:
    return any(o == obj and a <= hour < b for o, a, b in s.nearby)


def may_learn(when: str, hour: int, window_start: float, window_end: float) -> bool:
    if when == "always":
        return True
    if when == "window":
        return window_start <= hour < window_end
    return False


def hatch(s: Scenario, trainer: str, when: str, output: str, window_start: float, window_end: float) -> Outcome:
    ratings = {"mother": 0.0, "boot": 0.0}
    for hour in range(HOURS):
        if not may_learn(when, hour, window_start, window_end):
            continue
        for obj in ratings:
            if present(s, obj, hour):   # it can only learn about what it sees
                ratings[obj] += LEARNING_RATE * (SIGNALS[trainer][obj] - ratings[obj])
    candidates = sorted(((r, o) for o, r in ratings.items() if present(s, o, HOURS - 1) and r > FOLLOW_AT),
                        reverse=True)
    if output != "follow" or not candidates:
        follows = "nothing"
    elif len(candidates) > 1 and candidates[0][0] - candidates[1][0] < TIE:
        follows = "torn"
    else:
        follows = candidates[0][1]
    return Outcome(s, ratings, follows, follows == s.real)


def simulate(trainer: str = "none", when: str = "always", output: str = "ignore",
             window_start: float = 13.0, window_end: float = 16.0) -> tuple[Outcome, ...]:
    """Hatch one gosling per scenario with this mechanism."""
    return tuple(hatch(s, trainer, when, output, window_start, window_end) for s in SCENARIOS)


BYRNES = {"trainer": "innate", "when": "window", "output": "follow", "window_start": 13.0, "window_end": 16.0}
