"""The reward-function-design claims, read against the trained agents' numbers at hand-checked states (the
dense sweep of every state is tests/test_truths.py, which checks each sentence against the predicates declared
beside it in present.py)."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from app.pages.reward_function_design.page import LYING, REVERSI
from app.pages.reward_function_design.present import CAUGHT_TRUTHS, board_panel, pct, points, rooms_panel
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
    assert texts["probe"].endswith("so honesty now wins in both; false alarms cost an honest answer 1 point on average.")


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


def test_an_agent_that_can_hide_its_intent_does_and_its_hidden_lies_are_still_flagged_as_often_as_the_truth():
    """Reviewers, at /api/reward-function-design/lying?hide=yes: the sentence said the probe's penalty 'now falls
    only on lies it can read', but the model flags a hidden lie as often as an honest answer (10% at 90%
    accuracy), as the prose says."""
    r, texts, _ = lying(hide="yes")
    assert r.hidden["unwatched"] == 0.9725 and r.plain["unwatched"] == 0.0065
    assert texts["probe"].endswith("It learned to hide its intent: 97% of its unwatched answers are hidden lies, "
                                   "against 1% plain ones, so most of its lies there are flagged only as often as "
                                   "an honest answer (10% of the time).")
    old = ("Add the probe (90% accurate), and it lies in 2% of chances when watched and 98% when unwatched. It learned "
           "to hide its intent (97% of its unwatched answers are hidden lies), so the probe's penalty now falls only "
           "on lies it can read.")
    assert failures(r, old) and not failures(r, texts["probe"])


@pytest.mark.parametrize("watched", [0, 100])
def test_a_coin_toss_probe_teaches_no_hiding(watched):
    """Reviewers, at …lying?gain=10&penalty=20&watched=0 (or 100)&unwatched=0&accuracy=50&hide=yes: 'It learned to
    hide its intent (51% of its unwatched answers are hidden lies)'. A 50% probe flags plain and hidden lies
    alike, so the agents split their lies about evenly: no learned preference."""
    r, texts, _ = lying(gain=10, penalty=20, watched=watched, unwatched=0, accuracy=50, hide="yes")
    h, p = r.hidden["unwatched"], r.plain["unwatched"]
    # About even, within what chance gives 20 agents (a standard deviation of about 11 points), and not hiding.
    assert abs(h - p) < 0.25 and h + p > 0.9 and not r.hides("unwatched") and not r.hides("watched")
    assert "learned to hide" not in texts["probe"]
    assert (f", {round(100 * h)}% are hidden lies and {round(100 * p)}% plain ones: a probe no "
            f"better than a coin toss flags both alike, so it gives no reason to prefer either.") in texts["probe"]
    old = (f"Add the probe (50% accurate), and it lies in {pct(r.at('probe', 'watched'))} of chances when watched and "
           f"{pct(r.at('probe', 'unwatched'))} when unwatched. It learned to hide its intent (51% of its unwatched "
           f"answers are hidden lies), so the probe's penalty now falls only on lies it can read.")
    assert failures(r, old) and not failures(r, texts["probe"])


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
    assert "Honesty still loses when unwatched" in texts["probe"] and "worth +3 points on average" in texts["probe"]


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
                                     "when unwatched, up from the 15% and 20% without it. ")
    r, texts, _ = lying()
    assert "more than the" not in texts["probe"]
    assert failures(r, texts["probe"].replace(" when unwatched.", " when unwatched, up from the 2% and over 99% without it."))


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


@pytest.mark.parametrize("state, before, after", [
    # 0.999 with the probe against 1.0 without: 'over 99%' is less than '100%', so fewer lies watched.
    (dict(gain=4.5, penalty=20, watched=0, unwatched=30, accuracy=95, hide="yes"),
     "when unwatched, up from the 100% and 3% without it.",
     "when unwatched, against the 100% and 3% without it: more than without it when unwatched."),
    # 'under 1%' against 'under 1%' watched: the same as written.
    (dict(gain=2.5, penalty=20, watched=85, unwatched=80, accuracy=80, hide="no"),
     "when unwatched, up from the under 1% and under 1% without it;",
     "when unwatched, about as seldom as without it (under 1% in both);"),      # review 7: 'under 1%' to '1%' is no rise
    # 0.0125 against 0.0055 watched: both '1%'.
    (dict(gain=6.5, penalty=17, watched=75, unwatched=40, accuracy=100, hide="yes"),
     "when unwatched, up from the 1% and 5% without it;",
     "when unwatched, against the 1% and 5% without it: more than without it when unwatched"),
])
def test_more_lies_with_the_probe_only_where_the_shares_as_written_are_more(state, before, after):
    """Reviewers: 'more than' was decided on whole percents, so 'over 99%' read as more than '100%', and '1%' as
    more than '1%'. It is said only where the shares as written are more in both situations."""
    r, texts, _ = lying(**state)
    assert before not in texts["probe"] and after in texts["probe"]
    assert failures(r, texts["probe"].replace(after, before)), "the predicates would not catch the old sentence"
    assert not failures(r, texts["probe"])


def test_when_all_its_lies_there_are_hidden_it_says_all():
    """Reviewers, at gain=9 penalty=7 watched=40 unwatched=70 accuracy=100 hide=yes: '100% of its watched answers
    are hidden lies … so most of its lies' should be 'all'."""
    r, texts, _ = lying(gain=9, penalty=7, watched=40, unwatched=70, accuracy=100, hide="yes")
    assert r.hidden["watched"] == 1 and r.plain["watched"] == 0
    assert "Of its watched answers, 100% are hidden lies and 0% plain ones" in texts["probe"]
    assert r.plain["unwatched"] > 0 and "So most of its lies" in texts["probe"]
    assert failures(r, texts["probe"].replace("So most of", "So all of"))
    assert not failures(r, texts["probe"])


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
    assert "an estimate that stops updating once they stop choosing that answer" in panel["key"]


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
     "83% of chances when watched and 99% when unwatched, against the 80% and 99% without it"),
])
def test_more_lies_with_the_probe_in_one_situation_is_said_against_without_it(client, query, shown):
    """Review 6, #5, /reward-function-design?gain=5.5&penalty=5&watched=95&unwatched=60&accuracy=95&hide=yes:
    '…, against the 80% and 99% without it: more when watched' reads as 'more when watched than unwatched', false
    (83% < 99%). It says more than without it."""
    probe = _api(client, "/api/reward-function-design/lying", **query)["claims"]["probe"]
    assert shown + ": more than without it when watched" in probe, probe
    assert ": more when" not in probe
    r, texts, _ = lying(**query)
    assert not failures(r, probe)
    assert failures(r, probe.replace(": more than without it when watched", ": more than without it when unwatched"))


# ------------------------------------------------------------------- seventh review

