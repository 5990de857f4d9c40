"""Stranger danger: Steven Byrnes's two-subsystem brain model, run minute by minute.

Pure and deterministic; no web code. After Byrnes's "Intro to Brain-Like-AGI Safety" (2022),
the posts on Thought Assessors ("long-term predictors") and on social instincts.

Steering Subsystem (hard-wired; nothing in it learns):
* sensory heuristics raise an "adult present" flag while an adult is close by;
* the stranger-danger circuit answers that flag with fear by default (override mode), but when
  the fear Thought Assessor confidently predicts safety it takes the assessor's word for it
  (defer-to-predictor mode);
* a habituation circuit counts minutes of fear in the current visit during which nothing bad
  happened; once that reaches the habituation time it lets the circuit stand down;
* together with the play Thought Assessor's "this is a good time to play" (how friendly and
  playful the adult is, with a fun toy, read as "yes" from PLAY_THRESHOLD up), a habituated circuit
  switches to *relaxed* (override): no fear at all, "relaxed and playful and not-scared" in Byrnes's
  words, however friendly the adult is beyond the threshold. So the friendliness at which the story's
  ending can change is PLAY_THRESHOLD, at every setting of the other sliders (a relaxed level that
  grew with friendliness once put it at 0.55 or 0.6, wherever the learned guess crept just under 25%).

Learning Subsystem:
* the fear Thought Assessor keeps one prediction per person it has met, in [0, 1] (0.5: no
  expectation either way); it is trained by supervised learning toward what the Steering
  Subsystem actually did (its ground truth), at the learning rate, each minute the person is
  present; a fraction `generalisation` of each update also moves its prediction for everyone
  else (how much "a different stranger" looks like "this stranger" to it).

Nothing below refers to a particular encounter or step: the story the page tells (scared, then
predicted-scared, then relaxed, then relaxed from the start) has to come out of these rules.
"""
from __future__ import annotations

from dataclasses import dataclass

NEUTRAL = 0.5          # the assessor's prediction for someone it has never learned about
GUESS_PLACES = 12      # decimals a guess is kept to
CONFIDENT_SAFE = 0.25  # below this the circuit defers to the assessor ("I expect to be relaxed")
CONFIDENT_FEAR = 0.75  # above this the assessor's output reads as "this is scary"
PLAY_THRESHOLD = 0.5   # how playful the adult must look for the circuit to switch to relaxed
RELAXED = 0.0          # the fear output once the circuit stands down: none
GAP = 2                # minutes with nobody around between visits (shown on the time line)


@dataclass(frozen=True)
class Minute:
    t: int                  # minutes since the start
    encounter: int          # 1-based visit number; 0 between visits
    person: int             # 0 = the first stranger, 1 = a different stranger, -1 = nobody
    adult_present: float    # sensory heuristics' flag
    predicted_fear: float   # the fear Thought Assessor's output at the start of the minute
    play: float             # the play Thought Assessor's output
    habituated: bool        # the habituation circuit has fired in this visit
    scared_minutes: int     # minutes of this visit up to and including this one with fear and nothing bad happening
                            # (the circuit decides on the count before this minute: `habituated`)
    mode: str               # "none" | "defer" | "override-fear" | "override-relax"
    fear: float             # the Steering Subsystem's actual fear output (ground truth)
    updated_prediction: float  # the assessor's prediction for this person after learning


@dataclass(frozen=True)
class Encounter:
    index: int
    person: int
    start: int              # index into minutes of the first minute of the visit
    end: int                # index one past the last minute
    predicted_fear_at_start: float
    fear_at_start: float
    fear_at_end: float
    prediction_after: float
    relaxed_at: int | None  # minute of the visit (0-based) when the circuit switched to relaxed


