"""The LLM-plateau models, pinned: each claim of the page emerges from the numbers, and a setting can
break it. Each test names the sentence it backs."""
from __future__ import annotations

import pytest

from app.pages.llm_plateau.model import past_points
from app.pages.llm_plateau.page import PAGE

# The models at the declared defaults (page.py), with changes in their own units.
credences, extrapolate = (PAGE.widget(w).at_defaults for w in ("credences", "extrapolate"))


def test_the_verdict_follows_the_definition():
    """claim verdict: plateau-ist when A-B (and C) are unlikely; not when A-B are likely."""
    assert credences(0.1, 0.1, 0.1, 0.3, 0.4).verdict == "strong"
    assert credences(0.2, 0.2, 0.4, 0.1, 0.1).verdict == "ab"
    assert credences(0.5, 0.3, 0.1, 0.05, 0.05).verdict == "not"
    zero = credences(0, 0, 0, 0, 0)
    assert zero.all_zero and zero.shares["a"] == pytest.approx(0.2)
    assert sum(credences(0.9, 0.9, 0.0, 0.3, 0.0).shares.values()) == pytest.approx(1)


def test_a_ceiling_below_tai_is_a_theoretical_plateau_whatever_the_compute():
    """claim fates: the theoretical reason."""
    r = extrapolate(theory="ceiling", ceiling=85, tai=90, wall=10, growth=1.5)
    assert r.fate(r.ab) == "ceiling" and r.ab.at(10) < 85
    assert extrapolate(theory="ceiling", ceiling=150, tai=90, wall=10, growth=1.5).fate(
        extrapolate(theory="ceiling", ceiling=150, tai=90, wall=10, growth=1.5).ab) == "reaches"


def test_the_wall_makes_an_empirical_plateau_and_moving_it_removes_it():
    """claim fates: the empirical reason."""
    near, far = extrapolate(wall=3, tai=90), extrapolate(wall=10, tai=90)
    assert near.fate(near.ab) == "wall" and far.fate(far.ab) == "reaches"
    assert near.ab.crossing == far.ab.crossing                 # the same curve; only the wall moved
    assert extrapolate(growth=0).fate(extrapolate(growth=0).ab) == "flat"


def test_the_same_past_fits_opposite_futures():
    """claim evidence: a high ceiling fits the past about as well as a straight line, yet forecasts less."""
    r = extrapolate(theory="ceiling", ceiling=120, wall=8)
    assert abs(r.capped.rms - r.line.rms) < 0.5 and r.line.at(8) - r.capped.at(8) > 20
    low = extrapolate(theory="ceiling", ceiling=55)
    assert low.capped.rms - low.line.rms > 0.5                  # a ceiling just above the data fits it badly
    xs, ys = past_points()
    assert all(abs(r.line.at(x) - y) < 3 for x, y in zip(xs, ys))     # fits the points, not hard-coded to them


def test_c_with_additions_gets_further_than_a_b():
    r = extrapolate(additions=0.5, wall=5, tai=100)
    assert r.fate(r.c) == "reaches" and r.fate(r.ab) == "wall"
    same = extrapolate(additions=0.0)
    assert same.c.crossing == same.ab.crossing
    capped = extrapolate(theory="ceiling", ceiling=55, additions=1.0)
    assert capped.c.at(0) == pytest.approx(capped.ab.at(0)) and capped.c.ceiling == 110   # C starts where A-B is today


@pytest.mark.parametrize("growth,wall", [(1.0, 5), (0.1, 6), (1.5, 10)])
def test_c_whose_ceiling_is_exactly_tai_never_reaches_it(growth, wall):
    """claim fates: C's ceiling is A–B's raised by the additions, 100 by 10% is 110; a curve that approaches a
    ceiling at TAI never crosses it, however far its compute goes."""
    r = extrapolate(theory="ceiling", ceiling=100, growth=growth, wall=wall, tai=110, additions=0.1)
    assert r.c.ceiling == 110 == r.tai
    assert r.c.crossing is None and r.fate(r.c) == "ceiling"
