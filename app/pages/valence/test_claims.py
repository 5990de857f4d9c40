"""The valence page's sentences, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.valence.page import CANDY, CONCEPTS, TUMBLE
from app.pages.valence.present import candy_api, concepts_api, signed, tumble_api


@pytest.mark.parametrize("state", [TUMBLE.defaults(), *random_states(TUMBLE, 25, seed=18),
                                   {**TUMBLE.defaults(), "memory": 0}, {**TUMBLE.defaults(), "noise": 40}])
def test_the_run_and_tumble_sentences_match_the_run(state):
    result = TUMBLE.run(state)
    data = tumble_api(state, result)
    text = data["claims"]["chemotaxis"]
    assert f"{round(data['near_food'] * 24)} of 24 bacteria end" in text
    assert f"distance of {data['final_distance']:.0f} against {data['final_distance_random']:.0f}" in text
    works = data["near_food"] - data["near_food_random"] >= 0.25 and data["final_distance"] < 0.6 * data["final_distance_random"]
    worse = not works and data["final_distance"] > 1.1 * data["final_distance_random"]
    assert text.startswith("Steering by nothing") == works and ("does worse than chance" in text) == worse
    assert ("every step is a tumble" in text) == (not works and data["tumble_share"] == 1)
    thoughts = data["claims"]["thoughts"]
    assert f"worth {data['idea_worth']:.0f} points" in thoughts and f"against {data['idea_worth_random']:.0f}" in thoughts
    climbs = data["idea_worth"] >= 2 * data["idea_worth_random"] and data["idea_worth"] - data["idea_worth_random"] >= 20
    assert ("works the same way" in thoughts) == (climbs and works)
    assert ("fails in the same way" in thoughts) == (not climbs and not works)


@pytest.mark.parametrize("state", [CANDY.defaults(), *random_states(CANDY, 40, seed=19),
                                   {**CANDY.defaults(), "walks": 0}, {**CANDY.defaults(), "hunger": 0}])
def test_the_candy_sentences_match_the_critic(state):
    result = CANDY.run(state)
    data = candy_api(state, result)
    walk, eat = data["claims"]["walk"], data["claims"]["eat"]
    idea = data["valence"][0]
    assert signed(idea) in walk and signed(data["valence"][-1]) in eat and "-0.00" not in walk + eat
    if state["walks"] == 0:
        assert "learned nothing" in walk and idea == 0
    elif idea > 0.005:
        assert "the pull comes from where" in walk
    else:
        settles = sum(0.9 ** s * r for s, r in enumerate(data["innate"]) if s > 0)
        assert ("not worth it" in walk) == (settles <= 0.005) and signed(settles) in walk
        assert ("thrown out" in walk) == (settles <= 0.005 and idea < -0.005)
    assert ("innate ground truth" in eat) == (state["hunger"] > 0)


@pytest.mark.parametrize("state", [CONCEPTS.defaults(), *random_states(CONCEPTS, 40, seed=20)])
def test_the_concept_sentences_match_the_clustering(state):
    result = CONCEPTS.run(state)
    data = concepts_api(state, result)
    words = data["words"]
    bird = data["claims"]["bird"]
    assert ("stays one cluster" in bird) == (len(words["bird"]["a"]) == 6)
    assert ("split by feeling" in bird) <= (state["weight"] > 0) and ("valence weighted this heavily" not in bird)
    cult = data["claims"]["cult"]
    if "parish church" in words["cult"]["a"]:
        assert "one cluster here" in cult
    elif state["weight"] == 0:
        assert "ordinary features alone" in cult and "follows A's feelings" not in cult
    else:
        assert all(m in cult for m in words["cult"]["a"])
    religion = data["claims"]["religion"]
    same = set(words["religion"]["a"]) == set(words["religion"]["b"])
    with_birds = "sparrow" in words["religion"]["a"] + words["religion"]["b"]
    assert ("talking past each other" in religion) == (not same and not with_birds)
    assert ("mean the same thing" in religion) == (same and not with_birds)
