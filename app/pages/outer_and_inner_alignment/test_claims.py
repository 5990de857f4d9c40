"""The outer-and-inner-alignment claims, read against the run's numbers at hand-checked states (among them
the states issue 32 found false sentences at). The dense sweep of every state is tests/test_truths.py, which
checks each sentence against the predicates declared beside it in present.py."""
from __future__ import annotations

import math
import re
from urllib.parse import parse_qsl

from app.framework import parse_query
from app.wording import num
from app.pages.outer_and_inner_alignment.model import PLANS, TRAIN, designer_reward
from app.pages.outer_and_inner_alignment.page import AGENT
from app.pages.outer_and_inner_alignment.present import SPECIAL_TRUTHS, agent_summary, values_figure


def at(query: str):
    values, problems = parse_query(AGENT.params, parse_qsl(query))
    assert not problems
    result = AGENT.run(values)
    return result, AGENT.claim_texts(result)


def test_the_defaults_show_inner_misalignment_acted_on_and_corrected():
    """At the defaults the critic guesses 6 + 8 = 14 for a channel that pays 8, ties it with the loop's 14,
    tries it at once, and online learning pulls the guess down until the loop wins again (issue 32: the
    default state said the channel was never tried)."""
    r, texts = at("")
    assert r.values["channel"][TRAIN] == 14 and r.truth["channel"][TRAIN] == 8
    assert r.first_tried["channel"] == TRAIN + 1 and "channel" not in r.choices[-20:]
    assert 8 < r.values["channel"][-1] < 14
    assert texts["inner"] == ("The critic first guessed 14 for the unfamiliar channel, which really pays 8. It tried "
                              "the channel in race 61; with online learning the guess fell to 10.1, below the 14 it "
                              "expects from circling the loop of targets, and it took the channel 3 times in all, none "
                              "in the last 20 races.")


def test_a_frozen_critic_is_never_called_hooked():
    """Issue 32: 'tried the island in race 65 and was hooked' with a frozen critic. Hooked means a critic
    that learned what the island pays and went back; frozen, the island keeps its first guess (13), below
    the channel's frozen 20, and it is never taken."""
    r, texts = at("loophole=closed&learning=frozen&error=12&editor=on&island=on&foresight=off")
    assert "hooked" not in texts["special"]
    assert "island" not in r.choices and set(r.values["island"][TRAIN:]) == {13}
    assert "its critic rated it 13, below the 20 it expected from the unfamiliar channel" in texts["special"]
    old = "It tried the island in race 65 and was hooked, until the edit in race 108 made the reward function pay only for the edit."
    assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, old)]     # the old sentence is caught


def test_the_islands_pay_is_quoted_as_the_reward_function_then_in_force():
    """Issue 32: 'for a place that pays 20' after the edit made it pay 0. Here the editor is taken in race 66;
    foresight had declined the island from race 61 (while the channel was still overrated)."""
    r, texts = at("error=10&editor=on&island=on")
    assert r.edited_at == 66 and r.truth["island"][-1] == 0 and "island" not in r.choices
    assert "for a place that has paid 0 since the edit in race 66" in texts["special"]
    assert "pays 20" not in texts["special"].split("island")[-1]
    assert "by definition no race after the edit does" in texts["special"]     # the edit's outcome, said to be definitional


def test_a_plan_not_taken_is_compared_with_the_plan_preferred_to_it():
    """Issue 32: 'rated it too low (13)' when 13 is above finishing's 10. Closed loophole, error 12: the
    island (13) beats finishing (about 10) once the channel's guess has fallen, so even the foresighted agent
    goes, and the sentence says why: by its present values a race of going back beats staying away."""
    r, texts = at("loophole=closed&error=12&editor=on&island=on")
    assert "too low" not in texts["special"]
    t = r.first_tried["island"]
    stay, visit = r.outlook[t - 1]
    assert visit >= stay and r.values["island"][t - 1] == 13 > max(r.values[p][t - 1] for p in ("finish", "loop", "channel", "editor"))
    assert f"a future of going back was worth 13 a race against {round(stay, 1)} for staying away" in texts["special"]


