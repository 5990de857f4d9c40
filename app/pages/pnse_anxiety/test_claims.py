"""The PNSE-and-anxiety sentences, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.pnse_anxiety.page import HOWMUCH, LOOPS
from app.pages.pnse_anxiety.present import _pts, loops_api, howmuch_api


@pytest.mark.parametrize("state", [LOOPS.defaults(), *random_states(LOOPS, 40, seed=19),
                                   {**LOOPS.defaults(), "model": "pnse", "worry": 1.2}])
def test_the_loop_sentences_match_the_run(state):
    data = loops_api(state, LOOPS.run(state))
    outcome, why = data["claims"]["outcome"], data["claims"]["why"]
    assert outcome.startswith("Anxiety persists") == data["persists"] and "-0.00" not in outcome + why
    assert f"combined, {data['combined']:.2f}" in outcome
    assert ("at least 1" in outcome) == (data["combined"] >= 1)
    if state["model"] == "pnse":
        assert ("Even without the bridge" in why) == data["persists"] and "is open" in outcome
    elif data["persists"]:
        assert ("anxious about feeling anxious" in why) == (data["object_loop"] < 1)
        assert ("adds to it" in why) <= (data["self_loop"] > 0)


@pytest.mark.parametrize("state", [HOWMUCH.defaults(), *random_states(HOWMUCH, 40, seed=20)])
def test_the_tradeoff_sentences_match_the_year(state):
    data = howmuch_api(state, HOWMUCH.run(state))
    best, yours = data["claims"]["best"], data["claims"]["yours"]
    assert ("no anxiety at all" in best) == (data["best"] == 0)
    if max(data["total"]) > 0:
        assert _pts(min(data["total"])) in best
    assert f"{data['dealt_with']:.1f} get dealt with" in yours
    k = data["levels"].index(round(round(state["level"] / 0.05) * 0.05, 2))
    above = data["total"][k] - min(data["total"])
    assert ("above the best" in yours) == (above >= 0.5)
    assert "-0.00" not in best + yours
