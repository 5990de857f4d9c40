"""The big-picture claims, each checked from what it means against the model's numbers at hand-checked
states (the defect URLs of issue 32 among them). The dense sweep of every claim's predicates is
tests/test_truths.py; this file does not repeat the presenters' branches."""
from __future__ import annotations

import re

import pytest

from app.wording import faults, pct

from .page import ALIGNMENT, PREDICTOR, PREFERENCES, THOUGHT


def said(widget, **changes):
    """The widget's result and its claim sentences at its defaults with `changes` (page units)."""
    result = widget.run({**widget.defaults(), **changes})
    return result, widget.claim_texts(result)


# ------------------------------------------------------------------------------ one thought

def test_a_verdict_shown_as_0_30_overrides_where_it_used_to_be_called_too_weak():
    """Issue 32: ?sugar_guess=50&hunger=95&fear_guess=15&step=5 said "its own verdict (+0.30) is too weak
    to override (under ±0.3)". 0.5 x (2 x 0.95 - 1) - 0.15 is 0.30: on the threshold, so it overrides."""
    state = {**THOUGHT.defaults(), "sugar_guess": 50, "hunger": 95, "fear_guess": 15, "step": 5}
    t = THOUGHT.run(state)
    text = THOUGHT.panels[0].present(t, state)["text"]
    assert "its own verdict (+0.30) is strong enough to override" in text and "too weak" not in text
    assert THOUGHT.claim_texts(t)["decision"].startswith("At these settings the Steering Subsystem overrides, "
                                                         "the actual valence is +0.30")


def test_a_verdict_just_under_the_threshold_defers_and_says_why():
    """0.5 x 0.5 - 0 = +0.25: under 0.3, so the Steering Subsystem takes the guess (+0.20)."""
    state = {**THOUGHT.defaults(), "sugar_guess": 50, "hunger": 75, "step": 5}
    t = THOUGHT.run(state)
    assert "its own verdict (+0.25) is too weak to override (under ±0.3), so it defers to the guess: the actual " \
           "valence is +0.20" in THOUGHT.panels[0].present(t, state)["text"]
    assert "the Steering Subsystem defers, the actual valence is +0.20, and the thought is kept" in \
        THOUGHT.claim_texts(t)["decision"]


def test_neutral_hunger_defers_and_nothing_is_learned():
    """The prose's "Make the hunger neutral" link: hunger 50% makes the sugar term 0 and fear is 0."""
    _, text = said(THOUGHT, step=5, hunger=50)
    assert "defers, the actual valence is +0.20, and the thought is kept" in text["decision"]
    assert text["learning"] == ("It deferred, so the valence assessor's training target was its own guess, and it "
                                "stays at +0.20: nothing tells it whether the guess was right.")


def test_starving_with_a_pessimistic_guess_overrides_and_corrects_it_halfway():
    """The prose's "Starve it" link: 0.9 x (2 x 1 - 1) = +0.90 overrides; the guess moves half the way, -0.50 to +0.20."""
    _, text = said(THOUGHT, step=6, hunger=100, valence_guess=-0.5)
    assert "overrides, the actual valence is +0.90, and the thought is kept" in text["decision"]
    assert "its guess moves from −0.50 toward the actual valence +0.90, to +0.20." in text["learning"]


def test_an_override_that_agrees_with_the_guess_corrects_nothing():
    _, text = said(THOUGHT, hunger=100, valence_guess=0.9)
    assert text["learning"] == ("It overrode, but with the value the assessor had guessed (+0.90), so there is "
                                "nothing to correct.")


def test_a_correction_of_one_hundredth_is_shown_to_three_decimals():
    """0.35 x 0.9 = 0.315 is read as +0.31; the guess +0.30 moves half way, to 0.305, which two decimals
    would show as one of its ends."""
    t, text = said(THOUGHT, sugar_guess=35, hunger=95, valence_guess=0.3)
    assert t.valence == 0.31 and "moves from +0.30 toward the actual valence +0.31, to +0.305." in text["learning"]


def test_the_hunger_help_says_how_bad_sugar_is_when_full_as_the_verdicts_have_it():
    """At hunger 0%, sugar 100% and no fear the verdict is −1.00, the bottom of the scale and as strong as at hunger
    100% the other way: the hunger help may not call sugar 'mildly' bad when full, and says the two ends match."""
    hunger = next(p for p in THOUGHT.params if p.name == "hunger")
    full, _ = said(THOUGHT, hunger=0, sugar_guess=100, fear_guess=0, step=5)
    starving, _ = said(THOUGHT, hunger=100, sugar_guess=100, fear_guess=0, step=5)
    assert full.innate == -1 == -starving.innate
    assert "mild" not in hunger.help and "(0% is as negative as 100% is positive)" in hunger.help, hunger.help


def test_the_hunger_help_says_the_rule_in_plain_steps_as_the_verdicts_have_it():
    """A newcomer could not follow 'the sugar guess counts for the thought above 50% hunger and against it below, the
    more the further from 50%'. The help now says it in steps; each step is checked against the innate verdicts."""
    hunger = next(p for p in THOUGHT.params if p.name == "hunger")
    assert ("above 50% hunger, expecting sugar makes the thought better; below 50%, worse. The further from 50%, the "
            "stronger the effect") in hunger.help, hunger.help
    innate = {h: said(THOUGHT, hunger=h, sugar_guess=100, fear_guess=0, step=5)[0].innate for h in (0, 25, 50, 75, 100)}
    assert innate[75] > innate[50] == 0 > innate[25] and innate[100] > innate[75] and innate[0] < innate[25]


def test_the_describe_help_says_each_of_byrnes_edits_as_old_word_becomes_new():
    """A newcomer read 'a training run for a lifetime' as a training run lasting a lifetime. The help now says which
    word becomes which, as the AGI drawing strikes them out."""
    view = next(p for p in THOUGHT.params if p.name == "view")
    assert "“lifetime” becomes “training run”" in view.help, view.help
    assert "“genetically hard-coded” becomes “[probably] human-written”" in view.help, view.help
    assert "a training run for a lifetime" not in view.help


def test_the_guess_after_bar_reads_the_value_the_sentence_says_the_guess_moved_to():
    """At hunger 5%, sugar 5%, fear 30% and a guess of −0.35 the innate verdict (−0.34) overrides and the learning
    sentence says the guess moves to −0.345; the chart's 'guess after' bar must read that, not −0.35 like the guess."""
    t, text = said(THOUGHT, hunger=5, sugar_guess=5, fear_guess=30, valence_guess=-0.35, step=7)
    moved_to = re.search(r"toward the actual valence \S+, to (\S+)\.", text["learning"]).group(1)
    bars = dict(zip(*(THOUGHT.render_figures(t)["valence"]["data"][0][key] for key in ("x", "text"))))
    assert moved_to == "−0.345" and bars["guess<br>after"] == moved_to and bars["guess"] != moved_to


def test_a_full_stomach_and_no_fear_discards_a_doubtful_thought():
    """Hunger 0 makes sugar bad: 0.9 x (-1) = -0.90 overrides; the thought is discarded."""
    _, text = said(THOUGHT, hunger=0)
    assert "overrides, the actual valence is −0.90, and the thought is discarded." in text["decision"]


# ------------------------------------------------------------------------------ predictor

def test_never_overriding_keeps_a_confident_wrong_guess_alive():
    """The prose's link: no overrides from 100%. The outcome came in 80% of trials; the guess stays 100%."""
    r, text = said(PREDICTOR, override_rate=0, initial=100)
    assert r.override_count == 0 and r.observed == 0.8 and r.final_guess == 1.0
    assert "is still 100% after 60 trials, while the outcome followed the cue 80% of the time" in text["persistence"]
    assert "self-fulfilling prophecy" in text["persistence"]
    summary = PREDICTOR.summary(r)
    assert "never overrode" in summary and "stayed at 100%" in summary and "0 times" not in summary


def test_with_overrides_the_guess_learns_the_outcome_rate():
    """Defaults: 60 overrides; the guess at the cue climbs from 0% to 81%, 1 point from the observed 80%."""
    r, text = said(PREDICTOR)
    assert r.override_count == 60 and round(r.final_guess, 2) == 0.81 and r.observed == 0.8
    assert "overrode 60 times" in text["persistence"] and "went from 0% before the first trial to 81% after the last, in line with how often the outcome happened" in text["persistence"]
    assert "already 81% when the cue appeared, 5 steps before the outcome was due" in text["anticipation"]
    assert "only 1 point from how often the outcome followed the cue (80%)" in text["anticipation"]
    assert "within 15" not in text["anticipation"] + text["persistence"]


def test_one_override_is_one_time():
    """Issue 32's state that said "overrode 1 times"."""
    r, text = said(PREDICTOR, override_rate=10, override_until=10, truth=15, delay=20, lr=0.25, initial=20, trials=110)
    assert r.override_count == 1
    for sentence in (PREDICTOR.summary(r), text["persistence"]):
        assert "overrode 1 time" in sentence and "1 times" not in sentence


def test_a_long_delay_and_slow_learning_never_reach_the_cue():
    """The prose: "with a delay of 20 and a learning rate of 0.05 the corrections have not reached the cue after
    the default 60 trials"."""
    r, text = said(PREDICTOR, delay=20, lr=0.05)
    assert r.override_count == 60 and round(r.final_guess, 2) == 0.0
    assert ("its corrections, made at the outcome, have not yet carried back to the cue enough to show: the guess there is still 0%"
            in text["persistence"])


@pytest.mark.parametrize("changes", [dict(override_rate=0, initial=0), dict(override_until=0),
                                     dict(override_rate=100, override_until=10, truth=20, delay=20, lr=0.05)])
def test_a_guess_that_can_never_move_is_not_said_to_expect_nothing_yet(changes):
    """The prose's 'from no expectation' link (override_rate=0&initial=0): nothing ever checks the outcome, so
    deferring trains each guess only toward the next and the guess at the cue stays 0% for good; 'expected next to
    nothing yet' promised learning to come. Likewise where the checks stopped and left every guess under 5%."""
    r, text = said(PREDICTOR, **changes)
    never_checked_again = r.override_count == 0 or changes["override_until"] < r.trials
    assert never_checked_again and max(round(100 * g) for g in r.weights[-1]) < 5 <= round(100 * r.observed)
    assert "yet" not in text["anticipation"] and "it will never learn to expect more" in text["anticipation"], text["anticipation"]
    wrong = text["anticipation"].split(": the predictor")[0] + (": the predictor expected next to nothing yet, so "
                                                                "nothing was anticipated.")
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]


def test_a_guess_still_being_checked_expects_nothing_yet():
    """With a delay of 20 and a learning rate of 0.05 the checks go on to the last trial but have not reached the
    cue: there, learning is under way, and 'yet' is right."""
    _, text = said(PREDICTOR, delay=20, lr=0.05)
    assert "the predictor expected next to nothing yet" in text["anticipation"], text["anticipation"]


def test_overriding_throughout_anticipates_nothing():
    r, text = said(PREDICTOR, mode="override")
    assert r.anticipation == 0 and not r.signals[:, :r.delay].any()
    assert text["anticipation"].startswith("Overriding throughout, the signal is 0% when the cue appears")
    assert "5 steps later" in text["anticipation"]


def test_within_15_points_is_decided_on_the_percentages_shown():
    """Decisions on the value as shown, exactly on the threshold: with no overrides the guess stays at 5% and
    the outcome came in 2 of 10 trials (20%). 0.20 - 0.05 is 0.15000000000000002 in floating point, which
    once read as "15 points off"; the reader sees 5% and 20%, 15 points apart: within 15."""
    r, text = said(PREDICTOR, override_rate=0, truth=25, initial=5, trials=10)
    assert r.observed == 0.2 and r.anticipation == 0.05 and r.observed - r.anticipation > 0.15
    assert "That is 15 points from how often the outcome followed the cue (20%)" in text["anticipation"]
    assert "within 15 points of the truth" in text["persistence"]
    # one point further: 10% against 26% (13 of 50 trials) is 16 points off
    r, text = said(PREDICTOR, override_rate=0, truth=25, initial=10, trials=50)
    assert r.observed == 0.26 and "but that signal was 16 points off how often the event really came (26%)" in text["anticipation"]
    assert "more than 15 points off" in text["persistence"]


# ------------------------------------------------------------------------------ alignment

@pytest.mark.parametrize("changes,outer,inner,end", [
    ({}, "(outer aligned)", "(inner aligned)", "Both links hold"),
    ({"loophole": 1.5}, "pays 1.50 for “game the score”", "(inner aligned)", "goes for “game the score”"),
    ({"loophole": 1}, "pays 1.00 for “game the score”, which the designer meant to be worth nothing: as much as "
                      "the 1.00 it pays for the task (outer misaligned)", "(inner aligned)", "luck, not intent alignment"),
    ({"misvalue": 1.5}, "(outer aligned)", "rates “a new plan never tried” at 1.50 though it would bring 0.00",
     "goes for “a new plan never tried”"),
    ({"misvalue": 0.5}, "(outer aligned)", "at 0.50 though it would bring 0.00", "nothing guarantees that"),
    ({"misvalue": 1.5, "tried": "all"}, "(outer aligned)", "(inner aligned)", "Both links hold"),
])
def test_the_alignment_verdict_names_each_link(changes, outer, inner, end):
    """Hand-checked: a loophole paying 1.5 beats the task's 1 (outer); a never-tried plan keeps its error of
    1.5 and beats the task's 1 (inner); an error of 0.5 misjudges it without changing the choice (the task leads by
    0.5, which nothing guarantees); a tie of 1 against 1 is outer misaligned, and goes to the task by luck."""
    _, text = said(ALIGNMENT, **changes)
    assert outer in text["verdict"] and inner in text["verdict"] and end in text["verdict"]


