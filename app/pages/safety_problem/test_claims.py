"""The safety-problem page's claims, each checked from what it means against the model's numbers at
states worked out by hand (the issue's defect states among them). The dense sweep of every claim's
declared predicate is tests/test_truths.py; these tests pin the meaning those predicates encode."""
from __future__ import annotations

import math
import re
from html import unescape

import pytest

from app.pages.safety_problem.model import BETA, DECAY, GENERATION
from app.pages.safety_problem.page import CHAIN, PLAN, RODS
from app.wording import faults


# The defaults the earlier reviews' states were worked out at (before the newcomer review changed them).
OLD_RODS = {"strength": 1, "ramp": 1, "excess": 0.5}
OLD = "&strength=1&ramp=1&excess=0.5"


def _run(widget, **changes):
    result = widget.run({**widget.defaults(), **changes})
    return result, widget.claim_texts(result)


# ------------------------------------------------------------------------------ the knife-edge

def test_just_above_one_the_delayed_neutrons_set_a_slow_pace():
    """k = 1.001: reactivity 0.000999, far below the delayed fraction 0.0065, so the lasting growth
    rate is about lambda * rho / (beta - rho) = 0.0145 a second (doubling in about 48 s; the exact
    root gives 49 s); every neutron prompt: (k - 1) / L = 1 a second, doubling in 0.69 s."""
    r, text = _run(CHAIN, k=1.001)
    rho = (1.001 - 1) / 1.001
    assert r.rate == pytest.approx(DECAY * rho / (BETA - rho), rel=0.05)
    assert math.log(2) / r.rate == pytest.approx(49, abs=0.5)
    assert text["fate"] == ("At k = 1.001 the population doubles every 49 s: slow enough to control, because 0.65% of "
                            "neutrons arrive seconds late. If every neutron were prompt it would double every 0.7 s.")


def test_prompt_critical_is_too_fast_for_rods():
    """k = 1.02: reactivity 0.0196, three times the delayed fraction (3.02 notches): prompt neutrons
    alone grow at (rho - beta) / L = 13 a second, doubling in about 53 ms."""
    r, text = _run(CHAIN, k=1.02)
    assert r.rho_dollars == pytest.approx(0.02 / 1.02 / BETA) and r.prompt_critical
    assert math.log(2) / r.rate == pytest.approx(math.log(2) / ((0.02 / 1.02 - BETA) / GENERATION), rel=0.02)
    assert "prompt critical: k is more than 0.65% above 1" in text["fate"] and "dollar" not in text["fate"]
    assert "doubles every 53 ms, too fast for any rod" in text["fate"]


def test_below_one_the_reaction_dies_away():
    """k = 0.98 with every neutron prompt: the population falls by e^(0.02 / 1 ms) = e^20 a second,
    halving every ln 2 / 20 = 35 ms."""
    r, text = _run(CHAIN, k=0.98, delayed="without")
    assert text["fate"] == "At k = 0.980 the chain reaction dies away: the population halves every 35 ms."


@pytest.mark.parametrize("k", [1.02, 0.98, 1.0066, 1.001])
def test_the_chain_table_prints_plain_numbers(k):
    """At k = 1.02 the prompt-only population overflows (inf) and the delayed one reaches 10^274;
    at 0.98 it falls to 10^-313: the table said 'inf', '1.74e+274', '2.03e-313'."""
    table = CHAIN.table(CHAIN.run({**CHAIN.defaults(), "k": k}))
    cells = [c for row in table.rows for c in row]
    assert not any(faults(c) for c in cells), [c for c in cells if faults(c)]
    if k == 1.02:
        assert table.rows[-1][1:] == ("over 10¹²", "over 10¹²")


def test_lines_off_the_chart_are_marked_with_their_value():
    """At k = 0.98 the prompt-only line falls below 0.001 within a second: it is cut where it leaves,
    with a marker there and a label saying where it ends ('almost 0 by 60 s')."""
    figure = CHAIN.render_figures(CHAIN.run({**CHAIN.defaults(), "k": 0.98}))["chain"]
    prompt = next(t for t in figure["data"] if t["name"] == "If every neutron were prompt")
    assert prompt["y"][-1] is None and min(v for v in prompt["y"] if v is not None) == 0.001
    assert any("off the chart" in t["name"] for t in figure["data"])
    assert any("almost 0 by 60 s" in a["text"] for a in figure["layout"]["annotations"])


# ---------------------------------------------------------------- control rods before the reaction

def test_a_fix_in_time_at_the_defaults():
    """Defaults: rods worth 1.5 notches, 90% of crews careful, 3 notches a minute to 0.8 planned. Ready
    any time up to the first reaction, 16% of piles run away (the rule-breakers' 10% and the boldest careful
    crew in 16, who plans 0.8 * e^(0.5 * 1.86) = 2.0 notches, past the rods' 1.5); 30 s late, 44% (6 careful
    crews in 16 reach the damage level before the rods are ready); 4 minutes late, 94%."""
    r, text = _run(RODS)
    assert all(r.by_ready[t] == pytest.approx(0.9 / 16 + 0.1) for t in (-120.0, -60.0, 0.0))
    assert r.by_ready[30.0] == pytest.approx(0.9 * 6 / 16 + 0.1) and round(100 * r.by_ready[240.0]) == 94
    assert text["early"] == ("With control rods worth 1.5 notches, ready 2 minutes before the first chain reaction, "
                             "16% of crews' piles run away; ready 4 minutes after it, 94%. So being early saves "
                             "piles that a late fix loses. Ready just 30 s after the first "
                             "reaction, it still lets 44% run away.")


def test_the_defaults_show_that_being_early_matters():
    """Newcomer: at the old defaults (rods worth 1 notch, 1 notch a minute, 0.5 planned) a fix ready 60 s
    after the first reaction did as well as one 2 minutes before it (16% at every time up to 60 s), so the
    page about being ready before never showed it. At the new defaults every ready time before the first
    reaction beats every one after it, and by at least 25 points from 30 s late; slower crews (1 notch a
    minute, the prose's link) leave a minute of grace."""
    r = RODS.run(RODS.defaults())
    before = [v for t, v in r.by_ready.items() if t <= 0]
    after = [v for t, v in r.by_ready.items() if t > 0]
    assert max(before) < min(after) and round(100 * min(after)) - round(100 * max(before)) >= 25
    slow = RODS.run({**RODS.defaults(), "ramp": 1})
    assert [round(100 * slow.by_ready[t]) for t in (-120.0, 0.0, 30.0, 60.0)] == [16] * 4
    assert round(100 * slow.by_ready[90.0]) > 16


def test_the_strongest_fix_is_not_called_perfect_when_careful_crews_still_run_away():
    """The issue's state (rods, 3 notches, every crew careful, 4 notches a minute, 1.5 notches planned):
    the most ambitious careful crew plans 1.5 * e^(0.5 * 1.86) = 3.8 notches, more than the rods take
    away, and runs away: 1 of 16 crews (6%). The page called this 'what a perfect technical fix
    cannot do'."""
    r, text = _run(RODS, design="rods", strength=3, compliance=100, ramp=4, excess=1.5)
    assert r.perfect_compliant == 1 / 16 and r.perfect_breaking == 1.0
    assert "perfect technical fix" not in text["practice"]
    assert text["practice"].endswith("6% of piles run away. Even that fix is not perfect here, and crews that break "
                                     "procedure would fare worse: lower the share of crews that follow procedure to see "
                                     "it.")


def test_a_perfect_fix_is_named_only_where_it_stops_every_careful_crew():
    """Defaults but every crew careful: the strongest rods, early, stop every careful crew's runaway
    (3 notches against at most 0.5 * e^(0.5 * 1.86) = 1.3 planned)."""
    r, text = _run(RODS, compliance=100, **OLD_RODS)
    assert r.perfect_compliant == 0 and r.perfect_breaking == 1
    assert text["practice"].endswith("Lower the share of crews that follow procedure to see what a perfect technical "
                                     "fix cannot do.")


def test_with_no_crew_careful_and_a_late_passive_design_the_fix_has_nothing_to_work_with():
    """The issue's state (both, ready 4 minutes late, no crew careful): every crew disables the rods
    and the passive design, ready after the first reaction, is not in the pile; so no strength helps.
    The early sentence said the fix 'changes nothing, early or late' without saying at which strength,
    beside the strongest fix's 0%; the graded reason was 'it never decides'. (Early, the passive design is
    built in but worth too little: the strongest, early, holds every pile.)"""
    r, text = _run(RODS, design="both", ready=240, compliance=0, **OLD_RODS)
    assert r.rods_in_use == 0 and not r.passive_in_place
    assert set(r.by_strength["both"].values()) == {1.0} and r.perfect == 0
    assert text["early"].endswith("no crew follows procedure, so every crew disables the rods, and at this strength "
                                  "the passive design changes nothing.")
    assert text["graded"].endswith("because every crew disables the rods, and the passive design, arriving after the "
                                   "first reaction, protects nothing; had it been ready 2 minutes before the first "
                                   "chain reaction, the strongest would have let 0% run away.")
    assert "never decides" not in text["graded"]
    assert "even crews that break procedure are contained" in text["practice"] and text["practice"].endswith(
        "0% of piles run away.")