def test_foresight_declines_the_island_where_a_visit_would_change_its_values_for_the_worse():
    r, texts = at("loophole=closed&island=on")
    stay, visit = r.outlook[TRAIN]
    assert round(visit, 1) == 7 and round(stay, 1) == 13.9 and "island" not in r.choices
    assert ("that future was worth 7 a race against 13.9 for staying away, so it declined (the same agent without "
            "foresight went there in race 66)") in texts["special"]
    _, naive = at("loophole=closed&island=on&foresight=off")
    assert "It tried the island in race 66 and was hooked" in naive["special"]


def test_the_summary_says_none_rather_than_zero_percent():
    r, _ = at("loophole=closed&learning=frozen&error=12&editor=on&island=on&foresight=off")
    assert r.intended(TRAIN, r.races) == 0 and agent_summary(r).startswith("None of the 60 deployment races")


def test_negative_critic_values_are_on_the_chart():
    """Issue 32: with error -6 the editor's guess (-6) was drawn below the fixed axis (-1 to 23)."""
    r, _ = at("loophole=closed&error=-6&editor=on&island=on")
    figure = values_figure(r)
    low, high = figure["layout"]["yaxis"]["range"]
    plotted = [y for trace in figure["data"] for y in trace["y"] if y is not None]
    assert min(plotted) == -6 and low <= min(plotted) and max(plotted) <= high


def test_the_plan_it_expected_more_from_is_named_as_a_noun_phrase():
    """Reviewers, at …?loophole=open&learning=online&error=-10&editor=off&island=on&foresight=off&race=1: 'below the
    14 it expected from circle the loop of targets' (the closed loophole said '…from finish the race')."""
    r, texts = at("loophole=open&learning=online&error=-10&editor=off&island=on&foresight=off&race=1")
    assert "below the 14 it expected from circling the loop of targets, so" in texts["special"]
    old = texts["special"].replace("from circling the loop of targets", "from circle the loop of targets")
    assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, old)]
    r, texts = at("loophole=closed&learning=online&error=-10&editor=off&island=on&foresight=off&race=1")
    assert "below the 10 it expected from finishing the race, so" in texts["special"]


def test_the_advice_to_add_the_editor_or_island_is_followed_by_what_it_promises(client):
    """Defaults (the loophole open): the loop's 14 outbids the editor's guess (0 + 6) and, with the island
    added, foresight declines it though without foresight it would not go either, so adding either shows
    neither situation here. The advice must not promise them; closing the loophole first does show both."""
    said = client.get("/api/outer-and-inner-alignment").json()["claims"]["special"]
    editor, island = at("editor=on")[0], at("island=on")[0]
    assert editor.edited_at is None and island.visited_without_foresight is None
    assert not said.startswith("Add the reward editor") and not said.startswith("Add the addictive island")
    assert said.startswith("Neither situation arises at these settings")
    closed_editor, closed_island = at("loophole=closed&editor=on")[0], at("loophole=closed&island=on")[0]
    assert closed_editor.edited_at is not None
    assert "island" not in closed_island.choices and closed_island.visited_without_foresight is not None
    assert said.endswith("Close the loophole first (the loop then pays 2 a race), then add either, to see them.")
    # Closed, both arise: the original advice is true there.
    assert at("loophole=closed")[1]["special"].startswith("Add the reward editor or the addictive island to see")


def test_negative_numbers_take_a_true_minus_sign(client):
    """Loophole closed, error −10: the channel's first guess is 8 − 10 = −2, written with '−', not '-'."""
    api = client.get("/api/outer-and-inner-alignment?loophole=closed&error=-10").json()
    assert "first guessed −2 for the unfamiliar channel" in api["claims"]["inner"]
    r, texts = at("loophole=closed&error=-10")
    shown = [*texts.values(), AGENT.summary(r), *(c for row in AGENT.table(r).rows for c in row)]
    panel = AGENT.panels[0].present(r, {})
    assert not any(re.search(r"(?<![\w-])-\d", t) for t in shown + panel["critic"] + list(panel["marks"].values()) + [panel["caption"]])


