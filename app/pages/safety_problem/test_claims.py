"""The safety-problem page's claims, checked against the numbers its API reports (recomputed here
from those numbers, not taken from the presenter), over seeded random states and chosen cases."""
from __future__ import annotations

import math
import re

import pytest
from helpers import random_states

from app.pages.safety_problem.page import CHAIN, PLAN, RODS
from app.pages.safety_problem.present import chain_api, plan_api, rods_api


def _states(widget, n, extra=(), seed=11):
    return [widget.defaults(), *random_states(widget, n, seed), *({**widget.defaults(), **e} for e in extra)]


def pct(x: float) -> str:
    return f"{x:.0%}"


@pytest.mark.parametrize("state", _states(CHAIN, 40, [{"k": 1.0}, {"k": 0.98}, {"k": 1.007}, {"k": 1.02},
                                                     {"k": 1.001, "delayed": "without"}, {"k": 0.99, "delayed": "without"}]))
def test_the_fate_sentence_matches_the_growth_rate(state):
    result = CHAIN.run(state)
    data = chain_api(state, result)
    text = CHAIN.claim_texts(result)["fate"]
    rate = data["growth_rate_per_s"]
    assert re.search(r"k = (\d\.\d+)", text) and float(re.search(r"k = (\d\.\d+)", text).group(1)) == state["k"]
    if rate == 0:
        assert "holds steady" in text
    elif rate < 0:
        assert "dies away" in text and "halves every" in text
    else:
        assert "doubles every" in text and "dies" not in text
        assert ("prompt critical" in text) == (data["prompt_critical"] and state["delayed"] == "with")
        doubling = math.log(2) / rate
        shown = re.search(r"doubles every ([\d.]+) (ms|s|minutes)", text)
        value = float(shown.group(1)) * {"ms": 0.001, "s": 1, "minutes": 60}[shown.group(2)]
        assert value == pytest.approx(doubling, rel=0.06, abs=0.06)


@pytest.mark.parametrize("state", _states(RODS, 40, [{"design": "none"}, {"compliance": 100},
                                                    {"ramp": 0.25, "excess": 0.1}, {"design": "passive", "push": 0.5},
                                                    {"ready": 180, "ramp": 3}, {"strength": 0}]))
def test_the_rods_sentences_match_the_shares(state):
    result = RODS.run(state)
    data = rods_api(state, result)
    texts = RODS.claim_texts(result)
    by_ready = data["by_ready"]
    early, late = by_ready["-120"], by_ready["240"]
    if state["design"] != "none":
        assert f"{pct(early)} of crews' piles run away" in texts["early"] and f"{pct(late)}." in texts["early"]
        if pct(early) == pct(late):
            assert "timing makes no difference" in texts["early"]
        elif late > early:
            assert f"prevents runaways that a late fix cannot: {pct(late - early)}" in texts["early"]
        curve = list(data["by_strength"][state["design"]].values())
        if pct(min(curve)) == pct(max(curve)):
            assert "makes no difference" in texts["graded"] and pct(curve[0]) in texts["graded"]
        else:
            assert pct(curve[0]) in texts["graded"] and pct(curve[-1]) in texts["graded"]
            assert ("graded, not all-or-nothing" in texts["graded"]) == any(
                min(curve) + 0.005 < v < max(curve) - 0.005 for v in curve)
        strongest = data["strongest_fix"]
        if state["compliance"] == 100:
            assert "every crew following procedure" in texts["practice"]
            assert ("Lower the share" in texts["practice"]) == (strongest["breaking"] > strongest["careful"])
        elif strongest["breaking"] > strongest["careful"]:
            assert "Even " in texts["practice"] and pct(strongest["all"]) in texts["practice"]
            assert state["compliance"] == 0 or pct(strongest["breaking"]) in texts["practice"]
        else:
            assert "even crews that break procedure are contained" in texts["practice"]
    else:
        assert "nothing to be early or late with" in texts["early"]


@pytest.mark.parametrize("state", _states(PLAN, 40, [{"first": 95, "second": 5, "third": 0, "returns": 300},
                                                    {"question": "flight"}, {"first": 0, "second": 0, "third": 0}]))
def test_the_plan_sentences_match_the_payoffs(state):
    result = PLAN.run(state)
    data = plan_api(state, result)
    texts = PLAN.claim_texts(result)
    gain = data["payoff"]["best"] - data["payoff"]["all-in"]
    if gain < 0.005:
        assert "as good as any split" in texts["verdict"]
    else:
        assert f"earns {pct(data['payoff']['all-in'])}" in texts["verdict"]
        assert f"earns {pct(data['payoff']['best'])}" in texts["verdict"]
        assert f"leaves a {pct(data['unprepared']['all-in'])} chance" in texts["verdict"]
    top = data["kinds"][max(range(3), key=lambda i: (data["credence"][i], -i))]
    assert f"on {top}" in texts["verdict"]
    if state["question"] == "flight":
        h = data["hindsight"]
        assert all(pct(h[k]) in texts["hindsight"] for k in h)
    else:
        assert "no hindsight yet" in texts["hindsight"]
