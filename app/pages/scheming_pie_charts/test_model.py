"""The claims the scheming-pie-charts page makes, pinned on the model itself.

Each test names the sentence of this folder's content.md it stands behind. Property tests
range over the whole declared parameter space (hypothesis draws from the sliders' bounds).
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.pages.scheming_pie_charts.model import GOALS, MAX_EXTRA, PATH_POINTS, STAGES
from app.pages.scheming_pie_charts.page import PARAMS, PIES, POWER


BOUNDS = {p.name: (p.min, p.max) for p in PARAMS if p.kind == "number"}
PARAM = {p.name: p for p in PARAMS}


def slider(name: str, lo: float | None = None, hi: float | None = None):
    """Values of one slider as the page shows them ("%" as 0-100), within its declared bounds."""
    a, b = BOUNDS[name]
    return st.floats(min_value=a if lo is None else lo, max_value=b if hi is None else hi,
                     allow_nan=False, allow_infinity=False)


def num(name: str, lo: float | None = None, hi: float | None = None):
    """The same values in the model's units ("%" as a fraction), as PIES.at_defaults takes them."""
    return slider(name, lo, hi).map(PARAM[name].to_model)


settings.register_profile("default", max_examples=300, deadline=None)
settings.load_profile("default")

llm_settings = st.fixed_dictionaries({
    "nice": num("nice", 1.0), "treacherous": num("treacherous", 1.0, 99.0), "rlhf": num("rlhf"),
    "rlvr": num("rlvr"), "exchange": num("exchange"),
})


def ratio(r, stage):
    return r.red_per_green(stage)


def test_defaults_reproduce_byrnes_picture():
    """At the default settings the three pies look like Byrnes's: mostly green with some red and a
    lot of blue; then blue mostly gone with the same red:green; then red grown at green's expense."""
    r = PIES.at_defaults()
    pre, mid, post = r.stages
    assert pre[0] > pre[1] and pre[2] > 0.2                 # green dominates red; plenty of blue
    assert mid[2] < 0.1 and mid[0] > pre[0] and mid[1] > pre[1]   # RLHF clears blue, both grow
    assert ratio(r, "after RLHF") == pytest.approx(ratio(r, "pretraining"), rel=1e-12)
    assert post[1] > 1.5 * mid[1] and post[0] < mid[0] and post[2] < mid[2]
    assert ratio(r, "after RLVR") > 2 * ratio(r, "pretraining")


@given(llm_settings, num("detect", 0.0, 0.0))
def test_rlhf_keeps_red_to_green_ratio_exactly(s, detect):
    """'RLHF multiplies them both by exactly the same factor ... the ratio between them does not move.'"""
    r = PIES.at_defaults("llm", s["nice"], s["treacherous"], s["rlhf"], detect, s["rlvr"], s["exchange"], 0.0)
    assert ratio(r, "after RLHF") == pytest.approx(ratio(r, "pretraining"), rel=1e-12, abs=0)


@given(llm_settings, st.floats(0.0, 5.9))
def test_blue_shrinks_as_rlhf_grows(s, rlhf):
    """'That clears away most of the blue': blue falls strictly as RLHF strength rises."""
    assume(s["nice"] < 1.0)
    weaker = PIES.at_defaults("llm", s["nice"], s["treacherous"], rlhf, 0.0, 0.0, 0.0, 0.0)
    stronger = PIES.at_defaults("llm", s["nice"], s["treacherous"], rlhf + 0.1, 0.0, 0.0, 0.0, 0.0)
    assert stronger.share("after RLHF", "blue") < weaker.share("after RLHF", "blue")


def test_max_rlhf_nearly_removes_blue_but_not_red():
    """'Set RLHF strength to its maximum. The blue almost vanishes, yet the red-to-green ratio is unchanged.'"""
    r = PIES.at_defaults(rlhf=BOUNDS["rlhf"][1])
    assert r.share("after RLHF", "blue") < 0.002
    assert ratio(r, "after RLHF") == pytest.approx(ratio(r, "pretraining"), rel=1e-12)