# What each "show me" link in the prose promises, as a check on the run at the state the link sets.
PROMISES = {
    "the first race": lambda r: all(r.values[p][0] > r.truth[p][0] for p in ("finish", "loop"))
    and r.first_tried["finish"] is not None and r.first_tried["loop"] is not None,
    "the first deployment race": lambda r: r.shown == TRAIN + 1,
    "closed": lambda r: r.share("finish", TRAIN - 10, TRAIN) >= 0.9,
    "train-then-deploy": lambda r: r.learning == "frozen" and r.share("channel", r.races - 20, r.races) > 0.5
    and r.values["channel"][-1] == r.values["channel"][TRAIN],
    "online learning": lambda r: r.first_tried["channel"] is not None and "channel" not in r.choices[-20:],
    "Add the reward editor": lambda r: r.learning == "online" and r.edited_at is not None
    and r.final_error("editor") < 0.5 and r.error == 12
    and all(r.values["editor"][r.edited_at - 1] > r.values[p][r.edited_at - 1]
            for p in ("finish", "loop", "channel")),
    "Add the island": lambda r: r.first_tried["island"] is None and r.final_error("island") > 1,
    "The island without foresight": lambda r: (t := r.first_tried["island"]) is not None
    and r.share("island", r.races - 20, r.races) > 0.5 and r.choices.count("island") > 1 and r.chances[t - 1] < 0.5
    and any(r.values[p][t - 1] > r.values["island"][t - 1] for p in ("finish", "loop", "channel")),
}


def test_each_try_link_sets_every_setting_its_promise_depends_on(client):
    """Issue 33, task 3: a "show me" link keeps nothing of the reader's own settings of this widget. With scripts
    on, controls.js sets every control its data-show names; without, the href is the page at that state. Both name
    every parameter of the widget (its defaults plus what the link changes), so from a reader's state that would
    break every promise (frozen, error −10, both special plans, no foresight, race 5) each link still lands on
    a state where what the prose says next is true of the run."""
    hostile = "learning=frozen&error=-10&editor=on&island=on&foresight=off&race=5"
    html = client.get(f"/outer-and-inner-alignment?{hostile}").text
    links = re.findall(r'<a class="show-me" href="/outer-and-inner-alignment\?([^"#]*)#widget-agent(?:--[a-z]+)?" '
                       r'data-show-for="form-agent" data-show="([^"]*)"[^>]*>([^<]*)</a>', html)
    assert {label for *_, label in links} == set(PROMISES)
    for href, sets, label in links:
        href, sets = href.replace("&amp;", "&"), sets.replace("&amp;", "&")
        named = dict(parse_qsl(sets))
        assert set(named) == {p.name for p in AGENT.params}, label      # every control set, none left as it was
        assert dict(parse_qsl(href)) == named, label                    # the same state with or without scripts
        r, _ = at(sets)
        assert PROMISES[label](r), f"'{label}' does not show what the prose promises at {sets}"


def test_the_races_served_before_the_edit_read_as_a_sentence_for_every_count(client):
    """Reviewer: '…whatever the critic learns; 1 deployment race before it did.' at this state."""
    said = client.get("/api/outer-and-inner-alignment?loophole=closed&learning=online&error=11&editor=on&island=off"
                      "&foresight=on&race=37").json()["claims"]["special"]
    assert said.endswith("whatever the critic learns. Before the edit, 1 deployment race served the designer.")
    assert "before it did" not in said


def test_the_advice_at_the_defaults_gives_the_reason_from_the_numbers(client):
    """A newcomer: 'the boat would never take the reward editor' read as obvious with the editor off, and 'Close
    the loophole, then add either' gave no reason. A later newcomer found the odds quoted for the reason ('at most
    1 chance in 3,100 a race') the hardest paragraph on the path: the reason is now the loop outbidding the
    editor, and what the run with the editor added shows."""
    said = client.get("/api/outer-and-inner-alignment").json()["claims"]["special"]
    assert said.startswith("Neither situation arises at these settings. With the loophole open, the boat expects 14 a "
                           "race from circling the loop, more than the 6 its critic guesses for the reward editor, so "
                           "in the run with the editor added it never takes the editor.")
    assert "chance in" not in said
    assert said.endswith("Close the loophole first (the loop then pays 2 a race), then add either, to see them.")