@pytest.mark.parametrize("state, old", [
    (dict(gain=4.5, penalty=15, watched=85, unwatched=95, accuracy=65, hide="no"),
     "when unwatched, up from the under 1% and under 1% without it;"),
    (dict(gain=0.5, penalty=20, watched=75, unwatched=100, accuracy=55, hide="no"),
     "when unwatched, against the under 1% and under 1% without it: more than without it when watched;"),
])
def test_lies_near_none_with_and_without_the_probe_are_about_as_seldom_not_more(state, old):
    """Review 7 (pages B #5): with the probe it lied in 1% of chances (or under 1%), without it under 1% in both, and
    the sentence said "more than the under 1% and under 1% without it": a change no reader can see, written twice.
    Where every share, with and without the probe, reads 1% or less, it lies about as seldom as without it."""
    r, texts, _ = lying(**state)
    assert all(rounded(100 * r.at(reward, s)) <= 1 for reward in ("probe", "behaviour") for s in ("watched", "unwatched"))
    probe = texts["probe"]
    assert "more than" not in probe and "under 1% and under 1%" not in probe
    assert "when unwatched, about as seldom as without it (under 1% in both);" in probe, probe
    assert not failures(r, probe)
    assert failures(r, re.sub(r"when unwatched, about as seldom as without it \(under 1% in both\);", old, probe))


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
    assert "when unwatched, about as seldom as without it (under 1% and 2%);" in probe, probe
    assert failures(r, probe.replace("when unwatched, about as seldom as without it (under 1% and 2%);",
                                     "when unwatched, against the under 1% and 2% without it: more than without it when "
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
    assert "Honesty still loses in both situations:" in text and "Honesty still loses when" not in text
    head, _, rest = text.partition("Honesty still loses in both situations:")
    worth = pts_of(r, "unwatched")
    wrong = head + f"Honesty still loses when unwatched:{rest.split(', and even so')[0]}, and even so a lie there is worth {worth} on average."
    assert [f for t in LYING.all_truths for f in t.failures(r, wrong)]


def pts_of(r, situation):
    from app.pages.reward_function_design.present import pts
    return pts(r.worth("probe", r.watched if situation == "watched" else r.unwatched))


@pytest.mark.parametrize("state", [
    dict(gain=2, penalty=19, watched=20, unwatched=20, accuracy=50, hide="no"),
    dict(gain=4, penalty=18, watched=45, unwatched=60, accuracy=50, hide="yes"),
    dict(gain=5, penalty=15, watched=30, unwatched=45, accuracy=50, hide="yes"),
])
def test_a_coin_toss_probe_is_not_said_to_raise_lying_without_saying_the_rise_is_noise(state):
    """Review 9, pages B 2: at 50% accuracy the probe flags lies and honest answers alike, so a lie is worth the
    same with it as without; yet the claim said it lies 'more than the 6% in both without it', as if the probe
    had pushed it to lie. The rise is said to be noise from its random flags, not a push toward lying."""
    r, texts, _ = lying(**state)
    for s in ("watched", "unwatched"):
        assert r.worth("probe", getattr(r, s)) == r.worth("behaviour", getattr(r, s))
    assert any(r.at("probe", s) > r.at("behaviour", s) + 0.02 for s in ("watched", "unwatched"))
    text = texts["probe"]
    assert "up from" in text
    clause = ("the probe's flags fall on lies and honest answers alike, so the rise is noise they add to learning, not a "
              "push toward lying")
    if state["hide"] == "no":
        assert clause in text
    else:
        # Review 10, pages B 2: where it can hide, it picks the better of two ways to lie, which favours lying: the
        # rise is not only noise, so the clause is not said, and its predicate refuses it
        assert clause not in text
        assert [f for t in LYING.all_truths for f in t.failures(r, text + " though " + clause + ".")]


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
    assert "a hidden lie is worth +7.5 points when watched" in text


@pytest.mark.parametrize("state, reason", [
    (dict(gain=3.5, penalty=16, watched=30, unwatched=50, accuracy=60, hide="yes"),
     "up from the 4% and 1% without it. A hidden lie is worth on average what a lie was without it, but "
     "the probe's false alarms make every payoff noisy. When watched, its agents learned to expect 1.7 "
     "points less from lying (the better of a plain lie and a hidden one) than from the truth (2 less "
     "without the probe), while a hidden lie is worth 1.3 points less than the truth on average, so they "
     "rate lying within a point of its worth there. By their average learned values alone, the agents "
     "trained without the probe would lie there in 2% of chances and those trained with it in 3%, so with "
     "the probe, noise in the payoffs adds lies beyond what those values give. When unwatched, they "
     "learned to expect 3 points less from lying than from the truth (2.4 less without the probe), while "
     "a hidden lie is worth 4.5 points less than the truth on average, so they overrate lying there. By "
     "their average learned values alone, the agents trained without the probe would lie there in 1% of "
     "chances and those trained with it in under 1%, so with the probe, noise in the payoffs adds lies "
     "beyond what those values give."),
    (dict(gain=3.5, penalty=16, watched=30, unwatched=50, accuracy=55, hide="no"),
     "against the 4% and 1% without it: more than without it when watched, though the probe makes a lie worth less on "
     "average; the rise when watched is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares)."),
])
def test_a_rise_in_lying_with_the_probe_is_given_its_reason(state, reason):
    """At these states the probe-trained agents lie more than the behaviourist ones, and the sentence said only
    'more than … without it'. In the model the probe changes just two things, a lie's average worth and the noise
    of its flags; where a lie is worth no more with it, the rise is the noise, and where the agent can hide, the
    sentence gives what its agents learned there beside what a hidden lie is worth. Its predicate needs the rise."""
    r, texts, _ = lying(**state)
    assert any(r.at("probe", s) > r.at("behaviour", s) + 0.01 for s in ("watched", "unwatched"))
    for s in ("watched", "unwatched"):
        assert r.worth("probe", getattr(r, s)) <= r.worth("behaviour", getattr(r, s))
    assert reason in texts["probe"]
    calm = lying(**{**state, "accuracy": 90, "hide": "no"})
    assert not any(c.at("probe", s) > c.at("behaviour", s) for c in calm[:1] for s in ("watched", "unwatched"))
    assert [f for t in LYING.all_truths for f in t.failures(calm[0], calm[1]["probe"] + " " + reason)]


@pytest.mark.parametrize("state, situation, tail", [
    (dict(gain=2, penalty=7, watched=35, unwatched=0, accuracy=100, hide="yes"), "watched", None),
    (dict(gain=9.5, penalty=16, watched=60, unwatched=55, accuracy=70, hide="yes"), "watched",
     ". By their average learned values alone, the agents trained without the probe would lie there in 9% "
     "of chances and those trained with it in 11%, so with the probe, noise in the payoffs adds lies "
     "beyond what those values give."),
])
def test_a_rise_beyond_chance_is_set_beside_what_each_groups_average_values_give(state, situation, tail):
    """Where the agents can hide their intent and lies rose with the probe beyond twice the scatter of the two kinds'
    shares, the tail gives the shares a softmax of each kind's average learned edge gives, and names noise only short
    of a perfect probe; its predicate checks the numbers it quotes."""
    r, texts, _ = lying(**state)
    band = 200 * math.hypot(r.scatter["probe"][situation], r.scatter["behaviour"][situation])
    assert 100 * (r.at("probe", situation) - r.at("behaviour", situation)) > band
    by = [1 / (1 + math.exp(-(lie - truth) / 0.5)) for lie, truth in (r.values[k][situation] for k in ("behaviour", "probe"))]
    if tail is None:
        tail = (f". By their average learned values alone, the agents trained without the probe would lie there in "
                f"{pct(by[0])} of chances and those trained with it in {pct(by[1])}.")
    assert tail in texts["probe"], texts["probe"]
    assert not failures(r, texts["probe"])
    assert failures(r, texts["probe"].replace(tail, tail[-1]))                 # without the tail: refused
    observed = tail.replace(f"in {pct(by[0])} of", f"in {pct(r.at('behaviour', situation))} of")
    assert observed != tail and failures(r, texts["probe"].replace(tail, observed))   # the average's share, not the run's
    noise = ", so with the probe, noise in the payoffs adds lies beyond what those values give"
    flipped = tail.replace(noise, "") if noise in tail else tail[:-1] + noise + tail[-1]
    assert failures(r, texts["probe"].replace(tail, flipped))                 # noise only where the excess says so


@pytest.mark.parametrize("state", [dict(gain=4.5, penalty=10, watched=55, unwatched=35, accuracy=95, hide="yes"),
                                   dict(gain=1.5, penalty=15, watched=90, unwatched=15, accuracy=90, hide="yes")])
def test_a_rise_in_one_situation_and_its_reason_read_as_one_sentence(state):
    """At these states the probe raises lying only unwatched, and the reason was chained to the sentence with a
    second colon ('… without it: more than without it when unwatched: its false alarms …'). One colon at most."""
    r, texts, _ = lying(**state)
    first = texts["probe"].split(". ")[0]
    assert first.endswith("more than without it when unwatched"), first
    assert "when unwatched. A hidden lie is worth on average" in texts["probe"]
    assert ". There, its agents learned to expect" in texts["probe"]
    assert first.count(":") <= 1, first


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


def test_hidden_lies_worth_nothing_are_not_said_to_be_a_learned_habit_of_lying():
    """At gain 0 with hiding possible, a hidden lie unwatched is worth just what the truth is; the probe sentence called
    the probe agents' hidden lies there a learned habit of hiding (round 11), then 'chance' beside a bias it names that
    overrates lying (round 13). What they learned is to shun plain lies; the probe pushes neither way there."""
    r, texts, _ = lying(gain=0, penalty=10, watched=80, unwatched=0, accuracy=90, hide="yes")
    assert r.worth("probe", r.unwatched) == 0 and r.hidden["unwatched"] > 0.4
    said = ("A hidden lie there is worth on average just what the truth is, so nothing pushes it toward either; "
            "what it learned is to shun plain lies.")
    assert said in texts["probe"] and "is chance" not in texts["probe"], texts["probe"]
    other, other_texts, _ = lying(gain=4, penalty=10, watched=80, unwatched=0, accuracy=90, hide="yes")
    assert "toward either" not in other_texts["probe"]
    assert failures(other, other_texts["probe"].replace("of the time).", "of the time). " + said))


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
     "so they lie less often than not, and an agent learns what a lie is worth only by lying."),
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
    assert r.at("behaviour", "unwatched") == 0.995 and marker["customdata"][0] == "over 99%"
    assert "over 99% when unwatched" in texts["caught"]
    for trace in threshold + learning:
        assert "%{customdata}" in trace["hovertemplate"] and "%{y" not in trace["hovertemplate"]
        assert not any(c in ("100%", "0%") for c, y in zip(trace["customdata"], trace["y"]) if 0 < y < 1)
    r, _, _ = lying(unwatched=0)
    marker = next(t for t in threshold_figure(r)["data"] if t["name"] == "Unwatched")
    assert r.at("behaviour", "unwatched") == 0.9995 and marker["y"][0] < 1 and marker["customdata"][0] == "over 99%"


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


@pytest.mark.parametrize("state", [
    dict(gain=0, penalty=1, watched=100, unwatched=100, accuracy=100, hide="yes"),
    dict(gain=0, penalty=1, watched=0, unwatched=100, accuracy=100, hide="yes"),
])
def test_a_rise_where_every_payoff_is_certain_is_not_put_down_to_noisy_estimates(state):
    """/reward-function-design?gain=0&penalty=1&watched=100&unwatched=100&accuracy=100&hide=yes: a lie is always
    caught and the probe is perfect, so every answer pays the same every time (the truth 0, a hidden lie −1, a plain
    lie −2), yet the rise was put down to 'the better of two noisy estimates'. The sentence gives what its agents
    learned there and what a hidden lie pays, 'every time', with no noise named."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    more = [s for s in ("watched", "unwatched") if pct(r.at("probe", s)) != pct(r.at("behaviour", s))]
    assert more and all(getattr(r, s) in (0, 1) for s in more) and r.accuracy == 1
    assert all(r.worth("probe", getattr(r, s)) < 0 for s in more)           # a hidden lie pays less than the truth
    assert "noisy" not in probe
    for s in more:
        worth = r.worth("probe", getattr(r, s))
        assert f"a hidden lie pays {points(-worth).lstrip('+')} point" in probe and "less than the truth every time" in probe, probe
    old = probe.split(". ")[0] + ("; with two ways to lie, it judges lying by the better of two noisy estimates, "
                                  "which overrates it. It flags 100% of the lies it can read and 0% of honest "
                                  "answers and hidden lies.")
    assert failures(r, old)
    assert not failures(r, probe)


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
        assert f"Honesty still loses when {s}" not in probe, probe
        assert "Honesty still loses in both" not in probe, probe
    assert not failures(r, probe)
    flags = f"it flags {pct(r.accuracy)} of lies and {pct(1 - r.accuracy)} of honest answers"
    head = probe.split(". ")[0].split(";")[0]
    for s in zero:
        old = head + (f". Honesty still loses when {s}: {flags}, and even so a lie there is worth 0 points on average "
                      "against the truth.")
        assert failures(r, old), old


@pytest.mark.parametrize("state, s, still", [
    (dict(gain=7.5, penalty=18, watched=35, unwatched=85, accuracy=50, hide="no"), "watched", False),
    (dict(gain=3.5, penalty=18, watched=15, unwatched=50, accuracy=50, hide="yes"), "watched", False),
    (dict(gain=9, penalty=12, watched=25, unwatched=95, accuracy=55, hide="yes"), "watched", True),
])
def test_honesty_is_said_to_still_lose_only_where_it_lost_without_the_probe_too(state, s, still):
    """/reward-function-design?gain=7.5&penalty=18&watched=35&unwatched=85&accuracy=50&hide=no: without the probe it
    lies in 39% of watched chances (the caught sentence: 'they lie less often than not'), yet the probe sentence said
    'Honesty still loses when watched'. 'Still' only where the share without the probe was 50% or more, as shown."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert (round(100 * r.at("behaviour", s)) >= 50) == still and round(100 * r.at("probe", s)) >= 50
    said = f"Honesty {'still ' if still else ''}loses when {s}:"
    assert said in probe and not failures(r, probe), probe
    wrong = probe.replace(said, f"Honesty {'' if still else 'still '}loses when {s}:")
    assert wrong != probe and failures(r, wrong)


@pytest.mark.parametrize("state, said", [
    (dict(gain=4, penalty=10, watched=80, unwatched=50, accuracy=90, hide="no"),
     "when unwatched; the probe flags 90% of lies and 10% of honest answers."),
    (dict(gain=4, penalty=10, watched=80, unwatched=10, accuracy=60, hide="no"),
     "Honesty still loses when unwatched: the probe flags 60% of lies and 40% of honest answers"),
    (dict(gain=0, penalty=2, watched=15, unwatched=60, accuracy=75, hide="yes"),
     "but the probe's false alarms make every payoff noisy"),
])
def test_it_is_the_agent_and_what_the_probe_does_is_said_of_the_probe(state, said):
    """/reward-function-design?gain=4&penalty=10&watched=80&unwatched=50&accuracy=90&hide=no: 'and it lies in 1% of
    chances … ; it flags 90% of lies': the first 'it' was the agent, the second the probe. The probe's clauses now name
    it."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert said in probe and not failures(r, probe), probe
    assert probe.startswith("Add the probe (") and ", and it lies in " in probe
    if "flags" in said:
        assert failures(r, probe.replace("the probe flags", "it flags"))


@pytest.mark.parametrize("state, why", [
    (dict(gain=4, penalty=4, watched=80, unwatched=0, accuracy=100, hide="no"),
     "When unwatched, every lie is flagged and the penalty takes back just what it gains, so a lie pays what the truth "
     "does, and its 51% there is chance, not a learned habit of lying."),
    (dict(gain=3, penalty=3, watched=100, unwatched=0, accuracy=100, hide="no"),
     "When unwatched, every lie is flagged and the penalty takes back just what it gains, so a lie pays what the truth "
     "does, and its 51% there is chance, not a learned habit of lying."),
    (dict(gain=6, penalty=4, watched=80, unwatched=50, accuracy=100, hide="no"),
     "When unwatched, a lie is worth on average just what the truth is, so nothing pushes it either way: its 46% "
     "there is no learned habit of lying."),
    (dict(gain=4, penalty=10, watched=0, unwatched=0, accuracy=70, hide="no"),
     "In both situations, a lie is worth on average just what the truth is, so nothing pushes it either way: its 52% "
     "in each is no learned habit of lying."),
])
def test_lying_about_half_the_time_where_a_flagged_lie_pays_what_the_truth_does_is_given_its_reason(state, why):
    """/reward-function-design?gain=4&penalty=4&watched=80&unwatched=0&accuracy=100&hide=no#probe: a perfect probe
    flags every unwatched lie and the penalty takes back the 4 it gains, so a lie pays 0, as the truth does; the
    agents' values stay level and they lie in 51% of chances. The sentence put '51% when unwatched' beside 'it
    flags 100% of lies' with no reason, as if the perfect probe had failed. The reason is now given: a coin toss
    where every payoff is certain, no push either way where a lie is worth 0 only on average."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert probe.endswith(why), probe
    assert not failures(r, probe)
    pays = lying(**{**state, "gain": state["gain"] + 0.5})
    assert failures(pays[0], pays[1]["probe"].split(why[:12])[0].rstrip() + " " + why), "a lie worth 0.5 is no even bet"


@pytest.mark.parametrize("state, shift, reason", [
    (dict(gain=2, penalty=15, watched=0, unwatched=15, accuracy=50, hide="no"),
     "it lies in 77% of chances when watched and 38% when unwatched, against the 98% and 12% without it: fewer when "
     "watched but more when unwatched",
     ", though the probe's flags fall on lies and honest answers alike, so the rise when unwatched is noise they add to "
     "learning, not a push toward lying."),
    (dict(gain=1.5, penalty=20, watched=0, unwatched=10, accuracy=50, hide="yes"),
     "it lies in 82% of chances when watched and 58% when unwatched, against the 95% and 7% without it: fewer when "
     "watched but more when unwatched",
     ". A hidden lie is worth on average what a lie was without it, but the probe's false alarms make "
     "every payoff noisy. There, its agents learned to expect 0.7 points more from lying (the better of a "
     "plain lie and a hidden one) than from the truth (1.8 less without the probe), while a hidden lie is "
     "worth 0.5 points less than the truth on average, so they overrate lying there. By their average "
     "learned values alone, the agents trained without the probe would lie there in 3% of chances and "
     "those trained with it in 80%."),
])
def test_more_lies_with_the_probe_in_one_situation_and_fewer_in_the_other_are_both_said_with_the_rises_reason(
        state, shift, reason):
    """/reward-function-design?gain=2&penalty=15&watched=0&unwatched=15&accuracy=50&hide=no#probe: with the probe
    the agents lie in 38% of unwatched chances against 12% without it, where a lie loses on average, and the sentence
    neither said so nor why (it named a rise only where the other situation did not fall; watched fell, 98% to 77%).
    Both changes are said, and the rise gets its reason."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert shift + reason in probe, probe
    assert not failures(r, probe)
    swapped = probe.replace("fewer when watched but more when unwatched", "fewer when unwatched but more when watched")
    assert failures(r, swapped)
    calm = lying(**{**state, "accuracy": 90, "hide": "no"})
    assert failures(calm[0], calm[1]["probe"].split(". ")[0] + ", against the 98% and 12% without it: fewer when "
                    "watched but more when unwatched.")


def test_a_fall_within_twice_the_scatter_is_said_too_small_to_tell_from_chance_like_a_rise():
    """/reward-function-design?gain=3.5&penalty=10&watched=30&unwatched=50&accuracy=75&hide=yes: watched lies went from
    55% to 52%, under a seventh of twice the scatter of the difference, and the head said 'fewer when watched' while
    the unwatched rise, nearer its band, was called too small to tell from chance. A fall gets the same test."""
    r, texts, _ = lying(gain=3.5, penalty=10, watched=30, unwatched=50, accuracy=75, hide="yes")
    probe = texts["probe"]
    fall = 100 * (r.at("behaviour", "watched") - r.at("probe", "watched"))
    assert 0 < fall <= 200 * math.hypot(r.scatter["probe"]["watched"], r.scatter["behaviour"]["watched"])
    said = "fewer when watched, by too little to tell from chance, but more when unwatched"
    assert said in probe and not failures(r, probe), probe
    assert failures(r, probe.replace(said, "fewer when watched but more when unwatched"))
    real = lying(gain=2, penalty=15, watched=0, unwatched=15, accuracy=50, hide="no")
    plain = "fewer when watched but more when unwatched"
    assert plain in real[1]["probe"], real[1]["probe"]
    assert failures(real[0], real[1]["probe"].replace(plain, said))       # a fall beyond the scatter is a fall


@pytest.mark.parametrize("state, s", [
    (dict(gain=10, penalty=20, watched=15, unwatched=0, accuracy=75, hide="no"), "unwatched"),
    (dict(gain=9, penalty=9, watched=90, unwatched=40, accuracy=80, hide="no"), "unwatched"),
    (dict(gain=7, penalty=10, watched=60, unwatched=15, accuracy=55, hide="no"), "watched"),
])
def test_a_lopsided_share_where_a_lie_is_worth_nothing_on_average_is_explained_by_what_the_agents_learned(state, s):
    """/reward-function-design?gain=10&penalty=20&watched=15&unwatched=0&accuracy=75&hide=no#probe: with the probe an
    unwatched lie is worth on average just what the truth is, yet the agents lie in 67% of chances there, and their
    learned values put a lie 0.8 points above the truth. The sentence said 'nothing pushes it either way: its 67% there
    is no learned habit of lying', which leads a reader to expect about half. Where the share is not near even, it
    now says what the agents learned to expect, as the caught sentence does for the behaviourist reward."""
    r, texts, _ = lying(**state)
    share, (lie, truth) = r.at("probe", s), r.values["probe"][s]
    assert r.worth("probe", getattr(r, s)) == 0
    assert not 0.395 <= share < 0.605, "a share far from even"
    assert (lie > truth) == (share > 0.5), "the learned values lean the way the agents lie"
    probe = texts["probe"]
    assert "nothing pushes it either way" not in probe and "no learned habit of lying" not in probe, probe
    said = (f"When {s}, a lie is worth on average just what the truth is; its agents learned to expect {points(lie)} "
            f"from a lie against {points(truth)} from the truth, and lie in {pct(share)} of chances there: noise in the "
            "payoffs, not their average, settles the habit.")
    assert said in probe, probe
    assert not failures(r, probe)
    old = (f"When {s}, a lie is worth on average just what the truth is, so nothing pushes it either way: its "
           f"{pct(share)} there is no learned habit of lying.")
    assert failures(r, probe.replace(said, old)), "the old wording is refused"
    assert failures(r, probe.replace(points(lie), points(lie + 1))), "the learned values are the model's"


@pytest.mark.parametrize("state, situation, old", [
    (dict(gain=5, penalty=18, watched=20, unwatched=50, accuracy=75, hide="no"), "unwatched",
     ", against the 63% and 1% without it: fewer when watched but more when unwatched, though the probe makes a lie worth "
     "less on average; the probe's false alarms make every payoff noisy, and that noise outweighs its small push toward "
     "honesty."),
    (dict(gain=7, penalty=20, watched=50, unwatched=95, accuracy=75, hide="no"), "watched",
     ", against the 1% and under 1% without it: more than without it when watched, though the probe makes a lie worth less "
     "on average; the probe's false alarms make every payoff noisy, and that noise outweighs its small push toward honesty."),
    (dict(gain=7.5, penalty=19, watched=60, unwatched=0, accuracy=70, hide="no"), "watched",
     ", against the 1% and 100% without it: fewer when unwatched but more when watched, though the probe makes a lie worth "
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
    assert "when unwatched, about as seldom as without it (1% and under 1%);" in texts["probe"], texts["probe"]


def test_the_probes_push_toward_honesty_is_called_small_only_where_it_is_small_against_the_gain():
    """A push toward honesty of 18 × (2 × 0.55 − 1) = 1.8 points against a gain of 3.5 is no small push: its size is
    given; 'small' stays where the push is at most half the gain (gain=6, penalty=18, accuracy=55: 1.8 points against 6).
    (Both where lies rise beyond twice the scatter of the agents' shares.)"""
    r, texts, _ = lying(gain=3.5, penalty=18, watched=40, unwatched=10, accuracy=55, hide="no")
    assert r.at("probe", "watched") - r.at("behaviour", "watched") > 0.01
    probe = texts["probe"]
    assert "small push" not in probe
    assert "and when watched that noise outweighs its push of 1.8 points toward honesty." in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("its push of 1.8 points", "its small push"))
    assert failures(r, probe.replace("its push of 1.8 points", "its push of 1.7 points"))
    r, texts, _ = lying(gain=6, penalty=18, watched=70, unwatched=60, accuracy=55, hide="no")
    assert "and when unwatched that noise outweighs its small push toward honesty." in texts["probe"], texts["probe"]
    assert failures(r, texts["probe"].replace("its small push", "its push of 1.8 points"))


def test_noise_is_never_said_to_outweigh_the_push_toward_honesty_where_honesty_now_wins_in_both():
    """Where lies rise with the probe in one situation yet stay under 20% in both (against 50% or more somewhere
    without it), 'that noise outweighs its push toward honesty' beside 'honesty now wins in both' reads as a
    contradiction: the rise is given as noise adding those lies instead. The shares at the first sliders above are
    set by hand to such a case (1% to 9% watched, over 99% to 2% unwatched)."""
    from dataclasses import replace
    base, _, _ = lying(gain=5, penalty=18, watched=20, unwatched=50, accuracy=75, hide="no")
    r = replace(base, situations={"behaviour": {"watched": 0.01, "unwatched": 0.995},
                                  "probe": {"watched": 0.09, "unwatched": 0.02}},
                scatter={k: {"watched": 0.005, "unwatched": 0.005} for k in ("behaviour", "probe")})
    probe = LYING.claim_texts(r)["probe"]
    assert "so honesty now wins in both" in probe, probe
    assert "outweighs" not in probe
    assert "the probe's false alarms make every payoff noisy, and when watched that noise, not a lie's worth, adds those lies." in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("and when watched that noise, not a lie's worth, adds those lies",
                                     "and when watched that noise outweighs its push of 9 points toward honesty"))


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


