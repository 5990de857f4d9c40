"""The reward-function-design models, pinned: each claim of the page emerges from learning, and a
setting can break it. Each test names the sentence it backs."""
from __future__ import annotations

import pytest

from app.pages.reward_function_design import reversi
from app.pages.reward_function_design.model import GRID
from app.pages.reward_function_design.page import PAGE

# The models at the declared defaults (page.py), with changes in their own units.
board, lying = (PAGE.widget(w).at_defaults for w in ("reversi", "lying"))


def test_a_behaviourist_reward_teaches_not_getting_caught():
    """claim caught: honest where a lie is likely caught, lying where it is not."""
    r = lying(gain=4, penalty=10, watched=0.8, unwatched=0.1)
    assert r.at("behaviour", "watched") < 0.1 and r.at("behaviour", "unwatched") > 0.9
    # The habit follows the odds of being caught: lies fall as detection rises, crossing near gain/penalty.
    lies = r.lies["behaviour"]
    assert lies[0] > 0.9 and lies[-1] < 0.05
    assert all(lies[GRID.index(d)] > 0.5 for d in GRID if d <= r.threshold("behaviour") - 0.1)
    assert all(lies[GRID.index(d)] < 0.5 for d in GRID if d >= r.threshold("behaviour") + 0.1)


def test_the_claim_breaks_when_getting_caught_is_likely_everywhere_or_costs_nothing():
    assert lying(unwatched=0.8).at("behaviour", "unwatched") < 0.1
    free = lying(penalty=0)
    assert min(free.lies["behaviour"]) > 0.9           # nothing to fear: it lies however often it is caught


def test_a_probe_reads_intent_whether_or_not_anyone_watches():
    """claim probe: a good probe makes honesty win unwatched; a weak one does not; a coin-toss probe adds nothing."""
    good = lying(accuracy=0.9)
    assert good.at("probe", "unwatched") < 0.05
    weak = lying(accuracy=0.6, gain=6)
    assert weak.at("probe", "unwatched") > 0.8 and weak.worth("probe", weak.unwatched) > 0
    coin = lying(accuracy=0.5)
    assert coin.at("probe", "unwatched") > 0.8 and coin.probe_edge() == 0


def test_an_agent_that_can_hide_its_intent_learns_to_and_honesty_loses_again():
    r = lying(accuracy=0.9, hide="yes")
    assert r.hidden["unwatched"] > 0.8 and r.at("probe", "unwatched") > 0.9
    assert r.hidden["watched"] < 0.1                   # watched, a hidden lie is still caught by the overseer


def test_the_probe_punishes_honest_answers_too():
    r = lying(accuracy=0.7, watched=1.0, unwatched=1.0)
    assert r.values["probe"]["watched"][1] == pytest.approx(-10 * 0.3, abs=1.0)   # honest: flagged 30% of the time
    assert r.values["behaviour"]["watched"][1] == 0


def test_one_minus_sign_gives_opposite_play():
    """claim flip: the same learner, reward sign flipped, keeps discs versus gives them away."""
    rev, anti = board("reversi", 200), board("anti", 200)
    assert rev.training.mean_discs[-1] > 9 and anti.training.mean_discs[-1] < 6
    assert rev.training.corners[-1] > anti.training.corners[-1] + 0.8
    assert rev.weights[0] > 0 > anti.weights[0]         # corners valued in Reversi, shunned in anti-Reversi
    assert rev.weights[0] == max(rev.weights) and anti.weights[0] == min(anti.weights)   # corners matter most to both
    assert rev.training.wins[-1] > 0.6 and anti.training.wins[-1] > 0.6    # each wins its own game


def test_untrained_the_two_learners_are_the_same_program():
    rev, anti = board("reversi", 0), board("anti", 0)
    assert rev.weights == anti.weights == (0.0, 0.0, 0.0)
    assert rev.demo.squares == anti.demo.squares and rev.training.mean_discs[0] == anti.training.mean_discs[0]


def test_training_is_deterministic_and_learns_from_the_reward_only():
    reversi.train.cache_clear()
    again = reversi.train(1)
    assert again == reversi.train(1) and again.weights[0] == (0.0, 0.0, 0.0)
    assert board("reversi", 200, move=99).move == len(board("reversi", 200).demo.squares)   # past the end: the last move
