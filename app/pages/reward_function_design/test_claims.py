"""The reward-function-design claims, read against the trained agents' numbers at hand-checked states (the
dense sweep of every state is tests/test_truths.py, which checks each sentence against the predicates declared
beside it in present.py)."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from app.pages.reward_function_design.page import LYING, REVERSI
from app.pages.reward_function_design.present import (CAUGHT_TRUTHS, LYING_TRUTHS, PROBE_TRUTHS, board_panel,
                                                        pct, points, rooms_panel)
from app import wording
from app.wording import num, rounded, share


def lying(**changes):
    values = {**LYING.defaults(), **changes}
    result = LYING.run(values)
    return result, LYING.claim_texts(result), rooms_panel(result, values)


def test_at_the_defaults_it_learns_not_to_get_caught_and_the_probe_makes_it_honest():
    """A lie gains 4 and costs 10 when caught: worth 4 - 8 = -4 watched and 4 - 1 = +3 unwatched. With a
    90% probe a lie also risks 10 x 0.9 and an honest answer 10 x 0.1, so lying loses everywhere."""
    r, texts, _ = lying()
    assert r.at("behaviour", "watched") < 0.02 and r.at("behaviour", "unwatched") > 0.99
    assert "worth −4 points watched and +3 points unwatched" in texts["caught"]
    assert "it learned to be honest where it is likely to be caught and to lie where it is not." in texts["caught"]
    assert texts["caught"].endswith("it learned to be honest where it is likely to be caught and to lie where it is not.")
    assert max(r.situations["probe"].values()) < 0.02
    assert texts["probe"].endswith("so it is now mostly honest in both; false alarms cost an honest answer 1 point on average.")


def test_the_habit_follows_the_odds_not_the_label():
    r, texts, _ = lying(watched=10, unwatched=80)
    assert r.at("behaviour", "watched") > 0.99 and r.at("behaviour", "unwatched") < 0.05
    assert "here lies are caught more often when unwatched, so it lies more when watched" in texts["caught"]


def test_with_no_penalty_the_probe_changes_nothing():
    r, texts, _ = lying(penalty=0)
    assert r.lies["probe"] == r.lies["behaviour"] and min(r.lies["behaviour"]) > 0.9
    assert "With no penalty, a flag costs nothing" in texts["probe"]


def failures(r, text):
    """What the lying widget's declared predicates find false in a text, at this result."""
    return [f for t in LYING.all_truths for f in t.failures(r, text)]


def test_halves_round_away_from_zero():
    """Reviewers, at …lying?gain=9.5&penalty=15&watched=45&unwatched=65&accuracy=90&hide=yes: a lie worth 2.75 was
    shown +2.8 but one worth −0.25 as −0.2 (round half to even)."""
    r, texts, _ = lying(gain=9.5, penalty=15, watched=45, unwatched=65, accuracy=90, hide="yes")
    assert r.worth("behaviour", r.watched) == pytest.approx(2.75) and r.worth("behaviour", r.unwatched) == pytest.approx(-0.25)
    assert "worth +2.8 points watched and −0.3 points unwatched" in texts["caught"]
    assert failures(r, texts["caught"].replace("−0.3 points", "−0.2 points"))
    assert (pct(0.125), pct(0.135), points(-0.05), points(0.05), points(-0.04)) == ("13%", "14%", "−0.1", "+0.1", "0")


def test_a_weak_probe_leaves_lying_worth_it_where_nobody_watches():
    """gain 6, 60% probe: unwatched a lie is worth 6 - 10 x 0.1 - 10 x (0.6 - 0.4) = +3 against the truth."""
    r, texts, _ = lying(accuracy=60, gain=6)
    assert round(r.worth("probe", r.unwatched), 9) == 3 and r.at("probe", "unwatched") > 0.9
    assert "It still mostly lies when unwatched" in texts["probe"] and "worth +3 points on average" in texts["probe"]


def test_honest_in_both_is_not_explained_by_a_loss_that_is_not_there():
    """Found by the predicates: here a lie unwatched is worth 5 - 16 x 0.3 = +0.2 on average, yet the agents
    are honest (they stopped trying lies, so their estimate of one stays low). The old sentence said honesty won
    'because a caught lie is likely enough and costly enough'."""
    r, texts, _ = lying(gain=5, penalty=16, watched=45, unwatched=30, accuracy=55, hide="yes")
    assert round(r.worth("behaviour", r.unwatched), 1) == 0.2 and r.at("behaviour", "unwatched") < 0.2
    assert "costly enough" not in texts["caught"]
    assert "though unwatched a lie would gain on average" in texts["caught"]
    old = ("worth −2.2 points watched and +0.2 points unwatched: honesty is its habit in both, because at these "
           "settings a caught lie is likely enough and costly enough to make lying a loss on average.")
    assert [f for t in CAUGHT_TRUTHS for f in t.failures(r, old)]


def test_words_are_chosen_on_the_shares_as_shown_exactly_at_20_percent():
    """19.7% of lies is shown as 20%: not under 20%, so neither 'honest' nor 'honesty is its habit in both'."""
    r, texts, panel = lying(gain=0, penalty=1, watched=70, unwatched=100, accuracy=100, hide="yes")
    assert r.at("behaviour", "watched") == 0.1965
    assert "lies in 20% of chances when watched" in texts["caught"] and "honesty is its habit" not in texts["caught"]
    assert panel["cells"]["behaviour-watched"]["word"] == "mixed"


def test_words_are_chosen_on_the_shares_as_shown_exactly_at_80_percent():
    r, texts, panel = lying(gain=1.5, penalty=1, watched=80, unwatched=80, accuracy=55)
    assert r.at("behaviour", "watched") == 0.801
    assert "lies in 80% of chances when watched" in texts["caught"] and "it lies in both" not in texts["caught"]
    assert panel["cells"]["behaviour-watched"]["word"] == "mixed"


def test_one_minus_sign_and_the_captions_capital():
    """Issue 32: the board's caption began 'anti-Reversi learner…'."""
    values = {**REVERSI.defaults(), "rules": "anti"}
    b = REVERSI.run(values)
    texts, panel = REVERSI.claim_texts(b), board_panel(b, values)
    assert panel["caption"].startswith("Anti-Reversi learner after 200 games.") and panel["title"].startswith("Anti-Reversi")
    i = b.index
    assert b.other.mean_discs[i] == 10.21 and b.training.mean_discs[i] == 5.04
    assert "ends with 10.2 of 16 discs" in texts["flip"] and "flipped ends with 5.0 discs" in texts["flip"]
    assert b.weights[0] == min(b.weights) < 0 and texts["weights"].endswith("least wants corners.")


def test_untrained_the_learners_are_one_program():
    b = REVERSI.run({**REVERSI.defaults(), "games": 0})
    assert b.weights == (0.0, 0.0, 0.0) and b.training.mean_discs[0] == b.other.mean_discs[0]
    assert REVERSI.claim_texts(b)["flip"].startswith("Untrained, the two learners are the same program")


# ------------------------------------------------------------------- the caption is not the prose (issue 33)

from sweep import repeats as _repeats  # noqa: E402  (claims a summary repeats)


def test_the_reversi_caption_reads_the_charts_at_the_dotted_line_and_leaves_the_comparison_to_the_prose():
    """Issue 33: the caption held the flip claim word for word, so it was heard twice."""
    r = REVERSI.run(REVERSI.defaults())
    assert REVERSI.summary(r) == (
        "Trained for Reversi. At 200 games (the dotted line) it values a corner at +0.18, an edge square at +0.11 and "
        "a centre square at −0.04; against a random player the Reversi reward's learner ends with 10.2 discs on "
        "average and the anti-Reversi reward's 5.0.")
    assert not _repeats(REVERSI.summary(r), REVERSI.claim_texts(r))
    r = REVERSI.run({**REVERSI.defaults(), "rules": "anti", "games": 0})
    assert REVERSI.summary(r).startswith("Trained for anti-Reversi. At 0 games (the dotted line) it values a corner at 0,")
    assert not _repeats(REVERSI.summary(r), REVERSI.claim_texts(r))


def test_the_habit_is_said_to_follow_the_average_only_where_it_does():
    """Reviewer, /api/reward-function-design/lying?gain=8.5&penalty=19&watched=45&unwatched=40&accuracy=80&hide=yes:
    a lie is worth +0.9 unwatched, yet the agents lie in 20% of those chances (their learned value of a lie there
    is −1.18), and the sentence said 'its habit in each situation follows that average'. Same at gain 2, penalty
    13, watched 85, unwatched 15 (+0.1, 20%). The sentence now says what happened."""
    for changes, worth, lie in ((dict(gain=8.5, penalty=19, watched=45, unwatched=40, accuracy=80), "+0.9", "−1.2"),
                                (dict(gain=2, penalty=13, watched=85, unwatched=15, accuracy=70), "+0.1", "−0.8")):
        r, texts, _ = lying(**changes, hide="yes")
        assert r.at("behaviour", "unwatched") < 0.2 and r.worth("behaviour", r.unwatched) > 0
        assert r.values["behaviour"]["unwatched"][0] < 0
        assert "follows that average" not in texts["caught"]
        assert f"{worth} points unwatched. Yet unwatched, where a lie gains on average, it lies in 20% of chances: its " \
               f"agents learned to expect {lie} from a lie there against 0 from the truth, so they lie less often " \
               "than not, and an agent learns what a lie is worth only by lying." in texts["caught"]
        old = texts["caught"].split(". Yet")[0] + ": its habit in each situation follows that average."
        assert failures(r, old)


def test_a_lie_caught_more_often_than_not_is_not_called_unlikely_to_be_caught():
    """Reviewer, lying?gain=8&penalty=13&watched=85&unwatched=55&accuracy=70&hide=yes: 'to lie where it is not
    [likely to be caught]', while a lie unwatched is caught 55% of the time."""
    r, texts, _ = lying(gain=9, penalty=13, watched=85, unwatched=50, accuracy=70, hide="yes")
    assert texts["caught"].split(": it learned")[1].startswith(" to be honest where it is more likely to be caught and "
                                                               "to lie where it is less likely.")
    old = texts["caught"].replace("where it is more likely to be caught and to lie where it is less likely",
                                  "where it is likely to be caught and to lie where it is not")
    assert failures(r, old)
    assert "to lie where it is not." in lying()[1]["caught"]          # caught 80% watched, 10% unwatched


def test_a_share_that_is_not_all_never_reads_100_percent_nor_one_that_is_not_none_0_percent():
    """Reviewer: 'lies in 100% of chances' for 0.995 at the defaults."""
    r, texts, panel = lying()
    assert r.at("behaviour", "unwatched") == 0.995
    assert "and over 99% when unwatched (caught 10%)" in texts["caught"] and "100%" not in texts["caught"]
    assert panel["cells"]["behaviour-unwatched"]["text"] == "lies >99%"
    assert "over 99% of chances" in panel["cells"]["behaviour-unwatched"]["title"]
    assert failures(r, texts["caught"].replace("over 99%", "100%"))
    r, texts, _ = lying(gain=2, penalty=13, watched=85, unwatched=15, accuracy=70, hide="yes")
    assert r.at("behaviour", "watched") == 0.0025 and "lies in under 1% of chances when watched" in texts["caught"]
    assert failures(r, texts["caught"].replace("under 1%", "0%"))


def test_where_the_probe_makes_it_lie_more_the_sentence_says_so():
    """Reviewer: at gain 8.5, penalty 19, watched 45, unwatched 40, an 80% probe the agent can fool, adding the
    probe raises lying from 15%/20% to 36%/70%."""
    r, texts, _ = lying(gain=8.5, penalty=19, watched=45, unwatched=40, accuracy=80, hide="yes")
    assert texts["probe"].startswith("Add the probe (80% accurate), and it lies in 36% of chances when watched and 70% "
                                     "when unwatched, up from the 15% and 20% without the probe. ")
    r, texts, _ = lying()
    assert "more than the" not in texts["probe"]
    assert failures(r, texts["probe"].replace(" when unwatched.", " when unwatched, up from the 2% and over 99% without the probe."))


