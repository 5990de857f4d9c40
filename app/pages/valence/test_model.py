"""The valence page's models, pinned: each claim the page makes, and the settings that break it."""
from __future__ import annotations

import pytest

from app.pages.valence.model import BACTERIA
from app.pages.valence.page import PAGE

# The models at the declared defaults (page.py), with changes in their own units.
candy, concepts, run_and_tumble = (PAGE.widget(w).at_defaults for w in ("candy", "concepts", "tumble"))


def test_steering_by_getting_better_finds_the_food_and_climbs_to_better_ideas():
    t = run_and_tumble()
    assert t.near >= 0.5 and t.near_random == 0 and t.distance[-1] < 0.3 * t.baseline[-1]
    assert t.quality[-1] > 3 * t.quality_random[-1]
    assert t.best > 0.3 and t.good > 0                 # some minds settle on the lesser idea: a local peak


@pytest.mark.parametrize("change", [{"memory": 0}, {"noise": 40}, {"strength": 0}])
def test_no_memory_too_much_noise_or_a_flat_dish_breaks_it(change):
    t = run_and_tumble(**change)
    assert t.near < 0.1 and t.distance[-1] > 0.75 * t.baseline[-1]
    assert t.quality[-1] < 1.5 * t.quality_random[-1] + 10


def test_with_no_memory_every_step_is_a_tumble_unless_the_threshold_is_below_zero():
    assert run_and_tumble(memory=0).tumbles == 1.0
    assert run_and_tumble(memory=0, threshold=-1).tumbles == 0.0


def test_a_high_threshold_tumbles_more_and_finds_less():
    low, high = run_and_tumble(threshold=0), run_and_tumble(threshold=5)
    assert high.tumbles > low.tumbles + 0.3 and high.near < low.near


def test_the_run_is_deterministic():
    assert run_and_tumble() == run_and_tumble() and len(run_and_tumble().paths) == BACTERIA


def test_before_any_walk_only_the_innate_reward_counts():
    c = candy(hunger=0.8, walks=0)
    assert c.idea == 0 and c.eat == 0.8 and all(v == 0 for v in c.learned)


def test_with_experience_the_idea_of_the_walk_feels_good_though_each_step_costs():
    c = candy(hunger=0.8, effort=0.05, distance=3, walks=40)
    assert c.idea > 0.3 and all(i < 0 for i in c.innate[1:-1])
    assert c.idea == pytest.approx(c.settles, abs=1e-3)          # the critic has converged on the discounted sum
    assert c.curve[0] == 0 and c.curve[-1] > c.curve[1]


def test_not_hungry_the_walk_is_not_worth_it_and_more_effort_makes_it_worse():
    assert candy(hunger=0, walks=40).idea < 0
    assert candy(hunger=0.8, effort=0.3, distance=8, walks=40).idea < 0 < candy(hunger=0.8, walks=40).idea


def test_ignoring_valence_two_people_carve_the_same_concepts():
    c = concepts(weight=0)
    assert c.labels_a == c.labels_b


def test_valence_carves_cult_and_religion_while_bird_stays_whole():
    c = concepts()
    cult = c.members("a", "doomsday sect")
    assert set(cult) == {"Scientology", "doomsday sect", "pyramid-selling team"}
    assert all(c.valence("a", m) < 0 for m in cult)
    assert "Scientology" not in c.members("a", "parish church") and "Scientology" in c.members("b", "parish church")
    assert len(c.members("a", "sparrow")) == 6
    # Without valence, the same sixteen things are sorted by looks: the sect goes with the liked monastery.
    assert "monastery" in concepts(weight=0).members("a", "doomsday sect")


def test_weighted_heavily_enough_valence_splits_even_the_birds():
    assert len(concepts(weight=3, categories=4).members("a", "sparrow")) < 6


def test_people_who_feel_the_same_mean_the_same():
    c = concepts(disagree=0)
    assert c.members("a", "parish church") == c.members("b", "parish church")


def _plain_rule(field, x, y, heading, rng, strength, noise, memory, threshold, steering):
    """The rule as first written, one landscape and one run at a time (about ten times slower than the
    model's single pass over bacteria and minds together); kept here as the reference."""
    import numpy as np
    from app.pages.valence.model import STEPS
    n = len(x)
    fast = field(x, y, strength)
    slow = fast.copy()
    alpha = 1.0 / memory if memory > 0 else 1.0
    turns, coin, sense = rng.uniform(0, 2 * np.pi, (STEPS, n)), rng.random((STEPS, n)), rng.normal(0.0, 1.0, (STEPS, n))
    xs, ys = np.empty((STEPS + 1, n)), np.empty((STEPS + 1, n))
    xs[0], ys[0] = x, y
    tumbling = 0
    for t in range(STEPS):
        fast = 0.5 * fast + 0.5 * (field(x, y, strength) + noise * sense[t])
        better = fast - slow if memory > 0 else np.zeros(n)
        slow = (1 - alpha) * slow + alpha * fast
        tumble = better <= threshold if steering else coin[t] < 0.5
        heading = np.where(tumble, turns[t], heading)
        tumbling += int(tumble.sum())
        x, y = x + np.cos(heading), y + np.sin(heading)
        xs[t + 1], ys[t + 1] = x, y
    return xs, ys, tumbling / (STEPS * n)


