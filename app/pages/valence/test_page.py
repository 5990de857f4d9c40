"""The valence page over HTTP: its three APIs and the drawings the simulations light."""
from __future__ import annotations

import re

import pytest
from helpers import assert_rejected, between


def test_apis(client):
    assert client.get("/api/valence/tumble?memory=0").json()["tumble_share"] == 1.0
    assert client.get("/api/valence/candy?walks=0").json()["valence"][0] == 0
    words = client.get("/api/valence/concepts?weight=0").json()["words"]
    assert words["religion"]["a"] == words["religion"]["b"]
    assert_rejected(client, (("/api/valence/tumble?memory=41", "memory"), ("/api/valence/candy?hunger=2", "hunger"),
                             ("/api/valence/candy?thought=sleep", "thought"), ("/api/valence/concepts?categories=9", "categories")))


def _panel(html: str, pid: str) -> str:
    part = html[html.index(f'id="panel-{pid}"'):]
    return part[:part.index('class="panel-key"')] if 'class="panel-key"' in part[:20000] else part[:4000]


def test_the_actor_critic_picture_follows_the_chosen_thought(client):
    walk = _panel(client.get("/valence").text, "candy-critic")
    eat = _panel(client.get("/valence?thought=eat").text, "candy-critic")
    assert "Walk over and get the candy" in walk and "node part assessors lit" in walk
    assert "Eat the candy" in eat and "node part steering lit" in eat and "node part assessors dim" in eat
    assert walk.count('class="wire positive"') == 2                       # Byrnes's green arrow, both layouts
    assert "+0.38" in walk and "+0.80" in eat


def test_the_loops_say_when_the_rule_fails(client):
    works = _panel(client.get("/valence").text, "tumble-loops")
    broken = _panel(client.get("/valence?memory=0").text, "tumble-loops")
    assert "finds the food" in works and "chance" not in works
    assert broken.count("steers by nothing") == broken.count("steers thoughts by nothing") == 2 and "chance" not in broken and "100% of steps" in broken
    straight = _panel(client.get("/valence?memory=0&threshold=-3").text, "tumble-loops")
    assert straight.count("steers by nothing") == straight.count("steers thoughts by nothing") == 2 and "0% of steps" in straight


def test_the_loops_key_marks_the_same_rule_for_minds_as_the_pages_simplification(client):
    """Issue 32: the key called the page's own simplification 'the analogy Byrnes draws'."""
    html = client.get("/valence").text
    key = html[html.index('id="panel-tumble-loops"'):]
    key = key[key.index('class="panel-key"'):][:600]
    assert "the analogy Byrnes draws" not in key and "this page's" in key and "simplification" in key


@pytest.mark.parametrize("query", ["thought=eat&walks=40", "thought=eat", "walks=40"])
def test_the_critic_drawing_says_what_trains_the_valence_guess(client, query):
    """Review 5 (#10), /valence?thought=eat&walks=40#widget-candy: after 40 walks ending in eating at +0.80, the valence
    guess for eating read 0.00 while the drawing said the actual valence trains the assessors. In this model the guess
    is the reward still to come after a thought, and nothing comes after eating: the drawing now says so."""
    from html import unescape
    html = unescape(client.get(f"/valence?{query}").text)
    descs = re.findall(r'<desc id="critic-[a-z]+-desc">(.*?)</desc>', html, re.S)
    assert descs
    for desc in descs:
        assert "the reward still to come after a thought" in desc and "guess for eating stays at zero" in desc, desc
    assert "the reward still to come after a thought" in html[html.index('class="panel-key"'):]


def test_the_loops_drawing_says_what_the_average_is(client):
    """The flow drawing read 'now against a slower average', explained only by the Memory help far below."""
    html = client.get("/valence").text
    assert "slower average" not in html and "recent average (Memory)" in html


def test_the_prose_and_help_say_a_threshold_below_zero_runs_through_a_small_worsening(client):
    """/valence?threshold=-2.25#run-and-tumble: 'keep varying … while things seem to improve by more than the
    threshold' and the help 'Keep going only if things got better by more than this', where below 0 they keep going
    through a small worsening."""
    html = client.get("/valence?threshold=-2.25").text
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "improve by more than the threshold" not in text and "got better by more than this" not in text
    assert "while the change seems above the threshold (below 0, a small worsening still passes)" in text
    assert "Keep going while the change seems above this (below 0, a small worsening still passes)" in text


def test_the_high_threshold_link_says_what_the_widget_shows_there(client):
    """'Now break it: A high threshold' lands on ?threshold=5, where 8 of 24 reach the food: fewer than half, as the
    bullet says, and the widget no longer says it finds the food."""
    html = client.get("/valence").text
    assert "tumble far more often and fewer than half reach the food" in " ".join(html.split())
    api = client.get("/api/valence/tumble?threshold=5").json()
    m = re.search(r"(\d+) of 24 bacteria end within 15 units of the food", api["claims"]["chemotaxis"])
    assert m and int(m.group(1)) < 12 and not api["claims"]["chemotaxis"].startswith("Steering by nothing but")


