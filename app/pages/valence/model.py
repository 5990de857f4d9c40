"""The valence page's three models: pure, deterministic, no web code.

1. Run and tumble: bacteria in a dish steer by one signal, "is it getting better?", and the same rule
   on thoughts, where a thought is kept while it seems to be getting better and re-rolled when not.
2. Reward and value: a critic learns, walk by walk, how good the idea of walking to get candy is;
   a thought's valence is its innate reward now plus the learned value of where it leads.
3. Valence as an axis of concepts: items in a thingspace (one ordinary-feature axis plus valence),
   clustered by average linkage with valence weighted by the reader, for two people.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# --- 1. Run and tumble -------------------------------------------------------------------------------

SEED = 600
BACTERIA = 24
STEPS = 400
START = 60.0                      # starting distance from the food source
NEAR = 15.0                       # "at the food": within this distance of the source
PEAK = 100.0                      # concentration at the source, in points, at strength 1


def concentration(x: np.ndarray, y: np.ndarray, strength: float) -> np.ndarray:
    """Food concentration (points): a broad peak at the origin; strength scales how steeply it rises."""
    return PEAK * strength * np.exp(-(x ** 2 + y ** 2) / (2 * 40.0 ** 2))


def idea_quality(x: np.ndarray, y: np.ndarray, strength: float) -> np.ndarray:
    """How good a plan seems (points) over a 2-D space of variations on it: our landscape, with a good
    idea and a better one further off."""
    return PEAK * strength * (0.6 * np.exp(-((x - 25) ** 2 + (y + 10) ** 2) / (2 * 18.0 ** 2))
                              + 1.0 * np.exp(-((x + 20) ** 2 + (y - 25) ** 2) / (2 * 22.0 ** 2)))


BEST_IDEA, GOOD_IDEA = (-20.0, 25.0), (25.0, -10.0)


def _draws(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The random numbers one run of the rule uses: a new heading for each step and agent, a coin for
    tumbling at random, and the standard-normal error of each reading (the same for every setting)."""
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 2 * np.pi, (STEPS, BACTERIA)), rng.random((STEPS, BACTERIA)), rng.normal(0.0, 1.0, (STEPS, BACTERIA))


def _random_walk(x, y, heading, turns, coin):
    """Tumbling at random (a fair coin each step), the signal ignored: positions at every step."""
    xs, ys = np.empty((STEPS + 1, len(x))), np.empty((STEPS + 1, len(x)))
    xs[0], ys[0] = x, y
    for t in range(STEPS):
        heading = np.where(coin[t] < 0.5, turns[t], heading)
        x, y = x + np.cos(heading), y + np.sin(heading)
        xs[t + 1], ys[t + 1] = x, y
    return xs, ys


