"""The valence-disorders sentence, checked from what it says against the model's numbers at states worked
out by hand (the defect states of issue 32 among them), and on its thresholds exactly as the page shows
them. The dense sweep of every phrase against its declared predicate is tests/test_truths.py's."""
from __future__ import annotations

import re

import numpy as np
import pytest
from helpers import between

from app.pages.valence_disorders.page import DAY


def day(**changes):
    state = {**DAY.defaults(), **changes}
    d = DAY.run(state)
    return d, DAY.claim_texts(d)["day"], DAY.summary(d), _panel("layers").present(d, state)


def _panel(pid):
    return next(p for p in DAY.panels if p.id == pid)


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
    assert "nothing is thrown out" in text and "nothing interrupted" in summary
    # Nothing races, so the day is not the mania-like pattern, and the sentence says why.
    assert "falls short of the toy pattern Byrnes compares to mania" in text and "every positive thought sits at +3" in text


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
    assert "narcissistic" not in text and "split" not in panel["lit"] and "33% mild" in panel["shape"]


def test_extremised_far_enough_both_ends_fill_and_the_middle_empties():
    d, text, _, panel = day(extremise=0.8)
    negative, positive, mild, good, bad = shares(d)
    assert mild == 0 and good == 64 and bad == 36
    assert all(abs(v) >= 2 for v in d.valences)
    assert "Every thought is strongly good or strongly bad (64% at +2 or more, 36% at −2 or less); none lies in between." in text
    assert "compares to narcissistic personality disorder" in text
    assert d.person_flips > 0 and f"jumps by {d.swing:.1f} on average" in text and panel["lit"] == ("split",)


def test_the_layer_notes_agree_with_the_lit_cluster():
    """Issue 32: at ?extremise=0.3 and ?offset=0.5&spread=0 the notes ('usual spread', 'centred') contradicted
    the lit cluster; the notes now give the day's shares, which decide it."""
    d, text, _, panel = day(extremise=0.3)
    negative, positive, mild, good, bad = shares(d)
    assert (mild, good, bad) == (9, 15, 5) and panel["lit"] == () and "None of the three patterns" in text
    d, text, _, panel = day(offset=0.5, spread=0)
    negative, positive, *_ = shares(d)
    assert positive == 100 and panel["lit"] == ("racing",) and panel["shift"] == "0% bad, 100% good"


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
    # One thought of the 960 sits at exactly 0, counted with the bad ones (review 5, #7), and the sentence says so.
    assert ("91% of thoughts have negative valence (under 1% sit at exactly 0, counted with the bad ones), so starting "
            "anything is hard") in text
    assert "(scratch an itchy bite, acted on 50%" in text and panel["lit"] == ("stuck",)


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
    assert panel["lit"] == ("stuck",)


def test_nine_percent_in_between_as_shown_is_all_or_nothing_and_ten_percent_is_too_many():
    """On the thresholds as shown (review 6, #3: in between is everything short of strong, within two points of
    neutral): 9.3% in between (shown 9%) with 10% strongly good is all-or-nothing; 10.5% (shown 10%) is not."""
    d, text, _, _ = day(offset=-1.25, spread=0.25, extremise=0.6)
    assert 0.09 < float(np.mean(np.abs(np.array(d.valences)) < 2)) < 0.095
    assert ("Nearly every thought is strongly good or strongly bad (10% at +2 or more, 81% at −2 or less); only 9% lie "
            "in between, within two points of neutral.") in text and "narcissistic" in text
    assert not [f for t in DAY.all_truths for f in t.failures(d, text)]
    d, text, _, _ = day(offset=1.5, spread=1.75, extremise=0.6)
    assert 0.1 < float(np.mean(np.abs(np.array(d.valences)) < 2)) < 0.106
    assert "narcissistic" not in text and "None of the three patterns" in text