def test_slow_small_excursions_run_away_with_no_fix_only_if_at_all():
    """0.25 notches a minute to at most 0.1 * e^(0.5 * 1.86) = 0.25 notches (plus a notch's push for
    rule-breakers): careful crews' piles never reach the damage level in eight minutes."""
    r, text = _run(RODS, ramp=0.25, excess=0.1, compliance=100)
    assert r.unfixed_compliant == 0 and r.runaway == 0
    assert text["early"].endswith("Here timing makes no difference: no pile runs away within the eight simulated "
                                  "minutes, fix or not.")


def test_the_lit_boxes_split_the_runaways_into_whole_points_that_add_up():
    """Defaults: 16.0% run away (rounded 16%): careful crews 0.9 * 1/16 = 5.6 points, rule-breakers
    0.1 * 1 = 10 points; shown as 6 and 10, which add up to 16."""
    r = RODS.run(RODS.defaults())
    caption = RODS.panels[0].present(r, RODS.defaults())["caption"]
    assert caption.endswith("16% of piles run away: 6 points from careful crews, 10 from rule-breakers.")


# ------------------------------------------------------------------------- contingency planning

def test_a_spread_best_split_is_not_called_as_good_as_any():
    """The issue's state (credences 20/100/70, returns 200%): normalised 0.105, 0.526, 0.368. The best
    split equalises p_j e^(-e_j / 2) on the kinds it funds: e2 - e3 = 2 ln(0.526 / 0.368) = 0.714, so
    86% and 14% (the first kind's p is below the level, so it gets none). Payoffs: all in 0.526,
    best 0.531, both 53% as shown. The page said all-in is 'as good as any split'."""
    r, text = _run(PLAN, first=20, second=100, third=70, returns=200)
    assert r.splits["best"] == pytest.approx((0.0, 0.857, 0.143), abs=0.001)
    assert round(100 * r.payoff["all-in"]) == round(100 * r.payoff["best"]) == 53
    assert "as good as any split" not in text["verdict"]
    assert "the same to the percent as the best split (86% on prosaic AGI and 14% on some other kind)" in text["verdict"]


def test_all_in_is_the_best_split_only_when_it_is():
    """Credences 95/5/0 and returns 300%: p = 0.95, 0.05; the level is set by
    e1 - e2 = 3 ln(19) = 8.8 > 1, so all the effort goes on the first kind."""
    r, text = _run(PLAN, first=95, second=5, third=0, returns=300)
    assert r.splits["best"] == (1.0, 0.0, 0.0)
    assert text["verdict"].startswith("Putting everything on brain-like AGI is the best split (")


def test_the_flyer_hindsight_names_the_plan_that_did_best():
    """1870 at the defaults (40/40/20, returns 50%): against the Flyer's 2/7, 2/7, 3/7 blend the even
    split pays most."""
    r, text = _run(PLAN, question="flight")
    assert max(r.hindsight, key=r.hindsight.get) == "even"
    assert text["hindsight"].endswith("in hindsight the even split did best.")


# --------------------------------------------------- the second review's states (exact URLs)

def _said(client, url):
    """The claims the API states at a reviewer's URL, with the widget's result at that state."""
    from urllib.parse import parse_qsl, urlsplit

    from app.framework import parse_query
    answer = client.get(url)
    assert answer.status_code == 200, url
    values, problems = parse_query(RODS.params if "/rods" in url else PLAN.params, parse_qsl(urlsplit(url).query))
    assert not problems
    return answer.json()["claims"], (RODS if "/rods" in url else PLAN).run(values)


def _caught(widget, result, old_text):
    """Whether the widget's declared predicates flag a sentence the page used to say here."""
    return [f for t in widget.all_truths for f in t.failures(result, old_text)]


def test_no_careful_crews_are_spoken_of_when_no_crew_follows_procedure(client):
    """Compliance 0 with a passive design (the strongest, early): the careful and rule-breaking crews
    plan alike but for a quarter-notch push, and 1 in 16 of each runs away. The page said '6% of careful
    crews' and 6% of rule-breakers'', of a group that is empty."""
    claims, r = _said(client, "/api/safety-problem/rods?design=passive&strength=1&ready=90&compliance=0&ramp=2.25"
                              "&excess=1.4&push=0.25")
    assert r.compliance == 0 and r.perfect == 1 / 16
    assert "careful crews" not in claims["practice"]
    assert claims["practice"].endswith("6% of piles run away, with no crew following procedure.")
    assert _caught(RODS, r, "With the strongest passively safe design the slider allows (3 notches), ready 2 minutes "
                            "before the first chain reaction, 6% of piles run away: 6% of careful crews' and 6% of "
                            "rule-breakers'.")


def test_no_push_is_not_called_an_extra_push_of_nothing(client):
    """Push 0: a rule-breaking crew goes no further than its plan, and the strongest passive design
    contains every crew. The page said 'their extra push of 0 notches stays within what the design absorbs'."""
    claims, r = _said(client, "/api/safety-problem/rods?design=passive&strength=1.75&ready=30&compliance=90&ramp=3.75"
                              "&excess=0.8&push=0")
    assert r.push == 0 and r.perfect_breaking == 0 < r.unfixed_breaking
    assert "extra push" not in claims["practice"] and "they push no further than planned" in claims["practice"]
    assert _caught(RODS, r, "even crews that break procedure are contained: their extra push of 0 notches stays within "
                            "what the design absorbs, and no one can switch it off.")


def test_a_one_point_change_is_no_switch_and_a_fix_that_leaves_80_percent_is_not_in_time(client):
    """Rods worth 1 notch, 20% of crews careful, 3.75 notches a minute to a tenth of a notch planned: the
    80% who break procedure disable the rods and push a notch further (prompt critical): all run away
    whenever the fix is ready. With no fix 1 careful crew in 16 runs away too (81%); any rods catch it
    (80%). The page said 'works like a switch: the share jumps from 81% to 80%' and 'the reactions grow
    slowly enough that even the late fix arrives in time'."""
    claims, r = _said(client, "/api/safety-problem/rods?design=rods&strength=1&ready=-60&compliance=20&ramp=3.75"
                              "&excess=0.1&push=1")
    assert r.runaway_breaking == 1 and {round(100 * v) for v in r.by_ready.values()} == {80}
    assert "switch" not in claims["graded"] and "a change of only 1 point" in claims["graded"]
    assert "arrives in time" not in claims["early"]
    assert "however early it comes, 80% of piles still run away" in claims["early"]
    assert _caught(RODS, r, "At these settings it works like a switch: the share jumps from 81% to 80% between two "
                            "steps of strength, with no level in between.")
    assert _caught(RODS, r, "Here timing makes no difference: the reactions grow slowly enough that even the late fix "
                            "arrives in time.")


def test_eighteen_percent_takes_an(client):
    """Credences 90/20/0: all on brain-like AGI leaves prosaic AGI's 2/11 = 18% unprepared."""
    claims, r = _said(client, "/api/safety-problem/plan?question=agi&first=90&second=20&third=0&returns=30")
    assert "leaves an 18% chance" in claims["verdict"] and not faults(claims["verdict"])


# ----------------------------------------------------- the third review's states (exact URLs)

def test_each_rods_sentence_says_when_its_fix_is_ready(client):
    """Ready 4 minutes late, rods worth 1 notch: the early sentence quotes the fix ready 2 minutes early
    (16%) and 4 minutes late (72%); the graded sentence spoke of the reader's ready time (72% at one
    notch) without saying so, as if it contradicted the 16% with rods worth 1 notch. Now it names its
    ready time, and its share at one notch is the early sentence's share at 4 minutes late."""
    claims, r = _said(client, "/api/safety-problem/rods?ready=240" + OLD)
    assert r.ready == 240 and round(100 * r.by_strength["rods"][1.0]) == round(100 * r.by_ready[240.0]) == 72
    assert "ready 4 minutes after it, 72%" in claims["early"]
    assert claims["graded"].startswith("With control rods ready 4 minutes after the first chain reaction, the share of "
                                       "piles that run away goes from 94% at no strength to 72% at one notch and at "
                                       "three.")
    assert _caught(RODS, r, "With control rods, the share of piles that run away goes from 94% at no strength, to 72% "
                            "at one notch and 72% at three.")