def _matched_walk(x, y, heading, turns, coin, rate):
    """Tumbling at random as often as the steering agents did: _random_walk's starts and draws (one column per
    agent), with a tumble where the coin falls under `rate` instead of under 0.5. `rate` has a row per setting
    (one value per agent), so many settings run at once; positions every 10 steps, as (step, x or y, setting,
    agent). Each step adds the heading's cosine and sine as _random_walk does, so at rate 0.5 the positions are
    its own, bit for bit (test_model checks this)."""
    turn = np.stack([np.cos(turns), np.sin(turns)], axis=1)[:, :, None, :]      # (step, x or y, 1, agent)
    shape = (2,) + rate.shape
    head = np.broadcast_to(np.array([np.cos(heading), np.sin(heading)])[:, None, :], shape).copy()
    position = np.broadcast_to(np.array([x, y], dtype=float)[:, None, :], shape).copy()
    out = np.empty((STEPS // 10 + 1,) + shape)
    out[0] = position
    tumble = np.empty(rate.shape, dtype=bool)
    for t in range(STEPS):
        np.less(coin[t], rate, out=tumble)
        np.copyto(head, turn[t], where=tumble)
        position += head
        if (t + 1) % 10 == 0:
            out[(t + 1) // 10] = position
    return out


# Both landscapes as sums of two bumps, one row of centres per agent, so bacteria and minds are sensed
# in one pass: (x centre, y centre, 2 * width², weight) of each bump. The food is one bump (the second
# has weight 0); the ideas landscape is a good idea and a better one. Each bump is computed exactly as
# in concentration() and idea_quality() (adding a zero-weight bump adds exactly 0), so the readings are
# the same numbers, bit for bit.
_FOOD = ((0.0, 0.0, 2 * 40.0 ** 2, 1.0), (0.0, 0.0, 2 * 40.0 ** 2, 0.0))
_IDEAS = ((25.0, -10.0, 2 * 18.0 ** 2, 0.6), (-20.0, 25.0, 2 * 22.0 ** 2, 1.0))


def _bumps(rows: int, per: tuple[tuple[tuple[float, ...], ...], ...]) -> tuple[np.ndarray, ...]:
    """The bumps as arrays over (coordinate, bump, agent) for the centres and (bump, agent) for the rest;
    the width enters negated (x / -w is exactly -x / w)."""
    table = np.array([bumps for bumps in per for _ in range(rows)]).transpose(2, 1, 0)   # (4, 2 bumps, agents)
    return np.ascontiguousarray(table[:2]), -table[2], table[3].copy()


def _steer(bumps, position, heading, turn, sense, strength, noise, memory, threshold):
    """Runs the rule for STEPS steps from `position` (x and y rows, one column per agent); returns
    positions at every step and, per step and agent, whether it tumbled. The settings are arrays with
    one value per column, so many settings run at once, each column on its own numbers. The signal is
    a short average of what is sensed now minus a slower average over `memory` steps (adaptation);
    with no memory there is nothing to compare with. A heading is kept as its cosine and sine (`turn`:
    the next random heading's, per step), so a tumble takes the new heading's."""
    n = position.shape[1]
    centre, width, weight = bumps
    scale = PEAK * strength

    def sensed(p):
        d = (p[:, None, :] - centre) ** 2
        e = np.exp((d[0] + d[1]) / width) * weight
        return scale * (e[0] + e[1])

    fast = sensed(position)
    slow = fast.copy()
    forgets = memory == 0
    alpha = 1.0 / np.where(forgets, 1.0, memory)
    keep = 1 - alpha
    always = 0.0 <= threshold                 # with no memory: tumble at every step, or never
    error = noise * sense
    path = np.empty((STEPS + 1, 2, n))
    tumbled = np.empty((STEPS, n), dtype=bool)
    path[0] = position
    for t in range(STEPS):
        fast = (fast + (sensed(position) + error[t])) * 0.5     # = 0.5 * fast + 0.5 * (...), exactly
        np.less_equal(fast - slow, threshold, out=tumbled[t])
        tumbled[t, forgets] = always[forgets]
        slow = keep * slow + alpha * fast
        heading = np.where(tumbled[t], turn[t], heading)
        position = position + heading
        path[t + 1] = position
    return path[:, 0], path[:, 1], tumbled


@dataclass(frozen=True)
class Tumble:
    strength: float
    noise: float
    memory: float
    threshold: float
    paths: tuple[tuple[tuple[float, float], ...], ...]   # each bacterium's position every 10 steps
    distance: tuple[float, ...]        # mean distance to the food at each step
    baseline: tuple[float, ...]        # the same, for bacteria that tumble at random (signal ignored)
    tumbles: float                     # share of steps the steering bacteria spent tumbling
    near: float                        # share of steering bacteria within NEAR of the food at the end
    near_random: float                 # the same for the random tumblers
    quality: tuple[float, ...]         # mean quality of the ideas entertained at each step (points)
    quality_random: tuple[float, ...]  # the same when the Thought Generator re-rolls at random
    rerolls: float                     # share of steps the thoughts spent re-rolling
    best: float                        # share of minds ending near the best idea
    good: float                        # share of minds ending near the lesser good idea
    idea_paths: tuple[tuple[tuple[float, float], ...], ...]   # each mind's thought every 10 steps
    rise: float                        # how much the food's concentration rises from the start ring to the
                                       # source (points): 0 on a flat dish, where there is nothing to steer by
    idea_rise: float                   # how much the best idea's worth, as the minds sense it, exceeds the mean
                                       # worth of where they start (points): 0 on a flat landscape of ideas
    baseline_matched: tuple[float, ...]  # every 10 steps, mean distance of bacteria tumbling at random as often as these did
    near_matched: float                # share of those bacteria within NEAR of the food at the end
    quality_matched: tuple[float, ...]  # every 10 steps, as quality_random, re-rolling at random as often as these minds did
    quality_flat: tuple[float, ...]    # every 10 steps, as quality, for the same minds at slope 0: nothing to sense
    baseline_flat: tuple[float, ...]   # every 10 steps, as distance, for the same bacteria on a dish with no food
    near_flat: float                   # share of those bacteria within NEAR of the food's spot at the end
    tumbles_each: tuple[float, ...]    # share of steps each steering bacterium spent tumbling
    rerolls_each: tuple[float, ...]    # share of steps each mind spent re-rolling


def _rounded(a: np.ndarray, places: int) -> list:
    """round(v, places) of every value, as Python floats: numpy rounds the many values far from a tie;
    the few within a hair of one are rounded by Python's correctly rounded round(), so the result is
    round()'s, value for value."""
    a = np.asarray(a, dtype=float)
    scaled = a * 10.0 ** places
    out = np.rint(scaled) / 10.0 ** places
    close = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) < 1e-6
    for i in zip(*np.nonzero(close)):
        out[i] = round(float(a[i]), places)
    return out.tolist()


def _every10(px, py):
    return tuple(tuple(zip(rx, ry)) for rx, ry in zip(_rounded(px[::10].T, 1), _rounded(py[::10].T, 1)))


def _r2(a) -> tuple[float, ...]:
    return tuple(_rounded(a, 2))


@lru_cache(maxsize=1)
def _start():
    """Where everything starts, the random numbers each run uses, and the random tumblers' and
    re-rollers' runs, which ignore the signal and so are the same at every setting."""
    rng = np.random.default_rng(SEED)
    angle = rng.uniform(0, 2 * np.pi, BACTERIA)
    x0, y0 = START * np.cos(angle), START * np.sin(angle)
    h0 = rng.uniform(0, 2 * np.pi, BACTERIA)
    tx0, ty0 = rng.uniform(-60, 60, BACTERIA), rng.uniform(-60, 60, BACTERIA)
    th0 = rng.uniform(0, 2 * np.pi, BACTERIA)
    (bturns, bcoin, bsense), (tturns, tcoin, tsense) = _draws(SEED + 1), _draws(SEED + 2)
    bx, by = _random_walk(x0, y0, h0, bturns, bcoin)
    rxs, rys = _random_walk(tx0, ty0, th0, tturns, tcoin)
    base = np.hypot(bx, by)
    heading, turns = np.concatenate([h0, th0]), np.concatenate([bturns, tturns], axis=1)
    start = (np.array([np.concatenate([x0, tx0]), np.concatenate([y0, ty0])]),
             np.array([np.cos(heading), np.sin(heading)]), np.stack([np.cos(turns), np.sin(turns)], axis=1),
             np.concatenate([bsense, tsense], axis=1), _bumps(BACTERIA, (_FOOD, _IDEAS)))
    quality_random = idea_quality(rxs, rys, 1.0).mean(axis=1)
    # What the random tumblers and re-rollers start from and draw, for runs at the steering agents' own rate.
    matched = (start[0][0], start[0][1], heading, turns, np.concatenate([bcoin, tcoin], axis=1))
    return start, matched, _r2(base.mean(axis=1)), float(np.mean(base[-1] < NEAR)), _r2(quality_random)


def run_and_tumble(strength: float, noise: float, memory: float,
                   threshold: float) -> Tumble:
    return run_and_tumble_many([dict(strength=strength, noise=noise, memory=memory, threshold=threshold)])[0]


BATCH = 100      # settings run together: wide enough to amortise numpy's per-call cost, small enough for memory


def run_and_tumble_many(settings: list[dict]) -> list[Tumble]:
    """run_and_tumble at each of many settings, run side by side (each setting's columns on its own
    numbers, so every result is the one it would have alone; test_model checks this)."""
    out = []
    for i in range(0, len(settings), BATCH):
        out += _tumble_batch(settings[i:i + BATCH])
    return out


def _tumble_batch(settings: list[dict]) -> list[Tumble]:
    (position, heading, turn, sense, bumps), matched, baseline, near_random, quality_random = _start()
    n, k = BACTERIA, len(settings)

    def per_column(name, flat=False):
        values = np.repeat(np.array([float(s[name]) for s in settings]), 2 * n)
        # After every setting's bacteria and minds, the same ones once more at slope 0: nothing to sense.
        return np.concatenate([values, np.zeros(2 * k * n) if flat else values])

    def columns(a):
        return np.tile(a, 2 * k)

    xs, ys, tumbled = _steer(tuple(columns(b) for b in bumps), columns(position), columns(heading),
                             columns(turn), columns(sense), per_column("strength", flat=True), per_column("noise"),
                             per_column("memory"), per_column("threshold"))
    fx, fy = (a[::10, 2 * n * k:].reshape(STEPS // 10 + 1, k, 2, n) for a in (xs, ys))
    flat = idea_quality(fx[:, :, 1], fy[:, :, 1], 1.0).mean(axis=2)
    flat_distance = np.hypot(fx[:, :, 0], fy[:, :, 0])
    # Who ends near is counted at the ends as shown (to 0.1), as for the steering bacteria.
    flat_near = (np.round(np.hypot(_rounded(fx[-1, :, 0], 1), _rounded(fy[-1, :, 0], 1)), 9) <= NEAR).mean(axis=1)
    xs, ys, tumbled = xs[:, :2 * n * k], ys[:, :2 * n * k], tumbled[:, :2 * n * k]
    # Each setting's bacteria and minds tumble or re-roll at random as often as they did when steering.
    rate = (np.add.reduceat(tumbled.sum(axis=0), np.arange(0, 2 * n * k, n)) / (STEPS * n)).repeat(n)
    walked = _matched_walk(*matched, rate.reshape(k, 2 * n))
    return [_tumble(s, *(a[:, j * 2 * n:(j + 1) * 2 * n] for a in (xs, ys, tumbled)), walked[:, :, j],
                    baseline, near_random, quality_random, flat[:, j], flat_distance[:, j].mean(axis=1),
                    float(flat_near[j]))
            for j, s in enumerate(settings)]


def _tumble(setting, xs, ys, tumbled, walked, baseline, near_random, quality_random, flat, flat_distance,
            flat_near) -> Tumble:
    strength, noise, memory, threshold = (setting[k] for k in ("strength", "noise", "memory", "threshold"))
    n = BACTERIA
    xs, ys, txs, tys = xs[:, :n], ys[:, :n], xs[:, n:], ys[:, n:]
    tumbles = int(tumbled[:, :n].sum()) / (STEPS * n)
    rerolls = int(tumbled[:, n:].sum()) / (STEPS * n)
    dist = np.hypot(xs, ys)
    matched = np.hypot(walked[:, 0, :n], walked[:, 1, :n])
    # Quality is judged on the strength-1 landscape, so runs at different strengths compare.
    quality = idea_quality(txs, tys, 1.0).mean(axis=1)
    paths, idea_paths = _every10(xs, ys), _every10(txs, tys)
    # Who ends near is counted at the ends the maps show (to 0.1), so the maps' hovers count the same (on the ring: near).
    ends, idea_ends = np.array([p[-1] for p in paths]), np.array([p[-1] for p in idea_paths])
    end_best = np.round(np.hypot(idea_ends[:, 0] - BEST_IDEA[0], idea_ends[:, 1] - BEST_IDEA[1]), 9) <= NEAR
    end_good = np.round(np.hypot(idea_ends[:, 0] - GOOD_IDEA[0], idea_ends[:, 1] - GOOD_IDEA[1]), 9) <= NEAR
    return Tumble(strength, noise, memory, threshold, paths, _r2(dist.mean(axis=1)), baseline,
                  round(tumbles, 4), float(np.mean(np.round(np.hypot(ends[:, 0], ends[:, 1]), 9) <= NEAR)), near_random,
                  _r2(quality), quality_random, round(rerolls, 4),
                  float(np.mean(end_best)), float(np.mean(end_good)), idea_paths,
                  float(concentration(np.float64(0.0), np.float64(0.0), strength)
                        - concentration(np.float64(START), np.float64(0.0), strength)),
                  float(idea_quality(np.float64(BEST_IDEA[0]), np.float64(BEST_IDEA[1]), strength)
                        - idea_quality(txs[0], tys[0], strength).mean()),
                  _r2(matched.mean(axis=1)), float(np.mean(matched[-1] < NEAR)),
                  _r2(idea_quality(walked[:, 0, n:], walked[:, 1, n:], 1.0).mean(axis=1)), _r2(flat),
                  _r2(flat_distance), flat_near,
                  tuple(round(v, 4) for v in (tumbled[:, :n].sum(axis=0) / STEPS).tolist()),
                  tuple(round(v, 4) for v in (tumbled[:, n:].sum(axis=0) / STEPS).tolist()))


# --- 2. Reward and value -----------------------------------------------------------------------------

DISCOUNT = 0.9
RATE = 0.5                        # the critic's learning rate


@dataclass(frozen=True)
class Candy:
    hunger: float
    effort: float
    distance: int
    walks: int
    labels: tuple[str, ...]        # the thoughts along the way: the idea, each step, eating
    innate: tuple[float, ...]      # each thought's innate reward, right now (ground truth)
    learned: tuple[float, ...]     # the learned, forward-looking part: discounted value of what comes next
    curve: tuple[float, ...]       # the idea's valence after 0, 1, ..., walks walks

    @property
    def valence(self) -> tuple[float, ...]:
        return tuple(round(a + b, 4) for a, b in zip(self.innate, self.learned))

    @property
    def settles(self) -> float:
        """Where the idea's valence settles after many walks: the discounted sum of the innate rewards ahead."""
        return round(sum(DISCOUNT ** s * r for s, r in enumerate(self.innate) if s > 0), 4)

    @property
    def idea(self) -> float:
        return self.valence[0]

    @property
    def eat(self) -> float:
        return self.valence[-1]


def candy(hunger: float, effort: float, distance: int, walks: int) -> Candy:
    """TD(0) on a chain: the idea of walking to get candy, `distance` steps of walking (each costing
    `effort`, innately), then eating (worth `hunger`, innately). A thought's valence is its innate
    reward plus the discounted learned value of the next thought; before any walk the critic knows nothing."""
    distance, walks = int(distance), int(walks)
    innate = np.array([0.0] + [-effort] * distance + [hunger])
    n = len(innate)
    value = np.zeros(n)                       # the critic's estimate of each thought's worth, learned
    curve = [0.0]
    for _ in range(walks):
        for s in reversed(range(n)):           # replayed from the end, as a walk is remembered
            target = innate[s] + (DISCOUNT * value[s + 1] if s + 1 < n else 0.0)
            value[s] += RATE * (target - value[s])
        curve.append(DISCOUNT * value[1])
    learned = np.array([DISCOUNT * value[s + 1] if s + 1 < n else 0.0 for s in range(n)])
    labels = ("idea of the walk",) + tuple(f"step {i}" for i in range(1, distance + 1)) + ("eating it",)
    return Candy(hunger, effort, distance, walks, labels, tuple(round(float(v), 4) for v in innate),
                 tuple(round(float(v), 4) for v in learned), tuple(round(float(v), 4) for v in curve))


# --- 3. Valence as an axis of concepts ----------------------------------------------------------------

# Our made-up thingspace: one number for everything but valence (birds far from groups of people; among
# groups, how tight-knit and demanding), and person A's valence, -1 to 1. A likes religion in general but
# dislikes Scientology (Byrnes's anecdote); person B's valence on the religious items moves, with
# `disagree`, toward a dislike of all of them.
ITEMS = (
    # name, ordinary feature, A's valence, religious
    ("sparrow", 3.05, 0.3, False), ("eagle", 3.30, 0.2, False), ("parrot", 3.15, 0.1, False),
    ("crow", 3.20, -0.1, False), ("pigeon", 3.00, -0.2, False), ("hummingbird", 3.35, -0.3, False),
    ("book club", 0.00, 0.5, False), ("chess club", 0.10, 0.4, False),
    ("parish church", 0.60, 0.7, True), ("mosque", 0.65, 0.6, True), ("Buddhist temple", 0.55, 0.6, True),
    ("monastery", 0.95, 0.5, True), ("meditation retreat", 0.85, 0.3, False),
    ("Scientology", 0.90, -0.8, True), ("doomsday sect", 1.05, -0.9, False),
    ("pyramid-selling team", 0.75, -0.7, False),
)
NAMES = tuple(i[0] for i in ITEMS)
B_DISLIKE = -0.7                  # person B's valence on every religious item when fully disagreeing
WORDS = (("bird", "sparrow"), ("religion", "parish church"), ("cult", "doomsday sect"))


def valences(disagree: float) -> tuple[np.ndarray, np.ndarray]:
    a = np.array([i[2] for i in ITEMS])
    religious = np.array([i[3] for i in ITEMS])
    b = np.where(religious, (1 - disagree) * a + disagree * B_DISLIKE, a)
    return a, b


def cluster(points: np.ndarray, k: int) -> tuple[int, ...]:
    """Average-linkage agglomerative clustering into k clusters; labels numbered by first member."""
    return _hierarchy(points.tobytes(), points.shape)[k]


@lru_cache(maxsize=512)
def _hierarchy(data: bytes, shape: tuple[int, ...]) -> dict[int, tuple[int, ...]]:
    """The labels at every number of clusters, from one run of merges: merging down to k clusters is
    the first steps of merging down to fewer, so each set of points is clustered once for every k."""
    points = np.frombuffer(data).reshape(shape)
    groups = [[i] for i in range(len(points))]
    d = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
    out = {len(groups): _labels(groups, len(points))}
    while len(groups) > 1:
        best, pair = np.inf, (0, 1)
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                link = d[np.ix_(groups[i], groups[j])].mean()
                if link < best - 1e-12:
                    best, pair = link, (i, j)
        i, j = pair
        groups[i] = sorted(groups[i] + groups[j])
        del groups[j]
        out[len(groups)] = _labels(groups, len(points))
    return out


def _labels(groups: list[list[int]], n: int) -> tuple[int, ...]:
    labels = [0] * n
    for c, g in enumerate(sorted(groups, key=min)):
        for i in g:
            labels[i] = c
    return tuple(labels)


@dataclass(frozen=True)
class Concepts:
    weight: float
    categories: int
    disagree: float
    ordinary: tuple[float, ...]
    valence_a: tuple[float, ...]
    valence_b: tuple[float, ...]
    labels_a: tuple[int, ...]
    labels_b: tuple[int, ...]
    # The fewest concepts at which each person's six birds no longer all share one (clusters only split as
    # concepts are added, so from there on they stay split): the number of concepts, not the birds' looks, is
    # what keeps them together below it.
    birds_split_a: int
    birds_split_b: int

    def members(self, person: str, item: str) -> tuple[str, ...]:
        """The items in the same cluster as `item`, in person's head: what their word for it covers."""
        labels = self.labels_a if person == "a" else self.labels_b
        c = labels[NAMES.index(item)]
        return tuple(n for n, l in zip(NAMES, labels) if l == c)

    def valence(self, person: str, item: str) -> float:
        return (self.valence_a if person == "a" else self.valence_b)[NAMES.index(item)]


def concepts(weight: float, categories: int, disagree: float) -> Concepts:
    a, b = valences(disagree)
    x = np.array([i[1] for i in ITEMS])
    k = int(categories)
    pa, pb = np.stack([x, weight * a], axis=1), np.stack([x, weight * b], axis=1)
    return Concepts(weight, k, disagree, tuple(float(v) for v in x), tuple(round(float(v), 3) for v in a),
                    tuple(round(float(v), 3) for v in b), cluster(pa, k), cluster(pb, k), birds_split(pa), birds_split(pb))


def birds_split(points: np.ndarray) -> int:
    """The fewest clusters at which the six birds (the first six points) do not all fall in one."""
    return next(n for n in range(1, len(points) + 1) if len(set(cluster(points, n)[:6])) > 1)
