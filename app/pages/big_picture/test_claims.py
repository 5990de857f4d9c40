"""The big-picture claims, checked against the numbers the API reports (recomputed here, not taken
from the presenters), over seeded random states and hand-picked corners."""
from __future__ import annotations

import pytest
from helpers import random_states

from .page import ALIGNMENT, PREDICTOR, PREFERENCES, THOUGHT
from .present import alignment_api, predictor_api, preferences_api, thought_api


def states(widget, extra):
    return random_states(widget, 120, seed=3) + [{**widget.defaults(), **e} for e in ({}, *extra)]


@pytest.mark.parametrize("state", states(THOUGHT, [{"hunger": 50}, {"fear_guess": 100}, {"valence_guess": 0},
                                                  {"hunger": 0, "sugar_guess": 0, "fear_guess": 30, "valence_guess": -0.3}]))
def test_the_decision_and_learning_sentences_follow_the_numbers(state):
    result = THOUGHT.run(state)
    data, text = thought_api(state, result), THOUGHT.claim_texts(result)
    overrides = abs(data["innate_verdict"]) >= 0.3
    assert ("overrides" in text["decision"]) == overrides and ("defers" in text["decision"]) == (not overrides)
    assert ("is kept" in text["decision"]) == (data["actual_valence"] > 0)
    if overrides and round(data["valence_guess_after"], 2) != round(state["valence_guess"], 2):
        assert f"to {data['valence_guess_after']:+.2f}" in text["learning"].replace("to 0.00", "to +0.00")
    elif overrides:
        assert "nothing to correct" in text["learning"]
    else:
        assert "nothing tells it" in text["learning"] and data["valence_guess_after"] == state["valence_guess"]


@pytest.mark.parametrize("state", states(PREDICTOR, [{"override_rate": 0}, {"mode": "override"}, {"trials": 10, "delay": 20}, {"override_until": 0}, {"override_rate": 0, "truth": 0},
                                                    {"override_rate": 0, "initial": 100, "truth": 0},
                                                    {"override_rate": 50, "override_until": 20, "truth": 0, "delay": 1,
                                                     "lr": 0.05}]))
def test_the_predictor_sentences_follow_the_numbers(state):
    result = PREDICTOR.run(state)
    data, text = predictor_api(state, result), PREDICTOR.claim_texts(result)
    assert f"{data['signal_at_cue_last_trial']:.0%}" in text["anticipation"]
    guesses = data["guess_at_cue"]
    signal, observed = data["signal_at_cue_last_trial"], data["observed_rate"]
    ahead = "the reaction starts ahead of the event" in text["anticipation"]
    assert ahead == (state["mode"] == "defer" and signal >= 0.05 and observed > 0 and abs(signal - observed) <= 0.15)
    assert ("an event that does not come" in text["anticipation"]) == (
        state["mode"] == "defer" and signal >= 0.05 and observed == 0)
    if state["mode"] == "override":
        assert data["signal_at_cue_last_trial"] == 0
    elif data["overrides"] == 0:
        assert len(set(guesses)) == 1 and f"still {guesses[-1]:.0%}" in text["persistence"]
        wrong = abs(state["initial"] / 100 - data["observed_rate"]) > 0.15
        assert ("self-fulfilling prophecy" in text["persistence"]) == wrong
    elif abs(guesses[-1] - guesses[0]) < 0.01:
        close = abs(state["initial"] / 100 - data["observed_rate"]) <= 0.15
        assert ("have not reached the cue yet" in text["persistence"]) == (not close)
        assert ("was already close" in text["persistence"]) == close
    else:
        gap = abs(data["final_guess_at_cue"] - data["observed_rate"])
        assert ("within 15 points" in text["persistence"]) == (gap <= 0.15)


@pytest.mark.parametrize("state", states(ALIGNMENT, [{"loophole": 1}, {"misvalue": 1}, {"misvalue": 0.5},
                                                    {"loophole": 2, "misvalue": 2}]))
def test_the_alignment_verdict_follows_the_plans(state):
    result = ALIGNMENT.run(state)
    data, text = alignment_api(state, result), ALIGNMENT.claim_texts(result)["verdict"]
    plans = data["plans"]
    outer = all(p["reward"] < plans[0]["reward"] for p in plans[1:])
    inner = all(abs(p["value"] - p["reward"]) < 0.05 for p in plans)
    chosen = max(range(3), key=lambda i: (plans[i]["value"], -i))
    assert ("(outer aligned)" in text) == outer and ("(outer misaligned)" in text) == (not outer)
    assert ("(inner aligned)" in text) == inner and ("(inner misaligned)" in text) == (not inner)
    assert ("intent alignment, and" in text) == (outer and inner)
    assert ("luck, not intent alignment" in text) == (chosen == 0 and not (outer and inner))
    assert ("not what the designer intended" in text) == (chosen != 0)


@pytest.mark.parametrize("state", states(PREFERENCES, [{"social": -1, "access": "none"}, {"social": -1, "access": "hack"}]))
def test_the_mismatch_sentence_follows_the_two_curves(state):
    result = PREFERENCES.run(state)
    data, text = preferences_api(state, result), PREFERENCES.claim_texts(result)["mismatch"]
    sign = lambda v: 1 if v > 0.1 else -1 if v < -0.1 else 0
    clash = [sign(a) * sign(b) < 0 for a, b in zip(data["first_order"], data["second_order"])]
    assert text.startswith("No mismatch") == (not any(clash))
    assert ("still there at the end" in text) == clash[-1]
    if any(clash) and not clash[-1] and "changing its first-order value" in text:
        assert sign(data["first_order"][-1]) != sign(data["first_order"][0])