def test_a_fix_too_late_at_any_strength_is_said_to_be_too_late(client):
    """Both designs, ready 4 minutes late, 35% careful: by then every pile has run away (100% at every
    strength), while the strongest fix ready 2 minutes early holds 65% (the practice sentence) and this
    one early holds 67% (the early sentence). The graded sentence said 'even worth 3 notches it stops
    none of the runaways', as if strength were the reason and contradicting the other two."""
    claims, r = _said(client, "/api/safety-problem/rods?design=both&strength=1.5&ready=240&compliance=35&ramp=1.75"
                              "&excess=1.5&push=2.75")
    assert {round(100 * v) for v in r.by_strength["both"].values()} == {100} and round(100 * r.perfect) == 65
    assert claims["graded"] == ("With control rods in a passively safe design ready 4 minutes after the first chain "
                                "reaction, the strength makes no difference: 100% of piles run away at every strength, "
                                "because it comes too late: the strongest, ready 2 minutes before the first chain "
                                "reaction, lets 65% run away.")
    assert "ready 2 minutes before the first chain reaction, 65% of piles run away" in claims["practice"]
    assert _caught(RODS, r, "Here the strength of control rods in a passively safe design makes no difference: 100% "
                            "of piles run away at every strength, because even worth 3 notches it stops none of the "
                            "runaways that happen without it.")


def test_rods_every_crew_disables_are_not_said_to_be_too_weak(client):
    """No crew follows procedure: every crew disables the rods, so 100% run away at any ready time and
    any strength, as with no fix. The early sentence blamed the strength ('at this strength the fix
    changes nothing'), though the strongest rods, early, do no better."""
    claims, r = _said(client, "/api/safety-problem/rods?compliance=0" + OLD)
    assert r.rods_in_use == 0 and r.perfect == r.by_strength["none"][0.0] == 1
    assert "at this strength" not in claims["early"]
    assert claims["early"].endswith("Here timing makes no difference, and as many piles run away as with no fix at "
                                    "all: no crew follows procedure, so every crew disables the rods.")
    assert _caught(RODS, r, "Here timing makes no difference: at this strength the fix changes nothing, early or "
                            "late, and as many piles run away as with no fix at all.")


def test_graded_is_said_only_with_a_share_between_as_shown(client):
    """Ready 4 minutes late: one and three notches both let 72% run away, so 'graded' cannot rest on
    them; 0.25 notches lets 78% (77.5%) run away, between no strength's 94% and the lowest, 72%."""
    claims, r = _said(client, "/api/safety-problem/rods?ready=240" + OLD)
    assert round(100 * r.by_strength["rods"][0.25]) == 78
    assert "72% at one notch and 72% at three" not in claims["graded"]
    assert claims["graded"].endswith("The fix is graded, not all-or-nothing: worth 0.25 notches it stops some of "
                                     "those runaways and not others (78% run away).")
    assert _caught(RODS, r, "to 72% at one notch and 72% at three. The fix is graded, not all-or-nothing: between "
                            "those, some strengths stop some runaways and not others.")


def test_the_same_split_is_not_compared_with_itself(client):
    """Equal credences for flight, returns 300%: the best split is the even split (a third each). The
    hindsight said 'the even split and the best split did equally well, and best'."""
    claims, r = _said(client, "/api/safety-problem/plan?question=flight&first=100&second=100&third=100&returns=300")
    assert r.splits["best"] == pytest.approx(r.splits["even"])
    assert "equally well" not in claims["hindsight"] and claims["hindsight"].count("best split") == 1
    assert claims["hindsight"].endswith("everything on bird-like machines would have paid 29% and an even split, "
                                        "which is also your best split here, 37%: in hindsight the even split did best.")
    assert _caught(PLAN, r, "in hindsight the even split and the best split did equally well, and best.")


def test_a_fix_that_stops_every_runaway_does_not_barely_matter(client):
    """Both designs ready 90 s late, every crew careful, 3.25 notches a minute to a tenth of a notch: 1 crew
    in 16 runs away with no strength (6%), none from a quarter notch up. The page said 'the strength barely
    matters ... a change of only 6 points', of a fix that stops every runaway there is."""
    claims, r = _said(client, "/api/safety-problem/rods?design=both&strength=0.25&ready=90&compliance=100&ramp=3.25"
                              "&excess=0.1&push=0.75")
    assert [round(100 * v) for v in r.by_strength["both"].values()][:2] == [6, 0]
    assert "barely" not in claims["graded"]
    assert claims["graded"].endswith("goes from 6% at no strength to 0% at one notch and at three.")
    assert _caught(RODS, r, "With control rods in a passively safe design ready 90 s after the first chain reaction, "
                            "the strength barely matters: the share of piles that run away goes from 6% at no strength "
                            "to 0% at one notch and at three, a change of only 6 points.")


def test_no_runaway_is_not_explained_by_a_late_passive_design(client):
    """A passive design 4 minutes late, a quarter notch a minute to a tenth of a notch, no extra push: no
    pile runs away even with no fix. The graded sentence gave '0% ... because a passive design that arrives
    after the first reaction protects nothing' as the reason."""
    claims, r = _said(client, "/api/safety-problem/rods?design=passive&strength=3&ready=240&compliance=0&ramp=0.25"
                              "&excess=0.1&push=0")
    assert r.by_strength["none"][0.0] == 0 and not r.passive_in_place
    assert claims["graded"].endswith("because no pile runs away within the eight simulated minutes, even with no fix.")
    assert _caught(RODS, r, "With a passively safe design ready 4 minutes after the first chain reaction, the strength "
                            "makes no difference: 0% of piles run away at every strength, because a passive design that "
                            "arrives after the first reaction protects nothing.")


def test_a_passive_design_is_pushed_past_not_gone_around(client):
    """A passive design has nothing to switch off: rule-breakers overwhelm it by pushing 2.75 notches
    further. The page said 'cannot stop a crew that goes around it', beside the page's own 'no one can
    switch it off'."""
    claims, r = _said(client, "/api/safety-problem/rods?design=passive&strength=1.75&ready=210&compliance=10&ramp=0.5"
                              "&excess=1.2&push=2.75")
    assert r.perfect_breaking > r.perfect_compliant
    assert "goes around it" not in claims["practice"]
    assert claims["practice"].endswith("The technical fix cannot stop a crew that pushes past what it absorbs.")
    assert _caught(RODS, r, "The technical fix cannot stop a crew that goes around it.")


# ------------------------------------------------------------------- the caption is not the prose (issue 33)

from sweep import repeats as _repeats  # noqa: E402  (claims a summary repeats)


def test_the_chain_caption_reads_both_lines_at_the_end_and_leaves_the_pace_to_the_prose():
    """Issue 33: the caption was the fate claim itself, so it was heard twice."""
    r, text = _run(CHAIN)
    assert CHAIN.summary(r) == ("At k = 1.001, after 60 s the neutron population, relative to the start, is 2.77 with "
                                "delayed neutrons and over 10¹² if every neutron were prompt.")
    assert not _repeats(CHAIN.summary(r), text)
    r, text = _run(CHAIN, k=0.98)
    assert "is 0.00638 with delayed neutrons and almost 0 if every neutron were prompt" in CHAIN.summary(r)
    assert not _repeats(CHAIN.summary(r), text)


@pytest.mark.parametrize("returns", [10, 50])
def test_every_credence_at_zero_is_said_to_be_read_as_equal_odds(client, returns):
    """Three sliders at 0% cannot be scaled to add up to 100%: the model reads them as a third each, and the
    verdict says so at its start (as the odds on the LLM-plateau page do), never that the reader thinks every kind
    equally likely; the boxes beside it read the 33% as equal odds, not as the reader's credence."""
    r, text = _run(PLAN, first=0, second=0, third=0, returns=returns)
    assert r.credence == pytest.approx((1 / 3,) * 3)
    assert text["verdict"].startswith("With every slider at zero, we read your odds as equal: everything on brain-like "
                                      "AGI (the first of three equally likely kinds) earns 33% of the best possible")
    assert "With every kind equally likely" not in text["verdict"]
    assert _caught(PLAN, r, text["verdict"].replace("With every slider at zero, we read your odds as equal: everything",
                                                    "With every kind equally likely, everything"))
    # A reader who gave each kind the same odds, not zero, is not told they left every slider at zero.
    r_even, text_even = _run(PLAN, first=30, second=30, third=30, returns=returns)
    assert text_even["verdict"].startswith("With every kind equally likely, everything on brain-like AGI")
    assert _caught(PLAN, r_even, text_even["verdict"].replace("With every kind equally likely, everything",
                                                              "With every slider at zero, we read your odds as equal: everything"))
    html = unescape(client.get(f"/safety-problem?first=0&second=0&third=0&returns={returns}").text)
    assert text["verdict"] in html
    assert "Brain-like AGI: your odds read as equal, 33%" in html and ">read as equal: 33%</text>" in html
    assert "your credence 33%" not in html and ">credence 33%</text>" not in html


def test_the_plan_caption_reads_the_bars_and_leaves_the_verdict_to_the_prose():
    """Issue 33: the caption was the verdict claim itself."""
    r, text = _run(PLAN)
    assert PLAN.summary(r) == ("Expected payoff, as a share of the best possible: 40% for all on the likeliest, 56% for "
                               "an even split and 59% for the best split, which puts 45% on brain-like AGI, 45% on "
                               "prosaic AGI and 10% on some other kind.")
    assert not _repeats(PLAN.summary(r), text)
    r, text = _run(PLAN, question="flight")
    assert PLAN.summary(r).endswith(" In hindsight (our count) they pay 29%, 56% and 48%.")
    assert not _repeats(PLAN.summary(r), text)


