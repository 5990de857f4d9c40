"""The pies page's claims, checked against the numbers the API reports (computed here, not taken
from the presenter): over seeded random states and the corners of the declared space."""
from __future__ import annotations


import pytest
from helpers import random_states

from app.pages.scheming_pie_charts.page import PIES
from app.pages.scheming_pie_charts.present import pies_api


STATES = random_states(PIES, 150, seed=1) + [
    PIES.defaults(), {**PIES.defaults(), "detect": 50}, {**PIES.defaults(), "rlvr": 0},
    {**PIES.defaults(), "exchange": 0}, {**PIES.defaults(), "scenario": "brainlike"},
    {**PIES.defaults(), "scenario": "brainlike", "innate": 30}, {**PIES.defaults(), "nice": 0, "rlhf": 0}]


def shown(ratio):
    if ratio is None:
        return None
    return f"{100 * ratio:.3g}" if 100 * ratio < 999.5 else f"{100 * ratio:,.0f}"


@pytest.mark.parametrize("state", STATES)
def test_the_ratio_sentence_matches_the_three_ratios(state):
    result = PIES.run(state)
    stages = pies_api(state, result)["stages"]
    ratios = [s["red_per_green"] for s in stages]
    text = PIES.claim_texts(result)["ratios"]
    if None in ratios:
        assert text.startswith("There is no green")
        assert ("at the start" in text) == (ratios[0] is None) and ("after RLVR" in text) == (ratios[2] is None)
        return
    for stage, (a, b) in (("RLHF", ratios[:2]), ("RLVR", ratios[1:])):
        part = text.split(stage + " ", 1)[1]
        if shown(a) == shown(b):
            assert part.startswith("left it unchanged"), text
        else:
            word = "lowered" if b < a else "raised"
            assert part.startswith(f"{word} it from {shown(a)} to {shown(b)}"), text


@pytest.mark.parametrize("state", STATES)
def test_the_looks_nice_sentence_matches_the_middle_pie(state):
    result = PIES.run(state)
    mid = pies_api(state, result)["stages"][1]
    text = PIES.claim_texts(result)["looks_nice"]
    looks = mid["green"] + mid["red"] * (1 - state["detect"] / 100)   # raters catch that share of red
    assert ("seems nice" in text) == (looks >= 0.5)
    assert ("does not even seem nice" in text) == (looks < 0.5)


@pytest.mark.parametrize("state", STATES)
def test_the_trade_sentence_matches_competence_and_ratio(state):
    result = PIES.run(state)
    mid, post = pies_api(state, result)["stages"][1:]
    text = PIES.claim_texts(result)["trade"]
    c1, c2 = 1 - mid["blue"], 1 - post["blue"]
    if f"{100 * c1:.1f}" != f"{100 * c2:.1f}":
        assert ("raised competence" in text) == (c2 > c1) and ("lowered competence" in text) == (c2 < c1)
    if mid["red_per_green"] is not None and post["red_per_green"] is not None:
        a, b = shown(mid["red_per_green"]), shown(post["red_per_green"])
        assert (f"stayed at {a}" in text) == (a == b)
        if a != b:
            assert f"from {a} to {b}" in text
