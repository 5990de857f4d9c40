"""The big-picture models: each claim the page makes, pinned so that a broken model fails."""
from __future__ import annotations

import numpy as np
import pytest

import math

from .model import OVERRIDE_AT, alignment, predictor, preferences, stance
from app.pages.big_picture.page import PAGE

# The model at the declared defaults (page.py), with changes in its own units.
one_thought = PAGE.widget("thought").at_defaults

BASE = dict(hunger=0.7, sugar_guess=0.9, fear_guess=0.0, valence_guess=0.2)


# ------------------------------------------------------------------ one thought

def test_a_strong_innate_verdict_overrides_and_corrects_the_guess():
    t = one_thought(**{**BASE, "hunger": 1.0, "valence_guess": -0.5})
    assert t.mode == "override" and t.valence == pytest.approx(0.9) and t.kept
    assert -0.5 < t.valence_guess_after < 0.9    # moved toward the actual valence


def test_a_weak_verdict_defers_and_nothing_is_learned():
    for guess in (-0.6, 0.0, 0.4):
        t = one_thought(**{**BASE, "hunger": 0.5, "valence_guess": guess})
        assert abs(t.innate) < OVERRIDE_AT and t.mode == "defer"
        assert t.valence == guess and t.valence_guess_after == guess
        assert t.kept == (guess > 0)


def test_the_override_is_decided_on_the_verdict_as_shown_exactly_at_the_threshold():
    """Issue 32: 0.5 x (2 x 0.95 - 1) - 0.15 is 0.29999999999999993 in floating point and deferred, while a
    verdict of 0.30 from other settings overrode; 27 grid states read "+0.30 ... too weak (under ±0.3)".
    The verdict is now the two-decimal value shown, and 0.30 overrides wherever it comes from."""
    on = one_thought(hunger=0.95, sugar_guess=0.5, fear_guess=0.15)
    assert on.innate == 0.3 and on.mode == "override" and on.valence == 0.3
    also = one_thought(hunger=0.8, sugar_guess=0.5, fear_guess=0.0)   # 0.5 x 0.6 = 0.30000000000000004
    assert also.innate == 0.3 and also.mode == "override"
    below = one_thought(hunger=0.75, sugar_guess=0.5, fear_guess=0.0)
    assert below.innate == 0.25 and below.mode == "defer"
    negative = one_thought(hunger=0.5, sugar_guess=0.9, fear_guess=0.3)
    assert negative.innate == -0.3 and negative.mode == "override"
    # every verdict on the sliders' grid: overrides exactly when the two-decimal verdict is 0.3 or more either way
    grid = [i / 20 for i in range(21)]
    for hunger in grid:
        for sugar in grid:
            for fear in grid:
                t = one_thought(hunger=hunger, sugar_guess=sugar, fear_guess=fear)
                assert t.innate == round(t.innate, 2)
                assert (t.mode == "override") == (abs(float(f"{t.innate:.2f}")) >= OVERRIDE_AT)


def test_the_innate_verdict_is_never_negative_zero():
    """Issue 32: the API said innate_verdict -0.0 (no sugar expected, hungry below half: 0 x -0.6 = -0.0)."""
    t = one_thought(hunger=0.2, sugar_guess=0.0, fear_guess=0.0)
    assert t.innate == 0 and math.copysign(1, t.innate) == 1


def test_hunger_decides_the_fate_of_the_same_thought():
    hungry, full = one_thought(**{**BASE, "hunger": 0.9}), one_thought(**{**BASE, "hunger": 0.0})
    assert hungry.kept and not full.kept
    scared = one_thought(**{**BASE, "fear_guess": 1.0})
    assert scared.mode == "override" and not scared.kept


# ------------------------------------------------------------------ long-term predictor

ARGS = dict(mode="defer", truth=0.8, override_rate=1.0, override_until=300, delay=5, lr=0.2, initial=0.0, trials=200)


@pytest.mark.parametrize("initial", [0.0, 0.35, 1.0])
@pytest.mark.parametrize("truth", [0.0, 0.5, 1.0])
def test_without_overrides_a_guess_trained_on_itself_never_moves(initial, truth):
    r = predictor(**{**ARGS, "override_rate": 0.0, "initial": initial, "truth": truth})
    assert r.override_count == 0
    assert np.all(r.weights == initial) and r.anticipation == initial


def test_overrides_pass_the_truth_back_to_the_cue():
    r = predictor(**ARGS)
    assert abs(r.final_guess - r.observed) < 0.15
    assert r.anticipation == r.weights[-2, 0]   # deferring: the signal at the cue is the guess going in
    rare = predictor(**{**ARGS, "override_rate": 0.2, "trials": 300, "lr": 0.1})
    assert 0 < rare.override_count < 300 and abs(rare.final_guess - rare.observed) < 0.25


def test_override_throughout_gives_no_anticipation():
    r = predictor(**{**ARGS, "mode": "override", "initial": 1.0})
    assert r.anticipation == 0 and r.final_guess < 0.01   # the cue-time weight learns the next step: 0
    assert abs(r.weights[-1, -1] - r.observed) < 0.25     # only the step before the outcome learns it


def trials_to_learn(delay: int) -> int:
    r = predictor(**{**ARGS, "truth": 1.0, "delay": delay, "trials": 300})
    return int(np.argmax(r.cue_guesses() > 0.5))