def test_equal_habits_are_not_said_to_follow_unequal_averages():
    """The sweep, at …lying?gain=0&penalty=1&watched=25&unwatched=20: a lie is worth −0.3 watched and −0.2 unwatched,
    the agents lie in 39% and 38%; 'its habit in each situation follows that average' was said."""
    r, texts, _ = lying(gain=0, penalty=1, watched=25, unwatched=20, accuracy=80, hide="no")
    assert "follows that average" not in texts["caught"]
    # round 16: 39% against 38% is scatter among the agents (their learned values rank the two the other way)
    assert texts["caught"].endswith("in both it lies in fewer than half its chances, as the sign of that average says.")
    old = texts["caught"].split(": in both")[0] + ": its habit in each situation follows that average."
    assert failures(r, old)
    assert failures(r, texts["caught"][:-1] + ", though it lies a little more watched, where a lie is worth less.")


def _board(**changes):
    values = {**REVERSI.defaults(), **changes}
    result = REVERSI.run(values)
    return result, REVERSI.claim_texts(result)


def test_the_two_learners_win_shares_are_each_named():
    """Review 5, #3, /reward-function-design?rules=reversi&games=200&move=0: 'each wins 80% and 78%' (as if each
    won both): each learner is named with its own share."""
    b, texts = _board(rules="reversi", games=200, move=0)
    assert "each wins" not in texts["flip"]
    assert texts["flip"].endswith("By its own game's rules the Reversi learner wins 79 of 100 games against the "
                                  "random player (1 drawn), and the anti-Reversi learner 76 (4 drawn).")
    assert not [f for t in REVERSI.all_truths for f in t.failures(b, texts["flip"])]
    swapped = texts["flip"].replace("wins 79 of", "wins 76 of").replace("learner 76 (", "learner 79 (")
    assert [f for t in REVERSI.all_truths for f in t.failures(b, swapped)]


def test_the_habits_are_credited_to_the_sign_only_once_they_show():
    """Review 5, #4, /reward-function-design?rules=anti&games=10&move=12: fixed prose 'both habits come from the sign'
    where the anti-Reversi learner still holds more corners and discs than the Reversi learner. It is a claim now,
    said only where both habits show in the numbers beside it."""
    for games in (10, 20):
        b, texts = _board(rules="anti", games=games, move=12)
        assert "both habits come from the sign" not in texts["habits"], games
        assert f"after only {games} games the two habits do not both show yet" in texts["habits"]
        assert not [f for t in REVERSI.all_truths for f in t.failures(b, texts["habits"])]
        wrong = 'Nothing in the program says "grab corners" or "give discs away"; both habits come from the sign.'
        assert [f for t in REVERSI.all_truths for f in t.failures(b, wrong)]
    b, texts = _board(rules="anti", games=200, move=12)
    assert texts["habits"].endswith("both habits come from the sign.")
    from pathlib import Path
    assert "habits come from the sign" not in (Path(__file__).parent / "content.md").read_text()


def test_the_learned_estimates_are_explained_by_the_diagrams_key_not_the_claim():
    """Review 5, #11: 'The figure shows the agents' own estimate instead, −2.1 …' pointed at charts that do not
    show it. A later newcomer read the note that replaced it ('The diagram's bottom lines show …') as a detail
    in the main text: the diagram's own key says what its bottom lines are, and the claim no longer repeats it."""
    r, texts, panel = lying()
    assert "The figure shows" not in texts["caught"] and "bottom lines" not in texts["caught"]
    assert panel["cells"]["behaviour-watched"]["foot"] == "lie −2.1, truth 0"
    assert "an estimate that stops updating once not chosen" in panel["key"]


# ------------------------------------------------------------------- sixth review (round 6)

def _api(client, path, **query):
    return client.get(path, params=query).json()


@pytest.mark.parametrize("games", [30, 40])
def test_the_habits_are_not_credited_to_the_sign_while_the_reversi_learner_most_wants_edges(client, games):
    """Review 6, #2, /reward-function-design?rules=reversi&games=40&move=0 (and games=30): 'both habits come from the
    sign' beside 'it most wants edge squares', 1.6 corners against 1.3, and a Reversi learner that wins 47% with
    fewer discs than the untrained program. 'Grab corners' shows only where the Reversi learner values corners
    most and holds more corners than both the untrained program and the anti-Reversi learner."""
    claims = _api(client, "/api/reward-function-design/reversi", rules="reversi", games=games, move=0)["claims"]
    assert "it most wants edge squares" in claims["weights"]
    assert "both habits come from the sign" not in claims["habits"]
    assert f"after only {games} games the two habits do not both show yet" in claims["habits"]
    b, texts = _board(rules="reversi", games=games, move=0)
    wrong = 'Nothing in the program says "grab corners" or "give discs away"; both habits come from the sign.'
    assert [f for t in REVERSI.all_truths for f in t.failures(b, wrong)]


def test_habits_that_showed_and_then_waver_are_not_said_to_be_yet_to_show():
    """Review 6, #2, the same sentence at games=60: the Reversi learner values corners and edges alike (+0.10) and
    holds no more corners than untrained (1.8), after both habits showed at 50 games; 'not … yet' would be false."""
    b, texts = _board(rules="reversi", games=60, move=0)
    assert "both habits come from the sign" not in texts["habits"] and " yet" not in texts["habits"]
    assert "at 60 games the two habits do not both show, though they did at 50 games" in texts["habits"]
    assert not [f for t in REVERSI.all_truths for f in t.failures(b, texts["habits"])]
    b, texts = _board(rules="reversi", games=50, move=0)
    assert texts["habits"].endswith("both habits come from the sign.")


@pytest.mark.parametrize("query, share", [
    (dict(gain=1.5, penalty=14, watched=35, unwatched=10, accuracy=95, hide="yes"), "31%"),
    (dict(gain=1, penalty=19, watched=80, unwatched=5, accuracy=90, hide="no"), "29%"),
    (dict(gain=4, penalty=19, watched=80, unwatched=20, accuracy=90, hide="no"), "23%"),
])
def test_agents_that_lie_in_a_quarter_of_chances_are_not_said_to_have_stopped_trying_lies(client, query, share):
    """Review 6, #4, /reward-function-design?gain=1.5&penalty=14&watched=35&unwatched=10&accuracy=95&hide=yes:
    'it lies in 31% of chances: … and stopped trying lies before learning they pay'; the predicate allowed 'stopped'
    up to 80%. Agents that lie in a fifth or more of their chances are said to tell the truth more often."""
    caught = _api(client, "/api/reward-function-design/lying", **query)["claims"]["caught"]
    assert f"where a lie gains on average, it lies in {share} of chances" in caught
    assert "stopped trying lies" not in caught
    assert caught.endswith("from the truth, so they lie less often than not, and an agent learns what a lie is worth only by lying."), caught
    r, texts, _ = lying(**query)
    where = re.search(r"Yet (watched|unwatched), where a lie gains on average", caught).group(1)
    # 'Stopped trying lies' would be false: a lie pays there on average, and they still lie in a fifth or more of chances.
    assert r.worth("behaviour", getattr(r, where)) > 0 and r.at("behaviour", where) >= 0.2
    assert not failures(r, caught)


@pytest.mark.parametrize("query, shown", [
    (dict(gain=5.5, penalty=5, watched=95, unwatched=60, accuracy=95, hide="yes"),
     "83% of chances when watched and 99% when unwatched, against the 80% and 99% without the probe"),
])
def test_more_lies_with_the_probe_in_one_situation_is_said_against_without_it(client, query, shown):
    """Review 6, #5, /reward-function-design?gain=5.5&penalty=5&watched=95&unwatched=60&accuracy=95&hide=yes:
    '…, against the 80% and 99% without it: more when watched' reads as 'more when watched than unwatched', false
    (83% < 99%). It says more than without it."""
    probe = _api(client, "/api/reward-function-design/lying", **query)["claims"]["probe"]
    assert shown + ": up when watched" in probe, probe
    assert ": more when" not in probe
    r, texts, _ = lying(**query)
    assert not failures(r, probe)
    assert failures(r, probe.replace(": up when watched", ": up when unwatched"))


# ------------------------------------------------------------------- seventh review

@pytest.mark.parametrize("state, old", [
    (dict(gain=4.5, penalty=15, watched=85, unwatched=95, accuracy=65, hide="no"),
     "when unwatched, up from the under 1% and under 1% without the probe;"),
    (dict(gain=0.5, penalty=20, watched=75, unwatched=100, accuracy=55, hide="no"),
     "when unwatched, against the under 1% and under 1% without the probe: up when watched;"),
])
def test_lies_near_none_with_and_without_the_probe_are_about_as_seldom_not_more(state, old):
    """Review 7 (pages B #5): with the probe it lied in 1% of chances (or under 1%), without it under 1% in both, and
    the sentence said "more than the under 1% and under 1% without it": a change no reader can see, written twice.
    Where every share, with and without the probe, reads 1% or less, it lies about as seldom as without it."""
    r, texts, _ = lying(**state)
    assert all(rounded(100 * r.at(reward, s)) <= 1 for reward in ("probe", "behaviour") for s in ("watched", "unwatched"))
    probe = texts["probe"]
    assert "more than" not in probe and "under 1% and under 1%" not in probe
    assert "when unwatched, about as seldom as without the probe (under 1% in both);" in probe, probe
    assert not failures(r, probe)
    assert failures(r, re.sub(r"when unwatched, about as seldom as without the probe \(under 1% in both\);", old, probe))


def test_a_rise_from_under_1_percent_to_1_percent_is_not_called_more():
    """Review 7 (pages B #5): at gain=0 penalty=19 watched=90 unwatched=15, a probe it can fool, it lies watched in
    under 1% of chances without the probe and 1% with it, and 2% unwatched either way: next to none both times,
    so the probe sentence claims no rise ('against the under 1% and 2% without it: more than without it when
    watched', said before, no longer holds)."""
    r, texts, _ = lying(gain=0, penalty=19, watched=90, unwatched=15, accuracy=100, hide="yes")
    assert pct(r.at("behaviour", "watched")) == "under 1%" and pct(r.at("probe", "watched")) == "1%"
    assert pct(r.at("behaviour", "unwatched")) == pct(r.at("probe", "unwatched")) == "2%"
    probe = texts["probe"]
    assert "more than" not in probe and not failures(r, probe)
    assert "when unwatched, about as seldom as without the probe (under 1% and 2%);" in probe, probe
    assert failures(r, probe.replace("when unwatched, about as seldom as without the probe (under 1% and 2%);",
                                     "when unwatched, against the under 1% and 2% without the probe: up when "
                                     "watched;"))


def test_a_lie_that_gains_yet_is_told_in_under_half_the_chances_is_explained_by_values_too_close_to_settle():
    """Review 7 (pages B #6), ?gain=4&penalty=10&watched=30&unwatched=35&accuracy=65&hide=no: "Yet unwatched, where a
    lie gains on average, it lies in 47% of chances: its agents learned to expect +0.1 from a lie there against 0
    from the truth." Values that favour the lie do not explain lying in under half the chances. They are within a
    point of each other (twice the softmax temperature), so the agents' choice stays mixed, and the sentence says so."""
    from app.pages.reward_function_design.model import TEMPERATURE
    r, texts, _ = lying(gain=4, penalty=10, watched=30, unwatched=35, accuracy=65, hide="no")
    lie, truth = r.values["behaviour"]["unwatched"]
    share = rounded(100 * r.at("behaviour", "unwatched"))
    assert r.worth("behaviour", r.unwatched) > 0 and 20 <= share <= 50
    assert truth <= lie and lie - truth <= 2 * TEMPERATURE
    caught = texts["caught"]
    bare = (f"Yet unwatched, where a lie gains on average, it lies in {pct(r.at('behaviour', 'unwatched'))} of chances: "
            f"its agents learned to expect {points(lie)} from a lie there against {points(truth)} from the truth")
    assert caught.endswith(bare + ", two values too close to settle the habit either way."), caught
    assert not failures(r, caught)
    assert failures(r, caught.replace(", two values too close to settle the habit either way.", "."))


