"""The reward-function-design claims, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.reward_function_design.page import LYING, REVERSI
from app.pages.reward_function_design.present import reversi_api, lying_api


def pct(x: float) -> str:
    return f"{x:.0%}"


@pytest.mark.parametrize("state", [LYING.defaults(), *random_states(LYING, 40, seed=23),
                                   {**LYING.defaults(), "hide": "yes"}, {**LYING.defaults(), "penalty": 0},
                                   {**LYING.defaults(), "hide": "yes", "penalty": 0, "accuracy": 100},
                                   {**LYING.defaults(), "accuracy": 60}, {**LYING.defaults(), "gain": 0, "penalty": 0},
                                   {**LYING.defaults(), "watched": 10, "unwatched": 80}])
def test_the_lying_sentences_match_the_run(state):
    result = LYING.run(state)
    data = lying_api(state, result)
    texts = LYING.claim_texts(result)
    b, p = data["situations"]["behaviour"], data["situations"]["probe"]
    assert f"lies in {pct(b['watched'])} of chances when watched" in texts["caught"]
    assert f"{pct(b['unwatched'])} when unwatched" in texts["caught"]
    if "honest where it is likely to be caught and to lie where it is not" in texts["caught"]:
        assert b["watched"] < 0.2 and b["unwatched"] > 0.5 and state["unwatched"] < state["watched"]
    if "it lies more where it is less likely to be caught" in texts["caught"]:
        assert b["unwatched"] - b["watched"] >= 0.3 and state["unwatched"] < state["watched"]
    if "honesty is its habit in both" in texts["caught"]:
        assert max(b.values()) < 0.2
    if "it lies in both" in texts["caught"]:
        assert min(b.values()) > 0.8
    assert f"it lies in {pct(p['watched'])} of chances when watched and {pct(p['unwatched'])}" in texts["probe"]
    if "honesty now wins in both" in texts["probe"]:
        assert max(p.values()) < 0.2 and max(b.values()) >= 0.5
    if "Honesty still loses when" in texts["probe"]:
        where = texts["probe"].split("Honesty still loses when ")[1].split(":")[0]
        assert max(p.values()) >= 0.5 and data["worth"]["probe"][where] > 0
        assert f"worth {'+' if data['worth']['probe'][where] > 0 else ''}" in texts["probe"]
    if "learned to hide its intent" in texts["probe"]:
        assert state["hide"] == "yes" and max(data["hidden"].values()) >= 0.5 and state["penalty"] > 0
    assert ("With no penalty" in texts["probe"]) == (state["penalty"] == 0)
    if state["penalty"] > 0 and "learned to hide" not in texts["probe"]:
        assert f"it flags {pct(state['accuracy'] / 100)} of lies and {pct(1 - state['accuracy'] / 100)} of honest" in texts["probe"]


@pytest.mark.parametrize("state", [REVERSI.defaults(), *random_states(REVERSI, 12, seed=5),
                                   {**REVERSI.defaults(), "games": 0}])
def test_the_reversi_sentences_match_the_training(state):
    result = REVERSI.run(state)
    data = reversi_api(state, result)
    texts = REVERSI.claim_texts(result)
    i = data["checkpoints"].index(result.games)
    if result.games == 0:
        assert "same program" in texts["flip"]
        assert data["mean_discs"]["reversi"][0] == data["mean_discs"]["anti"][0]
    else:
        assert f"ends with {data['mean_discs']['reversi'][i]:.1f} of 16 discs" in texts["flip"]
        assert f"flipped ends with {data['mean_discs']['anti'][i]:.1f} discs" in texts["flip"]
        w = dict(zip(("corner", "edge", "centre"), data["weights"][state["rules"]][i]))
        for kind, value in w.items():
            shown = "0" if abs(value) < 0.005 else f"{'+' if value > 0 else '−'}{abs(value):.2f}"
            assert f"{'a centre square' if kind == 'centre' else 'an edge square' if kind == 'edge' else 'a corner'} at {shown}" in texts["weights"]
        best = max(w, key=w.get)
        if "most wants" in texts["weights"] and round(w[best], 2) > max(round(v, 2) for k, v in w.items() if k != best):
            assert texts["weights"].split("most wants ")[1].startswith(best)
