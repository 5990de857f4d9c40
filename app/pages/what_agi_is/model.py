"""Three small models for the page on what AGI is and isn't. Pure and deterministic; no web code. After Steven Byrnes's "Intro to Brain-Like-AGI Safety" (2022,
post 1), "Foom & Doom 1: 'Brain in a box in a basement'" (2025) and his explainer of what he means
by future AGI.

1. No free lunch: over *every* problem on a small domain, every search strategy that never
   re-tries a point needs the same average number of tries to find the best answer; on
   problems with structure, a strategy that exploits the structure does better.
2. Knowing versus figuring out: the chance of solving a task, as its novelty grows, for an agent
   that mostly remembers and one that mostly works things out.
3. Angels: a long project as a chain of steps where an agent sometimes gets stuck; how often it
   needs an outside intervention, with and without the ability to recover and to learn.
4. A moving target: what a test taken on one day says about a learner that keeps learning, and
   about one that stays as it was trained.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from math import comb

import numpy as np

# --------------------------------------------------------------------------- 1. no free lunch

STRATEGIES = ("left-to-right", "right-to-left", "shuffled", "hill-climb")
STRATEGY_SETS = {
    "all": STRATEGIES,
    "orders": ("left-to-right", "right-to-left", "shuffled"),   # fixed orders, blind to what they see
    "pair": ("left-to-right", "hill-climb"),                     # a blind order against an adaptive one
}
SHUFFLE_SEED = 7


@lru_cache(maxsize=None)
def _order(strategy: str, n: int) -> tuple[int, ...]:
    if strategy == "left-to-right":
        return tuple(range(n))
    if strategy == "right-to-left":
        return tuple(range(n - 1, -1, -1))
    if strategy == "shuffled":
        return tuple(int(i) for i in np.random.default_rng(SHUFFLE_SEED).permutation(n))
    raise ValueError(strategy)


def looks(strategy: str, f: tuple[int, ...]) -> list[int]:
    """The points a strategy looks at, in order, until the best value of f is first seen. Never
    looks at a point twice."""
    n, best = len(f), max(f)
    if strategy != "hill-climb":
        order = _order(strategy, n)
        return list(order[:next(i + 1 for i, x in enumerate(order) if f[x] == best)])
    # Adaptive: start in the middle; look next at an unvisited neighbour of the best point
    # seen so far (left first), else at the leftmost unvisited point.
    seen: dict[int, int] = {}
    x = n // 2
    while True:
        seen[x] = f[x]
        if f[x] == best:
            return list(seen)
        top = max(seen, key=lambda i: (seen[i], -i))
        x = next((j for j in (top - 1, top + 1) if 0 <= j < n and j not in seen),
                 next(j for j in range(n) if j not in seen))


def tries_to_best(strategy: str, f: tuple[int, ...]) -> int:
    """Evaluations until the best value of f is first seen."""
    return len(looks(strategy, f))


def problems(family: str, n: int, k: int) -> list[tuple[int, ...]]:
    """Every function from n points to values 0..k-1, or the structured ones among them."""
    every = list(itertools.product(range(k), repeat=n))
    if family == "all":
        return every
    if family == "smooth":       # neighbouring points differ by at most one value step
        return [f for f in every if all(abs(a - b) <= 1 for a, b in zip(f, f[1:]))]
    if family == "one-hill":     # rises (or stays level), then falls (or stays level)
        def one_hill(f):
            i = f.index(max(f))
            return all(a <= b for a, b in zip(f[:i], f[1:i + 1])) and all(a >= b for a, b in zip(f[i:], f[i + 1:]))
        return [f for f in every if one_hill(f)]
    raise ValueError(family)


@dataclass(frozen=True)
class LunchResult:
    n: int
    k: int
    family: str
    strategies: tuple[str, ...]
    counts: dict[str, int]                    # number of problems in "all" and in the family
    mean_all: dict[str, Fraction]             # strategy -> exact mean tries over every problem
    mean_family: dict[str, Fraction]          # strategy -> exact mean tries over the family


@lru_cache(maxsize=256)
def mean_tries(strategy: str, family: str, n: int, k: int) -> tuple[Fraction, int]:
    """The exact mean tries to the best over a family of problems, and the family's size."""
    fs = problems(family, n, k)
    return Fraction(sum(tries_to_best(strategy, f) for f in fs), len(fs)), len(fs)


