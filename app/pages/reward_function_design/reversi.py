"""4x4 Reversi and one learning algorithm that plays it: pure, deterministic, no web code.

The learner values a position by a weighted count of the squares each side holds, one weight per
kind of square (corner, edge, centre: the board's symmetry makes squares of a kind alike). It picks
the move whose resulting position it values most (exploring at random a tenth of the time while
training), plays both sides against itself, and after each game moves its weights toward the game's
final reward (gradient Monte Carlo). The reward is the final disc difference, times `sign`: +1 is
Reversi, -1 is anti-Reversi (the side with fewer discs wins). Nothing else differs between the two.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import random

N = 4
SQUARES = N * N
KINDS = ("corner", "edge", "centre")
KIND_OF = tuple("corner" if r in (0, N - 1) and c in (0, N - 1) else
                "edge" if r in (0, N - 1) or c in (0, N - 1) else "centre"
                for r in range(N) for c in range(N))
DIRECTIONS = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1))
# Squares along each direction from each square, precomputed.
RAYS = tuple(tuple(tuple((r + k * dr) * N + (c + k * dc) for k in range(1, N)
                         if 0 <= r + k * dr < N and 0 <= c + k * dc < N)
                   for dr, dc in DIRECTIONS) for r in range(N) for c in range(N))
_KIND_INDEX = tuple(KINDS.index(k) for k in KIND_OF)
START = tuple(1 if i in (6, 9) else -1 if i in (5, 10) else 0 for i in range(SQUARES))   # black = +1 moves first

TRAIN_SEED, PLAY_SEED = 7, 11
EXPLORE, RATE = 0.1, 0.002
CHECKPOINT, MAX_GAMES = 10, 200       # weights kept after every 10 training games
EVAL_GAMES = 100                       # games against a random player, per checkpoint and sign


def flips(board: tuple[int, ...], square: int, player: int) -> list[int]:
    if board[square]:
        return []
    out: list[int] = []
    for ray in RAYS[square]:
        run: list[int] = []
        for s in ray:
            if board[s] == -player:
                run.append(s)
                continue
            if board[s] == player and run:
                out.extend(run)
            break
    return out


@lru_cache(maxsize=1 << 14)   # training revisits its few thousand positions often
def moves(board: tuple[int, ...], player: int) -> tuple[tuple[int, tuple[int, ...]], ...]:
    return tuple((s, tuple(f)) for s in range(SQUARES) if not board[s] for f in (flips(board, s, player),) if f)


def play(board: tuple[int, ...], square: int, flipped: list[int], player: int) -> tuple[int, ...]:
    b = list(board)
    b[square] = player
    for s in flipped:
        b[s] = player
    return tuple(b)


def features(board: tuple[int, ...], player: int) -> tuple[float, float, float]:
    """Per kind of square: squares the player holds minus squares the opponent holds (so each weight
    is the value of holding one square of that kind)."""
    corner, edge, centre = _tally(board)
    return (float(corner * player), float(edge * player), float(centre * player))


@lru_cache(maxsize=1 << 14)
def _tally(board: tuple[int, ...]) -> tuple[int, int, int]:
    tally = [0, 0, 0]
    for kind, v in zip(_KIND_INDEX, board):
        tally[kind] += v
    return tally[0], tally[1], tally[2]


def value(weights: tuple[float, ...], board: tuple[int, ...], player: int) -> float:
    return sum(w * f for w, f in zip(weights, features(board, player)))


def choose(weights, board, player, options, rng: random.Random, explore: float) -> tuple[int, list[int]]:
    if explore and rng.random() < explore:
        return options[rng.randrange(len(options))]
    scores = [value(weights, play(board, s, f, player), player) for s, f in options]
    best = max(scores)
    return options[scores.index(best)]     # ties: the first such square in reading order


@dataclass(frozen=True)
class Game:
    positions: tuple[tuple[int, ...], ...]     # the board before the first move, and after each move
    movers: tuple[int, ...]                    # who made each move (+1 black, -1 white)
    squares: tuple[int, ...]                   # where each move was played
    flipped: tuple[int, ...]                   # discs turned by each move

    def score(self, player: int) -> int:
        return sum(1 for v in self.positions[-1] if v == player)


def game(black, white, rng: random.Random) -> Game:
    """black, white: callables (board, player, options) -> (square, flipped)."""
    board, player, passes = START, 1, 0
    positions, movers, squares, flipped = [board], [], [], []
    while passes < 2:
        options = moves(board, player)
        if not options:
            passes += 1
            player = -player
            continue
        passes = 0
        square, turned = (black if player == 1 else white)(board, player, options)
        board = play(board, square, turned, player)
        positions.append(board)
        movers.append(player)
        squares.append(square)
        flipped.append(len(turned))
        player = -player
    return Game(tuple(positions), tuple(movers), tuple(squares), tuple(flipped))


@dataclass(frozen=True)
class Training:
    sign: int
    checkpoints: tuple[int, ...]                       # games trained: 0, 100, ..., MAX_GAMES
    weights: tuple[tuple[float, float, float], ...]    # weights at each checkpoint
    mean_discs: tuple[float, ...]                      # the learner's mean final discs against a random player
    wins: tuple[float, ...]                            # its score in those games by its own game's rules (a draw half)
    corners: tuple[float, ...]                         # mean corners it holds at the end of those games
    won: tuple[int, ...] = ()                          # how many of those games it won outright by its own rules
    drawn: tuple[int, ...] = ()                        # how many ended level


def random_player(rng: random.Random):
    return lambda board, player, options: options[rng.randrange(len(options))]


def learner(weights, rng: random.Random, explore: float):
    return lambda board, player, options: choose(weights, board, player, options, rng, explore)


def evaluate(weights, sign: int) -> tuple[float, float, float, int, int]:
    """Mean discs of the learner, its score (by the rules `sign` sets; a draw counts half), its mean corners, and
    the games it won outright and drew, over EVAL_GAMES against a random player, half of them as black."""
    rng = random.Random(PLAY_SEED)
    discs = won = corners = 0.0
    outright = level = 0
    for i in range(EVAL_GAMES):
        me = 1 if i % 2 == 0 else -1
        players = (learner(weights, rng, 0.0), random_player(rng))
        g = game(*(players if me == 1 else players[::-1]), rng)
        mine, theirs = g.score(me), g.score(-me)
        discs += mine
        corners += sum(1 for s in (0, N - 1, SQUARES - N, SQUARES - 1) if g.positions[-1][s] == me)
        won += 1 if sign * (mine - theirs) > 0 else 0.5 if mine == theirs else 0
        outright += sign * (mine - theirs) > 0
        level += mine == theirs
    return discs / EVAL_GAMES, won / EVAL_GAMES, corners / EVAL_GAMES, outright, level


@lru_cache(maxsize=2)
def train(sign: int) -> Training:
    """Self-play training from zero weights; the reward is sign x (final disc difference) / 16."""
    rng = random.Random(TRAIN_SEED)
    w = [0.0, 0.0, 0.0]
    checkpoints, weights, discs, wins, corners, won, drawn = [], [], [], [], [], [], []
    for n in range(MAX_GAMES + 1):
        if n % CHECKPOINT == 0:
            checkpoints.append(n)
            weights.append(tuple(round(x, 6) for x in w))
            d, v, c, k, e = evaluate(tuple(w), sign)
            discs.append(d)
            wins.append(v)
            corners.append(c)
            won.append(k)
            drawn.append(e)
        if n == MAX_GAMES:
            break
        me = learner(tuple(w), rng, EXPLORE)
        g = game(me, me, rng)
        final = g.positions[-1]
        for board, player in zip(g.positions[1:], g.movers):
            z = sign * sum(final) * player / SQUARES           # the reward, from the mover's side
            f = features(board, player)
            err = z - sum(a * b for a, b in zip(w, f))
            w = [a + RATE * err * b for a, b in zip(w, f)]
    return Training(sign, tuple(checkpoints), tuple(weights), tuple(discs), tuple(wins), tuple(corners), tuple(won),
                    tuple(drawn))


def demo(weights, sign: int) -> Game:
    """One game of the trained learner (black) against a random player (white), fixed seed."""
    rng = random.Random(PLAY_SEED + 1)
    return game(learner(weights, rng, 0.0), random_player(rng), rng)
