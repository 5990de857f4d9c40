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

A training stage of strength s is selection: in each small step ds, each type's share is
multiplied by exp(ds * trait) and the shares are renormalised (replicator dynamics: what many small
rounds of "do more of what was rewarded" add up to). Selection alone can only reweight behaviour
that exists; two flows let training change what exists:

* drift (RLVR): reinforcement that pays for succeeding by any means pushes some honest behaviour
  into its cheating variant. Per unit of RLVR strength a share DRIFT x (red's task reward minus
  green's) of green turns red: the pull is what cheating earns over honesty. For an LLM that is the
  exchange rate; for a brain-like learner whose reward function values niceness (``innate``), the
  reward honesty keeps is set against it, so where niceness earns as much as cheating there is no drift.
  With nothing extra to be had by cheating, there is no drift.
* building (brain-like only): with no imitation learning, RL is also where coherent behaviour comes
  from. Per unit of RL strength a share BUILD of the incoherent behaviour becomes coherent; it is
  genuinely nice (green) in the proportion ``innate`` in which the learner's reward function values
  niceness for its own sake, and otherwise nice only where niceness pays (red).

Where the starting mix comes from:

* "llm": pretraining turns observed text into behaviour, so the mix is set by the reader
  (how much is coherent and nice-looking; how much of that is treacherous).
* "brainlike": no imitation learning: the learner starts with no coherent behaviour at all.
  ``innate`` (default zero: writing such a reward function is an unsolved problem) is a term of
  its reward function during both stages: green earns it on top of what it otherwise earns.
"""
from __future__ import annotations

from dataclasses import dataclass
import numpy as np

TYPES = ("green", "red", "blue")
STAGES = ("pretraining", "after RLHF", "after RLVR")
SCENARIOS = ("llm", "brainlike")
DRIFT = 0.25        # RLVR: share of green turned red per unit strength, per unit of reward cheating earns over honesty
BUILD = 0.5         # brain-like: share of incoherent behaviour made coherent per unit RL strength
PATH_POINTS = 21    # samples per stage along the training path
SUBSTEPS = 10       # integration steps between two samples


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
    rlvr: float                         # RLVR's selection strength (0: the stage does nothing)

    def share(self, stage: str, kind: str) -> float:
        return float(self.stages[STAGES.index(stage)][TYPES.index(kind)])

    def competence(self, stage: str) -> float:
        """Share of behaviour that succeeds at tasks (honestly or not): everything coherent."""
        return 1.0 - self.share(stage, "blue")

    def seen_nice(self, stage: str) -> float:
        """Share of behaviour that looks nice to a rater: all the green, and the red that raters miss."""
        missed = min(1.0, float(self.traits.looks_nice[1]))
        return self.share(stage, "green") + self.share(stage, "red") * missed

    def red_per_green(self, stage: str) -> float | None:
        g, r = self.share(stage, "green"), self.share(stage, "red")
        return None if g == 0.0 else r / g


def traits(detect: float, exchange: float, innate: float) -> Traits:
    """Observable traits; `innate` is the reward a brain-like learner's own reward function adds for
    genuine niceness (zero for an LLM). detect, exchange, innate in [0, 1]."""
    bonus = np.array([innate, 0.0, 0.0])
    return Traits(
        looks_nice=np.array([1.0, 1.0 - detect, 0.0]) + bonus,
        task_reward=np.array([1.0, 1.0 + exchange, 0.0]) + bonus,
    )


def initial_mix(scenario: str, nice: float, treacherous: float) -> np.ndarray:
    """Shares (green, red, blue) before any RL. nice, treacherous in [0, 1]."""
    if scenario == "llm":
        return np.array([nice * (1.0 - treacherous), nice * treacherous, 1.0 - nice])
    if scenario == "brainlike":
        return np.array([0.0, 0.0, 1.0])
    raise ValueError(f"unknown scenario {scenario!r}")


def stage(shares: np.ndarray, trait: np.ndarray, strength: float, *, drift: float = 0.0,
          build: float, innate: float) -> np.ndarray:
    """One training stage of `strength`, sampled at PATH_POINTS evenly spaced strengths (first row:
    the start). Each small step: selection by exp(ds * trait), then the flows (exact for the step):
    green -> red at rate `drift`, blue -> coherent at rate `build` (a share `innate` of it green)."""
    g, r, b = (float(v) for v in shares)
    t = trait - trait.max()                 # shifted so nothing overflows
    n = (PATH_POINTS - 1) * SUBSTEPS
    ds = strength / n
    f = [float(np.exp(ds * v)) for v in t]
    keep_green, keep_blue = float(np.exp(-drift * ds)), float(np.exp(-build * ds))
    rows = [(g, r, b)]
    for i in range(1, n + 1):
        g, r, b = g * f[0], r * f[1], b * f[2]
        total = g + r + b
        if total > 0.0:
            g, r, b = g / total, r / total, b / total
        moved, built = g * (1.0 - keep_green), b * (1.0 - keep_blue)
        g, r, b = g - moved + innate * built, r + moved + (1.0 - innate) * built, b - built
        if i % SUBSTEPS == 0:
            rows.append((g, r, b))
    return np.array(rows)


def simulate(scenario: str, nice: float, treacherous: float, rlhf: float, detect: float,
             rlvr: float, exchange: float, innate: float) -> PieResult:
    """Run the model. Shares (nice, treacherous, detect, exchange, innate) are fractions in [0, 1];
    rlhf and rlvr are selection strengths. The result is immutable, so callers may memoise it."""
    brainlike = scenario == "brainlike"
    tr = traits(detect, exchange, innate if brainlike else 0.0)
    flows = {"build": BUILD, "innate": innate} if brainlike else {"build": 0.0, "innate": 0.0}   # LLMs: no flow
    p0 = initial_mix(scenario, nice, treacherous)
    p0 = p0 / p0.sum()
    first = stage(p0, tr.looks_nice, rlhf, **flows)
    pull = max(0.0, float(tr.task_reward[1] - tr.task_reward[0]))      # what cheating earns over honesty
    second = stage(first[-1], tr.task_reward, rlvr, drift=DRIFT * pull, **flows)
    p1, p2 = first[-1].copy(), second[-1].copy()
    path = np.vstack([first, second[1:]])
    fractions = np.linspace(0.0, 1.0, PATH_POINTS)
    path_x = np.concatenate([fractions, 1.0 + fractions[1:]])
    for array in (p0, p1, p2, path_x, path, tr.looks_nice, tr.task_reward):
        array.flags.writeable = False   # results are memoised and shared: make them immutable
    return PieResult(scenario, (p0, p1, p2), path_x, path, tr, float(rlvr))


# --------------------------------------------------------------------------- power: why gathering it pays
# A toy in the spirit of the power-seeking results (ours, not Byrnes's): does a random goal do better by
# acting now or by first gathering power? Nothing below prefers power; the share of goals for which it pays
# is counted, not assumed.
#
# * GOALS random goals, each a utility over up to MAX_OUTCOMES outcomes, drawn uniformly from 0 to 1 with a
#   fixed seed (bounded: the gain from more options levels off). 0 is what the goal gets if the agent is
#   stopped: as bad as anything can be for it.
# * Acting now reaches the first `direct` outcomes: the goal gets the best of them.
# * Gathering power reaches `direct + extra` outcomes, but loses the share `cost` of the value (the delay) and
#   is stopped with chance `open_risk` (openly) or `secret_risk` (secretly). Hiding is slower: gathering
#   secretly pays the cost twice. Expected value: (1 - cost)^k (1 - risk) x the best of the larger set.
# * Each goal takes the plan of highest expected value; a tie goes to the simpler plan (act now, then
#   openly), so power is counted only where it does strictly better.

GOALS = 2_000
MAX_DIRECT = 10
MAX_EXTRA = 40
MAX_OUTCOMES = MAX_DIRECT + MAX_EXTRA
PLANS = ("act now", "gather openly", "gather secretly")
_UTILITY = np.random.default_rng(33).random((GOALS, MAX_OUTCOMES))
_BEST = np.maximum.accumulate(_UTILITY, axis=1)     # _BEST[g, n - 1]: the best of goal g's first n outcomes
_BEST.flags.writeable = False


@dataclass(frozen=True)
class PowerResult:
    direct: int
    extra: int
    cost: float
    open_risk: float
    secret_risk: float
    act: float                  # shares of the GOALS for which each plan is best
    open: float
    secret: float
    unwatched: float            # the share that would gather power (either way) if open gathering were never stopped
    curve_extra: np.ndarray     # 0..MAX_EXTRA
    curve_gather: np.ndarray    # the share gathering power (either way) at each number of extra outcomes
    curve_secret: np.ndarray    # of which secretly

    @property
    def gather(self) -> float:
        return self.open + self.secret

    @property
    def goals(self) -> int:
        return GOALS


def _factors(cost: float, open_risk: float, secret_risk: float) -> tuple[float, float]:
    """What share of the wider choice's value each way of gathering keeps in expectation."""
    return (1.0 - cost) * (1.0 - open_risk), (1.0 - cost) ** 2 * (1.0 - secret_risk)


def secret_wins(cost: float, open_risk: float, secret_risk: float) -> bool:
    """Gathering secretly keeps strictly more than openly. Decided to nine decimals, so an exact tie stays a tie
    (and goes to openly) where float error would break it: at cost 20%, open risk 40% and secret risk 25% both
    keep 0.48, stored as 0.48 and 0.4800000000000001."""
    openly, secretly = _factors(cost, open_risk, secret_risk)
    return round(secretly, 9) > round(openly, 9)


def _gathers(direct: int, keep: float, extra: slice | int) -> np.ndarray:
    """Whether gathering power (keeping `keep` of the value) does strictly better than acting now, per goal
    (and per number of extra outcomes, for a slice)."""
    now = _BEST[:, direct - 1]
    if isinstance(extra, int):
        return keep * _BEST[:, direct - 1 + extra] > now
    return keep * _BEST[:, direct - 1 + extra.start:direct + extra.stop - 1].T > now


def power(direct: int, extra: int, cost: float, open_risk: float, secret_risk: float) -> PowerResult:
    """The share of random goals best served by each plan. direct, extra: counts of outcomes; cost and the
    risks are fractions in [0, 1]. Both ways of gathering reach the same outcomes, so whichever keeps more of
    the value is the better of the two for every goal (a tie goes to openly); a goal gathers power that way
    when it beats acting now."""
    direct, extra = int(direct), int(extra)
    openly, secretly = _factors(cost, open_risk, secret_risk)
    hide = secret_wins(cost, open_risk, secret_risk)
    keep = secretly if hide else openly
    gather = _gathers(direct, keep, slice(0, MAX_EXTRA + 1)).mean(axis=1)
    secret = gather if hide else np.zeros_like(gather)
    count = int(_gathers(direct, keep, extra).sum())         # counted, so the shares add up exactly
    share = count / GOALS
    unwatched = float(_gathers(direct, 1.0 - cost, extra).mean())   # open_risk 0: openly keeps 1 - cost
    curve_extra = np.arange(MAX_EXTRA + 1)
    for array in (gather, secret, curve_extra):
        array.flags.writeable = False
    return PowerResult(direct, extra, cost, open_risk, secret_risk,
                       act=(GOALS - count) / GOALS, open=0.0 if hide else share,
                       secret=share if hide else 0.0,
                       unwatched=unwatched, curve_extra=curve_extra, curve_gather=gather, curve_secret=secret)
