"""The Active Self sentences, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.active_self.page import CLOUD, DESIRES, PRIOR, SORT, VIBE
from app.pages.active_self.present import cloud_api, desires_api, prior_api, sort_api, vibe_api


@pytest.mark.parametrize("state", [CLOUD.defaults(), *random_states(CLOUD, 30, seed=25), {"awareness": 0, "body": 1, "goals": 1}])
def test_the_cloud_sentence_matches_the_activation(state):
    data = cloud_api(state, CLOUD.run(state))
    text = data["claims"]["cloud"]
    assert ("the bridge is gone" in text) == (state["awareness"] == 0)
    reached = [p for p, v in data["reached"].items() if v >= 0.5]
    assert ("through the Active Self as the bridge" in text) == bool(reached)
    assert ("nothing is tied tightly enough" in text) == (not data["blended"])


@pytest.mark.parametrize("state", [SORT.defaults(), *random_states(SORT, 30, seed=21)])
def test_the_sorting_sentence_counts_the_crossings(state):
    data = sort_api(state, SORT.run(state))
    text = data["claims"]["across"]
    n = len(data["across"])
    assert ((f"{n} of your 8 placements" in text) or (n == 8 and "All 8 placements" in text)) == bool(n)
    assert ("Every placement matches" in text) == (not data["across"])


@pytest.mark.parametrize("state", [DESIRES.defaults(), *random_states(DESIRES, 40, seed=22)])
def test_the_desire_sentences_match_the_evenings(state):
    data = desires_api(state, DESIRES.run(state))
    text, swap = data["claims"]["labels"], data["claims"]["swap"]
    for key, word in (("study", "studying"), ("slack", "slacking off")):
        assert ((data["labels"][key] == "internalised") ==
                (f"brainstormed toward {word} on" in text)), key
    assert ("stay the same" in swap) == (data["swapped"] == data["labels"])


@pytest.mark.parametrize("state", [PRIOR.defaults(), *random_states(PRIOR, 30, seed=23)])
def test_the_inference_sentence_matches_the_beliefs(state):
    data = prior_api(state, PRIOR.run(state))
    text = data["claims"]["inference"]
    mine, base = data["posterior"][-1], data["baseline"][-1]
    if state["culture"] != 1:
        assert ("Same experiences, different self-models" in text) == ((mine > 0.5) != (base > 0.5))


@pytest.mark.parametrize("state", [VIBE.defaults(), *random_states(VIBE, 40, seed=24)])
def test_the_vibe_sentence_matches_the_label(state):
    data = vibe_api(state, VIBE.run(state))
    text = data["claims"]["label"]
    assert f"calls it “{data['label']}”" in text
    assert ("label flips" in text) == (data["flip"] is not None)