def test_a_task_the_reward_ranks_first_and_the_value_copies_is_not_picked_by_luck(client):
    """/big-picture?loophole=0.1&tried=two&misvalue=0#widget-alignment: the reward pays the task 1.00 against 0.10 for
    gaming the score and the value function copies the reward, so the ranking picks the task; 'with a link broken
    that is luck' was wrong. Still not intent alignment: a reward for something unwanted is outer misalignment."""
    answer = client.get("/api/big-picture/alignment?loophole=0.1&tried=two&misvalue=0").json()
    plans = {p["id"]: p for p in answer["plans"]}
    assert plans["task"]["reward"] > max(plans["loophole"]["reward"], plans["novel"]["reward"])
    assert all(abs(p["value"] - p["reward"]) < 0.05 for p in plans.values()) and answer["chosen"] == "task"
    assert answer["outer_aligned"] is False and answer["intent_aligned"] is False
    verdict = answer["claims"]["verdict"]
    assert "luck" not in verdict
    assert verdict.endswith("The agent picks the task because the reward function still pays it most and the value "
                            "function copies the reward; but by our reading paying for something unwanted is outer "
                            "misalignment all the same, so this is not intent alignment."), verdict
    r = ALIGNMENT.run({"loophole": 0.1, "tried": "two", "misvalue": 0})
    assert not _caught(ALIGNMENT, r, verdict)
    assert _caught(ALIGNMENT, r, verdict.split(" The agent")[0] + " The agent still picks the task as meant, but with "
                                                                  "a link broken that is luck, not intent alignment.")
    wrong = ALIGNMENT.run({"loophole": 0.1, "tried": "two", "misvalue": 0.5})   # the value no longer copies the reward
    assert _caught(ALIGNMENT, wrong, verdict)


def _caught(widget, result, old_text):
    """The widget's declared predicates that flag a sentence the page used to say at this state."""
    return [f for t in widget.all_truths for f in t.failures(result, old_text)]


def test_a_loophole_that_pays_less_than_the_task_still_breaks_outer_alignment(client):
    """The second review: at loophole 0.5 the reward function pays half the task's reward for gaming the
    score, which the designer meant to be worth 0, and the page said 'outer aligned ... Both links hold:
    intent alignment'. By Byrnes's definition a positive reward for what the designer did not want is outer
    misalignment; the agent still does the task (1.00 against 0.50), because the reward ranks it first, which is
    not intent alignment."""
    url = "/api/big-picture/alignment?loophole=0.5&tried=two&misvalue=0"
    answer = client.get(url).json()
    verdict = answer["claims"]["verdict"]
    assert answer["outer_aligned"] is False and answer["intent_aligned"] is False and answer["does_the_task"] is True
    assert ("pays 0.50 for “game the score”, which the designer meant to be worth nothing: less than the 1.00 it "
            "pays for the task, yet still a reward for something unwanted (outer misaligned, by our strict reading)") in verdict
    assert "Both links hold" not in verdict and "so this is not intent alignment" in verdict
    r = ALIGNMENT.run({"loophole": 0.5, "tried": "two", "misvalue": 0})
    assert _caught(ALIGNMENT, r, "Here the reward function pays more for the task as meant than for anything else "
                                 "(outer aligned), and the value function rates every plan at the reward it would "
                                 "bring (inner aligned). Both links hold: intent alignment, and the agent does the "
                                 "task as meant.")


def test_a_loophole_paid_less_than_the_task_is_outer_misaligned_only_by_our_reading(client):
    """/big-picture?loophole=0.4&tried=two&misvalue=0#widget-alignment: the task pays 1.00 and every unwanted plan
    less (0.40, 0.00), which Byrnes's wording (higher reward when the AGI does what the designer intends, lower when
    not) allows; the page called it outer misaligned as if his definition said so. The strict reading is ours, and
    the sentence and the prose now say so."""
    verdict = client.get("/api/big-picture/alignment?loophole=0.4&tried=two&misvalue=0").json()["claims"]["verdict"]
    assert ("pays 0.40 for “game the score”, which the designer meant to be worth nothing: less than the 1.00 it pays "
            "for the task, yet still a reward for something unwanted (outer misaligned, by our strict reading)") in verdict
    r = ALIGNMENT.run({"loophole": 0.4, "tried": "two", "misvalue": 0})
    assert not _caught(ALIGNMENT, r, verdict)
    assert _caught(ALIGNMENT, r, verdict.replace(", by our strict reading)", ")"))
    over = ALIGNMENT.run({"loophole": 1.5, "tried": "two", "misvalue": 0})   # paid more than the task: his rule too
    assert ", by our strict reading" not in ALIGNMENT.claim_texts(over)["verdict"]
    assert _caught(ALIGNMENT, over, ALIGNMENT.claim_texts(over)["verdict"].replace("(outer misaligned)",
                                                                                   "(outer misaligned, by our strict reading)"))
    prose = " ".join(re.sub(r"<[^>]+>", " ", client.get("/big-picture").text).split())
    assert "in Byrnes's definition the reward goes up" not in prose
    assert ("Byrnes asks that the reward be higher when the AGI does what the designer intends and lower when it does "
            "not. Our model reads that strictly") in prose


@pytest.mark.parametrize("changes,lead", [({"loophole": 0.1, "misvalue": 0.1}, "0.90"),
                                          ({"loophole": 0.5, "misvalue": 0.5}, "0.50")])
def test_a_task_chosen_by_a_wide_margin_with_both_links_broken_is_not_called_luck(client, changes, lead):
    """/big-picture?loophole=0.1&tried=two&misvalue=0.1#widget-alignment: the task is valued 1.00 against 0.10 and
    0.10, so the agent picks it by 0.90, yet the verdict said 'with both links broken that is luck'. Luck is kept for
    a tie or a small lead; here the lead is said, and that nothing guarantees it (not that the errors are smaller than
    the lead: at loophole=0.3&misvalue=0.7 the value error, 0.70, is larger than the 0.30 lead)."""
    answer = client.get("/api/big-picture/alignment?tried=two&" + "&".join(f"{k}={v:g}" for k, v in changes.items())).json()
    values = sorted((p["value"] for p in answer["plans"]), reverse=True)
    assert answer["chosen"] == "task" and f"{values[0] - values[1]:.2f}" == lead
    verdict = answer["claims"]["verdict"]
    assert "luck" not in verdict
    assert verdict.endswith(f"The agent still picks the task as meant, by {lead} in value. But with both links broken "
                            f"nothing guarantees that: not intent alignment."), verdict
    r = ALIGNMENT.run({"tried": "two", **changes})
    assert not _caught(ALIGNMENT, r, verdict)
    assert _caught(ALIGNMENT, r, verdict.split(" The agent")[0] + " The agent still picks the task as meant, but with "
                                                                  "both links broken that is luck, not intent alignment.")
    assert _caught(ALIGNMENT, r, verdict.replace(f"by {lead} in value", "by 0.70 in value"))
    close = ALIGNMENT.run({"loophole": 0.8, "tried": "two", "misvalue": 0.9})   # by only 0.10, over a misvalued plan: luck
    said_close = ALIGNMENT.claim_texts(close)["verdict"]
    assert said_close.endswith("The agent still picks the task as meant, but by only 0.10 in value; with both links "
                               "broken that is luck, not intent alignment."), said_close
    assert _caught(ALIGNMENT, close, said_close.split(" The agent")[0] + f" The agent still picks the task as meant, by "
                                     "0.10 in value. But with both links broken nothing guarantees that: not intent "
                                     "alignment.")
    for loophole, misvalue in ((0.3, 0.7), (0.5, 0.6)):       # errors larger than the lead: never said smaller
        a = ALIGNMENT.run({"loophole": loophole, "tried": "two", "misvalue": misvalue})
        assert "smaller than" not in ALIGNMENT.claim_texts(a)["verdict"]


def test_more_than_fifteen_points_from_not_of(client):
    """The second review: a delay of 20 steps at a learning rate of 0.2 brings the cue's guess from 0% to only
    1% in 60 trials, against an observed 80%; the page said 'still more than 15 points of how often'."""
    url = ("/api/big-picture/predictor?mode=defer&override_rate=100&override_until=300&truth=80&delay=20&lr=0.2"
           "&initial=0&trials=60")
    persistence = client.get(url).json()["claims"]["persistence"]
    assert persistence.endswith("the guess went from 0% before the first trial to 1% after the last, still more than 15 points from how often the "
                                "outcome happened (80%).")
    r, _ = said(PREDICTOR, delay=20)
    assert _caught(PREDICTOR, r, "still more than 15 points of how often the outcome happened (80%).")


# ------------------------------------------------------------------------------ preferences

def test_means_end_reasoning_makes_the_two_agree():
    r, text = said(PREFERENCES)
    assert r.first[-1] > 0.1 and r.second[-1] > 0.1
    assert text["mismatch"] == "No mismatch appears: at the end the two agree (both positive)."


def test_shame_it_cannot_act_on_leaves_a_lasting_mismatch():
    r, text = said(PREFERENCES, social=-1, access="none")
    assert round(r.first[-1], 2) == 0.8 and round(r.second[-1], 2) == -0.4
    assert text["mismatch"] == ("A mismatch appears at time 0.2 and is still there at the end: the AGI values obeying "
                                "the law and dislikes valuing it.")


def test_shame_it_can_act_on_changes_what_it_values():
    r, text = said(PREFERENCES, social=-1, access="hack")
    assert r.first[0] > 0.1 and r.first[-1] < -0.1
    assert text["mismatch"].endswith("resolves it by changing its first-order value: now it dislikes obeying the law.")


# ------------------------------------------------------------------------------ the page