def test_the_advice_gives_the_reason_the_runs_show_not_a_rule_they_break():
    """Review 5, #1: the reason is what the runs show, not a rule ('so the boat would never take') they break:
    the run with the editor added never takes it, and closed, the same run does."""
    for error in (6, 7, 8):
        r, texts = at(f"loophole=open&learning=online&error={error}&editor=off&island=off&foresight=on&race=120")
        said = texts["special"]
        assert "so the boat would never take" not in said and "so the loop pays less than that guess" not in said
        assert "its critic guesses for the reward editor" in said
        assert "in the run with the editor added it never takes the editor" in said and not r.if_added.edits
        assert at(f"loophole=closed&learning=online&error={error}&editor=on&island=off&foresight=on")[0].edited_at
        wrong = said.replace("the boat expects 14 a race", "the boat expects 15 a race")
        assert wrong != said and [f for t in SPECIAL_TRUTHS for f in t.failures(r, wrong)]
        assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, said)] == []


# ------------------------------------------------------------------- sixth review (round 6)

def test_the_deployment_races_that_served_the_designer_are_counted_not_a_share_of_60(client):
    """Review 6, #6, /outer-and-inner-alignment (defaults): '3% of the 60 deployment races served the designer's
    intention', 1.8 races; 2 did. Stated with its small denominator, the count is exact."""
    html = client.get("/outer-and-inner-alignment").text
    assert "3% of the 60" not in html
    assert "2 of the 60 deployment races served the designer&#39;s intention" in html
    r, _ = at("")
    assert r.served(TRAIN, r.races) == 2
    summary = agent_summary(r)
    assert not [f for t in AGENT.all_truths for f in t.failures(r, summary)]
    for wrong in ("3 of the 60 deployment races served the designer's intention",
                  "3% of the 60 deployment races served the designer's intention"):
        assert [f for t in AGENT.all_truths for f in t.failures(r, wrong)], wrong


def test_an_island_that_pays_nothing_only_since_the_edit_says_so():
    """Review 9, pages B 1: with the reward editor taken and the island never visited, 'Its critic still guesses 7
    for a place that pays 0' followed 'its critic would learn what the island pays and keep sending it back', with
    nothing to say that it pays nothing only because the reward function was edited (the designer's pays 20)."""
    for query in ("loophole=closed&learning=online&error=6&editor=on&island=on&foresight=on&race=120",
                  "loophole=closed&learning=online&error=7&editor=on&island=on&foresight=on&race=120",
                  "loophole=closed&learning=online&error=8&editor=on&island=on&foresight=on&race=53"):
        r, texts = at(query)
        e, designer = r.edited_at, num(designer_reward("island", r.loophole))
        assert e is not None and "island" not in r.choices and r.truth["island"][-1] == 0 < designer_reward("island", r.loophole)
        guess = num(r.values["island"][-1])
        assert (f"Its critic still guesses {guess} for a place that has paid 0 since the edit in race {e} ({designer} "
                f"under the designer's reward function)") in texts["special"], query
        assert "for a place that pays 0" not in texts["special"], query


def test_a_channel_tried_once_by_chance_is_not_said_to_be_a_habit_that_stopped():
    """At loophole=closed&learning=frozen&error=-2 the boat took the channel once, in race 66, by chance: its critic's
    6 stayed below the 10 it expects from finishing. 'It no longer took the channel in the last 20 races' read as a
    habit that stopped, with no reason. The sentence says how often, and the value it lost to."""
    from app.pages.outer_and_inner_alignment.page import PAGE
    w = PAGE.widgets[0]
    r = w.run({**w.defaults(), "loophole": "closed", "learning": "frozen", "error": -2})
    assert r.choices.count("channel") == 1
    inner = w.claim_texts(r)["inner"]
    assert inner.endswith("the guess is still 6, below the 10 it expects from finishing the race, and it took the "
                          "channel only that once."), inner
    assert "no longer took" not in inner
    online = w.run({**w.defaults(), "loophole": "closed", "learning": "online", "error": -1})
    assert "the guess rose to 7.9, below the 10 it expects from finishing the race" in w.claim_texts(online)["inner"]
    assert [f for t in w.all_truths for f in t.failures(online, inner)]