@pytest.mark.parametrize("state", [dict(gain=1.5, penalty=1, watched=45, unwatched=15, accuracy=60, hide="no"),
                                   dict(gain=7.5, penalty=1, watched=0, unwatched=80, accuracy=60, hide="yes")])
def test_honesty_losing_in_both_situations_is_said_of_both(state):
    """Review 8 #1, at …?gain=1.5&penalty=1&watched=45&unwatched=15&accuracy=60&hide=no: 'Honesty still loses when
    unwatched' beside 84% lies when watched, where a lie is worth more than the truth there too."""
    r = LYING.run({**LYING.defaults(), **state})
    text = LYING.claim_texts(r)["probe"]
    assert "It still mostly lies in both." in text and "It still mostly lies when" not in text
    head, _, rest = text.partition("It still mostly lies in both.")
    worth = pts_of(r, "unwatched")
    wrong = head + f"It still mostly lies when unwatched:{rest.split(', and even so')[0]}, and even so a lie there is worth {worth} on average."
    assert [f for t in LYING.all_truths for f in t.failures(r, wrong)]


def pts_of(r, situation):
    from app.pages.reward_function_design.present import pts
    return pts(r.worth("probe", r.watched if situation == "watched" else r.unwatched))


def test_a_hidden_lies_worth_is_not_quoted_as_every_lies_worth():
    """Review 9, pages B 4: with hiding possible and 35% of watched answers plain lies, 'a lie is worth +7.5 points
    when watched' quoted a hidden lie's worth; a plain lie, flagged 60% of the time against 40% for the truth, is
    worth 7.5 − 1 × 0.2 = +7.3. The sentence now says whose worth it is."""
    r, texts, _ = lying(gain=7.5, penalty=1, watched=0, unwatched=80, accuracy=60, hide="yes")
    plain_worth = r.gain - r.penalty * (r.watched + 2 * r.accuracy - 1)
    hidden_worth = r.worth("probe", r.watched)
    assert round(hidden_worth, 1) == 7.5 and round(plain_worth, 1) == 7.3 and r.plain["watched"] > 0.3
    text = texts["probe"]
    assert "a lie is worth" not in text and "a lie there is worth" not in text
    assert "A hidden lie is worth +7.5 points when watched" in text


def test_a_lie_worth_nothing_unwatched_is_not_called_a_learned_habit():
    """At gain 0, caught always when watched and never unwatched, a lie unwatched is worth just what the truth is,
    and the agents lie there about half the time; the sentence said 'it learned … to lie where it is not'."""
    r, texts, _ = lying(gain=0, penalty=20, watched=100, unwatched=0, accuracy=100, hide="no")
    assert r.worth("behaviour", r.unwatched) == 0 and 0.4 < r.at("behaviour", "unwatched") < 0.6
    assert "to lie where it is not" not in texts["caught"]
    assert (f"Where it is not, a lie is worth just what the truth is, so its {pct(r.at('behaviour', 'unwatched'))} "
            "there is chance, not a learned habit of lying.") in texts["caught"]
    wrong = texts["caught"].split(": it learned")[0] + (": it learned to be honest where it is likely to be caught and "
                                                        "to lie where it is not.")
    assert failures(r, wrong)


@pytest.mark.parametrize("state, s", [(dict(gain=10, penalty=20, watched=50, unwatched=50, accuracy=90, hide="no"), "watched"),
                                      (dict(gain=7, penalty=10, watched=70, unwatched=70, accuracy=90, hide="no"), "watched")])
def test_a_lie_worth_nothing_on_a_gamble_is_explained_by_what_the_agents_learned(state, s):
    """At these states a lie is worth exactly 0 against the truth in both situations, and the caught sentence said
    lying was 'a loss on average' (false) or that the habit 'follows that average' (a 25% habit does not follow an
    average of 0). The payoff is a gamble; what the agents learned to expect from a lie decides, and is said."""
    r, texts, _ = lying(**state)
    assert all(rounded(r.worth("behaviour", getattr(r, x)), 1) == 0 for x in ("watched", "unwatched"))
    text = texts["caught"]
    assert "loss on average" not in text and "follows that average" not in text, text
    assert f"{s}, where a lie is worth just what the truth is on average, its agents learned to expect" in text, text


def test_a_lie_worth_nothing_in_both_situations_is_explained_in_both():
    """Round 14: with a lie worth 0 watched and unwatched, the clause named only the watched situation ('watched, where
    a lie is worth just what the truth is…'), as if unwatched were different. Each is said."""
    r, texts, _ = lying(gain=10, penalty=20, watched=50, unwatched=50, accuracy=90, hide="no")
    assert "watched, where a lie is worth just what the truth is on average" in texts["caught"]
    assert "; unwatched, where a lie is worth just what the truth is on average" in texts["caught"], texts["caught"]


@pytest.mark.parametrize("state,s,why", [
    (dict(gain=9.5, penalty=16, watched=30, unwatched=55, accuracy=90, hide="no"), "unwatched",
     "so they lie less often than not, and an agent learns what a lie is worth only by lying."),
    (dict(gain=5.5, penalty=10, watched=50, unwatched=15, accuracy=70, hide="no"), "watched",
     "two values too close to settle the habit either way."),
    (dict(gain=2, penalty=10, watched=15, unwatched=95, accuracy=95, hide="yes"), "watched",
     "two values too close to settle the habit either way."),
    (dict(gain=10, penalty=19, watched=50, unwatched=5), "watched", "so they seldom try a lie and seldom learn that it pays."),
    (dict(gain=9.5, penalty=18, watched=50, unwatched=40), "watched", "so they seldom try a lie and seldom learn that it pays."),
])
def test_a_habit_against_the_sign_of_a_lies_worth_is_explained_after_the_odds_too(state, s, why):
    """Review 15, item 1, at /reward-function-design?gain=9.5&penalty=16&watched=30&unwatched=55: '…worth +4.7 points
    watched and +0.7 points unwatched: here lies are caught more often when unwatched, so it lies more when watched.
    The habit follows the chance of being caught, not the label.' It lies in 31% of its unwatched chances though a
    lie gains there on average, and nothing said why; the branches that name where it lies more now add the 'Yet …'
    reason the others give, and a predicate refuses their bare endings where a situation's habit is off."""
    r, texts, _ = lying(**state)
    text = texts["caught"]
    assert f". Yet {s}, where a lie gains on average, it lies in {pct(r.at('behaviour', s))} of chances: its agents " \
           f"learned to expect" in text and text.endswith(why), text
    old = text.split(" Yet ")[0]
    assert old.endswith((" not the label.", "less likely to be caught.", "where it is less likely.")), old
    assert failures(r, old), old


@pytest.mark.parametrize("state,ending", [
    (dict(gain=1, penalty=1, watched=75, unwatched=70), ": in both it lies in more than half its chances, as the sign of "
                                                        "that average says."),
    (dict(gain=0.5, penalty=1, watched=75, unwatched=70), ": in both it lies in fewer than half its chances, as the sign of "
                                                          "that average says."),
    (dict(gain=0.5, penalty=1, watched=25, unwatched=20),
     ": in both it lies in more than half its chances, as the sign of that average says."),
])
def test_it_is_said_to_lie_a_little_more_where_a_lie_is_worth_less_only_as_the_figures_show(state, ending):
    """Review 15, item 3: '…lies in 63% of chances when watched … and 63% when unwatched … worth +0.3 points watched
    and +0.3 points unwatched: in both it lies in more than half its chances, as the sign of that average says,
    though it lies a little more watched, where a lie is worth less.' Two equal shares (at 75/70 it lies less
    watched, 0.6285 against 0.633), or two equal worths, were said to differ."""
    r, texts, _ = lying(**state)
    text = texts["caught"]
    assert text.endswith(ending) and "a little more" not in text, text
    side = "more" if r.at("behaviour", "watched") > 0.5 else "fewer"
    old = (text.split(": ")[0] + f": in both it lies in {side} than half its chances, as the sign of that average "
           f"says, though it lies a little more watched, where a lie is worth less.")
    assert failures(r, old), old


def test_the_charts_hover_with_the_shares_as_the_sentences_write_them():
    """Review 15, item 5: at the defaults the unwatched marker (0.995) hovered as 'lies 100%' ('%{y:.0%}') beside
    'over 99% when unwatched'; at unwatched=0 the marker was stored as 1.0 (0.9995 rounded to 3 places)."""
    from app.pages.reward_function_design.present import learning_figure, threshold_figure
    r, texts, _ = lying()
    threshold, learning = threshold_figure(r)["data"], learning_figure(r)["data"]
    marker = next(t for t in threshold if t["name"] == "Unwatched")
    assert r.at("behaviour", "unwatched") == 0.995 and marker["customdata"][0] == ["over 99%", "behaviour only"]
    assert "over 99% when unwatched" in texts["caught"]
    for trace in [t for t in threshold + learning if t.get("hoverinfo") != "skip"]:   # not the legend's keys (no data)
        assert "%{customdata" in trace["hovertemplate"] and "%{y" not in trace["hovertemplate"]
        shown = [c[0] if isinstance(c, list) else c for c in trace["customdata"]]
        assert not any(c in ("100%", "0%") for c, y in zip(shown, trace["y"]) if 0 < y < 1)
    r, _, _ = lying(unwatched=0)
    marker = next(t for t in threshold_figure(r)["data"] if t["name"] == "Unwatched")
    assert r.at("behaviour", "unwatched") == 0.9995 and marker["y"][0] < 1 and marker["customdata"][0][0] == "over 99%"


def test_the_situation_markers_name_the_reward_they_mark():
    """Review 49: both markers at a situation's chance of being caught hovered 'Watched: lies …', one for each reward,
    without saying which reward's share each was."""
    from app.pages.reward_function_design.present import threshold_figure
    r, _, _ = lying()
    for trace in threshold_figure(r)["data"]:
        if trace["mode"] == "markers":
            assert [c[1] for c in trace["customdata"]] == ["behaviour only", "with probe"]
            assert "%{customdata[1]}" in trace["hovertemplate"]


def test_every_situation_against_its_average_is_explained_and_scatter_is_not_a_result():
    """Round 16 B1, /reward-function-design?gain=5&penalty=16&watched=30&unwatched=25: a lie gains on average in
    both situations, yet it lies in 18% and 49%; the 'Yet …' explained only one. B2, gain=0.5&penalty=1&watched=95
    &unwatched=90: 'though it lies a little more …' for 30% against 28%, where the agents' learned values rank the
    two the other way (scatter among 20 agents)."""
    r, texts, _ = lying(gain=5, penalty=16, watched=30, unwatched=25, accuracy=80, hide="no")
    caught = texts["caught"]
    assert ". Yet " in caught and " And " in caught, caught
    assert {"watched", "unwatched"} == set(re.findall(r"(?:Yet|And) (watched|unwatched), where", caught))
    assert failures(r, caught.split(" And ")[0] + ".")          # one situation left unexplained
    r, texts, _ = lying(gain=0.5, penalty=1, watched=95, unwatched=90, accuracy=80, hide="no")
    assert "lies a little more" not in texts["caught"], texts["caught"]