def test_a_day_idle_but_for_two_minutes_is_not_called_idle_all_day():
    """Review 3, VD-1: ?offset=-3&spread=0.5&extremise=0 said '2 thoughts were acted on and nothing was under way
    for 16 hours' (958 of the 960 minutes, rounded to the whole day); the summary 'Idle 16 hours of 16 hours'."""
    d, text, summary, _ = day(offset=-3, spread=0.5, extremise=0)
    assert d.acted_total == 2 and sum(b is None for b in d.busy) == 958
    assert "2 thoughts were acted on and nothing was under way for all but 2 minutes of the day;" in text
    assert "16 hours" not in text and summary.startswith("Idle all but 2 minutes of 16 hours;")
    assert DAY.live(d)["idle"] == "was idle for all but 2 minutes of the day"
    d, text, summary, _ = day(offset=-3, spread=0)                   # the whole day idle is said as such
    assert "nothing was under way for 16 hours" in text and summary.startswith("Idle all day;")


def test_hours_idle_round_halves_up_as_a_reader_divides_the_minutes():
    """At the strong negative bias, 681 of the 960 minutes are idle (one thought thrown out a minute): 11.35
    hours, which a reader rounds to 11.4; the sentence, live number and summary say so, never 11.3. And 123
    minutes are 2.05 hours, 2.1 to a tenth, never a whole 2 hours."""
    d, text, summary, _ = day(offset=-2)
    idle = sum(b is None for b in d.busy)
    assert idle == 681 and d.rerolls == 681
    assert "nothing was under way for 11.4 hours;" in text and "11.3" not in text
    assert DAY.live(d)["idle"] == "was idle for 11.4 hours" and summary.startswith("Idle 11.4 hours of 16 hours")
    d, text, summary, _ = day(offset=-1.25, spread=1.75, extremise=0.1)
    assert sum(b is None for b in d.busy) == 123
    assert "nothing was under way for 2.1 hours;" in text and summary.startswith("Idle 2.1 hours")
    # The truth holds the sentence to the same rounding: the hours a half-even rounding would give are refused.
    idle_truth = next(t for t in DAY.all_truths if "nothing was under way" in t.pattern)
    assert idle_truth.failures(d, text.replace("under way for 2.1 hours", "under way for 2 hours"))


def test_a_share_short_of_all_is_never_100_percent():
    """Review 3, VD-2: '100% of thoughts have negative valence … what still gets through …' for 99.8%; '100% of
    thoughts have positive valence' with one thought thrown out; '100% strong' for 99.8%."""
    d, text, _, panel = day(offset=-3, spread=0.5, extremise=0)
    assert 0.99 < d.negative < 1 and "Over 99% of thoughts have negative valence" in text and "100%" not in text
    assert "here over 99% of thoughts bad (valence 0 or below) and under 1% good" in panel["caption"]
    assert panel["shift"] == ">99% bad, <1% good"
    for state in ({"offset": 2, "spread": 0.75}, {"offset": 3, "spread": 1.25, "extremise": 0.4}):
        d, text, _, panel = day(**state)
        assert 0.99 < d.positive < 1 and "Over 99% of thoughts have positive valence" in text, state
        assert "100%" not in text and "over 99% good" in panel["caption"], state
    d, _, _, panel = day(offset=3, spread=1, extremise=0.6)
    assert 0.99 < d.strong_good + d.strong_bad < 1
    assert "and over 99% strong" in panel["caption"] and panel["shape"].endswith(">99% strong")


def test_the_shares_bad_and_good_add_up():
    """Review 3, VD-3: '98% bad, 3% good' for 97.5% and 2.5% (and 83% and 18%, 88% and 13%)."""
    for state, (bad, good) in (({"offset": -3, "spread": 1}, ("98%", "2%")),
                               ({"offset": -1.75, "spread": 1.25}, ("83%", "17%")),
                               ({"offset": -2.5, "spread": 1.75}, ("88%", "12%"))):
        d, text, _, panel = day(extremise=0, **state)
        assert d.negative + d.positive == 1
        assert panel["shift"] == f"{bad} bad, {good} good", state
        assert f"here {bad} of thoughts bad (valence 0 or below) and {good} good" in panel["caption"], state
        assert f"{bad} of thoughts have negative valence" in text, state


