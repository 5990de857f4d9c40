"""The pies page's claims at hand-checked states, read against what each sentence means about the model's
shares (including the states where a sentence was once false). tests/test_truths.py checks the declared
predicates over a dense sample of the whole space; here each case is worked from the numbers."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from app.pages.scheming_pie_charts.model import _BEST
from app.pages.scheming_pie_charts.page import PIES, POWER

PIES_FOLDER = Path(__file__).parent
SLUG = "scheming-pie-charts"


def run(**changes):
    result = PIES.run({**PIES.defaults(), **changes})
    return result, PIES.claim_texts(result)


def test_at_the_defaults_rlhf_keeps_the_ratio_and_rlvr_raises_it():
    """15 treacherous in 85 green: 17.6 red per 100 green, kept by blind raters, raised by RLVR."""
    r, texts = run()
    pre, mid, post = (r.red_per_green(s) for s in ("pretraining", "after RLHF", "after RLVR"))
    assert pre == pytest.approx(15 / 85) and mid == pytest.approx(pre, rel=1e-12) and post > mid
    red = 100 * r.share("after RLVR", "red")
    assert texts["ratios"] == (f"For every 100 units of green behaviour the figure shows this much red: 17.6 after "
                               f"pretraining, 17.6 after RLHF and {100 * post:.1f} after RLVR. So RLHF left it "
                               f"unchanged, and RLVR raised it from 17.6 to {100 * post:.1f}. After RLVR, {red:.1f}% of "
                               f"all behaviour is red. The sections below explain why.")
    c1, c2 = r.competence("after RLHF"), r.competence("after RLVR")
    assert c2 > c1 and texts["trade"].startswith(f"Here RLVR raised competence (green plus red: all the behaviour that "
                                                 f"gets tasks done, honestly or not) from {100 * c1:.1f}% to {100 * c2:.1f}%")


def test_a_ratio_too_small_to_show_is_almost_0_not_five_digits():
    """Raters who catch all treachery leave a trace of red: it was shown as '0.0025', then '0.00636 to 0.00456'."""
    r, texts = run(detect=100, rlhf=6, treacherous=1, exchange=5, rlvr=0.1)
    mid, post = r.red_per_green("after RLHF"), r.red_per_green("after RLVR")
    assert 100 * mid < 0.05 and 0.05 <= 100 * post < 0.15
    assert "So RLHF lowered it from 1.0 to almost 0, and RLVR raised it from almost 0 to 0.1." in texts["ratios"]


def test_a_change_too_small_to_show_is_not_called_unchanged():
    _, texts = run(detect=100, rlhf=6, treacherous=1, exchange=5, rlvr=0.0)
    assert "So RLHF lowered it from 1.0 to almost 0, and RLVR left it unchanged. After RLVR" in texts["ratios"]
    # Raters who catch a tenth of the red, lightly applied: 1.01 per 100 falls to 0.96, both shown as 1.0.
    r, texts = run(nice=27, treacherous=1, rlhf=0.6, detect=10, rlvr=4.6, exchange=25)
    pre, mid = r.red_per_green("pretraining"), r.red_per_green("after RLHF")
    assert mid < pre and round(100 * pre, 1) == round(100 * mid, 1) == 1.0
    assert "So RLHF kept it at 1.0, and RLVR raised it from 1.0 to " in texts["ratios"]


def test_seeming_nice_is_decided_on_the_share_as_shown():
    """Exactly on the threshold: with no RLHF, half the behaviour nice-looking is 50.0%, which seems nice part of
    the time."""
    r, texts = run(nice=50, rlhf=0, detect=0)
    assert r.seen_nice("after RLHF") == pytest.approx(0.5)
    assert "and 50.0% looks nice to a rater (green and red together), so the model seems nice only part of the " \
        "time" in texts["looks_nice"]
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


@pytest.mark.parametrize("changes", [
    dict(nice=93, treacherous=48, rlhf=1, detect=70, rlvr=0, exchange=65),
    dict(scenario="brainlike", rlhf=1.9, detect=100, rlvr=0),
])
def test_rlvr_switched_off_changes_nothing_whatever_the_other_sliders(changes):
    """With RLVR at 0 no stage acts, so the mix after it is the mix before it; the sentence said RLVR 'kept
    competence at 96.5%' (or 29.5%) at these states, where the shares differ only by rounding noise."""
    r, texts = run(**changes)
    assert np.allclose(r.stages[1], r.stages[2], rtol=0, atol=1e-12)
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
    assert texts["ratios"] == ("There is no green at the start, after RLHF or after RLVR, so there is no red-to-green "
                               f"ratio to compare there. After RLVR, {100 * r.share('after RLVR', 'red'):.1f}% of all "
                               "behaviour is red.")
    assert texts["trade"].endswith("; there is no green before or after it to compare red against.")