def test_the_rods_caption_does_not_repeat_the_practice_claim_with_no_fix():
    """With no fix and every crew following procedure the caption and the practice claim were one sentence."""
    r, text = _run(RODS, design="none", compliance=100, **OLD_RODS)
    assert RODS.summary(r) == "94% of piles run away with no fix and every crew following procedure."
    assert text["practice"] == ("With no fix and every crew following procedure, 94% of piles run away within the eight "
                                "simulated minutes.")
    assert not _repeats(RODS.summary(r), text)


# ------------------------------------------------ the fourth review's states (exact URLs) and the newcomer's

def test_both_designs_do_not_say_rule_breakers_go_around_a_passive_part_that_stops_most_of_them(client):
    """Both designs, the strongest early: rule-breakers disable the rods, but the passive part, which no one
    can switch off, still holds 15 of their 16 piles (6% run away, against 100% with no fix). The page said
    'The technical fix cannot stop a crew that goes around it', true only of a fix that saves none of them."""
    for url in ("/api/safety-problem/rods?design=both&strength=2&ready=60&compliance=30&ramp=3.75&excess=0.9&push=1",
                "/api/safety-problem/rods?design=both&strength=3&ready=-120&compliance=0&ramp=4&excess=1.5&push=0"):
        claims, r = _said(client, url)
        assert r.perfect_breaking == 1 / 16 and r.unfixed_breaking == 1
        assert "goes around it" not in claims["practice"]
        assert claims["practice"].endswith("Rule-breakers disable the rods; the passive part alone still stops most of "
                                           "their runaways, not all.")
        assert _caught(RODS, r, "The technical fix cannot stop a crew that goes around it.")


def test_advice_names_the_slider_that_shows_it(client):
    """Every crew follows procedure, so the rule-breakers' share is already 0%: 'lower their share to see it'
    asked for a slider that cannot move that way; lowering the share of crews that follow procedure shows it."""
    claims, r = _said(client, "/api/safety-problem/rods?design=rods&strength=2.5&ready=-30&compliance=100&ramp=2"
                              "&excess=1.3&push=2")
    assert r.compliance == 1 and r.perfect_breaking > r.perfect_compliant > 0
    assert "lower their share" not in claims["practice"]
    assert claims["practice"].endswith("would fare worse: lower the share of crews that follow procedure to see it.")
    assert _caught(RODS, r, "crews that break procedure would fare worse: lower their share to see it.")


def test_a_late_passive_design_is_not_blamed_when_early_it_would_do_no_better(client):
    """Both designs 4 minutes late, no crew careful, 0.1 notches planned and a 3-notch push: 100% run away at
    every strength, and 100% too with the strongest built in 2 minutes early (each rule-breaker goes past 3
    notches). The graded sentence blamed lateness ('arriving after the first reaction, protects nothing')."""
    claims, r = _said(client, "/api/safety-problem/rods?design=both&strength=3&ready=240&compliance=0&ramp=4"
                              "&excess=0.1&push=3")
    assert set(r.by_strength["both"].values()) == {1.0} and r.perfect == 1 and r.by_ready[-120.0] == 1
    assert "protects nothing" not in claims["graded"]
    assert claims["graded"].endswith("because every crew disables the rods, and even built in before the first "
                                     "reaction, the strongest passive design would let as many run away.")
    assert _caught(RODS, r, "because every crew disables the rods, and the passive design, arriving after the first "
                            "reaction, protects nothing.")


def _prose():
    from pathlib import Path
    return (Path(__file__).parent / "content.md").read_text().split("\n---\n", 1)[1]


def test_prose_that_quotes_numbers_beside_a_show_link_says_they_are_from_the_defaults(client):
    """At /safety-problem?design=rods&compliance=100 the prose said 'Here 100% of crews follow procedure. Try
    every crew following procedure: runaways fall from 16% to 6%', the defaults' 16% as if it were the
    reader's. Every paragraph with a show-me link says its numbers are from the defaults, and each link
    starts from them."""
    import re
    paragraphs = _prose().split("\n\n")
    linked = [(before, p) for before, p in zip([""] + paragraphs, paragraphs) if "[[show:" in p]
    assert len(linked) == 5
    for before, p in linked:
        said = re.sub(r"\s+", " ", (before + " " + p).lower())
        assert "from the defaults" in said or "each link starts from the default settings" in said, p
        assert all(" defaults" in m for m in re.findall(r"\[\[show:[^|\]]*", p)), p
    text = unescape_text(client.get("/safety-problem?design=rods&compliance=100").text)
    assert "From the defaults, try every crew following procedure: runaways fall from 16% to 6%." in text
    assert "Try every crew following procedure: runaways fall from 16% to 6%" not in text


def unescape_text(html: str) -> str:
    import re
    from html import unescape
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def test_the_rods_prose_numbers_hold_at_the_states_its_links_set():
    """The numbers the rods prose quotes beside its links, at the states those links set (the defaults with
    the named changes): the defaults 16%; every crew careful 6%, that one crew being the boldest, who plans
    0.8 * e^(0.5 * 1.86) = 2.0 notches, past the default rods' 1.5 (the strongest rods, 3 notches, stop it);
    a passive design worth three notches 1%."""
    from app.pages.safety_problem.model import excess_quantiles
    base = RODS.defaults()
    assert shown_pct(RODS.run(base).runaway) == 16
    careful = RODS.run({**base, "compliance": 100})
    assert shown_pct(careful.runaway) == 6 and careful.runaway_compliant == 1 / 16
    plans = excess_quantiles(careful.excess)
    assert plans[-1] > careful.strength > plans[-3] and careful.perfect_compliant == 0
    assert shown_pct(RODS.run({**base, "design": "passive", "strength": 3}).runaway) == 1
    prose = _prose()
    for said in ("runaways fall\nfrom 16% to 6%", "1% of piles run away, against 16% with the default rods",
                 "Those 6% are careful crews"):
        assert said in prose, said


def shown_pct(x: float) -> int:
    return round(100 * x)


def test_plan_shares_add_up_to_a_hundred(client):
    """Credences 40/40/20, returns 10%: the best split is 35.6%, 35.6%, 28.7%, each rounded alone '36%, 36%,
    29%' (101%). Largest remainders gave 36%, 35%, 29%, which shows two equal efforts unequal (review 3, P2): now
    36%, 36%, 28%, in the verdict, the caption, the table and the panel."""
    claims, r = _said(client, "/api/safety-problem/plan?question=agi&first=40&second=40&third=20&returns=10")
    assert "(36% on brain-like AGI, 36% on prosaic AGI and 28% on some other kind)" in claims["verdict"]
    from app.pages.safety_problem.present import split_pcts
    assert "35% on prosaic AGI" not in PLAN.summary(r)
    assert [row[1:4] for row in PLAN.table(r).rows] == [split_pcts(r.splits[k]) for k in ("all-in", "even", "best")]
    assert _caught(PLAN, r, "Everything on brain-like AGI (tied for likeliest with prosaic AGI) earns 40% of the best "
                            "possible payoff and leaves a 60% chance that the kind that arrives got no preparation; the "
                            "best split (36% on brain-like AGI, 36% on prosaic AGI and 29% on some other kind) earns "
                            "97%, leaving 0% unprepared.")


def test_the_time_to_the_first_reaction_is_written_to_one_precision():
    """At 3.75 notches a minute the first reaction comes 8 s after the start; it was written '8.0 s', beside
    '15 s' at 2 notches a minute."""
    assert RODS.live(RODS.run({**RODS.defaults(), "ramp": 3.75}))["critical_at"] == "8 s"
    assert RODS.live(RODS.run({**RODS.defaults(), "ramp": 2}))["critical_at"] == "15 s"


# --------------------------------------------------------------------------- review round 3

def test_equal_efforts_are_shown_equal(client):
    """Review 3 (P2), /safety-problem?question=flight&first=30&second=30&third=40&returns=300: the best split gives the
    first two kinds exactly the same effort (0.0457 each), yet the page said '5% on bird-like machines, 4% on
    airship-like machines and 91% on something else'; the even split's row read 34% / 33% / 33%."""
    claims, r = _said(client, "/api/safety-problem/plan?question=flight&first=30&second=30&third=40&returns=300")
    assert r.splits["best"][0] == pytest.approx(r.splits["best"][1])
    assert "(5% on bird-like machines, 5% on airship-like machines and 90% on something else)" in claims["verdict"]
    rows = {row[0]: row[1:4] for row in PLAN.table(r).rows}
    assert rows["Even split"] == ("33%", "33%", "33%") and rows["Best split"] == ("5%", "5%", "90%")
    assert _caught(PLAN, r, "Putting everything on something else earns 40% of the best possible payoff, the same to "
                            "the percent as the best split (5% on bird-like machines, 4% on airship-like machines and "
                            "91% on something else): here spreading effort buys almost nothing, though everything on "
                            "one kind leaves a 60% chance that the kind that arrives got no preparation.")