def test_the_drawing_splits_at_zero_and_puts_a_thought_at_zero_on_the_bad_side():
    """Review 3, VD-4 and VD-5 (then of the histogram): the itch thoughts at exactly 0 (thrown out) were drawn as kept.
    The shifted distribution's bad side (hatched) ends at 0 and holds them; its good side starts above 0."""
    for state in ({}, {"offset": -2, "spread": 0}, {"offset": 0, "spread": 0}):
        d = DAY.run({**DAY.defaults(), **state})
        s = _panel("shift").present(d, {**DAY.defaults(), **state})
        assert s["bad"][-1][0] == 0 and s["good"][0][0] == 0 and s["good"][1][0] > 0, state
    d = DAY.run({**DAY.defaults(), "offset": -2, "spread": 0})
    s = _panel("shift").present(d, {**DAY.defaults(), "offset": -2, "spread": 0})
    assert d.positive == 0 and d.valences.count(0.0) / len(d.valences) > 0.1
    assert s["bad_text"] == "100% bad" and s["good_text"] == "0% good" and max(h for _, h in s["good"][1:]) < 0.01
    assert s["bad"][-1][1] > 0.5                                           # the itch thoughts, at exactly 0, drawn bad


def test_a_share_that_is_not_none_is_never_0_percent():
    """Review 3, VD-6: 'Get up and start a task | 223 | 1 | 0%', its bar labelled '0%', and '0% mild' for a few."""
    d = DAY.run({**DAY.defaults(), "offset": -0.25, "spread": 0.25, "extremise": 0.2})
    assert d.acted["task"] == 1 and d.offered["task"] == 223
    row = next(r for r in DAY.table(d).rows if r[0] == "Get up and start a task")
    assert row == ("Get up and start a task", "223", "1", "under 1%")
    acted = DAY.render_figures(d)["acted"]["data"][0]
    assert acted["text"][acted["y"].index("Task")] == "under 1%"
    for state in ({"offset": 1.5, "spread": 0.5, "extremise": 0.3}, {"offset": -3, "spread": 0.25, "extremise": 0.2}):
        d, _, summary, panel = day(**state)
        assert 0 < d.mild < 0.01 and panel["shape"].startswith("<1% mild"), state
        assert "under 1% mild" in panel["caption"] and "under 1% of thoughts within a point of neutral" in summary


def _histogram_dark(d) -> float:
    """The share of thoughts the shifted distribution labels bad ('0 or below'), as the histogram's dark series did."""
    s = _panel("shift").present(d, {"offset": d.offset, "spread": d.spread, "extremise": d.extremise})
    return int(s["bad_text"].split("%")[0]) / 100


def test_bad_counts_what_the_histogram_counts_and_a_thought_at_zero_is_said():
    """Review 5, #7, /valence-disorders?offset=0&spread=0&extremise=0 (and offset=−2): the valence box said '23% bad,
    61% good' (16% of thoughts at exactly 0 counted as neither) beside a histogram whose dark series, 'Valence 0 or
    below', holds 39%. Bad is valence 0 or below everywhere (a thought at 0 is thrown out like a negative one), the
    two add up to 100%, and a thought at exactly 0 is named where the sentence gives negative valence alone."""
    for offset in (0, -2):
        d, text, _, panel = day(offset=offset, spread=0, extremise=0)
        zero = float(np.mean(np.array(d.valences) == 0))
        assert zero > 0.1
        bad, good = (int(x) for x in re.fullmatch(r"(\d+)% bad, (\d+)% good", panel["shift"]).groups())
        assert bad + good == 100 and abs(bad / 100 - _histogram_dark(d)) < 0.01, (offset, panel["shift"])
        assert f"here {bad}% of thoughts bad (valence 0 or below) and {good}% good" in panel["caption"]
        assert not [f for t in DAY.all_truths for f in t.failures(d, panel["caption"])]
    d, text, _, _ = day(offset=-2, spread=0, extremise=0)
    assert "88% of thoughts have negative valence (12% sit at exactly 0, counted with the bad ones) and none positive" in text
    assert not [f for t in DAY.all_truths for f in t.failures(d, text)]
    assert [f for t in DAY.all_truths for f in t.failures(d, "here 88% of thoughts bad (valence 0 or below) and 0% good")]