def test_the_disagreement_help_names_what_the_slider_moves_and_where_to(client):
    """/valence#concepts: the help said B's feelings 'move from A's toward disliking them all', naming neither which
    items move nor where to (Scientology, already disliked by A, moves up). At 1, B's valence on each item it names
    is the value it names; every other item keeps A's valence."""
    from html import unescape

    from app.pages.valence.model import NAMES, concepts

    text = unescape(" ".join(re.sub(r"<[^>]+>", " ", client.get("/valence").text).split()))
    m = re.search(r"How far person B's valence on each religious item \(([^)]*)\) moves from A's to (−[\d.]+): at 1, "
                  r"B dislikes all five equally\.", text)
    assert m, "the help does not name the items and the value"
    named = {n.strip() for n in m[1].split(",")}
    c = concepts(1.0, 4, 1.0)
    assert named == {n for n, a, b in zip(NAMES, c.valence_a, c.valence_b) if a != b} and len(named) == 5
    assert all(c.valence("b", n) == float(m[2].replace("−", "-")) for n in named)


def test_the_prose_asks_for_the_same_kind_of_overlap_the_live_number_gives(client):
    """/valence#concepts asked 'how many members the two meanings of ‘religion’ share (50% now)', a count answered
    with a percentage beside a panel of counts (in both: 4). The live number is the share of their combined members,
    as the claim and the API's intersection over union have it, and the prose asks for that."""
    overlap = client.get("/api/valence/concepts").json()["religion_overlap"]
    html = client.get("/valence").text
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "how many members" not in text
    assert re.search(r"what share of their combined members the two meanings of ‘religion’ have in common \( ?"
                     + f"{round(100 * overlap)}% ?" + r"now\)", text), text[text.find("Drag the weight"):][:300]


def test_the_analogy_drawing_leads_the_run_and_tumble_widget(client):
    """Issue 34: the drawing that carries the idea sat under four charts. It now comes first, then the two maps."""
    html = client.get("/valence").text
    widget = html[html.index('id="widget-tumble"'):html.index('id="widget-candy"')]
    assert widget.index('id="panel-tumble-loops"') < widget.index('id="plot-tumble-dish"')
    assert "plot-tumble-distance" not in widget and "plot-tumble-quality" not in widget


def test_the_loops_arrows_are_the_sites_arrowhead(client):
    """Issue 34, one arrowhead style: the loops drawing had a marker of its own, 7 units scaled by the line's width."""
    loops = _panel(client.get("/valence").text, "tumble-loops")
    markers = re.findall(r"<marker [^>]*>", loops)
    assert len(markers) == 2 and all('markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse"' in m
                                     for m in markers)
    assert loops.count('marker-end="url(#loops-head-') == 12                      # six arrows in each layout


def test_the_candy_caption_says_only_what_a_reader_needs(client):
    """Issue 34 newcomer review: the actor-critic picture's caption ran to 13 lines at 390 px (about 110 words)."""
    html = client.get("/valence").text
    key = html[html.index('id="panel-candy-critic"'):]
    key = re.sub(r"<[^>]+>", " ", key[key.index('class="panel-key">') + 18:key.index("</p>", key.index('class="panel-key"'))])
    assert len(key.split()) <= 60


@pytest.mark.browser
def test_the_run_and_tumble_widget_fits_a_desktop_window(watched, server_url):
    """Issue 34, one scroll on a desktop: at 1440x900 the widget was 1298 px tall, so its sliders sat below the window
    while the prose beside it scrolled. It now fits the window less 24 px, and layout.js pins it ('fits')."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/valence")
    assert page.evaluate("() => document.querySelector('#widget-tumble').offsetHeight") <= 900 - 24
    page.wait_for_function("() => document.querySelector('#widget-tumble').classList.contains('fits')", timeout=5000)


def test_the_candy_charts_and_the_walks_sliders_are_a_stage_in_a_section_of_their_own(client):
    """Issue 34, one stage per section: the candy widget held his drawing, two charts and five controls (1,020 px at
    1440x900). His drawing leads with hunger and the thought; the two charts of learning and the walk's sliders follow
    in 'How the walk comes to feel good', where the prose drags the walks."""
    html = client.get("/valence").text
    first = between(html, 'id="widget-candy"', 'id="learning"')
    stage = between(html, 'id="learning"', 'id="concepts"')
    names = lambda part: set(re.findall(r'<input type="(?:range|radio)"[^>]* name="([a-z_]+)"', part))  # noqa: E731
    assert 'id="panel-candy-critic"' in first and "data-figure=" not in first
    assert names(first) == {"hunger", "thought"}
    assert 'id="widget-candy--learning"' in stage and 'data-scrub-for="candy-walks"' in stage
    assert set(re.findall(r'data-figure="([a-z]+)"', stage)) == {"chain", "learning"}
    assert names(stage) == {"effort", "distance", "walks"}


@pytest.mark.browser
def test_the_candy_widget_and_its_stage_fit_a_desktop_window(watched, server_url):
    """Issue 34, one scroll on a desktop: at 1440x900 the candy widget was 1,020 px tall, its sliders below the window.
    Its drawing part and its charts' stage each fit the window less 24 px; the drawing part is pinned ('fits')."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/valence")
    heights = page.evaluate("() => ['#widget-candy', '#widget-candy--learning']"
                            ".map(s => document.querySelector(s).offsetHeight)")
    assert all(h <= 900 - 24 for h in heights), heights
    page.wait_for_function("() => document.querySelector('#widget-candy').classList.contains('fits')", timeout=5000)
