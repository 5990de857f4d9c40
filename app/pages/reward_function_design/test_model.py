"""The reward-function-design models, pinned: each claim of the page emerges from learning, and a
setting can break it. Each test names the sentence it backs."""
from __future__ import annotations

import numpy as np
import pytest

from app.pages.reward_function_design import reversi
from app.pages.reward_function_design.model import (AGENTS, GRID, KINDS, LAST, RATE, SEED, TEMPERATURE, TRIALS,
                                                     learn)
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


@pytest.mark.parametrize("gain,penalty,caught,accuracy,hide", [
    (4, 10, 0.0, 0.7, "no"), (4, 10, 0.1, 0.65, "no"), (0.5, 2, 0.05, 0.6, "no"), (2, 10, 0.0, 0.6, "no"),
    (7, 10, 0.0, 0.85, "no"), (3, 10, 0.3, 0.7, "yes")])
def test_a_lie_whose_gain_the_penalties_take_back_on_average_is_worth_exactly_0(gain, penalty, caught, accuracy, hide):
    """gain 4, penalty 10, never caught, a 70% probe: a lie pays 4 − 10 × 0.7 against the truth's −10 × 0.3, the same
    on average; its worth is 0, neither a gain nor a loss (binary floats made it +8.9e-16, which the page read as
    a gain)."""
    r = lying(gain=gain, penalty=penalty, watched=caught, unwatched=caught, accuracy=accuracy, hide=hide)
    exact = gain - penalty * caught - (0 if hide == "yes" else penalty * (2 * accuracy - 1))
    assert abs(exact) < 1e-9
    assert r.worth("probe", caught) == 0


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
    """Two separate training runs (the cache bypassed) agree; with the reward multiplied by 0 nothing is
    learned at any checkpoint, so the values come from the reward alone."""
    assert reversi.train.__wrapped__(1) == reversi.train(1)
    assert set(reversi.train.__wrapped__(0).weights) == {(0.0, 0.0, 0.0)}
    assert board("reversi", 200, move=99).move == len(board("reversi", 200).demo.squares)   # past the end: the last move


def reference_learn(gain, penalty, detect, accuracy, probe, hide):
    """The lying learners written plainly, one reward kind at a time, each with its own generator drawing
    per chance (the model's `learn` runs both kinds in one loop, for speed; it must give the same numbers)."""
    rng = np.random.default_rng(SEED)
    levels = len(detect)
    detect = np.repeat(detect, AGENTS)
    n = len(detect)
    q = np.zeros((n, 3 if hide else 2))
    rows = np.arange(n)
    lied = np.zeros((TRIALS, n), dtype=bool)
    hid = np.zeros((TRIALS, n), dtype=bool)
    for t in range(TRIALS):
        u_choice, u_caught, u_flag = rng.random(n), rng.random(n), rng.random(n)
        best_lie = q[:, [0, 2]].max(axis=1) if hide else q[:, 0]
        lie = u_choice < 1.0 / (1.0 + np.exp(-(best_lie - q[:, 1]) / TEMPERATURE))
        choice = np.where(lie, 0, 1)
        if hide:
            hidden = rng.random(n) < 1.0 / (1.0 + np.exp(-(q[:, 2] - q[:, 0]) / TEMPERATURE))
            choice = np.where(lie & hidden, 2, choice)
        reward = np.where(lie, gain - penalty * (u_caught < detect), 0.0)
        if probe:
            flagged = np.where(choice == 0, u_flag < accuracy, u_flag < 1.0 - accuracy)
            reward = reward - penalty * flagged
        q[rows, choice] += RATE * (reward - q[rows, choice])
        lied[t] = lie
        hid[t] = choice == 2
    hidden = hid[-LAST:].reshape(LAST, levels, AGENTS).mean(axis=(0, 2))
    plain_lies = (lied[-LAST:] & ~hid[-LAST:]).reshape(LAST, levels, AGENTS).mean(axis=(0, 2))
    if hide:
        q = np.stack([q[:, [0, 2]].max(axis=1), q[:, 1]], axis=1)
    per_level = lied.reshape(TRIALS, levels, AGENTS).mean(axis=2)
    blocks = per_level.reshape(TRIALS // 20, 20, levels).mean(axis=1)
    own = lied[-LAST:].mean(axis=0).reshape(levels, AGENTS)          # each agent's share of lies
    scatter = np.sqrt(((own - own.mean(axis=1, keepdims=True)) ** 2).sum(axis=1) / (AGENTS - 1) / AGENTS)
    return (per_level[-LAST:].mean(axis=0), blocks, q.reshape(levels, AGENTS, 2).mean(axis=1), hidden, plain_lies,
            scatter)


@pytest.mark.parametrize("gain,penalty,watched,unwatched,accuracy,hide", [
    (4, 10, 0.8, 0.1, 0.9, False), (4, 10, 0.8, 0.1, 0.9, True), (10, 0, 1.0, 0.0, 0.5, True),
    (0, 20, 0.0, 1.0, 1.0, False), (7.5, 3, 0.35, 0.65, 0.55, True)])
def test_the_fast_learners_give_exactly_the_plain_learners_numbers(gain, penalty, watched, unwatched, accuracy, hide):
    detect = np.array(GRID + (watched, unwatched))
    fast = learn(gain, penalty, detect, accuracy, hide)
    for kind in KINDS:
        plain = reference_learn(gain, penalty, detect, accuracy, kind == "probe", hide and kind == "probe")
        assert len(fast[kind]) == len(plain) == 6
        for a, b in zip(fast[kind][:5], plain[:5]):
            assert a.shape == b.shape and np.array_equal(a, b), kind
        assert fast[kind][5].shape == plain[5].shape and np.allclose(fast[kind][5], plain[5], rtol=0, atol=1e-12), kind


@pytest.mark.parametrize("watched,unwatched", [(0.8, 0.1), (0.35, 0.35), (0.0, 1.0), (0.333, 0.1)])
def test_each_situation_is_its_point_on_the_curve(watched, unwatched):
    """The watched and unwatched shares are the sweep's learners at those levels, so the dots sit on the
    curve; a level off the sweep (only a direct call can ask one) gets learners of its own."""
    r = lying(watched=watched, unwatched=unwatched, hide="yes")
    for kind in KINDS:
        for s, level in (("watched", watched), ("unwatched", unwatched)):
            if level in GRID:
                assert r.at(kind, s) == r.lies[kind][GRID.index(level)]
    assert 0 <= r.at("behaviour", "watched") <= 1
    again = lying(watched=watched, unwatched=unwatched, hide="yes")      # from the cache: the same numbers
    assert again == r


def test_the_scatter_of_the_shares_of_lies_is_the_standard_error_over_the_agents():
    """Each kind's scatter per situation is the standard error of the mean of its agents' own shares of lies: none
    where every agent always lies or never does, and, where they differ, at most what coin tosses would give
    (a share's standard deviation is at most 0.5 over the agents)."""
    r = lying(gain=10, penalty=0, watched=0.0, unwatched=0.0, accuracy=0.9, hide="no")
    assert r.at("behaviour", "unwatched") == 1 and r.scatter["behaviour"]["unwatched"] == 0
    r = lying(gain=9.5, penalty=13, watched=0.5, unwatched=0.7, accuracy=0.55, hide="yes")
    for kind in KINDS:
        for s in ("watched", "unwatched"):
            assert 0 < r.scatter[kind][s] <= 0.5 / np.sqrt(AGENTS - 1)