def test_a_longer_delay_passes_the_correction_back_more_slowly():
    steps = [trials_to_learn(d) for d in (1, 3, 8, 16)]
    assert steps == sorted(steps) and steps[0] < steps[-1]


# ------------------------------------------------------------------ alignment

def test_both_links_make_intent_alignment():
    a = alignment(loophole=0.0, misvalue=0.0, tried="two")
    assert a.outer and a.inner and a.intent and a.chosen == "task"


def test_a_loophole_paying_as_much_as_the_task_breaks_outer_alignment():
    a = alignment(loophole=1.5, misvalue=0.0, tried="two")
    assert not a.outer and a.inner and not a.intent and a.chosen == "loophole"
    tie = alignment(loophole=1.0, misvalue=0.0, tried="two")
    assert not tie.outer and not tie.intent



@pytest.mark.parametrize("loophole", [0.1, 0.5, 0.9])
def test_any_positive_reward_for_gaming_the_score_is_outer_misalignment(loophole):
    """Byrnes: outer misalignment is a reward function that pays positive rewards for behaviour contrary to
    what the designer wanted. The loophole was meant to be worth 0, so paying 0.1 to 0.9 for it breaks the
    link even though the task (1) still pays more and is still chosen. The second review found 'outer
    aligned ... Both links hold: intent alignment' at every loophole from 0.1 to 0.9."""
    a = alignment(loophole=loophole, misvalue=0.0, tried="two")
    assert not a.outer and a.inner and not a.intent and a.does_task


def test_training_corrects_the_value_function_only_on_the_plans_it_tries():
    a = alignment(loophole=0.0, misvalue=1.5, tried="two")
    values = {p.id: p for p in a.plans}
    assert abs(values["task"].value - 1.0) < 0.01 and abs(values["loophole"].value) < 0.01
    assert values["novel"].value == 1.5 and not a.inner and a.outer and a.chosen == "novel"
    assert alignment(loophole=0.0, misvalue=1.5, tried="all").intent
    small = alignment(loophole=0.0, misvalue=0.5, tried="two")   # misjudged, but not enough to change the choice
    assert not small.inner and not small.intent and small.does_task


def test_after_the_overrides_stop_nothing_new_is_learned():
    stopped = predictor(**{**ARGS, "override_until": 20, "trials": 300})
    assert stopped.override_count <= 20
    at_stop = stopped.weights[20]
    # From then on each guess only learns from the next one: they even out inside what was known at trial 20.
    assert at_stop.min() - 1e-12 <= stopped.weights[20:].min() and stopped.weights[20:].max() <= at_stop.max() + 1e-12
    assert np.ptp(stopped.weights[-1]) < 0.01


# ------------------------------------------------------------------ preferences about preferences

def test_means_end_reasoning_recruits_a_matching_second_order_want():
    for first in (0.8, -0.6):
        r = preferences(first=first, means_end=0.5, social=0.0, access="thinking")
        assert r.first_dystonic is None and np.sign(r.second[-1]) == np.sign(first) and abs(r.second[-1]) > 0.1


def test_without_means_end_or_social_pull_no_second_order_want_forms():
    r = preferences(first=0.8, means_end=0.0, social=0.0, access="hack")
    assert np.all(r.second == 0) and r.end == ("yes", "neither")


def test_shame_makes_a_mismatch_that_persists_when_it_cannot_act():
    r = preferences(first=0.8, means_end=0.5, social=-1.0, access="none")
    assert r.first_dystonic is not None and r.dystonic_at[-1] and r.end == ("yes", "no")


def test_a_mismatch_resolves_by_changing_the_first_order_want_when_it_can_act():
    r = preferences(first=0.8, means_end=0.5, social=-1.0, access="hack")
    assert r.first_dystonic is not None and not r.dystonic_at[-1] and r.first_flipped and r.end[0] == "no"
    good = preferences(first=-0.6, means_end=0.5, social=1.0, access="hack")
    assert good.first_dystonic is not None and good.end == ("yes", "yes")


def test_an_answer_is_decided_on_the_value_as_shown_exactly_at_the_threshold():
    """The help says: above +0.1, yes; below -0.1, no. A value shown as +0.10 (0.1049) is not above +0.1,
    and +0.11 (0.1051) is; the same both ways round, and for a mismatch at a time."""
    assert stance(0.1049) == "neither" and stance(0.1) == "neither" and stance(0.1051) == "yes"
    assert stance(-0.1049) == "neither" and stance(-0.1051) == "no"
    r = preferences(first=0.8, means_end=0.5, social=-1.0, access="none")
    for i in range(len(r.first)):
        a, b = stance(float(r.first[i])), stance(float(r.second[i]))
        assert bool(r.dystonic_at[i]) == ({a, b} == {"yes", "no"})


def test_weak_shame_is_outweighed_by_means_end_reasoning():
    r = preferences(first=0.8, means_end=0.5, social=-0.3, access="none")
    assert r.first_dystonic is None and r.end[1] == "yes"


def test_the_plans_names_do_not_depend_on_which_plans_training_tried():
    """What training tried is the model's `tried`; 'never tried' is worded from it by the presenter, so the model's
    names are the same whichever plans were tried."""
    run = PAGE.widget("alignment").at_defaults
    two, every = run(tried="two"), run(tried="all")
    assert [p.label for p in two.plans] == [p.label for p in every.plans]
    assert [p.tried for p in two.plans] == [True, True, False] and all(p.tried for p in every.plans)
