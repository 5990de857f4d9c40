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
  playful the adult is, with a fun toy), a habituated circuit switches to *relaxed* (override).

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
CONFIDENT_SAFE = 0.25  # below this the circuit defers to the assessor ("I expect to be relaxed")
CONFIDENT_FEAR = 0.75  # above this the assessor's output reads as "this is scary"
PLAY_THRESHOLD = 0.5   # how playful the adult must look for the circuit to switch to relaxed
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


def simulate(lr: float = 0.2, friendly: float = 0.8, first_visit: int = 5, stay: int = 30,
             habituation: int = 15, encounters: int = 3, last_visitor: str = "same",
             generalisation: float = 0.1) -> StrangerResult:
    """Run the visits. lr, friendly, generalisation in [0, 1]; durations in whole minutes.

    Visit 1 lasts `first_visit` minutes, every later visit `stay` minutes. If last_visitor is
    "different", the last visit is by someone the child has never met.
    """
    predictions = {0: NEUTRAL, 1: NEUTRAL}
    minutes: list[Minute] = []
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
                mode, fear = "override-relax", 0.5 * (1.0 - play)
            elif predicted < CONFIDENT_SAFE:
                mode, fear = "defer", predicted
            else:
                mode, fear = "override-fear", 1.0
            if mode == "override-relax" and relaxed_at is None:
                relaxed_at = m
            if fear >= 0.5:
                scared_minutes += 1              # scared, and nothing bad happened
            # supervised learning toward the Steering Subsystem's actual output
            for p in predictions:
                rate = lr if p == person else lr * generalisation
                predictions[p] += rate * (fear - predictions[p])
            minutes.append(Minute(t, k, person, 1.0, predicted, play, habituated, mode, fear,
                                  predictions[person]))
            t += 1
        visit = minutes[start:]
        visits.append(Encounter(k, person, start, len(minutes), visit[0].predicted_fear, visit[0].fear,
                                visit[-1].fear, predictions[person], relaxed_at))
        if k < encounters:
            for _ in range(GAP):
                minutes.append(Minute(t, 0, -1, 0.0, predictions[0], 0.0, False, "none", 0.0, predictions[0]))
                t += 1
    return StrangerResult(tuple(minutes), tuple(visits))