def test_a_fully_extremised_day_always_shows_one_of_the_three_patterns():
    """Review 5, #8, /valence-disorders?offset=2&spread=2&extremise=1 (and offset=0.5&spread=0.5&extremise=1,
    offset=1&spread=1&extremise=0.9): every thought strongly good or strongly bad (100% strong), yet 'None of the
    three patterns shows', since 11% bad fell between the all-or-nothing threshold (15% each way) and mania's (90%
    positive). Where mild thoughts vanish, the day is all-or-nothing, or so one-sided that it is the strong bias (on a
    mostly positive day where no idea races, the sentence says it falls short of the mania-like pattern, and why)."""
    for state in ({"offset": 2, "spread": 2, "extremise": 1}, {"offset": 0.5, "spread": 0.5, "extremise": 1},
                  {"offset": 1, "spread": 1, "extremise": 0.9}):
        d, text, _, panel = day(**state)
        assert all(abs(v) >= 2 for v in d.valences)
        assert "None of the three patterns" not in text and panel["lit"], state
        assert not [f for t in DAY.all_truths for f in t.failures(d, text)]
        assert [f for t in DAY.all_truths for f in t.failures(d, text.split(" No thought")[0] + " None of the three "
                                                                "patterns shows at these settings.")]
    for offset in np.arange(-3, 3.01, 0.25):
        for spread in (0, 0.5, 1, 1.5, 2):
            for extremise in (0.7, 1):
                d, text, _, _ = day(offset=float(offset), spread=spread, extremise=extremise)
                if all(abs(v) >= 2 for v in d.valences):
                    assert ("None of the three patterns" not in text
                            or "falls short of the toy pattern Byrnes compares to mania" in text), (offset, spread, extremise)


def test_ten_percent_at_the_rarer_end_as_shown_is_all_or_nothing_and_nine_is_a_strong_bias():
    """Review 5, #8, the threshold itself, on fully extremised days (every thought strong): 10% strongly good as shown
    is all-or-nothing; 9% leaves 91% negative, the strong negative bias. Nothing falls between."""
    d, text, _, panel = day(offset=-3, spread=2, extremise=0.7)
    assert all(abs(v) >= 2 for v in d.valences) and "(10% at +2 or more, 90% at −2 or less)" in text
    assert "narcissistic" in text and panel["lit"] == ("stuck", "split")      # 90% negative too: both (review 7)
    d, text, _, panel = day(offset=-2.75, spread=1.75, extremise=0.7)
    assert all(abs(v) >= 2 for v in d.valences) and "91% of thoughts have negative valence" in text
    assert "compares to depression" in text and panel["lit"] == ("stuck",)


# ------------------------------------------------------------------- sixth review (round 6)