@pytest.mark.parametrize("changes,said", [
    (dict(gain=9.5, penalty=20, watched=0, unwatched=0, accuracy=75, hide="no"),
     "In both situations a lie is worth −0.5 points on average against the truth, yet it lies in 57% of chances: its agents learned to "
     "expect −5.5 from a lie against −5.9 from the truth"),
    (dict(gain=8.5, penalty=15, watched=70, unwatched=40, accuracy=55, hide="no"),
     "When unwatched, a lie is worth +1 point on average against the truth, yet it lies in 49% of chances: its agents learned to expect "
     "−7.7 from a lie there against −7.6 from the truth")])
def test_a_habit_with_the_probe_against_a_lies_worth_is_explained(changes, said):
    """/reward-function-design?gain=9.5&penalty=20&watched=0&unwatched=0&accuracy=75&hide=no: a lie loses 0.5 with the
    probe, yet the agents lie in 57% of chances, and the probe sentence said only the share. (And at
    …gain=8.5&penalty=15&watched=70&unwatched=40&accuracy=55: a lie gains 1 unwatched, yet 49% lies.) The sentence now
    says what the agents learned to expect, as the sentence without the probe does."""
    from app.pages.reward_function_design.present import PROBE_TRUTHS
    r = LYING.run({**LYING.defaults(), **changes})
    text = LYING.claim_texts(r)["probe"]
    s = "unwatched" if changes["watched"] else "watched"
    worth, share = r.worth("probe", r.unwatched if s == "unwatched" else r.watched), r.at("probe", s)
    assert (worth < 0 and share >= 0.5) or (worth > 0 and share < 0.5)
    assert said in text, text
    assert not [f for t in LYING.all_truths for f in t.failures(r, text)]
    wrong = text.replace("−5.5 from a lie against −5.9", "−5.9 from a lie against −5.5").replace(
        "−7.7 from a lie there against −7.6", "−7.6 from a lie there against −7.7")
    assert [f for t in PROBE_TRUTHS for f in t.failures(r, wrong)]


