"""The outer-and-inner-alignment model, pinned: each claim of the page emerges from the run and a
setting can break it. Each test names the sentence it backs."""
from __future__ import annotations

import itertools

import numpy as np

import pytest

from app.pages.outer_and_inner_alignment.model import DEPLOY, TRAIN, designer_reward
from app.pages.outer_and_inner_alignment.page import AGENT
from app.pages.outer_and_inner_alignment.page import PAGE

# The model at the declared defaults (page.py), with changes in its own units.
simulate = PAGE.widget("agent").at_defaults

LAST = slice(TRAIN + DEPLOY - 20, TRAIN + DEPLOY)


def test_the_behaviour_follows_the_reward_not_the_intention():
    """claim outer: with respawning targets the loop pays more than finishing, and the boat learns to circle."""
    assert designer_reward("loop", True) > designer_reward("finish", True)
    assert simulate(loophole="open").share("loop", TRAIN - 10, TRAIN) >= 0.8
    assert simulate(loophole="closed").share("finish", TRAIN - 10, TRAIN) >= 0.9     # closing it breaks the claim


def test_online_learning_corrects_an_overvalued_new_plan_and_train_then_deploy_does_not():
    """claim inner, and 'whatever the agent actually does stops being new the moment it does it'."""
    online = simulate(loophole="closed", learning="online", error=6)
    frozen = simulate(loophole="closed", learning="frozen", error=6)
    assert online.first_tried["channel"] is not None and frozen.first_tried["channel"] is not None
    assert online.values["channel"][-1] < online.values["channel"][TRAIN]            # corrected toward 3
    assert frozen.values["channel"][-1] == frozen.values["channel"][TRAIN]           # stays wrong
    assert online.share("channel", *LAST.indices(120)[:2]) < frozen.share("channel", *LAST.indices(120)[:2])


def test_an_untried_plan_keeps_its_wrong_guess_but_is_never_acted_on():
    r = simulate(loophole="closed", error=-6)
    assert r.first_tried["channel"] is None and r.final_error("channel") == pytest.approx(6)


def test_the_reward_editor_is_irreversible_even_with_online_learning():
    """claim special: once taken, online learning only aligns the critic with the edited reward: it takes the
    editor race after race and never finishes again (that no race after the edit serves the designer is this
    page's definition, not a result)."""
    r = simulate(loophole="closed", editor="on", error=12)
    assert r.edited_at is not None and "finish" not in r.choices[r.edited_at:]
    assert r.final_error("editor") == pytest.approx(0, abs=0.5)                     # 'corrected', to the wrong thing
    safe = simulate(loophole="closed", editor="on", error=-10)                      # a critic that fears it: never taken
    assert safe.edited_at is None and safe.intended(TRAIN, safe.races) > 0.9


def test_foresight_keeps_the_agent_off_the_island_and_its_error_uncorrected():
    """claim special: deliberate incomplete exploration leaves the critic's error in place for good."""
    wary = simulate(loophole="closed", island="on", error=6, foresight="on")
    naive = simulate(loophole="closed", island="on", error=6, foresight="off")
    assert wary.first_tried["island"] is None and wary.values["island"][-1] == wary.values["island"][TRAIN]
    assert naive.first_tried["island"] is not None and naive.share("island", 100, 120) > 0.5
    assert wary.intended(TRAIN, wary.races) > naive.intended(TRAIN, naive.races)


@pytest.mark.parametrize("error", range(-10, 13))
def test_foresight_judges_the_hooked_future_by_present_values(error):
    """Issue 32: foresight was a fixed rule. Now it weighs the future after a visit (a critic taught what the
    island pays, so the island nearly every race) by its present values: where those already rate the island
    as high as every other plan or higher (closed loophole, errors 9 to 12: 10 to 13 against finishing's 10), it
    goes, and being hooked is no loss by its own values; where they rate it below, it stays away, though without foresight it
    would have gone (errors 5 to 8)."""
    wary = simulate(loophole="closed", island="on", error=error, foresight="on")
    naive = simulate(loophole="closed", island="on", error=error, foresight="off")
    t = wary.first_tried["island"]
    if t is not None:
        others = max(wary.values[p][t - 1] for p in ("finish", "loop", "channel"))
        assert wary.values["island"][t - 1] > others - 0.01 and error >= 9
    elif naive.first_tried["island"] is not None:
        assert 5 <= error <= 8 and wary.outlook[TRAIN][1] < wary.outlook[TRAIN][0]


def test_a_frozen_critic_has_nothing_to_foresee():
    """A visit teaches a frozen critic nothing, so foresight weighs nothing and the run is the same without it."""
    for error in range(-10, 13):
        with_, without = (simulate(loophole="closed", learning="frozen", island="on", error=error, foresight=f)
                          for f in ("on", "off"))
        assert with_.choices == without.choices and set(with_.outlook) == {None}


def test_runs_are_deterministic_and_every_setting_runs():
    for combo in itertools.product(("open", "closed"), ("online", "frozen"), (-10, 0, 12), ("off", "on"),
                                   ("off", "on"), ("on", "off")):
        state = dict(zip(("loophole", "learning", "error", "editor", "island", "foresight"), combo))
        a, b = simulate(**state), simulate(**state)
        assert a.choices == b.choices and len(a.choices) == TRAIN + DEPLOY
        assert all(text for text in AGENT.claim_texts(a).values())




def test_the_chance_recorded_for_each_pick_is_the_softmax_over_the_plans_on_offer():
    """The sentences quote the chance the boat's pick had: it is the softmax of the critic's values over the plans it
    chose among (an island foresight declined is not among them)."""
    for state in ({"loophole": "closed", "editor": "on"}, {"loophole": "closed", "island": "on"},
                  {"loophole": "closed", "island": "on", "editor": "on", "error": 9}):
        r = simulate(**state)
        for race in range(1, r.races + 1):
            offered = r.offered(race)
            o = r.outlook[race - 1]
            assert ("island" in offered) == (r.values["island"][race - 1] is not None and not (o and o[1] < o[0]))
            values = np.array([r.values[p][race - 1] for p in offered])
            weights = np.exp(values - values.max())
            assert r.chances[race - 1] == pytest.approx(weights[offered.index(r.choices[race - 1])] / weights.sum())