@lru_cache(maxsize=256)
def typical_problem(family: str, n: int, k: int, strategies: tuple[str, ...]) -> int:
    """The index in `problems(family, n, k)` of a typical problem: among those with one clear peak (the top value
    once, away from the ends) where there are any, the one whose looks per strategy are nearest (least squares) to
    each strategy's mean over the family; ties go to the earliest."""
    fs = problems(family, n, k)
    means = [mean_tries(s, family, n, k)[0] for s in strategies]
    clear = [i for i, f in enumerate(fs) if f.count(k - 1) == 1 and 0 < f.index(k - 1) < n - 1] or list(range(len(fs)))
    return min(clear, key=lambda i: (sum((tries_to_best(s, fs[i]) - m) ** 2 for s, m in zip(strategies, means)), i))


def no_free_lunch(size: int, values: int, family: str, strategies: str) -> LunchResult:
    chosen = STRATEGY_SETS[strategies]
    every = {s: mean_tries(s, "all", size, values) for s in chosen}
    fam = {s: mean_tries(s, family, size, values) for s in chosen}
    return LunchResult(size, values, family, chosen, {"all": every[chosen[0]][1], family: fam[chosen[0]][1]},
                       {s: every[s][0] for s in chosen}, {s: fam[s][0] for s in chosen})


# ------------------------------------------------------------- 2. knowing versus figuring out

NOVELTY = np.linspace(0.0, 1.0, 101)
EXAM_BAND = (0.0, 0.04)      # exam questions: almost everything needed is already known somewhere
SCIENCE_BAND = (0.8, 1.0)    # new science, a new company: most of what is needed is not known yet


def p_success(novelty: float, pieces: int, coverage: float, ability: float, budget: int) -> float:
    """Chance of solving a task needing `pieces` pieces of know-how.

    Each piece is new to the world with probability `novelty`; otherwise it is known somewhere and
    the agent remembers it with probability `coverage`. Every piece it lacks must be worked out:
    each of the `budget` attempts works out one missing piece with probability `ability`.
    """
    return _success(novelty, pieces, coverage, _worked_out(pieces, ability, budget))


@lru_cache(maxsize=1024)
def _worked_out(pieces: int, ability: float, budget: int) -> tuple[float, ...]:
    """For j = 0..pieces: the chance of at least j successes in `budget` attempts (j pieces worked out)."""
    return tuple(sum(comb(budget, i) * ability ** i * (1.0 - ability) ** (budget - i) for i in range(j, budget + 1))
                 for j in range(pieces + 1))


def _success(novelty, pieces: int, coverage: float, done: tuple[float, ...]):
    """The chance of success at one novelty (a float) or at each of an array of them. Powers by repeated
    multiplication: the same bits on every machine, for a float or an array (numpy's vector pow is not libm's)."""
    missing = novelty + (1.0 - novelty) * (1.0 - coverage)
    known = 1.0 - missing
    miss, hold = [1.0], [1.0]
    for _ in range(pieces):
        miss.append(miss[-1] * missing)
        hold.append(hold[-1] * known)
    total = 0.0
    for j in range(pieces + 1):
        total += comb(pieces, j) * miss[j] * hold[pieces - j] * done[j]
    return total