def test_for_an_llm_the_last_slider_is_said_to_do_nothing():
    r, texts = run(nice=70, treacherous=15)
    assert texts["innate"].endswith(f"gets its green from pretraining, {0.7 * 0.85 * 100:.1f}% of its behaviour at the start.")


# ------------------------------------------------------- the second review: green that never existed

def _caught(result, old_text):
    """The widget's declared predicates that flag a sentence the page used to say at this state."""
    return [f for t in PIES.all_truths for f in t.failures(result, old_text)]


def test_an_llm_with_no_green_is_not_said_to_get_0_percent_green_from_pretraining(client):
    """treacherous=100: every nice-looking behaviour pretraining instils is red, so there is no green at all.
    The page said the LLM 'gets its green from pretraining, 0% of its behaviour'."""
    url = f"/api/{SLUG}?scenario=llm&nice=70&treacherous=100&rlhf=2&detect=0&rlvr=1.5&exchange=50&innate=0"
    innate = client.get(url).json()["claims"]["innate"]
    r, _ = run(nice=70, treacherous=100)
    assert r.share("pretraining", "green") == 0
    assert innate.endswith("could get green only from pretraining, and at these settings pretraining gives it none.")
    assert _caught(r, "That slider acts on a brain-like learner only; the LLM chosen above gets its green from "
                      "pretraining, 0% of its behaviour at the start.")


def test_green_that_never_existed_is_not_said_to_be_left_or_compared(client):
    """A brain-like learner with no reward for niceness has no green at any stage. The trade claim said 'with no
    green left' (there was never any), and the prose read 'this much red: none (no green) after pretraining…'."""
    url = f"/api/{SLUG}?scenario=brainlike&nice=70&treacherous=15&rlhf=2&detect=0&rlvr=1.5&exchange=50&innate=0"
    claims = client.get(url).json()["claims"]
    r, _ = run(scenario="brainlike", innate=0)
    assert "no green left" not in claims["trade"] and "no green before or after it" in claims["trade"]
    assert _caught(r, "Here RLVR raised competence (green plus red: all the behaviour that gets tasks done, honestly or not) "
                      "from 86.4% to 99.2%, with no green left to compare red against.")
    html = client.get(url.replace("/api/", "/")).text
    assert "this much red: none (no green)" not in html and "For every 100 units of green" not in claims["ratios"]
    assert claims["ratios"].startswith("There is no green at the start, after RLHF or after RLVR, so there is no "
                                       "red-to-green ratio to compare there.")
    assert _caught(r, "For every 100 units of green behaviour the figure shows this much red: none (no green) after "
                      "RLVR.")


def test_the_exchange_rate_of_zero_is_not_said_to_be_doubted():
    """The seed has Byrnes asking whether the exchange rate can reach zero and answering that he does not know;
    the page said he 'doubts real training can get there'."""
    prose = (PIES_FOLDER / "content.md").read_text()
    assert "doubts real training" not in prose
    assert "whether it can reach zero, he says he does not know" in " ".join(prose.split())


# ------------------------------------------------------- the power widget: hand-worked states





def power(**changes):
    result = POWER.at_defaults(**changes)
    return result, POWER.claim_texts(result)


def test_power_claims_at_the_defaults_are_counted_by_hand():
    """direct 2, extra 20, cost 5%, open 50%, secret 10%: openly keeps 0.95 x 0.5 = 0.475 of the best of 22
    outcomes, secretly 0.95² x 0.9 = 0.81225, so every goal that gathers does it secretly; it gathers when
    0.81225 x best-of-22 beats best-of-2. Unwatched, openly keeps 0.95."""
    r, texts = power()
    hidden = int((0.95 ** 2 * 0.9 * _BEST[:, 21] > _BEST[:, 1]).sum())
    unwatched = int((0.95 * _BEST[:, 21] > _BEST[:, 1]).sum())
    assert (hidden, unwatched) == (round(r.secret * 2000), round(r.unwatched * 2000))
    g, u = round(100 * hidden / 2000), round(100 * unwatched / 2000)
    assert g > 50 and u > g
    assert texts["plans"] == (f"For {g}% of the 2,000 random goals the best plan is to gather power first (0% openly, "
                              f"{g}% secretly); for {100 - g}% it is to act now. So for most of these goals, power "
                              f"comes first.")
    assert texts["watch"] == (f"If open power-gathering were never stopped, {u}% of the goals would gather power; "
                              f"when it is stopped 50% of the time, {g}% still do, all of them secretly.")


