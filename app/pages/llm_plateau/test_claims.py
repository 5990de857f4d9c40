"""The LLM-plateau claims, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.llm_plateau.page import CREDENCES, EXTRAPOLATE
from app.pages.llm_plateau.present import credences_api, extrapolate_api


def pct(x: float) -> str:
    return f"{x:.0%}"


@pytest.mark.parametrize("state", [CREDENCES.defaults(), *random_states(CREDENCES, 30, seed=3),
                                   {"a": 0, "b": 0, "c": 0, "d": 0, "e": 0}, {"a": 100, "b": 0, "c": 0, "d": 0, "e": 0}])
def test_the_verdict_matches_the_odds(state):
    result = CREDENCES.run(state)
    data = credences_api(state, result)
    texts = CREDENCES.claim_texts(result)
    assert f"You give {pct(data['llm'])} to TAI being an LLM" in texts["verdict"] or "every slider at zero" in texts["verdict"]
    if data["llm_plus"] < 0.5:
        assert "you are an LLM plateau-ist, and of the usual kind" in texts["verdict"]
    elif data["llm"] < 0.5:
        assert "makes you an LLM plateau-ist by his definition, though not of the usual kind" in texts["verdict"]
    else:
        assert "you are not an LLM plateau-ist" in texts["verdict"]
    other = data["shares"]["d"] + data["shares"]["e"]
    assert (f"{pct(other)} to TAI that is not an LLM" in texts["implication"]) if other else "no odds at all" in texts["implication"]


@pytest.mark.parametrize("state", [EXTRAPOLATE.defaults(), *random_states(EXTRAPOLATE, 60, seed=9),
                                   {**EXTRAPOLATE.defaults(), "growth": 0}, {**EXTRAPOLATE.defaults(), "wall": 0},
                                   {**EXTRAPOLATE.defaults(), "theory": "ceiling", "ceiling": 55}])
def test_the_fates_match_the_curves(state):
    result = EXTRAPOLATE.run(state)
    data = extrapolate_api(state, result)
    texts = EXTRAPOLATE.claim_texts(result)
    ab = data["curves"]["ab"]
    if ab["fate"] == "reaches":
        assert ab["crossing"] <= state["wall"] and "A–B reaches TAI" in texts["fates"]
    elif ab["fate"] == "wall":
        assert ab["crossing"] > state["wall"] and ab["at_wall"] < state["tai"] and "empirical" in texts["fates"]
    elif ab["fate"] == "ceiling":
        assert ab["ceiling"] <= state["tai"] and "theoretical" in texts["fates"]
    else:
        assert ab["crossing"] is None and state["growth"] == 0 and "empirical" in texts["fates"]
    capped, line = data["curves"]["capped"], data["curves"]["line"]
    assert f"misses them by {capped['rms']:.1f} points on average and a straight line by {line['rms']:.1f}" in texts["evidence"]
    if "the assumptions, not the evidence" in texts["evidence"]:
        assert capped["rms"] - line["rms"] < 0.5 and capped["fate"] != line["fate"]
    if "both curves land in the same camp" in texts["evidence"]:
        assert capped["fate"] == line["fate"]
    if "count against" in texts["evidence"]:
        assert capped["rms"] - line["rms"] >= 0.5
