"""The PNSE-and-anxiety page's two models: pure, deterministic, no web code.

1. Loops: a small signed rate network. The brainstem's anxiety reaction (A) is felt as an interoceptive
   feeling (F) held by involuntary attention; the feeling brings to mind an object-level concept (W: "my
   friend may be ill", or "my friend is fine") and the self-reflective S(feeling of anxiety) (S); in the
   conventional self-model the Active Self (B) links S back to the body, and so to A. Each node relaxes
   toward its clipped input; an email gives A a short kick. Loop gains are products of edge weights.
   Whether anxiety persists is judged from the level it comes to rest at (where the loop hands anxiety back
   unchanged, reached from where the chart ends), not from how it moves in the last few time units.
2. How much anxiety: a year of looming problems; anxiety buys involuntary attention, which catches
   problems before they bite, and costs discomfort every day. The total cost at every anxiety level.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

# --- 1. Loops ------------------------------------------------------------------------------------------

DT = 0.1
STEPS = 400                        # 40 time units
KICK = 10                          # the email: anxiety driven at full strength for the first 10 steps
PERSIST = 0.01                     # a settled level at least this high: anxiety persists
SCAN = 2000                        # the settled level is looked for on this many points of [0, 1], then refined


def _clip(v: float) -> float:
    return min(max(v, 0.0), 1.0)


def _clip_array(v: np.ndarray) -> np.ndarray:
    return np.minimum(np.maximum(v, 0.0), 1.0)


@dataclass(frozen=True)
class Loops:
    news: str                      # "ill" or "fine"
    model: str                     # "conventional" or "pnse"
    attention: float
    worry: float
    self_gain: float
    object_loop: float             # signed gain round A -> F -> W -> A
    self_loop: float               # gain round A -> F -> S -> B -> A (0 with the bridge gone)
    trace: tuple[tuple[float, ...], ...]   # each node's activity every 5 steps
    peak: float
    end: float
    settled: float                 # the level anxiety comes to rest at, however long that takes
    persists: bool                 # settled at PERSIST or more: the loops hold anxiety up for good
    left: float                    # anxiety at the end of the chart as a share of its peak (of the levels unrounded)

    @property
    def combined(self) -> float:
        return round(self.object_loop + self.self_loop, 4)


def loops(news: str, model: str, attention: float, worry: float,
          self_gain: float) -> Loops:
    """Five nodes, A (anxiety), F (feeling), W (the object-level thought), S (S(feeling of anxiety)) and B (the
    Active Self's link to the body); each relaxes toward its input clipped to [0, 1]. The weights, from node to
    node: A->F 1, F->W attention, W->A +-worry, F->S attention, S->B self_gain and B->A 1 (the last two 0 in PNSE).
    Written out node by node; the same arithmetic, in the same order, as the matrix form w @ x."""
    sign = 1.0 if news == "ill" else -1.0
    bridge = 1.0 if model == "conventional" else 0.0
    fa, wf, aw, sf, bs, ab = 1.0, attention, sign * worry, attention, bridge * self_gain, bridge * 1.0
    a = f = wo = s = b = 0.0
    trace = [(a, f, wo, s, b)]
    for t in range(STEPS):
        drive_a = ((0.0 + aw * wo) + 0.0 * s) + ab * b
        if t < KICK:
            drive_a += 1.0
        da, df, dw, ds, db = _clip(drive_a), _clip(fa * a), _clip(wf * f), _clip(sf * f), _clip(bs * s)
        a, f, wo, s, b = (a + DT * (-a + da), f + DT * (-f + df), wo + DT * (-wo + dw), s + DT * (-s + ds),
                          b + DT * (-b + db))
        trace.append((a, f, wo, s, b))
    end = trace[-1][0]

    def returned(level, clip=_clip):
        """Anxiety's input once the rest of the loop has caught up with anxiety held at `level`."""
        feel = clip(fa * level)
        body = clip(bs * clip(sf * feel))
        return clip(aw * clip(wf * feel) + ab * body)

    settled = round(float(_settled(returned, end)), 4)
    peak = max(p[0] for p in trace)
    return Loops(news, model, attention, worry, self_gain, round(sign * attention * worry, 4),
                 round(bridge * attention * self_gain, 4),
                 tuple(tuple(round(p[i], 4) for p in trace[::5]) for i in range(5)),
                 round(peak, 4), round(end, 4), settled, settled >= PERSIST, end / peak if peak > 0 else 0.0)


def _settled(returned, start: float) -> float:
    """Where anxiety comes to rest from `start`, the level at the end of the chart: a level it returns to
    itself (returned(x) = x), the nearest one above if the loop returns more than it has, below if less."""
    gap = returned(start) - start
    if abs(gap) <= 1e-9:
        return start
    up = gap > 0
    points = np.linspace(start, 1.0 if up else 0.0, SCAN + 1)[1:]
    gaps = returned(points, _clip_array) - points
    k = int(np.argmax(gaps <= 0 if up else gaps >= 0))
    lo, hi = (points[k - 1] if k else start), points[k]
    if gaps[k] == 0:
        return float(hi)
    for _ in range(60):                       # bisection: the sign of the gap at lo is kept
        mid = (lo + hi) / 2
        if (returned(mid) - mid > 0) == up:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


# --- 2. How much anxiety -------------------------------------------------------------------------------

DAYS = 365
YEARS = 20
SEED = 2024
LEVELS = tuple(round(0.05 * i, 2) for i in range(21))     # anxiety levels 0, 0.05, ..., 1
SHARPNESS = 4.0                   # how fast attention to looming problems rises with anxiety


def noticed(level: float) -> float:
    """Chance that a looming problem gets involuntary attention (and so gets dealt with) at this level."""
    return 1.0 - float(np.exp(-SHARPNESS * level))


@dataclass(frozen=True)
class Tradeoff:
    level: float
    stakes: float
    discomfort: float
    problems: float
    arrivals: tuple[int, ...]              # days of the first year on which a looming problem appears
    handled: tuple[bool, ...]              # at the reader's level: was each one dealt with?
    per_year: float                        # looming problems a year, averaged over the years
    caught: float                          # of those, dealt with at the reader's level, a year on average
    ignored_cost: tuple[float, ...]        # per level in LEVELS: a year's cost of problems ignored (average)
    anxiety_cost: tuple[float, ...]        # per level: a year's discomfort
    best: float                            # the lowest level with the least total cost
    ties: int                              # how many levels share that least total

    @cached_property
    def total(self) -> tuple[float, ...]:
        return tuple(round(a + b, 2) for a, b in zip(self.ignored_cost, self.anxiety_cost))

    @property
    def tied(self) -> tuple[float, ...]:
        """Every level with the least total, in order (the first is `best`); not always next to each other."""
        low = min(self.total)
        return tuple(lv for lv, x in zip(LEVELS, self.total) if x == low)

    def at(self, level: float) -> int:
        return LEVELS.index(round(round(level / 0.05) * 0.05, 2))


def tradeoff(level: float, stakes: float, discomfort: float, problems: float) -> Tradeoff:
    """`problems` looming problems per 100 days; each ignored one costs `stakes`; a day at full anxiety costs
    `discomfort` (scaling with the square of the level). The same problems and the same draws at every
    level, so the levels differ only by the anxiety; costs are averaged over YEARS simulated years."""
    rng = np.random.default_rng(SEED)
    appear = rng.random((YEARS, DAYS)) < problems / 100.0
    draw = rng.random((YEARS, DAYS))
    missed = [float(np.sum(appear & (draw >= noticed(lv)))) / YEARS for lv in LEVELS]
    ignored = [round(stakes * m, 2) for m in missed]
    anxious = [round(DAYS * discomfort * lv ** 2, 2) for lv in LEVELS]
    totals = [round(i + a, 2) for i, a in zip(ignored, anxious)]
    low = min(totals)
    best = LEVELS[totals.index(low)]
    days = np.flatnonzero(appear[0])
    handled = tuple(bool(draw[0, d] < noticed(level)) for d in days)
    per_year = float(appear.sum()) / YEARS
    caught = per_year - missed[LEVELS.index(round(round(level / 0.05) * 0.05, 2))]
    return Tradeoff(level, stakes, discomfort, problems, tuple(int(d) for d in days), handled, round(per_year, 2),
                    round(caught, 2), tuple(ignored), tuple(anxious), best, sum(1 for t in totals if t == low))