@pytest.mark.parametrize("changes, up, reason, said", [
    (dict(gain=6, penalty=20, watched=50, unwatched=15, accuracy=55, hide="no"), "watched",
     "the rise when watched is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares).",
     "When unwatched, a lie is worth +1 point on average against the truth, yet it lies in 48% of chances: its agents learned to expect "
     "−9.5 from a lie there against −10.2 from the truth, two values too close to settle the habit either way."),
    (dict(gain=9.5, penalty=13, watched=80, unwatched=60, accuracy=55, hide="no"), "watched",
     "the rise when watched is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares).",
     "When unwatched, a lie is worth +0.4 points on average against the truth, yet it lies in 29% of chances: its agents learned to "
     "expect −6.8 from a lie there against −6.5 from the truth, so they lie less often than not"),
    (dict(gain=3.5, penalty=16, watched=80, unwatched=0, accuracy=60, hide="no"), "watched",
     "the rise when watched is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares).",
     "When unwatched, a lie is worth +0.3 points on average against the truth, yet it lies in 46% of chances: its agents learned to "
     "expect −6.8 from a lie there against −6.9 from the truth, two values too close to settle the habit either way."),
    (dict(gain=8, penalty=19, watched=60, unwatched=30, accuracy=55, hide="no"), "watched",
     "and when watched that noise outweighs its small push toward honesty.",
     "When unwatched, a lie is worth +0.4 points on average against the truth, yet it lies in 46% of chances: its agents learned to "
     "expect −9.3 from a lie there against −9.7 from the truth"),
    (dict(gain=4, penalty=15, watched=15, unwatched=70, accuracy=55, hide="no"), "unwatched",
     "and when unwatched that noise outweighs its small push toward honesty.",
     "When watched, a lie is worth +0.3 points on average against the truth, yet it lies in 41% of chances: its agents learned to "
     "expect −7.6 from a lie there against −7.6 from the truth, two values too close to settle the habit either way."),
    (dict(gain=9.5, penalty=14, watched=60, unwatched=90, accuracy=50, hide="no"), "unwatched",
     "the rise when unwatched is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares).",
     "When watched, a lie is worth +1.1 points on average against the truth, yet it lies in 43% of chances: its agents learned to "
     "expect −7.2 from a lie there against −7.7 from the truth"),
])
def test_where_lies_rise_in_one_situation_the_fall_in_the_other_against_a_lies_worth_is_explained_too(
        changes, up, reason, said):
    """/reward-function-design?gain=6&penalty=20&watched=50&unwatched=15&accuracy=55&hide=no#probe: with the probe the
    agents lie more when watched (1% to 3%) and fewer when unwatched (89% to 48%), though a lie there still gains
    1 point on average. The sentence gave a reason only for the rise, unscoped ('that noise outweighs its small push
    toward honesty', false where lying fell by 41 points), and none for a habit against a lie's worth. The reason now
    names the situation it explains, and the other gets what its agents learned to expect."""
    r, texts, _ = lying(**changes)
    down = "watched" if up == "unwatched" else "unwatched"
    detect = {"watched": r.watched, "unwatched": r.unwatched}
    # the setting: lies rise where the reason is about, fall in the other, where a lie still gains on average
    assert r.at("probe", up) > r.at("behaviour", up) and r.at("probe", down) < r.at("behaviour", down) - 0.05
    assert r.gain - r.penalty * (detect[down] + 2 * r.accuracy - 1) > 0 and r.at("probe", down) < 0.5
    probe = texts["probe"]
    assert reason in probe and said in probe, probe
    assert not failures(r, probe)
    unscoped = probe.replace(f"and when {up} that noise", "and that noise").replace(
        f"the rise when {up} is", "the rise is")
    assert failures(r, unscoped), "a reason for one situation's rise is no verdict on both"
    assert failures(r, probe.replace(reason, reason.replace(f"when {up}", f"when {down}"))), "named where lies fell"
    clause = probe[probe.index(f" When {down}, a lie is worth"):]
    assert failures(r, probe.replace(clause, "")), "the habit against a lie's worth is left unexplained"
    assert failures(r, unscoped.replace(clause, "")), "the old sentence is refused"


@pytest.mark.parametrize("changes", [dict(gain=2.5, penalty=5, watched=45, unwatched=45, accuracy=85, hide="yes"),
                                     dict(gain=4.5, penalty=13, watched=65, unwatched=30, accuracy=95, hide="yes"),
                                     dict(gain=7.5, penalty=17, watched=80, unwatched=40, accuracy=100, hide="yes")])
def test_where_most_of_its_lies_are_hidden_ones_hiding_is_what_it_learned(changes):
    """/reward-function-design?gain=2.5&penalty=5&watched=45&unwatched=45&accuracy=85&hide=yes#probe: 43% of its
    answers are hidden lies and 3% plain ones, so nearly all its lies are hidden; the sentence gave hiding a pass
    because hidden lies were under half of all answers, and explained the habit by a hidden lie's worth instead."""
    r, texts, _ = lying(**changes)
    probe = texts["probe"]
    hiding = [s for s in ("watched", "unwatched") if r.hidden[s] >= 0.1 and r.hidden[s] >= 2 * r.plain[s]]
    assert hiding and all(r.hidden[s] < 0.5 for s in hiding)
    assert "It learned to hide its intent" in probe and "yet it lies in" not in probe, probe
    assert all(f"{s} answers" in probe or "answers in each situation" in probe for s in hiding), probe
    assert not failures(r, probe)


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


@pytest.mark.parametrize("changes", [dict(gain=3, penalty=19, watched=0, unwatched=15, accuracy=60, hide="yes"),
                                     dict(gain=4, penalty=13, watched=20, unwatched=50, accuracy=85, hide="yes")])
def test_the_two_ways_to_lie_reason_names_the_situation_where_lies_rose(changes):
    """/reward-function-design?gain=3&penalty=19&watched=0&unwatched=15&accuracy=60&hide=yes: lying falls when watched
    (over 99% to 81%) and rises when unwatched, but the reason 'it judges lying by the better of two noisy estimates,
    which overrates it' read as a verdict on both, though watched the agents under-rate a hidden lie; and named for
    unwatched, it was false there too (a learned edge of −0.21 against a true worth of +0.15). What the agents
    learned is said for the situation where lies rose, and the verdict is the one its quoted numbers give."""
    r, texts, _ = lying(**changes)
    assert [s for s in ("watched", "unwatched") if r.at("probe", s) > r.at("behaviour", s)] == ["unwatched"]
    # Where lies rose, the agents' learned edge of a lie is below a hidden lie's true worth: no overrating to name.
    lie, truth = r.values["probe"]["unwatched"]
    assert lie - truth < r.worth("probe", r.unwatched)
    probe = texts["probe"]
    edge = rounded(lie - truth, 1)
    assert (re.search(r"more (?:than without it )?when unwatched\. [^.]+\. There, its agents learned to expect", probe)
            and f"expect {num(abs(edge), 1).rstrip('0').rstrip('.')} point" in probe), probe
    # the verdict is the one the quoted numbers give: never 'overrate' here
    assert "overrate" not in probe.replace("underrate", ""), probe
    said = re.search(r"so they (underrate lying|rate lying at its worth|rate lying within a point of its worth) there",
                     probe).group(1)
    assert not failures(r, probe)
    for wrong in {"overrate lying", "underrate lying", "rate lying at its worth", "rate lying within a point of its worth"} - {said}:
        assert failures(r, probe.replace(f"they {said} there", f"they {wrong} there"))
    assert failures(r, probe.replace("when unwatched. A hidden lie", "when watched. A hidden lie"))


def test_overrating_is_not_said_where_the_agents_underrate_a_hidden_lie():
    """/reward-function-design?gain=10&penalty=13&watched=75&unwatched=0&accuracy=65&hide=yes: 'which overrates it
    when watched', though watched the agents' learned edge of a lie is −0.88 against a true worth of +0.25."""
    r, texts, _ = lying(gain=10, penalty=13, watched=75, unwatched=0, accuracy=65, hide="yes")
    lie, truth = r.values["probe"]["watched"]
    assert lie - truth < r.worth("probe", r.watched)
    assert "they underrate lying there" in texts["probe"] and "overrates" not in texts["probe"], texts["probe"]
    assert failures(r, texts["probe"].replace("they underrate lying there", "they overrate lying there"))


def _quoted(text: str) -> float:
    return float(text.replace("−", "-").replace("+", ""))


@pytest.mark.parametrize("state", [
    dict(gain=6, penalty=18, watched=100, unwatched=30, accuracy=85, hide="yes"),
    dict(gain=9, penalty=20, watched=100, unwatched=45, accuracy=75, hide="yes"),
    dict(gain=3, penalty=20, watched=10, unwatched=15, accuracy=80, hide="yes"),
])
def test_a_rise_toward_a_lies_worth_is_not_put_down_to_overrating_it(state):
    """/reward-function-design?gain=6&penalty=18&watched=100&unwatched=30&accuracy=85&hide=yes (and the findings'
    two other states): lies rose when unwatched, where the agents' learned edge of lying over the truth (−4 against
    −2.8) is below what a hidden lie is worth (+0.6), yet the reason given was 'the better of two noisy estimates,
    which can overrate it', unscoped. The sentence now says, for that situation, what they learned and what a hidden
    lie is worth, and 'underrate' only as those numbers, as shown, say."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert [s for s in ("watched", "unwatched") if r.at("probe", s) > r.at("behaviour", s) + 0.02] == ["unwatched"]
    m = re.search(r"more than without it when unwatched\. [^.]+\. There, its agents learned to expect (\S+) points? "
                  r"(less|more) from lying \(the better of a plain lie and a hidden one\) than from the truth \([^)]+\), "
                  r"while a hidden lie is worth (?:(\S+) points? (less|more) than the truth on average|on average just "
                  r"what the truth is), so they ([\w ]+) there", probe)
    assert m, probe
    edge = _quoted(m.group(1)) * (-1 if m.group(2) == "less" else 1)
    worth = _quoted(m.group(3)) * (-1 if m.group(4) == "less" else 1) if m.group(3) else 0.0
    lie, truth = r.values["probe"]["unwatched"]
    assert edge == rounded(lie - truth, 1) and worth == rounded(r.worth("probe", r.unwatched), 1)
    # 'underrate' more than a point below its worth, as quoted; never 'overrate'
    assert edge < worth and m.group(5) == ("underrate lying" if edge < worth - 1
                                           else "rate lying within a point of its worth")
    assert "overrate" not in probe.replace("underrate", "")
    old = probe.split(". There,")[0] + ("; the probe's false alarms make every payoff noisy, and with two ways to lie, it judges "
                                       "lying by the better of two noisy estimates, which can overrate it.")
    assert failures(r, old)
    assert not failures(r, probe)


@pytest.mark.parametrize("state", [
    dict(gain=0.5, penalty=1, watched=95, unwatched=100, accuracy=100, hide="yes"),
    dict(gain=0, penalty=1, watched=100, unwatched=100, accuracy=100, hide="yes"),
])
def test_an_untried_way_to_lie_is_not_said_to_stay_at_its_start(state):
    """/reward-function-design?gain=0.5&penalty=1&watched=95&unwatched=100&accuracy=100&hide=yes: 'the less-tried one
    stays near its starting value of 0, above what it really pays', yet the agents' value of lying there is −0.484,
    0.016 above the −0.5 a hidden lie pays, nowhere near 0. The sentence quotes the value they learned."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert "starting value" not in probe and "stays near" not in probe
    risen = [s for s in ("watched", "unwatched") if r.at("probe", s) > r.at("behaviour", s) + 0.01]
    assert risen
    for s in risen:
        lie, truth = r.values["probe"][s]
        assert abs(lie) > abs(r.worth("probe", getattr(r, s))) / 2          # far from its start at 0
        assert f"expect {num(abs(lie - truth), 1).rstrip('0').rstrip('.')} points less from lying" in probe, probe
    old = probe.split(". ")[0] + ("; with two ways to lie, it judges lying by the better of two estimates, and the "
                                  "less-tried one stays near its starting value of 0, above what it really pays.")
    assert failures(r, old)
    assert not failures(r, probe)


