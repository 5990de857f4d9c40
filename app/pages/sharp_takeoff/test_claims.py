"""The sharp-takeoff claims, checked against the API's numbers over sampled states."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.sharp_takeoff.page import CLIMB, LANGUAGE
from app.pages.sharp_takeoff.present import climb_api, language_api, person_years


@pytest.mark.parametrize("state", [CLIMB.defaults(), *random_states(CLIMB, 40, seed=4),
                                   {**CLIMB.defaults(), "ceiling": 90}, {**CLIMB.defaults(), "tuning": 0},
                                   {**CLIMB.defaults(), "later": 95, "steepening": 3}])
def test_the_gap_sentence_matches_the_climb(state):
    result = CLIMB.run(state)
    data = climb_api(state, result)
    text = CLIMB.claim_texts(result)["gap"]
    assert f"Here {data['blockers_after']} of the 20 blockers" in text
    assert f"after {person_years(data['relevant_at'])} person-years" in text
    if data["gap"] is None:
        assert "never reaches superintelligence" in text and state["ceiling"] < 100
    else:
        assert (f"takes {person_years(data['gap'])} more person-years" in text) if data["gap"] else "no further R&D" in text
        if data["gap"] <= 30:
            assert "within Byrnes's guess" in text
        elif data["gap"] >= 1e6:
            assert "at or beyond AI-2027's millions: a gradual takeoff" in text
        else:
            assert "more than Byrnes's 0–30" in text


@pytest.mark.parametrize("state", [LANGUAGE.defaults(), *random_states(LANGUAGE, 20, seed=8),
                                   {**LANGUAGE.defaults(), "rounds": 0}])
def test_the_language_sentence_matches_the_run(state):
    result = LANGUAGE.run(state)
    data = language_api(state, result)
    text = LANGUAGE.claim_texts(result)["outcome"]
    assert f"understand each other {data['imitation_success']:.0%} of the time" in text
    if data["success"]:
        assert f"understood each other {data['success'][-1]:.0%} of the time" in text
        assert f"{data['words_in_use']} words in use" in text
        assert ("a code they made up" in text) == (state["exposure"] == "none" and data["shared_code"] >= 0.5)
    elif state["exposure"] == "grammatical":
        assert "already shares the adults' words" in text and data["shared_code"] == 1
    else:
        assert "no shared words at all" in text and data["words_in_use"] == 0