def test_all_or_nothing_is_not_lit_where_most_thoughts_are_in_between(client):
    """Review 6, #3, /valence-disorders?offset=-0.25&spread=1&extremise=0.4 (also offset=-0.25&spread=1.75&
    extremise=0.3 and offset=-0.5&spread=1&extremise=0.4): the NPD pattern ('very good or very bad, rarely in
    between') was lit, with 'No thought is mildly good or mildly bad … strongly good and strongly bad ones are both
    common (15% …, 11% …)', where 74% of thoughts lay between 1 and 2 points from neutral. In between is everything
    short of strong (within two points of neutral), and the pattern needs under 10% there."""
    for query in ("offset=-0.25&spread=1&extremise=0.4", "offset=-0.25&spread=1.75&extremise=0.3",
                  "offset=-0.5&spread=1&extremise=0.4"):
        api = client.get(f"/api/valence-disorders?{query}").json()
        state = api["parameters"]
        d = DAY.run(state)
        in_between = float(np.mean(np.abs(np.array(d.valences)) < 2))
        assert in_between > 0.5, query
        assert api["pattern"] != "extremes" and "narcissistic" not in api["claims"]["day"], query
        html = client.get(f"/valence-disorders?{query}").text
        assert "the lit cluster is: all-or-nothing judgements" not in html, query
        old = DAY.claim_texts(d)["day"].split(" None of")[0] + (" No thought is mildly good or mildly bad (0% within a "
              "point of neutral), yet strongly good and strongly bad ones are both common. This is the toy version of "
              "the pattern Byrnes compares to narcissistic personality disorder (a toy pattern, not a diagnosis).")
        assert [f for t in DAY.all_truths for f in t.failures(d, old)], query


def test_wherever_all_or_nothing_is_lit_nearly_every_thought_is_strong():
    """Review 6, #3, over a coarse grid of states (the sweep, tests/test_truths.py, checks every phrase on the dense
    one): the pattern and its sentence agree with 'rarely in between': under 10% of thoughts within two points of
    neutral, and the sentence says so."""
    from app.pages.valence_disorders.present import pattern
    lit = 0
    for offset in np.arange(-3, 3.01, 0.5):
        for spread in (0, 0.5, 1, 1.5, 2):
            for extremise in (0.3, 0.4, 0.5, 0.6, 0.8, 1):
                d = DAY.run({"offset": float(offset), "spread": spread, "extremise": extremise})
                if pattern(d) != "extremes":
                    continue
                lit += 1
                assert np.mean(np.abs(np.array(d.valences)) < 2) < 0.1, (offset, spread, extremise)
                text = DAY.claim_texts(d)["day"]
                assert "strongly good or strongly bad" in text and "mildly" not in text and "common" not in text
    assert lit > 30


# ------------------------------------------------------------------- seventh review

def test_a_day_that_meets_both_the_negative_and_the_all_or_nothing_thresholds_lights_and_names_both():
    """Review 7 (pages B #1), ?offset=-1.75&spread=0.75&extremise=0.8: 90% of thoughts bad, 10% strongly good, idle
    13 hours. The day met the page's depression threshold (at least 80% negative) and its all-or-nothing one, yet
    only the NPD box was lit and the sentence named only that pattern. Where both thresholds hold, both show."""
    from app.pages.valence_disorders.present import BETWEEN_UNDER, NEGATIVE_AT, STRONG_AT, split_points
    for state in (dict(offset=-1.75, spread=0.75, extremise=0.8), dict(offset=-1, spread=0, extremise=0.7),
                  dict(offset=-1.5, spread=0, extremise=0.6)):
        d, text, summary, panel = day(**state)
        p = split_points(d)
        assert p["negative"] >= NEGATIVE_AT, (state, p)                         # the depression threshold
        assert p["between"] < BETWEEN_UNDER and min(p["good"], p["bad"]) >= STRONG_AT, (state, p)   # all-or-nothing
        assert set(panel["lit"]) == {"stuck", "split"}, (state, panel["lit"])
        assert "the lit clusters are: hard to start anything and all-or-nothing judgements" in panel["caption"]
        assert "compares to depression" in text and "compares to narcissistic personality disorder" in text, text
        assert "two of the toy patterns at once" in text, text
        assert not [f for t in DAY.all_truths for f in t.failures(d, text + " " + panel["caption"])]