@given(llm_settings)
def test_zero_exchange_rate_rlvr_keeps_ratio(s):
    """'Set it to zero and RLVR leaves the red-to-green ratio exactly where RLHF left it.'"""
    r = PIES.at_defaults("llm", s["nice"], s["treacherous"], s["rlhf"], 0.0, s["rlvr"], 0.0, 0.0)
    assert ratio(r, "after RLVR") == pytest.approx(ratio(r, "after RLHF"), rel=1e-12, abs=0)


@given(llm_settings, st.floats(0.1, 5.9))
def test_positive_exchange_rate_grows_red_more_with_stronger_rlvr(s, rlvr):
    """'raise it and the ratio climbs, faster the harder RLVR pushes': with a positive exchange
    rate red's share and the red:green ratio rise, and blue falls, strictly with RLVR strength."""
    assume(s["exchange"] >= 0.01 and s["nice"] < 1.0)
    args = ("llm", s["nice"], s["treacherous"], s["rlhf"], 0.0)
    a = PIES.at_defaults(*args, rlvr, s["exchange"], 0.0)
    b = PIES.at_defaults(*args, rlvr + 0.1, s["exchange"], 0.0)
    assert ratio(a, "after RLVR") > ratio(a, "after RLHF")
    assert ratio(b, "after RLVR") > ratio(a, "after RLVR")
    assert b.share("after RLVR", "red") > a.share("after RLVR", "red") > a.share("after RLHF", "red")
    assert b.share("after RLVR", "blue") < a.share("after RLVR", "blue") < a.share("after RLHF", "blue")


# Most random settings leave blue too plentiful for the premise; the filtering is the premise, not a flaw.
@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(llm_settings, st.floats(0.1, 5.9))
def test_green_shrinks_under_rlvr_once_blue_is_scarce(s, rlvr):
    """'growing the red slice at the expense of green and blue': once RLHF has cleared the blue
    (blue share below exchange x red share after RLHF), green falls, and falls further with
    stronger RLVR. The model derives this condition; it is not built in."""
    assume(s["exchange"] >= 0.01)  # sliders move in steps of 5%; below ~1e-12 floats cannot see the effect
    r = PIES.at_defaults("llm", s["nice"], s["treacherous"], s["rlhf"], 0.0, rlvr, s["exchange"], 0.0)
    assume(s["exchange"] * r.share("after RLHF", "red") > r.share("after RLHF", "blue") * 1.0001)
    stronger = PIES.at_defaults("llm", s["nice"], s["treacherous"], s["rlhf"], 0.0, rlvr + 0.1, s["exchange"], 0.0)
    assert r.share("after RLVR", "green") < r.share("after RLHF", "green")
    assert stronger.share("after RLVR", "green") < r.share("after RLVR", "green")


