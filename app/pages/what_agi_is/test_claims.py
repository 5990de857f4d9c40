"""The what-AGI-is page's claims, checked against the numbers its API reports (computed here from
those numbers, not taken from the presenter), over seeded random states, corners and known cases."""
from __future__ import annotations

import re

import pytest
from helpers import random_states

from app.pages.what_agi_is.page import ANGELS, KNOW, LUNCH
from app.pages.what_agi_is.present import angels_api, know_api, lunch_api


def _states(widget, n, seed=3):
    return [widget.defaults(), *random_states(widget, n, seed)]


LABEL = {"left-to-right": "left to right", "right-to-left": "right to left", "shuffled": "shuffled order",
         "hill-climb": "hill-climb"}


@pytest.mark.parametrize("state", _states(LUNCH, 40) + [
    {**LUNCH.defaults(), "size": 5, "values": 2, "family": "one-hill"},
    {**LUNCH.defaults(), "values": 2, "family": "smooth"}, {**LUNCH.defaults(), "family": "smooth"}])
def test_the_structured_problems_sentence_names_the_true_winners(state):
    result = LUNCH.run(state)
    data = lunch_api(state, result)
    text = LUNCH.claim_texts(result)["family"]
    family = data["problems"][state["family"]]
    if family == data["problems"]["all"]:
        assert "every strategy ties again" in text
        return
    means = data["mean_tries_family"]
    best = min(means.values())
    winners = [LABEL[s] for s, v in means.items() if abs(v - best) < 1e-9]
    losers = [LABEL[s] for s, v in means.items() if abs(v - best) >= 1e-9]
    assert all(w in text.split(" with ")[0] for w in winners)
    assert not any(f" {l} " in text.split(" with ")[0] + " " for l in losers)
    assert ("tie for best" in text) == (len(winners) > 1)
    worst = max(means.values())
    if worst - best > 1e-9:     # every strategy at the worst average is named there
        assert all(LABEL[s] in text.split(" against ")[1] for s, v in means.items() if abs(v - worst) < 1e-9)


@pytest.mark.parametrize("state", _states(KNOW, 60) + [
    {**KNOW.defaults(), "budget": 1, "pieces": 10, "coverage": 50, "ability": 60},
    {**KNOW.defaults(), "figurer_coverage": 100, "ability": 0},
    {**KNOW.defaults(), "coverage": 50, "knower_ability": 10, "ability": 0, "figurer_coverage": 100, "pieces": 1}])
def test_the_exam_science_and_crossover_sentences_match_the_curves(state):
    result = KNOW.run(state)
    data = know_api(state, result)
    texts = KNOW.claim_texts(result)
    k, f = round(100 * data["exam_mean"]["knower"]), round(100 * data["exam_mean"]["figurer"])
    if k == f:
        assert texts["exam"] == "an exam cannot tell them apart"
    elif abs(k - f) <= 3:
        assert "barely" in texts["exam"]
    else:
        assert ("memoriser" in texts["exam"]) == (k > f)
    science_lead = data["science_mean"]["figurer"] - data["science_mean"]["knower"]
    if abs(science_lead) < 0.005:
        assert texts["science"] == "here they do about equally well"
    else:
        assert ("second agent does" in texts["science"]) == (science_lead > 0)
    lead = [fi - ki for fi, ki in zip(data["success"]["figurer"], data["success"]["knower"])]
    visible = [(x, 1 if d > 0.005 else -1) for x, d in zip(data["novelty"], lead) if abs(d) > 0.005]
    crossing = texts["crossover"]
    if not any(v > 0 for _, v in visible):
        assert "never visibly pulls ahead" in crossing
    elif not any(v < 0 for _, v in visible):
        assert "level with or ahead of the first at every novelty" in crossing
    elif visible[0][1] > 0:
        assert crossing.startswith("The second agent is ahead at first, but falls behind from")
    else:
        at = float(crossing.split(" at ")[1].split("%")[0]) / 100
        assert any(v < 0 for x, v in visible if x <= at + 0.01)     # visibly behind before
        assert any(v > 0 for x, v in visible if x >= at - 0.01)     # visibly ahead after
    changes = sum(1 for (_, a), (_, b) in zip(visible, visible[1:]) if a != b)
    assert len(re.findall(r"(?:at|from) \d+%", crossing)) == changes    # one named novelty per change of lead


def test_a_tie_near_zero_is_not_called_a_crossover():
    result = KNOW.run({**KNOW.defaults(), "budget": 1, "pieces": 10, "coverage": 50, "ability": 60})
    assert "100%" not in KNOW.claim_texts(result)["crossover"]


@pytest.mark.parametrize("state", _states(ANGELS, 12) + [{**ANGELS.defaults(), "today_recover": 100}])
def test_the_longer_project_sentence_matches_today_ais_odds(state):
    result = ANGELS.run(state)
    solo = angels_api(state, result)["zero_interventions"]["today"]
    text = ANGELS.claim_texts(result)["longer"]
    falls = f"{solo[0]:.0%}" != f"{solo[-1]:.0%}"
    assert ("The longer the project, the worse" in text) == falls
    assert f"{solo[-1]:.0%}" in text


from app.pages.what_agi_is.page import TARGET  # noqa: E402
from app.pages.what_agi_is.present import target_api  # noqa: E402


@pytest.mark.parametrize("state", _states(TARGET, 40) + [{**TARGET.defaults(), "practice": 0},
                                                        {**TARGET.defaults(), "test_day": 365},
                                                        {**TARGET.defaults(), "test_day": 365, "horizon": 30}])
def test_the_snapshot_sentence_matches_the_two_learners(state):
    result = TARGET.run(state)
    data = target_api(state, result)
    text = TARGET.claim_texts(result)["snapshot"]
    tested, final = f"{data['tested']['learner']:.0%}", f"{data['final']['learner']:.0%}"
    assert f"day {data['test_day']}" in text and data["test_day"] == min(state["test_day"], state["horizon"])
    start = f"{data['skill']['learner'][0]:.0%}"
    if start == final:
        assert "neither learner changes" in text
    elif tested == final:
        assert f"reached {final}" in text and f"day 0 would have rated it at {start}" in text
    else:
        assert f"at {tested}; by day {state['horizon']} it is at {final}" in text
        assert f"still at {data['final']['frozen']:.0%}" in text


def test_with_no_learning_the_second_agents_odds_decay_more_slowly():
    """The angels section's example (learning at zero, the rest at defaults): the second agent's
    odds of finishing alone fall with length too, but stay above the first agent's."""
    result = ANGELS.run({**ANGELS.defaults(), "learning": 0})
    solo = angels_api(ANGELS.defaults(), result)["zero_interventions"]
    assert solo["agi"][-1] < solo["agi"][0] and all(a >= t for a, t in zip(solo["agi"], solo["today"]))
