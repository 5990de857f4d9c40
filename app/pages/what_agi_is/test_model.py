"""Claims of the what-AGI-is page, pinned on its models (model.py)."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from app.pages.what_agi_is.page import ANGELS, KNOW, LUNCH
from app.pages.what_agi_is.model import STRATEGIES, STRATEGY_SETS, problems, tries_to_best


@pytest.mark.parametrize("n,k", [(n, k) for n in range(3, 8) for k in (2, 3)])
def test_every_strategy_needs_the_same_average_over_all_problems(n, k):
    """Exactly (as fractions), by enumerating every problem."""
    r = LUNCH.at_defaults(n, k, "one-hill")
    assert len(set(r.mean_all.values())) == 1


def test_equal_averages_also_for_other_non_repeating_orders():
    """Not special to our four: every fixed order of 5 points ties over all problems."""
    every = problems("all", 5, 2)
    means = set()
    for order in itertools.permutations(range(5)):
        total = sum(next(i + 1 for i, x in enumerate(order) if f[x] == max(f)) for f in every)
        means.add(total)
    assert len(means) == 1


def test_hill_climbing_wins_on_one_hill_problems_at_the_defaults():
    r = LUNCH.at_defaults(6, 3, "one-hill")
    hill = r.mean_family["hill-climb"]
    assert all(hill < r.mean_family[s] for s in STRATEGIES if s != "hill-climb")


def test_hill_climbing_does_not_always_win_on_one_hill_problems():
    """Why the page computes its sentence about the winner: with 5 points and 2 values a fixed
    shuffled order beats hill-climbing on the one-hill problems."""
    r = LUNCH.at_defaults(5, 2, "one-hill")
    assert min(r.mean_family, key=r.mean_family.get) != "hill-climb"


def test_smooth_structure_does_not_favour_hill_climbing():
    """The page's caveat: structure helps only a strategy built for it."""
    r = LUNCH.at_defaults(6, 3, "smooth")
    assert min(r.mean_family, key=r.mean_family.get) != "hill-climb"


def test_hill_climb_never_repeats_a_point():
    for f in problems("all", 6, 3):
        assert 1 <= tries_to_best("hill-climb", f) <= 6


def test_at_the_defaults_the_exam_favours_the_memoriser_and_new_science_the_figurer():
    r = KNOW.at_defaults()
    assert r.exam["knower"] > r.exam["figurer"] > 0.75
    assert r.science["figurer"] > 0.5 > 0.05 > r.science["knower"]
    assert r.crossover is not None and 0 < r.crossover < 0.2


def test_crossover_moves_the_way_the_sliders_say():
    base = KNOW.at_defaults().crossover
    assert KNOW.at_defaults(ability=0.15).crossover > base     # a weaker figurer overtakes later
    assert KNOW.at_defaults(coverage=1.0).crossover > base     # a fuller memory holds out longer
    assert KNOW.at_defaults(budget=12).crossover > base        # less time to experiment
    assert KNOW.at_defaults(ability=0.5).crossover < base


def test_knower_declines_with_novelty_figurer_degrades_gracefully():
    r = KNOW.at_defaults()
    assert np.all(np.diff(r.curves["knower"]) <= 1e-12)
    assert r.curves["figurer"][-1] > 0.4


def test_angels_defaults():
    r = ANGELS.at_defaults()
    today, agi = r.zero_help["today"], r.zero_help["agi"]
    assert np.all(np.diff(today) <= 0) and today[-1] < 0.01 and today[0] > 0.9
    assert agi[-1] > 0.6                                           # stays high
    assert np.all(np.diff(r.interventions["today"]) >= 0)
    assert r.interventions["today"][-1] > 5 > 1 > r.interventions["agi"][-1]


def test_learning_is_what_keeps_the_figurer_going():
    with_learning = ANGELS.at_defaults(learning=0.25).zero_help["agi"][-1]
    without = ANGELS.at_defaults(learning=0.0).zero_help["agi"][-1]
    assert without < with_learning


def test_angels_is_deterministic():
    state = dict(length=300, stuck=0.03, today_recover=0.8, recover=0.1)
    a, b = ANGELS.at_defaults(**state), ANGELS.at_defaults(**state)
    assert all(np.array_equal(a.zero_help[k], b.zero_help[k]) for k in a.zero_help)


