"""The outer-and-inner-alignment model, pinned: each claim of the page emerges from the run and a
setting can break it. Each test names the sentence it backs."""
from __future__ import annotations

import itertools

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
    """claim special: once taken, online learning only aligns the critic with the edited reward."""
    r = simulate(loophole="closed", editor="on", error=12)
    assert r.edited_at is not None and r.intended(r.edited_at, r.races) == 0
    assert r.final_error("editor") == pytest.approx(0, abs=0.5)                     # 'corrected', to the wrong thing
    safe = simulate(loophole="closed", editor="on", error=-10)                      # a critic that fears it: never taken
    assert safe.edited_at is None and safe.intended(TRAIN, safe.races) > 0.9


def test_foresight_keeps_the_agent_off_the_island_and_its_error_uncorrected():
    """claim special: deliberate incomplete exploration leaves the critic's error in place for good."""
    wary = simulate(loophole="closed", island="on", error=6, foresight="on")
    naive = simulate(loophole="closed", island="on", error=6, foresight="off")
    assert wary.hooked_at is None and wary.values["island"][-1] == wary.values["island"][TRAIN]
    assert naive.hooked_at is not None and naive.share("island", 100, 120) > 0.5
    assert wary.intended(TRAIN, wary.races) > naive.intended(TRAIN, naive.races)


def test_runs_are_deterministic_and_every_setting_runs():
    for combo in itertools.product(("open", "closed"), ("online", "frozen"), (-10, 0, 12), ("off", "on"),
                                   ("off", "on"), ("on", "off")):
        state = dict(zip(("loophole", "learning", "error", "editor", "island", "foresight"), combo))
        a, b = simulate(**state), simulate(**state)
        assert a.choices == b.choices and len(a.choices) == TRAIN + DEPLOY
        assert all(text for text in AGENT.claim_texts(a).values())