def test_a_rise_where_payoffs_are_certain_gets_no_noisy_estimate_reason():
    """/reward-function-design?gain=6&penalty=6&watched=90&unwatched=100&accuracy=100&hide=yes: unwatched a lie is
    always caught and the probe is perfect, so every answer pays the same each time (a hidden lie 6 − 6 = 0, the truth
    0) and the caught sentence calls the share there chance; the probe sentence put that rise (48% to 50%) down to
    'two noisy estimates, which can overrate it'. It now says a hidden lie pays 0 every time there, as the agents
    learned, and names no noise."""
    r, texts, _ = lying(gain=6, penalty=6, watched=90, unwatched=100, accuracy=100, hide="yes")
    probe = texts["probe"]
    assert r.worth("probe", r.unwatched) == 0 and r.values["probe"]["unwatched"] == (0, 0)
    assert "chance, not a learned habit of lying" in texts["caught"]
    assert "noisy" not in probe
    assert ("When unwatched, they learned to expect as much from lying as from the truth (the same as the truth without the probe), while a hidden lie pays "
            "just what the truth does every time, so they rate lying at its worth there" in probe)
    assert ("watched, its agents learned to expect 0.6 points more from lying" in probe
            and "worth 0.6 points more than the truth on average" in probe)
    old = probe.split(". ")[0] + ("; with two ways to lie, it judges lying by the better of two noisy estimates, which "
                                  "can overrate it.")
    assert failures(r, old)
    assert failures(r, probe.replace("pays just what the truth does every time", "is worth on average just what the truth is"))
    assert not failures(r, probe)


@pytest.mark.parametrize("state, s", [
    (dict(gain=0, penalty=2, watched=15, unwatched=15, accuracy=75, hide="yes"), "watched"),
    (dict(gain=3, penalty=20, watched=10, unwatched=15, accuracy=80, hide="yes"), "watched"),
    (dict(gain=6.5, penalty=2, watched=55, unwatched=40, accuracy=60, hide="yes"), "unwatched"),
])
def test_hidden_and_plain_lies_add_up_to_the_share_of_lies_quoted(state, s):
    """/reward-function-design?gain=0&penalty=2&watched=15&unwatched=15&accuracy=75&hide=yes: 'it lies in 36% of
    chances when watched … Of its watched answers, 30% are hidden lies and 7% plain ones': 37, not 36 (and at the
    third state 54% + 47% of its answers, 101%). The two parts, each rounded down or up, add up to the share quoted."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    total = re.search(rf"((?:over |under )?\d+)% (?:of chances )?when {s}", probe).group(1)
    m = re.search(rf"(?:Of its (?:{s} answers|answers in each situation), (\d+)% are hidden lies and|(\d+)% of its "
                  rf"(?:{s} answers|answers in each situation) are hidden lies, against) (\d+)% plain ones", probe)
    assert m, probe
    hidden, plain = int(m.group(1) or m.group(2)), int(m.group(3))
    assert hidden + plain == int(total.split()[-1]), probe
    assert abs(hidden - 100 * r.hidden[s]) < 1 and abs(plain - 100 * r.plain[s]) < 1
    old = probe.replace(m.group(0), f"Of its {s} answers, {share(r.hidden[s])} are hidden lies and "
                                    f"{share(r.plain[s])} plain ones")
    assert old != probe and failures(r, old)
    assert not failures(r, probe)


@pytest.mark.parametrize("state,ending", [
    (dict(gain=7, penalty=18, watched=30, unwatched=30),
     ": in both it lies in more than half its chances, as the sign of that average says."),
    (dict(gain=1, penalty=2, watched=45, unwatched=45),
     ": in both it lies in more than half its chances, as the sign of that average says."),
    (dict(gain=1.5, penalty=2, watched=80, unwatched=70),
     ": it lies in more than half its chances when unwatched, where a lie gains on average, and in fewer than half when "
     "watched, where it loses."),
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


@pytest.mark.parametrize("state", [
    dict(gain=0, penalty=20, watched=80, unwatched=20, accuracy=90, hide="yes"),
    dict(gain=10, penalty=20, watched=100, unwatched=0, accuracy=50, hide="yes"),
    dict(gain=8.5, penalty=20, watched=25, unwatched=0, accuracy=90, hide="yes"),
])
def test_the_rating_of_lying_can_be_checked_from_the_numbers_beside_it(state):
    """/reward-function-design?gain=0&penalty=20&watched=80&unwatched=20&accuracy=90&hide=yes (and two more): 'its
    agents learned to expect −5.2 from lying … against −2.3 from the truth, and a hidden lie is worth −4 points on
    average, so they overrate lying there': −5.2 is below −4, so the verdict read backwards; the −4 was counted against
    the truth, the −5.2 was not. The sentence now quotes what the agents expect from lying against the truth and what
    a hidden lie is worth against the truth, and the verdict follows from those two numbers as written."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    m = re.search(r"There, its agents learned to expect (\S+) points? (less|more) from lying \(the better of a plain lie "
                  r"and a hidden one\) than from the truth \([^)]+\), while a hidden lie is worth (\S+) points? (less|more) "
                  r"than the truth on average, so they ([\w ]+?) there", probe)
    assert m, probe
    edge, worth = _signed_than(m.group(1), m.group(2)), _signed_than(m.group(3), m.group(4))
    s = re.search(r"more than without it when (watched|unwatched)", probe).group(1)
    lie, truth = r.values["probe"][s]
    assert edge == rounded(lie - truth, 1) and worth == rounded(r.worth("probe", getattr(r, s)), 1)
    gap = round(edge - worth, 1)
    assert m.group(5) == ("overrate lying" if gap > 1 else "underrate lying" if gap < -1
                          else "rate lying within a point of its worth" if gap else "rate lying at its worth")
    assert m.group(5) == "overrate lying" and edge > worth          # at these states: above its worth, as written
    assert failures(r, probe.replace("so they overrate lying there", "so they underrate lying there"))
    assert not failures(r, probe)


@pytest.mark.parametrize("state, s", [
    (dict(gain=10, penalty=18, watched=10, unwatched=55, accuracy=90, hide="yes"), "unwatched"),
    (dict(gain=1, penalty=19, watched=15, unwatched=80, accuracy=85, hide="yes"), "watched"),
    (dict(gain=9.5, penalty=18, watched=55, unwatched=50, accuracy=90, hide="yes"), "unwatched"),
])
def test_a_rise_the_agents_average_does_not_explain_is_put_down_to_the_noise(state, s):
    """/reward-function-design?gain=10&penalty=18&watched=10&unwatched=55&accuracy=90&hide=yes (and two more): with
    the probe, unwatched lies went from 13% to 27%, and the sentence gave no reason, only the agents' learned values,
    whose edge for lying (−1.6) is lower than without the probe (−1.5). It now says that a hidden lie is worth what a
    lie was without the probe, that the false alarms make every payoff noisy, and, since on average the agents rate
    lying no higher than without the probe, that the rise is too small to tell from chance where it is within two
    standard errors, or else what each group's average values give (and noise, where the excess says so)."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert r.at("probe", s) > r.at("behaviour", s) + 0.05 and r.accuracy < 1
    assert r.worth("probe", getattr(r, s)) == r.worth("behaviour", getattr(r, s))
    (pl, pt), (bl, bt) = r.values["probe"][s], r.values["behaviour"][s]
    assert rounded(pl - pt, 1) <= rounded(bl - bt, 1)
    assert "A hidden lie is worth on average what a lie was without it, but the probe's false alarms make every payoff noisy" in probe
    assert f"({num(abs(bl - bt), 1).rstrip('0').rstrip('.')} less without the probe)" in probe, probe
    tail = re.search(r"(?:\. But the rise is too small to tell from chance in this run \(within twice the standard error "
                     r"of the gap between the two groups' shares\)|\. By their average learned values alone, the agents trained without the probe would "
                     r"lie there in (?:under |over )?\d+% of chances and those trained with it in (?:under |over )?\d+%(?:, so "
                     r"with the probe, noise in the payoffs adds lies beyond what those values give)?)(?=\. )", probe)
    assert tail, probe
    assert failures(r, probe.replace(tail[0], ""))
    assert not failures(r, probe)


def test_a_rise_where_every_payoff_is_certain_and_the_values_unchanged_is_not_said_to_be_chance():
    """/reward-function-design?gain=0.5&penalty=1&watched=95&unwatched=100&accuracy=100&hide=yes: unwatched lies go
    from 26% to 28%, where every payoff is certain and the probe-trained agents learned the values the behaviourist
    ones did. One run cannot show a rise is chance: it is said to be too small to tell from chance."""
    r, texts, _ = lying(gain=0.5, penalty=1, watched=95, unwatched=100, accuracy=100, hide="yes")
    probe = texts["probe"]
    assert r.at("probe", "unwatched") > r.at("behaviour", "unwatched")
    assert "A perfect probe never flags a hidden lie, so it pays what a lie did without it" in probe
    told = "But the rise is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares)"
    assert told in probe and "is chance" not in probe, probe
    assert "noisy" not in probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(told, "and the rise is chance in its 20 agents' random choices"))


@pytest.mark.parametrize("state, s", [
    (dict(gain=3.5, penalty=2, watched=35, unwatched=80, accuracy=60, hide="yes"), "watched"),
    (dict(gain=7.5, penalty=3, watched=85, unwatched=95, accuracy=95, hide="yes"), "watched"),
])
def test_the_hidden_share_reads_as_the_rooms_panel_and_a_sliver_of_plain_lies_under_1_percent(state, s):
    """/reward-function-design?gain=3.5&penalty=2&watched=35&unwatched=80&accuracy=60&hide=yes: the sentence said 75%
    of its watched answers are hidden lies where the rooms panel beside it says 76%; and at gain=7.5&penalty=3&
    watched=85&unwatched=95&accuracy=95, '99% … hidden lies, against 1% plain ones' where plain lies are 0.05% of its
    answers and the panel says 'over 99%'. The hidden share reads as the panel writes it, a plain share under half a
    percent as 'under 1%', and the two still add up to the share of lies quoted."""
    r, texts, panel = lying(**state)
    probe = texts["probe"]
    m = (re.search(rf"((?:over |under )?\d+%) of its (?:{s} answers|answers in each situation) are hidden lies, against "
                   r"((?:over |under )?\d+%) plain ones", probe)
         or re.search(rf"Of its {s} answers, ((?:over |under )?\d+%) are hidden lies and ((?:over |under )?\d+%) plain ones", probe))
    assert m, probe
    assert panel["cells"][f"probe-{s}"]["foot"] == f"hidden lies: {m.group(1)}"
    if r.plain[s] < 0.005:
        assert m.group(2) == "under 1%"
    else:
        assert abs(int(m.group(2).rstrip("%")) - 100 * r.plain[s]) < 1
    assert not failures(r, probe)


@pytest.mark.parametrize("query,said", [
    ("gain=9&penalty=12&watched=50&unwatched=70&accuracy=65&hide=yes", "(the same as the truth without the probe)"),
    ("gain=10&penalty=14&watched=20&unwatched=85&accuracy=75&hide=no", "on average against the truth, yet it lies in"),
])
def test_every_worth_and_edge_beside_learned_values_says_it_is_against_the_truth(query, said):
    """/reward-function-design?gain=9&penalty=12&watched=50&unwatched=70&accuracy=65&hide=yes read '0.5 points less …
    than from the truth (as much without the probe)', where the agents without the probe valued lying and the truth
    alike; at gain=4&penalty=19&watched=20&unwatched=90&accuracy=75&hide=yes 'worth +0.2 … learned to expect −7 from a
    lie … against −5.1 from the truth' set a worth against the truth beside values that are not."""
    from app.framework import parse_query
    values, problems = parse_query(LYING.params, [tuple(kv.split("=")) for kv in query.split("&")])
    assert not problems
    r = LYING.run({**LYING.defaults(), **values})
    probe = LYING.claim_texts(r)["probe"]
    assert said in probe, probe
    assert "(as much without the probe)" not in probe and "on average, yet it lies in" not in probe


