"""The valence-disorders page's model: pure, deterministic, no web code.

A simulated waking day of thoughts. Every moment the Thought Generator offers a thought of some kind
(getting up and starting a task, calling a friend, a new plan, thinking about a colleague, scratching
an itchy bite...). Its valence is the kind's usual appeal, plus the offset the reader sets, plus noise
of the spread they set; "extremising" then pushes it away from neutral, toward strongly positive or
strongly negative. While nothing is under way, a thought with positive valence is acted on and
stays; a negative one is thrown out and the generator re-rolls. While something is under way, a new
thought replaces it only if its valence beats the current one's by a margin (distraction). An
activity ends after its kind's usual length.

The model is of one mechanism (how valence gates thoughts), not of any condition.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

SEED = 5
MOMENTS = 960                     # a 16-hour waking day in one-minute moments
MARGIN = 1.0                      # how much better a new thought must feel to interrupt the current one
EXTREME = 3.0                     # where extremising pushes valence to (plus or minus)
MILD = 1.0                        # a valence within this of neutral is mild (mildly good or mildly bad)
STRONG = 2.0                      # a valence at least this far from neutral is strong (strongly good or bad)
PERSON = ("colleague", "self")    # the kinds of thought that judge a person (a colleague, or oneself)

# Kinds of thought: (name, usual appeal, how often offered, minutes it lasts once acted on)
KINDS = (
    ("task", "Get up and start a task", -0.3, 0.22, 30),
    ("friend", "Call a friend", 0.2, 0.14, 20),
    ("plan", "Start an ambitious new plan", 0.0, 0.14, 40),
    ("colleague", "Think well of a colleague", 0.3, 0.14, 5),
    ("self", "Think of yourself as doing well", 0.3, 0.14, 5),
    ("snack", "Eat something", 0.8, 0.10, 10),
    ("itch", "Scratch an itchy bite", 2.0, 0.12, 1),
)
IDS = tuple(k[0] for k in KINDS)
NAMES = {k[0]: k[1] for k in KINDS}


@dataclass(frozen=True)
class Day:
    offset: float
    spread: float
    extremise: float
    offered: dict[str, int]                   # thoughts offered, per kind
    acted: dict[str, int]                     # thoughts acted on, per kind
    valences: tuple[float, ...]               # valence of every thought offered, in order (to 3 decimals, as gated)
    kinds: tuple[str, ...]                    # the kind of every thought offered
    busy: tuple[str | None, ...]              # what was under way at each moment (None: nothing)
    rerolls: int                              # thoughts thrown out while nothing was under way
    switches: int                             # activities interrupted by a better-feeling thought
    flips: dict[str, float]                   # per kind: share of consecutive offers whose sign changed
    swing: float                              # mean jump in valence when a thought about a person flips sign
    person_flips: int                         # how many times a thought about a person flipped sign

    @property
    def acted_total(self) -> int:
        return sum(self.acted.values())

    @functools.cached_property
    def idle(self) -> float:
        """Share of the day with nothing under way."""
        return self.busy.count(None) / len(self.busy)

    def acted_share(self, kind: str) -> float:
        return self.acted[kind] / self.offered[kind] if self.offered[kind] else 0.0

    @property
    def neutral(self) -> float:
        """Share of thoughts whose valence was near neutral (between -0.5 and +0.5)."""
        v = np.array(self.valences)
        return float(np.mean(np.abs(v) < 0.5))

    # The shape of the day's valences, read from the distribution itself. Extremising pushes every valence
    # at least 3 x extremise away from neutral, so any band narrower than that is emptied by construction;
    # what the figure shows is how the thoughts divide between the middle (mild) and the two ends (strong).
    @property
    def negative(self) -> float:
        """Share of thoughts with negative valence (thrown out whenever nothing is under way)."""
        return float(np.mean(np.array(self.valences) < 0))

    @property
    def positive(self) -> float:
        """Share of thoughts with positive valence."""
        return float(np.mean(np.array(self.valences) > 0))

    @property
    def mild(self) -> float:
        """Share of thoughts within MILD of neutral: mildly good, mildly bad, or neither."""
        return float(np.mean(np.abs(np.array(self.valences)) < MILD))

    @property
    def strong_good(self) -> float:
        """Share of thoughts at +STRONG or more."""
        return float(np.mean(np.array(self.valences) >= STRONG))

    @property
    def strong_bad(self) -> float:
        """Share of thoughts at -STRONG or less."""
        return float(np.mean(np.array(self.valences) <= -STRONG))

    @property
    def acted_while_idle(self) -> int:
        """Thoughts taken up when nothing was under way (the rest of the acted-on interrupted something)."""
        return self.acted_total - self.switches

    @property
    def mean_flips(self) -> float:
        return float(np.mean([self.flips[k] for k in ("colleague", "self")]))


def day(offset: float, spread: float, extremise: float) -> Day:
    rng = np.random.default_rng(SEED)
    appeal = np.array([k[2] for k in KINDS])
    weights = np.array([k[3] for k in KINDS])
    weights = weights / weights.sum()
    lengths = np.array([k[4] for k in KINDS])
    offered = {k: 0 for k in IDS}
    acted = {k: 0 for k in IDS}
    valences, kinds, busy = [], [], []
    by_kind: dict[str, list[float]] = {k: [] for k in IDS}
    rerolls = switches = 0
    current, current_v, left = None, 0.0, 0
    draws = rng.choice(len(KINDS), size=MOMENTS, p=weights)
    noise = rng.normal(0.0, 1.0, MOMENTS)
    for t in range(MOMENTS):
        i = int(draws[t])
        v = appeal[i] + offset + spread * noise[t]
        v = (1 - extremise) * v + extremise * np.sign(v) * EXTREME        # pushed away from neutral
        # Kept to three decimals before the gate, so what is acted on and what is reported are the same number.
        v = round(float(v), 3) + 0.0
        kind = IDS[i]
        offered[kind] += 1
        valences.append(v)
        kinds.append(kind)
        by_kind[kind].append(v)
        if current is None:
            if v > 0:
                current, current_v, left = kind, float(v), int(lengths[i])
                acted[kind] += 1
            else:
                rerolls += 1
        elif v > current_v + MARGIN:                                      # distraction: a better thought wins
            current, current_v, left = kind, float(v), int(lengths[i])
            acted[kind] += 1
            switches += 1
        busy.append(current)
        if current is not None:
            left -= 1
            if left <= 0:
                current = None
    flips, jumps = {}, []
    for k, vs in by_kind.items():
        signs = np.sign(vs)
        flips[k] = float(np.mean(signs[1:] != signs[:-1])) if len(vs) > 1 else 0.0
        if k in PERSON:
            jumps += [abs(b - a) for a, b in zip(vs, vs[1:]) if np.sign(a) != np.sign(b)]
    swing = float(np.mean(jumps)) if jumps else 0.0
    return Day(offset, spread, extremise, offered, acted, tuple(valences), tuple(kinds), tuple(busy), rerolls,
               switches, flips, round(swing, 3), len(jumps))