@pytest.mark.parametrize("query,said", [("first=100", "earns 63% of the best possible payoff and leaves a 37% chance"),
                                        ("second=100", "earns 63% of the best possible payoff and leaves a 37% chance"),
                                        ("question=flight&first=35&second=40&third=45&returns=40",
                                         "earns 38% of the best possible payoff and leaves a 62% chance")])
def test_a_payoff_and_its_complement_add_up_as_shown(client, query, said):
    """Review 4 (F3): at /safety-problem?first=100 "Everything on brain-like AGI earns 63% of the best possible payoff
    and leaves a 38% chance that the kind that arrives got no preparation": 0.625 and 0.375, complements, both
    rounded up to 101."""
    text = " ".join(re.sub(r"<[^>]+>", " ", client.get(f"/safety-problem?{query}").text).split())
    assert said in text


def test_an_even_best_split_says_its_shares_are_rounded(client):
    """Review 4 (F3): at ?first=0&second=0&third=0 "the best split (33% on brain-like AGI, 33% on prosaic AGI and 33%
    on some other kind)" summed to 99% unremarked."""
    text = " ".join(re.sub(r"<[^>]+>", " ", client.get("/safety-problem?first=0&second=0&third=0").text).split())
    assert "33% on some other kind, each rounded)" in text


def test_the_first_reaction_two_minutes_in_is_written_in_minutes_as_the_claims_write_it(client):
    """Review 5 (#17), /safety-problem?ramp=0.25#rods: the prose's live time read '120 s' beside the claims' 'ready 2
    minutes before the first chain reaction'."""
    assert RODS.live(RODS.run({**RODS.defaults(), "ramp": 0.25}))["critical_at"] == "2 minutes"
    text = " ".join(re.sub(r"<[^>]+>", " ", client.get("/safety-problem?ramp=0.25").text).split())
    assert "which comes 2 minutes after" in text and "120 s" not in text


def test_a_sliver_of_effort_reads_under_1_percent_not_0(client):
    """Review 6 C2, /safety-problem?first=65&second=45&third=35&returns=270#plan: the best split (99.64%, 0.36%, 0%)
    read '100% / 0% / 0%' like 'all on the likeliest', yet left 24% unprepared against 55%, and the verdict called it
    '(100% on brain-like AGI)'. A share above 0 that rounds to 0 reads 'under 1%' (and its partner 'over 99%')."""
    from app.pages.safety_problem.page import PLAN
    data = client.get("/api/safety-problem/plan?first=65&second=45&third=35&returns=270").json()
    r = PLAN.run({**PLAN.defaults(), "first": 65, "second": 45, "third": 35, "returns": 270})
    assert 0 < min(x for x in r.splits["best"] if x > 0) < 0.005
    rows = {row[0]: row for row in PLAN.table(r).rows}
    assert rows["Best split"][1:4] == ("over 99%", "under 1%", "0%"), rows["Best split"]
    assert rows["All on the likeliest"][1:4] == ("100%", "0%", "0%")
    verdict = data["claims"]["verdict"]
    assert "(100% on brain-like AGI)" not in verdict
    assert "(over 99% on brain-like AGI and under 1% on prosaic AGI)" in verdict, verdict


@pytest.mark.parametrize("k,phrase", [("0.9995", "halves every 2 minutes"), ("1.0065", "doubles every 1 s:"),
                                      ("1.0005", "doubles every 1.8 minutes")])
def test_a_duration_that_rounds_to_a_whole_number_reads_without_a_decimal(client, k, phrase):
    """Review 6 U1, /safety-problem?k=0.9995#chain: 'halves every 2.0 minutes'; ?k=1.0065: 'doubles every 1.0 s'."""
    said = client.get(f"/api/safety-problem/chain?k={k}").json()["claims"]
    text = " ".join(said.values()) if isinstance(said, dict) else " ".join(c["text"] for c in said)
    assert phrase in text, text
    assert not re.search(r"\b\d+\.0 (?:s|ms|minutes?)\b", text), text


def test_doubling_and_halving_times_either_side_of_k_1_read_in_the_same_unit():
    """Review 7 (round 6 U1 remnant), /safety-problem?k=1.0005 and ?k=0.9995: 'doubles every 106 s' beside 'halves
    every 2 minutes': times of the same size either side of k = 1 read in the same unit, minutes from 90 s."""
    grown, up = _run(CHAIN, k=1.0005)
    shrunk, down = _run(CHAIN, k=0.9995)
    times = [abs(grown.doubling), abs(shrunk.doubling)]
    assert all(90 <= x < 180 for x in times), times
    for text, x in ((up["knife"] if "knife" in up else " ".join(up.values()), times[0]),
                    (down["knife"] if "knife" in down else " ".join(down.values()), times[1])):
        said = re.search(r"(?:doubles|halves) every ([\d.]+) (s|minutes?)\b", text)
        assert said and said.group(2).startswith("minute"), text
        assert abs(float(said.group(1)) * 60 - x) <= 3 + 1e-9, (text, x)
    for k in (0.995, 0.9995, 0.999, 1.0005, 1.001, 1.0015, 1.002):       # under 90 s in seconds, from it in minutes
        r, said = _run(CHAIN, k=k)
        text = " ".join(said.values())
        for value, unit in re.findall(r"every ([\d.,]+) (s|minutes?)\b", text):
            seconds = float(value.replace(",", "")) * (60 if unit.startswith("minute") else 1)
            assert (unit == "s") == (seconds < 89.5), (k, text)


@pytest.mark.parametrize("ramp", [x / 4 for x in range(1, 17)])
def test_the_first_reaction_time_reads_to_the_precision_of_the_pages_other_durations(ramp):
    """The live first-reaction time (30 s over the ramp) follows the one duration rule: a tenth of a second under
    10 s, whole seconds to MINUTES_FROM, then minutes to a tenth; never '9 s' for 9.23 s beside '9.2 s' elsewhere."""
    from app.pages.safety_problem.present import MINUTES_FROM, rods_live
    r = RODS.at_defaults(ramp=ramp)
    said = rods_live(r)["critical_at"]
    value, unit = re.fullmatch(r"([\d.]+) (s|minutes?)", said).groups()
    exact = r.critical_at / 60 if unit.startswith("minute") else r.critical_at
    assert unit.startswith("minute") == (r.critical_at >= MINUTES_FROM)
    step = 0.1 if unit.startswith("minute") or r.critical_at < 10 else 1
    assert abs(float(value) - exact) <= step / 2 + 1e-9, (ramp, said, r.critical_at)


def test_a_best_split_share_off_by_a_point_from_the_model_is_refused():
    """The best split's shares quoted in the verdict are read against the model's split: moving one a point
    further from its exact value is refused, whatever the presenter's rounding."""
    from app.pages.safety_problem.present import PLAN_VERDICT_TRUTHS
    checked = 0
    for first, second, third in ((40, 40, 20), (60, 30, 10), (50, 50, 0), (34, 33, 33), (70, 20, 10)):
        for returns in (30, 100, 300):
            r, texts = _run(PLAN, first=first, second=second, third=third, returns=returns)
            m = re.search(r"the best split \(([^)]*)\)", texts["verdict"])
            if not m:
                continue
            for n, kind in re.findall(r"(\d+)% on ([A-Za-z -]+?)(?=, | and |$)", m.group(1)):
                x = 100 * r.splits["best"][r.kinds.index(kind)]
                off = int(n) + 1 if x <= int(n) else int(n) - 1
                wrong = texts["verdict"].replace(m.group(0), m.group(0).replace(f"{n}% on {kind}", f"{off}% on {kind}"))
                assert [f for t in PLAN_VERDICT_TRUTHS for f in t.failures(r, wrong)], (first, second, third, returns, kind)
                assert not [f for t in PLAN_VERDICT_TRUTHS for f in t.failures(r, texts["verdict"])]
                checked += 1
    assert checked


@pytest.mark.parametrize("state", [dict(question="agi", first=95, second=55, third=65, returns=140),
                                   dict(question="flight", first=30, second=35, third=50, returns=150)])
def test_a_kind_given_a_sliver_of_effort_is_not_hidden_behind_0_percent_unprepared(state):
    """At these states the best split gives a kind that arrives one time in four a few hundredths of a percent of the
    effort ('under 1%'), and the verdict said 'leaving 0% unprepared' as if every kind were prepared for. The chance
    that the kind that arrives got only such a sliver is said beside it."""
    from app.pages.safety_problem.page import PLAN
    r = PLAN.run({**PLAN.defaults(), **state})
    sliver = [p for p, e in zip(r.credence, r.splits["best"]) if 0 < e < 0.005]
    assert sliver and sliver[0] > 0.2 and r.unprepared["best"] == 0
    verdict = PLAN.claim_texts(r)["verdict"]
    assert verdict.endswith(f"leaving 0% unprepared and {round(100 * sliver[0])}% with under 1% of the effort."), verdict
    assert [f for t in PLAN.all_truths for f in t.failures(r, verdict.replace(f"{round(100 * sliver[0])}% with", "5% with"))]