def visible_text(html: str) -> str:
    body = re.sub(r"(?s)<(script|style|template)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_a_one_step_delay_is_not_written_1_steps(client):
    """Issue 32: ?delay=1 said "1 steps later" (the slider's unit after the prose's draggable number)."""
    text = visible_text(client.get("/big-picture?delay=1").text)
    assert faults(text) == [] and "1 steps" not in text


# ------------------------------------------------------------------- the caption is not the prose (issue 33)

from sweep import repeats as _repeats  # noqa: E402  (claims a summary repeats)


def test_the_alignment_caption_reads_the_bars_and_leaves_the_verdict_to_the_prose():
    """Issue 33: the caption was the verdict claim itself, so it was heard twice."""
    r, text = said(ALIGNMENT)
    assert ALIGNMENT.summary(r) == (
        "What the designer wants, the reward function pays and the value function expects, plan by plan: "
        "“do the task as meant” 1.00, 1.00, 1.00; “game the score” 0.00, 0.00, 0.00; “a new plan never tried” "
        "0.00, 0.00, 0.00. The agent picks the plan its value function rates highest (a tie, as shown, goes to the plan "
        "listed first), marked ▶: “do the task as meant”.")
    assert not _repeats(ALIGNMENT.summary(r), text)
    r, text = said(ALIGNMENT, loophole=1.5)
    assert "“game the score” 0.00, 1.50, 1.50;" in ALIGNMENT.summary(r)
    assert ALIGNMENT.summary(r).endswith("marked ▶: “game the score”.") and not _repeats(ALIGNMENT.summary(r), text)


# ------------------------------------------------------------------- third review: one quantity, one number

OLD_63 = ("Deferring, the signal is already 63% when the cue appears, 1 step before the outcome is due: a reaction "
          "ahead of the event, but 17 points off how often the event really came (80%).")
OLD_70 = ("The innate circuitry overrode 60 times at the outcome, and its corrections were passed back, step by step, "
          "to the cue: the guess there went from 0% to 70%, in line with the outcomes it was checked against.")


def test_the_signal_in_the_last_trial_and_the_guess_after_it_are_named_apart(client):
    """Third review: at a one-step delay the page called the cue's signal "63% … 17 points off" and the cue's
    guess "70%, in line with the outcomes": two numbers for what read as one. 63% is the guess going into the
    last trial (the signal it produced); 70% is the guess after that trial's correction. Each is now named, and
    a cue percentage quoted without saying when is allowed only where the two agree, as shown."""
    url = ("/api/big-picture/predictor?mode=defer&override_rate=100&override_until=300&truth=80&delay=1&lr=0.2"
           "&initial=0&trials=60")
    claims = client.get(url).json()["claims"]
    assert "in the last trial the signal was already 63% when the cue appeared" in claims["anticipation"]
    assert "that signal was 17 points off how often the event really came (80%)" in claims["anticipation"]
    # Review 5 (#2): with the guess 17 points off going into the last trial it is not 'in line with the outcomes'.
    assert ("went from 0% before the first trial to 70% after the last (63% going into the last trial). That last "
            "trial alone moved it 7 points, to within 15 points of") in claims["persistence"]
    r, _ = said(PREDICTOR, delay=1)
    assert round(r.anticipation, 2) == 0.63 and round(r.final_guess, 2) == 0.70
    assert _caught(PREDICTOR, r, OLD_63) and _caught(PREDICTOR, r, OLD_70)


def test_overrides_in_defer_mode_are_explained_by_the_override_sliders():
    """Newcomer: "defers to the predictor" next to "the innate circuitry overrode 60 times" read as a
    contradiction; the sentence now says the override sliders set how often a deferring system still checks."""
    r, text = said(PREDICTOR)
    assert r.mode == "defer" and r.override_count == 60
    assert text["persistence"].startswith("Even while deferring, the innate circuitry checks the real outcome on the "
                                          "share of trials the override sliders set. Here the innate circuitry "
                                          "overrode 60 times at the outcome")


@pytest.mark.parametrize("changes,tie,end", [
    ({"loophole": 1, "misvalue": 1}, "The plans “do the task as meant”, “game the score” and “a new plan never tried” "
                                     "tie at 1.00 in value", "so the agent still picks the task as meant"),
    ({"loophole": 1.5, "misvalue": 1.5}, "The plans “game the score” and “a new plan never tried” tie at 1.50 in value",
     "so the agent goes for “game the score”"),
])
def test_values_that_tie_as_shown_are_called_a_tie_with_its_rule(client, changes, tie, end):
    """Third review: every plan the agent weighs showed 1.00 (or the two best 1.50), yet the verdict said
    the agent picks one, decided by 1/4096 of the starting error left on the tried plans, too small to show.
    The model compares the values as shown and gives a tie to the plan listed first; the verdict says so."""
    url = "/api/big-picture/alignment?" + "&".join(f"{k}={v:g}" for k, v in {**changes, "tried": 0}.items()
                                                   ).replace("tried=0", "tried=two")
    verdict = client.get(url).json()["claims"]["verdict"]
    assert tie + ", and a tie goes to the plan listed first, " + end in verdict
    r = ALIGNMENT.run({"tried": "two", **changes})
    old = ("The agent still picks the task as meant, but with a link broken that is luck, not intent alignment."
           if changes["loophole"] == 1 else "So the agent goes for “game the score”: not what the designer intended.")
    assert _caught(ALIGNMENT, r, old)


def test_the_outer_and_inner_alignment_pop_ups_define_the_term_first(client):
    """Third review: on /big-picture the pop-up for "Outer alignment" opened with "A mismatch between…", which
    defines the opposite. Each definition now opens with the term it is shown for."""
    html = client.get("/big-picture").text
    for term in ("Outer alignment", "Inner alignment"):
        at = html.index(f">{term}<")
        tip = re.search(r'<span class="tip" role="tooltip"[^>]*>([^<]*)</span>', html[at:]).group(1)
        assert tip.startswith(f"{term}: ") and not tip.startswith("A mismatch"), tip


def test_training_corrects_every_plan_it_tries_to_its_reward_exactly(client):
    """'Training corrects every plan it tries, so the error is gone': from any state, a tried plan's value is its
    reward exactly, so a tie the verdict reports ('tie at 1.00', /big-picture?misvalue=1) is a tie in the API's
    numbers too (training used to leave 1/4096 of the error: 1.000244 against 1.0), and with every plan tried
    both links hold."""
    for loophole in ALIGNMENT.param("loophole").grid():
        for misvalue in ALIGNMENT.param("misvalue").grid():
            for tried in ("two", "all"):
                r = ALIGNMENT.run({"loophole": loophole, "misvalue": misvalue, "tried": tried})
                for p in r.plans:
                    assert p.value == (p.reward if p.tried else p.reward + misvalue)
    api = client.get("/api/big-picture/alignment?misvalue=1").json()
    values = {p["id"]: p["value"] for p in api["plans"]}
    assert values["task"] == values["novel"] == 1
    assert "tie at 1.00" in api["claims"]["verdict"]
    text = " ".join(client.get("/big-picture?loophole=1.5&misvalue=0.5&tried=two").text.split())
    # The loophole and untried-plan experiments are the outer-and-inner-alignment page's; this page links there.
    assert 'href="/outer-and-inner-alignment#outer"' in text
    _, texts = said(ALIGNMENT, misvalue=1.5, tried="all")
    assert "Both links hold" in texts["verdict"]


# ------------------------------------------------------------------- review round 3

def test_expecting_nothing_of_an_outcome_that_never_comes_is_not_unfinished_learning():
    """Review 3 (B1, related), /big-picture?truth=0&initial=50: 'the predictor expected next to nothing yet, so nothing
    was anticipated (the outcome followed the cue 0% of the time)': 'yet' reads as learning not finished, where
    expecting nothing is the right answer."""
    r, text = said(PREDICTOR, truth=0, initial=50)
    assert r.observed == 0 and round(100 * r.anticipation) < 5
    assert "expected next to nothing yet" not in text["anticipation"]
    assert text["anticipation"].endswith("the predictor expected next to nothing, rightly, since the outcome never "
                                         "followed the cue: there was nothing to anticipate.")


def test_a_valence_of_zero_is_said_as_on_the_valence_page(client):
    """Review 4 (F7): at /big-picture?step=6&hunger=50&valence_guess=0 the page said "It is not positive, so the
    thought is discarded", where /valence says a valence of 0.00 leaves the thought "neither kept nor thrown out".
    Both now say the same: at exactly 0 neither, and the Thought Generator tries another."""
    text = " ".join(re.sub(r"<[^>]+>", " ", client.get("/big-picture?step=6&hunger=50&valence_guess=0").text).split())
    assert "actual valence 0.00" in text.lower() or "(0.00)" in text
    assert "discarded" not in text.replace("keeps or discards", "")
    assert "It is zero, so nothing keeps the thought going" in text


def test_a_valence_of_zero_does_not_leave_the_thought_both_kept_and_replaced():
    """/big-picture?step=6&hunger=50&sugar_guess=90&fear_guess=0&valence_guess=0&view=brain&colour=parts: the step
    said the thought was "neither kept nor thrown out" and, in the same breath, that the Thought Generator "tries
    another one" (so it was dropped). At 0 nothing keeps it going: it is not acted on, and another one comes."""
    state = {**THOUGHT.defaults(), "step": 6, "hunger": 50, "sugar_guess": 90, "fear_guess": 0, "valence_guess": 0}
    t = THOUGHT.run(state)
    view = THOUGHT.panels[0].present(t, state)
    assert t.valence == 0 and not t.kept
    shown = (view["text"], view["say"]["thought"], view["say"]["thought_said"])
    for text in shown:
        assert not ("neither kept nor thrown out" in text.lower() and "another" in text), text
    assert view["text"].endswith("It is zero, so nothing keeps the thought going: it is not acted on, and the Thought "
                                 "Generator drifts on to another one."), view["text"]
    assert not _caught(THOUGHT, t, view["text"])
    assert _caught(THOUGHT, THOUGHT.run({**state, "valence_guess": 0.05}), view["text"])


def test_a_plan_training_tried_is_not_labelled_never_tried(client):
    """Review 5 (#1), /big-picture?loophole=0&tried=all&misvalue=1.5 (the page's 'Then let training try all three
    plans'): the table's row read 'A new plan never tried | … | Tried in training: yes'."""
    api = client.get("/api/big-picture/alignment?tried=all&misvalue=1.5").json()
    for plan in api["plans"]:
        assert ("never tried" in plan["label"]) == (not plan["tried"]), plan
    a, text = said(ALIGNMENT, loophole=0, tried="all", misvalue=1.5)
    shown = [*text.values(), ALIGNMENT.summary(a), *(cell for row in ALIGNMENT.table(a).rows for cell in row)]
    assert not [t for t in shown if "never tried" in t]


@pytest.mark.parametrize("changes", [dict(delay=1, lr=0.8), dict(delay=1), dict(delay=3, lr=0.8)])
def test_a_guess_still_swinging_in_the_last_trial_is_not_called_in_line_with_the_outcomes(changes):
    """Review 5 (#2), /big-picture?delay=1&lr=0.8: the anticipation claim said the signal (17%) was '63 points off how
    often the event really came (80%)', and the persistence claim that the guess went '… to 83% after the last (17%
    going into the last trial), in line with the outcomes it was checked against'."""
    r, text = said(PREDICTOR, **changes)
    going_in, after, seen = (round(100 * x) for x in (r.anticipation, r.final_guess, r.observed))
    assert abs(going_in - seen) > 15 or abs(after - seen) > 15, "a state where the guess is not settled"
    assert "in line with" not in text["persistence"]
    assert ("the last few outcomes still sway it" in text["persistence"]
            or "still more than 15 points" in text["persistence"])


def test_the_override_rate_is_unavailable_when_overrides_stop_before_the_first_trial():
    """Review 5 (#16), /big-picture?override_rate=100&override_until=0: the rate changed nothing shown ('Nothing ever
    overrode…' at 100% and 50%) but was not marked unavailable (the symmetric case, override_until at rate 0, was)."""
    values = {**PREDICTOR.defaults(), "override_until": 0}
    assert "override_rate" in PREDICTOR.inactive(values)
    texts = [PREDICTOR.claim_texts(PREDICTOR.run({**values, "override_rate": rate})) for rate in (100, 50, 0)]
    assert texts[0] == texts[1] == texts[2]


@pytest.mark.parametrize("changes", [dict(override_rate=5, override_until=20, truth=50, initial=50, lr=0.05, trials=300,
                                          delay=5),
                                     dict(override_rate=10, override_until=20, truth=50, delay=5, lr=0.05, initial=50,
                                          trials=300)])
def test_a_guess_that_started_near_the_truth_is_not_credited_to_the_checks(client, changes):
    """Review 6 F3, /big-picture?override_rate=5&override_until=20&truth=50&initial=50&lr=0.05&trials=300&delay=5:
    one override, and 'its corrections were passed back … 50% before the first trial to 48% after the last, in line
    with the outcomes it was checked against': the guess started within 15 points of the outcomes' rate, and one
    check is not 'corrections'. The sentence says it started close, and counts the corrections."""
    query = "&".join(f"{k}={v}" for k, v in changes.items())
    text = client.get(f"/api/big-picture/predictor?{query}").json()["claims"]["persistence"]
    r, _ = said(PREDICTOR, **changes)
    assert "in line with how often the outcome happened" not in text, text
    assert "it had started within 15 points of how often the outcome happened" in text, text
    if r.override_count == 1:
        assert "corrections" not in text, text


@pytest.mark.parametrize("trials", [300, 10])
def test_a_signal_shown_under_5_percent_is_not_followed_by_the_threshold(client, trials):
    """Review 6 A5, /big-picture?override_until=0&truth=100&delay=1&lr=1&trials=300#widget-predictor: 'the signal was
    0% when the cue appeared (under 5%)': the threshold said after a number plainly below it."""
    text = client.get(f"/api/big-picture/predictor?override_until=0&truth=100&delay=1&lr=1&trials={trials}").json()
    said = text["claims"]["anticipation"]
    assert "(under 5%)" not in said and "when the cue appeared: the predictor expected next to nothing" in said, said


def test_checks_that_moved_the_guess_far_are_not_said_to_have_had_little_to_correct(client):
    """Review 7 N4, /big-picture?mode=defer&override_rate=45&override_until=190&truth=10&delay=18&lr=0.25&initial=25
    &trials=220: the guess went from 25% to 8% after 85 checks, 'so the checks had little to correct'. That is said
    only where the checks barely moved the guess; here the sentence says how far they moved it."""
    changes = dict(mode="defer", override_rate=45, override_until=190, truth=10, delay=18, lr=0.25, initial=25,
                   trials=220)
    query = "&".join(f"{k}={v}" for k, v in changes.items())
    text = client.get(f"/api/big-picture/predictor?{query}").json()["claims"]["persistence"]
    r, _ = said(PREDICTOR, **changes)
    moved = abs(round(100 * r.initial) - round(100 * r.final_guess))
    assert r.override_count > 1 and moved > 5
    assert "little to correct" not in text, text
    assert f"it moved {moved} points" in text, text
    r, texts = said(PREDICTOR, override_rate=5, override_until=20, truth=50, initial=50, lr=0.05, trials=300, delay=5)
    assert "little to correct" in texts["persistence"] and abs(round(100 * r.initial) - round(100 * r.final_guess)) <= 5


def test_a_guess_still_far_off_is_not_said_to_have_had_little_to_correct():
    """At delay 7, 20 trials, the guess at the cue went from 30% to 31% against an observed 45%: 15 points off at the
    start, 14 at the end, with the corrections still on their way back along the delay line (the steps nearer the
    outcome read up to 63%). 'So the checks had little to correct' read 'moved little' as 'had little to correct'."""
    r, text = said(PREDICTOR, mode="defer", override_rate=80, override_until=150, truth=55, delay=7, lr=0.25,
                   initial=30, trials=20)
    start_off, end_off = (abs(round(100 * g) - round(100 * r.observed)) for g in (r.initial, r.final_guess))
    assert (start_off, end_off) == (15, 14) and max(r.weights[-1]) - r.final_guess > 0.2
    assert "little to correct" not in text["persistence"], text["persistence"]
    assert "but it is still 14 points off: the corrections made at the outcome have not yet carried back to the cue." \
        in text["persistence"], text["persistence"]
    wrong = text["persistence"].split(", but it is still")[0] + ", so the checks had little to correct."
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]
    # A guess the checks took further from the observed rate (95% to 98% against 83%).
    r, text = said(PREDICTOR, mode="defer", override_rate=25, override_until=10, truth=85, delay=7, lr=0.35,
                   initial=95, trials=150)
    assert "little to correct" not in text["persistence"]
    assert "but it ended further off, 15 points from it: each check moves the guess just before the outcome 35% of " \
           "the way toward that one trial's outcome (0% or 100%)" in text["persistence"], text["persistence"]


@pytest.mark.parametrize("changes,way", [
    (dict(override_rate=10, override_until=130, truth=75, delay=5, lr=1, initial=60, trials=20), "all the way to"),
    (dict(override_rate=10, override_until=150, truth=45, delay=1, lr=0.9, initial=45, trials=110), "90% of the way toward")])