def test_power_that_opens_nothing_is_sought_by_no_goal():
    _, texts = power(extra=0)
    assert texts["plans"] == ("At these settings no goal in the sample does better by gathering power: acting now is "
                              "best for all 2,000. With no extra outcomes to open, power has nothing to offer.")
    assert texts["watch"] == "Even if open power-gathering were never stopped, no goal here would gather power."


def test_costly_power_is_said_to_lose_to_acting_now():
    """cost 40%: openly keeps 0.6 x 0.5 = 0.3, secretly 0.36 x 0.9 = 0.324; most goals act now."""
    r, texts = power(cost=0.4)
    n = int((0.36 * 0.9 * _BEST[:, 21] > _BEST[:, 1]).sum())
    assert round(r.secret * 2000) == n and n < 1000
    assert texts["plans"].endswith("So at these settings most goals do better acting now.")
    assert f"{round(100 * n / 2000)}% secretly" in texts["plans"]


def test_with_nobody_stopping_open_grabs_no_goal_hides():
    r, texts = power(open_risk=0.0)
    n = int((0.95 * _BEST[:, 21] > _BEST[:, 1]).sum())
    assert round(r.open * 2000) == n and r.secret == 0.0
    assert texts["watch"] == (f"Here nobody stops open power-gathering, so no goal bothers to hide: "
                              f"{round(100 * n / 2000)}% gather power, all of them openly.")


def test_when_every_grab_is_stopped_none_happens():
    r, texts = power(open_risk=1.0, secret_risk=1.0)
    assert r.gather == 0.0 and texts["watch"].endswith("when it is stopped 100% of the time, none does.")
    assert texts["plans"].startswith("At these settings no goal in the sample does better by gathering power")


def test_a_power_claim_that_overstates_is_caught():
    """The declared predicates reject the sentence the page would say at the defaults, put at a costly state."""
    _, default_texts = power()
    r, _ = power(cost=0.4)
    assert [f for t in POWER.all_truths for f in t.failures(r, default_texts["plans"])]
    assert [f for t in POWER.all_truths for f in t.failures(r, default_texts["watch"])]


def test_shares_of_the_goals_add_up_to_all_of_them_as_printed():
    """Review, at …power?direct=2&extra=20&cost=5&open_risk=50&secret_risk=0: 'For 75% … gather power first (0%
    openly, 75% secretly); for 26% it is to act now': 1,490 and 510 of 2,000 are 74.5% and 25.5%, each rounded
    up, so the two parts of one whole printed 101%. Printed by largest remainders they add up to 100%."""
    r, texts = power(direct=2, extra=20, cost=0.05, open_risk=0.5, secret_risk=0.0)   # model units
    assert (round(r.secret * 2000), round(r.act * 2000)) == (1490, 510) and r.open == 0
    assert texts["plans"].startswith("For 74% of the 2,000 random goals the best plan is to gather power first (0% "
                                     "openly, 74% secretly); for 26% it is to act now.")
    assert "74% still do, all of them secretly" in texts["watch"]
    summary, live = POWER.summary(r), POWER.live(r)
    assert "acting now is best for 26%, gathering power openly for 0% and gathering it secretly for 74%" in summary
    assert (live["act"], live["open"], live["secret"], live["gather"]) == ("26%", "0%", "74%", "74%")
    said = " ".join([*texts.values(), summary])
    assert not [f for t in POWER.all_truths for f in t.failures(r, said)]
    old = ("For 75% of the 2,000 random goals the best plan is to gather power first (0% openly, 75% secretly); for "
           "26% it is to act now. Bars: of the 2,000 goals, acting now is best for 26%, gathering power openly for 0% "
           "and gathering it secretly for 75%.")
    assert len([f for t in POWER.all_truths for f in t.failures(r, old)]) == 2