def test_honesty_in_both_names_both_situations_where_a_lie_gains_in_both():
    """Round 17, /reward-function-design?gain=10&penalty=19&watched=50&unwatched=50: 'honesty is its habit in both,
    though watched a lie would gain on average', while a lie gains unwatched too, where it is told in 19% of chances."""
    r, texts, _ = lying(gain=10, penalty=19, watched=50, unwatched=50, accuracy=80, hide="no")
    caught = texts["caught"]
    assert "honesty is its habit in both, though in both a lie would gain on average. Its agents learned to expect " \
           "−1.3 from a lie in each against 0 from the truth" in caught, caught
    old = caught.replace("though in both a lie would gain on average. Its agents learned to expect −1.3 from a lie in "
                         "each", "though watched a lie would gain on average. Its agents learned to expect −1.3 from a "
                         "lie there")
    assert failures(r, old)


def test_with_hiding_on_the_tables_probe_worth_says_it_is_a_hidden_lies():
    """/reward-function-design?hide=yes: the column 'A lie's worth: with probe' read +4 at 0% caught, the same as
    without the probe. A lie the probe can read (90% accurate, penalty 10) is flagged 90% of the time against 10% for
    the truth, so it is worth 4 − 10 × 0.8 = −4; +4 is what a hidden lie is worth. Each column says which it is."""
    r, _, _ = lying(hide="yes")
    table = LYING.table(r)
    assert "A lie's worth: with probe" not in table.columns
    hidden, plain = (table.columns.index(c) for c in ("A hidden lie's worth: with probe", "A plain lie's worth: with probe"))
    first = table.rows[0]                                       # a lie caught 0% of the time
    assert first[0] == "0%" and first[hidden] == "+4" and first[plain] == "−4"
    assert r.gain - r.penalty * (0 + r.accuracy - (1 - r.accuracy)) == pytest.approx(-4)
    r, _, _ = lying(hide="no")
    assert LYING.table(r).columns[-1] == "A lie's worth: with probe" and LYING.table(r).rows[0][-1] == "−4"


def test_with_hiding_on_the_api_gives_the_plain_lies_worth_beside_the_hidden_ones(client):
    """The API's worth.probe at hide=yes is a hidden lie's worth (+4 unwatched at the defaults' 10%: 4 − 1), as its
    description now says; worth.probe_plain is a lie the probe can read (4 − 10 × (0.1 + 0.8) = −5)."""
    api = client.get("/api/reward-function-design/lying", params={"hide": "yes"}).json()
    assert api["worth"]["probe"]["unwatched"] == pytest.approx(3) and api["worth"]["probe_plain"]["unwatched"] == pytest.approx(-5)
    assert "probe_plain" not in client.get("/api/reward-function-design/lying").json()["worth"]
    schema = client.get("/openapi.json").text
    assert "a hidden lie's worth" in schema


@pytest.mark.parametrize("state, share", [
    (dict(gain=0, penalty=20, watched=0, unwatched=100), "51%"),
    (dict(gain=0, penalty=1, watched=0, unwatched=100), None),
    (dict(gain=0, penalty=10, watched=0, unwatched=50), None),
])
def test_a_coin_toss_where_a_lie_pays_what_the_truth_does_is_not_called_a_habit_in_either_situation(state, share):
    """/reward-function-design?gain=0&penalty=20&watched=0&unwatched=100: watched, a lie gains 0 and is never caught,
    so it pays what the truth pays every time and the agents' values stay 0 and 0; its 51% there was called a habit
    that 'follows the chance of being caught', while the mirror state (watched=100&unwatched=0) calls the same 51%
    chance. Both situations are judged alike now."""
    r, texts, _ = lying(**state)
    caught = texts["caught"]
    assert r.values["behaviour"]["watched"] == (0, 0) and r.at("behaviour", "watched") > 0.5
    assert "How often it lies follows the chance of being caught" not in caught
    said = pct(r.at("behaviour", "watched"))
    assert share in (None, said)
    assert (f"it learned to be honest where it is {'likely' if r.unwatched > 0.5 else 'more likely'} to be caught, here "
            f"when unwatched. Where it {'is not' if r.unwatched > 0.5 else 'is less likely to be'}, when watched, a lie "
            f"is worth just what the truth is, so its {said} there is chance, not a learned habit of lying.") in caught
    old = caught.split(": it learned")[0] + (": here lies are caught more often when unwatched, so it lies more when "
                                            "watched. How often it lies follows the chance of being caught, not the label.")
    assert [f for t in CAUGHT_TRUTHS for f in t.failures(r, old)]
    mirror, mirror_texts, _ = lying(**{**state, "watched": state["unwatched"], "unwatched": state["watched"]})
    assert "chance, not a learned habit of lying" in mirror_texts["caught"]


def _replayed(weights, sign):
    """evaluate()'s 100 games against the random player, replayed: (won outright, drawn) by the rules `sign` sets."""
    import random
    from app.pages.reward_function_design import reversi
    rng, won, drawn = random.Random(reversi.PLAY_SEED), 0, 0
    for i in range(reversi.EVAL_GAMES):
        me = 1 if i % 2 == 0 else -1
        players = (reversi.learner(weights, rng, 0.0), reversi.random_player(rng))
        g = reversi.game(*(players if me == 1 else players[::-1]), rng)
        mine, theirs = g.score(me), g.score(-me)
        won += sign * (mine - theirs) > 0
        drawn += mine == theirs
    return won, drawn


@pytest.mark.parametrize("games", [200, 50, 10])
def test_the_reversi_learners_wins_are_games_won_not_a_score_with_draws_as_half(games):
    """/reward-function-design (200 games): 'the Reversi learner wins 80% of those games' from a score in which a
    draw counts half; replaying the 100 games it won 79 and drew 1. At 50 games '74%' for 66 won and 15 drawn."""
    b, texts = _board(rules="reversi", games=games, move=0)
    rev, anti = b.training, b.other
    i = b.index
    (rw, rd), (aw, ad) = _replayed(rev.weights[i], 1), _replayed(anti.weights[i], -1)
    drawn = lambda n: f" ({n} drawn)" if n else ""
    assert texts["flip"].endswith(f"By its own game's rules the Reversi learner wins {rw} of 100 games against the "
                                  f"random player{drawn(rd)}, and the anti-Reversi learner {aw}{drawn(ad)}.")
    if games == 50:
        assert (rw, rd) == (66, 15)
        old = texts["flip"].split(" By its own")[0] + (" By its own game's rules the Reversi learner wins 74% of those "
                                                       "games, and the anti-Reversi learner 81%.")
        assert [f for t in REVERSI.all_truths for f in t.failures(b, old)]
    table = REVERSI.table(b)
    won, drew = table.columns.index("Won"), table.columns.index("Drawn")
    row = next(r for r in table.rows if r[0] == "Reversi" and r[1] == str(games))
    assert (row[won], row[drew]) == (str(rw), str(rd))


@pytest.mark.parametrize("games", [10, 20])
def test_learners_that_moved_against_their_own_reward_are_told_why(games):
    """/reward-function-design?games=10: untrained, both learners end with 7.9 discs; after 10 games the Reversi
    learner ends with fewer (7.4) and the anti-Reversi learner with more (10.1), and the sentence said only that the
    habits 'do not both show yet'. It now says each moved the wrong way, and why that can happen so early."""
    b, texts = _board(rules="reversi", games=games, move=0)
    rev, anti, i = b.training, b.other, b.index
    assert rev.mean_discs[i] < rev.mean_discs[0] and anti.mean_discs[i] > anti.mean_discs[0]
    assert all(max(map(abs, t.weights[i])) < 0.5 * max(map(abs, t.weights[-1])) for t in (rev, anti))
    habits = texts["habits"]
    assert ("Each learner has even moved against its own reward so far: the Reversi learner ends with fewer discs "
            f"than untrained ({rounded(rev.mean_discs[i], 1)} against 7.9), and the anti-Reversi learner with more "
            f"({rounded(anti.mean_discs[i], 1)}).") in habits
    assert "so a learner can move the wrong way first; train longer and the sign pulls the learners apart." in habits
    assert not [f for t in REVERSI.all_truths for f in t.failures(b, habits)]
    later, later_texts = _board(rules="reversi", games=200, move=0)
    assert [f for t in REVERSI.all_truths for f in t.failures(later, habits.replace(f"{games} games", "200 games"))]


def _shown_values(table, rules, games):
    """The corner, edge and centre values the table shows for one learner at some training, as numbers."""
    row = next(r for r in table.rows if r[0] == rules and r[1] == str(games))
    return [float(v.replace("−", "-")) for v in row[2:5]]


@pytest.mark.parametrize("games", [10, 20])
def test_early_values_are_compared_with_each_learners_largest_as_the_table_shows_them(games):
    """/reward-function-design?rules=reversi&games=10: 'their values are under half the size they reach by 200
    games', yet the table shows the Reversi learner's edge at +0.08 against +0.11 at 200 games, and at 20 games the
    anti-Reversi learner's centre at −0.08 against −0.01. Only each learner's largest value at 200 games bounds them."""
    b, texts = _board(rules="reversi", games=games, move=0)
    table = REVERSI.table(b)
    for rules in ("Reversi", "anti-Reversi"):
        early, late = _shown_values(table, rules, games), _shown_values(table, rules, 200)
        assert max(map(abs, early)) < 0.5 * max(map(abs, late))
    assert any(abs(e) >= 0.5 * abs(l) for rules in ("Reversi", "anti-Reversi")
               for e, l in zip(_shown_values(table, rules, games), _shown_values(table, rules, 200)))
    habits = texts["habits"]
    assert ("After so few games each learner's values are all under half the size of its largest value at 200 games, "
            "still mostly the luck") in habits
    assert not [f for t in REVERSI.all_truths for f in t.failures(b, habits)]
    old = habits.replace("each learner's values are all under half the size of its largest value at 200 games",
                         "their values are under half the size they reach by 200 games")
    assert [f for t in REVERSI.all_truths for f in t.failures(b, old)]
    later, _ = _board(rules="reversi", games=30, move=0)
    assert max(map(abs, _shown_values(REVERSI.table(later), "Reversi", 30))) >= 0.5 * max(
        map(abs, _shown_values(REVERSI.table(later), "Reversi", 200)))
    bound = next(t for t in REVERSI.all_truths if "its largest value at" in t.pattern)
    assert not bound.failures(b, habits) and bound.failures(later, habits)


@pytest.mark.parametrize("rules, name", [("reversi", "Reversi"), ("anti", "anti-Reversi")])
def test_the_learned_values_name_the_learner_they_belong_to(rules, name):
    """/reward-function-design?rules=reversi&games=200: after '…and the anti-Reversi learner 76 (4 drawn).' the
    next sentence said 'It has learned to value holding a corner at +0.18', the Reversi learner's values."""
    b, texts = _board(rules=rules, games=200, move=0)
    row = next(r for r in REVERSI.table(b).rows if r[0] == name and r[1] == "200")
    assert texts["weights"].startswith(f"The {name} learner has learned to value holding a corner at {row[2]}, an edge "
                                       f"square at {row[3]} and a centre square at {row[4]}")
    assert not [f for t in REVERSI.all_truths for f in t.failures(b, texts["weights"])]
    other = "anti-Reversi" if name == "Reversi" else "Reversi"
    wrong = texts["weights"].replace(f"The {name} learner", f"The {other} learner", 1)
    assert [f for t in REVERSI.all_truths for f in t.failures(b, wrong)]