@dataclass(frozen=True)
class StrangerResult:
    minutes: tuple[Minute, ...]
    encounters: tuple[Encounter, ...]
    new_face: tuple[float, ...] = ()   # the assessor's guess for someone never met, after each minute
    habituation: int = 0               # minutes of fear the habituation circuit needs in a visit
    generalisation: float = 0.0        # the share of each update that also moves the guess for everyone else
    lr: float = 0.0                    # the share of the way toward the fear felt each minute moves a guess


@dataclass(frozen=True)
class Walk:
    """A simulation result together with the walkthrough step being shown."""

    result: StrangerResult
    step: int


def confident_safe(p: float) -> bool:
    """The stranger-danger circuit defers when the assessor predicts fear below 25% (the exact guess; how the page
    rounds it for display is the page's business)."""
    return p < CONFIDENT_SAFE


def simulate(lr: float, friendly: float, first_visit: int, stay: int, habituation: int, encounters: int,
             last_visitor: str, generalisation: float) -> StrangerResult:
    """Run the visits. lr, friendly, generalisation in [0, 1]; durations in whole minutes.

    Visit 1 lasts `first_visit` minutes, every later visit `stay` minutes. If last_visitor is
    "different", the last visit is by someone the child has never met.
    """
    predictions = {0: NEUTRAL, 1: NEUTRAL}
    minutes: list[Minute] = []
    new_face: list[float] = []
    visits: list[Encounter] = []
    t = 0
    for k in range(1, encounters + 1):
        person = 1 if (last_visitor == "different" and k == encounters and encounters > 1) else 0
        length = first_visit if k == 1 else stay
        start = len(minutes)
        scared_minutes = 0
        relaxed_at = None
        for m in range(length):
            predicted = predictions[person]
            play = friendly                      # a friendly, playful adult with a fun toy
            habituated = scared_minutes >= habituation
            if habituated and play >= PLAY_THRESHOLD:
                mode, fear = "override-relax", RELAXED
            elif confident_safe(predicted):
                mode, fear = "defer", predicted
            else:
                mode, fear = "override-fear", 1.0
            if mode == "override-relax" and relaxed_at is None:
                relaxed_at = m
            if fear >= 0.5:
                scared_minutes += 1              # scared, and nothing bad happened
            # supervised learning toward the Steering Subsystem's actual output, kept to 12 decimals so that
            # floating-point noise never decides which side of 25% a guess falls
            for p in predictions:
                rate = lr if p == person else lr * generalisation
                predictions[p] = round(predictions[p] + rate * (fear - predictions[p]), GUESS_PLACES)
            minutes.append(Minute(t, k, person, 1.0, predicted, play, habituated, scared_minutes, mode, fear,
                                  predictions[person]))
            new_face.append(predictions[1])
            t += 1
        visit = minutes[start:]
        visits.append(Encounter(k, person, start, len(minutes), visit[0].predicted_fear, visit[0].fear,
                                visit[-1].fear, predictions[person], relaxed_at))
        if k < encounters:
            for _ in range(GAP):
                minutes.append(Minute(t, 0, -1, 0.0, predictions[0], 0.0, False, 0, "none", 0.0, predictions[0]))
                new_face.append(predictions[1])
                t += 1
    return StrangerResult(tuple(minutes), tuple(visits), tuple(new_face), habituation, generalisation, lr)


def walkthrough(step: int, **params) -> Walk:
    """The model at these settings, plus which step of the walkthrough is shown."""
    return Walk(simulate(**params), step)


