"""The pies page's claims at hand-checked states, read against what each sentence means about the model's
shares (including the states where a sentence was once false). tests/test_truths.py checks the declared
predicates over a dense sample of the whole space; here each case is worked from the numbers."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.pages.scheming_pie_charts.page import PIES

PIES_FOLDER = Path(__file__).parent


def run(**changes):
    result = PIES.run({**PIES.defaults(), **changes})
    return result, PIES.claim_texts(result)


def test_at_the_defaults_rlhf_keeps_the_ratio_and_rlvr_raises_it():
    """15 treacherous in 85 green: 17.6 red per 100 green, kept by blind raters, raised by RLVR."""
    r, texts = run()
    pre, mid, post = (r.red_per_green(s) for s in ("pretraining", "after RLHF", "after RLVR"))
    assert pre == pytest.approx(15 / 85) and mid == pytest.approx(pre, rel=1e-12) and post > mid
    assert texts["ratios"] == (f"So RLHF left it unchanged, and RLVR raised it from 17.6 to {100 * post:.1f}. "
                               "The sections below explain why.")
    c1, c2 = r.competence("after RLHF"), r.competence("after RLVR")
    assert c2 > c1 and texts["trade"].startswith(f"Here RLVR raised competence (the share of behaviour that gets "
                                                 f"tasks done, honestly or not) from {100 * c1:.1f}% to {100 * c2:.1f}%")


def test_a_ratio_too_small_to_show_is_almost_0_not_five_digits():
    """Raters who catch all treachery leave a trace of red: it was shown as '0.0025', then '0.00636 to 0.00456'."""
    r, texts = run(detect=100, rlhf=6, treacherous=1, exchange=5, rlvr=0.1)
    mid, post = r.red_per_green("after RLHF"), r.red_per_green("after RLVR")
    assert 100 * mid < 0.05 and 0.05 <= 100 * post < 0.15
    assert texts["ratios"].startswith("So RLHF lowered it from 1.0 to almost 0, and RLVR raised it from almost 0 to 0.1.")


def test_a_change_too_small_to_show_is_not_called_unchanged():
    _, texts = run(detect=100, rlhf=6, treacherous=1, exchange=5, rlvr=0.0)
    assert texts["ratios"] == "So RLHF lowered it from 1.0 to almost 0, and RLVR left it unchanged. The sections below explain why."
    # Raters who catch a tenth of the red, lightly applied: 1.01 per 100 falls to 0.96, both shown as 1.0.
    r, texts = run(nice=27, treacherous=1, rlhf=0.6, detect=10, rlvr=4.6, exchange=25)
    pre, mid = r.red_per_green("pretraining"), r.red_per_green("after RLHF")
    assert mid < pre and round(100 * pre, 1) == round(100 * mid, 1) == 1.0
    assert texts["ratios"].startswith("So RLHF kept it at 1.0, and RLVR raised it from 1.0 to ")


def test_seeming_nice_is_decided_on_the_share_as_shown():
    """Exactly on the threshold: with no RLHF, half the behaviour nice-looking is 50.0%, which seems nice."""
    r, texts = run(nice=50, rlhf=0, detect=0)
    assert r.seen_nice("after RLHF") == pytest.approx(0.5)
    assert "and 50.0% looks nice to a rater (green and red together), which is why the model “seems nice”" in texts["looks_nice"]
    r, texts = run(nice=49, rlhf=0, detect=0)
    assert "49.0% looks nice to a rater" in texts["looks_nice"] and texts["looks_nice"].endswith("does not even seem nice.")


def test_raters_who_catch_some_red_see_only_the_rest():
    r, texts = run(detect=40)
    green, red = r.share("after RLHF", "green"), r.share("after RLHF", "red")
    assert f"{100 * (green + 0.6 * red):.1f}% looks nice to a rater (green, and the 60.0% of red that raters miss)" \
        in texts["looks_nice"]


def test_rlvr_that_changes_nothing_is_not_said_to_buy_anything():
    _, texts = run(rlvr=0)
    assert texts["trade"] == "Here RLVR changes nothing: the mix after it is the mix before it."


def test_a_brain_like_learner_that_values_niceness_more_than_cheating_pays_gains_green_in_rlvr():
    """?scenario=brainlike&innate=80&exchange=20: the prose said RLVR 'erodes that green more slowly' while green
    rose from 88.2% to 92.0%; now the claim states which way it moved."""
    r, texts = run(scenario="brainlike", innate=80, exchange=20)
    g1, g2 = r.share("after RLHF", "green"), r.share("after RLVR", "green")
    assert g2 > g1
    assert texts["innate"] == (f"Here {100 * g1:.1f}% of the brain-like learner’s behaviour is green after RLHF, and "
                               f"RLVR then raised it to {100 * g2:.1f}%.")
    assert "erodes that green" not in (PIES_FOLDER / "content.md").read_text()


def test_a_brain_like_learner_that_values_niceness_less_than_cheating_pays_loses_green_in_rlvr():
    r, texts = run(scenario="brainlike", innate=20, exchange=100, rlvr=6)
    g1, g2 = r.share("after RLHF", "green"), r.share("after RLVR", "green")
    assert g2 < g1 and f"RLVR then lowered it to {100 * g2:.1f}%" in texts["innate"]


def test_without_a_reward_for_niceness_there_is_no_green_to_speak_of():
    r, texts = run(scenario="brainlike", innate=0)
    assert not r.path[:, 0].any()
    assert texts["innate"] == "Here the brain-like learner has no green at any stage of training."
    assert texts["ratios"] == ("There is no green at the start, after RLHF or after RLVR, so there is no ratio to "
                               "compare there.")
    assert texts["trade"].endswith("with no green left to compare red against.")


def test_for_an_llm_the_last_slider_is_said_to_do_nothing():
    r, texts = run(nice=70, treacherous=15)
    assert texts["innate"].endswith(f"gets its green from pretraining, {0.7 * 0.85 * 100:.1f}% of its behaviour at the start.")