def test_a_guess_that_started_at_the_observed_rate_is_not_still_far_from_it(changes, way):
    """At lr=1 the guess at the cue started at 60%, exactly the observed rate, and ended at 100%; the claim said
    'still more than 15 points from how often the outcome happened (60%)', and called the move 'corrections' with no
    reason. 'Still' only of a guess that started that far off; here why a right guess moved away."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    assert round(100 * r.initial) == round(100 * r.observed) and abs(round(100 * r.final_guess) - round(100 * r.observed)) > 15
    assert "still more than 15 points" not in text["persistence"], text["persistence"]
    assert (f"now more than 15 points from how often the outcome happened ({pct(r.observed)}), though it started at it: "
            f"each check moves the guess just before the outcome {way} that one trial's outcome (0% or 100%), not toward "
            f"how often the outcome happens.") in text["persistence"], text["persistence"]
    wrong = text["persistence"].split(", now more than")[0] + (f", still more than 15 points from how often the outcome "
                                                               f"happened ({pct(r.observed)}).")
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]


def test_a_guess_that_starts_exactly_right_is_said_to_be_the_same_not_within_15_points():
    """Review 8 A2, at …?mode=defer&override_rate=100&override_until=300&truth=0&delay=5&lr=0.2&initial=0&trials=60:
    'already within 15 points of how often the outcome happened (0%) and stays at 0%' for a guess exactly right."""
    r = PREDICTOR.run({**PREDICTOR.defaults(), "mode": "defer", "override_rate": 100, "override_until": 300, "truth": 0,
                       "delay": 5, "lr": 0.2, "initial": 0, "trials": 60})
    assert r.override_count == 60
    text = PREDICTOR.claim_texts(r)["persistence"]
    assert "so nothing was corrected: the guess at the cue stays at 0%, the same as how often the outcome happened (0%)" in text
    wrong = text.replace("the same as", "within 15 points of")
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]
    r0 = PREDICTOR.run({**PREDICTOR.defaults(), "mode": "defer", "override_rate": 0, "truth": 0, "initial": 0})
    assert r0.override_count == 0
    assert "Here the guess happens to be the truth, as shown, but nothing ever checked it." in PREDICTOR.claim_texts(r0)["persistence"]


def test_checks_that_stopped_early_are_said_with_what_the_unchecked_trials_did():
    """At override_until=170 of 260 trials the guess at the cue fell from about 50% to 0% in 90 trials with no
    check at all, and the sentences credited the corrections for the 0% and called the predictor one that 'expected
    next to nothing yet'. The stretch since the last check is said, with what it did to the guess, and 'yet' only
    of a guess that never read 5% or more."""
    r, text = said(PREDICTOR, mode="defer", override_rate=65, override_until=170, truth=50, delay=18, lr=0.75,
                   initial=80, trials=260)
    assert r.last_check <= 170 and r.trials - r.last_check >= 90
    assert "expected next to nothing yet" not in text["anticipation"]
    assert "the predictor had come to expect next to nothing" in text["anticipation"]
    after = pct(r.cue_guesses()[r.last_check])
    assert text["persistence"].endswith(f"The last check came in trial {r.last_check}; in the {r.trials - r.last_check} "
                                        f"trials since, with no check, each step's guess was trained only toward the "
                                        f"next step's, carrying what the checks had left near the outcome back toward "
                                        f"the cue: the guess at the cue moved from {after} to 0%, going as high as "
                                        f"{pct(max(r.cue_guesses()[r.last_check:]))} on the way."), text["persistence"]
    wrong = text["anticipation"].replace("had come to expect next to nothing", "expected next to nothing yet")
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]
    r, text = said(PREDICTOR, override_rate=100, override_until=100, truth=80, delay=5, lr=0.2, initial=0, trials=300)
    assert "The last check came in trial 100; in the 200 trials since" in text["persistence"]
    r, text = said(PREDICTOR)
    assert "The last check came" not in text["persistence"]      # checked to the last trial: nothing to add


def test_a_value_still_falling_through_zero_is_not_said_to_have_settled_on_indifference():
    """At social=-1 the first-order value is −0.08 at the end and still falling about 0.01 a step; 'resolves it …
    now it is indifferent' read as settled. Said now as resolving, with the value and its direction."""
    r, text = said(PREFERENCES, social=-1)
    assert text["mismatch"].endswith("has resolved it by changing its first-order value: by the end it is −0.08, "
                                     "indifferent (within ±0.1), and still falling."), text["mismatch"]
    wrong = text["mismatch"].split(", and the AGI")[0] + (", and the AGI resolves it by changing its first-order value: "
                                                          "now it is indifferent to obeying the law.")
    assert [f for t in PREFERENCES.all_truths for f in t.failures(r, wrong)]


@pytest.mark.parametrize("changes", [dict(first=0.3, means_end=0.25, social=-0.1, access="hack"),
                                     dict(first=0.2, means_end=0.8, social=-0.2, access="thinking")])
def test_a_first_order_answer_reshaped_without_a_clash_is_not_said_to_be_nothing(changes):
    """At first=0.3&means_end=0.25&social=-0.1&access=hack the AGI starts valuing the law (+0.30) and ends disliking
    it (−1.00), pushed by its mild second-order dislike; the clash is missed by a hundredth at the display rounding,
    and the claim said 'No mismatch appears: at the end the two agree'. It now says the value was reshaped."""
    r, text = said(PREFERENCES, **changes)
    start, end = (f"{v:+.2f}".replace("-", "−") for v in (r.first[0], r.first[-1]))
    assert r.start[0] != "neither" and r.end[0] != r.start[0] and not r.dystonic_at.any()
    assert not text["mismatch"].startswith("No mismatch appears"), text["mismatch"]
    assert f"reshapes its first-order value, pushed the way its second-order value points: from {start}" in \
        text["mismatch"] and f"to {end}" in text["mismatch"], text["mismatch"]
    wrong = "No mismatch appears: the two never give opposite answers."
    assert [f for t in PREFERENCES.all_truths for f in t.failures(r, wrong)]


@pytest.mark.parametrize("state", [dict(override_rate=30, override_until=40, truth=5, delay=3, lr=0.55, initial=55, trials=200),
                                   dict(override_rate=100, override_until=90, truth=15, delay=14, lr=0.45, initial=0, trials=230)])
def test_a_guess_that_moved_and_came_back_is_not_said_to_have_stayed(state):
    """At these states the guess at the cue went to 0% (or 17%) and came back to where it began, and the sentence said
    'the corrections have not reached the cue yet: the guess there is still 55%' (or 'stays at 0%'). 'Still' and
    'stays' are said only of a guess that never moved, as shown; here how far it went."""
    r, text = said(PREDICTOR, **state)
    assert pct(r.final_guess) == pct(r.initial) and pct(min(r.cue_guesses())) != pct(max(r.cue_guesses()))
    assert "not reached the cue yet" not in text["persistence"] and "stays at" not in text["persistence"]
    assert "and ended at " + pct(r.initial) + ", where it began" in text["persistence"], text["persistence"]


def test_a_move_after_the_last_check_is_not_credited_to_the_checks():
    """At override_rate=5&override_until=30 one check came in trial 19 and the guess moved from 75% to 81% in the
    271 unchecked trials after it; 'yet the checks still moved it 6 points' credited the one check."""
    r, text = said(PREDICTOR, override_rate=5, override_until=30, truth=65, delay=13, lr=0.25, initial=75, trials=290)
    assert r.override_count == 1
    assert "yet it still moved 6 points, and it ended further off, 15 points from it" in text["persistence"]
    assert "the checks still moved" not in text["persistence"]


def test_a_guess_knocked_far_and_back_is_not_said_to_have_had_little_to_correct():
    """At this state the checks sent the guess at the cue as high as 95% again and again, and it fell back to 0%,
    where it began; 'so the checks had little to correct' was decided on start against end. Now on the largest
    swing."""
    r, text = said(PREDICTOR, override_rate=95, override_until=250, truth=15, delay=1, lr=0.75, initial=0, trials=130)
    assert "little to correct" not in text["persistence"]
    assert "and the checks moved it away and back again." in text["persistence"], text["persistence"]


def test_what_the_unchecked_trials_did_is_said_as_the_checks_corrections_travelling_back():
    """At this state one check at trial 7 set the outcome step to 95%, and that correction reached the cue over the
    next trials; the since-clause said the guess was 'trained only on its own guesses' as if no information moved.
    It now says how: each step trained toward the next, carrying what the checks left back toward the cue."""
    r, text = said(PREDICTOR, override_rate=10, override_until=10, truth=80, delay=20, lr=0.95, initial=0, trials=40)
    assert ("with no check, each step's guess was trained only toward the next step's, carrying what the checks had "
            "left near the outcome back toward the cue: the guess at the cue moved from 0% to 95%.") in text["persistence"]


def test_a_swing_after_the_last_check_is_not_credited_to_the_checks():
    """Short round 14: '/big-picture?override_rate=45&override_until=20&truth=85&delay=19&lr=0.45&initial=95&trials=220'
    said 'though the checks moved it further on the way, it ended only 2 points from where it began', but at the last
    check (trial 18) the guess at the cue still read 95%, where it began: every move came in the 202 unchecked trials
    after. The checks are credited only with the swing up to the last check."""
    r, text = said(PREDICTOR, override_rate=45, override_until=20, truth=85, delay=19, lr=0.45, initial=95, trials=220)
    assert pct(r.cue_guesses()[r.last_check]) == pct(r.initial) and pct(min(r.cue_guesses())) != pct(r.initial)
    assert "and though it moved further on the way, it ended only 2 points from where it began" in text["persistence"]
    assert "the checks moved it" not in text["persistence"], text["persistence"]


def test_a_still_guess_says_whether_the_checks_corrected_anything():
    """Round 15 A4 and A7. At override_rate=35&override_until=40&truth=45&delay=19&lr=0.35&initial=50&trials=30 the
    guess 'was already within 15 points … and stays': but the checks had moved the steps near the outcome by up to
    19 points, not yet carried back to the cue. At override_rate=5&override_until=20&truth=20&delay=1&lr=0.5&initial=0
    &trials=100 'the corrections have not reached the cue yet', after one check that saw no outcome and changed
    nothing; and 'in line with the outcomes it was checked against' for one checked outcome."""
    r, text = said(PREDICTOR, override_rate=35, override_until=40, truth=45, delay=19, lr=0.35, initial=50, trials=30)
    assert "its corrections, made at the outcome, have not yet carried back to the cue enough to show: the guess there is still 50%, " \
           "within 15 points of how often the outcome happened (37%)." in text["persistence"], text["persistence"]
    assert "was already" not in text["persistence"]
    r, text = said(PREDICTOR, override_rate=5, override_until=20, truth=20, delay=1, lr=0.5, initial=0, trials=100)
    assert r.override_count == 1
    assert "but its one check found the outcome just as the guess had it, so nothing was corrected: the guess at the " \
           "cue stays at 0%" in text["persistence"], text["persistence"]
    assert "not reached" not in text["persistence"] and "The last check came" not in text["persistence"]
    r, text = said(PREDICTOR, override_rate=5, override_until=20, truth=80, delay=1, lr=0.5, initial=50, trials=100)
    assert "in line with how often the outcome happened (80%)" in text["persistence"], text["persistence"]


def test_at_delay_1_the_checks_correct_the_cue_itself():
    """Round 17, /big-picture?mode=defer&override_rate=10&override_until=10&truth=50&delay=1&lr=0.05&initial=10
    &trials=230: 'has not yet carried back to the cue enough to show', where at delay 1 the guess the check corrects
    is the cue's own (10% to 9.5%); and 'passed back, step by step, to the cue' at delay 1."""
    r, text = said(PREDICTOR, override_rate=10, override_until=10, truth=50, delay=1, lr=0.05, initial=10, trials=230)
    assert "but its correction has moved the guess at the cue too little to show: it is still 10%" in text["persistence"]
    assert "carried back" not in text["persistence"] and "The last check came" not in text["persistence"]
    r, text = said(PREDICTOR, delay=1)
    assert "corrections were applied directly to the guess at the cue, which went from 0%" in text["persistence"]
    assert "step by step" not in text["persistence"]


@pytest.mark.parametrize("changes,value", [
    (dict(override_rate=95, override_until=50, truth=20, delay=8, lr=0.9, initial=15, trials=60), "0%"),
    (dict(override_rate=25, override_until=290, truth=85, delay=17, lr=0.7, initial=30, trials=80), "100%")])
def test_the_predictor_hovers_word_a_guess_as_its_sentences_do(changes, value):
    """The guess at the cue after the last trial and the signal at the cue in the last trial are read in whole
    percentages by the sentences, summary, live numbers and table ('0%' for 0.0016); the hovers on the same points
    say the same, not 'under 1%' beside a sentence's '0%'."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    figures = PREDICTOR.render_figures(r)
    guess = next(t for t in figures["guesses"]["data"] if t["name"] == "guess at cue")
    last = next(t for t in figures["signal"]["data"] if t["name"] == "last trial")
    after_last = guess["customdata"][guess["x"].index(r.trials)]
    at_cue = last["customdata"][last["x"].index(0)]
    assert after_last == value and f"to {value} after the last" in text["persistence"]
    assert at_cue == value and f"was {'already ' if value != '0%' else ''}{value} when the cue appeared" \
        in text["anticipation"], text["anticipation"]
    assert f"the signal at the cue was {value}." in PREDICTOR.summary(r)


@pytest.mark.parametrize("changes", [
    dict(override_rate=10, trials=10, initial=0),
    dict(override_rate=5, override_until=240, truth=40, delay=8, lr=0.7, initial=0, trials=10),
    dict(override_rate=25, override_until=130, truth=45, delay=4, lr=0.1, initial=0, trials=10)])
def test_no_check_so_far_while_checks_are_on_is_not_said_to_be_for_good(changes):
    """Checks are still on in the last trial (rate above 0, not stopped) but none fired in these few trials:
    'with no check on the outcome it never will' is false, since running on brings checks and the guess at the
    cue then rises (at 10% of 10 trials, 20 trials give 4 checks and a signal at the cue of 12%)."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    assert r.override_count == 0 and changes.get("override_until", 300) >= r.trials and changes["override_rate"] > 0
    assert "never will" not in text["anticipation"], text["anticipation"]
    assert "expected next to nothing yet" in text["anticipation"] and "no check on the outcome has come so far" \
        in text["anticipation"], text["anticipation"]
    longer, _ = said(PREDICTOR, mode="defer", **{**changes, "trials": 60})
    assert longer.override_count > 0
    wrong = text["anticipation"].split(": the predictor")[0] + (
        ": the predictor expected next to nothing, and with no check on the outcome it will never learn to expect more: nothing was "
        f"anticipated, though the outcome followed the cue {pct(r.observed)} of the time.")
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]