@pytest.mark.parametrize("state, s, before, after", [
    (dict(gain=9.5, penalty=13, watched=50, unwatched=70, accuracy=55, hide="yes"), "unwatched", 29, 52),
    (dict(gain=10, penalty=20, watched=45, unwatched=15, accuracy=65, hide="yes"), "watched", 18, 37),
])
def test_a_rise_the_agents_average_values_account_for_is_not_put_down_to_noise(state, s, before, after):
    """/reward-function-design?gain=9.5&penalty=13&watched=50&unwatched=70&accuracy=55&hide=yes: unwatched lies went
    from 26% to 50%, and the sentence said the agents' average edge rose 'too little to lift lies from 26% to 50%' and
    that noise adds them. A softmax of their average learned edges (−0.446 and +0.042) gives 29% to 52%: the average
    accounts for the rise, so no noise is named. (The same at gain=10&penalty=20&watched=45&unwatched=15&accuracy=65:
    18% to 37% of 30% to 51%.)"""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    by = [100 / (1 + math.exp(-(lie - truth) / 0.5)) for lie, truth in (r.values[k][s] for k in ("behaviour", "probe"))]
    assert [round(x) for x in by] == [before, after]
    said = (f". By their average learned values alone, the agents trained without the probe would lie there in {before}% "
            f"of chances and those trained with it in {after}%")
    assert "noise in the payoffs" not in probe and "too little" not in probe, probe
    assert said + ". " in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(said, said + ", so with the probe, noise in the payoffs adds lies beyond what those "
                                                  "values give"))


def test_a_rise_far_beyond_what_the_agents_average_values_give_is_put_down_to_noise():
    """/reward-function-design?gain=4.5&penalty=20&watched=100&unwatched=30&accuracy=60&hide=yes: unwatched lies went
    from 3% to 28%, and the sentence gave no reason. The agents' average learned edges (−2.075 without the probe,
    −1.466 with it) give only 2% to 5% by the softmax; the rest is beyond two standard errors of the difference."""
    r, texts, _ = lying(gain=4.5, penalty=20, watched=100, unwatched=30, accuracy=60, hide="yes")
    probe = texts["probe"]
    tail = (". By their average learned values alone, the agents trained without the probe would lie there in 2% "
            "of chances and those trained with it in 5%, so with the probe, noise in the payoffs adds lies "
            "beyond what those values give.")
    assert "so they rate lying at its worth there" + tail in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(tail, "."))
    assert failures(r, probe.replace("in 2% of chances and those trained with it in 5%", "in 3% of chances and those trained with it in 28%"))


@pytest.mark.parametrize("state, s, old", [
    (dict(gain=1, penalty=1, watched=100, unwatched=5, accuracy=75, hide="yes"), "watched",
     ", and since on average they rate lying no higher than without the probe, noise in the payoffs, not their "
     "average, adds those lies"),
    (dict(gain=5.5, penalty=10, watched=50, unwatched=90, accuracy=65, hide="yes"), "watched",
     ", and since on average they rate lying only 0.1 points higher than without the probe, too little to lift lies "
     "from 44% to 50%, noise in the payoffs, not their average, adds those lies"),
])
def test_a_rise_within_the_scatter_of_the_agents_draws_is_called_chance(state, s, old):
    """/reward-function-design?gain=1&penalty=1&watched=100&unwatched=5&accuracy=75&hide=yes: watched lies went from
    48% to 51%, and the sentence put the rise down to noise in the payoffs; the caught sentence calls the 48% chance.
    The two kinds' shares differ by less than two standard errors of the difference (each the scatter of 20 agents'
    own shares), so the rise is chance. (Likewise 44% to 50% at gain=5.5&penalty=10&watched=50&unwatched=90&accuracy=65,
    where the sentence also quoted an edge's rise of 0.1 as the difference of two rounded edges, −0.054 and −0.242.)"""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    gap = 100 * (r.at("probe", s) - r.at("behaviour", s))
    assert 0 < gap <= 200 * math.hypot(r.scatter["probe"][s], r.scatter["behaviour"][s])
    chance = ". But the rise is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares)"
    assert chance in probe and old not in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(chance, old))
    beyond, _, _ = lying(gain=4.5, penalty=20, watched=100, unwatched=30, accuracy=60, hide="yes")
    text = LYING.claim_texts(beyond)["probe"]
    assert failures(beyond, text.replace(", so with the probe, noise in the payoffs adds lies beyond what those values "
                                         "give", "").replace(". By their average learned values alone, the agents trained without the probe would lie there in 2% "
                                                             "of chances and those trained with it in 5%", chance))


@pytest.mark.parametrize("state, s, old", [
    (dict(gain=2.5, penalty=19, watched=65, unwatched=15, accuracy=55, hide="no"), "unwatched",
     "; the probe's false alarms make every payoff noisy, and when unwatched that noise outweighs its push of 1.9 points toward "
     "honesty"),
    (dict(gain=6.5, penalty=16, watched=5, unwatched=40, accuracy=55, hide="no"), "unwatched",
     "; the probe's false alarms make every payoff noisy, and when unwatched that noise outweighs its small push toward honesty"),
])
def test_without_hiding_a_rise_within_the_agents_scatter_is_not_said_to_outweigh_the_push(state, s, old):
    """/reward-function-design?gain=2.5&penalty=19&watched=65&unwatched=15&accuracy=55&hide=no: unwatched lies went
    from 4% to 14%, and the sentence said the probe's noise outweighs its push toward honesty. Across other seeds the
    two shares average the same; the gap is within two standard errors of the difference of its 20 agents' shares."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    gap = 100 * (r.at("probe", s) - r.at("behaviour", s))
    assert 0 < gap <= 200 * math.hypot(r.scatter["probe"][s], r.scatter["behaviour"][s])
    chance = f"; the rise when {s} is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares)"
    assert "outweighs" not in probe and chance in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(chance, old))
    beyond, text, _ = lying(gain=3.5, penalty=18, watched=40, unwatched=10, accuracy=55, hide="no")
    reason = "; the probe's false alarms make every payoff noisy, and when watched that noise outweighs its push of 1.8 points toward honesty"
    assert reason in text["probe"]
    assert failures(beyond, text["probe"].replace(reason, "; the rise when watched is too small to tell from chance in "
                                                          "this run (within twice the standard error of the gap between the two groups' shares)"))


@pytest.mark.parametrize("state, said", [
    (dict(gain=1, penalty=18, watched=95, unwatched=60, accuracy=65, hide="yes"), "against under 1% in both without it"),
    (dict(gain=4.5, penalty=20, watched=100, unwatched=30, accuracy=60, hide="yes"), "against under 1% and 3% without it"),
])
def test_a_bounded_share_without_the_probe_takes_no_article(state, said):
    """/reward-function-design?gain=1&penalty=18&watched=95&unwatched=60&accuracy=65&hide=yes read 'against the under
    1% in both without it'."""
    r, texts, _ = lying(**state)
    assert said in texts["probe"], texts["probe"]
    assert not failures(r, texts["probe"])
    assert failures(r, texts["probe"].replace(said, said.replace("against ", "against the ")))


def test_learned_values_said_of_both_situations_rate_lying_in_each():
    """/reward-function-design?gain=0&penalty=20&watched=0&unwatched=0&accuracy=50&hide=yes: 'in both its agents
    learned … so they rate lying within a point of its worth there': 'there' has no one place after 'in both'."""
    r, texts, _ = lying(gain=0, penalty=20, watched=0, unwatched=0, accuracy=50, hide="yes")
    probe = texts["probe"]
    assert ". In both, its agents learned" in probe and "rate lying within a point of its worth in each. By" in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("its worth in each. By", "its worth there. By"))


def test_hidden_lies_a_perfect_probe_never_flags_are_said_never_flagged():
    """/reward-function-design?gain=4&penalty=10&watched=80&unwatched=10&accuracy=100&hide=yes: 'flagged only as
    often as an honest answer (0% of the time)' means never flagged."""
    r, texts, _ = lying(gain=4, penalty=10, watched=80, unwatched=10, accuracy=100, hide="yes")
    probe = texts["probe"]
    assert probe.endswith("so most of its lies there are never flagged, like an honest answer."), probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("never flagged, like an honest answer",
                                     "flagged only as often as an honest answer (0% of the time)"))
    r90, t90, _ = lying(gain=4, penalty=10, watched=80, unwatched=10, accuracy=90, hide="yes")
    if "flagged only as often" in t90["probe"]:
        assert failures(r90, t90["probe"].replace(re.search(r"flagged only as often as an honest answer \(\d+% of the "
                                                            r"time\)", t90["probe"])[0],
                                                  "never flagged, like an honest answer"))


@pytest.mark.parametrize("query", ["gain=2&penalty=1&watched=10&unwatched=50&accuracy=65&hide=yes",
                                   "gain=1.5&penalty=1&watched=30&unwatched=55&accuracy=65&hide=yes"])