@pytest.mark.parametrize("state", [
    dict(gain=10, penalty=10, watched=100, unwatched=0),
    dict(gain=10, penalty=10, watched=0, unwatched=100),
    dict(gain=10, penalty=10, watched=50, unwatched=100),
    dict(gain=10, penalty=10, watched=100, unwatched=50),
    dict(gain=0, penalty=1, watched=70, unwatched=0),
    dict(gain=0, penalty=1, watched=0, unwatched=70),
])
def test_a_coin_toss_where_a_lie_always_pays_what_the_truth_does_is_called_chance_wherever_it_is(state):
    """/reward-function-design?gain=10&penalty=10&watched=100&unwatched=0: watched, every lie is caught and the
    penalty takes back exactly the 10 it gains, so a lie pays 0 every time, as the truth does; the agents' values
    stay level (0 and 0) and they lie in 48% of chances there. That coin toss was left unexplained ('it lies more
    where it is less likely to be caught'), or, in the mirror layouts, called part of 'the habit' that 'follows the
    chance of being caught'. Whichever situation the coin toss is in, it is called chance."""
    r, texts, _ = lying(**state)
    caught = texts["caught"]
    toss = next(s for s in ("watched", "unwatched")
                if getattr(r, s) in (0, 1) and r.worth("behaviour", getattr(r, s)) == 0)
    assert r.values["behaviour"][toss] == (0, 0) and 0.2 < r.at("behaviour", toss) < 0.8
    assert f"its {pct(r.at('behaviour', toss))} there is chance, not a learned habit of lying." in caught, caught
    assert "How often it lies follows the chance of being caught" not in caught, caught
    assert "it lies more where it is less likely to be caught" not in caught, caught
    head = caught.split(": ")[0]
    for old in (head + ": it lies more where it is less likely to be caught.",
                head + (": here lies are caught more often when unwatched, so it lies more when watched. How often it lies "
                        "follows the chance of being caught, not the label.")):
        assert failures(r, old), old
    assert not failures(r, caught)


@pytest.mark.parametrize("state", [
    dict(gain=4, penalty=10, watched=0, unwatched=0, accuracy=70, hide="no"),
    dict(gain=4, penalty=10, watched=0, unwatched=10, accuracy=70, hide="no"),
    dict(gain=0.5, penalty=2, watched=5, unwatched=0, accuracy=60, hide="no"),
])
def test_a_lie_worth_0_with_the_probe_is_not_where_honesty_still_loses(state):
    """/reward-function-design?gain=4&penalty=10&watched=0&unwatched=0&accuracy=70&hide=no: a 70% probe takes back
    on average just what a lie gains (4 − 10 × 0.4 = 0), yet the sentence said 'Honesty still loses in both
    situations: … and even so a lie is worth 0 points': a lie worth 0 beats nothing. Honesty loses only where a lie
    gains, as shown."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    zero = [s for s in ("watched", "unwatched") if r.worth("probe", getattr(r, s)) == 0]
    assert zero and all(r.at("probe", s) >= 0.5 for s in zero)
    for s in zero:
        assert f"It still mostly lies when {s}" not in probe, probe
        assert "It still mostly lies in both" not in probe, probe
    assert not failures(r, probe)
    flags = f"it flags {pct(r.accuracy)} of lies and {pct(1 - r.accuracy)} of honest answers"
    head = probe.split(". ")[0].split(";")[0]
    for s in zero:
        old = head + (f". It still mostly lies when {s}: {flags}, and even so a lie there is worth 0 points on average "
                      "against the truth.")
        assert failures(r, old), old


@pytest.mark.parametrize("state, situation, old", [
    (dict(gain=5, penalty=18, watched=20, unwatched=50, accuracy=75, hide="no"), "unwatched",
     ", against the 63% and 1% without the probe: fewer when watched but more when unwatched, though the probe makes a lie worth "
     "less on average; the probe's false alarms make every payoff noisy, and that noise outweighs its small push toward "
     "honesty."),
    (dict(gain=7, penalty=20, watched=50, unwatched=95, accuracy=75, hide="no"), "watched",
     ", against the 1% and under 1% without the probe: up when watched, though the probe makes a lie worth less "
     "on average; the probe's false alarms make every payoff noisy, and that noise outweighs its small push toward honesty."),
    (dict(gain=7.5, penalty=19, watched=60, unwatched=0, accuracy=70, hide="no"), "watched",
     ", against the 1% and 100% without the probe: fewer when unwatched but more when watched, though the probe makes a lie worth "
     "less on average; the probe's false alarms make every payoff noisy, and that noise outweighs its small push toward "
     "honesty."),
])
def test_two_shares_of_a_few_percent_under_2_points_apart_are_no_rise(state, situation, old):
    """/reward-function-design?gain=5&penalty=18&watched=20&unwatched=50&accuracy=75&hide=no#probe: unwatched the agents
    lie in 1.1% of chances without the probe and 1.5% with it (shown 1% and 2%), 20 agents' sampling scatter; the
    sentence called it a rise and explained it as noise outweighing a 'small' push toward honesty (9 points, against
    a gain of 5), beside 'honesty now wins in both'. Two shares of 5% or less under 2 points apart are no change."""
    r, texts, _ = lying(**state)
    p, b = r.at("probe", situation), r.at("behaviour", situation)
    assert p > b and p - b < 0.02 and max(p, b) <= 0.05
    probe = texts["probe"]
    assert f"more when {situation}" not in probe and "more than" not in probe and "outweighs" not in probe, probe
    assert not failures(r, probe)
    head = probe.split(". ")[0].split(";")[0].split(", about as seldom")[0]
    wrong = head + old
    assert failures(r, wrong), wrong


def test_shares_of_a_few_percent_alike_with_and_without_the_probe_are_about_as_seldom():
    """/reward-function-design?gain=7&penalty=20&watched=50&unwatched=95&accuracy=75&hide=no: 1.2% and 0.15% without
    the probe, 1.65% and 0.2% with it; every share a few percent or less and each pair under 2 points apart."""
    r, texts, _ = lying(gain=7, penalty=20, watched=50, unwatched=95, accuracy=75, hide="no")
    assert "when unwatched, about as seldom as without the probe (1% and under 1%);" in texts["probe"], texts["probe"]


@pytest.mark.parametrize("state, pair", [
    (dict(gain=5, penalty=1, watched=20, unwatched=5, accuracy=75, hide="yes"), ("100%", "over 99%")),
    (dict(gain=1, penalty=12, watched=45, unwatched=20, accuracy=55, hide="no"), ("9%", "8%")),
    (dict(gain=4.5, penalty=9, watched=0, unwatched=50, accuracy=80, hide="yes"), ("over 99%", "100%")),
])
def test_two_shares_under_2_points_apart_are_no_change_at_any_level(state, pair):
    """99.95% to 100%, or 8.05% to 8.7% (written 8% and 9%): a gap the agents' scatter makes, whichever way the two
    round, is neither "more" nor "fewer", nor given a cause."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    s = next(s for s in ("watched", "unwatched")
             if (share(r.at("probe", s)), share(r.at("behaviour", s))) == pair)
    assert abs(r.at("probe", s) - r.at("behaviour", s)) < 0.02
    assert f"more than without it when {s}" not in probe and f"fewer when {s}" not in probe, probe
    assert f"more when {s}" not in probe, probe


@pytest.mark.parametrize("state, situation", [
    (dict(gain=0.5, penalty=6, watched=85, unwatched=45, accuracy=85, hide="yes"), "watched"),
    (dict(gain=0, penalty=6, watched=35, unwatched=20, accuracy=85, hide="yes"), "unwatched"),
])
def test_two_shares_shown_2_points_apart_are_a_change_however_close_underneath(state, situation):
    """1% to 3%, or 10% to 12%, as written: a reader sees a rise of 2 points, so it is named, even where the shares
    underneath are under 2 points apart."""
    r, texts, _ = lying(**state)
    from app.wording import points as whole
    shown = whole(r.at("probe", situation)) - whole(r.at("behaviour", situation))
    assert shown >= 2 and abs(r.at("probe", situation) - r.at("behaviour", situation)) < 0.02
    probe = texts["probe"]
    assert f"more than without it when {situation}" in probe or f"more when {situation}" in probe or \
        "more than without it in both" in probe or "up from" in probe, probe


@pytest.mark.parametrize("changes,share", [(dict(unwatched=30), "67%"),
                                           (dict(gain=0.5, penalty=4, watched=100, unwatched=10), "51%")])
def test_lying_in_a_mixed_share_of_chances_is_not_a_learned_habit_of_lying(changes, share):
    """/reward-function-design?unwatched=30: 'it learned to be honest where it is likely to be caught and to lie where
    it is not', with lies in 67% of unwatched chances, which the drawing beside it calls 'Mixed' (and at 51%, values
    +0.1 against 0). 'To lie' is said only over 80%, as the drawing's 'Lies'; below, that it lies more where it is
    less likely to be caught."""
    r, texts, panel = lying(**changes)
    assert f"and {share} when unwatched" in texts["caught"]
    assert "to lie where it is not" not in texts["caught"]
    assert texts["caught"].endswith("it lies more where it is less likely to be caught.")
    assert panel["cells"]["behaviour-unwatched"]["word"] == "mixed"
    assert failures(r, texts["caught"].replace("it lies more where it is less likely to be caught.",
                                               "it learned to be honest where it is likely to be caught and to lie "
                                               "where it is not."))


def _quoted(text: str) -> float:
    return float(text.replace("−", "-").replace("+", ""))


@pytest.mark.parametrize("state,ending", [
    (dict(gain=7, penalty=18, watched=30, unwatched=30), ": its shares in both are within chance of half in this run."),
    (dict(gain=1, penalty=2, watched=45, unwatched=45), ": its shares in both are within chance of half in this run."),
    (dict(gain=1.5, penalty=2, watched=80, unwatched=70),
     ": it lies in fewer than half its chances when watched, where a lie loses on average; its 52% when unwatched is "
     "within chance of half in this run."),
    (dict(gain=0, penalty=1, watched=10, unwatched=25),
     ": in both it lies in fewer than half its chances, as the sign of that average says."),
])
def test_a_habit_is_said_to_follow_a_lies_worth_only_where_the_drawing_names_a_habit(state, ending):
    """/reward-function-design?gain=7&penalty=18&watched=30&unwatched=30 (review 36): 52% lies in both situations,
    learned values half a point apart, both cells of the drawing 'Mixed', yet 'its habit in each situation follows that
    average'. A share between 20% and 80% is no habit: the sentence says which side of half each is on."""
    r, texts, _ = lying(**state)
    caught = texts["caught"]
    assert caught.endswith(ending), caught
    assert any(20 <= wording.points(r.at("behaviour", s)) <= 80 for s in ("watched", "unwatched"))
    old = caught[:-len(ending)] + ": its habit in each situation follows that average."
    assert [f for t in CAUGHT_TRUTHS for f in t.failures(r, old)]
    assert not [f for t in CAUGHT_TRUTHS for f in t.failures(r, caught)]


def _signed_than(amount: str, side: str) -> float:
    return _quoted(amount) * (-1 if side == "less" else 1)


@pytest.mark.parametrize("state, s, said", [
    (dict(gain=3.5, penalty=2, watched=35, unwatched=80, accuracy=60, hide="yes"), "watched", "76%"),
    (dict(gain=7.5, penalty=3, watched=85, unwatched=95, accuracy=95, hide="yes"), "watched", "over 99%"),
])
def test_the_hidden_share_of_lies_reads_alike_in_the_claim_and_the_rooms_panel(state, s, said):
    """/reward-function-design?gain=3.5&penalty=2&watched=35&unwatched=80&accuracy=60&hide=yes: the sentence said 75%
    of its watched answers are hidden lies where the rooms panel beside it said 76%; review 49 found the two (one
    rounded to add up with the plain share, one alone) still apart in about one hiding state in nine, and '98% hidden
    and under 1% plain' beside a total of 99%. Both now give one quantity, the share of its lies hidden from the
    probe, through one formatter."""
    r, texts, panel = lying(**state)
    probe = texts["probe"]
    assert f"Of its lies when {s}, {said} are hidden from the probe" in probe, probe
    assert pct(r.hidden[s] / (r.hidden[s] + r.plain[s])) == said
    assert panel["cells"][f"probe-{s}"]["foot"] == f"{said} of lies hidden"
    assert panel["cells"][f"probe-{s}"]["title"].endswith(f"{said} of lies hidden")
    assert not failures(r, probe)
    assert failures(r, probe.replace(f"{said} are hidden", "50% are hidden"))
    wrong = panel["cells"][f"probe-{s}"]["title"].replace(f"{said} of lies hidden", "50% of lies hidden")
    assert [f for t in LYING_TRUTHS for f in t.failures(r, wrong)]