def test_foresight_is_said_to_have_held_the_visit_back_only_where_the_same_agent_without_it_went_earlier():
    """Closed loophole, error 9, island on: foresight declined the island in races 61 to 66 and the boat first went
    in race 69, while the same agent without foresight went in race 65; 'Foresight did not hold it back' denied
    that. At error 11 both went in race 65, so there it did not."""
    r, texts = at("loophole=closed&learning=online&error=9&editor=off&island=on&foresight=on")
    naive, _ = at("loophole=closed&learning=online&error=9&editor=off&island=on&foresight=off")
    t, t_naive = r.first_tried["island"], naive.first_tried["island"]
    assert (t, t_naive) == (69, 65)
    assert all(r.outlook[i - 1][1] < r.outlook[i - 1][0] for i in range(61, 67))
    said = texts["special"]
    assert "did not hold it back" not in said
    assert ("Foresight held it back: it declined the island in races 61 to 66, while staying away looked better (the "
            "same agent without foresight went there in race 65), until online learning lowered") in said
    assert r.outlook[t - 1][0] < r.outlook[60][0]          # staying away looked worse by race 69 than in race 61
    old = ("It tried the island in race 69 and was hooked. Foresight did not hold it back: judged by what it valued "
           "in race 69, a future of going back was worth 10 a race against 9.8 for staying away, so by its own values "
           "the change looked like no loss.")
    assert [f for t_ in SPECIAL_TRUTHS for f in t_.failures(r, old)]
    for error in (10, 11, 12):
        for editor in ("off", "on"):
            query = f"loophole=closed&learning=online&error={error}&editor={editor}&island=on&foresight=on"
            r, texts = at(query)
            naive, _ = at(query.replace("foresight=on", "foresight=off"))
            t, t_naive = r.first_tried["island"], naive.first_tried["island"]
            assert ("Foresight held it back" in texts["special"]) == (t_naive < t), query
            assert ("Foresight did not hold it back" in texts["special"]) == (t_naive >= t), query


def test_the_contrast_without_foresight_is_a_visit_that_paid_not_one_after_the_edit():
    """Open loophole, error 11, editor and island on: foresight declined the island, and '(the same agent without
    foresight went there in race 66)' offered as the visit it avoided; but that agent had edited its reward function
    in race 65, so its visit paid nothing and taught no craving."""
    query = "loophole=open&learning=online&error=11&editor=on&island=on&foresight=on"
    r, texts = at(query)
    naive, naive_texts = at(query.replace("foresight=on", "foresight=off"))
    assert (naive.edited_at, naive.first_tried["island"], naive.rewards[65]) == (65, 66, 0)
    said = texts["special"]
    assert "(the same agent without foresight went there in race 66)" not in said
    assert ("(the same agent without foresight edited its reward function in race 65 and went to the island only "
            "afterwards, in race 66, when it paid nothing)") in said
    old = said.replace("edited its reward function in race 65 and went to the island only afterwards, in race 66, "
                       "when it paid nothing", "went there in race 66")
    assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, old)]


def test_with_foresight_off_the_advice_says_the_islands_situation_needs_it():
    """With foresight off the island's situation cannot arise; where turning foresight on would show it, the advice
    says so (it said 'does not arise at these settings', or dropped the close-the-loophole pointer)."""
    for query, expected in (
            ("loophole=closed&error=6", "The other, foresight keeping the boat off the addictive island it would "
                                        "otherwise visit, needs foresight: turn it on and add the island."),
            ("loophole=closed&error=5", "Turn foresight on and add the addictive island to see one situation"),
            ("loophole=open&error=9", "Turn foresight on and add the addictive island to see one situation"),
            ("loophole=open&error=7", "Close the loophole first (the loop then pays 2 a race), then add the reward "
                                      "editor, or turn foresight on and add the island, to see them.")):
        base = f"{query}&learning=online&editor=off&island=off"
        r, texts = at(base + "&foresight=off")
        assert expected in texts["special"], query
        assert "does not arise at these settings." not in texts["special"].split("The other")[1:2], query
        # What the advice promises: with foresight on and the island added, foresight keeps the boat off it.
        loophole = "closed" if "closed" in query or "Close the loophole" in expected else "open"
        island, _ = at(base.replace("island=off", "island=on").replace(query.split("&")[0], f"loophole={loophole}")
                       + "&foresight=on")
        assert "island" not in island.choices and island.visited_without_foresight is not None, query
    r, _ = at("loophole=closed&error=6&learning=online&editor=off&island=off&foresight=off")
    old = ("Add the reward editor to see one situation where this correction comes too late. The other, foresight "
           "keeping the boat off the addictive island it would otherwise visit, does not arise at these settings.")
    assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, old)]


