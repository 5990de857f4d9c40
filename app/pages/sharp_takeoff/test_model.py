"""The sharp-takeoff models, pinned: each claim emerges from the numbers, and a setting can break it.
Each test names the sentence it backs."""
from __future__ import annotations

from app.pages.sharp_takeoff.model import ASI, HUMAN, IMITATION_CEILING, RELEVANT, imitation
from app.pages.sharp_takeoff.page import PAGE

# The models at the declared defaults (page.py), with changes in their own units.
climb, language = (PAGE.widget(w).at_defaults for w in ("climb", "language"))


def test_with_every_blocker_shared_the_gap_is_only_tuning():
    """claim gap: Byrnes's assumption gives a gap within 0-30 person-years."""
    c = climb(later=0.0, tuning=10)
    assert c.after == 0 and c.gap == 10 and c.gap <= 30
    assert climb(later=0.0, tuning=0).gap == 0


def test_blockers_after_relevance_widen_the_gap_and_steepening_makes_it_millions():
    """claim gap: the conclusion depends on the shared-blockers assumption."""
    gaps = [climb(later=s).gap for s in (0.0, 0.05, 0.25, 0.5)]
    assert gaps == sorted(gaps) and gaps[-1] > 1000
    assert climb(later=0.5, steepening=2).gap > 1e6


def test_a_ceiling_below_asi_means_no_takeoff():
    c = climb(ceiling=90)
    assert c.gap is None and max(c.scratch(x) for x in (1e4, 1e6, 1e12)) == 90


def test_the_imitation_learner_is_relevant_early_and_stops_below_human_level():
    """claim imitation: relevant far sooner than the from-scratch learner, never past human knowledge."""
    c = climb()
    assert c.imitation_relevant_at < c.relevant_at / 10
    assert imitation(c.imitation_relevant_at) == __import__("pytest").approx(RELEVANT)
    assert imitation(1e12) <= IMITATION_CEILING == HUMAN < ASI


def test_a_group_invents_a_shared_code_where_imitation_learners_cannot():
    """claim outcome: without grammatical input, the group converges; imitation learners stay at chance."""
    none = language(exposure="none", learners=10, rounds=2000)
    assert none.success[-1] > 0.9 and none.shared_code == 1.0 and none.words_in_use == 6
    assert none.success[0] < 0.5                        # it starts with no code at all
    assert none.imitation_success < 0.2
    assert language(rounds=0, exposure="grammatical").shared_code == 1.0
    given = language(exposure="grammatical")
    assert given.imitation_success == 1.0 and min(given.success) == 1.0
    assert language(rounds=0).success == ()
