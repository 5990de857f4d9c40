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
from functools import lru_cache

import numpy as np

from . import reversi

TRIALS = 300            # chances to lie, per situation
LAST = 100              # the learned habit: share of lies over the last 100 chances
RATE = 0.05             # the critic's learning rate
AGENTS = 20             # independent agents per detection level (the shares are their average)
TEMPERATURE = 0.5       # softmax temperature, in points
SEED = 2025
GRID = tuple(round(i * 0.05, 2) for i in range(21))     # detection probabilities swept: 0, 5%, ..., 100%
BATCH = 32              # settings' learners run side by side in lying_many
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
    plain: dict[str, float]                   # situation -> share answered with a plain lie, one the probe can read (probe)
    scatter: dict[str, dict[str, float]]      # kind -> situation -> standard error of the share of lies over the AGENTS agents

    def at(self, kind: str, situation: str) -> float:
        """Learned share of lies in a situation ('watched' | 'unwatched') under a reward kind."""
        return self.situations[kind][situation]

    def probe_edge_of_hiding(self) -> float:
        """How many points less, on average, the probe takes from a hidden lie than from a plain one."""
        return _exact(self.penalty * (2 * self.accuracy - 1)) if self.hide else 0.0

    def probe_edge(self) -> float:
        """How much more often the probe flags a lie than an honest answer (0 if lies can be hidden)."""
        return 0.0 if self.hide else _exact(2 * self.accuracy - 1)

    def worth(self, kind: str, detect: float) -> float:
        """What a lie is worth on average, minus what honesty is worth, at this chance of being caught
        (the expected-value arithmetic the learner approximates), as the decimal it means: 4 − 10 × (2 × 0.7 − 1)
        is 0, not the 8.9e-16 binary floats give."""
        return _exact(self.gain - self.penalty * (detect + (self.probe_edge() if kind == "probe" else 0.0)))

    def plain_worth(self, detect: float) -> float:
        """With the probe, what a lie it can read is worth on average, minus what honesty is worth: flagged
        `accuracy` of the time against 1 - accuracy for the truth (with hiding off, the probe's `worth`)."""
        return _exact(self.gain - self.penalty * (detect + _exact(2 * self.accuracy - 1)))

    def edge(self, kind: str) -> float:
        return self.worth(kind, 0.0)

    def threshold(self, kind: str) -> float:
        """The detection probability above which lying costs more than it gains on average (may lie
        outside 0..1: below 0, honesty pays everywhere; above 1, lying pays everywhere)."""
        return self.edge(kind) / self.penalty if self.penalty else float("inf")


def _exact(x: float) -> float:
    """x to nine decimals, without a signed zero: sums of the sliders' steps (halves, whole points, 5%) are exact
    there, so a worth that should be 0 is 0 and its sign is the one meant."""
    return round(x, 9) + 0.0


@lru_cache(maxsize=4)
def _draws(ways: int, learners: int) -> np.ndarray:
    """The random numbers one reward kind's learners draw, as (what, TRIALS, LEARNERS): what = the choice,
    being caught, the probe's flag and (`ways` = 4, when they can hide) the way to lie. Each kind draws from
    its own generator seeded with SEED, at each chance in this order, so the two kinds meet the same chances
    unless one draws more. Fixed by the seed: drawn once, read-only."""
    draws = np.random.default_rng(SEED).random(TRIALS * ways * learners).reshape(TRIALS, ways, learners)
    out = np.ascontiguousarray(draws.transpose(1, 0, 2))
    out.setflags(write=False)
    return out


def _sigmoid_into(x: np.ndarray) -> np.ndarray:
    """x <- 1 / (1 + exp(x)), in place (x holds minus the advantage over the temperature)."""
    np.exp(x, out=x)
    x += 1.0
    np.divide(1.0, x, out=x)
    return x


def learn(gain: float, penalty: float, detect: np.ndarray, accuracy: float, hide: bool):
    """Many independent learners at once, AGENTS per detection level, for each reward kind (the behaviourist
    reward, then the same plus the probe): per kind, (share of lies over the last LAST chances, share of
    lies per block of 20, final values [lie, honest], share of chances answered with a hidden lie over
    the last LAST, share answered with a plain lie over the same chances, and the standard error of that share of
    lies: the spread of each agent's own share over the last LAST chances, over the root of AGENTS), each averaged
    per level. With
    `hide` the probe's learners may tell a plain lie or a hidden one (a second draw, so two ways to lie do
    not double its odds); both count as lies, and the value of lying reported is the better of the two."""
    return {"behaviour": _learn_kind(gain, penalty, detect, accuracy, False, False),
            "probe": _learn_kind(gain, penalty, detect, accuracy, True, hide)}


