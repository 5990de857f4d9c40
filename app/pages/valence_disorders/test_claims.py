"""The valence-disorders claim, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.valence_disorders.page import DAY
from app.pages.valence_disorders.present import day_api


@pytest.mark.parametrize("state", [DAY.defaults(), *random_states(DAY, 60, seed=6),
                                   {"offset": -2, "spread": 1, "extremise": 0}, {"offset": 2, "spread": 1, "extremise": 0},
                                   {"offset": 0, "spread": 1, "extremise": 0.8}, {"offset": -3, "spread": 0, "extremise": 0},
                                   {"offset": -3, "spread": 2, "extremise": 0}])
def test_the_sentence_matches_the_day(state):
    result = DAY.run(state)
    data = day_api(state, result)
    text = DAY.claim_texts(result)["day"]
    assert f"threw out {data['rerolls']} thoughts" in text and f"{data['switches']} activities" in text
    expected = {"negative": "compares to depression", "positive": "compares to mania",
                "extremes": "compares to narcissistic personality disorder", "none": "None of the three"}
    for name, words in expected.items():
        assert (words in text) == (data["pattern"] == name)
    assert f"{data['acted_total']} thoughts were acted on" in text
    if data["pattern"] == "negative" and data["acted_total"] == 0:
        assert "not even scratching an itchy bite" in text
    if data["pattern"] == "extremes":
        assert data["neutral_share"] < 0.05 and f"jumps by {data['swing']:.1f}" in text
