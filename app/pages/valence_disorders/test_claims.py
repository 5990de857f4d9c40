"""The valence-disorders claim, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.valence_disorders.page import DAY
from app.pages.valence_disorders.present import api


@pytest.mark.parametrize("state", [DAY.defaults(), *random_states(DAY, 60, seed=6),
                                   {"offset": -2, "spread": 1, "extremise": 0}, {"offset": 2, "spread": 1, "extremise": 0},
                                   {"offset": 0, "spread": 1, "extremise": 0.8}])
def test_the_sentence_matches_the_day(state):
    result = DAY.run(state)
    data = api(state, result)
    text = DAY.claim_texts(result)["day"]
    assert f"threw out {data['rerolls']} thoughts" in text and f"{data['switches']} activities" in text
    expected = {"stuck": "compares to depression", "racing": "compares to mania",
                "split": "compares to narcissistic personality disorder", "none": "None of the three"}
    for name, words in expected.items():
        assert (words in text) == (data["pattern"] == name)
    if data["pattern"] == "stuck":
        assert data["idle_share"] >= 0.5
    if data["pattern"] == "racing":
        assert data["switches"] >= 80 and data["rerolls"] <= 20
    if data["pattern"] == "split":
        assert data["neutral_share"] < 0.05 and data["swing"] >= 4 and f"jumps by {data['swing']:.1f}" in text