@pytest.mark.parametrize("changes", [
    dict(override_rate=50, truth=60, delay=10, lr=0.15, initial=45, trials=80),
    dict(override_rate=40, override_until=150, truth=25, delay=15, lr=0.65, initial=40, trials=100),
    dict(override_rate=10, override_until=160, truth=70, delay=11, lr=0.7, initial=65, trials=60)])
def test_a_guess_now_far_off_because_the_cue_lags_is_not_blamed_on_single_outcomes(changes):
    """The guess just before the outcome sits near the observed rate after the last trial; it is the cue's guess,
    ten or more steps back, that has not caught up. 'Each check moves the guess just before the outcome toward
    that one trial's outcome' gives a reason the chart contradicts; the lag is the reason."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    observed, cue = round(100 * r.observed), round(100 * r.final_guess)
    near_outcome = min(abs(round(100 * w) - observed) for w in r.weights[-1])
    assert abs(cue - observed) > 15 and near_outcome < abs(cue - observed) - 5
    sentence = text["persistence"]
    assert "now more than 15 points from how often the outcome happened" in sentence, sentence
    assert "each check moves the guess just before the outcome" not in sentence, sentence
    assert "though it started within 15 points of it: the corrections made at the outcome have not yet carried back " \
           "to the cue." in sentence, sentence
    way = "all the way to" if r.lr == 1 else f"{pct(r.lr)} of the way toward"
    wrong = sentence.split(": the corrections made")[0] + (
        f": each check moves the guess just before the outcome {way} that one trial's outcome (0% or 100%), not toward "
        f"how often the outcome happens.")
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]

@pytest.mark.parametrize("changes,end", [
    (dict(override_rate=30, override_until=220, truth=85, delay=2, lr=1, initial=80, trials=280),
     "and it ended further off, 15 points from it: each check moves the guess just before the outcome all the way to "
     "that one trial's outcome (0% or 100%), not toward how often the outcome happens."),
    (dict(override_rate=70, override_until=50, truth=85, delay=11, lr=0.65, initial=75, trials=50),
     "and it ended further off, 14 points from it: each check moves the guess just before the outcome 65% of the way "
     "toward that one trial's outcome (0% or 100%), not toward how often the outcome happens."),
    (dict(override_rate=75, override_until=240, truth=30, delay=7, lr=0.45, initial=25, trials=140),
     "and it ended further off, 8 points from it: each check moves the guess just before the outcome 45% of the way "
     "toward that one trial's outcome (0% or 100%), not toward how often the outcome happens.")])
def test_checks_that_moved_a_near_guess_further_off_say_so_and_why(changes, end):
    """A guess that started a few points from the observed rate and ended further from it (80% to 100% against
    85%): 'yet the checks still moved it 20 points' left the reader thinking the checks, which correct the guess,
    made it worse for no reason. The sentence says it ended further off, and why."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    observed = round(100 * r.observed)
    start_off, end_off = (abs(round(100 * g) - observed) for g in (r.initial, r.final_guess))
    assert start_off < end_off and start_off <= 15
    sentence = text["persistence"]
    moved = abs(round(100 * r.initial) - round(100 * r.final_guess))
    assert f"it still moved {moved} points, {end}" in sentence, sentence
    wrong = sentence.split(f"still moved {moved} points,")[0] + f"still moved {moved} points."
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]

@pytest.mark.parametrize("changes", [
    dict(override_rate=95, override_until=270, truth=55, delay=20, lr=1, initial=65, trials=130),
    dict(override_rate=100, override_until=140, truth=5, delay=5, lr=0.9, initial=15, trials=100),
    dict(override_rate=85, override_until=160, truth=35, delay=4, lr=0.95, initial=25, trials=100),
])
def test_a_line_of_single_outcomes_copied_back_is_not_a_correction_on_its_way(changes):
    """At a learning rate near 1 every step holds about one trial's outcome (0% or 100%), copied back a step a trial:
    the cue's guess jumps between extremes and never settles. 'The corrections made at the outcome have not yet
    carried back to the cue' promised a lag that ends; the reason is the pull toward single outcomes."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    line = [round(100 * w) for w in r.weights[-1]]
    assert max(abs(a - b) for a, b in zip(line, line[1:])) >= 20, line
    sentence = text["persistence"]
    assert "have not yet carried back to the cue" not in sentence, sentence
    assert "each check moves the guess just before the outcome" in sentence, sentence
    wrong = sentence.split(": each check moves")[0] + ": the corrections made at the outcome have not yet carried back to the cue."
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, wrong)]


def test_no_check_can_come_after_the_last_trial_the_override_allows():
    """'Overrides stop after trial 10' with 10 trials run: no check came and none can come after what is shown,
    so the guess at 0% stays there for good ('it never will', not 'yet' or 'so far')."""
    r, text = said(PREDICTOR, mode="defer", override_rate=5, override_until=10, truth=30, delay=2, lr=0.05, initial=0,
                   trials=10)
    assert r.override_count == 0 and not r.checking_at_end
    sentence = text["anticipation"]
    assert "it will never learn to expect more" in sentence and "so far" not in sentence and "next to nothing yet" not in sentence, sentence
    r2, text2 = said(PREDICTOR, mode="defer", override_rate=5, override_until=11, truth=30, delay=2, lr=0.05, initial=0,
                     trials=10)
    assert r2.override_count == 0 and r2.checking_at_end and "so far" in text2["anticipation"], text2["anticipation"]


def test_checks_that_never_stop_are_still_on_after_trial_300():
    """'Overrides stop after trial 300' is the slider's 'it never stops': with 300 trials run, checks still come, so
    a guess under 5% along the whole line expects nothing yet; it is not 'it never will'."""
    r, text = said(PREDICTOR, mode="defer", override_rate=5, override_until=300, truth=5, delay=5, lr=0.2, initial=0,
                   trials=300)
    assert r.checking_at_end
    assert "it will never learn to expect more" not in text["anticipation"], text["anticipation"]


def test_a_correction_only_the_last_step_holds_is_not_on_its_way_back():
    """Steps 0, 0, 0, 0, 0, 0, 0, 100 at learning rate 1: only the step just before the outcome, which the last check
    set to one trial's outcome, reads nearer the rate; carried back, the cue will read 100%, still far off."""
    r, text = said(PREDICTOR, mode="defer", override_rate=15, override_until=140, truth=55, delay=8, lr=1, initial=70,
                   trials=40)
    assert [round(100 * w) for w in r.weights[-1]][:-1] == [0] * 7
    assert "have not yet carried back to the cue" not in text["persistence"], text["persistence"]
    assert "each check moves the guess just before the outcome all the way to" in text["persistence"], text["persistence"]


def test_a_steady_line_whose_last_step_sits_at_the_rate_is_a_correction_on_its_way():
    """Learning rate 0.05, delay 3: the steps read 48, 53, 59 against an observed 60%. The step just before the outcome
    is an average at the rate, not one outcome copied in; the cue's guess creeps toward it. The lag is the reason."""
    r, text = said(PREDICTOR, mode="defer", override_rate=75, override_until=300, truth=55, delay=3, lr=0.05, initial=45,
                   trials=40)
    line = [round(100 * w) for w in r.weights[-1]]
    assert max(abs(a - b) for a, b in zip(line, line[1:])) < 20, line
    assert "have not yet carried back to the cue" in text["persistence"], text["persistence"]
    assert "each check moves the guess just before the outcome" not in text["persistence"], text["persistence"]


def test_a_passing_dip_is_not_a_correction_on_its_way_when_the_far_end_is_further_off():
    """Checks stopped at trial 40 (learning rate 0.85); after trial 50 the steps read 75, 67, 71, 80, 85, 87 … 87
    against an observed 40%. The dip at step 1 is nearer the rate, but what travels back from the outcome is 87%:
    run on with no check (each step toward the next, the last toward itself), the cue settles further from the rate
    than it is now, so "not yet carried back" is false."""
    r, text = said(PREDICTOR, mode="defer", override_rate=50, override_until=40, truth=45, delay=12, lr=0.85, initial=30,
                   trials=50)
    assert not r.checking_at_end
    gap = abs(round(100 * r.final_guess) - round(100 * r.observed))
    assert abs(_settles(r)[-1] - round(100 * r.observed)) > gap
    assert "have not yet carried back to the cue" not in text["persistence"], text["persistence"]
    assert "each check moves the guess just before the outcome 85% of the way" in text["persistence"], text["persistence"]


@pytest.mark.parametrize("state", [
    dict(override_rate=10, override_until=230, truth=35, delay=9, lr=0.7, initial=20, trials=230),
    dict(override_rate=60, override_until=130, truth=30, delay=20, lr=0.4, initial=15, trials=170),
    dict(override_rate=95, override_until=40, truth=5, delay=4, lr=1, initial=50, trials=120),
    dict(override_rate=65, override_until=10, truth=35, delay=9, lr=0.15, initial=50, trials=270),
])
def test_the_unchecked_stretch_says_held_only_where_the_guess_never_moved(state):
    """After the last check the guess at the cue dips and comes back to the same reading: "held at" would be false
    (and contradict "moved as low as" beside it); the sentence names how far it went, as the chart shows."""
    r, text = said(PREDICTOR, mode="defer", **state)
    path = [pct(g) for g in r.cue_guesses()[r.last_check:]]
    assert path[0] == path[-1] and len(set(path)) > 1, path
    tail = text["persistence"].split("back toward the cue: ")[1]
    assert "held at" not in tail, tail
    low, high = min(r.cue_guesses()[r.last_check:]), max(r.cue_guesses()[r.last_check:])
    assert (f"as low as {pct(low)}" in tail) == (pct(low) != path[0]), tail
    assert (f"as high as {pct(high)}" in tail) == (pct(high) != path[0]), tail
    assert tail.endswith(f"and back to {path[-1]}."), tail


def test_the_unchecked_stretch_names_how_far_the_guess_went_past_both_ends():
    """Checks stopped at trial 40; the guess at the cue went 97% → 18% → 82% → 75% in the 10 trials since:
    "moved from 97% to 75%" alone hides the fall to 18%."""
    r, text = said(PREDICTOR, mode="defer", override_rate=50, override_until=40, truth=45, delay=12, lr=0.85,
                   initial=30, trials=50)
    path = r.cue_guesses()[r.last_check:]
    assert pct(min(path)) == "18%"
    assert text["persistence"].endswith(f"moved from {pct(path[0])} to {pct(path[-1])}, going as low as 18% on the way.")


@pytest.mark.parametrize("changes", [dict(first=0.1, means_end=0, social=0.2, access="hack"),
                                     dict(first=-0.1, means_end=0.15, social=-0.2, access="thinking")])
def test_a_value_held_at_its_limit_is_not_still_rising_or_falling(changes):
    """The first-order value reaches the cap of ±1 and sits there for the last samples: it cannot move further."""
    r, text = said(PREFERENCES, **changes)
    assert abs(r.first[-1]) == 1 and r.first[-1] == r.first[-2]
    assert "and still rising" not in text["mismatch"] and "and still falling" not in text["mismatch"], text["mismatch"]
    assert f"to {'+' if r.first[-1] > 0 else '−'}1.00 (it " in text["mismatch"], text["mismatch"]


def test_a_mismatch_of_one_sample_is_shaded_under_its_label():
    """At first=0.1, means_end=0, social=0.2 (thinking) the answers clash at one sample only: the shaded span under
    the "ego-dystonic" label has a width."""
    r = PREFERENCES.run({**PREFERENCES.defaults(), "first": 0.1, "means_end": 0, "social": 0.2, "access": "thinking"})
    assert int(r.dystonic_at.sum()) == 1
    layout = PREFERENCES.render_figures(r)["values"]["layout"]
    spans = [s for s in layout["shapes"] if s.get("yref") == "paper"]
    labels = [a for a in layout["annotations"] if a["text"] == "ego-dystonic"]
    assert len(spans) == len(labels) == 1
    assert spans[0]["x0"] < labels[0]["x"] < spans[0]["x1"], (spans, labels)