def test_without_rlhf_green_first_gains_then_loses():
    """'Turn RLHF strength down to zero ... for a while green can even gain, until the blue is gone
    and red starts eating into it.'"""
    r = PIES.at_defaults(rlhf=0.0, rlvr=BOUNDS["rlvr"][1], exchange=0.5)
    rlvr_part = r.path[len(r.path) // 2:, 0]
    peak = int(np.argmax(rlvr_part))
    assert 0 < peak < len(rlvr_part) - 1
    assert rlvr_part[peak] > rlvr_part[0] and rlvr_part[-1] < rlvr_part[peak]


@given(num("nice"), num("treacherous"), num("rlhf"), num("detect"), num("rlvr"), num("exchange"))
def test_brainlike_without_innate_niceness_never_has_green(nice, treacherous, rlhf, detect, rlvr, exchange):
    """'the green slice stays at exactly zero through every stage, however you set the other sliders.'"""
    r = PIES.at_defaults("brainlike", nice, treacherous, rlhf, detect, rlvr, exchange, 0.0)
    assert all(stage[0] == 0.0 for stage in r.stages)
    assert np.all(r.path[:, 0] == 0.0)
    assert all(r.red_per_green(s) is None for s in STAGES)


@given(num("innate", 5.0), num("rlhf", 0.1), num("rlvr"), num("exchange"))
def test_brainlike_innate_niceness_is_the_only_source_of_green(innate, rlhf, rlvr, exchange):
    """'The single exception is the last slider': with it above zero, training builds green."""
    r = PIES.at_defaults("brainlike", 0.7, 0.15, rlhf, 0.0, rlvr, exchange, innate)
    assert r.share("pretraining", "green") == 0.0          # the learner starts with nothing coherent
    assert r.share("after RLHF", "green") > 0.0 and r.share("after RLVR", "green") > 0.0


@given(slider("innate", 0.0, 95.0), num("rlhf", 0.1), num("rlvr"), num("exchange"))
def test_innate_niceness_acts_in_the_reward_so_more_of_it_keeps_more_green(innate, rlhf, rlvr, exchange):
    """The last slider is a term of the learner's reward during training, not a starting share:
    raising it raises the green that survives RLVR, whatever the other settings."""
    a = PIES.at_defaults("brainlike", 0.7, 0.15, rlhf, 0.0, rlvr, exchange, innate / 100.0)
    b = PIES.at_defaults("brainlike", 0.7, 0.15, rlhf, 0.0, rlvr, exchange, (innate + 5.0) / 100.0)
    assert b.share("after RLVR", "green") > a.share("after RLVR", "green")


def test_innate_niceness_is_not_wiped_out_by_rlvr():
    """With niceness worth as much to the learner as cheating pays (innate = exchange rate = 50%), the
    strongest RLVR leaves a large green share (the seed-only version left 4.7%)."""
    r = PIES.at_defaults("brainlike", innate=0.5, exchange=0.5, rlvr=BOUNDS["rlvr"][1])
    assert r.share("after RLVR", "green") > 0.25


@given(num("nice", 1.0), num("rlhf"), num("exchange", 5.0), num("rlvr", 0.5))
def test_rlvr_that_pays_for_cheating_creates_red_where_there_was_none(nice, rlhf, exchange, rlvr):
    """RL that pays for winning by any means grows red even from a model with no treachery at all."""
    r = PIES.at_defaults("llm", nice, 0.0, rlhf, 0.0, rlvr, exchange, 0.0)
    assert r.share("after RLHF", "red") == 0.0 and r.share("after RLVR", "red") > 0.0


def test_the_strongest_rlvr_at_the_highest_exchange_rate_turns_a_clean_model_red():
    r = PIES.at_defaults(treacherous=0.0, exchange=1.0, rlvr=BOUNDS["rlvr"][1])
    assert r.share("after RLVR", "red") > 0.9


def test_brainlike_ignores_pretraining_sliders():
    a = PIES.at_defaults("brainlike", 0.0, 0.0, 2.0, 0.0, 1.5, 0.5, 0.2)
    b = PIES.at_defaults("brainlike", 1.0, 1.0, 2.0, 0.0, 1.5, 0.5, 0.2)
    assert all(np.array_equal(x, y) for x, y in zip(a.stages, b.stages))


def test_brainlike_ends_mostly_red_at_defaults():
    """Without imitation, red is the default outcome of selection for competence."""
    r = PIES.at_defaults("brainlike")
    assert r.share("after RLVR", "red") > 0.5 and r.share("after RLVR", "green") == 0.0


@given(llm_settings, num("detect", 5.0))
def test_raters_who_catch_treachery_lower_the_ratio(s, detect):
    """'Let them catch some treachery and RLHF lowers the ratio too.'"""
    assume(s["rlhf"] > 0.05)
    r = PIES.at_defaults("llm", s["nice"], s["treacherous"], s["rlhf"], detect, s["rlvr"], s["exchange"], 0.0)
    assert ratio(r, "after RLHF") < ratio(r, "pretraining")


@given(st.sampled_from(["llm", "brainlike"]), st.tuples(num("nice"), num("treacherous"), num("rlhf"),
       num("detect"), num("rlvr"), num("exchange"), num("innate")))
def test_shares_are_valid_and_deterministic(scenario, rest):
    r = PIES.at_defaults(scenario, *rest)
    again = PIES.at_defaults(scenario, *rest)
    for stage in r.stages:
        assert np.all(stage >= 0) and np.all(stage <= 1)
        assert stage.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.allclose(r.path.sum(axis=1), 1.0, atol=1e-12)
    assert all(np.array_equal(x, y) for x, y in zip(r.stages, again.stages))
    assert np.array_equal(r.path[PATH_POINTS - 1], r.stages[1]) and np.array_equal(r.path[-1], r.stages[2])


def test_results_are_immutable():
    r = PIES.at_defaults()
    with pytest.raises(ValueError):
        r.stages[0][0] = 1.0


def test_an_empty_slice_carries_no_label():
    from app.pages.scheming_pie_charts.present import pie_figure
    brainlike = PIES.at_defaults("brainlike")   # no green at any stage
    trace = pie_figure(brainlike, 2)["data"][0]
    assert trace["values"][0] == 0 and trace["texttemplate"][0] == ""
    assert all(t for v, t in zip(trace["values"], trace["texttemplate"]) if v > 0)


@pytest.mark.parametrize("exchange", [0.2, 0.5, 1.0])
def test_a_learner_that_values_niceness_fully_is_never_pulled_into_cheating(exchange):
    """The drift towards cheating is what cheating earns over honesty: at innate 100% green earns at least as much
    as red, so no red appears (it reached 23% at exchange 50% and 78% at 100% when the drift ignored innate)."""
    r = PIES.at_defaults("brainlike", innate=1.0, exchange=exchange, rlvr=BOUNDS["rlvr"][1])
    assert r.share("after RLVR", "red") == 0.0 and not r.path[:, 1].any()


@given(slider("innate"), num("rlhf"), num("rlvr", 0.1), num("exchange"))
def test_green_never_falls_in_rlvr_where_niceness_earns_at_least_what_cheating_pays(innate, rlhf, rlvr, exchange):
    """With innate >= exchange green has the highest task reward and nothing drifts away from it: RLVR can only
    raise its share (the prose's claim pies.innate states which way it went)."""
    assume(innate / 100.0 >= exchange)
    r = PIES.at_defaults("brainlike", 0.7, 0.15, rlhf, 0.0, rlvr, exchange, innate / 100.0)
    during = r.path[PATH_POINTS - 1:, 0]
    assert np.all(np.diff(during) >= -1e-12)


def test_where_cheating_pays_more_than_niceness_rlvr_still_turns_green_red():
    r = PIES.at_defaults("brainlike", innate=0.2, exchange=1.0, rlvr=BOUNDS["rlvr"][1])
    assert r.share("after RLVR", "green") < r.share("after RLHF", "green")


# --------------------------------------------------------------------------- power: why gathering it pays

POWER_PARAM = {p.name: p for p in POWER.params}


def power_num(name: str):
    p = POWER_PARAM[name]
    return st.sampled_from(p.grid()).map(p.to_model)


power_settings = st.fixed_dictionaries({n: power_num(n) for n in POWER_PARAM})


@given(power_settings)
def test_with_no_extra_outcomes_gathering_power_is_never_best(s):
    """Power that opens nothing new can only cost: acting now is best for every goal."""
    r = POWER.at_defaults(**{**s, "extra": 0})
    assert r.gather == 0.0 and r.act == 1.0 and r.curve_gather[0] == 0.0


@given(power_settings)
def test_the_share_that_gathers_power_never_falls_as_power_opens_more(s):
    r = POWER.at_defaults(**s)
    assert np.all(np.diff(r.curve_gather) >= 0)
    assert r.curve_gather[r.extra] == pytest.approx(r.gather)


@given(power_settings, st.sampled_from(("cost", "open_risk", "secret_risk")))
def test_the_share_never_rises_with_the_cost_or_the_chance_of_being_stopped(s, name):
    grid = [POWER_PARAM[name].to_model(v) for v in POWER_PARAM[name].grid()]
    shares = [POWER.at_defaults(**{**s, name: v}).gather for v in grid]
    assert all(b <= a for a, b in zip(shares, shares[1:])), (name, shares)


def test_at_the_defaults_it_falls_strictly_with_cost_and_risk_and_rises_with_extra_outcomes():
    """Not only never rising: each slider really moves it, so the result is not fixed by the starting values."""
    r = POWER.at_defaults()
    assert 0.0 < r.gather < 1.0 and r.curve_gather[MAX_EXTRA] > r.curve_gather[5] > r.curve_gather[1] > 0.0
    assert POWER.at_defaults(cost=0.4).gather < POWER.at_defaults(cost=0.2).gather < r.gather
    assert POWER.at_defaults(secret_risk=0.5).gather < r.gather < POWER.at_defaults(open_risk=0.0).gather
    assert POWER.at_defaults(direct=8).gather < r.gather < POWER.at_defaults(direct=1).gather


def test_costly_or_narrow_power_is_sought_by_few_goals():
    """Where power opens few options or costs a lot, the share falls well below half."""
    assert POWER.at_defaults(extra=1).gather < 0.25
    assert POWER.at_defaults(cost=0.5, open_risk=0.5, secret_risk=0.5).gather < 0.1
    assert POWER.at_defaults(open_risk=1.0, secret_risk=1.0).gather == 0.0


def test_without_cost_or_risk_the_share_is_the_chance_that_the_best_outcome_needs_power():
    """With nothing to lose, a goal gathers power exactly when its best outcome lies among the extra ones:
    for random goals, a share extra / (direct + extra) (here counted in a sample of 2,000)."""
    for direct, extra in ((1, 40), (2, 20), (5, 5), (10, 1)):
        r = POWER.at_defaults(direct=direct, extra=extra, cost=0.0, open_risk=0.0, secret_risk=0.0)
        assert r.gather == pytest.approx(extra / (direct + extra), abs=3.5 * (0.25 / GOALS) ** 0.5)
        assert r.secret == 0.0      # with nothing to fear, hiding only costs


@given(power_settings)
def test_one_way_of_gathering_takes_all_and_the_shares_add_up(s):
    r = POWER.at_defaults(**s)
    assert r.act + r.open + r.secret == pytest.approx(1.0, abs=1e-12)
    assert r.open == 0.0 or r.secret == 0.0
    assert r.gather <= r.unwatched            # stopping open grabs never adds power-seekers
    if s["open_risk"] == 0.0:
        assert r.secret == 0.0 and r.unwatched == r.gather


def test_watching_open_grabs_drives_them_into_hiding_at_the_defaults():
    r = POWER.at_defaults()
    assert r.secret > 0.5 and r.open == 0.0 and r.unwatched > r.gather
    assert POWER.at_defaults(open_risk=0.1).open > 0.5


def test_the_sample_is_fixed():
    a, b = POWER.at_defaults(), POWER.at_defaults()
    assert a.gather == b.gather and np.array_equal(a.curve_gather, b.curve_gather)


def test_where_hiding_cuts_the_risk_by_more_than_its_delay_costs_every_gatherer_hides():
    """'Where hiding cuts the risk of being stopped by more than its delay costs, every goal that gathers power
    hides.' Over every cost and pair of risks on the sliders' grids (in exact arithmetic: secretly
    keeps (1 − cost)² (1 − secret risk), openly (1 − cost)(1 − open risk)); an exact tie goes to openly (review 3,
    P6: float error gave seven on-grid ties to secretly)."""
    from fractions import Fraction
    grid = {n: POWER_PARAM[n].grid() for n in ("cost", "open_risk", "secret_risk")}
    ties = 0
    for c in grid["cost"]:
        for o in grid["open_risk"]:
            for s in grid["secret_risk"]:
                fc, fo, fs = (Fraction(int(v), 100) for v in (c, o, s))
                hides = (1 - fc) ** 2 * (1 - fs) > (1 - fc) * (1 - fo)
                ties += (1 - fc) ** 2 * (1 - fs) == (1 - fc) * (1 - fo)
                r = POWER.at_defaults(cost=c / 100, open_risk=o / 100, secret_risk=s / 100)
                assert (r.open == 0.0 if hides else r.secret == 0.0), (c, o, s)
                assert r.gather == 0.0 or (r.secret > 0) == hides, (c, o, s)
    assert ties >= 7