def test_the_share_at_40_is_printed_alike_in_the_summary_the_table_and_the_curve(client):
    """Review 3, P1, at …?direct=1&extra=40&cost=5&open_risk=25&secret_risk=25: 1,410 of 2,000 goals (70.5%)
    gather power. The table's row for 40, the bars, the claim and the curve's label printed 70% (largest
    remainders, the half to acting now) while the summary's line 'with 40' rounded alone to 71%. Every text now
    prints the share one way; at extra=20 the summary's 'with 40' must match the table's row for 40 too."""
    from app.pages.scheming_pie_charts.present import curve_figure, power_summary, power_table
    for extra in (40, 20):
        r, texts = power(direct=1, extra=extra, cost=0.05, open_risk=0.25, secret_risk=0.25)
        assert round(float(r.curve_gather[-1]) * 2000) == 1410
        row = next(row for row in power_table(r).rows if row[0].split()[0] == "40")
        assert row[1:] == ("30%", "70%", "0%")          # openly keeps 0.95 x 0.75 > 0.95² x 0.75
        assert "0% with no extra outcomes and 70% with 40" in power_summary(r)
        if extra == 40:
            label = curve_figure(r)["layout"]["annotations"][0]["text"]
            assert label == "this setting: 70%" and "For 70% of the 2,000 random goals" in texts["plans"]
        html = client.get(f"/{SLUG}?direct=1&extra={extra}&cost=5&open_risk=25&secret_risk=25").text
        assert "0% with no extra outcomes and 70% with 40" in html


def test_the_curve_and_bars_hover_with_the_shares_as_printed():
    """Review 3, P1: the curve's hover rounded alone ('%{y:.0%}'), the bars' to one decimal: each now shows the
    share as the table prints it (the bars with the count of goals)."""
    from app.pages.scheming_pie_charts.present import bars_figure, curve_figure
    r, _ = power(direct=1, extra=40, cost=0.05, open_risk=0.25, secret_risk=0.25)
    curve = curve_figure(r)["data"]
    assert curve[0]["customdata"][40] == "70%" and "%{customdata}" in curve[0]["hovertemplate"]
    assert curve[2]["customdata"] == ["70%"] and "%{y" not in curve[2]["hovertemplate"]
    bars = bars_figure(r)["data"][0]
    assert bars["customdata"][1] == "1,410 of the 2,000 goals" and "%{x" not in bars["hovertemplate"]


def test_a_risk_that_deters_no_goal_is_not_said_to_deter_one(client):
    """Review 3, P2, at …?direct=2&extra=38&cost=0&open_risk=50&secret_risk=0: with no cost and no risk in hiding,
    exactly the 1,890 goals that would gather power unwatched gather it secretly, yet the sentence said '95% …
    would gather power; … 94% still do' (the two shares rounded two ways), telling the reader 1% was put off."""
    r, texts = power(direct=2, extra=38, cost=0.0, open_risk=0.5, secret_risk=0.0)
    assert round(r.unwatched * 2000) == round(r.secret * 2000) == 1890
    assert texts["watch"] == ("If open power-gathering were never stopped, 94% of the goals would gather power; when "
                              "it is stopped 50% of the time, every one of them still does, secretly.")
    old = ("If open power-gathering were never stopped, 95% of the goals would gather power; when it is stopped 50% "
           "of the time, 94% still do, all of them secretly.")
    assert [f for t in POWER.all_truths for f in t.failures(r, old)]
    assert texts["watch"] in client.get(f"/{SLUG}?direct=2&extra=38&cost=0&open_risk=50&secret_risk=0").text


def test_a_risk_that_deters_too_few_to_show_is_counted():
    """Where the risk puts off some goals, but too few to move the whole percent, the sentence counts them rather
    than print the same percentage twice (which reads as 'none') or two that differ by rounding."""
    from itertools import product

    from app.pages.scheming_pie_charts.present import gather_text
    W = POWER
    found = None
    for d, e, c, o in product((9, 10), (1, 2), (20, 30), (5, 10)):
        r = W.at_defaults(direct=d, extra=e, cost=c / 100, open_risk=o / 100, secret_risk=0.0)
        if 0 < r.gather < r.unwatched and gather_text(r.gather) == gather_text(r.unwatched):
            found = r
            break
    assert found is not None
    k, n = round(found.gather * 2000), round(found.unwatched * 2000)
    text = W.claim_texts(found)["watch"]
    assert text.endswith(f"% of the time, {k:,} of those {n:,} goals still do, openly."), text
    assert not [f for t in W.all_truths for f in t.failures(found, text)]