def test_no_fix_and_no_runaway_says_the_eight_minutes_and_invites_no_fix():
    """At design=none&compliance=0&ramp=0.25&excess=0.1&push=0 nothing runs away only because the simulation stops at
    eight minutes, and 'With no fix, 0% of crews' piles run away. Pick a design to see how much a fix helps' read as
    'no danger' and invited a fix with nothing to do. The eight minutes are said, and the invitation only where
    piles run away."""
    r, text = _run(RODS, design="none", compliance=0, ramp=0.25, excess=0.1, push=0)
    assert r.runaway == 0
    assert text["graded"] == ("With no fix, 0% of crews' piles run away within the eight simulated minutes. With nothing "
                              "running away, there is nothing yet for a fix to do.")
    assert "whenever" not in text["early"] and "within the eight simulated minutes" in text["early"]


def test_a_flat_strength_curve_gives_the_reason_the_early_sentence_gives():
    """At design=rods&strength=0.5&ready=210&compliance=70&ramp=0.5&excess=0.1&push=0.75 the graded sentence said the
    strength makes no difference 'because even worth 3 notches it stops none of the runaways that happen without it',
    a restatement. The reason: careful crews' piles never run away, fix or not, and the rest disable the rods."""
    r, text = _run(RODS, design="rods", strength=0.5, ready=210, compliance=70, ramp=0.5, excess=0.1, push=0.75)
    assert r.unfixed_compliant == 0 and r.runaway_breaking == 1
    assert text["graded"].endswith("because the piles of crews that follow procedure never run away within the eight "
                                   "simulated minutes, fix or not, and the other 30% of crews disable the rods."), text["graded"]
    assert "stops none of the runaways" not in text["graded"]
    assert text["early"].endswith(text["graded"][text["graded"].index("because ") + 8:]), text["early"]   # one reason, one wording


def _rods_texts(r) -> list[str]:
    """Every text the rods widget shows: claims, summary, live numbers, table cells and panel notes and caption."""
    from app.pages.safety_problem.present import rods_panel
    panel = rods_panel(r, {})
    return [*RODS.claim_texts(r).values(), RODS.summary(r), *RODS.live(r).values(),
            *(cell for row in RODS.table(r).rows for cell in row), *panel["notes"].values(), panel["caption"]]


@pytest.mark.parametrize("query", ["design=both&strength=3&compliance=95", "design=passive&compliance=95"])
def test_a_few_rule_breakers_running_away_are_not_none(client, query):
    """With the strongest fix and 95% of crews careful, the 5% that break procedure still lose 1 pile in 16
    (6.25%): 5% × 6.25% = 0.3125% of all piles. The page said '0% of piles run away … 6% of the crews that break
    it', and the summary '0% of piles run away … 6% of those that break it': a share that is some, read as none,
    beside the split that gives it."""
    claims, r = _said(client, f"/api/safety-problem/rods?{query}")
    assert r.perfect == pytest.approx(0.05 * 1 / 16) and r.perfect_breaking == pytest.approx(1 / 16)
    assert ("under 1% of piles run away when 95% of crews follow procedure: 6% of the crews that break it, against 0% "
            "of the rest") in claims["practice"]
    texts = _rods_texts(r)
    assert not any(re.search(r"(?<!under )(?<!\d)0% of (?:all )?piles run away", t) for t in texts), texts
    if query.startswith("design=both&strength=3"):
        assert r.runaway == pytest.approx(0.05 / 16)
        assert RODS.summary(r).startswith("Under 1% of piles run away with control rods in a passively safe design")
        assert RODS.live(r)["runaway"] == "under 1%"
        assert "to 5% at one notch and under 1% at three." in claims["graded"]


def test_nearly_every_pile_running_away_is_not_every_pile(client):
    """No fix, 5% of crews careful: the careful crews' piles run away 15 times in 16 (93.75%), the rule-breakers'
    always, so 5% × 93.75% + 95% = 99.6875% of piles run away, not 100%: 1 careful crew in 16 is spared."""
    url = "/api/safety-problem/rods?design=none&ready=-30&compliance=5&ramp=1.25&excess=0.5&push=1.75"
    claims, r = _said(client, url)
    assert r.runaway_compliant == pytest.approx(15 / 16) and r.runaway == pytest.approx(0.05 * 15 / 16 + 0.95)
    assert "over 99% of crews' piles run away" in claims["early"] and "over 99% of crews' piles" in claims["graded"]
    assert RODS.summary(r).startswith("Over 99% of piles run away with no fix")
    assert not any(re.search(r"(?<!over )100% of (?:crews' )?piles", t) for t in _rods_texts(r))


def test_the_late_fix_is_not_said_to_arrive_in_time_where_rule_breakers_piles_still_run_away(client):
    """Control rods worth 0.75 notches, 95% careful: at every ready time 0.3125% of piles run away (1 in 16 of the
    5% who disable the rods), whether the rods are ready 2 minutes early or 4 minutes late. The page said '0%' at
    both and gave the reason 'even the late fix arrives in time', which is no reason for piles whose rods are off."""
    claims, r = _said(client, "/api/safety-problem/rods?design=rods&strength=0.75&ready=210&compliance=95&ramp=2.25"
                              "&excess=0.1&push=0")
    assert list(r.by_ready.values()) == [pytest.approx(0.05 / 16)] * len(r.by_ready)
    assert "arrives in time" not in claims["early"]
    assert ("ready 2 minutes before the first chain reaction, under 1% of crews' piles run away; ready 4 minutes after "
            "it, under 1%.") in claims["early"]
    assert "however early it comes, under 1% of piles still run away" in claims["early"]


@pytest.mark.parametrize("query", ["first=0&second=10&third=50&returns=10", "second=10&third=80&first=0&returns=10"])
def test_a_split_short_of_the_best_possible_payoff_never_earns_100_percent(client, query):
    """The best possible payoff is everything on the kind that comes, known in advance; a split across two kinds,
    neither certain, loses something to not knowing (0.99502 at the first state). The page said the best split
    'earns 100%' and the summary '100% for the best split'."""
    claims, r = _said(client, f"/api/safety-problem/plan?{query}")
    assert 0.995 <= r.payoff["best"] < 1 and max(r.credence) < 1
    assert "earns over 99%, leaving 0% unprepared" in claims["verdict"] and "100%" not in claims["verdict"]
    assert "and over 99% for the best split" in PLAN.summary(r)
    assert PLAN.live(r)["best"] == "over 99%"
    assert [row[-2] for row in PLAN.table(r).rows if row[0] == "Best split"] == ["over 99%"]
    bars = PLAN.render_figures(r)["payoff"]["data"][0]["text"]
    assert bars[-1] == "over 99%"


def test_a_plan_that_is_certain_to_be_right_earns_all_of_the_best_possible_payoff():
    """With every credence on one kind, everything on it is the best possible payoff, exactly: 100%."""
    r, text = _run(PLAN, first=100, second=0, third=0)
    assert r.payoff["all-in"] == 1 and "(100% of the best possible payoff)" in text["verdict"]


@pytest.mark.parametrize("query,old", [
    ("design=passive&strength=2.25&ready=-120&compliance=5&ramp=2.5&excess=0.1&push=2.5",
     "Here timing makes no difference, and as many piles run away as with no fix at all: at this strength the fix changes "
     "nothing."),
    ("design=rods&strength=2.5&ready=90&compliance=5&ramp=3.75&excess=0.1&push=1.5",
     "Here timing makes no difference, and as many piles run away as with no fix at all: even the strongest fix, ready 2 "
     "minutes early, changes nothing."),
    ("design=both&strength=0.5&ready=210&compliance=5&ramp=3.75&excess=0.2&push=2.75",
     "Here timing makes no difference: a fix ready 4 minutes late stops as many runaways as one ready 2 minutes early"),
])
def test_a_fix_that_stops_the_careful_crews_runaways_is_not_said_to_change_nothing(client, query, old):
    """At 5% compliance the careful crews' piles are 0.3 points of all piles: a fix that stops them (0.95 against 0.953
    with no fix), or a late one that does not, reads the same as a whole percentage. The early sentence said the fix
    'changes nothing' and that timing 'makes no difference' where only the rounding hides what it changes."""
    claims, r = _said(client, f"/api/safety-problem/rods?{query}")
    unfixed = r.by_strength["none"][0.0]
    assert len(set(r.by_ready.values())) > 1 or any(v != unfixed for v in r.by_ready.values())
    early = claims["early"]
    assert "changes nothing" not in early and old not in early, early
    assert "to the share shown" in early, early
    assert _caught(RODS, r, early.split(". ")[0] + ". " + old)
    if all(abs(v - unfixed) < 0.005 for v in r.by_ready.values()) and any(v != unfixed for v in r.by_ready.values()):
        assert early.endswith("the fix, early or late, stops too few of the runaways that happen without it to change "
                              "the share shown."), early