@pytest.mark.parametrize("state", [dict(strength=1, noise=5, memory=10, threshold=0),
                                   dict(strength=0.3, noise=40, memory=1, threshold=-2.75),
                                   dict(strength=2, noise=0, memory=40, threshold=5),
                                   dict(strength=0, noise=17, memory=0, threshold=-0.25)])
def test_the_fast_simulation_is_the_plain_rule_bit_for_bit(state):
    """The model runs bacteria and minds in one vectorised pass and reuses the random tumblers' runs,
    which ignore the signal; every number must be what the plain rule gives."""
    import numpy as np
    from app.pages.valence.model import (BEST_IDEA, GOOD_IDEA, SEED, START, concentration, idea_quality)
    rng = np.random.default_rng(SEED)
    angle = rng.uniform(0, 2 * np.pi, BACTERIA)
    x0, y0, h0 = START * np.cos(angle), START * np.sin(angle), rng.uniform(0, 2 * np.pi, BACTERIA)
    tx0, ty0, th0 = rng.uniform(-60, 60, BACTERIA), rng.uniform(-60, 60, BACTERIA), rng.uniform(0, 2 * np.pi, BACTERIA)
    runs = [_plain_rule(f, px, py, ph, np.random.default_rng(SEED + k), *state.values(), steering)
            for f, px, py, ph, k in ((concentration, x0, y0, h0, 1), (idea_quality, tx0, ty0, th0, 2))
            for steering in (True, False)]
    (xs, ys, tumbles), (bx, by, _), (txs, tys, rerolls), (rxs, rys, _) = runs
    t = run_and_tumble(**state)
    r2 = lambda a: tuple(round(float(v), 2) for v in a)  # noqa: E731
    every10 = lambda px, py: tuple(tuple((round(float(px[s, b]), 1), round(float(py[s, b]), 1))  # noqa: E731
                                         for s in range(0, 401, 10)) for b in range(BACTERIA))
    assert t.paths == every10(xs, ys) and t.idea_paths == every10(txs, tys)
    assert t.distance == r2(np.hypot(xs, ys).mean(axis=1)) and t.baseline == r2(np.hypot(bx, by).mean(axis=1))
    assert t.quality == r2(idea_quality(txs, tys, 1.0).mean(axis=1))
    assert t.quality_random == r2(idea_quality(rxs, rys, 1.0).mean(axis=1))
    assert (t.tumbles, t.rerolls) == (round(tumbles, 4), round(rerolls, 4))
    assert t.near == float(np.mean(np.hypot(xs[-1], ys[-1]) < 15))
    assert t.best == float(np.mean(np.hypot(txs[-1] - BEST_IDEA[0], tys[-1] - BEST_IDEA[1]) < 15))
    assert t.good == float(np.mean(np.hypot(txs[-1] - GOOD_IDEA[0], tys[-1] - GOOD_IDEA[1]) < 15))


def _plain_cluster(points, k):
    """Average linkage merged straight down to k clusters, as first written (the model merges each set
    of points once, all the way down, and reads off every k)."""
    import numpy as np
    groups = [[i] for i in range(len(points))]
    d = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
    while len(groups) > k:
        best, pair = np.inf, (0, 1)
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                link = d[np.ix_(groups[i], groups[j])].mean()
                if link < best - 1e-12:
                    best, pair = link, (i, j)
        i, j = pair
        groups[i] = sorted(groups[i] + groups[j])
        del groups[j]
    groups.sort(key=min)
    return tuple(next(n for n, g in enumerate(groups) if i in g) for i in range(len(points)))


@pytest.mark.parametrize("weight,disagree", [(0, 0), (1, 1), (2, 0.5), (3, 0.3)])
def test_clustering_once_for_every_k_is_clustering_for_each_k(weight, disagree):
    import numpy as np
    from app.pages.valence.model import ITEMS, valences
    x = np.array([i[1] for i in ITEMS])
    for k in range(2, 7):
        c = concepts(weight=weight, categories=k, disagree=disagree)
        a, b = valences(disagree)
        assert c.labels_a == _plain_cluster(np.stack([x, weight * a], axis=1), k)
        assert c.labels_b == _plain_cluster(np.stack([x, weight * b], axis=1), k)


