"""A population model of learned behaviour under pretraining, RLHF and RLVR.

Pure and deterministic; numpy only; no web code. It redraws the three pie charts from Steven
Byrnes's "Foom & Doom 2: Technical alignment is hard" (2025) as the outcome of selection, so
that the chart's claims come out of the arithmetic rather than being drawn in.

Three kinds of behaviour ("types") share the policy:

* green: nice, and stays nice when the situation changes;
* red:   nice for now, but turns on you when an opportunity for a treacherous turn arrives;
* blue:  incoherent, grumpy or otherwise not nice-looking.

Each type has two observable traits, the only things training can select on:

* ``looks_nice``: how nice it looks to RLHF raters. Green and red look the same (that is the
  whole problem) unless the reader lets raters *detect* treachery some of the time.
* ``task_reward``: how much reward it earns on RLVR's verifiable tasks. Green earns its honest
  success; red earns the same plus whatever lying and cheating add on top (the *exchange
  rate*); blue is incoherent and earns nothing.

A training stage of strength s is selection: each type's share is multiplied by
exp(s * trait) and the shares are renormalised. (This is replicator dynamics integrated
exactly: it is what many small rounds of "do more of what was rewarded" add up to.) Selection
can only reweight behaviour that exists; it cannot create a type whose share is zero.

Where the starting mix comes from:

* "llm": pretraining turns observed text into behaviour, so the mix is set by the reader
  (how much is coherent and nice-looking; how much of that is treacherous).
* "brainlike": no imitation learning. What a learner builds from scratch with a reward
  function that does not value niceness for its own sake is, at best, instrumental niceness:
  red. A small coherent seed (FROM_SCRATCH_COHERENT) starts red, except for the part that
  the reward function itself makes genuinely nice (``innate``, default zero: writing such a
  reward function is an unsolved problem).
"""
from __future__ import annotations

from dataclasses import dataclass
import numpy as np

TYPES = ("green", "red", "blue")
STAGES = ("pretraining", "after RLHF", "after RLVR")
SCENARIOS = ("llm", "brainlike")
FROM_SCRATCH_COHERENT = 0.05   # brain-like: share of coherent behaviour before any selection
PATH_POINTS = 21                # samples per stage along the training path


@dataclass(frozen=True)
class Traits:
    looks_nice: np.ndarray    # per type, in TYPES order
    task_reward: np.ndarray


@dataclass(frozen=True)
class PieResult:
    scenario: str
    stages: tuple[np.ndarray, ...]      # one share vector (green, red, blue) per stage
    path_x: np.ndarray                  # training progress: 0..1 RLHF, 1..2 RLVR
    path: np.ndarray                    # shape (len(path_x), 3)
    traits: Traits

    def share(self, stage: str, kind: str) -> float:
        return float(self.stages[STAGES.index(stage)][TYPES.index(kind)])

    def red_per_green(self, stage: str) -> float | None:
        g, r = self.share(stage, "green"), self.share(stage, "red")
        return None if g == 0.0 else r / g


def traits(detect: float, exchange: float) -> Traits:
    """Observable traits. detect, exchange in [0, 1]."""
    return Traits(
        looks_nice=np.array([1.0, 1.0 - detect, 0.0]),
        task_reward=np.array([1.0, 1.0 + exchange, 0.0]),
    )


def initial_mix(scenario: str, nice: float, treacherous: float, innate: float) -> np.ndarray:
    """Shares (green, red, blue) before any RL. nice, treacherous, innate in [0, 1]."""
    if scenario == "llm":
        return np.array([nice * (1.0 - treacherous), nice * treacherous, 1.0 - nice])
    if scenario == "brainlike":
        c = FROM_SCRATCH_COHERENT
        return np.array([c * innate, c * (1.0 - innate), 1.0 - c])
    raise ValueError(f"unknown scenario {scenario!r}")


def select(shares: np.ndarray, trait: np.ndarray, strength: float) -> np.ndarray:
    """Multiply each share by exp(strength * trait) and renormalise.

    The exponent is shifted by its maximum so nothing overflows; types with equal traits get
    bit-identical factors, so their ratio survives exactly (up to the final division's rounding).
    """
    exponent = strength * (trait - trait.max())
    weighted = shares * np.exp(exponent)
    total = weighted.sum()
    if total <= 0.0:              # every share was zero: nothing to select among
        return shares.copy()
    return weighted / total


def _select_many(shares: np.ndarray, trait: np.ndarray, strengths: np.ndarray) -> np.ndarray:
    """`select` at many strengths at once: one row per strength."""
    weighted = shares[None, :] * np.exp(strengths[:, None] * (trait - trait.max())[None, :])
    totals = weighted.sum(axis=1, keepdims=True)
    return np.divide(weighted, totals, out=np.broadcast_to(shares, weighted.shape).copy(), where=totals > 0)


def simulate(scenario: str, nice: float, treacherous: float, rlhf: float, detect: float,
             rlvr: float, exchange: float, innate: float) -> PieResult:
    """Run the model. Shares (nice, treacherous, detect, exchange, innate) are fractions in [0, 1];
    rlhf and rlvr are selection strengths. The result is immutable, so callers may memoise it."""
    tr = traits(detect, exchange)
    p0 = initial_mix(scenario, nice, treacherous, innate)
    p0 = p0 / p0.sum()
    p1 = select(p0, tr.looks_nice, rlhf)
    p2 = select(p1, tr.task_reward, rlvr)
    fractions = np.linspace(0.0, 1.0, PATH_POINTS)
    path = np.vstack([_select_many(p0, tr.looks_nice, rlhf * fractions),
                      _select_many(p1, tr.task_reward, rlvr * fractions[1:])])
    path_x = np.concatenate([fractions, 1.0 + fractions[1:]])
    for array in (p0, p1, p2, path_x, path, tr.looks_nice, tr.task_reward):
        array.flags.writeable = False   # results are memoised and shared: make them immutable
    return PieResult(scenario, (p0, p1, p2), path_x, path, tr)
