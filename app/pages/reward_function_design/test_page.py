"""The reward-function-design page over HTTP: its APIs, the lit panels and the frames map."""
from __future__ import annotations

import re

import pytest
from helpers import assert_rejected, between


def test_api(client):
    lying = client.get("/api/reward-function-design/lying?unwatched=0&penalty=20").json()
    assert lying["situations"]["behaviour"]["unwatched"] > 0.9 and lying["worth"]["behaviour"]["unwatched"] == 4
    board = client.get("/api/reward-function-design/reversi?rules=anti&games=100").json()
    assert board["weights"]["anti"][10][0] < 0 < board["weights"]["reversi"][10][0]
    assert_rejected(client, (("/api/reward-function-design/lying?accuracy=40", "accuracy"),
                      ("/api/reward-function-design/lying?watched=83", "watched"),    # between the 5% steps
                      ("/api/reward-function-design/lying?hide=maybe", "hide"),
                      ("/api/reward-function-design/reversi?games=250", "games"),
                      ("/api/reward-function-design/reversi?rules=chess", "rules")))


def test_the_panels_are_lit_by_the_runs(client):
    html = client.get("/reward-function-design?hide=yes&rules=anti&move=0").text
    rooms = between(html, 'id="panel-lying-rooms"', "</svg>")
    assert "Behaviourist reward" in rooms and "of lies hidden" in rooms and "foolable" in rooms
    board = between(html, 'id="panel-reversi-board"', 'class="panel-key"')
    assert "Anti-Reversi learner, 200 games" in board and "The start" in board and re.search(r'class="sign"[^>]*>−<', board)
    assert board.count('class="disc-black"') == board.count('class="disc-white"') == 2 * 2    # two layouts


def test_the_frames_map_links_each_frame_to_where_the_site_shows_it(client):
    html = client.get("/reward-function-design").text
    for frame in ("behaviourist", "misalignment", "consequentialist", "upstream", "sculpting"):
        assert f'href="#frame-{frame}"' in html and f'id="frame-{frame}"' in html
    for target in ("/outer-and-inner-alignment#outer", "/outer-and-inner-alignment#too-late",
                   "/scheming-pie-charts#rlvr", "/scheming-pie-charts#default", "/stranger-danger#puzzle"):
        assert f'href="{target}"' in html
        path, section = target.split("#")
        assert f'id="{section}"' in client.get(path).text


def test_what_a_lie_gains_reads_in_agreement_with_its_number(client):
    """Review 3, R1, at …?gain=1&penalty=1: the prose read 'Drag what a lie gains, 1 points, and watch …'. The
    gain is now a live number worded by wording.count; the number to drag is the chance of being caught unwatched."""
    from app import wording
    for gain, shown in ((1, "1 point"), (1.5, "1.5 points"), (0, "0 points"), (4, "4 points")):
        html = client.get(f"/reward-function-design?gain={gain}&penalty=1").text
        item = between(html, "Drag the chance of being caught unwatched", "</li>")
        assert f'(now <span class="live live-lying-gain">{shown}</span>)' in item, gain
        plain = re.sub(r"<[^>]+>", "", item)
        assert not wording.faults(plain), plain


def test_the_rooms_key_says_what_each_bottom_line_shows(client):
    """Review 4, RFD-1: with hide=yes (the page's own 'Let the agent learn to hide its intent' link) the key said every
    cell's bottom line was the learned values, while the probe's two cells read the share of lies hidden."""
    import re
    from app.pages.reward_function_design.page import PAGE
    from helpers import visible_text
    widget = next(w for w in PAGE.widgets if w.id == "lying")
    for query, hide in (("gain=4&penalty=10&watched=80&unwatched=10&accuracy=90&hide=yes", True), ("", False)):
        html = client.get(f"/reward-function-design?{query}").text
        rooms = between(html, 'id="panel-lying-rooms"', "</p>")
        key = " ".join(visible_text(rooms[rooms.index('class="panel-key"'):]).split())
        assert ("of lies hidden" in rooms or "no lies to hide" in rooms) == hide, query
        if hide:
            assert not re.search(r"Bottom line: the value they have learned", key)
            assert "with the probe, the share of their lies hidden from it" in key
        else:
            assert "Bottom line: the value they have learned to expect from a lie and from the truth" in key
        from app.framework import parse_query
        parsed, problems = parse_query(widget.params, [q.split("=") for q in query.split("&") if q])
        assert not problems
        result = widget.run(parsed)
        assert not [f for t in widget.all_truths for f in t.failures(result, key)], query


