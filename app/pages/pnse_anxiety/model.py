"""The PNSE-and-anxiety page's two models: pure, deterministic, no web code.

1. Loops: a small signed rate network. The brainstem's anxiety reaction (A) is felt as an interoceptive
   feeling (F) held by involuntary attention; the feeling brings to mind an object-level concept (W: "my
   friend may be ill", or "my friend is fine") and the self-reflective S(feeling of anxiety) (S); in the
   conventional self-model the Active Self (B) links S back to the body, and so to A. Each node relaxes
   toward its clipped input; an email gives A a short kick. Loop gains are products of edge weights.
2. How much anxiety: a year of looming problems; anxiety buys involuntary attention, which catches
   problems before they bite, and costs discomfort every day. The total cost at every anxiety level.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# --- 1. Loops ------------------------------------------------------------------------------------------

DT = 0.1
STEPS = 400                        # 40 time units
KICK = 10                          # the email: anxiety driven at full strength for the first 10 steps
TAIL = 50                          # "still not falling" is judged over the last TAIL steps


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
    persists: bool                 # still active at the end and not falling over the last TAIL steps

    @property
    def combined(self) -> float:
        return round(self.object_loop + self.self_loop, 4)

    @property
    def left(self) -> float:
        """Anxiety at the end as a share of its peak."""
        return self.end / self.peak if self.peak > 0 else 0.0


def loops(news: str, model: str, attention: float, worry: float,
          self_gain: float) -> Loops:
    sign = 1.0 if news == "ill" else -1.0
    bridge = 1.0 if model == "conventional" else 0.0
    w = np.zeros((5, 5))                       # w[i, j]: from node j to node i
    a, f, wo, s, b = range(5)
    w[f, a] = 1.0                              # the reaction is felt
    w[wo, f] = attention                       # attention to the feeling brings up the object-level concept
    w[a, wo] = sign * worry                    # "she may be ill" predicts more anxiety; "she's fine" predicts less
    w[s, f] = attention                        # ... and brings to mind S(feeling of anxiety)
    w[b, s] = bridge * self_gain               # conventional: S(anxious) is tied to the Active Self ...
    w[a, b] = bridge * 1.0                     # ... which owns the body and its feelings
    x = np.zeros(5)
    trace = [x.copy()]
    for t in range(STEPS):
        drive = w @ x
        if t < KICK:
            drive[a] += 1.0
        x = x + DT * (-x + np.clip(drive, 0.0, 1.0))
        trace.append(x.copy())
    tr = np.array(trace)
    end, before = float(tr[-1, a]), float(tr[-1 - TAIL, a])
    persists = end > 0.01 and end >= before - 1e-9
    return Loops(news, model, attention, worry, self_gain, round(sign * attention * worry, 4),
                 round(bridge * attention * self_gain, 4),
                 tuple(tuple(round(float(v), 4) for v in tr[::5, i]) for i in range(5)),
                 round(float(tr[:, a].max()), 4), round(end, 4), bool(persists))


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

    @property
    def total(self) -> tuple[float, ...]:
        return tuple(round(a + b, 2) for a, b in zip(self.ignored_cost, self.anxiety_cost))

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