def test_the_pattern_sentences_are_refused_where_the_shares_do_not_meet_the_patterns_named():
    """The day at ?offset=-1.75&spread=0.75&extremise=0.8 meets two patterns (at least 80% negative; under 10% in
    between with at least 10% strong each way, in the shares as shown): a sentence or caption naming only one of
    them is refused, and so is 'two at once' where the shares meet one."""
    from app.pages.valence_disorders.present import BOTH_PATTERNS, LIT_CLUSTERS, NO_PATTERN, ONE_PATTERN, split_points
    d, text, _, panel = day(offset=-1.75, spread=0.75, extremise=0.8)
    p = split_points(d)
    assert p["negative"] >= 80 and p["between"] < 10 and p["good"] >= 10 and p["bad"] >= 10 and p["positive"] < 90
    one = " This is the toy version of the pattern Byrnes compares to depression."
    assert ONE_PATTERN.failures(d, one) and not ONE_PATTERN.failures(d, text)
    assert LIT_CLUSTERS.failures(d, "At these settings the lit cluster is: hard to start anything.")
    assert NO_PATTERN.failures(d, "At these settings no cluster is lit.")
    assert NO_PATTERN.failures(d, " None of the three patterns shows at these settings.")
    assert not LIT_CLUSTERS.failures(d, panel["caption"])
    two = (" The day meets two of the toy patterns at once: the one Byrnes compares to depression and the one he "
           "compares to narcissistic personality disorder (toy patterns, not diagnoses).")
    assert not BOTH_PATTERNS.failures(d, two)
    assert BOTH_PATTERNS.failures(d, two.replace("depression", "mania"))
    for state in (dict(offset=-3, spread=0, extremise=0), dict(offset=0, spread=0, extremise=0)):
        d, text, _, _ = day(**state)
        p = split_points(d)
        met = (p["negative"] >= 80) + (p["positive"] >= 90) + (p["between"] < 10 and min(p["good"], p["bad"]) >= 10)
        assert met < 2 and BOTH_PATTERNS.failures(d, two), state


def test_ideas_breaking_in_are_said_only_of_a_day_they_broke_into_often():
    """At offset 0.75, spread 0.5 and extremise 0.7 one activity in the whole day was interrupted, and the sentence
    that reports it went on 'the mind is nearly always busy, with better-feeling ideas breaking in'. Said now only
    of a day with at least one interruption an hour; at offset 2, with dozens, it still is."""
    from app.pages.valence_disorders.page import DAY
    d = DAY.at_defaults(offset=0.75, spread=0.5, extremise=0.7)
    assert 0 < d.switches < 16
    text = " ".join(DAY.claim_texts(d).values())
    assert "breaking in" not in text, text
    busy = DAY.at_defaults(offset=2)
    assert busy.switches >= 16 and "with better-feeling ideas breaking in" in " ".join(DAY.claim_texts(busy).values())
    assert [f for t in DAY.all_truths for f in t.failures(d, "the mind is nearly always busy, with better-feeling ideas breaking in")]


@pytest.mark.parametrize("extremise", [0.7, 1])
def test_thoughts_at_exactly_zero_that_extremising_leaves_mild_are_explained(extremise):
    """/valence-disorders?offset=0&spread=0&extremise=1#day: every 'start an ambitious new plan' thought has valence
    exactly 0, which extremising (a push by the valence's sign) leaves at 0, so 16% of thoughts stay mild and no
    pattern shows, though the slider says it pushes each valence toward strongly good or strongly bad. The sentence
    says why they stay."""
    d, text, summary, panel = day(offset=0, spread=0, extremise=extremise)
    zero = float(np.mean(np.array(d.valences) == 0))
    assert round(100 * zero) == 16 and all(abs(v) >= 2 for v in d.valences if v != 0)
    assert "16% of thoughts within a point of neutral" in summary and panel["shape"].startswith("16% mild")
    assert "None of the three patterns shows" in text
    assert "16% of thoughts sit at exactly 0, which extremising cannot push either way, so they stay mild." in text
    assert not [f for t in DAY.all_truths for f in t.failures(d, text)]
    # The same sentence without extremising is refused: there is nothing to push.
    d0, _, _, _ = day(offset=0, spread=0, extremise=0)
    assert [f for t in DAY.all_truths for f in t.failures(
        d0, "16% of thoughts sit at exactly 0, which extremising cannot push either way, so they stay mild.")]
    # With extremising on, the share at 0 is said with its reason wherever it is said (the negative bias too).
    d, text, _, _ = day(offset=-2, spread=0, extremise=extremise)
    assert "(12% sit at exactly 0, which extremising cannot push either way, counted with the bad ones)" in text
    assert [f for t in DAY.all_truths for f in t.failures(d, "(12% sit at exactly 0, counted with the bad ones)")]