def test_an_exact_tie_between_the_ways_of_gathering_goes_to_openly(client):
    """Review 3, P6, at …?cost=20&open_risk=40&secret_risk=25: openly keeps 0.8 x 0.6 = 0.48 and secretly
    0.8² x 0.75 = 0.48, an exact tie, which the model's rule gives to openly; float error (0.4800000000000001)
    made it 'secretly', and the page said '0% openly, 21% secretly … all of them secretly'."""
    for cost, open_risk, secret_risk in ((20, 40, 25), (10, 55, 50), (20, 80, 75), (25, 40, 20), (40, 55, 25),
                                         (50, 55, 10), (50, 80, 60)):
        r, texts = power(cost=cost / 100, open_risk=open_risk / 100, secret_risk=secret_risk / 100)
        assert r.secret == 0.0 and r.open == r.gather, (cost, open_risk, secret_risk)
    from app.pages.scheming_pie_charts.present import gather_text
    r, texts = power(cost=0.2, open_risk=0.4, secret_risk=0.25)
    g = gather_text(r.gather)
    assert r.gather > 0 and f"({g} openly, 0% secretly)" in texts["plans"] and "all of them openly" in texts["watch"]
    old = texts["plans"].replace(f"({g} openly, 0% secretly)", f"(0% openly, {g} secretly)")
    assert [f for t in POWER.all_truths for f in t.failures(r, old)]
    assert f"({g} openly, 0% secretly)" in client.get(f"/{SLUG}?cost=20&open_risk=40&secret_risk=25").text


def test_each_pies_shares_add_up_to_100_as_shown(client):
    """Review 4, SPC-1: each share rounded alone to one decimal, 'After RLHF: 44.3% stays nice, 9.9% treacherous,
    45.7% incoherent' (99.9%) and 'After RLVR: 21.3%, 76.5%, 2.3%' (100.1%); and 26.0%, 71.3%, 2.6% (99.9%)
    at the second state. The summary, the table, the live numbers and the pies' own labels add up to 100.0%."""
    import json
    import re
    from app.pages.scheming_pie_charts.present import pie_figure, pies_live
    for query, said_here in (
            ("scenario=llm&nice=52&treacherous=19&rlhf=0.1&detect=45&rlvr=2.7&exchange=65&innate=15",
             ("After RLHF: 44.3% stays nice, 10.0% treacherous, 45.7% incoherent.",
              "After RLVR: 21.2% stays nice, 76.5% treacherous, 2.3% incoherent.")),
            ("scenario=llm&nice=97&treacherous=75&rlhf=0.2&detect=45&rlvr=4.9&exchange=0&innate=40",
             ("After RLHF: 26.0% stays nice, 71.4% treacherous, 2.6% incoherent.",))):
        changes = dict(q.split("=") for q in query.split("&"))
        values = {**PIES.defaults(), **{k: (v if k == "scenario" else float(v)) for k, v in changes.items()}}
        result = PIES.run(values)
        summary = PIES.summary(result)
        assert all(s in summary for s in said_here), summary
        for label, g, r_, b in re.findall(r"(Pretraining|After RLHF|After RLVR): ([\d.]+)% stays nice, ([\d.]+)% "
                                          r"treacherous, ([\d.]+)% incoherent", summary):
            assert round(float(g) + float(r_) + float(b), 6) == 100.0, (query, label)
        def adds_up(texts) -> bool:       # a share written '<0.1%' or '>99.9%' names no one number
            return any(t[0] in "<>" for t in texts) or round(sum(float(t[:-1]) for t in texts), 6) == 100.0
        assert all(adds_up(row[1:4]) for row in PIES.table(result).rows), query
        live = pies_live(result)
        assert all(adds_up([live[f"{key}_{t}"] for t in ("green", "red", "blue")]) for key in ("pre", "rlhf", "rlvr"))
        for i in range(3):
            trace = pie_figure(result, i)["data"][0]
            assert trace["texttemplate"][0] == "%{text}" and adds_up(trace["text"]), (query, i)
        assert not [f for t in PIES.all_truths for f in t.failures(result, summary)], query
        html = client.get(f"/{SLUG}?{query}").text
        assert said_here[0] in " ".join(html.split())
    # The old summary at the first state is refused by the summary's truth.
    result = PIES.run({**PIES.defaults(), "nice": 52.0, "treacherous": 19.0, "rlhf": 0.1, "detect": 45.0, "rlvr": 2.7,
                       "exchange": 65.0, "innate": 15.0})
    assert [f for t in PIES.all_truths
            for f in t.failures(result, "After RLHF: 44.3% stays nice, 9.9% treacherous, 45.7% incoherent.")]