@pytest.mark.parametrize("state, said", [
    (dict(gain=1, penalty=18, watched=95, unwatched=60, accuracy=65, hide="yes"), "against under 1% in both without the probe"),
    (dict(gain=4.5, penalty=20, watched=100, unwatched=30, accuracy=60, hide="yes"), "against under 1% and 3% without the probe"),
])
def test_a_bounded_share_without_the_probe_takes_no_article(state, said):
    """/reward-function-design?gain=1&penalty=18&watched=95&unwatched=60&accuracy=65&hide=yes read 'against the under
    1% in both without it'."""
    r, texts, _ = lying(**state)
    assert said in texts["probe"], texts["probe"]
    assert not failures(r, texts["probe"])
    assert failures(r, texts["probe"].replace(said, said.replace("against ", "against the ")))


UNTOLD = "too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares)"


def _band(r, s):
    return 200 * math.hypot(r.scatter["probe"][s], r.scatter["behaviour"][s])


@pytest.mark.parametrize("state, s", [
    (dict(gain=10, penalty=14, watched=20, unwatched=85, accuracy=75, hide="no"), "watched"),
    (dict(gain=7, penalty=17, watched=30, unwatched=55, accuracy=55, hide="no"), "watched"),
    (dict(gain=9.5, penalty=16, watched=45, unwatched=30, accuracy=55, hide="no"), "watched"),
    (dict(gain=5, penalty=15, watched=85, unwatched=30, accuracy=60, hide="yes"), "unwatched"),
])
def test_honesty_is_not_said_to_lose_where_it_lies_in_under_half_its_chances(state, s):
    """/reward-function-design?gain=10&penalty=14&watched=20&unwatched=85&accuracy=75&hide=no#probe: 'it lies in 50%
    of chances when watched … Honesty still loses when watched', where it lies in 49.7% of them and its agents value
    the truth above a lie. Honesty loses only where it lies in more than half its chances, and a share under half
    never reads 50%."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert 0.495 <= r.at("probe", s) < 0.5
    assert f"loses when {s}" not in probe and "loses in both" not in probe, probe
    shown = re.search(rf"and it lies in (?:(\S+)% of chances when watched|\S+ of chances when watched and (\S+)% when "
                      rf"unwatched)", probe)
    shown = shown[1] if s == "watched" else re.search(r"when watched and (\S+)% when unwatched", probe)[1]
    assert float(shown) < 50, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(f" {shown}% ", " 50% ", 1))
    a_lie = "a hidden lie" if r.hide else "a lie"
    worth = f"{rounded(r.worth('probe', getattr(r, s)), 1):+g}"
    assert failures(r, probe + f" It mostly lies when {s}: the probe flags lies, and even so {a_lie} there is worth "
                               f"{worth} points on average against the truth.")



# ---- The probe claim: plain facts of this run, verdicts only where the model's statistics back them ----

PROBE_NOTE = "too small to tell from chance (within two standard errors of the gap)"


def _probe_words(r, text):
    """The probe claim's words, and what the predicates find false in it."""
    return len(text.split()), failures(r, text)


def test_a_share_under_half_reads_one_way_across_the_widget():
    """/reward-function-design?gain=6.5&penalty=5&watched=90&unwatched=5&accuracy=70&hide=no: the probe-trained
    agents lie in 0.497 of watched chances; the probe claim printed it '49.7%' and then 'its 50%', and the drawing
    and table '50%'. Every place the widget writes it reads 49.7%."""
    state = dict(gain=6.5, penalty=5, watched=90, unwatched=5, accuracy=70, hide="no")
    r, texts, panel = lying(**state)
    assert r.at("probe", "watched") == 0.497
    probe = texts["probe"]
    assert "49.7% of chances when watched" in probe and "50%" not in probe, probe
    assert panel["cells"]["probe-watched"]["text"] == "lies 49.7%"
    assert "49.7%" in panel["caption"] and "49.7%" in LYING.summary(r)
    assert not failures(r, probe)
    assert failures(r, probe + " When watched, a lie is worth on average just what the truth is, so nothing pushes it "
                               "either way: its 50% there is no learned habit of lying.")


def test_a_split_of_hidden_and_plain_lies_is_stated_not_called_learned_hiding():
    """/reward-function-design?gain=6&penalty=2&watched=0&unwatched=30&accuracy=55&hide=yes: 'It learned to hide its
    intent: 72% of its watched answers are hidden lies', where a 0.2-point edge for hiding tips a split that other
    seeds do not repeat (65/35 with a coin-toss probe, no edge at all). The claim gives the split and the edge as
    facts, with no verdict that it learned to hide."""
    r, texts, _ = lying(gain=6, penalty=2, watched=0, unwatched=30, accuracy=55, hide="yes")
    probe = texts["probe"]
    assert "learned to hide" not in probe and "hides its intent" not in probe, probe
    said = "Of its lies when watched, 72% are hidden from the probe; when unwatched, 66%"
    edge = "a hidden lie, flagged 45% of the time (a plain one 55%), is worth 0.2 points more than a plain one on average."
    assert said in probe and probe.endswith(edge), probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(said, "It learned to hide its intent. " + said))
    assert failures(r, probe.replace("0.2 points more", "2 points more"))
    assert failures(r, probe.replace("when unwatched, 66%", "when unwatched, 34%"))
    assert len(probe.split()) <= 80


@pytest.mark.parametrize("state, s", [
    (dict(gain=2, penalty=6, watched=20, unwatched=30, accuracy=55, hide="no"), "watched"),
    (dict(gain=4.5, penalty=8, watched=0, unwatched=55, accuracy=50, hide="no"), "unwatched"),
    (dict(gain=2.5, penalty=3, watched=10, unwatched=5, accuracy=85, hide="no"), "watched"),
])
def test_a_share_just_over_half_within_chance_is_not_called_a_loss_for_honesty(state, s):
    """/reward-function-design?gain=2&penalty=6&watched=20&unwatched=30&accuracy=55&hide=no: 'Honesty still loses when
    watched' on a share of 0.501, printed 50%, within the 20 agents' scatter. A loss is named only beyond two standard
    errors of the share; a share over half within them is said to be within chance of half."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    share = r.at("probe", s)
    assert 0.5 < share and 100 * (share - 0.5) <= 200 * r.scatter["probe"][s]
    assert f"loses when {s}" not in probe and "loses in both" not in probe, probe
    near = f"Its {pct(share)} when {s} is within chance of half in this run."
    assert near in probe and not failures(r, probe), probe
    assert failures(r, probe.replace(near, f"It still mostly lies when {s}: a lie there is worth "
                                           f"{points(r.worth('probe', getattr(r, s)))} points on average against the truth."))
    assert failures(r, probe.replace(near, ""))


def test_a_share_near_half_reads_the_same_in_the_caught_claim_and_the_probe_claim():
    """/reward-function-design?gain=3&penalty=10&watched=25&unwatched=25&accuracy=50&hide=yes: the behaviourist
    agents lie in 0.496 of chances; the caught claim, table and drawing said '50%', the probe claim '49.6%'."""
    r, texts, panel = lying(gain=3, penalty=10, watched=25, unwatched=25, accuracy=50, hide="yes")
    assert r.at("behaviour", "watched") == 0.496
    assert "49.6%" in texts["caught"] and "50%" not in texts["caught"], texts["caught"]
    assert "up from the 49.6% in both without the probe" in texts["probe"], texts["probe"]
    assert panel["cells"]["behaviour-watched"]["text"] == "lies 49.6%"
    assert "49.6%" in LYING.table(r).rows[5][1]
    assert not failures(r, texts["caught"]) and not failures(r, texts["probe"])


def test_a_split_with_plain_lies_is_not_said_to_shun_them():
    """/reward-function-design?gain=4.5&penalty=10&watched=45&unwatched=95&accuracy=55&hide=yes: 'When it lies, it
    hides its intent … what it learned is to shun plain lies', where 30% of its lies are plain."""
    r, texts, _ = lying(gain=4.5, penalty=10, watched=45, unwatched=95, accuracy=55, hide="yes")
    probe = texts["probe"]
    assert "Of its lies when watched, 70% are hidden from the probe" in probe, probe
    assert "shun" not in probe and "hides its intent" not in probe
    assert not failures(r, probe)
    assert failures(r, probe + " What it learned is to shun plain lies.")
    assert failures(r, probe.replace("70% are hidden", "100% are hidden"))


@pytest.mark.parametrize("state, old", [
    (dict(gain=6, penalty=20, watched=25, unwatched=25, accuracy=90, hide="yes"),
     " By their average learned values alone, the agents trained without the probe would lie there in 37% of chances."),
    (dict(gain=9, penalty=6, watched=75, unwatched=75, accuracy=100, hide="yes"),
     " So all of its lies are never flagged, like an honest answer."),
    (dict(gain=9, penalty=13, watched=15, unwatched=95, accuracy=50, hide="no"),
     " The probe flags 50% of lies and 50% of honest answers, and even so a lie there is worth +7.1 points."),
])
def test_the_probe_claim_drops_the_mechanism_tails(state, old):
    """/reward-function-design?gain=6&penalty=20&watched=25&unwatched=25&accuracy=90&hide=yes ('would lie there' after
    'In both'), …gain=9&penalty=6&watched=75&unwatched=75&accuracy=100&hide=yes ('all of its lies are never flagged'),
    …gain=9&penalty=13&watched=15&unwatched=95&accuracy=50&hide=no ('and even so' after a coin-toss probe): the tails
    that read one seeded run's learning are gone, and the predicates refuse them."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    for phrase in ("average learned values", "never flagged", "even so", "learned to expect", "noise in the payoffs"):
        assert phrase not in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe + old)


def test_the_probe_claim_is_short_at_every_state_sampled():
    """The probe claim stays near 80 words: the longest over a sample of states, as the sweep writes them."""
    import random
    rng = random.Random(7)
    worst = 0
    for _ in range(150):
        state = dict(gain=rng.choice(range(21)) / 2, penalty=rng.choice(range(21)), watched=rng.choice(range(0, 101, 5)),
                     unwatched=rng.choice(range(0, 101, 5)), accuracy=rng.choice(range(50, 101, 5)),
                     hide=rng.choice(["yes", "no"]))
        r, texts, _ = lying(**state)
        words, bad = _probe_words(r, texts["probe"])
        assert not bad, (state, bad)
        worst = max(worst, words)
    assert worst <= 120, worst


def test_honesty_still_loses_only_where_it_lost_without_the_probe_too():
    """/reward-function-design?gain=7.5&penalty=18&watched=35&unwatched=85&accuracy=50&hide=no: without the probe it
    lies in 39% of watched chances, yet the probe claim said 'Honesty still loses when watched'."""
    r, texts, _ = lying(gain=7.5, penalty=18, watched=35, unwatched=85, accuracy=50, hide="no")
    probe = texts["probe"]
    assert r.at("behaviour", "watched") < 0.5 and "still loses when watched" not in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe + " It still mostly lies when watched. A lie there is worth +1.2 points on average against the truth.")
    r, texts, _ = lying(gain=9, penalty=12, watched=25, unwatched=95, accuracy=55, hide="yes")
    probe = texts["probe"]
    assert r.at("behaviour", "watched") > 0.5 and "It still mostly lies when watched." in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("It still mostly lies when watched.", "It mostly lies when watched."))


def test_the_chance_note_names_its_test():
    """/reward-function-design?gain=3&penalty=3&watched=90&unwatched=35&accuracy=95&hide=yes: a rise more than twice
    either group's scatter but within two standard errors of the gap between the groups' shares is too small to
    tell from chance, and the note says which test it makes."""
    r, texts, _ = lying(gain=3, penalty=3, watched=90, unwatched=35, accuracy=95, hide="yes")
    probe = texts["probe"]
    rise = 100 * (r.at("probe", "watched") - r.at("behaviour", "watched"))
    assert rise > 200 * max(r.scatter[k]["watched"] for k in ("probe", "behaviour")) and rise <= _band(r, "watched")
    said = f"; the rise when watched is {PROBE_NOTE}"
    assert said in probe and not failures(r, probe), probe
    assert failures(r, probe.replace(said, ""))
    assert failures(r, probe.replace("within two standard errors of the gap", "within twice the scatter of the 20 agents' shares"))


def test_what_the_probe_flags_is_said_of_the_probe():
    """/reward-function-design?gain=4&penalty=10&watched=80&unwatched=50&accuracy=90&hide=no: '… ; it flags 90% of
    lies': the first 'it' was the agent, the second the probe."""
    r, texts, _ = lying(gain=4, penalty=10, watched=80, unwatched=50, accuracy=90, hide="no")
    probe = texts["probe"]
    assert "the probe flags 90% of lies and 10% of honest answers." in probe and not failures(r, probe), probe
    assert failures(r, probe.replace("the probe flags", "it flags"))


