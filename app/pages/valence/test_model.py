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