# ------------------------------------------------------------------------------ filial imprinting
#
# Filial imprinting as a puzzle: the reader designs the mechanism, the model hatches goslings.
#
# Pure and deterministic; no web code. The puzzle and its answer are Steven Byrnes's (in his
# "Intro to Brain-Like-AGI Safety" series, 2022): goslings follow whatever salient object they saw
# during a critical window about 13 to 16 hours after hatching, normally their mother, but a boot
# or a box if she is absent.
#
# The mechanism has three parts the reader chooses:
#
# * trainer: what the "mother" Thought Assessor is trained to predict: a crude innate detector
#   that fires for any big moving thing close by ("innate"), or the warmth of being brooded, which
#   only a real mother gives ("warmth"), or nothing at all ("none");
# * when: when the assessor may learn: "always", only inside a window (window_start to
#   window_end hours after hatching), or "never";
# * output: what the Steering Subsystem does with the assessor's output: "follow" what it rates
#   as mother-like, or "ignore" it.
#
# Each scenario is a timeline of which objects are nearby, hour by hour, for 48 hours; the
# gosling is then tested with the objects present at the end. Real goslings' behaviour in each
# scenario is the target.

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


# Our scenarios. Each target follows from the rule as Byrnes states it (a gosling follows the
# salient object it saw during the critical window, about 13 to 16 hours after hatching), not from
# further data; three of them put the two objects on either side of the window's edges, so a
# design passes only if its learning really is confined to about those hours. In every scenario
# where both objects end up nearby, which one the gosling follows is the test.
SCENARIOS = (
    Scenario("mother", "Mother there from hatching", "1. Mother from the start", (("mother", 0, HOURS),), "mother"),
    Scenario("boot", "No mother; a boot in the nest", "2. Only a boot", (("boot", 0, HOURS),), "boot"),
    Scenario("boot-in-window", "A boot during hours 13 to 16 only; from hour 20, the mother and the boot",
             "3. Boot in the window", (("boot", 13, 16), ("boot", 20, HOURS), ("mother", 20, HOURS)), "boot"),
    Scenario("boot-later", "Mother from hatching; a boot appears at hour 30", "4. Boot appears later",
             (("mother", 0, HOURS), ("boot", 30, HOURS)), "mother"),
    Scenario("mother-too-early", "Mother only until hour 13; a boot during hours 13 to 16; from hour 20, both",
             "5. Mother too early", (("mother", 0, 13), ("boot", 13, 16), ("boot", 20, HOURS), ("mother", 20, HOURS)),
             "boot"),
    Scenario("boot-too-late", "Mother during hours 13 to 16; a boot from hour 16; from hour 20, both",
             "6. Boot too late", (("mother", 13, 16), ("boot", 16, HOURS), ("mother", 20, HOURS)), "mother"),
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


def nearby(s: Scenario, obj: str, hour: int) -> bool:
    return any(o == obj and a <= hour < b for o, a, b in s.nearby)


def may_learn(when: str, hour: int, window_start: int, window_end: int) -> bool:
    if when == "always":
        return True
    if when == "window":
        return window_start <= hour < window_end
    return False


def hatch(s: Scenario, trainer: str, when: str, output: str, window_start: int, window_end: int) -> Outcome:
    ratings = {"mother": 0.0, "boot": 0.0}
    for hour in range(HOURS):
        if not may_learn(when, hour, window_start, window_end):
            continue
        for obj in ratings:
            if nearby(s, obj, hour):   # it can only learn about what it sees
                ratings[obj] += LEARNING_RATE * (SIGNALS[trainer][obj] - ratings[obj])
    candidates = sorted(((r, o) for o, r in ratings.items() if nearby(s, o, HOURS - 1) and r > FOLLOW_AT),
                        reverse=True)
    if output != "follow" or not candidates:
        follows = "nothing"
    elif len(candidates) > 1 and candidates[0][0] - candidates[1][0] < TIE:
        follows = "torn"
    else:
        follows = candidates[0][1]
    return Outcome(s, ratings, follows, follows == s.real)


def imprint(trainer: str, when: str, output: str, window_start: int, window_end: int) -> tuple[Outcome, ...]:
    """Hatch one gosling per scenario with this mechanism."""
    return tuple(hatch(s, trainer, when, output, window_start, window_end) for s in SCENARIOS)


BYRNES = {"trainer": "innate", "when": "window", "output": "follow", "window_start": 13, "window_end": 16}