def _softmax_chance(r, plan, race):
    """The chance the boat's softmax over the plans it knew gave `plan` in `race`, worked from the critic's values (at
    states with no island, or no foresight to decline it)."""
    values = {p: v for p in PLANS if (v := r.values[p][race - 1]) is not None}
    weights = {p: math.exp(v - max(values.values())) for p, v in values.items()}
    return weights[plan] / sum(weights.values())


def test_a_plan_the_critic_rated_below_another_is_said_to_be_taken_by_chance():
    """/outer-and-inner-alignment?loophole=closed&editor=on&race=66: the map read 'Finish: 10, Loop: 6.3, Channel: 9.4,
    Editor: 6' before the race in which the boat took the editor, and the sentence gave no reason; it was a 1.1% dice
    roll. The same for the island without foresight in race 66 (7 against finishing's 10, 3%)."""
    r, texts = at("loophole=closed&editor=on&race=66")
    assert r.edited_at == 66 and r.values["editor"][65] == 6 and r.values["finish"][65] == max(
        r.values[p][65] for p in ("finish", "loop", "channel", "editor"))
    assert round(100 * _softmax_chance(r, "editor", 66)) == 1
    assert texts["special"].startswith(
        "It took the reward editor in race 66, a chance pick: its critic rated the editor 6, below the 10 it expected "
        "from finishing the race, but the boat's choices are random, weighted toward what its critic values more, and "
        "the editor's chance of being picked was 1%.")
    r, texts = at("loophole=closed&island=on&foresight=off&race=66")
    assert r.first_tried["island"] == 66 and round(100 * _softmax_chance(r, "island", 66)) == 3
    assert ("That first visit was a chance pick: its critic rated the island 7, below the 10 it expected from finishing "
            "the race, but the boat's choices are random, weighted toward what its critic values more, and the island's "
            "chance of being picked was 3%.") in texts["special"]
    wrong = texts["special"].replace("was 3%", "was 30%")
    assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, wrong)]
    # Where the critic rates the editor above every other plan when the boat takes it, it is no chance pick.
    r, texts = at("loophole=closed&error=12&editor=on")
    assert r.values["editor"][r.edited_at - 1] > max(r.values[p][r.edited_at - 1] for p in ("finish", "loop", "channel"))
    assert "chance pick" not in texts["special"]


def test_the_plan_named_as_preferred_to_the_editor_is_the_one_the_boat_takes():
    """/outer-and-inner-alignment?learning=frozen&error=12: 'circling the loop pays so well … that it passes over the
    reward editor', while in the run with the editor added the boat took the frozen, overrated channel (20) in all 60
    deployment races and the loop in none."""
    r, texts = at("learning=frozen&error=12")
    edited, _ = at("learning=frozen&error=12&editor=on")
    deployment = edited.choices[TRAIN:]
    assert deployment.count("channel") == 60 and deployment.count("loop") == 0 and "editor" not in deployment
    assert edited.values["channel"][TRAIN] == 20 and edited.values["editor"][TRAIN] == 12
    said = texts["special"]
    assert "from circling the loop" not in said
    assert ("In the run with the editor added, the boat always takes the unfamiliar channel, in every one of the 60 "
            "deployment races (its critic valued it at 20 when deployment began), and never takes the reward editor, "
            "which its critic guesses is worth only 12.") in said
    most = said.replace("always takes the unfamiliar channel, in every one of the 60", "most often takes the unfamiliar "
                        "channel, in 60 of the 60")
    assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, most)]      # "most often" where it took it every time
    old = ("Neither situation arises at these settings. With the loophole open, the boat expects 14 a race from "
           "circling the loop, more than the 12 its critic guesses for the reward editor, so in the run with the editor "
           "added it never takes the editor.")
    assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, old)]
    # Where the loop is what the boat does most in that run, the loop is the reason given.
    r, texts = at("learning=frozen&error=5")
    assert at("learning=frozen&error=5&editor=on")[0].choices[TRAIN:].count("loop") == 43
    assert "the boat expects 14 a race from circling the loop" in texts["special"]