def test_with_no_penalty_a_gap_from_hiding_is_put_down_to_its_cause():
    """/reward-function-design?gain=0&penalty=0&hide=yes: the second way to lie changes the agents' dice rolls."""
    r, texts, _ = lying(gain=0, penalty=0, hide="yes")
    probe = texts["probe"]
    gap = (" Its shares differ from those without the probe only because its agents choose between two ways to lie, which "
           "changes their dice rolls.")
    assert probe.endswith("With no penalty, a flag costs nothing, so the probe takes nothing from any answer." + gap)
    assert not failures(r, probe) and failures(r, probe.replace(gap, ""))


def test_two_situations_caught_alike_are_said_once():
    """/reward-function-design?gain=10&penalty=20&watched=0&unwatched=0&accuracy=50&hide=yes: with one chance of being
    caught the two situations are the same learners, so their numbers are said once, in each."""
    r, texts, _ = lying(gain=10, penalty=20, watched=0, unwatched=0, accuracy=50, hide="yes")
    probe = texts["probe"]
    said = "It still mostly lies in both. A hidden lie is worth +10 points in each on average against the truth."
    assert said in probe and "Of its lies in each situation" in probe and not failures(r, probe), probe
    assert failures(r, probe.replace("+10 points in each", "+10 points when watched and +10 unwatched"))
    assert failures(r, probe.replace("Of its lies in each situation", "Of its lies when watched"))