def test_tumbling_at_random_at_rate_one_half_is_the_fair_coin_bit_for_bit():
    """The random tumblers and re-rollers that tumble as often as the steering ones (_matched_walk) draw what the
    fair coin's do (_random_walk): at rate 0.5 their positions are the fair coin's, number for number."""
    import numpy as np
    from app.pages.valence.model import STEPS, _matched_walk, _random_walk, _start
    _, (x, y, heading, turns, coin), *_ = _start()
    walked = _matched_walk(x, y, heading, turns, coin, np.full((3, 2 * BACTERIA), 0.5))
    xs, ys = _random_walk(x, y, heading, turns, coin)
    for s in range(3):
        assert np.array_equal(walked[:, 0, s], xs[::10]) and np.array_equal(walked[:, 1, s], ys[::10])
    assert xs.shape == (STEPS + 1, 2 * BACTERIA)
    # At a rate of 1 (or 0) they tumble on every step (or none), as bacteria that steer by nothing do.
    t = run_and_tumble(memory=0)
    assert t.tumbles == t.rerolls == 1 and t.baseline_matched[-1] == t.distance[-1]
    assert t.quality_matched[-1] == t.quality[-1] and t.near_matched == t.near


@pytest.mark.parametrize("state", [dict(strength=1, noise=5, memory=10, threshold=0),
                                   dict(strength=0.2, noise=2, memory=37, threshold=3.75),
                                   dict(strength=0, noise=17, memory=0, threshold=-0.25)])
def test_the_matched_walk_is_the_plain_rule_at_the_steering_agents_rate(state):
    """Each setting's random tumblers at its own rate, run side by side with other settings' (run_and_tumble_many),
    are the plain loop at that rate, with the fair coin's starts and draws."""
    import numpy as np
    from app.pages.valence.model import NEAR, STEPS, _draws, _start, idea_quality, run_and_tumble_many, SEED
    t = run_and_tumble(**state)
    _, (x, y, heading, turns, coin), *_ = _start()
    n = BACTERIA
    for cols, rate in ((slice(0, n), t.tumbles), (slice(n, 2 * n), t.rerolls)):
        share = round(rate * STEPS * n) / (STEPS * n)           # the exact share: a whole number of steps
        px, py, h = x[cols].copy(), y[cols].copy(), heading[cols].copy()
        xs, ys = [px], [py]
        for s in range(STEPS):
            h = np.where(coin[s, cols] < share, turns[s, cols], h)
            px, py = px + np.cos(h), py + np.sin(h)
            xs.append(px), ys.append(py)
        xs, ys = np.array(xs), np.array(ys)
        if cols.start == 0:
            d = np.hypot(xs, ys)
            assert t.baseline_matched == tuple(round(float(v), 2) for v in d[::10].mean(axis=1))
            assert t.near_matched == float(np.mean(d[-1] < NEAR))
        else:
            q = idea_quality(xs[::10], ys[::10], 1.0).mean(axis=1)
            assert t.quality_matched == tuple(round(float(v), 2) for v in q)
    together = run_and_tumble_many([dict(strength=1, noise=5, memory=10, threshold=0), state,
                                    dict(strength=2, noise=40, memory=40, threshold=5)])
    assert together[1] == t


@pytest.mark.parametrize("state", [dict(strength=0.1, noise=24, memory=32, threshold=-2),
                                   dict(strength=1.5, noise=2, memory=14, threshold=-1.25)])
def test_the_minds_yardstick_is_the_same_minds_with_nothing_to_sense(state):
    """The minds' yardstick is their own run at slope 0 (same noise, memory, threshold and draws), every 10 steps."""
    t = run_and_tumble(**state)
    flat = run_and_tumble(**{**state, "strength": 0})
    assert t.quality_flat == flat.quality_flat == flat.quality[::10]


@pytest.mark.parametrize("state", [dict(strength=0.1, noise=5, memory=1, threshold=-2.75),
                                   dict(strength=1.5, noise=2, memory=14, threshold=-1.25)])
def test_the_bacterias_yardstick_is_the_same_bacteria_on_a_dish_with_no_food(state):
    """The bacteria's yardstick is their own run at slope 0 (same noise, memory, threshold and draws), every 10 steps,
    with those near the food's spot counted at the ends as shown."""
    t = run_and_tumble(**state)
    flat = run_and_tumble(**{**state, "strength": 0})
    assert t.baseline_flat == flat.baseline_flat == flat.distance[::10]
    assert t.near_flat == flat.near_flat == flat.near