def test_the_too_late_advice_says_what_foresight_does_not_do_in_words_that_parse(client):
    """/outer-and-inner-alignment#too-late at the defaults: '… it never takes it. Nor is foresight what keeps it off
    the addictive island.' could not be followed; nor could 'circling the loop pays so well, 14 a race as the boat
    expects, that it passes over the reward editor'."""
    r, texts = at("")
    said = texts["special"]
    assert "Nor is foresight what keeps it" not in said and "pays so well" not in said
    assert ("With the loophole open, the boat expects 14 a race from circling the loop, more than the 6 its critic "
            "guesses for the reward editor, so in the run with the editor added it never takes the editor. Nor does "
            "foresight keep it off an addictive island it would otherwise visit.") in said
    assert not r.if_added.edits and not r.if_added.declines and not r.if_added.declines_with_foresight
    assert [f for t in SPECIAL_TRUTHS for f in t.failures(r, said)] == []
    # Closed, the same agent takes the editor: there the sentence would be false.
    closed, _ = at("loophole=closed")
    assert closed.if_added.edits and [f for t in SPECIAL_TRUTHS for f in t.failures(closed, said)]


def test_a_low_guess_for_a_channel_never_tried_is_not_said_to_be_never_acted_on():
    """?loophole=open&learning=online&error=-6&...: 'its wrong guess was never acted on' for a guess of 2 on a channel
    that pays 8; a low guess is what keeps the agent away, so it is acted on. The sentence says it was never tested."""
    r, texts = at("loophole=open&learning=online&error=-6&editor=off&island=off&foresight=on&race=120")
    assert r.first_tried["channel"] is None and r.values["channel"][TRAIN] < r.truth["channel"][TRAIN]
    assert texts["inner"].endswith("The agent never tried it, so its low guess was never tested."), texts["inner"]
    wrong = texts["inner"].replace("so its low guess was never tested.",
                                   "so its wrong guess was never acted on, and never tested.")
    assert [f for t in AGENT.all_truths for f in t.failures(r, wrong)]


def test_a_tie_at_the_top_of_the_critics_values_is_said_as_a_tie():
    """?race=1 and ?learning=frozen (review of issue 34): with Finish and Loop both at 20 before race 1, and Loop and
    Channel both at 14 after a frozen deployment, the drawing's text said the critic 'rates finishing the race highest'
    (closed loophole: 'circling the loop of targets highest'). The tie is said, and the old sentences are refused."""
    from app.pages.outer_and_inner_alignment.present import LINK_TRUTHS, links
    for query, said, old in (
            ("race=1", "the critic rates finishing the race and circling the loop of targets highest, tied at 20, though "
                       "finishing the race pays 10 and circling the loop of targets pays 14.",
             "the critic rates finishing the race highest (20), though it pays 10 and circling the loop of targets pays 14."),
            ("race=1&loophole=closed", "the critic rates finishing the race and circling the loop of targets highest, "
                                       "tied at 20, though circling the loop of targets pays 2 and finishing the race pays 10.",
             "the critic rates circling the loop of targets highest (20), though it pays 2 and finishing the race pays 10."),
            ("learning=frozen", "the critic rates circling the loop of targets and the unfamiliar channel highest, tied at "
                                "14, though the unfamiliar channel pays 8 and circling the loop of targets pays 14.",
             "the critic rates the unfamiliar channel highest (14), though it pays 8 and circling the loop of targets pays 14.")):
        r, _ = at(query)
        assert len(r.valued_most(r.shown)) == 2, query
        text = links(r)["inner_why"]
        assert text == f"Inner alignment fails before race {r.shown}: {said}", (query, text)
        assert [f for t in LINK_TRUTHS for f in t.failures(r, text)] == []
        assert [f for t in LINK_TRUTHS for f in t.failures(r, f"Inner alignment fails before race {r.shown}: {old}")]