@pytest.mark.parametrize("state, before, after", [
    (dict(gain=10, penalty=20, watched=100, unwatched=100, accuracy=50, hide="yes"),
     "when unwatched, up from the under 1% in both without the probe", "when unwatched, up from under 1% in both without the probe"),
    (dict(gain=2.5, penalty=20, watched=85, unwatched=80, accuracy=80, hide="no"),
     "when unwatched, up from the under 1% and under 1% without the probe", "when unwatched, about as seldom as without the probe (under 1% in both)"),
])
def test_more_lies_with_the_probe_are_said_as_the_shares_are_written(state, before, after):
    """/reward-function-design?gain=10&penalty=20&watched=100&unwatched=100&accuracy=50&hide=yes: 'more than under 1%
    in both'; 'under 1%' to 'under 1%' is no rise."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert after in probe and before not in probe and not failures(r, probe), probe
    assert failures(r, probe.replace(after, before))


# ---- One test for 'more than half' across the widget; payoffs, falls and splits as the page shows them ----

def _beyond_half(r, kind, s):
    """The share of lies is over half by more than two standard errors of that share (from the API's scatter)."""
    share = r.at(kind, s)
    return 100 * (share - 0.5) > 200 * r.scatter[kind][s]


NOW_WINS = (". The probe reads intent whether anyone watches or not (flagging 100% of lies and 0% of honest answers), "
            "so it is now mostly honest in both; a perfect probe raises no false alarms.")


def test_now_wins_needs_a_loss_without_the_probe_beyond_chance():
    """/reward-function-design?gain=0&penalty=20&watched=0&unwatched=100&accuracy=100&hide=no: the caught claim calls
    the 51% watched chance, not a learned habit, yet the probe claim said 'honesty now wins in both', as if it had
    lost. 51% is within two standard errors of half, so there was no loss to win back."""
    r, texts, _ = lying(gain=0, penalty=20, watched=0, unwatched=100, accuracy=100, hide="no")
    assert not _beyond_half(r, "behaviour", "watched") and r.at("behaviour", "watched") > 0.5
    assert "is chance, not a learned habit of lying" in texts["caught"]
    probe = texts["probe"]
    assert "now wins" not in probe and not failures(r, probe), probe
    said = "; the probe flags 100% of lies and 0% of honest answers."
    assert probe.endswith(said)
    assert failures(r, probe.replace(said, NOW_WINS))


@pytest.mark.parametrize("state, s, said", [
    (dict(gain=6.5, penalty=16, watched=30, unwatched=60, accuracy=70, hide="yes"), "watched", "It lies more often than not when watched."),
    (dict(gain=0, penalty=20, watched=0, unwatched=0, accuracy=50, hide="yes"), "watched", "It lies more often than not in both,"),
])
def test_still_loses_needs_a_loss_without_the_probe_beyond_chance(state, s, said):
    """/reward-function-design?gain=6.5&penalty=16&watched=30&unwatched=60&accuracy=70&hide=yes: 'Honesty still loses
    when watched' after 59% without the probe, within two standard errors of half (and at gain=0&penalty=20&watched=0&
    unwatched=0&accuracy=50 after 51% in both). 'Still' takes the same test as 'loses'."""
    r, texts, _ = lying(**state)
    assert r.at("behaviour", s) > 0.5 and not _beyond_half(r, "behaviour", s) and _beyond_half(r, "probe", s)
    probe = texts["probe"]
    assert said in probe and "still" not in probe and not failures(r, probe), probe
    assert failures(r, probe.replace(said, said.replace("It lies", "It still lies")))


@pytest.mark.parametrize("state, said", [
    (dict(gain=1, penalty=11, watched=10, unwatched=70, accuracy=50, hide="yes"),
     "It lies more often than not when watched, though a hidden lie there is worth −0.1 points on average against the truth."),
    (dict(gain=0, penalty=20, watched=0, unwatched=0, accuracy=50, hide="yes"),
     "It lies more often than not in both, though a hidden lie is worth 0 points in each on average against the truth."),
])
def test_a_payoff_that_does_not_favour_lying_is_not_given_as_why_honesty_loses(state, said):
    """/reward-function-design?gain=1&penalty=11&watched=10&unwatched=70&accuracy=50&hide=yes: 'Honesty loses when
    watched: a hidden lie there is worth −0.1 points on average against the truth', a colon that offers as the reason
    a payoff that favours the truth. The payoff is set against the loss."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert said in probe and not failures(r, probe), probe
    loss = said.split(",")[0]
    assert failures(r, probe.replace(loss + ", though", loss + ":"))
    assert failures(r, probe.replace(loss + ", though a", loss + ". A"))


def test_a_payoff_that_favours_lying_is_its_own_sentence_not_the_reason():
    """/reward-function-design?gain=4&penalty=10&watched=80&unwatched=10&accuracy=90&hide=yes (the prose's hiding
    link): the payoff follows the loss as a fact of its own, not after a colon as its cause."""
    r, texts, _ = lying(gain=4, penalty=10, watched=80, unwatched=10, accuracy=90, hide="yes")
    probe = texts["probe"]
    said = "It still mostly lies when unwatched. A hidden lie there is worth +3 points on average against the truth."
    assert said in probe and not failures(r, probe), probe
    assert failures(r, probe.replace("when unwatched. A hidden", "when unwatched: a hidden"))
    assert failures(r, probe.replace("when unwatched. A hidden", "when unwatched, though a hidden"))


def test_a_hidden_lies_edge_names_what_it_is_more_than():
    """/reward-function-design?gain=4&penalty=10&watched=80&unwatched=10&accuracy=90&hide=yes: right after '+3 points
    against the truth', 'a hidden lie … is worth 8 points more on average' read as 8 more than the truth; the 8 is
    10 × (0.9 − 0.1), over a plain lie."""
    r, texts, _ = lying(gain=4, penalty=10, watched=80, unwatched=10, accuracy=90, hide="yes")
    probe = texts["probe"]
    said = "is worth 8 points more than a plain one on average."
    assert r.penalty * (r.accuracy - (1 - r.accuracy)) == pytest.approx(8) and probe.endswith(said), probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(said, "is worth 8 points more on average."))
    assert failures(r, probe.replace("8 points more than", "3 points more than"))


@pytest.mark.parametrize("state, said", [
    (dict(gain=4, penalty=10, watched=80, unwatched=10, accuracy=60, hide="no"),
     "against the 2% and over 99% without the probe: down when unwatched;"),
    (dict(gain=9.5, penalty=10, watched=80, unwatched=10, accuracy=90, hide="no"),
     "down from the 92% and 100% without the probe;"),
    (dict(), "against the 2% and over 99% without the probe: down when unwatched."),
])
def test_a_fall_in_lies_with_the_probe_is_set_against_the_shares_without_it(state, said):
    """/reward-function-design?gain=4&penalty=10&watched=80&unwatched=10&accuracy=60&hide=no (the prose's weak-probe
    link): lies unwatched fall from 99.5% to 60% with the probe, and the claim gave neither the share without it nor
    a word on the fall, where a rise of 2 points would have been stated. So at gain=9.5 (92% and 100% to 1% and 58%)
    and at the defaults (over 99% to 98%)."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert said in probe and not failures(r, probe), probe
    assert failures(r, probe.replace(said.rstrip(";."), "").replace(", ;", ";").replace(", .", "."))


def test_a_fall_within_chance_gets_the_chance_note():
    """/reward-function-design?gain=6.5&penalty=16&watched=50&unwatched=30&accuracy=75&hide=no: watched lies fall
    from 4% to 2% with the probe, within two standard errors of the gap; the note says so, as it does for a rise."""
    r, texts, _ = lying(gain=6.5, penalty=16, watched=50, unwatched=30, accuracy=75, hide="no")
    probe = texts["probe"]
    fall = 100 * (r.at("behaviour", "watched") - r.at("probe", "watched"))
    assert 0 < fall <= _band(r, "watched") and 100 * (r.at("behaviour", "unwatched") - r.at("probe", "unwatched")) > _band(r, "unwatched")
    note = f"; the fall when watched is {PROBE_NOTE}"
    assert "down from the 4% and 59% without the probe" + note in probe and not failures(r, probe), probe
    assert failures(r, probe.replace(note, ""))
    assert failures(r, probe.replace(note, f"; the fall when unwatched is {PROBE_NOTE}"))


def test_it_is_the_agent_and_the_probe_is_named():
    """/reward-function-design?gain=1.5&penalty=14&watched=45&unwatched=20&accuracy=55&hide=no: 'Add the probe …, and
    it lies …, against the 1% and 9% without it: more than without it when unwatched': 'it' was the agent, then
    twice the probe."""
    r, texts, _ = lying(gain=1.5, penalty=14, watched=45, unwatched=20, accuracy=55, hide="no")
    probe = texts["probe"]
    said = "against the 1% and 9% without the probe: up when unwatched;"
    assert said in probe and "without it" not in probe and not failures(r, probe), probe
    assert failures(r, probe.replace(said, "against the 1% and 9% without it: more than without it when unwatched;"))
    r, texts, _ = lying()
    probe = texts["probe"]
    assert "(flagging 90% of lies" in probe and not failures(r, probe), probe
    assert failures(r, probe.replace("(flagging 90%", "(it flags 90%"))


def _lying_at(query: str):
    """The widget's state at a URL's query: percentages as the sliders give them, hide as 'yes' or 'no'."""
    return lying(**{k: (v if k == "hide" else float(v)) for k, v in (x.split("=") for x in query.split("&"))})


def _off_half(r, kind: str, s: str) -> float:
    """How far a share is off half, in standard errors of it, from the numbers the API gives."""
    return abs(r.at(kind, s) - 0.5) / r.scatter[kind][s]


def test_a_behaviourist_share_within_chance_of_half_is_not_called_more_or_fewer_than_half():
    """At 45% and 90% caught, 55% accurate, hiding: 52.4% watched, 1.59 points of standard error, is 2.4 points
    above half, within two standard errors: the caught claim must not call it more than half."""
    r, texts, _ = _lying_at("gain=0.5&penalty=1&watched=45&unwatched=90&accuracy=55&hide=yes")
    assert _off_half(r, "behaviour", "watched") <= 2
    assert "more than half its chances when watched" not in texts["caught"]
    assert "its 52% when watched is within chance of half in this run" in texts["caught"]
    old = texts["caught"].split(": ")[0] + (": it lies in more than half its chances when watched, where a lie gains "
                                            "on average, and in fewer than half when unwatched, where it loses.")
    assert [f for t in CAUGHT_TRUTHS for f in t.failures(r, old)]
    # 47.85% watched at 5% and 25% caught: 2.15 points under half, within two standard errors of 1.12
    r, texts, _ = _lying_at("gain=0&penalty=1&watched=5&unwatched=25&accuracy=55&hide=yes")
    assert _off_half(r, "behaviour", "watched") <= 2
    assert "fewer than half its chances when watched" not in texts["caught"]
    assert "in both it lies in fewer than half" not in texts["caught"]


def test_the_probe_claims_still_agrees_with_more_than_half_said_before_it():
    """At 45% and 0% caught with a coin-toss probe, 52.4% watched is within chance of half: the caught claim does not
    say it lies in more than half its chances in both, so 'Honesty loses in both' without 'still' reads right."""
    r, texts, _ = _lying_at("gain=0.5&penalty=1&watched=45&unwatched=0&accuracy=50&hide=yes")
    assert _off_half(r, "behaviour", "watched") <= 2
    assert "in both it lies in more than half" not in texts["caught"]
    assert "more than half its chances when unwatched" in texts["caught"]
    old = texts["caught"].split(": ")[0] + ": in both it lies in more than half its chances, as the sign of that average says."
    assert [f for t in CAUGHT_TRUTHS for f in t.failures(r, old)]


def test_a_share_exactly_two_standard_errors_off_half_is_within_chance():
    """53.3% with a standard error of 1.65 points is 3.3 points over half: exactly two standard errors, not beyond."""
    r, texts, _ = _lying_at("gain=1&penalty=1&watched=95&unwatched=60&accuracy=60&hide=yes")
    assert round(r.at("probe", "watched") - 0.5, 9) == round(2 * r.scatter["probe"]["watched"], 9)
    assert "Its 53% when watched is within chance of half in this run." in texts["probe"]
    assert "loses in both situations" not in texts["probe"]


def test_a_change_exactly_two_standard_errors_of_the_gap_is_too_small_to_tell():
    """Unwatched, 1% to 2.5% with the probe, standard errors 0.21 and 0.72 points: a rise of 1.5 = 2 x 0.75."""
    r, texts, _ = _lying_at("gain=1.5&penalty=12&watched=75&unwatched=45&accuracy=100&hide=yes")
    rise = r.at("probe", "unwatched") - r.at("behaviour", "unwatched")
    band = 2 * math.hypot(r.scatter["probe"]["unwatched"], r.scatter["behaviour"]["unwatched"])
    assert round(rise, 9) == round(band, 9)
    assert "the rise when unwatched is too small to tell from chance" in texts["probe"]


def test_the_rooms_panel_reads_the_hidden_share_as_it_is():
    """At the prose's hiding link, 2.9% of watched answers are hidden lies out of 3.45% that are lies: the cell gives
    the share of its lies hidden (84%), the quantity the claim gives, not a share of all its answers."""
    r, _, panel = _lying_at("gain=4&penalty=10&watched=80&unwatched=10&accuracy=90&hide=yes")
    assert r.hidden["watched"] == pytest.approx(0.029, abs=0.0005)
    assert panel["cells"]["probe-watched"]["foot"] == "84% of lies hidden"
    wrong = panel["cells"]["probe-watched"]["title"].replace("84% of lies hidden", "3% of lies hidden")
    assert [f for t in LYING_TRUTHS for f in t.failures(r, wrong)]


def test_a_coin_toss_probes_change_beyond_chance_is_not_put_down_to_reading_intent():
    """At the defaults with a 50% probe, unwatched lies fall from 99.5% to 90.9%, beyond two standard errors of the
    gap, though a lie there is worth +3 with the probe as without: a probe that flags lies and honest answers alike
    reads nothing, and the claim says where the fall comes from. Review 49: where the agents can hide, the option to
    hide changes training too, so the note names it there (and only there)."""
    r, texts, _ = _lying_at("gain=4&penalty=10&watched=80&unwatched=10&accuracy=50&hide=no")
    fall = 100 * (r.at("behaviour", "unwatched") - r.at("probe", "unwatched"))
    assert fall > _band(r, "unwatched") and r.worth("probe", r.unwatched) == r.worth("behaviour", r.unwatched)
    note = " A 50% probe reads no intent: the fall when unwatched comes from its random flags."
    assert note in texts["probe"] and not failures(r, texts["probe"])
    assert failures(r, texts["probe"].replace(note, ""))
    assert failures(r, texts["probe"].replace("the fall when unwatched", "the rise when unwatched"))
    assert failures(r, texts["probe"].replace("the fall when unwatched comes", "both changes come"))
    assert failures(r, texts["probe"].replace("its random flags", "its random flags and the option to hide"))
    r, texts, _ = _lying_at("gain=0&penalty=1&watched=0&unwatched=65&accuracy=50&hide=yes")
    assert "from its random flags and the option to hide." in texts["probe"]
    assert failures(r, texts["probe"].replace(" and the option to hide", ""))


def test_where_every_answer_is_worth_the_same_a_loss_for_honesty_is_not_a_payoff():
    """With no gain, a 1-point penalty, never caught watched and a 50% probe, every answer watched is worth the
    same; lies there rise from 51% to 54%. The claim says it lies more often than not there (a frequency, not 'honesty loses',
    the payoff verb) and puts the change down to the probe's noise."""
    r, texts, _ = _lying_at("gain=0&penalty=1&watched=0&unwatched=65&accuracy=50&hide=yes")
    probe = texts["probe"]
    assert r.worth("probe", r.watched) == 0 and r.plain_worth(r.watched) == 0
    assert "loses" not in probe and "It lies more often than not when watched, though a hidden lie there is worth 0 points" in probe
    assert "from its random flags and the option to hide" in probe
    assert failures(r, probe.replace("It lies more often than not when watched", "Honesty loses when watched"))
    r, texts, _ = lying()
    assert "so it is now mostly honest in both" in texts["probe"]
    assert failures(r, texts["probe"].replace("so it is now mostly honest in both", "so honesty now wins in both"))


def test_less_often_than_not_only_beyond_chance_of_half():
    """At 50% and 15% caught, a lie watched gains +0.5 and it lies in 44% of watched chances, within two standard
    errors of half: 'they lie less often than not' reads the run's scatter as a habit."""
    r, texts, _ = _lying_at("gain=5.5&penalty=10&watched=50&unwatched=15&accuracy=70&hide=no")
    assert _off_half(r, "behaviour", "watched") <= 2
    text = texts["caught"]
    assert "less often than not" not in text and text.endswith("two values too close to settle the habit either way.")
    old = text.replace("two values too close to settle the habit either way.",
                       "so they lie less often than not, and an agent learns what a lie is worth only by lying.")
    assert [f for t in CAUGHT_TRUTHS for f in t.failures(r, old)]



@pytest.mark.parametrize("query, said", [
    ("gain=3.5&penalty=2&watched=35&unwatched=80&accuracy=60&hide=yes", "It still mostly lies in both."),
    ("gain=6.5&penalty=16&watched=30&unwatched=60&accuracy=70&hide=yes", "It lies more often than not when watched."),
])
def test_mostly_lies_is_said_only_where_the_rooms_drawing_says_mostly_lying(query, said):
    """Review 49: 'It mostly lies when watched' at 80% beside the rooms drawing's 'Mixed' there (its 'mostly lying' is
    over 80%). 'Mostly lies' now takes the drawing's cut; a loss for honesty short of it 'lies more often than not'."""
    r, texts, panel = _lying_at(query)
    probe = texts["probe"]
    assert said in probe and not failures(r, probe), probe
    other = (said.replace("mostly lies", "lies more often than not") if "mostly" in said
             else said.replace("lies more often than not", "mostly lies"))
    assert failures(r, probe.replace(said, other))
    for s in ("watched", "unwatched"):
        if f"when {s}" in said or "in both" in said:
            assert (panel["cells"][f"probe-{s}"]["word"] == "lies") == ("mostly" in said)


def test_the_prose_between_the_weak_and_the_perfect_probe_holds_at_the_two_links():
    """Review 50: the prose said 'the better the probe is than a coin toss, the further the dashed line falls' at every
    setting, while with hiding on a sharper probe raises it (unwatched lies 0.93 at 55%, 0.996 at 100%). It now speaks
    of the two states its links open, where the dashed line is lower at every chance of being caught."""
    weak, perfect = lying(accuracy=55)[0], lying(accuracy=100)[0]
    assert weak.at("probe", "unwatched") > 0.5 > 0.01 > perfect.at("probe", "unwatched")
    assert all(p < w for p, w in zip(perfect.lies["probe"], weak.lies["probe"]))
    body = " ".join(Path(__file__).with_name("content.md").read_text().split())
    assert "the better the probe is than a coin toss, the further the dashed line falls" not in body
    assert "from the one to the other, the dashed line falls at every chance of being caught" in body


def test_the_board_says_when_a_side_passes_and_when_the_game_is_over():
    """Review 50: at 200 games the learner moves twice running at moves 7 and 8 (the random player has no legal move),
    the game stops at move 8 with 4 squares empty, and moves 9 to 12 of the slider repeated 'Move 8 of 8' with no
    word of either."""
    from app.pages.reward_function_design.present import REVERSI_TRUTHS
    values = {**REVERSI.defaults(), "rules": "reversi", "games": 200, "move": 12}
    b = REVERSI.run(values)
    panel = board_panel(b, values)
    assert b.move == len(b.demo.squares) == 8 and b.demo.movers[6] == b.demo.movers[7] == 1
    assert panel["move_head"] == "Move 8 of 8 (random passed, end)"
    assert "the random player has no legal move and passes" in panel["caption"]
    assert "The game is over: neither player can move" in panel["caption"]
    assert not [f for t in REVERSI_TRUTHS for text in (panel["move_head"], panel["caption"]) for f in t.failures(b, text)]
    for wrong in ("Move 8 of 8", "Move 8 of 8 (learner passed, end)", "Move 8 of 8 (random passed)"):
        assert [f for t in REVERSI_TRUTHS for f in t.failures(b, wrong)], wrong
    assert [f for t in REVERSI_TRUTHS for f in t.failures(b, panel["caption"].replace("neither player can move", "the board is full"))]
    values = {**values, "move": 7}
    b = REVERSI.run(values)
    assert board_panel(b, values)["move_head"] == "Move 7 of 8"