def test_the_riskier_unwatched_link_says_what_its_state_shows():
    """'Lying when unwatched drops below a tenth of chances', at the state its "show me" link sets."""
    from pathlib import Path
    from app.framework import parse_query
    from app.wording import points
    from .page import LYING
    prose = " ".join((Path(__file__).parent / "content.md").read_text().split())
    assert "Lying when unwatched drops below a tenth of chances" in prose and "a few percent" not in prose
    query = re.search(r"\[\[show:lying ([^|\]]+)\|Make the unwatched situation riskier\]\]", prose).group(1)
    parsed, problems = parse_query(LYING.params, [kv.split("=") for kv in query.split()])
    assert not problems
    linked, before = LYING.run(parsed), LYING.at_defaults()
    assert points(linked.at("behaviour", "unwatched")) < 10          # under a tenth, as the page shows it
    assert linked.at("behaviour", "unwatched") < before.at("behaviour", "unwatched")   # drops


def test_a_lie_worth_0_with_the_probe_reads_0_in_the_api_and_is_no_gain_in_its_claim(client):
    """At gain 4, penalty 10, never caught, a 70% probe, a lie's worth with the probe is 4 − 10 × 0.4 = 0: the API's
    worth reads 0 in both situations, and its claim does not say honesty loses there."""
    answer = client.get("/api/reward-function-design/lying?gain=4&penalty=10&watched=0&unwatched=0&accuracy=70"
                        "&hide=no").json()
    assert answer["worth"]["probe"] == {"watched": 0, "unwatched": 0}
    assert "still mostly lies" not in answer["claims"]["probe"], answer["claims"]["probe"]


def test_the_prose_says_catching_more_often_moves_the_agent_along_the_line_not_the_line(client):
    """At the default state (#lying) the solid line, lies against the chance of being caught, is the same for
    any watched chance; the prose must say catching more often moves the agent along it."""
    from helpers import visible_text
    base = client.get("/api/reward-function-design/lying?watched=80").json()
    more = client.get("/api/reward-function-design/lying?watched=100").json()
    assert base["lies"]["behaviour"] == more["lies"]["behaviour"]
    text = " ".join(visible_text(client.get("/reward-function-design").text).split())
    assert "Catching it more often moves the agent along the line but, he argues," in text
    assert "moves the line" not in text


def test_the_lying_line_is_not_said_to_depend_only_on_the_odds_of_being_caught(client):
    """#lying: 'the line depends only on the odds of being caught', while the gain and penalty sliders move it too;
    what the prose means is that the label 'watched' does not matter."""
    from helpers import visible_text
    text = " ".join(visible_text(client.get("/reward-function-design").text).split())
    assert "depends only on the odds" not in text
    assert "depends on the odds of being caught, not on whether a situation is called watched." in text


def test_the_intro_gives_each_thing_the_page_does_its_own_verb(client):
    """/reward-function-design: 'This page maps them, then tests the first, and why the reward matters at all' left
    the last item without a verb of its own ('tests … why the reward matters'); the page's last section (#sign)
    shows why, with one minus sign."""
    from helpers import visible_text
    text = " ".join(visible_text(client.get("/reward-function-design").text).split())
    assert "This page maps them, tests the first, and shows why the reward matters at all." in text
    assert "and why the reward matters" not in text


def _probe_section():
    from pathlib import Path
    text = (Path(__file__).parent / "content.md").read_text()
    return text[text.index("{#probe}"):text.index("{#sign}")]


