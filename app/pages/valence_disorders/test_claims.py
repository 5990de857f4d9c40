"""The valence-disorders sentence, checked from what it says against the model's numbers at states worked
out by hand (the defect states of issue 32 among them), and on its thresholds exactly as the page shows
them. The dense sweep of every phrase against its declared predicate is tests/test_truths.py's."""
from __future__ import annotations

import re

import numpy as np

from app.pages.valence_disorders.page import DAY


def day(**changes):
    state = {**DAY.defaults(), **changes}
    d = DAY.run(state)
    return d, DAY.claim_texts(d)["day"], DAY.summary(d), DAY.panels[0].present(d, state)


def shares(d):
    """Negative, positive, within a point of neutral, at +2 or more, at -2 or less: from the valences."""
    v = np.array(d.valences)
    return [round(100 * float(x)) for x in (np.mean(v < 0), np.mean(v > 0), np.mean(np.abs(v) < 1),
                                             np.mean(v >= 2), np.mean(v <= -2))]


def test_nothing_interrupted_is_not_said_and_no_ideas_break_in():
    """Issue 32: '0 activities were interrupted … with better-feeling ideas breaking in' at ?offset=3&extremise=1:
    every valence is +3, so nothing can feel a point better than what is under way."""
    d, text, summary, _ = day(offset=3, extremise=1)
    assert set(d.valences) == {3.0} and d.switches == 0 and d.rerolls == 0
    assert "interrupted" not in text and "breaking in" not in text and not re.search(r"\b0 \w+", text)
    assert "nothing is thrown out" in text and "compares to mania" in text and "nothing interrupted" in summary


def test_no_swing_is_quoted_when_no_thought_about_a_person_flips():
    """Issue 32: 'jumps by 0.0 on average. The same person idealised and then devalued' at
    ?offset=-0.75&spread=0&extremise=0.2: with no spread a kind of thought always has the same valence."""
    d, text, _, _ = day(offset=-0.75, spread=0, extremise=0.2)
    assert d.person_flips == 0 and len({v for v, k in zip(d.valences, d.kinds) if k == "colleague"}) == 1
    assert "jumps by" not in text and "idealised" not in text


def test_a_third_of_thoughts_within_a_point_of_neutral_is_not_all_or_nothing():
    """Issue 32: at ?extremise=0.2 the label said 0% near neutral while its own histogram had 33% within ±1."""
    d, text, _, panel = day(extremise=0.2)
    negative, positive, mild, good, bad = shares(d)
    assert mild == 33 and min(abs(v) for v in d.valences) > 0.5       # the old ±0.5 band is empty by construction
    assert "narcissistic" not in text and panel["lit"] != "split" and "33% mild" in panel["shape"]


def test_extremised_far_enough_both_ends_fill_and_the_middle_empties():
    d, text, _, panel = day(extremise=0.8)
    negative, positive, mild, good, bad = shares(d)
    assert mild == 0 and good == 64 and bad == 36
    assert "No thought is mildly good or mildly bad (0% within a point of neutral)" in text
    assert "(64% at +2 or more, 36% at −2 or less)" in text and "compares to narcissistic personality disorder" in text
    assert d.person_flips > 0 and f"jumps by {d.swing:.1f} on average" in text and panel["lit"] == "split"


def test_the_layer_notes_agree_with_the_lit_cluster():
    """Issue 32: at ?extremise=0.3 and ?offset=0.5&spread=0 the notes ('usual spread', 'centred') contradicted
    the lit cluster; the notes now give the day's shares, which decide it."""
    d, text, _, panel = day(extremise=0.3)
    negative, positive, mild, good, bad = shares(d)
    assert (mild, good, bad) == (9, 15, 5) and panel["lit"] == "" and "None of the three patterns" in text
    d, text, _, panel = day(offset=0.5, spread=0)
    negative, positive, *_ = shares(d)
    assert positive == 100 and panel["lit"] == "racing" and panel["shift"] == "0% bad, 100% good"


def test_counts_agree_with_their_nouns():
    """Issue 32: '1 activities', '1 thoughts', '1 hours'."""
    d, text, _, _ = day(offset=-2.75, spread=1.5, extremise=0)
    assert d.switches == 1 and "1 activity was interrupted" in text
    d, text, summary, _ = day(offset=0.75, spread=0.25, extremise=0)
    assert d.rerolls == 1 and sum(b is None for b in d.busy) == 1
    assert "threw out 1 thought;" in text and "nothing was under way for 1 minute;" in text
    assert summary.startswith("Idle 1 minute of 16 hours; 1 thought thrown out")
    d, text, _, _ = day(offset=-0.5, spread=2, extremise=0.1)
    idle = sum(b is None for b in d.busy)
    assert 57 <= idle < 63 and "nothing was under way for 1 hour;" in text


def test_a_strong_negative_bias_leaves_only_the_most_appealing():
    d, text, _, panel = day(offset=-2)
    negative, *_ = shares(d)
    best = max(d.acted, key=lambda k: d.acted[k] / d.offered[k])
    assert negative == 91 and best == "itch" and d.rerolls > d.acted_total - d.switches
    assert "91% of thoughts have negative valence, so starting anything is hard" in text
    assert "(scratch an itchy bite, acted on 50%" in text and panel["lit"] == "stuck"


def test_pushed_far_enough_nothing_at_all_gets_through():
    d, text, _, _ = day(offset=-3, spread=0)
    assert d.acted_total == 0 and max(d.valences) < 0
    assert "not one thought was acted on" in text and "not even scratching an itchy bite" in text
    assert "something was always under way" not in text and "nothing was under way for 16 hours" in text


def test_eighty_percent_as_shown_is_a_strong_negative_bias():
    """On the threshold as shown: 79.6% negative is shown as 80% and counts."""
    d, text, _, panel = day(offset=-2, spread=1.75, extremise=0)
    assert 0.795 < d.negative < 0.8
    assert text.count("80% of thoughts have negative valence") == 1 and "compares to depression" in text
    assert panel["lit"] == "stuck"


def test_fifteen_percent_at_each_end_as_shown_is_enough_and_ten_percent_mild_is_too_many():
    d, text, _, _ = day(offset=-1.25, spread=2, extremise=0.4)
    assert 0.145 < d.strong_good < 0.15 and "(15% at +2 or more" in text and "narcissistic" in text
    d, text, _, _ = day(offset=-0.75, spread=1, extremise=0.3)
    assert 0.095 < d.mild < 0.1 and "narcissistic" not in text and "None of the three patterns" in text
