"""The safety-problem models, pinned: the knife-edge at k = 1, the three lessons of the control-rods
analogy (each one something a slider can break), and the planning model's optimum. Each test names
the sentence of the page it backs."""
from __future__ import annotations

import math

import numpy as np
import pytest

from app.pages.safety_problem.model import (BETA, DECAY, GENERATION, READY_SWEEP, STRENGTH_SWEEP, best_split, kinetics_rates, payoff_curve)
from app.pages.safety_problem.page import CHAIN, PLAN, RODS
from app.pages.safety_problem.page import PAGE

# The models at the declared defaults (page.py), with changes in their own units.
chain, rods, contingency = (PAGE.widget(w).at_defaults for w in ("chain", "rods", "plan"))


# ------------------------------------------------------------------------------ the knife-edge

def test_below_one_the_reaction_fades_at_one_it_holds_above_one_it_grows():
    """'Set it below 1 and the reaction fades; above 1 and it feeds on itself.'"""
    assert chain(0.995).population["with"][-1] < 0.2
    assert chain(1.0).population["with"][-1] == pytest.approx(1.0)
    assert chain(1.002).population["with"][-1] > 2


def test_the_exact_solution_satisfies_the_kinetics():
    """The closed form is the solution of the two equations (checked by finite differences)."""
    rho = 0.002
    s1, s2 = kinetics_rates(rho)
    # Both rates are eigenvalues: det(A - sI) = 0.
    for s in (s1, s2):
        assert ((rho - BETA) / GENERATION - s) * (-DECAY - s) - DECAY * BETA / GENERATION == pytest.approx(0, abs=1e-6)
    r = chain(1 / (1 - rho))
    n, t = r.population["with"], r.times
    assert n[0] == pytest.approx(1.0)
    # After the brief prompt jump, growth settles to the slow rate s1 (the stable period).
    late = np.log(n[-1] / n[-40]) / (t[-1] - t[-40])
    assert late == pytest.approx(s1, rel=1e-3)


def test_delayed_neutrons_make_growth_slow_and_prompt_criticality_removes_that():
    """'Just above k = 1, the reaction has to wait for them ... Push k far enough that the prompt
    neutrons alone sustain growth and that margin is gone.'"""
    slow, fast = chain(1.001, "with"), chain(1.001, "without")
    assert slow.doubling > 20 and fast.doubling < 1 and fast.doubling * 50 < slow.doubling
    assert not slow.prompt_critical
    crit = chain(1.007, "with")
    assert crit.prompt_critical and crit.doubling < 1.5          # seconds, even with delayed neutrons
    assert chain(1.006).prompt_critical is False


# ---------------------------------------------------------------- control rods before the reaction

def test_a_fix_ready_before_the_first_reaction_prevents_runaways_a_late_one_cannot():
    """claim rods.early, at the defaults and on a fast ramp; and the setting that breaks it."""
    r = rods()
    assert r.by_ready[float(READY_SWEEP[0])] < r.by_ready[float(READY_SWEEP[-1])]
    fast = rods(ramp=3)
    assert fast.by_ready[0.0] < fast.by_ready[120.0] < fast.by_ready[240.0]
    slow = rods(ramp=0.25, excess=0.1)         # a slow, small excursion: even the latest rods arrive in time
    assert slow.by_ready[float(READY_SWEEP[0])] == slow.by_ready[float(READY_SWEEP[-1])]


def test_before_the_first_reaction_every_ready_time_is_equally_good():
    r = rods(ramp=2)
    before = [r.by_ready[float(t)] for t in READY_SWEEP if t <= 0]
    assert len(set(before)) == 1


def test_a_passive_design_must_be_built_in():
    """'one that arrives after the first reaction does not protect that pile at all.'"""
    r = rods(design="passive", strength=2)
    none = rods(design="none")
    assert r.by_ready[-30.0] < none.runaway
    assert r.by_ready[30.0] == pytest.approx(none.runaway)


def test_fixes_are_graded_not_all_or_nothing():
    """claim rods.graded: the share running away falls step by step with strength, for each design."""
    r = rods()
    for design in ("rods", "passive", "both"):
        curve = list(r.by_strength[design].values())
        assert all(a >= b - 1e-12 for a, b in zip(curve, curve[1:])), design
        assert len({round(v, 6) for v in curve}) >= 4, design          # several levels in between, not a switch
    assert r.by_strength["rods"][0.0] == pytest.approx(r.by_strength["none"][0.0])


def test_a_passive_design_reduces_runaways_further_than_rods_of_the_same_strength():
    """'control rods cut the risk a lot and passively safe reactors cut it further' (at two notches and up)."""
    r = rods()
    for s in (2.0, 2.5, 3.0):
        assert r.by_strength["passive"][s] < r.by_strength["rods"][s]


