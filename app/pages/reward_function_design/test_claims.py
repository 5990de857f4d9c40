"""The reward-function-design claims, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.reward_function_design.page import LYING, REVERSI
from app.pages.reward_function_design.present import board_api, lying_api


def pct(x: float) -> str:
    return f"{x:.0%}"


@pytest.mark.parametrize("state", [LYING.defaults(), *random_states(LYING, 40, seed=23),
                                   {**LYING.defaults(), "hide": "yes"}, {**LYING.defaults(), "penalty": 0},
                                   {**LYING.defaults(), "watched": 10, "unwatched": 80}])
def test_the_lying_sentences_match_the_run(state):
    result = LYING.run(state)
    data = lying_api(state, result)
    texts = LYING.claim_texts(result)
    b, p = data["situations"]["behaviour"], data["situations"]["probe"]
    assert f"lies in {pct(b['watched'])} of chances when watched" in texts["caught"]
    assert f"{pct(b['unwatched'])} when unwatched" in texts["caught"]
    if "honest where it is likely to be caught and to lie where it is not" in texts["caught"]:
        assert b["unwatched"] - b["watched"] >= 0.3 and state["unwatched"] < state["watched"]
    if "honesty is its habit in both" in texts["caught"]:
        assert max(b.values()) < 0.2
    if "it lies in both" in texts["caught"]:
        assert min(b.values()) > 0.8
    assert f"it lies in {pct(p['watched'])} of chances when watched and {pct(p['unwatched'])}" in texts["probe"]
    if "honesty now wins in both" in texts["probe"]:
        assert max(p.values()) < 0.2 and max(b.values()) >= 0.5
    if "Honesty still loses" in texts["probe"]:
        assert max(p.values()) >= 0.5
    if "learned to hide its intent" in texts["probe"]:
        assert state["hide"] == "yes" and max(data["hidden"].values()) >= 0.5


@pytest.mark.parametrize("state", [REVERSI.defaults(), *random_states(REVERSI, 12, seed=5),
                                   {**REVERSI.defaults(), "games": 0}])
def test_the_reversi_sentences_match_the_training(state):
    result = REVERSI.run(state)
    data = board_api(state, result)
    texts = REVERSI.claim_texts(result)
    i = data["checkpoints"].index(result.games)
    if result.games == 0:
        assert "same program" in texts["flip"]
        assert data["mean_discs"]["reversi"][0] == data["mean_discs"]["anti"][0]
    else:
        assert f"ends with {data['mean_discs']['reversi'][i]:.1f} of 16 discs" in texts["flip"]
        assert f"flipped ends with {data['mean_discs']['anti'][i]:.1f} discs" in texts["flip"]
        corner = data["weights"][state["rules"]][i][0]
        assert (f"corner at {'+' if corner > 0 else '−'}" in texts["weights"]) or "corner at 0" in texts["weights"]