def test_green_and_red_together_is_the_sum_of_the_slices_shown():
    """With the slices adding up (SPC-1), 'X looks nice to a rater (green and red together)' is green plus red as the
    pie shows them: at ?nice=70&treacherous=29&rlhf=1.3, 63.6% + 26.0% = 89.6% (the share alone rounds to 89.5%)."""
    r, texts = run(nice=70.0, treacherous=29.0, rlhf=1.3)
    assert "After RLHF: 63.6% stays nice, 26.0% treacherous, 10.4% incoherent." in PIES.summary(r)
    assert texts["looks_nice"].startswith("After this stage 63.6% of behaviour is green, and 89.6% looks nice to a "
                                          "rater (green and red together)")


def test_red_per_green_rounds_a_half_up_as_the_kit_does_and_the_other_rounding_is_refused():
    """At this state pretraining has exactly 212.5 red per 100 green: the kit writes 213 (halves away from zero);
    Python's format wrote 212, which the truths now refuse."""
    from app.pages.scheming_pie_charts.page import PAGE
    pies = PAGE.widget("pies")
    r = pies.run({**pies.defaults(), "scenario": "llm", "nice": 41, "treacherous": 68, "rlhf": 3.3, "detect": 10,
                  "rlvr": 0.6, "exchange": 75, "innate": 90})
    assert abs(100 * r.red_per_green("pretraining") - 212.5) < 1e-9
    said = pies.claim_texts(r)["ratios"]
    assert "213 after pretraining" in said
    assert [f for t in pies.all_truths for f in t.failures(r, said.replace("213 after pretraining", "212 after pretraining"))]


@pytest.mark.parametrize("state", [
    dict(scenario="llm", nice=55, treacherous=81, rlhf=1, detect=35, rlvr=3.7, exchange=60, innate=35),
    dict(nice=17, treacherous=5, rlhf=1.8, detect=75, rlvr=5, exchange=40, innate=60),
])
def test_a_model_that_looks_nice_barely_half_the_time_is_not_said_to_seem_nice(state):
    """Review 9, pages B 3: at 52.8% (and 53.9%) looking nice, with about a fifth of all behaviour red that raters
    catch, the claim said 'which is why the model “seems nice”'. Only a clear majority (four in five, as shown)
    earns that; between half and that, the model seems nice only part of the time."""
    r, texts = run(**state)
    looks = r.seen_nice("after RLHF")
    assert 0.5 <= looks < 0.6      # over two in five of what it does looks bad to a rater
    assert "seems nice”" not in texts["looks_nice"] and "does not even seem nice" not in texts["looks_nice"]
    assert texts["looks_nice"].endswith("so the model seems nice only part of the time.")


def test_a_clear_majority_looking_nice_is_why_the_model_seems_nice():
    """The other side of the bar: 89.6% looking nice (raters blind to red) reads as the model seeming nice, and
    exactly 80.0% as shown does too."""
    r, texts = run(nice=70.0, treacherous=29.0, rlhf=1.3)
    assert r.seen_nice("after RLHF") > 0.8 and texts["looks_nice"].endswith("which is why the model “seems nice”.")
    r, texts = run(nice=80, rlhf=0, detect=0)
    assert r.seen_nice("after RLHF") == pytest.approx(0.8)
    assert "80.0% looks nice" in texts["looks_nice"] and texts["looks_nice"].endswith("“seems nice”.")


def test_raters_are_not_said_to_miss_red_where_there_is_none():
    """With innate niceness at 100 no behaviour is red at any stage, and the sentence said 'looks nice to a rater
    (green, and the 25.0% of red that raters miss)'. With no red there is nothing to miss, and it says so."""
    from app.pages.scheming_pie_charts.page import PIES
    r = PIES.at_defaults(scenario="brainlike", nice=0.05, treacherous=0.28, rlhf=0.9, detect=0.75, rlvr=5.1,
                         exchange=0.7, innate=1)
    assert r.share("after RLHF", "red") == 0
    text = PIES.claim_texts(r)["looks_nice"]
    assert "(green only: there is no red to miss)" in text and "of red that raters miss" not in text, text