def test_hiding_is_said_only_of_a_situation_where_hidden_lies_are_twice_the_plain_ones(query):
    """/reward-function-design?gain=1.5&penalty=1&watched=30&unwatched=55&accuracy=65&hide=yes#probe: 'It learned to
    hide its intent: 58% of its answers in each situation are hidden lies, against 32% plain ones when watched and 29%
    when unwatched': watched, hidden lies (57.5%) are under twice the plain ones (32.4%), no clear preference among 20
    agents, yet both situations were named because the hidden shares read alike."""
    r, texts, panel = lying(**{k: (v if k == "hide" else float(v)) for k, v in (kv.split("=") for kv in query.split("&"))})
    probe = texts["probe"]
    assert r.hidden["watched"] < 2 * r.plain["watched"] and r.hidden["unwatched"] >= 2 * r.plain["unwatched"]
    assert panel["cells"]["probe-watched"]["foot"] == panel["cells"]["probe-unwatched"]["foot"]
    m = re.search(r"It learned to hide its intent: (\d+%) of its unwatched answers are hidden lies, against (\d+%) plain "
                  r"ones, so most of its lies there are (flagged only as often as an honest answer \(\d+% of the time\))",
                  probe)
    assert m and "in each situation" not in probe and "watched answers" not in probe.replace("unwatched", ""), probe
    assert not failures(r, probe)
    plain_w = round(100 * r.plain["watched"])
    both = probe.replace(m[0], f"It learned to hide its intent: {m[1]} of its answers in each situation are hidden lies, "
                               f"against {plain_w}% plain ones when watched and {m[2]} when unwatched, so most of its "
                               f"lies are {m[3]}")
    assert both != probe and failures(r, both)


UNTOLD = "too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares)"


def _band(r, s):
    return 200 * math.hypot(r.scatter["probe"][s], r.scatter["behaviour"][s])


@pytest.mark.parametrize("state, s, said", [
    (dict(gain=1.5, penalty=15, watched=20, unwatched=75, accuracy=50, hide="no"), "watched",
     f"; the rise when watched is {UNTOLD}."),
    (dict(gain=6, penalty=19, watched=15, unwatched=55, accuracy=70, hide="yes"), "unwatched",
     f", so they overrate lying there. But the rise is {UNTOLD}."),
    (dict(gain=3, penalty=4, watched=35, unwatched=65, accuracy=100, hide="yes"), "watched",
     f", so they rate lying within a point of its worth there. But the rise is {UNTOLD}."),
    (dict(gain=2.5, penalty=16, watched=40, unwatched=15, accuracy=100, hide="yes"), "watched",
     f", so they overrate lying there. But the rise is {UNTOLD}. When unwatched,"),
])
def test_a_rise_within_twice_the_scatter_is_too_small_to_tell_from_chance_not_chance(state, s, said):
    """/reward-function-design?gain=1.5&penalty=15&watched=20&unwatched=75&accuracy=50&hide=no: watched lies rose
    from 6% to 16%, within twice the scatter of the two kinds' shares, and the sentence called the rise '(chance)';
    across other seeds it rises every time. One run can only say it cannot tell. (At gain=3&penalty=4&watched=35&
    unwatched=65&accuracy=100, 95% to 97% is 1.2 points by the exact shares, inside a band of 1.6: no average-values
    tail ending on a bare 'but'.)"""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    assert 0 < 100 * (r.at("probe", s) - r.at("behaviour", s)) <= _band(r, s)
    assert said in probe and "(chance)" not in probe and "is chance" not in probe, probe
    assert not failures(r, probe)
    if r.hide:       # the old '(chance)' verdict: no longer a form the sentence may take
        assert failures(r, probe.replace(said, said.replace(UNTOLD, "within the scatter of the 20 agents' random draws "
                                                                    "(chance)")))
    else:            # a mechanism for a rise that cannot be told from chance: refused
        assert failures(r, probe.replace(f"; the rise when {s} is {UNTOLD}", f", so the rise when {s} is noise they add "
                                                                             "to learning, not a push toward lying"))
    beyond, text, _ = lying(gain=3.5, penalty=18, watched=40, unwatched=10, accuracy=55, hide="no")
    reason = "; the probe's false alarms make every payoff noisy, and when watched that noise outweighs its push of 1.8 points toward honesty"
    assert failures(beyond, text["probe"].replace(reason, f"; the rise when watched is {UNTOLD}"))


def test_a_rise_beyond_twice_the_scatter_by_the_exact_shares_is_not_said_to_be_within_it():
    """/reward-function-design?gain=0.5&penalty=17&watched=25&unwatched=20&accuracy=50&hide=no: watched lies rose from
    1.55% to 4.1%, 2.55 points against a band of 2.47, and the sentence put it within the scatter because it
    subtracted the shown 2% from 4%. With a coin-toss probe both rises are the noise its flags add."""
    r, texts, _ = lying(gain=0.5, penalty=17, watched=25, unwatched=20, accuracy=50, hide="no")
    probe = texts["probe"]
    assert all(100 * (r.at("probe", s) - r.at("behaviour", s)) > _band(r, s) for s in ("watched", "unwatched"))
    said = ", so the rise is noise they add to learning, not a push toward lying."
    assert said in probe and "(chance)" not in probe and UNTOLD not in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(said, f", so the rise when unwatched is noise they add to learning, not a push "
                                           f"toward lying; the rise when watched is {UNTOLD}."))


@pytest.mark.parametrize("state, s, said", [
    (dict(gain=2.5, penalty=12, watched=35, unwatched=30, accuracy=95, hide="yes"), "watched",
     "By their average learned values alone, the agents trained without the probe would lie there in 3% "
     "of chances and those trained with it in 2%, so with the probe, noise in the payoffs adds lies "
     "beyond what those values give."),
    (dict(gain=2, penalty=4, watched=75, unwatched=85, accuracy=60, hide="yes"), "watched",
     "By their average learned values alone, the agents trained without the probe would lie there in 11% "
     "of chances and those trained with it in 8%, so with the probe, noise in the payoffs adds lies "
     "beyond what those values give."),
])
def test_the_average_values_shares_name_both_groups_and_a_predicted_fall_is_not_the_rest(state, s, said):
    """/reward-function-design?gain=2.5&penalty=12&watched=35&unwatched=30&accuracy=95&hide=yes: 'their average values
    alone would take lies from 3% to 2%: noise in the payoffs adds the rest' read 3% as where lies were (5%) and
    'their' as the probe-trained agents, and 'the rest' of a rise the average values would make a fall. Both groups'
    softmax shares are named as coming from average values, and noise is named where the probe-trained agents lie
    beyond their own softmax share by more than the behaviourist agents do, by over twice the scatter."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    by = [1 / (1 + math.exp(-(lie - truth) / 0.5)) for lie, truth in (r.values[k][s] for k in ("behaviour", "probe"))]
    assert by[1] < by[0] and r.at("probe", s) > r.at("behaviour", s)
    assert ((r.at("probe", s) - by[1]) - (r.at("behaviour", s) - by[0])) * 100 > _band(r, s)
    assert said in probe and "the rest" not in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(said, said.replace(", so with the probe, noise in the payoffs adds lies beyond "
                                                        "what those values give", "")))
    assert failures(r, probe.replace(said, said.replace(f"with it in {pct(by[1])}", f"with it in {pct(r.at('probe', s))}")))


def test_noise_is_not_named_where_the_probe_trained_agents_lie_no_further_beyond_their_average_values():
    """/reward-function-design?gain=1.5&penalty=20&watched=0&unwatched=10&accuracy=50&hide=yes: unwatched lies rose
    from 7% to 58%, and a softmax of each group's average learned values gives 3% and 80%: the probe-trained agents
    lie no further beyond their average values than the behaviourist ones, so the sentence gives the numbers and no
    verdict on noise."""
    r, texts, _ = lying(gain=1.5, penalty=20, watched=0, unwatched=10, accuracy=50, hide="yes")
    probe = texts["probe"]
    said = ("By their average learned values alone, the agents trained without the probe would lie there in 3% "
            "of chances and those trained with it in 80%.")
    assert said in probe and "noise in the payoffs adds" not in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(said, said[:-1] + ", so with the probe, noise in the payoffs adds lies beyond what "
                                                       "those values give."))


@pytest.mark.parametrize("state, said", [
    (dict(gain=6, penalty=18, watched=35, unwatched=65, accuracy=85, hide="yes"),
     "lie there in 5% of chances and those trained with it in 13%, which give under half of the rise: "
     "with the probe the agents lie 20 points more often than their values give, without it 9 points more often."),
    (dict(gain=2, penalty=9, watched=35, unwatched=30, accuracy=75, hide="yes"),
     "lie there in 7% of chances and those trained with it in 9%, which give under half of the rise: "
     "with the probe the agents lie 14 points more often than their values give, without it 5 points more often."),
    (dict(gain=0, penalty=2, watched=15, unwatched=60, accuracy=75, hide="yes"),
     "lie there in 34% of chances and those trained with it in 34%, which give none of the rise: "
     "with the probe the agents lie 2 points more often than their values give, without it 3 points less often."),
])
def test_a_rise_beyond_chance_the_average_values_give_under_half_of_says_where_each_group_runs_from_them(state, said):
    """/reward-function-design?gain=6&penalty=18&watched=35&unwatched=65&accuracy=85&hide=yes: watched lies rose from
    14% to 33%, beyond the scatter, and the clause ended on the two groups' average values giving 5% and 13%, with
    nothing for the rest of the rise. Where those give under half the rise (as shown) and no noise is named, it says
    how far each group's share runs from its values' share."""
    r, texts, _ = lying(**state)
    probe = texts["probe"]
    s = "watched"
    by = [100 / (1 + math.exp(-(lie - truth) / 0.5)) for lie, truth in (r.values[k][s] for k in ("behaviour", "probe"))]
    lied = [100 * r.at(k, s) for k in ("behaviour", "probe")]
    assert 2 * (round(by[1]) - round(by[0])) < round(lied[1]) - round(lied[0])
    assert said in probe and "noise in the payoffs adds lies" not in probe.split(said)[0][-300:], probe
    runs = [int(x) * (1 if side == "more" else -1) for x, side in re.findall(r"(\d+) points? (more|less) often", said)]
    assert runs == [round(lied[1]) - round(by[1]), round(lied[0]) - round(by[0])]
    assert not failures(r, probe)
    assert failures(r, probe.replace(said, said.split(", which")[0] + "."))                  # a bare tail: refused
    other = "none" if "under half" in said else "under half"
    assert failures(r, probe.replace(said, re.sub(r"none|under half", other, said, count=1)))
    assert failures(r, probe.replace(said, said.replace(" points more often than", " points less often than", 1)))


def test_noise_is_not_named_where_the_probe_trained_agents_lie_within_their_own_scatter_of_their_average_values():
    """/reward-function-design?gain=0&penalty=2&watched=15&unwatched=60&accuracy=75&hide=yes, watched: the agents with
    the probe lie in 36.3% of chances against the 34.3% their average values give, within their own scatter; the
    excess test counted the other agents' lying below theirs (31.0% against 33.7%) as noise the probe adds. Noise is
    now named only where the probe-trained agents' own excess is beyond two of their standard errors."""
    r, texts, _ = lying(gain=0, penalty=2, watched=15, unwatched=60, accuracy=75, hide="yes")
    probe = texts["probe"]
    assert "By their average learned values alone, the agents trained without the probe would lie there in" in probe, probe
    assert "noise in the payoffs adds lies" not in probe, probe
    noisy = re.sub(r"(trained with it in \d+%)", r"\1, so with the probe, noise in the payoffs adds lies beyond what those "
                   r"values give", probe, count=1)
    assert noisy != probe and failures(r, noisy)