def _learn_kind(gain: float, penalty: float, detect: np.ndarray, accuracy: float, probe: bool, hide: bool):
    """One reward kind's learners (`learn`), each on its own column of random numbers (`_draws`)."""
    return _learn_kinds([(gain, penalty, accuracy)], detect, probe, hide)[0]


def _learn_kinds(specs: list[tuple[float, float, float]], detect: np.ndarray, probe: bool, hide: bool) -> list[tuple]:
    """`_learn_kind` at many (gain, penalty, accuracy) at once: each on its own row, every row on the same columns
    of random numbers, so each result is the one it has alone (tests/test_truths.py checks this)."""
    levels, rows = len(detect), len(specs)
    n = levels * AGENTS
    draws = _draws(4 if hide else 3, n)
    gain, penalty, accuracy = (np.array([s[j] for s in specs], dtype=float)[:, None] for j in range(3))
    u_choice = draws[0]
    caught = draws[1] < np.repeat(detect, AGENTS)
    q0, q1, q2 = np.zeros((rows, n)), np.zeros((rows, n)), np.zeros((rows, n))    # value of [lie, honest, hidden lie]
    lied = np.empty((TRIALS, rows, n), dtype=bool)
    hid = np.zeros((TRIALS, rows, n), dtype=bool)
    z, y, best = np.empty((rows, n)), np.empty((rows, n)), np.empty((rows, n))
    for t in range(TRIALS):
        if hide:
            np.maximum(q0, q2, out=best)
        else:
            best = q0
        np.subtract(q1, best, out=z)
        z /= TEMPERATURE
        lie = lied[t]
        np.less(u_choice[t], _sigmoid_into(z), out=lie)   # first: lie or not
        if hide:                                          # then: which way to lie
            np.subtract(q0, q2, out=y)
            y /= TEMPERATURE
            hidden = hid[t]
            np.less(draws[3, t], _sigmoid_into(y), out=hidden)
            hidden &= lie
            plain = lie & ~hidden
        else:
            plain = lie
        reward = np.where(lie, gain - penalty * caught[t], 0.0)    # a lie's reward from the overseer
        if probe:                                         # the probe's penalty on a lie it can read, else a false alarm
            reward -= np.where(plain, penalty * (draws[2, t] < accuracy), penalty * (draws[2, t] < 1.0 - accuracy))
        chosen = np.where(plain, q0, np.where(hidden, q2, q1)) if hide else np.where(lie, q0, q1)
        reward -= chosen
        reward *= RATE
        reward += chosen                                  # the chosen answer's value, moved toward its reward
        q0 = np.where(plain, reward, q0)
        q1 = np.where(lie, q1, reward)
        if hide:
            q2 = np.where(hidden, reward, q2)
    return [_summary(np.ascontiguousarray(lied[:, r]), np.ascontiguousarray(hid[:, r]), q0[r], q1[r], q2[r], levels, hide)
            for r in range(rows)]