def in_band(novelty: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """The novelties of a band [lo, hi], its ends included though linspace puts them a hair either side."""
    return (novelty >= lo - 1e-12) & (novelty <= hi + 1e-12)


@dataclass(frozen=True)
class Agent:
    name: str
    coverage: float
    ability: float


@dataclass(frozen=True)
class KnowResult:
    novelty: np.ndarray
    curves: dict[str, np.ndarray]      # agent name -> success probability at each novelty
    crossover: float | None            # novelty where the figurer starts doing better, if it does
    exam: dict[str, float]             # mean success over the exam band
    science: dict[str, float]          # mean success over the new-science band
    start: int = 0                     # +1 figurer visibly ahead first, -1 behind first, 0 never visibly either
    changes: tuple[tuple[float, str], ...] = ()   # (novelty, "overtakes" | "falls behind") in order
    coverage: dict[str, float] | None = None       # agent name -> share of known things it remembers

    def certain(self, agent: str, novelty: float) -> bool:
        """Whether success is certain, exactly: only where nothing can be missing (novelty 0 and everything known
        remembered), since no attempt is sure to work a piece out (`ability` is below 1). Floating point can round
        a success short of certain to 1, or a certain one to just above it; this is the model's own answer."""
        return novelty == 0 and self.coverage is not None and self.coverage[agent] == 1

    def certain_over(self, agent: str, band: tuple[float, float]) -> bool:
        """Whether success is certain (`certain`) at every novelty of a band, so its average is certain too."""
        return all(self.certain(agent, float(x)) for x in self.novelty[in_band(self.novelty, *band)])


VISIBLE = 0.005   # half a percentage point: a lead smaller than this does not show on the page


def _crossings(diff: np.ndarray) -> tuple[int, tuple[tuple[float, str], ...]]:
    """How the lead (diff = figurer - knower) changes along novelty, counting only visible leads
    (over VISIBLE either way; a tie is not a crossing): the first visible state (+1 ahead, -1
    behind, 0 never visibly either), and each later change as (novelty where diff crosses zero,
    "overtakes" or "falls behind")."""
    signs = [(i, 1 if d > VISIBLE else -1) for i, d in enumerate(diff) if abs(d) > VISIBLE]
    if not signs:
        return 0, ()
    changes = []
    for (i, a), (j, b) in zip(signs, signs[1:]):
        if a != b:
            k = i + int(np.flatnonzero(np.sign(diff[i:j + 1]) == b)[0])   # first point on the new side
            t = -diff[k - 1] / (diff[k] - diff[k - 1])
            changes.append((float(NOVELTY[k - 1] + t * (NOVELTY[k] - NOVELTY[k - 1])),
                            "overtakes" if b > 0 else "falls behind"))
    return signs[0][1], tuple(changes)


def _crossover(start: int, changes: tuple[tuple[float, str], ...]) -> float | None:
    """Where the figurer first pulls visibly ahead: 0.0 if it is ahead from the start, None if never."""
    if start > 0:
        return 0.0
    return next((x for x, kind in changes if kind == "overtakes"), None)


def knowing_vs_figuring(coverage: float, ability: float, pieces: int, budget: int,
                        knower_ability: float, figurer_coverage: float) -> KnowResult:
    """Two agents: a 'knower' (remembers a share `coverage` of known things, works out a missing
    piece on a share `knower_ability` of attempts) and a 'figurer' (remembers `figurer_coverage`,
    works out a piece on a share `ability` of attempts). Shares are fractions in [0, 1]."""
    agents = (Agent("knower", coverage, knower_ability), Agent("figurer", figurer_coverage, ability))
    curves = {a.name: _success(NOVELTY, pieces, a.coverage, _worked_out(pieces, a.ability, budget)) for a in agents}
    start, changes = _crossings(curves["figurer"] - curves["knower"])
    crossover = _crossover(start, changes)

    def band(lo, hi):
        mask = in_band(NOVELTY, lo, hi)
        return {name: float(c[mask].mean()) for name, c in curves.items()}
    return KnowResult(NOVELTY, curves, crossover, band(*EXAM_BAND), band(*SCIENCE_BAND), start, changes,
                      {a.name: a.coverage for a in agents})


# ----------------------------------------------------------------------------------- 3. angels

@dataclass(frozen=True)
class AngelResult:
    lengths: np.ndarray                   # project lengths sampled (steps)
    zero_help: dict[str, np.ndarray]      # agent -> share of runs finishing with no intervention
    interventions: dict[str, np.ndarray]  # agent -> mean interventions needed
    stuck: float = 0.0                    # the settings, for predicates that check the numbers against them
    today_recover: float = 0.0
    recover: float = 0.0
    learning: float = 0.0                 # the second agent's; the first never learns

    def exact(self, agent: str) -> bool:
        """Whether an agent's numbers are computed exactly: both agents' always are (the learner's by
        counting its stuck moments), so the learner is never shown doing worse than it would without learning."""
        return agent in ("today", "agi")


STUCK_MAX = 0.10          # the most often an agent can get stuck (the slider's top)


def _learner(length: int, lengths: np.ndarray, stuck: float, s: float, lam: float) -> tuple[np.ndarray, np.ndarray]:
    """The exact shares of runs finished with no intervention, and the mean interventions, at each of
    `lengths`, for an agent whose chance of getting stuck is stuck × (1 − lam)^k after k stuck moments and
    that unsticks itself with chance `s`. Walks step by step through the chance of each number k of
    stuck moments so far, with and without an intervention yet. The share finished alone is one less the chance
    of a first intervention, summed step by step: an agent that always unsticks itself (s = 1) adds nothing to that
    sum, so its share is exactly 1, not a sum of shifted chances that float rounding leaves just under 1. Once that
    chance passes a half, the share is read from the chances with no intervention yet instead (`_alone`), which keep
    a tiny share tiny where one less the sum would cancel to 0."""
    k = np.arange(length + 2)
    p = stuck * (1.0 - lam) ** k                  # the chance of getting stuck after k stuck moments
    alone = np.zeros(k.size)                      # P(k stuck moments, no intervention yet)
    every = np.zeros(k.size)                      # P(k stuck moments)
    alone[0] = every[0] = 1.0
    wanted = set(int(v) for v in lengths)
    zero, mean = [], []
    helps = failed = 0.0
    for step in range(1, length + 1):
        hit_alone, hit_every = alone * p, every * p
        helps += float(hit_every.sum()) * (1.0 - s)
        failed += float(hit_alone.sum()) * (1.0 - s)
        alone = alone - hit_alone
        alone[1:] += hit_alone[:-1] * s
        every = every - hit_every
        every[1:] += hit_every[:-1]
        if step in wanted:
            zero.append(_alone(failed, alone.sum()))
            mean.append(helps)
    return np.array(zero), np.array(mean)


def _alone(failed, alone):
    """The share of runs with no intervention yet, from the chance of one (`failed`) and the summed chances without
    one (`alone`): one less the first while it is under a half (exact at 1), else the second, which keeps a share
    under 10⁻¹⁶ that one less the first would round to 0."""
    return np.where(failed > 0.5, np.minimum(1.0, np.maximum(0.0, alone)), np.minimum(1.0, np.maximum(0.0, 1.0 - failed)))


def angels(length: int, stuck: float, recover: float, learning: float, today_recover: float) -> AngelResult:
    """Exact for both agents. Each step an agent gets stuck with probability `stuck`. Today's AI gets
    itself unstuck with probability `today_recover` (default 0: it needs an intervention every time)
    and does not learn on the job. The figuring-out agent gets itself unstuck with probability
    `recover`, and each time it gets stuck its stuck rate falls by the share `learning` (continuous
    learning). Probabilities and shares are fractions in [0, 1], `stuck` at most STUCK_MAX.

    (The learner's curve was once the average of 400 seeded runs; at the defaults it showed the learner
    finishing alone less often than the same agent without learning, which this model cannot do.)"""
    if not 0 <= stuck <= STUCK_MAX:
        raise ValueError(f"stuck must be between 0 and {STUCK_MAX}")
    lengths = np.unique(np.linspace(1, length, 60).astype(int))
    out_zero, out_mean = {}, {}
    for name, s, lam in (("today", today_recover, 0.0), ("agi", recover, learning)):
        if lam == 0:
            # An agent that never learns gets stuck, and fails to unstick itself, with the same chance q at
            # every step: no help in (1 - q)^L of runs, L q interventions on average.
            q = stuck * (1.0 - s)
            out_zero[name] = (1.0 - q) ** lengths.astype(float)
            out_mean[name] = q * lengths.astype(float)
            continue
        out_zero[name], out_mean[name] = _learner(length, lengths, stuck, s, lam)
    return AngelResult(lengths, out_zero, out_mean, stuck, today_recover, recover, learning)


# ------------------------------------------------------------------------- 4. a moving target


@dataclass(frozen=True)
class TargetResult:
    days: np.ndarray                   # 0..horizon
    skill: dict[str, np.ndarray]       # learner -> skill (0..1) on each day
    test_day: int                      # the day the test is taken: the day set, or the last day shown if later
    tested: dict[str, float]           # learner -> skill measured by the test
    final: dict[str, float]            # learner -> skill on the last day
    set_day: int = 0                   # the day the reader set for the test (after the horizon: moved to it)

    @property
    def moved(self) -> bool:
        """The day set is after the last day shown, so the test is taken on the last day instead."""
        return self.set_day != self.test_day


def moving_target(start: float, practice: float, test_day: int, horizon: int) -> TargetResult:
    """Two learners meet a new kind of task with the same skill `start`. One stays as trained
    (today's AI: nothing it does on the job changes it); the other keeps learning: each day of
    practice closes a share `practice` of the gap to full skill. A test on `test_day` measures both.
    Shares are fractions in [0, 1]; days are whole numbers (a test after the horizon is taken on it)."""
    days = np.arange(horizon + 1)
    day = min(test_day, horizon)
    skill = {"frozen": np.full(days.shape, start), "learner": 1.0 - (1.0 - start) * (1.0 - practice) ** days}
    for a in skill.values():
        a.flags.writeable = False
    days.flags.writeable = False
    return TargetResult(days, skill, day, {k: float(v[day]) for k, v in skill.items()},
                        {k: float(v[-1]) for k, v in skill.items()}, set_day=test_day)


ANGEL_BATCH = 32     # learners whose steps run together: numpy's per-step cost is shared by their rows


def _learners(length: int, lengths: np.ndarray, stuck: np.ndarray, s: np.ndarray,
              lam: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`_learner` for many agents of one project length at once, one row each: the same steps on each row,
    so each row's numbers are the ones `_learner` gives that agent alone (tests/test_truths.py checks)."""
    k = np.arange(length + 2)
    p = stuck[:, None] * (1.0 - lam[:, None]) ** k
    alone = np.zeros((stuck.size, k.size))
    every = np.zeros((stuck.size, k.size))
    alone[:, 0] = every[:, 0] = 1.0
    keep_s, miss_s = s[:, None], 1.0 - s
    wanted = set(int(v) for v in lengths)
    zero, mean = [], []
    helps = np.zeros(stuck.size)
    failed = np.zeros(stuck.size)
    hit_alone, hit_every, moved = np.empty_like(alone), np.empty_like(every), np.empty((stuck.size, length + 1))
    for step in range(1, length + 1):
        np.multiply(alone, p, out=hit_alone)
        np.multiply(every, p, out=hit_every)
        helps = helps + hit_every.sum(axis=1) * miss_s
        failed = failed + hit_alone.sum(axis=1) * miss_s
        alone -= hit_alone
        np.multiply(hit_alone[:, :-1], keep_s, out=moved)
        alone[:, 1:] += moved
        every -= hit_every
        every[:, 1:] += hit_every[:, :-1]
        if step in wanted:
            zero.append(_alone(failed, alone.sum(axis=1)))
            mean.append(helps)
    return np.array(zero).T, np.array(mean).T


def angels_many(settings: list[dict]) -> list[AngelResult]:
    """angels at each of many settings: learners of the same project length run side by side."""
    out = [angels(**{**s, "learning": 0.0}) for s in settings]       # checks the settings; the learner is replaced below
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(settings):
        if s["learning"] != 0:
            groups.setdefault(s["length"], []).append(i)
    for length, members in groups.items():
        for j in range(0, len(members), ANGEL_BATCH):
            rows = members[j:j + ANGEL_BATCH]
            zero, mean = _learners(length, out[rows[0]].lengths, *(np.array([float(settings[i][n]) for i in rows])
                                                                 for n in ("stuck", "recover", "learning")))
            for r, i in enumerate(rows):
                res = out[i]
                out[i] = AngelResult(res.lengths, {**res.zero_help, "agi": zero[r]}, {**res.interventions, "agi": mean[r]},
                                     res.stuck, res.today_recover, res.recover, settings[i]["learning"])
    return out