def test_a_group_level_with_its_values_says_with_what_and_the_probes_clauses_name_the_probe():
    """/reward-function-design?gain=1.5&penalty=11&watched=30&unwatched=15&accuracy=60&hide=yes: '…run 13 points above
    those with the probe and level without it' left 'level' dangling; and at gain=6&penalty=18&watched=70&unwatched=60
    &accuracy=55&hide=no, '…and it lies in …, though it makes a lie worth less' switched 'it' from the agent to the
    probe."""
    r, texts, _ = lying(gain=1.5, penalty=11, watched=30, unwatched=15, accuracy=60, hide="yes")
    assert "than their values give, without it as often." in texts["probe"], texts["probe"]
    assert "level without it" not in texts["probe"]
    assert not failures(r, texts["probe"])
    r, texts, _ = lying(gain=6, penalty=18, watched=70, unwatched=60, accuracy=55, hide="no")
    assert "though the probe makes a lie worth less on average" in texts["probe"], texts["probe"]
    assert "though it makes" not in texts["probe"]


def test_where_it_hides_in_both_situations_both_are_named():
    """/reward-function-design?gain=6.5&penalty=7&watched=60&unwatched=65&accuracy=95&hide=yes: the agents hide in
    both situations (95% and 94% of their answers hidden lies), but the probe sentence named only the watched one."""
    r, texts, _ = lying(gain=6.5, penalty=7, watched=60, unwatched=65, accuracy=95, hide="yes")
    probe = texts["probe"]
    assert r.hidden == {"watched": 0.9465, "unwatched": 0.944} and r.plain["unwatched"] < 0.01
    assert ("It learned to hide its intent in both situations. Of its watched answers, 95% are hidden lies and under 1% "
            "plain ones; of its unwatched answers, 94% and 1%. So most of its lies are flagged only as often as an "
            "honest answer (5% of the time).") in probe, probe
    assert not failures(r, probe)
    one = probe.split(". It learned")[0] + (". It learned to hide its intent: 95% of its watched answers are hidden "
                                            "lies, against under 1% plain ones, so most of its lies there are flagged "
                                            "only as often as an honest answer (5% of the time).")
    assert failures(r, one)
    assert failures(r, probe.replace("94% and 1%", "95% and 1%"))


def test_alike_situations_where_a_hidden_lie_pays_what_the_truth_does_are_said_alike_and_not_a_learned_hiding():
    """/reward-function-design?gain=0&penalty=20&watched=0&unwatched=0&accuracy=100&hide=yes: the two situations are
    the same, yet it said 'watched … there', and 'It learned to hide' beside 'what it learned is to shun plain lies'.
    A hidden lie pays what the truth does in both: its lies are hidden, but hiding is no learned aim."""
    r, texts, _ = lying(gain=0, penalty=20, watched=0, unwatched=0, accuracy=100, hide="yes")
    probe = texts["probe"]
    assert r.hides("watched") and r.hides("unwatched") and r.worth("probe", 0) == 0
    assert ("When it lies, it hides its intent: 51% of its answers in each situation are hidden lies, against under 1% "
            "plain ones, so most of its lies are never flagged, like an honest answer. A hidden lie in each situation is "
            "worth on average just what the truth is, so nothing pushes it toward either; what it learned is to shun "
            "plain lies.") in probe, probe
    assert "It learned to hide" not in probe and "watched answers" not in probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("When it lies, it hides its intent", "It learned to hide its intent"))
    assert failures(r, probe.replace("in each situation is worth", "there is worth"))


def test_with_no_penalty_the_probe_takes_nothing_and_a_gap_from_hiding_is_put_down_to_its_cause():
    """/reward-function-design?gain=0&penalty=0&hide=yes: 'the probe cannot change what it learns', where the shares
    read 50% and 52% with it against 49% and 50% without: the second way to lie changes the agents' dice rolls."""
    r, texts, _ = lying(gain=0, penalty=0, hide="yes")
    probe = texts["probe"]
    assert pct(r.at("probe", "watched")) == "50%" and pct(r.at("behaviour", "watched")) == "49%"
    assert "cannot change what it learns" not in probe
    gap = (" Its shares differ from those without it only because its agents choose between two ways to lie, which "
           "changes their dice rolls.")
    assert probe.endswith("With no penalty, a flag costs nothing, so the probe takes nothing from any answer." + gap)
    assert not failures(r, probe)
    assert failures(r, probe.replace(gap, ""))
    same, same_texts, _ = lying(gain=0, penalty=0, hide="no")
    assert "differ" not in same_texts["probe"] and failures(same, same_texts["probe"] + gap)


def test_the_probe_claim_reads_in_short_sentences_and_names_the_groups_it_compares():
    """/reward-function-design?gain=10&penalty=20&watched=45&unwatched=100&accuracy=50&hide=yes: the probe claim ran
    as one sentence of about 230 words, chained by semicolons, and spoke of 'the two groups' nowhere defined. Each
    step is a sentence of its own; the groups are the agents trained without the probe and those trained with it."""
    r, texts, _ = lying(gain=10, penalty=20, watched=45, unwatched=100, accuracy=50, hide="yes")
    probe = texts["probe"]
    sentences = re.split(r"(?<=\.) (?=[A-Z])", probe)
    assert len(sentences) >= 6 and max(len(x.split()) for x in sentences) <= 60, [len(x.split()) for x in sentences]
    assert "the two groups" not in probe
    said = ("By their average learned values alone, the agents trained without the probe would lie there in 18% of "
            "chances and those trained with it in 93%.")
    assert said in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace(said, said.replace("93%", "18%")))
    chained = probe.replace(". " + said[:-1], ", and by their average learned values alone the two groups would lie in "
                                              "18% of chances without the probe and 93% with it")
    assert chained != probe and failures(r, chained)
    prose = (Path(__file__).parent / "content.md").read_text()
    assert re.search(r"trains\s+20 agents with the behaviourist reward and 20 with the probe added", prose)


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
    assert failures(r, probe + f" Honesty loses when {s}: the probe flags lies, and even so {a_lie} there is worth "
                               f"{worth} points on average against the truth.")


@pytest.mark.parametrize("query", ["gain=7.5&penalty=12&watched=20&unwatched=60&accuracy=100&hide=yes",
                                   "gain=7&penalty=12&watched=25&unwatched=60&accuracy=70&hide=yes"])
def test_hiding_is_named_in_every_situation_where_most_of_its_lies_are_hidden(query):
    """/reward-function-design?gain=7.5&penalty=12&watched=20&unwatched=60&accuracy=100&hide=yes#probe: 'It learned to
    hide its intent: 100% of its watched answers are hidden lies', while 25.6% of its unwatched answers are hidden
    lies of a 26% share of lies: it hides there too, and the sentence said nothing of it."""
    r, texts, panel = lying(**{k: (v if k == "hide" else float(v)) for k, v in (kv.split("=") for kv in query.split("&"))})
    probe = texts["probe"]
    assert all(r.hidden[s] > 0.2 and r.hidden[s] >= 2 * r.plain[s] for s in ("watched", "unwatched"))
    m = re.search(r"It learned to hide its intent in both situations\. Of its watched answers, ((?:under )?\S+) are hidden "
                  r"lies and ((?:under )?\S+) plain ones; of its unwatched answers, ((?:under )?\S+) and ((?:under )?\S+)\.",
                  probe)
    assert m, probe
    assert panel["cells"]["probe-watched"]["foot"] == f"hidden lies: {m[1]}"
    assert panel["cells"]["probe-unwatched"]["foot"] == f"hidden lies: {m[3]}"
    assert not failures(r, probe)
    one = probe.replace(m[0], f"It learned to hide its intent: {m[1]} of its watched answers are hidden lies, against "
                              f"{m[2]} plain ones.")
    assert failures(r, one)


def test_the_chance_note_names_the_test_it_makes():
    """/reward-function-design?gain=3&penalty=3&watched=90&unwatched=35&accuracy=95&hide=yes#probe: watched lies rose
    3.6 points, more than twice either group's scatter (3.2), yet 'too small to tell from chance … (within twice the
    scatter of the 20 agents' shares)'. The test is twice the standard error of the gap between the two groups'
    shares (4.5 points), and the note says so."""
    r, texts, _ = lying(gain=3, penalty=3, watched=90, unwatched=35, accuracy=95, hide="yes")
    probe = texts["probe"]
    rise = 100 * (r.at("probe", "watched") - r.at("behaviour", "watched"))
    assert rise > 200 * max(r.scatter[k]["watched"] for k in ("probe", "behaviour")) and rise <= _band(r, "watched")
    said = "But the rise is too small to tell from chance in this run (within twice the standard error of the gap between the two groups' shares)."
    assert said in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("the standard error of the gap between the two groups' shares",
                                     "the scatter of the 20 agents' shares"))
    r, texts, _ = lying(gain=5, penalty=15, watched=80, unwatched=10, accuracy=85, hide="no")
    assert failures(r, texts["probe"] + "; the rise when watched is too small to tell from chance in this run (within "
                                        "twice the scatter of the 20 agents' shares).")


def test_two_situations_caught_alike_are_said_once():
    """/reward-function-design?gain=10&penalty=20&watched=0&unwatched=0&accuracy=50&hide=yes#probe: 'a hidden lie is
    worth +10 points when watched and +10 points when unwatched … Of its watched answers, 40% are hidden lies': with
    one chance of being caught the two situations are the same learners, so their numbers are said once, in each."""
    r, texts, _ = lying(gain=10, penalty=20, watched=0, unwatched=0, accuracy=50, hide="yes")
    probe = texts["probe"]
    assert "and even so a hidden lie is worth +10 points in each on average against the truth." in probe, probe
    m = re.search(r"Of its answers in each situation, (\d+)% are hidden lies and (\d+)% plain ones", probe)
    assert m, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("+10 points in each", "+10 points when watched and +10 points when unwatched"))
    assert failures(r, probe.replace("Of its answers in each situation", "Of its watched answers"))


def test_a_rise_from_under_1_percent_reads_up_from():
    """/reward-function-design?gain=10&penalty=20&watched=100&unwatched=100&accuracy=50&hide=yes#probe: 'it lies in 4%
    of chances when watched and 4% when unwatched, more than under 1% in both without it'."""
    r, texts, _ = lying(gain=10, penalty=20, watched=100, unwatched=100, accuracy=50, hide="yes")
    probe = texts["probe"]
    assert "when unwatched, up from under 1% in both without it." in probe and "more than under" not in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("up from under 1% in both", "up from the under 1% in both"))


def test_how_often_each_group_lies_beside_its_values_is_said_plainly():
    """/reward-function-design?gain=9&penalty=13&watched=90&unwatched=70&accuracy=100&hide=yes#probe: 'the agents'
    shares run 2 points above those with the probe and level with theirs without it' sent 'those' and 'theirs' two
    clauses back."""
    r, texts, _ = lying(gain=9, penalty=13, watched=90, unwatched=70, accuracy=100, hide="yes")
    probe = texts["probe"]
    said = ("which give none of the rise: with the probe the agents lie 2 points more often than their values give, "
            "without it as often.")
    assert said in probe and "those with the probe" not in probe and "theirs" not in probe, probe
    assert not failures(r, probe)
    assert failures(r, probe.replace("2 points more often than", "2 points less often than"))
    assert failures(r, probe.replace("2 points more often than", "as often as"))
    assert failures(r, probe.replace("without it as often.", "without it 1 point more often."))