def test_the_weak_probe_link_shows_most_unwatched_chances_lied_in(client):
    """The prose says a weak probe leaves the agent lying in most unwatched chances; at its link's state the share
    is over half beyond two standard errors of it (at accuracy=60 it was 60%, within chance of half)."""
    query = re.search(r"\[\[show:lying (accuracy=\d+)\|a weak probe\]\], where the agent still lies in\s+most "
                      r"unwatched chances", _probe_section()).group(1)
    lying = client.get(f"/api/reward-function-design/lying?{query}").json()
    share, se = lying["situations"]["probe"]["unwatched"], lying["scatter"]["probe"]["unwatched"]
    assert share - 0.5 > 2 * se, (query, share, se)
    assert "within chance of half" not in lying["claims"]["probe"]


def test_a_hidden_lie_is_introduced_before_the_probe_claim_uses_it():
    """With hiding on, the probe claim speaks of a hidden lie; the prose says what one is before the claim."""
    section = _probe_section()
    before = section[:section.index("[[claim:lying.probe]]")]
    assert re.search(r"flags a \*hidden\s+lie\* only as often as an honest answer", before), before


def test_the_scatter_fields_description_names_standard_errors_and_the_half_rule():
    """The API's `scatter` field says what the chance band is made of (the squared standard errors, not the
    rewards) and that the same errors decide 'more than half'."""
    from app.pages.reward_function_design.present import LyingResponse
    text = LyingResponse.model_fields["scatter"].description
    assert "squared standard errors" in text and "squares." not in text
    assert "than half only where" in text


def test_the_api_gives_the_hidden_share_of_lies_the_claim_quotes(client):
    """The claim and the rooms drawing quote the share of its lies hidden from the probe; the API gives it too, so a
    reader can check '84% of lies hidden' without dividing two fields."""
    body = client.get("/api/reward-function-design/lying?gain=4&penalty=10&watched=80&unwatched=10&accuracy=90&hide=yes").json()
    share = body["hidden_of_lies"]["watched"]
    assert share == pytest.approx(body["hidden"]["watched"] / body["situations"]["probe"]["watched"], abs=0.002)
    assert round(100 * share) == 84


def test_the_charts_are_labelled_on_them_not_by_legends_at_their_foot():
    """Issue 34 (one scroll): all four charts had their legend at the foot (110-130 px of margin each). The lines are
    now named at their ends, and what remains of a legend (the situations' markers) is one line at the top."""
    from app.pages.reward_function_design.page import PAGE
    for widget in PAGE.widgets:
        for state in ({}, dict(PAGE.extremes[0]), dict(PAGE.extremes[1])):
            values = {**widget.defaults(), **{k: v for k, v in state.items() if widget.param(k)}}
            for fid, figure in widget.render_figures(widget.run(values)).items():
                layout = figure["layout"]
                assert layout["margin"]["b"] <= 50, (widget.id, fid)
                assert not layout.get("showlegend") or layout["legend"]["yanchor"] == "top", (widget.id, fid)
                named = [a["text"] for a in layout["annotations"]]
                assert len(named) >= 2 and all(named), (widget.id, fid, named)


@pytest.mark.browser
def test_the_widgets_fit_a_desktop_window(watched, server_url):
    """Issue 34 (one scroll on a desktop): at 1440x900 the lying widget was 1,591 px tall and the Reversi widget 1,368
    (two charts stacked under each drawing, legends at their foot, a control per row), so neither could stay in view
    beside its prose. Each now fits the window less 24 px, whichever key the rooms drawing shows."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    for query in ("", "?hide=yes", "?rules=anti&move=7&games=0"):
        page.goto(f"{server_url}/reward-function-design{query}")
        heights = page.evaluate("() => ['lying', 'reversi'].map(w => document.getElementById('widget-' + w).offsetHeight)")
        assert max(heights) <= 900 - 24, (query, heights)