def test_a_split_under_over_99_percent_adds_up_to_less_than_all(client):
    """'over 99% of piles run away: 5 points from careful crews, 95 from rule-breakers' added up to all the piles (the
    true split is 4.7 + 95 = 99.7): under a total that is not all, the parts are given to a tenth of a point."""
    from app.pages.safety_problem.present import rods_panel
    _, r = _said(client, "/api/safety-problem/rods?design=none&strength=2.5&ready=60&compliance=5&ramp=2&excess=0.5"
                         "&push=2.75")
    caption = rods_panel(r, {})["caption"]
    assert r.runaway == pytest.approx(0.996875)
    assert caption.endswith("over 99% of piles run away: 4.7 points from careful crews, 95.0 from rule-breakers."), caption
    assert _caught(RODS, r, "over 99% of piles run away: 5 points from careful crews, 95 from rule-breakers")


@pytest.mark.parametrize("changes", [dict(design="both", strength=3, ready=-120, compliance=0, ramp=0.25, excess=0.1,
                                          push=3),
                                     dict(design="both", strength=3, compliance=0)])
def test_both_fixes_a_little_late_say_why_the_passive_part_is_lost(changes):
    """Every crew breaks procedure and disables the rods, so the pair works only through its passive part, which
    protects nothing once it arrives after the first reaction: early, few piles run away (as with a passive design
    alone); 30 s late, all of them. The sentence gives that reason, as it does for a passive design alone."""
    r, text = _run(RODS, **changes)
    passive, passive_text = _run(RODS, **{**changes, "design": "passive"})
    assert passive_text["early"].endswith("one that arrives after the first reaction protects nothing.)")
    assert text["early"].endswith("Ready just 30 s after the first reaction, it saves no pile: 100% run away, as with "
                                  "no fix at all. (The passive part "
                                  "has to be built in: by our rule, arriving after the first reaction it protects "
                                  "nothing, and crews that break procedure disable the rods.)")
    assert r.by_ready == passive.by_ready and r.by_ready[30.0] == 1 and r.rods_early == 1
    assert not [f for t in RODS.all_truths for f in t.failures(r, text["early"])]


def test_the_passive_parts_reason_is_given_only_where_it_saves_piles_rods_alone_lose():
    """With every crew keeping strong rods, rods alone ready 2 minutes early already hold every pile: what a late
    pair loses is the rods' head start, and the passive part's reason is not given."""
    r, text = _run(RODS, design="both", strength=3, compliance=100)
    assert r.rods_early == 0 == r.by_ready[-120.0]
    assert "The passive part has to be built in" not in text["early"]
    said = text["early"] + " (The passive part has to be built in: by our rule, arriving after the first reaction it protects nothing.)"
    assert [f for t in RODS.all_truths for f in t.failures(r, said)]


@pytest.mark.parametrize("query", [
    "design=both&strength=1.5&ready=-60&compliance=50&ramp=3&excess=0.8&push=3",
    "design=both&strength=3&ready=240&compliance=0&ramp=4&excess=1.5&push=3"])
def test_both_fixes_are_pushed_past_not_gone_around(client, query):
    """/safety-problem?design=both&compliance=50&push=3: 'The technical fix cannot stop a crew that goes around it',
    but with both fixes crews go around only the rods; the passive part, which nobody can switch off, is pushed
    past (rule-breakers plan 3 notches beyond careful crews)."""
    claims, r = _said(client, f"/api/safety-problem/rods?{query}")
    assert r.design == "both" and r.perfect_breaking >= r.unfixed_breaking > 0 and r.perfect_breaking > r.perfect_compliant
    assert "goes around it" not in claims["practice"]
    assert claims["practice"].endswith("Rule-breakers disable the rods and push past what the passive part absorbs.")
    assert _caught(RODS, r, "The technical fix cannot stop a crew that goes around it.")


@pytest.mark.parametrize("query,said", [
    ("design=passive&strength=1.5&ready=-60&compliance=0&ramp=0.25&excess=1.5&push=3",
     "even crews that break procedure are contained within the eight simulated minutes: at 0.25 notches a minute they "
     "get only 1.5 notches past critical, short of the boldest plans (6.81 notches), and no one can switch it off."),
    ("design=both&strength=1.5&ready=-60&compliance=0&ramp=3&excess=0.8&push=0.5",
     "even crews that break procedure are contained: their extra push of 0.5 notches stays within what the passive "
     "part absorbs, and they disable the rods, but no one can switch the passive part off.")])
def test_contained_rule_breakers_are_given_the_reason_that_holds(client, query, said):
    """/safety-problem?design=passive&compliance=0&ramp=0.25&excess=1.5&push=3: 'their extra push of 3 notches stays
    within what the design absorbs', though the boldest plan is 6.8 notches against the 3 it absorbs: at 0.25 notches a
    minute no pile gets past 1.5 in the eight minutes. And with both fixes 'no one can switch it off' was said of rods
    that every rule-breaking crew disables."""
    claims, r = _said(client, f"/api/safety-problem/rods?{query}")
    assert r.perfect_breaking == 0 < r.unfixed_breaking
    assert said in claims["practice"], claims["practice"]
    if r.design == "passive":
        assert r.reachable <= 3 < r.boldest_breaking
        assert _caught(RODS, r, claims["practice"].replace(said, "even crews that break procedure are contained: their "
                                                          "extra push of 3 notches stays within what the design "
                                                          "absorbs, and no one can switch it off."))
    else:
        assert r.boldest_breaking <= 3
        assert _caught(RODS, r, claims["practice"].replace(said, "even crews that break procedure are contained: their "
                                                          "extra push of 0.5 notches stays within what the design "
                                                          "absorbs, and no one can switch it off."))


@pytest.mark.parametrize("query,said", [
    ("design=passive&strength=1.5&ready=-60&compliance=50&ramp=1.25&excess=0.1&push=2.75",
     "even crews that break procedure are contained within the eight simulated minutes, though the boldest plans "
     "(3.004 notches) go past what the design absorbs, and no one can switch it off."),
    ("design=passive&strength=1.5&ready=-60&compliance=50&ramp=0.25&excess=0.1&push=2.75",
     "short of the boldest plans (3.004 notches), and no one can switch it off.")])
def test_contained_past_what_it_absorbs_is_said_within_the_simulated_minutes(client, query, said):
    """/safety-problem?design=passive&compliance=50&ramp=1.25&excess=0.1&push=2.75: 'even crews that break procedure are
    contained', with no reason and no time limit, though the boldest plan (3.004 notches) is past the 3 the design
    absorbs (its pile nears damage at the eighth minute). And the slow-climb reason wrote that plan '3.00 notches'
    beside '(3 notches)'."""
    claims, r = _said(client, f"/api/safety-problem/rods?{query}")
    assert r.perfect_breaking == 0 and 3 < r.boldest_breaking < 3.005
    assert said in claims["practice"], claims["practice"]
    assert "3.00 notches" not in claims["practice"]
    assert _caught(RODS, r, claims["practice"].replace("3.004 notches", "3.00 notches"))


# ----------------------------------------------------- ties that hold only as shown say so

def test_a_late_fix_that_stops_some_runaways_is_not_said_to_come_too_late(client):
    """/safety-problem?design=both&strength=2.75&ready=90&compliance=10&ramp=2.5&excess=0.1&push=0#graded:
    with no fix 1 pile in 16 runs away (6.25%); the fix ready 1.5 minutes late leaves 5.625% at every strength
    above zero (the careful crews keep their rods), both '6%'. So the strength changes the share only below
    what the page shows, and the late fix does stop some runaways: it is not 'too late'."""
    claims, r = _said(client, "/api/safety-problem/rods?design=both&strength=2.75&ready=90&compliance=10&ramp=2.5"
                              "&excess=0.1&push=0")
    unfixed, curve = r.by_strength["none"][0.0], list(r.by_strength["both"].values())
    assert unfixed == 0.0625 and min(curve) < unfixed and {round(100 * v) for v in curve} == {6}
    assert "comes too late" not in claims["graded"]
    assert "makes no difference to the share shown: 6% of piles run away at every strength" in claims["graded"]
    assert "stops too few of the runaways that happen without it to change the share shown" in claims["graded"]
    assert _caught(RODS, r, "With control rods in a passively safe design ready 1.5 minutes after the first chain "
                            "reaction, the strength makes no difference: 6% of piles run away at every strength, "
                            "because it comes too late: the strongest, ready 2 minutes before the first chain "
                            "reaction, lets 0% run away.")


def test_a_fix_a_little_late_that_loses_one_pile_does_about_as_well(client):
    """/safety-problem?design=rods&strength=1&ready=30&compliance=5&ramp=2.75&excess=0.3&push=0.5#rods: ready
    2 minutes early 95% of piles run away; ready 1.5 minutes late 95.3% (one more pile in 320), both '95%'. A fix
    that late does as well only to the share shown, so the sentence says 'about as well'."""
    claims, r = _said(client, "/api/safety-problem/rods?design=rods&strength=1&ready=30&compliance=5&ramp=2.75"
                              "&excess=0.3&push=0.5")
    assert r.by_ready[-120.0] == 0.95 < r.by_ready[90.0] and round(100 * r.by_ready[90.0]) == 95
    assert ("A fix ready up to 1.5 minutes after the first reaction still does about as well as an early one here"
            in claims["early"])
    assert _caught(RODS, r, "A fix ready up to 1.5 minutes after the first reaction still does as well as an early "
                            "one here; later than that, it loses the race.")