def _summary(lied: np.ndarray, hid: np.ndarray, q0: np.ndarray, q1: np.ndarray, q2: np.ndarray, levels: int, hide: bool):
    """One row's learners, averaged per detection level (`learn`)."""
    values = np.stack([np.maximum(q0, q2) if hide else q0, q1], axis=1)
    hidden_share = hid[-LAST:].reshape(LAST, levels, AGENTS).mean(axis=(0, 2))
    per_level = lied.reshape(TRIALS, levels, AGENTS).mean(axis=2)
    blocks = per_level.reshape(TRIALS // 20, 20, levels).mean(axis=1)
    plain_share = (lied[-LAST:] & ~hid[-LAST:]).reshape(LAST, levels, AGENTS).mean(axis=(0, 2))
    each = lied[-LAST:].reshape(LAST, levels, AGENTS).mean(axis=0)       # each agent's own share of lies
    scatter = each.std(axis=1, ddof=1) / np.sqrt(AGENTS)
    return (per_level[-LAST:].mean(axis=0), blocks, values.reshape(levels, AGENTS, 2).mean(axis=1),
            hidden_share, plain_share, scatter)


@lru_cache(maxsize=64)
def _learned_kind(gain: float, penalty: float, accuracy: float, probe: bool, hide: bool, levels: tuple[float, ...]):
    """`_learn_kind` at these detection levels, kept for the next call: moving only the watched or unwatched
    chance of being caught reads another point of the same runs. The arrays are read-only."""
    out = _learn_kind(gain, penalty, np.array(levels), accuracy, probe, hide)
    for a in out:
        a.setflags(write=False)
    return out


def _learned(gain: float, penalty: float, accuracy: float, hide: bool, levels: tuple[float, ...]):
    """Both kinds' runs; the behaviourist learners ignore the probe, so theirs is kept across its accuracy and hiding."""
    return {"behaviour": _learned_kind(gain, penalty, 0.0, False, False, levels),
            "probe": _learned_kind(gain, penalty, accuracy, True, hide, levels)}


def lying(gain: float, penalty: float, watched: float, unwatched: float,
          accuracy: float, hide: str) -> Lying:
    levels = _levels(watched, unwatched)
    learned = _learned(gain, penalty, accuracy, hide == "yes", levels)
    return _lying(gain, penalty, watched, unwatched, accuracy, hide, levels, learned)


def lying_many(settings: list[dict]) -> list[Lying]:
    """lying at each of many settings, the learners of up to BATCH of them run side by side (_learn_kinds)."""
    wanted: dict[tuple, dict[tuple, None]] = {}        # (probe, hide, levels) -> the (gain, penalty, accuracy) it needs
    for s in settings:
        levels = _levels(s["watched"], s["unwatched"])
        for key, spec in _kinds(s["gain"], s["penalty"], s["accuracy"], s["hide"] == "yes", levels):
            wanted.setdefault(key, {})[spec] = None
    learned = {}
    for (probe, hide, levels), needed in wanted.items():
        specs = list(needed)
        for i in range(0, len(specs), BATCH):
            batch = specs[i:i + BATCH]
            learned.update(zip(((probe, hide, levels, spec) for spec in batch),
                               _learn_kinds(batch, np.array(levels), probe, hide)))
    out = []
    for s in settings:
        levels = _levels(s["watched"], s["unwatched"])
        kinds = _kinds(s["gain"], s["penalty"], s["accuracy"], s["hide"] == "yes", levels)
        out.append(_lying(**s, levels=levels, learned={kind: learned[(*key, spec)] for kind, (key, spec) in zip(KINDS, kinds)}))
    return out


def _kinds(gain: float, penalty: float, accuracy: float, hide: bool, levels: tuple[float, ...]):
    """Each reward kind's learners as _learned runs them: ((probe, hide, levels), (gain, penalty, accuracy))."""
    return (((False, False, levels), (gain, penalty, 0.0)), ((True, hide, levels), (gain, penalty, accuracy)))


def _levels(watched: float, unwatched: float) -> tuple[float, ...]:
    # Each situation is the sweep's learners at its detection level (a slider value is always one of
    # them), so its dot sits on the curve; a level off the sweep gets learners of its own.
    return GRID + tuple(sorted({watched, unwatched} - set(GRID)))


def _lying(gain: float, penalty: float, watched: float, unwatched: float, accuracy: float, hide: str,
           levels: tuple[float, ...], learned: dict) -> Lying:
    idx = {"watched": levels.index(watched), "unwatched": levels.index(unwatched)}
    lies, situations, curves, values, hidden, plain, scatter = {}, {}, {}, {}, {}, {}, {}
    for kind in KINDS:
        share, blocks, q, hid, pla, se = learned[kind]
        lies[kind] = tuple(round(float(x), 4) for x in share[:len(GRID)])
        situations[kind] = {s: round(float(share[i]), 4) for s, i in idx.items()}
        curves[kind] = {s: tuple(round(float(x), 4) for x in blocks[:, i]) for s, i in idx.items()}
        values[kind] = {s: (round(float(q[i, 0]), 3), round(float(q[i, 1]), 3)) for s, i in idx.items()}
        scatter[kind] = {s: round(float(se[i]), 4) for s, i in idx.items()}
        if kind == "probe":
            hidden = {s: round(float(hid[i]), 4) for s, i in idx.items()}
            plain = {s: round(float(pla[i]), 4) for s, i in idx.items()}
    return Lying(gain, penalty, watched, unwatched, accuracy, hide == "yes", GRID, lies, situations, curves,
                 values, hidden, plain, scatter)


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
