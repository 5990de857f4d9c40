"""The two-paths model, pinned: each of Byrnes's three reasons for digging into both is a slider that
can make the hedge pay or not. Each test names the sentence of the page it backs."""
from __future__ import annotations

import pytest

from app.pages.two_paths.model import SPLITS
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
    """Hand-computed, not with the model's own helpers: both paths possible with chance 0.5, always wanted, no
    transfer, returns 0.5. An even split gives each path effort 0.5, found with chance 1 - e^-1 = 0.63212,
    so each works with 0.31606 and at least one with 1 - 0.68394^2 = 0.53222. All on social-instinct AGI:
    effort 1, found with 1 - e^-2 = 0.86466, works with 0.43233; controlled AGI gets nothing."""
    r = hedge(0.5, 0.5, 1.0, 1.0, 0.0, 0.5)
    assert r.path_chance[0.5]["controlled"] == pytest.approx(0.31606, abs=1e-5)
    assert r.even == pytest.approx(0.53222, abs=1e-5)
    assert r.only_social == pytest.approx(0.43233, abs=1e-5) and r.path_chance[0.0]["controlled"] == 0
    assert all(0 <= r.curve[x] <= 1 for x in SPLITS)


def test_transferred_ideas_are_all_an_abandoned_path_gets():
    """With everything on controlled AGI and 10% transfer, social-instinct AGI gets effort 0.1: at the defaults
    (possible 60%, wanted 70%, returns 0.3) it works with 0.42 x (1 - e^(-1/3)) = 0.11904."""
    r = hedge()
    assert r.path_chance[1.0]["social"] == pytest.approx(0.42 * (1 - 0.71653131), abs=1e-6)
    assert hedge(transfer=0.0).path_chance[1.0]["social"] == 0


def test_nothing_works_when_nothing_is_possible():
    r = hedge(0.0, 0.0)
    assert r.best == 0 and "Nothing works" in BOTH.claim_texts(r)["verdict"]
