"""The reward-function-design page's models: pure, deterministic, no web code.

Lying: an agent meets many chances to tell a lie that gains it something. It can tell which
situation it is in (watched or not), and learns, per situation, the value of lying and of telling the
truth from the rewards each brings (a running average, as a critic would), choosing by a softmax
over those values. A behaviourist reward function sees only behaviour: it can punish a lie only when
the lie is caught. A non-behaviourist term reads the agent's intent through an interpretability
probe of some accuracy: it flags a lie with that probability, and flags an honest answer with the
complementary one (a false alarm). Every penalty is the same size. If the agent can learn to hide its
intent, it has a third choice, a lie the probe reads as honest (our addition, not the starter pack's:
what training against a probe could teach).

Reversi: see reversi.py.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import reversi

TRIALS = 300            # chances to lie, per situation
LAST = 100              # the learned habit: share of lies over the last 100 chances
RATE = 0.05             # the critic's learning rate
AGENTS = 20             # independent agents per detection level (the shares are their average)
TEMPERATURE = 0.5       # softmax temperature, in points
SEED = 2025
GRID = tuple(round(i * 0.05, 2) for i in range(21))     # detection probabilities swept: 0, 5%, ..., 100%
KINDS = ("behaviour", "probe")   # behaviourist reward; the same plus the interpretability term


@dataclass(frozen=True)
class Lying:
    gain: float
    penalty: float
    watched: float            # detection probability when watched
    unwatched: float
    accuracy: float           # the probe's accuracy
    hide: bool                # whether the agent can learn to hide its intent from the probe
    grid: tuple[float, ...]
    lies: dict[str, tuple[float, ...]]         # learned share of lies at each detection level, per reward kind
    situations: dict[str, dict[str, float]]    # kind -> situation -> learned share of lies
    curves: dict[str, dict[str, tuple[float, ...]]]   # kind -> situation -> share of lies per block of 20 chances
    values: dict[str, dict[str, tuple[float, float]]]  # kind -> situation -> learned (value of lying, of honesty)
    hidden: dict[str, float]                  # situation -> share of chances answered with a hidden lie (probe)

    def at(self, kind: str, situation: str) -> float:
        """Learned share of lies in a situation ('watched' | 'unwatched') under a reward kind."""
        return self.situations[kind][situation]

    def probe_edge(self) -> float:
        """How much more often the probe flags a lie than an honest answer (0 if lies can be hidden)."""
        return 0.0 if self.hide else 2 * self.accuracy - 1

    def worth(self, kind: str, detect: float) -> float:
        """What a lie is worth on average, minus what honesty is worth, at this chance of being caught
        (the expected-value arithmetic the learner approximates)."""
        return self.gain - self.penalty * (detect + (self.probe_edge() if kind == "probe" else 0.0))

    def edge(self, kind: str) -> float:
        return self.worth(kind, 0.0)

    def threshold(self, kind: str) -> float:
        """The detection probability above which lying costs more than it gains on average (may lie
        outside 0..1: below 0, honesty pays everywhere; above 1, lying pays everywhere)."""
        return self.edge(kind) / self.penalty if self.penalty else float("inf")


def learn(gain: float, penalty: float, detect: np.ndarray, accuracy: float, probe: bool, hide: bool):
    """Many independent learners at once, AGENTS per detection level: (share of lies over the last
    LAST chances, share of lies per block of 20, final values [lie, honest], share of chances answered
    with a hidden lie over the last LAST), each averaged per level.
    With `hide` (only meaningful with the probe), a lie may be a plain lie or a hidden one; both count
    as lies, and the value of lying reported is the better of the two."""
    rng = np.random.default_rng(SEED)
    levels = len(detect)
    detect = np.repeat(detect, AGENTS)
    n = len(detect)
    k = 3 if hide else 2
    q = np.zeros((n, k))                     # learned value of [lie, honest, hidden lie]
    rows = np.arange(n)
    lied = np.zeros((TRIALS, n), dtype=bool)
    hid = np.zeros((TRIALS, n), dtype=bool)
    for t in range(TRIALS):
        u_choice, u_caught, u_flag = rng.random(n), rng.random(n), rng.random(n)   # common random numbers
        best_lie = q[:, [0, 2]].max(axis=1) if hide else q[:, 0]
        lie = u_choice < 1.0 / (1.0 + np.exp(-(best_lie - q[:, 1]) / TEMPERATURE))   # first: lie or not
        choice = np.where(lie, 0, 1)
        if hide:       # then: which way to lie (a second draw, so two ways to lie do not double its odds)
            hidden = rng.random(n) < 1.0 / (1.0 + np.exp(-(q[:, 2] - q[:, 0]) / TEMPERATURE))
            choice = np.where(lie & hidden, 2, choice)
        reward = np.where(lie, gain - penalty * (u_caught < detect), 0.0)
        if probe:      # a hidden lie reads to the probe like an honest answer
            flagged = np.where(choice == 0, u_flag < accuracy, u_flag < 1.0 - accuracy)
            reward = reward - penalty * flagged
        q[rows, choice] += RATE * (reward - q[rows, choice])
        lied[t] = lie
        hid[t] = choice == 2
    hidden = hid[-LAST:].reshape(LAST, levels, AGENTS).mean(axis=(0, 2))
    if hide:
        q = np.stack([q[:, [0, 2]].max(axis=1), q[:, 1]], axis=1)
    per_level = lied.reshape(TRIALS, levels, AGENTS).mean(axis=2)
    blocks = per_level.reshape(TRIALS // 20, 20, levels).mean(axis=1)
    return per_level[-LAST:].mean(axis=0), blocks, q.reshape(levels, AGENTS, 2).mean(axis=1), hidden


def lying(gain: float, penalty: float, watched: float, unwatched: float,
          accuracy: float, hide: str) -> Lying:
    levels = np.array(GRID + (watched, unwatched))       # the sweep, then the two situations themselves
    idx = {"watched": len(GRID), "unwatched": len(GRID) + 1}
    lies, situations, curves, values, hidden = {}, {}, {}, {}, {}
    for kind in KINDS:
        share, blocks, q, hid = learn(gain, penalty, levels, accuracy, kind == "probe", kind == "probe" and hide == "yes")
        lies[kind] = tuple(round(float(x), 4) for x in share[:len(GRID)])
        situations[kind] = {s: round(float(share[i]), 4) for s, i in idx.items()}
        curves[kind] = {s: tuple(round(float(x), 4) for x in blocks[:, i]) for s, i in idx.items()}
        values[kind] = {s: (round(float(q[i, 0]), 3), round(float(q[i, 1]), 3)) for s, i in idx.items()}
        if kind == "probe":
            hidden = {s: round(float(hid[i]), 4) for s, i in idx.items()}
    return Lying(gain, penalty, watched, unwatched, accuracy, hide == "yes", GRID, lies, situations, curves,
                 values, hidden)


@dataclass(frozen=True)
class Board:
    sign: int                        # +1 Reversi, -1 anti-Reversi
    games: int                       # self-play games trained
    move: int                        # the move of the demo game shown (0: the start)
    training: reversi.Training       # the whole training run for this sign
    other: reversi.Training          # the same for the other sign
    weights: tuple[float, float, float]
    demo: reversi.Game

    @property
    def index(self) -> int:
        return self.training.checkpoints.index(self.games)


def board(rules: str, games: int, move: int) -> Board:
    sign = 1 if rules == "reversi" else -1
    training, other = reversi.train(sign), reversi.train(-sign)
    games = min(training.checkpoints, key=lambda n: abs(n - games))    # off-step values: the nearest checkpoint
    w = training.weights[training.checkpoints.index(games)]
    g = reversi.demo(w, sign)
    return Board(sign, games, min(int(move), len(g.squares)), training, other, w, g)