@pytest.mark.parametrize("changes", [
    dict(override_rate=60, override_until=130, truth=65, delay=8, lr=0.65, initial=80, trials=130),
    dict(override_rate=35, override_until=200, truth=25, delay=12, lr=0.85, initial=25, trials=110),
    dict(override_rate=30, override_until=240, truth=50, delay=14, lr=0.8, initial=35, trials=230),
    dict(override_rate=65, override_until=230, truth=30, delay=9, lr=0.55, initial=35, trials=80),
])
def test_a_line_that_settles_as_far_off_is_not_a_correction_closing_the_gap(changes):
    """The step just before the outcome, which the whole line settles at once no check comes (it is trained toward
    itself), reads more than 15 points off the rate and no nearer than the cue by more than 5: an overshoot (35% now,
    99% by the outcome, against 68%), or a bump passing along a line that ends where the cue is. Carried back, the
    gap stays; "not yet carried back" gave the lag as the reason."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    rate, cue = round(100 * r.observed), abs(round(100 * r.final_guess) - round(100 * r.observed))
    line = [round(100 * w) for w in r.weights[-1]]
    end = line[-1] if abs(line[-1] - line[-2]) < 20 else line[-2]
    assert abs(end - rate) > 15 and abs(end - rate) >= cue - 5, (line, rate, cue)
    assert "have not yet carried back to the cue" not in text["persistence"], text["persistence"]
    assert "each check moves the guess just before the outcome" in text["persistence"], text["persistence"]


def test_the_unchecked_stretch_names_the_low_and_the_high_in_the_order_reached():
    """43% after the last check, down to 40%, up to 46%, back to 43%: 'as high as 46% and as low as 40% and back to
    43%' told it the other way round."""
    r, text = said(PREDICTOR, mode="defer", override_rate=30, override_until=140, truth=40, delay=18, lr=0.25,
                   initial=60, trials=230)
    path = [round(100 * g) for g in r.cue_guesses()[r.last_check:]]
    assert path.index(min(path)) < path.index(max(path))
    assert text["persistence"].endswith(f"moved as low as {min(path)}%, then as high as {max(path)}% and back to "
                                        f"{path[-1]}%."), text["persistence"]


def _settles(r) -> list[int]:
    """The guess at the cue over 200 trials with no check (each step toward the next, the last toward itself)."""
    w, cue = list(r.weights[-1]), []
    for _ in range(200):
        w = [a + r.lr * (b - a) for a, b in zip(w, w[1:] + w[-1:])]
        cue.append(round(100 * w[0]))
    return cue


@pytest.mark.parametrize("changes", [
    dict(override_rate=85, override_until=150, truth=95, delay=5, lr=0.25, initial=95, trials=150),
    dict(override_rate=10, override_until=160, truth=75, delay=6, lr=0.35, initial=75, trials=160),
    dict(override_rate=80, override_until=240, truth=55, delay=8, lr=0.35, initial=45, trials=240),
    dict(override_rate=5, override_until=240, truth=15, delay=11, lr=0.25, initial=0, trials=250),
    dict(override_rate=60, override_until=190, truth=5, delay=13, lr=0.7, initial=10, trials=210),
])
def test_where_checks_have_stopped_the_lag_is_the_reason_only_if_carrying_back_closes_the_gap(changes):
    """Checks have stopped, so what is to come is fixed: the line settles at the step just before the outcome, even
    where that step jumped from its neighbour. Carried back, the cue ends more than 15 points from the rate (or no
    nearer than now): "not yet carried back" gave the lag as why it is off."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    assert not r.checking_at_end
    rate, now = round(100 * r.observed), abs(round(100 * r.final_guess) - round(100 * r.observed))
    settled = abs(_settles(r)[-1] - rate)
    assert settled > 15 or settled >= now - 5, (settled, now)
    assert "have not yet carried back to the cue" not in text["persistence"], text["persistence"]
    assert "each check moves the guess just before the outcome" in text["persistence"], text["persistence"]


def test_an_indifference_still_being_pushed_is_not_said_to_hold_no_tension():
    """/big-picture?first=-1&means_end=0.05&social=0.3&access=thinking: the claim says the first-order value ends at
    +0.05 'and still rising', pushed by a second-order value of +0.81, while the summary and the grid said 'there is
    no tension either way'. Where the indifference is still being moved, they say the pull is not over."""
    from app.pages.big_picture.page import PAGE
    from app.pages.big_picture.present import preference_view
    w = next(x for x in PAGE.widgets if x.id == "preferences")
    r = w.run({**w.defaults(), "first": -1, "means_end": 0.05, "social": 0.3, "access": "thinking"})
    assert r.end == ("neither", "yes") and float(r.first[-1]) > float(r.first[-11])
    assert "is still there at the end: the AGI is indifferent to obeying the law and values valuing it" in \
        w.claim_texts(r)["mismatch"]
    for text in (w.summary(r), preference_view(r, {})["text"]):
        assert "no tension" not in text
        assert "that value is still rising" in text
    old = w.summary(r).split(" It is indifferent")[0] + (" On at least one of the two questions it is indifferent, so "
                                                         "there is no tension either way.")
    assert [f for t in w.all_truths for f in t.failures(r, old)]


@pytest.mark.parametrize("changes,end,way", [
    ({"first": -0.1, "means_end": 0.05, "social": 0}, "dislikes obeying the law (−0.15) and leans slightly against "
                                                      "valuing it (−0.05)", "falling"),
    ({"first": 0.9, "means_end": 0.6, "social": -0.6}, "values obeying the law (+0.78) and leans slightly against "
                                                       "valuing it (−0.10)", "falling"),
])
def test_a_slight_second_order_lean_still_pushing_is_not_called_indifference_without_tension(changes, end, way):
    """/big-picture?first=-0.1&means_end=0.05&social=0&access=thinking#widget-preferences: the claim has the
    second-order value pushing the first-order one 'and still falling', while the summary and grid called that value
    (−0.05) indifferent and said 'there is no tension either way'. The model pushes by the second-order value even
    inside ±0.1, so the words now say the slight lean still nudges it."""
    from app.pages.big_picture.present import preference_view
    r = PREFERENCES.run({**PREFERENCES.defaults(), **changes, "access": "thinking"})
    second, first = float(r.second[-1]), [float(v) for v in r.first]
    assert abs(round(second, 2)) <= 0.1 and round(second, 2) < 0 and round(first[-1], 2) < round(first[-11], 2)
    summary, panel = PREFERENCES.summary(r), preference_view(r, {})["text"]
    assert f"At the end the AGI {end}." in summary, summary
    for text in (summary, panel):
        assert "no tension" not in text and "indifferent" not in text, text
        assert (f"Its second-order value leans only slightly (within ±0.1), but that lean still nudges its first-order "
                f"value, which is still {way}: the pull to change its motivation is not over.") in text, text
    caught = lambda text: [f for t in PREFERENCES.all_truths for f in t.failures(r, text)]   # noqa: E731
    assert not caught(summary)
    assert caught(summary.split(" Its second-order")[0] + " On at least one of the two questions it is indifferent, "
                                                          "so there is no tension either way.")
    assert caught(summary.replace("still falling", "still rising"))
    assert caught(summary.replace("leans slightly against", "leans slightly toward"))


@pytest.mark.parametrize("state", [{"first": -0.8, "means_end": 0.8, "social": 0.6},
                                   {"first": 0.8, "means_end": 0.8, "social": -0.6}])
def test_a_lean_pushing_hard_enough_to_move_the_value_is_never_called_no_tension(state):
    """/big-picture?first=-0.8&means_end=0.8&social=0.6&access=thinking: a second-order lean of −0.07 moved the
    first-order value about 0.01 over the last unit of time, yet the summary said 'no tension either way', because
    its two-decimal display (−0.8652, −0.8749: both −0.87) did not tick over; a weaker lean elsewhere was said to
    nudge. Moving is now decided on the change itself."""
    r, _ = said(PREFERENCES, **state, access="thinking")
    summary = PREFERENCES.summary(r)
    last = [float(x) for x in r.first[-11:]]
    assert abs(last[-1] - last[0]) > 0.005 and abs(last[-1]) < 1, last
    assert "no tension either way" not in summary, summary
    assert "still nudges its first-order value" in summary, summary


def test_a_value_inside_the_band_is_said_indifferent_not_near_it():
    """/big-picture?first=-1&means_end=0.05&social=0.3&access=thinking: '+0.05, within 0.1 of indifference' read as
    close to but not yet indifferent, beside a summary calling the same +0.05 indifferent. (That state is now a
    lasting mismatch, indifference being a no to question 1; shame brings the same wording.)"""
    r, text = said(PREFERENCES, social=-1)
    assert "by the end it is −0.08, indifferent (within ±0.1), and still falling." in text["mismatch"], text["mismatch"]


def test_both_broken_links_are_not_called_a_link():
    """/big-picture?loophole=0.5&tried=two&misvalue=0.5: the sentence says both links are broken, then 'with a link
    broken that is luck'."""
    a, text = said(ALIGNMENT, loophole=0.5, tried="two", misvalue=0.5)
    assert not a.outer and not a.inner
    assert any("with both links broken nothing guarantees that" in t for t in text.values()), text
    assert not any("with a link broken" in t for t in text.values())


def test_indifference_to_the_law_while_valuing_valuing_it_is_byrnes_s_no_and_yes_mismatch(client):
    """/big-picture?first=0&means_end=0.5&social=1&access=none#widget-preferences: the AGI is indifferent to obeying the
    law (0.00) and values valuing it (+0.67), and the page said 'no tension either way'. Byrnes's question 1 asks for
    a positive value, so 0.00 is a no: his no-and-yes case, the one we would want it to act on. With access=thinking
    the same AGI does act on it, reshaping its first-order value to +1.00."""
    answer = client.get("/api/big-picture/preferences?first=0&means_end=0.5&social=1&access=none").json()
    assert f"{answer['first_order'][-1]:.2f}" == "0.00" and f"{answer['second_order'][-1]:.2f}" == "0.67"
    assert answer["ego_dystonic_at_end"] is True
    assert answer["claims"]["mismatch"].endswith("is still there at the end: the AGI is indifferent to obeying the law "
                                                 "and values valuing it.")
    r, _ = said(PREFERENCES, first=0, means_end=0.5, social=1, access="none")
    summary = PREFERENCES.summary(r)
    assert "no tension" not in summary
    assert summary.endswith("Ego-dystonic: it does not value obeying the law but wishes it did. It has a motive to "
                            "change its motivation, which we would want it to act on."), summary
    caught = lambda res, text: [f for t in PREFERENCES.all_truths for f in t.failures(res, text)]   # noqa: E731
    assert not caught(r, summary)
    assert caught(r, summary.split(" Ego-dystonic")[0] + " On at least one of the two questions it is indifferent, so "
                                                         "there is no tension either way.")
    assert caught(r, answer["claims"]["mismatch"].replace("A mismatch appears at time 0.2 and is still there at the end",
                                                          "No mismatch appears"))
    shamed, _ = said(PREFERENCES, first=0, means_end=0.5, social=-1, access="none")   # indifferent, and a clear no
    assert caught(shamed, summary.replace("values valuing it (+0.67)", "dislikes valuing it (−0.67)"))
    html = client.get("/big-picture?first=0&means_end=0.5&social=1&access=none").text
    grid = html[html.index('class="pref-grid"'):]
    marked = grid[:grid.index('cell-mark"')]
    assert marked.count("<td") == 3 and "motive to change itself: let it" in marked[marked.rindex("<td"):]
    acted, text = said(PREFERENCES, first=0, means_end=0.5, social=1, access="thinking")
    assert acted.first[-1] > 0.1 and text["mismatch"].endswith("resolves it by changing its first-order value: now it "
                                                               "values obeying the law.")


def test_a_mismatch_said_where_the_agi_cannot_act_is_one_it_acts_on_when_it_can():
    """Over the dense grid: wherever the verdict without access to itself names an ego-dystonic cell, the same AGI able
    to steer its credit assignment moves its first-order value the way its second-order value pointed; and 'no
    tension' is never said where the answers to Byrnes's questions (positive value or not) clash."""
    from app.pages.big_picture.present import CELLS
    grid = [round(x / 10, 1) for x in range(-10, 11)]
    for first in grid:
        for means_end in [m / 20 for m in range(0, 21, 2)]:
            for social in grid:
                alone = PREFERENCES.run({"first": first, "means_end": means_end, "social": social, "access": "none"})
                verdict = PREFERENCES.summary(alone)
                up = float(alone.second[-1]) > 0
                v1 = round(float(alone.first[-1]), 2)
                clash = round(float(alone.second[-1]), 2) > 0.1 and v1 <= 0.1 or \
                    round(float(alone.second[-1]), 2) < -0.1 and v1 > 0.1
                assert not (clash and "no tension" in verdict), (first, means_end, social, verdict)
                if CELLS[("no", "yes")] in verdict or CELLS[("yes", "no")] in verdict:
                    assert clash, (first, means_end, social, verdict)
                    acting = PREFERENCES.run({"first": first, "means_end": means_end, "social": social,
                                              "access": "thinking"})
                    moved = float(acting.first[-1]) - float(acting.first[0])
                    assert (moved > 0.01) if up else (moved < -0.01), (first, means_end, social, moved)


@pytest.mark.parametrize("trials", [60, 150, 300])
def test_a_guess_that_never_settles_is_not_said_to_be_not_yet_settled(trials):
    """/big-picture?mode=defer&override_rate=100&override_until=300&truth=80&delay=1&lr=0.2&initial=0&trials=150: 'the
    guess is still moving, not settled' read as if more trials would settle it; at a fixed learning rate each checked
    outcome keeps pulling it (still 'not settled' after 300 trials). The sentence says the last outcomes sway it."""
    r, text = said(PREDICTOR, mode="defer", override_rate=100, override_until=300, truth=80, delay=1, lr=0.2,
                   initial=0, trials=trials)
    assert "not settled" not in text["persistence"]
    if round(100 * r.anticipation) != round(100 * r.final_guess):
        assert not _caught(PREDICTOR, r, text["persistence"])


