"""The two-paths model, pinned: each of Byrnes's three reasons for digging into both is a slider that
can make the hedge pay or not. Each test names the sentence of the page it backs."""
from __future__ import annotations

import pytest

from app.pages.two_paths.model import SPLITS, found
from app.pages.two_paths.page import BOTH
from app.pages.two_paths.page import PAGE

# The model at the declared defaults (page.py), with changes in its own units.
hedge = PAGE.widget("both").at_defaults


def test_at_the_defaults_digging_into_both_beats_either_path_alone():
    r = hedge()
    assert 0 < r.best_share < 1 and r.best > max(r.only_controlled, r.only_social) + 0.05


def test_when_one_path_is_impossible_the_best_plan_leans_on_the_other():
    """Feasibility unknown: if controlled AGI cannot be built, effort on it pays only through transfer."""
    r = hedge(controlled_feasible=0.0, transfer=0.0)
    assert r.best_share == 0.0 and r.only_controlled == 0
    assert r.if_impossible("controlled", 1.0) == 0 and r.if_impossible("controlled", 0.5) > 0


def test_transfer_makes_splitting_cheaper():
    """Not mutually exclusive: with every idea transferring, any split gives both paths all the effort."""
    full = hedge(transfer=1.0)
    assert len({round(v, 12) for v in full.curve.values()}) == 1
    assert hedge(transfer=0.6).even > hedge(transfer=0.0).even


def test_without_diminishing_returns_or_uncertainty_one_path_alone_can_be_best():
    """The hedge is not hard-coded: a sure, wanted path with nearly linear returns takes all the effort."""
    r = hedge(controlled_feasible=1.0, social_feasible=0.2, controlled_desirable=1.0, social_desirable=0.2,
              transfer=0.0, returns=3.0)
    assert r.best_share == 1.0 and r.best == pytest.approx(r.only_controlled)


def test_desirability_moves_effort():
    """Desirability unknown: a path we would not want draws less effort."""
    assert hedge(social_desirable=0.1).best_share > hedge(social_desirable=0.9).best_share


def test_the_chance_is_exact_for_independent_paths():
    r = hedge(0.5, 0.5, 1.0, 1.0, 0.0, 0.5)
    c, s = found(0.5, 0.5) * 0.5, found(0.5, 0.5) * 0.5
    assert r.even == pytest.approx(1 - (1 - c) * (1 - s))
    assert r.only_social == pytest.approx(0.5 * found(1.0, 0.5))
    assert all(0 <= r.curve[x] <= 1 for x in SPLITS)


def test_nothing_works_when_nothing_is_possible():
    r = hedge(0.0, 0.0)
    assert r.best == 0 and "Nothing works" in BOTH.claim_texts(r)["verdict"]