def test_with_no_green_and_no_red_the_sentence_does_not_say_green_only():
    """Round 14: where everything after RLHF is blue, '0% looks nice (green only: there is no red to miss)' named a
    green that is not there."""
    from app.pages.scheming_pie_charts.page import PIES
    from sweep import grid
    from app.registry import BY_SLUG
    page = BY_SLUG["scheming-pie-charts"]
    for state in grid(page, PIES)[:4000]:
        r = PIES.run(state)
        if r.share("after RLHF", "red") == 0 == r.share("after RLHF", "green"):
            text = PIES.claim_texts(r)["looks_nice"]
            assert "(there is no red to miss)" in text and "green only" not in text, text
            return
    raise AssertionError("no all-blue state in the first 4,000 of the grid")


@pytest.mark.parametrize("changes,which", [
    (dict(scenario="brainlike"), "86.4% looks nice to a rater (all of it red that raters miss)"),
    (dict(scenario="brainlike", detect=50), "38.1% looks nice to a rater (no green, and the 50.0% of red that raters miss)"),
    (dict(scenario="brainlike", detect=100), "0% looks nice to a rater (no green, and raters catch all the red)"),
    (dict(scenario="llm", treacherous=100), "94.5% looks nice to a rater (all of it red that raters miss)"),
])
def test_with_no_green_what_looks_nice_is_not_said_to_be_partly_green(changes, which):
    """Review 15, item 2, at /scheming-pie-charts?scenario=brainlike: '0% of behaviour is green, and 86.4% looks nice
    to a rater (green and red together)' named a green that is not there; all that looks nice is red that raters
    miss. The green wordings now need some green."""
    from app.pages.scheming_pie_charts.present import LOOKS_TRUTHS
    r, texts = run(**changes)
    assert r.share("after RLHF", "green") == 0 < r.share("after RLHF", "red")
    text = texts["looks_nice"]
    assert which in text and "(green" not in text, text
    inside = which[which.index("(") + 1:-1]
    old = ("green and red together" if "all of it" in inside else "green, and none of the red, which raters catch"
           if "catch all" in inside else inside.replace("no green, and", "green, and"))
    assert [f for t in LOOKS_TRUTHS for f in t.failures(r, text.replace(inside, old))], old


def test_the_training_path_hovers_with_the_shares_as_the_pies_write_them():
    """Review 15, item 5: the path chart hovered '%{y:.1%}', so a green of 0.9999999999995 read 'Green: 100.0%' and a
    blue of 4.8e-13 '0.0%' beside pies labelled '>99.9%' and '<0.1%'."""
    from app.pages.scheming_pie_charts.present import path_figure, stage_texts
    r, _ = run(scenario="brainlike", nice=100, treacherous=100, rlhf=6, detect=100, rlvr=6, exchange=100, innate=100)
    data = path_figure(r)["data"]
    shown = stage_texts(r, "after RLVR")
    assert [t["customdata"][-1] for t in data] == [shown[t] for t in ("green", "red", "blue")] == [">99.9%", "0%", "<0.1%"]
    for trace in data:
        assert "%{customdata}" in trace["hovertemplate"] and "%{y" not in trace["hovertemplate"]
        assert len(trace["customdata"]) == len(trace["y"])


@pytest.mark.parametrize("changes", [dict(nice=0, rlvr=6, exchange=100),
                                     dict(nice=100, treacherous=100, rlvr=6, exchange=100),
                                     dict(nice=100, treacherous=50, rlvr=6, exchange=0)])
def test_rlvr_at_full_strength_that_moves_nothing_says_why(changes):
    """All blue, all red, or green and red paid alike (no exchange): at strength 6 the mix still cannot move, and
    "changes nothing" says why: every kind of behaviour present earns the same task reward."""
    r = PIES.run({**PIES.defaults(), **changes})
    assert np.allclose(r.stages[1], r.stages[2], rtol=0, atol=1e-12)
    present = [i for i in range(3) if r.stages[1][i] > 0]
    assert len({float(r.traits.task_reward[i]) for i in present}) == 1
    said = " ".join(PIES.claim_texts(r).values())
    assert ("RLVR changes nothing: the mix after it is the mix before it, since every kind of behaviour in it earns the "
            "same reward at tasks a program can check") in said, said


@pytest.mark.parametrize("changes", [dict(nice=32, treacherous=2, rlhf=6, detect=75),
                                     dict(scenario="brainlike", rlhf=4.6, detect=95, innate=65),
                                     dict(nice=68, treacherous=1, rlhf=5.3, detect=70)])