def test_a_move_with_no_check_lately_is_said_to_carry_back_not_to_come_from_the_last_outcomes():
    """/big-picture?mode=defer&override_rate=65&override_until=80&truth=0&delay=20&lr=0.1&initial=20&trials=170: the
    last check came in trial 80, so in the last 90 trials no outcome reached the predictor (and the outcome never
    happened), yet the 1-point move in the last trial was put down to 'the last few outcomes'."""
    r, text = said(PREDICTOR, mode="defer", override_rate=65, override_until=80, truth=0, delay=20, lr=0.1, initial=20,
                   trials=170)
    assert r.last_check == 80 and not r.overridden[80:].any()
    said_now = text["persistence"]
    assert "the last few outcomes" not in said_now
    assert "That last trial alone moved it 1 point" in said_now and "still carrying back to it" in said_now
    assert not _caught(PREDICTOR, r, said_now)
    old = said_now.replace("corrections made at the outcome earlier are still carrying back to it",
                           "the last few outcomes still sway it")
    assert _caught(PREDICTOR, r, old)


def test_a_one_point_move_after_a_recent_check_is_not_called_a_sway():
    """/big-picture?mode=defer&override_rate=70&override_until=300&truth=20&delay=3&lr=0.25&initial=0&trials=200: a
    check from the last trials has reached the cue and moved the guess there 1 point (35% → 36%), across the 15-point
    line: a drift, said with a plain verb; at override_rate=50&truth=75&delay=2&lr=0.5&initial=95&trials=190 it moved
    17 points: a sway."""
    r, text = said(PREDICTOR, mode="defer", override_rate=70, override_until=300, truth=20, delay=3, lr=0.25,
                   initial=0, trials=200)
    sentence = text["persistence"]
    assert "(35% going into the last trial)" in sentence and "to 36% after the last" in sentence
    assert sentence.endswith("That last trial alone moved it 1 point, to more than 15 points from how often the outcome "
                             "happened (20%): the last few outcomes still move it.")
    assert not _caught(PREDICTOR, r, sentence)
    assert _caught(PREDICTOR, r, sentence.replace("still move it", "still sway it"))
    far, far_text = said(PREDICTOR, override_rate=50, truth=75, delay=2, lr=0.5, initial=95, trials=190)
    assert far_text["persistence"].endswith("moved it 17 points, to within 15 points of how often the outcome happened "
                                            "(73%): the last few outcomes still sway it.")
    assert not _caught(PREDICTOR, far, far_text["persistence"])


@pytest.mark.parametrize("changes", [
    dict(mode="defer", override_rate=80, override_until=130, truth=65, delay=20, lr=0.9, initial=40, trials=20),
    dict(override_rate=50, truth=90, delay=16, lr=0.45, initial=20, trials=50),
])
def test_a_move_no_recent_outcome_can_have_reached_is_not_put_down_to_the_last_outcomes(changes):
    """/big-picture?mode=defer&override_rate=80&override_until=130&truth=65&delay=20&lr=0.9&initial=40&trials=20: the
    guess at the cue sat at 40% for 19 trials and jumped to 47% in trial 20, from trial 1's correction arriving after
    19 steps back, yet the sentence said 'the last few outcomes still sway it'. A correction reaches the cue delay - 1
    trials after its check, so at delays over 3 no check from the last 3 trials can have moved it: removing those
    checks leaves the guess at the cue exactly where it is."""
    import numpy as np
    from app.pages.big_picture import model
    r, text = said(PREDICTOR, **changes)
    assert "the last few outcomes" not in text["persistence"], text["persistence"]
    assert "corrections made at the outcome earlier are still carrying back to it" in text["persistence"]
    assert _caught(PREDICTOR, r, text["persistence"].replace(
        "corrections made at the outcome earlier are still carrying back to it", "the last few outcomes still sway it"))
    # the same run with the last 3 trials' checks removed ends with the same guess at the cue
    values = {**PREDICTOR.defaults(), **changes}
    w = np.full(values["delay"], values["initial"] / 100)
    base = model.predictor(**{k: (v / 100 if k in ("truth", "override_rate", "initial") else v)
                              for k, v in values.items()})
    for t in range(len(base.overridden)):
        s = np.empty(values["delay"] + 1)
        s[:-1] = w
        fired = base.overridden[t] and t < len(base.overridden) - 3
        s[-1] = (1.0 if base.happened[t] else 0.0) if fired else w[-1]
        w = w + values["lr"] * (s[1:] - w)
    assert abs(w[0] - base.final_guess) < 1e-12


def test_override_throughout_at_delay_1_does_not_say_the_guess_at_the_cue_learns_nothing(client):
    """/big-picture?mode=override&override_rate=100&override_until=300&truth=80&delay=1&lr=0.2&initial=0&trials=60:
    the prose said 'the guess at the cue learns nothing', while at delay 1 the step after the cue is the outcome and
    the guess at the cue ends at 70%. The show-me link sets only the mode, so the prose must hold at any delay."""
    from pathlib import Path
    prose = " ".join((Path(__file__).parent / "content.md").read_text().split())
    r, text = said(PREDICTOR, mode="override", override_rate=100, override_until=300, truth=80, delay=1, lr=0.2,
                   initial=0, trials=60)
    assert "its guess at the cue ends at 70%" in text["persistence"] and round(100 * r.final_guess) == 70
    assert "the guess at the cue learns nothing" not in prose
    assert "only the guess just before the outcome learns" in prose
    for delay in (1, 5, 20):     # the guess just before the outcome (the cue's, at delay 1) is the only one that moves
        run = PREDICTOR.run({**PREDICTOR.defaults(), "mode": "override", "delay": delay})
        moved = [bool((run.weights[:, k] != run.weights[0, k]).any()) for k in range(delay)]
        assert moved == [k == delay - 1 for k in range(delay)], (delay, moved)


@pytest.mark.parametrize("changes", [dict(loophole=0.9, misvalue=0.1), dict(loophole=0.8, misvalue=0.1),
                                     dict(loophole=0.8, misvalue=0.5)])
def test_a_small_lead_that_copies_the_reward_is_not_called_luck(changes):
    """/big-picture?loophole=0.9&tried=two&misvalue=0.1#alignment: the task (1.00) leads the loophole (0.90), both
    valued exactly at their rewards, and the only error (0.10 on the new plan) sits far below; yet the verdict called
    the choice luck, where at misvalue 0 it said the reward pays the task most. The choice did not turn on an error."""
    a, text = said(ALIGNMENT, tried="two", **changes)
    task, loophole, novel = a.plans
    assert task.value == task.reward and loophole.value == loophole.reward and novel.value > novel.reward
    verdict = text["verdict"]
    assert "luck" not in verdict
    assert ("The agent picks the task because the reward function still pays it most and the value function copies "
            "the reward on the task and on “game the score”") in verdict, verdict
    assert not _caught(ALIGNMENT, a, verdict)
    old = verdict.split(" The agent")[0] + (f" The agent still picks the task as meant, but by only "
                                            f"{task.reward - loophole.reward:.2f} in value; with both links broken "
                                            f"that is luck, not intent alignment.")
    assert _caught(ALIGNMENT, a, old)
    # Where the misvalued plan is the runner-up, the choice turned on its error: luck, and the new wording is refused.
    close = ALIGNMENT.run({"loophole": 0.8, "tried": "two", "misvalue": 0.9})
    assert "that is luck" in ALIGNMENT.claim_texts(close)["verdict"]
    assert _caught(ALIGNMENT, close, verdict)


def test_the_misvalue_slider_is_unavailable_with_every_plan_tried(client):
    """/big-picture?loophole=0.0&tried=all&misvalue=2.0#alignment: with all three plans tried, every value is its
    reward whatever the error before training, yet the slider stayed live with no word that it does nothing."""
    values = {**ALIGNMENT.defaults(), "loophole": 0.0, "tried": "all", "misvalue": 2.0}
    assert "misvalue" in ALIGNMENT.inactive(values)
    assert "misvalue" not in ALIGNMENT.inactive({**values, "tried": "two"})
    plans = [[(p.value, p.reward) for p in ALIGNMENT.run({**values, "misvalue": m}).plans] for m in (0, 2)]
    assert plans[0] == plans[1] and all(v == r for v, r in plans[0])
    html = client.get("/big-picture?loophole=0.0&tried=all&misvalue=2.0").text
    slider = re.search(r'<input type="range" id="alignment-misvalue"[^>]*>', html).group(0)
    assert "aria-disabled" in slider and "No effect now: training has tried, and corrected, every plan." in html


@pytest.mark.parametrize("changes,end", [(dict(first=-0.9, means_end=0.25, social=0.2), "−1.00"),
                                         (dict(first=0.9, means_end=0.25, social=-0.2), "+1.00")])
def test_a_first_order_value_pushed_to_the_limit_in_the_last_unit_is_not_said_to_stay_put(changes, end):
    """/big-picture?first=-0.9&means_end=0.25&social=0.2&access=thinking#preferences: the table's first-order value
    slid −0.99 → −1.00 over the last unit of time, pushed by a second-order value of −0.10, yet the grid and summary
    said 'it gives no motive to change, and the first-order value stays put' (and the mirror state, +0.99 → +1.00)."""
    from app.pages.big_picture.present import preference_view
    r = PREFERENCES.run({**PREFERENCES.defaults(), "access": "thinking", **changes})
    rows = PREFERENCES.table(r).rows
    assert rows[-1][0] == "12" and rows[-1][1] == end and rows[-2][1] != end
    text = preference_view(r, {})["text"]
    assert "stays put" not in text and "stays put" not in PREFERENCES.summary(r)
    assert f"pushed the first-order value to {end}, where it stops" in text
    assert not _caught(PREFERENCES, r, PREFERENCES.summary(r))
    old = ("Its second-order value is indifferent (within ±0.1), so it gives no motive to change, and the first-order "
           "value stays put.")
    assert _caught(PREFERENCES, r, old)


def test_the_grid_marks_indifferent_to_the_law_and_valuing_it_as_the_no_yes_cell(client):
    """/big-picture?first=-1.0&means_end=0.05&social=0.3&access=thinking#preferences: the claim, the table (last row
    'yes') and the chart call the end ego-dystonic (indifferent to obeying the law, valuing valuing it), and the
    caption counts indifference as a no, yet the 2x2 grid marked no cell."""
    from app.pages.big_picture.present import CELLS, preference_view
    r = PREFERENCES.run({**PREFERENCES.defaults(), "first": -1.0, "means_end": 0.05, "social": 0.3,
                         "access": "thinking"})
    assert PREFERENCES.table(r).rows[-1][1:] == ("+0.05", "+0.81", "yes")
    view = preference_view(r, {})
    assert view["end"] == ("no", "yes") and view["text"].startswith(CELLS[("no", "yes")])
    html = client.get("/big-picture?first=-1.0&means_end=0.05&social=0.3&access=thinking").text
    grid = html.split('class="pref-grid"')[1].split("</table>")[0]
    assert grid.count('<strong class="cell-mark"') == 1
    marked = grid.split('<strong class="cell-mark"')[0].rsplit("<td", 1)[1]
    assert "let it" in marked


def test_a_rise_too_small_to_show_in_the_table_is_called_creeping():
    """/big-picture?first=-0.9&means_end=0.1&social=0.1&access=thinking#preferences: the table's last two rows both
    read −0.84, yet the grid said the first-order value 'is still rising'."""
    from app.pages.big_picture.present import preference_view
    r = PREFERENCES.run({**PREFERENCES.defaults(), "first": -0.9, "means_end": 0.1, "social": 0.1,
                         "access": "thinking"})
    rows = PREFERENCES.table(r).rows
    assert rows[-1][1] == rows[-2][1] == "−0.84" and r.first[-1] > r.first[-11]
    text = preference_view(r, {})["text"]
    assert "still rising" not in text and "still creeping up (by under 0.01 over the last unit of time)" in text
    assert not _caught(PREFERENCES, r, text)
    assert _caught(PREFERENCES, r, text.replace("creeping up (by under 0.01 over the last unit of time)", "rising"))


@pytest.mark.parametrize("changes", [dict(first=-0.6, means_end=0.5, social=1), dict(first=0.1, means_end=0.9, social=0.1)])
def test_a_first_order_value_still_rising_is_not_said_to_have_no_motive_to_change(changes):
    """/big-picture?first=-0.6&means_end=0.5&social=1&access=thinking: the first-order value goes +0.20, +0.31, +0.42
    over the last two units of time, pushed by the second-order value, while the summary and grid said 'No motive
    to change.' They now say the second-order value keeps pushing it."""
    from app.pages.big_picture.present import preference_view
    r = PREFERENCES.run({**PREFERENCES.defaults(), **changes, "access": "thinking"})
    first = [float(v) for v in r.first]
    assert r.end == ("yes", "yes") and round(first[-1], 2) - round(first[-11], 2) >= 0.05
    for text in (PREFERENCES.summary(r), preference_view(r, {})["text"]):
        assert "No motive to change" not in text
        assert text.endswith("keeps pushing the first-order one, which is still rising."), text
    old = PREFERENCES.summary(r).split(" No clash")[0] + " No motive to change."
    assert [f for t in PREFERENCES.all_truths for f in t.failures(r, old)]
    falling = PREFERENCES.summary(r).replace("still rising", "still falling")
    assert [f for t in PREFERENCES.all_truths for f in t.failures(r, falling)]


def test_a_settled_ego_syntonic_agi_still_has_no_motive_to_change():
    """With no way to act on its second-order value, the first-order one stays where it starts: nothing to change."""
    r = PREFERENCES.run({**PREFERENCES.defaults(), "first": 0.8, "means_end": 0.5, "social": 1, "access": "none"})
    assert r.end == ("yes", "yes") and float(r.first[-1]) == float(r.first[-11])
    assert PREFERENCES.summary(r).endswith("values valuing it. No motive to change.")