def test_a_perfect_technical_fix_still_fails_when_procedure_is_not_followed():
    """claim rods.practice: the strongest rods, early, stop every careful crew's runaway and none of the
    rule-breakers'; runaways then scale with the share of crews that break procedure."""
    for compliance in (0.5, 0.9):
        r = rods(strength=STRENGTH_SWEEP[-1], ready=READY_SWEEP[0], compliance=compliance)
        assert r.perfect_compliant == 0 and r.perfect_breaking == 1
        assert r.perfect == pytest.approx(1 - compliance)
    assert rods(compliance=1.0).perfect == 0


def test_a_passive_design_contains_rule_breakers_only_within_its_strength():
    """'a rule-breaking crew can overwhelm it only by pushing past what it absorbs.'"""
    mild = rods(design="passive", push=0.5, compliance=0.5)
    assert mild.perfect == 0
    hard = rods(design="passive", push=3.0, compliance=0.5)
    assert hard.perfect_breaking > 0.5 and hard.perfect == pytest.approx(0.5 * hard.perfect_breaking)


def test_with_no_fix_nearly_every_supercritical_plan_runs_away():
    r = rods(design="none", compliance=1.0)
    assert r.runaway > 0.8 and r.tripped_at is None


def test_the_typical_careful_crew_trips_at_the_trip_level():
    r = rods()
    assert r.tripped_at is not None and r.critical_at < r.tripped_at < 480
    first_over = int(np.argmax(r.typical["compliant"] >= 100))
    assert first_over == int(r.tripped_at) - 1           # the trip acts on the step after power crosses it
    assert r.typical["compliant"][-1] < 100        # and the pile then stays shut down


# ------------------------------------------------------------------------- contingency planning

def test_the_best_split_is_the_optimum():
    """Water-filling against a brute-force search over a grid of splits."""
    rng = np.random.default_rng(5)
    for _ in range(30):
        p = rng.dirichlet(np.ones(3))
        scale = float(rng.uniform(0.1, 3))
        best = best_split(p, scale)
        value = float(np.sum(p * payoff_curve(best, scale)))
        grid = [(a / 40, b / 40, 1 - a / 40 - b / 40) for a in range(41) for b in range(41 - a)]
        brute = max(float(np.sum(p * payoff_curve(np.array(e), scale))) for e in grid)
        assert value >= brute - 1e-9 and best.sum() == pytest.approx(1)


def test_all_in_on_the_likeliest_is_a_mistake_when_returns_diminish_and_others_are_likely():
    """claim plan.verdict, both ways."""
    plan = contingency("agi", 0.4, 0.4, 0.2, returns=0.5)
    assert plan.payoff["best"] > plan.payoff["all-in"] + 0.1 and plan.unprepared["all-in"] == pytest.approx(0.6)
    near_certain = contingency("agi", 0.95, 0.05, 0.0, returns=3.0)
    assert near_certain.splits["best"] == pytest.approx((1.0, 0.0, 0.0))
    assert near_certain.payoff["best"] == pytest.approx(near_certain.payoff["all-in"])


def test_payoffs_are_shares_of_the_best_possible():
    for state in ({"first": 1, "second": 0, "third": 0}, {"first": 0, "second": 0, "third": 0}):
        plan = contingency("agi", **state, returns=0.5)
        assert all(0 <= v <= 1 + 1e-12 for v in plan.payoff.values())
    assert contingency("agi", 1, 0, 0, returns=0.5).payoff["all-in"] == pytest.approx(1)


def test_the_flight_question_scores_plans_against_the_blend():
    plan = contingency("flight", 0.5, 0.3, 0.2, returns=0.3)
    assert plan.hindsight is not None and plan.hindsight["even"] > plan.hindsight["all-in"]
    assert contingency("agi").hindsight is None


def test_widget_defaults_run():
    for widget in (CHAIN, RODS, PLAN):
        widget.at_defaults()
    assert math.isfinite(CHAIN.at_defaults().doubling)


@pytest.mark.parametrize("compliance", [0.0, 0.5, 1.0])
def test_a_late_pair_of_fixes_is_rods_alone_and_rods_early_is_rods_alone_ready_earliest(compliance):
    """claim rods.early, for both fixes: ready after the first reaction the pair is rods alone (the passive part
    protects nothing); `rods_early` is rods alone at the same strength, ready 2 minutes early, as its own run gives."""
    both = rods(design="both", strength=2, compliance=compliance)
    for t in READY_SWEEP:
        if t > 0:
            assert both.by_ready[float(t)] == rods(design="rods", strength=2, ready=float(t), compliance=compliance).runaway
    early = rods(design="rods", strength=2, ready=float(READY_SWEEP[0]), compliance=compliance)
    assert both.rods_early == early.runaway == early.by_ready[float(READY_SWEEP[0])]