@pytest.mark.parametrize("query", ["offset=2&spread=1&extremise=0.8", "offset=0.5&spread=0&extremise=0.6"])
def test_racing_from_idea_to_idea_is_not_lit_on_a_day_when_ideas_hardly_switch(client, query):
    """/valence-disorders?offset=2&spread=1&extremise=0.8: 99% of thoughts positive, yet 58 thoughts acted on and one
    interruption all day (the default day, nothing lit, has 62), and the panel lit 'Racing from idea to idea' with
    'the toy version of the pattern Byrnes compares to mania'. The racing needs ideas breaking in, at least once an
    hour; without it the sentence says the day falls short, and why (extremising squeezes the good thoughts together)."""
    from app.pages.valence_disorders.model import MOMENTS
    api = client.get(f"/api/valence-disorders?{query}").json()
    state = api["parameters"]
    d, text, _, panel = day(**state)
    assert d.positive > 0.9 and d.switches < MOMENTS / 60 < day()[0].switches
    assert api["pattern"] != "positive" and "positive" not in api["patterns"]
    assert "racing" not in panel["lit"] and "racing from idea to idea" not in panel["caption"]
    assert "This is the toy version of the pattern Byrnes compares to mania" not in text
    assert "falls short of the toy pattern Byrnes compares to mania" in text
    assert f"extremising at {state['extremise']:.1f} shrinks the gap between any two positive valences" in text
    html = client.get(f"/valence-disorders?{query}").text
    assert 'class="node layer-racing lit"' not in between(html, 'id="panel-day-layers"', 'class="panel-key"')
    # The old sentence and caption are refused by the page's truths at this state.
    old = text.split(" Yet ")[0] + ". This is the toy version of the pattern Byrnes compares to mania."
    assert [f for t in DAY.all_truths for f in t.failures(d, old)]
    assert [f for t in DAY.all_truths for f in t.failures(d, "At these settings the lit cluster is: racing from idea to idea.")]


def test_the_strong_positive_bias_with_ideas_breaking_in_still_lights_racing():
    """content.md, 'Things to try', offset 2: 'better-feeling ideas keep interrupting what it is doing'."""
    from app.pages.valence_disorders.model import MOMENTS
    d, text, _, panel = day(offset=2)
    assert d.switches >= MOMENTS / 60 and panel["lit"] == ("racing",)
    assert "with better-feeling ideas breaking in. This is the toy version of the pattern Byrnes compares to mania" in text


def test_a_day_idle_throughout_says_so_without_16_hours_of_16_hours():
    """/valence-disorders?offset=-3&spread=0.25&extremise=0.2: nothing is ever acted on, and the summary read 'Idle 16
    hours of 16 hours'."""
    from app.pages.valence_disorders.page import DAY
    d = DAY.run({**DAY.defaults(), "offset": -3, "spread": 0.25, "extremise": 0.2})
    summary = DAY.summary(d)
    assert summary.startswith("Idle all day;") and "16 hours of 16 hours" not in summary, summary
    assert not [f for t in DAY.all_truths for f in t.failures(d, summary)]
