"""The sharp-takeoff models, pinned: each claim emerges from the numbers, and a setting can break it.
Each test names the sentence it backs, and reads the climb itself (capability against R&D), not the
model's own bookkeeping of where it reaches ASI."""
from __future__ import annotations

import itertools

import pytest

from app.pages.sharp_takeoff.model import ASI, BEYOND, HUMAN, IMITATION_CEILING, RELEVANT, imitation
from app.pages.sharp_takeoff.page import CLIMB, PAGE

# The models at the declared defaults (page.py), with changes in their own units.
climb, language = (PAGE.widget(w).at_defaults for w in ("climb", "language"))


def first_reaching(curve, level: float, lo: float = 1.0, hi: float = 1e20) -> float:
    """The least R&D at which `curve` reaches `level` (curves only rise), found by bisection on the curve."""
    assert curve(hi) >= level > curve(lo)
    for _ in range(300):
        mid = (lo * hi) ** 0.5 if hi / lo > 1.0001 else (lo + hi) / 2
        lo, hi = (mid, hi) if curve(mid) < level else (lo, mid)
    return hi


def gap_on_the_curve(c) -> float:
    return first_reaching(c.scratch, ASI) - first_reaching(c.scratch, RELEVANT)


@pytest.mark.parametrize("tuning", [1, 10, 30])
def test_with_every_blocker_before_relevance_the_climb_to_asi_is_within_byrnes_guess(tuning):
    """claim gap: Byrnes's assumption (no blocker after relevance) gives a gap within 0-30 person-years, measured
    on the from-scratch curve between where it first reaches 40 and where it first reaches 100."""
    c = climb(later=0.0, tuning=tuning)
    assert c.after == 0 and gap_on_the_curve(c) == pytest.approx(c.gap, rel=1e-6) and c.gap <= 30
    assert c.scratch(c.relevant_at + 0.5 * c.gap) < ASI


def test_with_no_tuning_it_is_at_asi_the_moment_it_is_relevant():
    c = climb(later=0.0, tuning=0)
    assert c.gap == 0 and c.scratch(c.relevant_at) == ASI > c.scratch(c.relevant_at * 0.999)


def test_blockers_after_relevance_widen_the_gap_and_steepening_makes_it_millions():
    """claim gap: the conclusion depends on the shared-blockers assumption."""
    gaps = [gap_on_the_curve(climb(later=s)) for s in (0.0, 0.05, 0.25, 0.5)]
    assert gaps == sorted(gaps) and gaps[-1] > 1000
    assert gap_on_the_curve(climb(later=0.5, steepening=2)) > 1e6


def test_a_ceiling_below_asi_is_graded_the_gap_is_large_and_finite():
    """The ceiling was a switch (any ceiling below 100: 'never'); now past it each further BEYOND points take ten
    times as much R&D in total, so ASI is far away but reached: the lower the ceiling, the longer the gap."""
    gaps = []
    for ceiling in (95, 90, 80, 70, 60):
        c = climb(ceiling=ceiling)
        top = c.steps[-1][0]                                   # where it reaches its ceiling
        assert c.scratch(top) == ceiling and c.scratch(10 ** 0.25 * top) == pytest.approx(ceiling + BEYOND / 4)
        gaps.append(gap_on_the_curve(c))
    assert gaps == sorted(gaps) and gaps[0] > 1000 and gaps[-1] < 1e20


def test_any_ceiling_below_asi_puts_the_gap_far_beyond_byrnes_guess():
    """content.md: a ceiling below ASI 'always puts the gap far beyond Byrnes's 0–30', at every setting."""
    axes = [CLIMB.param(n).grid() for n in ("later", "steepening", "tuning", "ceiling")]
    for later, steepening, tuning, ceiling in itertools.product(*axes):
        if ceiling < 100:
            c = CLIMB.run({"later": later, "steepening": steepening, "tuning": tuning, "ceiling": ceiling})
            assert c.gap > 1000


def test_the_imitation_learner_is_relevant_early_then_climbs_only_slowly_past_human_knowledge():
    """claim imitation: relevant far sooner than the from-scratch learner; past existing human knowledge each
    tenfold of R&D adds about BEYOND points, so it reaches ASI, but millions of person-years later."""
    c = climb()
    relevant, asi = first_reaching(imitation, RELEVANT), first_reaching(imitation, ASI)
    assert relevant == pytest.approx(c.imitation_relevant_at, rel=1e-6) and relevant < c.relevant_at / 10
    assert asi == pytest.approx(c.imitation_asi_at, rel=1e-6) and asi - relevant > 1e6
    human = first_reaching(imitation, HUMAN)                                     # fast to human knowledge...
    assert HUMAN == IMITATION_CEILING and human - relevant < 1000 and asi - human > 1e6   # ...slow past it
    assert imitation(1e6) - imitation(1e5) == pytest.approx(BEYOND, abs=0.1)    # the slow climb past it
    assert imitation(1e12) == ASI                                               # tracked up to ASI


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


def test_the_curve_drawn_is_the_learner_point_by_point():
    """scratch_curve walks the corners once for the figure: it must give what scratch gives at every R&D, on the
    corners themselves, between them, before relevance and past a ceiling (seeded settings)."""
    import random
    from app.pages.sharp_takeoff.model import climb
    rng = random.Random(7)
    for _ in range(200):
        c = climb(rng.choice([0, 0.3, 0.6, 0.95]), rng.choice([1, 1.5, 3]), rng.choice([0, 10, 50]), rng.choice([60, 80, 100]))
        rs = sorted({*(r for r, _ in c.steps), c.relevant_at, c.asi_at, *(10 ** rng.uniform(0, 15) for _ in range(50))})
        assert c.scratch_curve(rs) == [c.scratch(r) for r in rs]