@pytest.mark.parametrize("state,within,trials", [
    (dict(override_rate=55, override_until=270, truth=5, delay=5, lr=0.4, initial=95, trials=200), 175, 200),
    (dict(override_rate=75, override_until=240, truth=90, delay=8, lr=0.7, initial=15, trials=260), 211, 260),
])
def test_a_guess_that_was_within_15_points_for_most_of_the_run_is_not_still_far(state, within, trials):
    """/big-picture?mode=defer&override_rate=55&override_until=270&truth=5&delay=5&lr=0.4&initial=95&trials=200: the
    guess at the cue was within 15 points of the outcome's 8% after most trials and left only at the end, yet the
    sentence said it was 'still more than 15 points from' it. It says now how long it was within."""
    r, text = said(PREDICTOR, mode="defer", **state)
    observed = round(100 * r.observed)
    near = sum(abs(round(100 * g) - observed) <= 15 for g in r.cue_guesses()[1:])
    assert near == within and abs(round(100 * r.final_guess) - observed) > 15
    assert "still more than 15 points" not in text["persistence"]
    assert (f"now more than 15 points from how often the outcome happened ({observed}%), though in {within} of the "
            f"{trials} trials it ended within 15 points of it.") in text["persistence"], text["persistence"]
    old = text["persistence"].split(", now more than")[0] + (f", still more than 15 points from how often the outcome "
                                                               f"happened ({observed}%).")
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, old)]
    miscounted = text["persistence"].replace(f"in {within} of", f"in {within - 1} of")
    assert [f for t in PREDICTOR.all_truths for f in t.failures(r, miscounted)]


@pytest.mark.parametrize("changes,old", [
    (dict(first=-0.2, means_end=0.15, social=0.4), " No clash, yet its second-order value keeps pushing the first-order "
                                                   "one, which is still rising."),
    (dict(first=0, means_end=0.1, social=0.2), " No clash, yet its second-order value keeps pushing the first-order "
                                               "one, which is still rising."),
])
def test_a_value_that_reads_plus_1_00_is_not_still_rising(changes, old):
    """/big-picture?first=-0.2&means_end=0.15&social=0.4&access=thinking#widget-preferences: the first-order value
    ends at 0.995, shown +1.00 (the table's last two rows +0.86 and +1.00), and the summary and grid said 'values
    obeying the law (+1.00) … which is still rising': a value reading the top of the scale cannot be said to rise
    further. They now say it has been pushed to +1.00, the top of the scale."""
    from app.pages.big_picture.present import preference_view
    r = PREFERENCES.run({**PREFERENCES.defaults(), **changes, "access": "thinking"})
    assert 0.99 < float(r.first[-1]) < 1 and PREFERENCES.table(r).rows[-1][1] == "+1.00"
    assert float(r.first[-1]) - float(r.first[-11]) > 0.1
    for text in (PREFERENCES.summary(r), preference_view(r, {})["text"]):
        assert "still rising" not in text and "No motive to change" not in text, text
        assert text.endswith(" No clash: its second-order value has pushed the first-order one to +1.00, the top of "
                             "the scale."), text
        assert not _caught(PREFERENCES, r, text)
        assert _caught(PREFERENCES, r, text.split(" No clash")[0] + old)


def test_a_value_that_reads_minus_1_00_is_not_still_falling():
    """/big-picture?first=0&means_end=0.1&social=-0.2&access=thinking#widget-preferences: the claim said the AGI
    reshapes its first-order value 'from 0.00 … to −1.00 (it dislikes it), and still falling'."""
    r, text = said(PREFERENCES, first=0, means_end=0.1, social=-0.2, access="thinking")
    assert -1 < float(r.first[-1]) < -0.99
    assert text["mismatch"].endswith("to −1.00 (it dislikes it)."), text["mismatch"]
    assert not _caught(PREFERENCES, r, text["mismatch"])
    assert _caught(PREFERENCES, r, text["mismatch"][:-1] + ", and still falling.")


def test_the_api_answers_question_1_as_the_grid_does(client):
    """/api/big-picture/preferences?first=-1&means_end=0.05&social=0.3&access=thinking: the first-order value ends at
    +0.05, indifferent, which the grid, table and chart count as a no to question 1 (Byrnes asks for a positive
    value), but the API's `end` said 'neither'. `end` now gives the grid's answers (PreferenceRun.answers, which the
    cell is made from); the three-way readings the sentences word are in `end_stances`."""
    from app.pages.big_picture.present import preference_view
    query = "first=-1&means_end=0.05&social=0.3&access=thinking"
    answer = client.get(f"/api/big-picture/preferences?{query}").json()
    r, _ = said(PREFERENCES, first=-1, means_end=0.05, social=0.3, access="thinking")
    assert answer["end"] == ["no", "yes"] == list(preference_view(r, {})["end"])
    assert answer["end_stances"] == ["neither", "yes"] and answer["ego_dystonic_at_end"] is True
    assert answer["claims"]["mismatch"].endswith("the AGI is indifferent to obeying the law and values valuing it.")
    # Where question 2 has no clear answer there is no cell, and `end` says 'neither' for it.
    plain = client.get("/api/big-picture/preferences?first=0.8&means_end=0&social=0&access=none").json()
    assert plain["end"] == ["yes", "neither"] == plain["end_stances"]
    grid = client.get(f"/big-picture?{query}").text.split('class="pref-grid"')[1].split("</table>")[0]
    assert grid.count('<strong class="cell-mark"') == 1


@pytest.mark.parametrize("changes,moved,end", [
    (dict(override_rate=45, override_until=140, truth=0, delay=2, lr=0.6, initial=10, trials=290), 10, "at it"),
    (dict(override_rate=95, override_until=270, truth=15, delay=17, lr=0.6, initial=5, trials=100), 12,
     "only 3 points from it"),
    (dict(override_rate=65, override_until=60, truth=15, delay=3, lr=0.05, initial=25, trials=50), 7, "6 points from it"),
])
def test_checks_that_moved_a_near_guess_nearer_the_rate_are_not_said_to_have_moved_it_anyway(changes, moved, end):
    """/big-picture?mode=defer&override_rate=45&override_until=140&truth=0&delay=2&lr=0.6&initial=10&trials=290: the
    guess went from 10% to 0%, exactly the observed rate, and the sentence said it had started within 15 points of
    it, 'yet the checks still moved it 10 points.', as if the move were harm, not a correction. 'Yet' now only where
    the guess ended further from the rate than it started; otherwise the move is said with where it ended."""
    r, text = said(PREDICTOR, mode="defer", **changes)
    observed = round(100 * r.observed)
    start_off, end_off = (abs(round(100 * g) - observed) for g in (r.initial, r.final_guess))
    assert end_off <= start_off <= 15
    sentence = text["persistence"]
    assert f"), and it moved {moved} points, ending {end}." in sentence, sentence
    assert "yet" not in sentence and "still moved" not in sentence
    assert not _caught(PREDICTOR, r, sentence)
    old = sentence.replace(f"and it moved {moved} points, ending {end}.", f"yet the checks still moved it {moved} points.")
    assert old != sentence and _caught(PREDICTOR, r, old)
    assert _caught(PREDICTOR, r, sentence.replace("), and it moved", "), yet it still moved"))


@pytest.mark.parametrize("changes,guess", [(dict(hunger=50), "+0.20"), (dict(hunger=100, valence_guess=0.9), "+0.90")])
def test_a_guess_learning_leaves_where_it_was_stays_there_in_the_summary_too(changes, guess):
    """/big-picture?hunger=50: the learning claim says the guess 'stays at +0.20' (it deferred, nothing corrects it),
    while the summary said 'the guess becomes +0.20'. Both now take their verb from one rule: the actual valence is
    the guess, as shown."""
    t, text = said(THOUGHT, **changes)
    summary = THOUGHT.summary(t)
    assert summary.endswith(f"; the guess stays at {guess}."), summary
    assert "becomes" not in summary and (f"stays at {guess}" in text["learning"] or "nothing to correct" in text["learning"])
    assert not _caught(THOUGHT, t, summary)
    assert _caught(THOUGHT, t, summary.replace("stays at", "becomes"))
    moved = THOUGHT.run({**THOUGHT.defaults(), "hunger": 100, "valence_guess": -0.5})
    assert THOUGHT.summary(moved).endswith("; the guess becomes +0.20.")
    assert _caught(THOUGHT, moved, THOUGHT.summary(moved).replace("becomes", "stays at"))


@pytest.mark.parametrize("changes,ending", [
    (dict(first=1, means_end=0, social=-1), " No clash, yet its second-order value keeps pushing the first-order one, "
                                            "which is still falling."),
    (dict(first=-0.8, means_end=0.6, social=0.4), " No clash: its second-order value has pushed the first-order one to "
                                                  "−1.00, the bottom of the scale."),
])
def test_an_agi_that_dislikes_both_says_where_its_first_order_value_is_going_as_one_that_values_both_does(changes, ending):
    """/big-picture?first=1&means_end=0&social=-1&access=thinking#widget-preferences: the first-order value goes
    −0.35, −0.50, −0.65 over the last units of time, pushed down by the second-order value, yet the no/no cell said
    nothing of it, while the yes/yes cell says 'still rising'. Both agreeing cells now take the same words from the
    same predicates (_still_moving, _at_limit)."""
    from app.pages.big_picture.present import preference_view
    r = PREFERENCES.run({**PREFERENCES.defaults(), **changes, "access": "thinking"})
    assert r.end == ("no", "no")
    for text in (PREFERENCES.summary(r), preference_view(r, {})["text"]):
        assert text.endswith("nor wants to want to." + ending), text
        assert not _caught(PREFERENCES, r, text)
    summary = PREFERENCES.summary(r)
    assert _caught(PREFERENCES, r, summary.replace("still falling", "still rising").replace("bottom", "top"))
    assert _caught(PREFERENCES, r, summary.split(" No clash")[0] + " No motive to change.")


def test_the_trials_a_guess_was_within_15_points_are_said_as_a_count_not_a_moment():
    """Review 50 L1, /big-picture?mode=defer&override_rate=15&override_until=300&truth=40&delay=7&lr=0.7&initial=60
    &trials=210#predictor: 'though it was within 15 points of it after 30 of the 210 trials' read as 'once 30
    trials had passed'; 30 is how many trials ended with the guess within 15 points. It is said as a count now, and
    the old phrase is refused wherever the guess after trial 30 was not within 15 points too."""
    r, text = said(PREDICTOR, mode="defer", override_rate=15, override_until=300, truth=40, delay=7, lr=0.7,
                   initial=60, trials=210)
    observed = round(100 * r.observed)
    near = [abs(round(100 * g) - observed) <= 15 for g in r.cue_guesses()[1:]]
    assert sum(near) == 30 and not near[30 - 1]          # 30 trials within, but not the 30th
    sentence = text["persistence"]
    assert ("now more than 15 points from how often the outcome happened (38%), though in 30 of the 210 trials it "
            "ended within 15 points of it.") in sentence, sentence
    assert not _caught(PREDICTOR, r, sentence)
    old = sentence.replace("though in 30 of the 210 trials it ended within 15 points of it.",
                           "though it was within 15 points of it after 30 of the 210 trials.")
    assert old != sentence and _caught(PREDICTOR, r, old)


def test_a_net_move_is_not_credited_to_the_checks_when_unchecked_trials_moved_it_after_them():
    """Review 50 L2, /big-picture?mode=defer&override_rate=60&override_until=170&truth=15&delay=19&lr=0.4&initial=0
    &trials=240#predictor: 'the checks moved it 11 points', but by the last check (trial 169) the guess read 15%;
    the 71 unchecked trials after it took it down to 1% and back to 11%. The net move is said as the guess's own."""
    r, text = said(PREDICTOR, mode="defer", override_rate=60, override_until=170, truth=15, delay=19, lr=0.4,
                   initial=0, trials=240)
    assert r.last_check == 169 and round(100 * r.cue_guesses()[r.last_check]) == 15 and round(100 * r.final_guess) == 11
    sentence = text["persistence"]
    assert "(14%), and it moved 11 points, ending only 3 points from it." in sentence, sentence
    assert "the checks moved it 11" not in sentence and not _caught(PREDICTOR, r, sentence)
    assert _caught(PREDICTOR, r, sentence.replace("and it moved 11 points", "and the checks moved it 11 points"))


def test_a_reaction_13_points_off_is_not_only_13_points_off():
    """Review 50 L2, /big-picture?mode=defer&override_rate=100&override_until=190&truth=85&delay=19&lr=0.5&initial=90
    &trials=290#predictor: the anticipation sentence said 'only 13 points from how often the outcome followed the
    cue (85%)' while the persistence sentence beside it says the guess 'ended further off, 13 points from it'. 'Only'
    is kept for gaps of 5 points or fewer, as shown."""
    r, text = said(PREDICTOR, mode="defer", override_rate=100, override_until=190, truth=85, delay=19, lr=0.5,
                   initial=90, trials=290)
    assert abs(round(100 * r.anticipation) - round(100 * r.observed)) == 13
    assert "That is 13 points from how often the outcome followed the cue (85%)" in text["anticipation"]
    assert "yet it still moved 8 points, and it ended further off, 13 points from it" in text["persistence"]
    assert "the checks" not in text["persistence"].split(". The last check")[0].split("(85%)")[1]
    assert not _caught(PREDICTOR, r, text["anticipation"])
    assert _caught(PREDICTOR, r, text["anticipation"].replace("That is 13 points", "That is only 13 points"))
    # a gap of 5 or fewer keeps its 'only', and loses it wrongly
    r, text = said(PREDICTOR, mode="defer", override_rate=60, override_until=170, truth=15, delay=19, lr=0.4,
                   initial=0, trials=240)
    assert "That is only 3 points from how often the outcome followed the cue (14%)" in text["anticipation"]
    assert _caught(PREDICTOR, r, text["anticipation"].replace("only 3 points", "3 points"))