def test_what_looks_nice_never_reads_below_the_green_it_contains(changes):
    """/scheming-pie-charts?nice=32&treacherous=2&rlhf=6&detect=75: '99.5% of behaviour is green, and 99.4% looks nice to
    a rater (green, and the 25.0% of red that raters miss)': green (99.443%, shown 99.5% so the pie adds up) plus the
    missed red is 99.449%, rounded on its own to 99.4%. What looks nice is now never shown below the green."""
    from app.pages.scheming_pie_charts.page import PAGE
    w = PAGE.widgets[0]
    r = w.run({**w.defaults(), **changes})
    text = next(v for v in w.claim_texts(r).values() if "looks nice to a rater" in v)
    g, l = re.search(r"After this stage ([\d.]+)% of behaviour is green, and ([\d.]+)% looks nice", text).groups()
    assert r.seen_nice("after RLHF") >= r.share("after RLHF", "green") and float(l) >= float(g), text
    assert not [f for t in w.all_truths for f in t.failures(r, text)]
    below = text.replace(f"and {l}% looks nice", f"and {float(g) - 0.1:.1f}% looks nice")
    assert [f for t in w.all_truths for f in t.failures(r, below)]


def test_a_ratio_no_stage_changes_is_said_once():
    """Review 50: with no exchange, 'So RLHF left it unchanged, and RLVR left it unchanged' said the same thing twice."""
    from app.pages.scheming_pie_charts.present import RATIO_TRUTHS
    r, texts = run(exchange=0)
    raw = [r.red_per_green(s) for s in ("pretraining", "after RLHF", "after RLVR")]
    assert raw[0] == pytest.approx(raw[1], rel=1e-9) and raw[1] == pytest.approx(raw[2], rel=1e-9)
    assert "So neither RLHF nor RLVR changed it." in texts["ratios"], texts["ratios"]
    old = texts["ratios"].replace("neither RLHF nor RLVR changed it", "RLHF left it unchanged, and RLVR left it unchanged")
    assert [f for t in RATIO_TRUTHS for f in t.failures(r, old)]
    r, texts = run()
    assert "neither" not in texts["ratios"]
    assert [f for t in RATIO_TRUTHS for f in t.failures(r, texts["ratios"].replace(
        "So RLHF left it unchanged, and RLVR raised", "So neither RLHF nor RLVR changed it. RLVR raised"))]


def test_green_and_red_that_read_alike_read_as_a_ratio_of_100():
    """Review 50 (g3, 4), at …?scenario=llm&nice=2&treacherous=51&rlhf=3.5&detect=45&rlvr=5.1&exchange=5&innate=35:
    'Pretraining: 1.0% stays nice, 1.0% treacherous' beside 'per 100 units of stays-nice behaviour: 104'. The shares
    are 0.98% and 1.02%: where green and red would read alike but their ratio does not read 100, the stage's shares
    get the decimals that tell them apart (on the pies, in the summary and the table alike), still adding up to 100%."""
    from app.pages.scheming_pie_charts.present import stage_texts
    r, _ = run(scenario="llm", nice=2, treacherous=51, rlhf=3.5, detect=45, rlvr=5.1, exchange=5, innate=35)
    assert round(100 * r.red_per_green("pretraining")) == 104
    shown = stage_texts(r, "pretraining")
    assert shown == {"green": "0.98%", "red": "1.02%", "blue": "98.00%"}
    summary = PIES.summary(r)
    assert summary.startswith("Pretraining: 0.98% stays nice, 1.02% treacherous, 98.00% incoherent. After RLHF: 23.6%")
    assert PIES.table(r).rows[0][1:] == ("0.98%", "1.02%", "98.00%", "104")
    assert not [f for t in PIES.all_truths for f in t.failures(r, summary)]
    old = summary.replace("0.98% stays nice, 1.02% treacherous, 98.00%", "1.0% stays nice, 1.0% treacherous, 98.0%")
    assert [f for t in PIES.all_truths for f in t.failures(r, old)]
    # Alike and at a ratio that reads 100, the shares keep one decimal (the defaults: green and red differ anyway).
    r, _ = run(nice=50, treacherous=50)
    assert stage_texts(r, "pretraining") == {"green": "25.0%", "red": "25.0%", "blue": "50.0%"}