def test_plans_tied_in_hindsight_only_to_the_percent_say_so(client):
    """/safety-problem?question=flight&first=40&second=100&third=25&returns=10#kinds: against the Flyer's blend
    the even split pays 96.4% and the best split 95.5%, both '96%'. They did equally well only to the percent
    shown; the even split did better by almost a point."""
    claims, r = _said(client, "/api/safety-problem/plan?question=flight&first=40&second=100&third=25&returns=10")
    assert r.hindsight["even"] - r.hindsight["best"] > 0.009
    assert round(100 * r.hindsight["even"]) == round(100 * r.hindsight["best"]) == 96
    assert claims["hindsight"].endswith("did equally well to the percent shown, and best.")
    assert _caught(PLAN, r, "in hindsight the even split and the best split did equally well, and best.")


def test_what_an_early_passive_design_would_do_is_said_as_a_counterfactual():
    """/safety-problem?design=passive&strength=2.75&ready=240&compliance=35&ramp=1&excess=1.5&push=1.25 (delayed
    neutrons, k 1.001): 'a passive design that arrives after the first reaction protects nothing: built in 2 minutes
    before the first chain reaction, the strongest lets 27% run away' read, after a second colon, as what happens
    here, beside '100% of piles run away at every strength'. It is now said as what would have happened."""
    r, text = _run(RODS, design="passive", strength=2.75, ready=240, compliance=35, ramp=1, excess=1.5, push=1.25)
    assert not r.passive_in_place and set(r.by_strength["passive"].values()) == {1.0}
    assert ("protects nothing; had it been ready 2 minutes before the first chain reaction, the strongest would "
            "have let 27% run away.") in text["graded"], text["graded"]
    assert text["graded"].count(":") <= 1, text["graded"]


def test_a_late_passive_design_saves_no_pile_rather_than_piles_having_already_run_away(client):
    """/safety-problem?design=passive&strength=3&ready=-60&compliance=90&ramp=3&excess=0.8&push=1: 'Ready just 30 s after
    the first reaction, 100% already run away', but the 100% is the share with no fix (the late design protects
    nothing), and control rods ready as late leave only 44% run away: most piles are still savable then."""
    claims, r = _said(client, "/api/safety-problem/rods?design=passive&strength=3&ready=-60&compliance=90&ramp=3"
                              "&excess=0.8&push=1")
    assert r.by_ready[30.0] == r.by_strength["none"][0.0] == 1
    assert "Ready just 30 s after the first reaction, it saves no pile: 100% run away, as with no fix at all." in claims["early"]
    assert "already run away" not in claims["early"]
    assert _caught(RODS, r, "Ready just 30 s after the first reaction, 100% already run away.")
    assert _caught(RODS, r, "Ready just 30 s after the first reaction, it saves no pile: 99% run away, as with no fix at all.")
    defaults, _ = _run(RODS)          # rods at the defaults: 44% at 30 s, fewer than with no fix
    assert _caught(RODS, defaults, "Ready just 30 s after the first reaction, it saves no pile: 44% run away, as with no "
                                   "fix at all.")


def test_a_fix_ready_30_s_late_is_said_to_let_its_share_run_away_not_that_they_already_have():
    """/safety-problem?design=both&strength=2&ready=120&compliance=15&ramp=1.5&excess=0.7&push=0.75: 'Ready just 30 s
    after the first reaction, 85% already run away', where 85% is the share that runs away in the end with a fix
    ready then; 30 s in, no pile has run away yet."""
    r, text = _run(RODS, design="both", strength=2, ready=120, compliance=15, ramp=1.5, excess=0.7, push=0.75)
    assert "already run away" not in text["early"], text["early"]
    assert "Ready just 30 s after the first reaction, it still lets 85% run away." in text["early"], text["early"]
    assert _caught(RODS, r, "Ready just 30 s after the first reaction, 85% already run away.")


def test_a_pile_doubling_faster_than_a_rod_can_follow_is_said_so_on_both_sides_of_prompt_critical():
    """k = 1.0065 doubles every 1 s and was 'faster than rods could comfortably follow', while k = 1.007 (0.7 s) was
    'too fast for any rod': the line between them is the doubling time, not prompt criticality."""
    slow, text = _run(CHAIN, k=1.0065)
    assert not slow.prompt_critical and slow.doubling < 1.5
    assert "doubles every 1 s: too fast for any rod, though still slowed" in text["fate"], text["fate"]
    wrong = text["fate"].replace("too fast for any rod, though still slowed",
                                 "faster than rods could comfortably follow, yet still slowed")
    assert [f for t in CHAIN.all_truths for f in t.failures(slow, wrong)]
    fast, text = _run(CHAIN, k=1.007)
    assert fast.prompt_critical and "too fast for any rod" in text["fate"]
    for k in (1.0055, 1.006):
        r, text = _run(CHAIN, k=k)
        assert r.doubling >= 1.5 and "faster than rods could comfortably follow" in text["fate"]


def test_populations_above_100_are_given_to_three_significant_figures(client):
    """/safety-problem?k=1.0055: the summary gave '435,519,132' beside '0.00638' and '90.8': nine digits of a toy
    model. Every population the chain summary and table show has at most three significant figures."""
    r, _ = _run(CHAIN, k=1.0055)
    summary = CHAIN.summary(r)
    assert "is 436,000,000 with delayed neutrons" in summary, summary
    for k in (1.0045, 1.005, 1.0055, 0.99, 1.0):
        r, _ = _run(CHAIN, k=k)
        cells = [c for row in CHAIN.table(r).rows for c in row[1:]] + re.findall(r"is ([\d,.]+) with", CHAIN.summary(r))
        for cell in cells:
            digits = re.sub(r"^[0.,]+", "", cell.replace(",", "")).rstrip("0").rstrip(".").replace(".", "")
            assert cell.startswith(("over", "almost")) or len(digits) <= 3, (k, cell)


def test_prompt_only_growth_is_judged_by_the_same_yardstick_as_delayed_growth():
    """/safety-problem?k=1.0005&delayed=without doubled every 1.4 s and was 'far too fast to catch', while 1.5 s with
    delayed neutrons (k = 1.006) was only 'faster than rods could comfortably follow': both are judged by the
    doubling time now."""
    r, text = _run(CHAIN, k=1.0005, delayed="without")
    assert r.doubling < 1.5 and "doubles every 1.4 s: too fast for any rod." in text["fate"], text["fate"]
    assert "far too fast" not in text["fate"]
    r, text = _run(CHAIN, k=1.006, delayed="with")
    assert r.doubling >= 1.5 and "faster than rods could comfortably follow" in text["fate"]


def test_the_strongest_fix_says_it_is_the_sliders_strongest():
    """Review 50: 'even the strongest fix, ready 2 minutes early, changes nothing' beside a strength slider set to 2
    notches read as the reader's own setting; it names the slider's strongest (3 notches)."""
    from app.pages.safety_problem.page import RODS
    values = {**RODS.defaults(), **dict(design="passive", strength=1.25, ready=180, compliance=0, ramp=1, excess=0.8, push=3)}
    r = RODS.run(values)
    texts = RODS.claim_texts(r)
    said = "even the strongest fix the slider allows (3 notches), ready 2 minutes early, changes nothing"
    assert any(said in t for t in texts.values()), texts
    joined = " ".join(texts.values())
    assert not [f for c in RODS.claims for t in c.truths for f in t.failures(r, joined)]
    old = joined.replace(said, "even the strongest fix, ready 2 minutes early, changes nothing")
    assert [f for c in RODS.claims for t in c.truths for f in t.failures(r, old)]


@pytest.mark.parametrize("changes", [
    {"design": "both", "strength": 0.0, "ready": 30, "compliance": 80.0, "ramp": 0.5, "excess": 0.1, "push": 1.25},
    {"design": "both", "strength": 0.0, "ready": 60, "compliance": 100.0, "ramp": 0.5, "excess": 0.5, "push": 2.0},
    {"design": "both", "strength": 0.25, "ready": -90, "compliance": 80.0, "ramp": 3.75, "excess": 0.2, "push": 0.0}])
def test_no_sentence_ends_on_a_possessive_with_nothing_after_it(changes):
    """Review of issue 34: the boxes' caption read '20% of piles run away, all of them rule-breakers'.' (and 'careful
    crews'.'), a possessive with nothing after it. It now reads 'all from rule-breakers' (and the practice claim's
    '6% for careful crews and 6% for rule-breakers', no longer than before, so no reserved line is outgrown)."""
    from sweep import texts
    state = {**RODS.defaults(), **changes}
    said = texts(RODS, state, RODS.run(state))
    dangling = [(where, t) for where, t in said if re.search(r"(?:breakers|crews)'(?:[.,;:)]|$)", t)]
    assert not dangling, dangling
    assert any("of piles run away, all" in t for _, t in said)