def test_a_learner_that_stays_as_trained_is_described_by_any_one_test():
    from app.pages.what_agi_is.model import moving_target
    r = moving_target(0.2, 0.0, 3, 120)
    assert np.all(r.skill["frozen"] == 0.2) and np.allclose(r.skill["learner"], 0.2, rtol=0, atol=1e-12)
    learning = moving_target(0.2, 0.03, 3, 120)
    assert np.all(np.diff(learning.skill["learner"]) > 0)          # keeps improving every day
    assert learning.final["learner"] > learning.tested["learner"] > learning.final["frozen"] - 1e-12


@pytest.mark.parametrize("family,n,k", [("one-hill", 6, 3), ("smooth", 5, 2), ("all", 4, 3)])
def test_each_strategy_looks_without_repeats_and_stops_at_the_first_best(family, n, k):
    """The tiny-world drawing numbers each strategy's looks: they never repeat a point, the last
    one is the first point holding the best value, and their count is what the averages add up."""
    from app.pages.what_agi_is.model import looks
    for f in problems(family, n, k):
        for s in STRATEGIES:
            seen = looks(s, f)
            assert len(set(seen)) == len(seen) and f[seen[-1]] == max(f)
            assert all(f[x] < max(f) for x in seen[:-1]) and tries_to_best(s, f) == len(seen)


def test_the_tiny_world_shows_a_structured_sample_and_every_strategy(client):
    html = client.get("/what-agi-is?size=5&values=3&family=one-hill&strategies=all").text
    panel = html[html.index('id="panel-lunch-tinyworld"'):]
    panel = panel[:panel.index("</svg>")]
    assert panel.count('class="tw-look found"') == 4     # one ringed, first sight of the best, per strategy
    assert all(label in panel for label in ("Left to right", "Right to left", "Shuffled order", "Hill-climb"))


@pytest.mark.parametrize("state", [
    dict(coverage=0.5, knower_ability=0.6, ability=0.6, figurer_coverage=0, pieces=1, budget=60),
    dict(coverage=0.67, knower_ability=0.55, ability=0.51, figurer_coverage=0.9, pieces=5, budget=57),
    dict(coverage=1.0, knower_ability=0.6, ability=0.6, figurer_coverage=1.0, pieces=1, budget=60),
])
def test_success_on_new_science_is_never_certain_however_close_to_1_it_rounds(state):
    """claim science: from 80% novelty some piece may be new to the world, and an attempt works one out 60% of the
    time at most, so failure always keeps a chance; a band average that floating point puts at (or past) 1 is not
    certainty. Success is certain only where nothing can be missing: novelty 0 with everything known remembered."""
    from app.pages.what_agi_is.model import SCIENCE_BAND
    r = KNOW.at_defaults(**state)
    assert min(r.science.values()) > 1 - 1e-12
    assert not r.certain_over("knower", SCIENCE_BAND) and not r.certain_over("figurer", SCIENCE_BAND)
    assert r.certain_over("figurer", (0.0, 0.0)) == (state["figurer_coverage"] == 1)


def test_the_typical_problem_has_one_clear_peak_and_looks_nearest_the_averages():
    from app.pages.what_agi_is.model import mean_tries, typical_problem
    for family in ("one-hill", "smooth", "all"):
        for n, k in ((4, 2), (6, 3), (7, 3)):
            strategies = STRATEGY_SETS["all"]
            fs = problems(family, n, k)
            f = fs[typical_problem(family, n, k, strategies)]
            assert f.count(k - 1) == 1 and 0 < f.index(k - 1) < n - 1, (family, n, k, f)
            means = [float(mean_tries(s, family, n, k)[0]) for s in strategies]
            gap = sum((tries_to_best(s, f) - m) ** 2 for s, m in zip(strategies, means))
            # no other clear-peak problem is nearer
            others = [g for g in fs if g.count(k - 1) == 1 and 0 < g.index(k - 1) < n - 1]
            assert all(gap <= sum((tries_to_best(s, g) - m) ** 2 for s, m in zip(strategies, means)) + 1e-12
                       for g in others)


def test_at_the_defaults_the_typical_one_hill_problem_shows_hill_climbing_at_least_as_quick_as_any_fixed_order():
    """Newcomer review: the sample under the chart showed hill-climbing slowest right after the prose said it was
    built for one-hill problems (its average is the lowest there)."""
    from app.pages.what_agi_is.model import looks, typical_problem
    strategies = STRATEGY_SETS["all"]
    f = problems("one-hill", 6, 3)[typical_problem("one-hill", 6, 3, strategies)]
    climb = len(looks("hill-climb", f))
    assert all(climb <= len(looks(s, f)) for s in strategies)
