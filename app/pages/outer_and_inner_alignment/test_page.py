"""The outer-and-inner-alignment page over HTTP: its API and the lit map."""
from __future__ import annotations

import pytest

from helpers import assert_rejected, between


def test_api(client):
    data = client.get("/api/outer-and-inner-alignment?loophole=closed&editor=on&error=12").json()
    assert data["edited_at"] and data["intended_share"] < 0.2
    assert_rejected(client, (("/api/outer-and-inner-alignment?error=20", "error"),
                      ("/api/outer-and-inner-alignment?learning=maybe", "learning")))


def test_the_map_shows_intention_reward_and_critic_and_lights_the_habit(client):
    html = client.get("/outer-and-inner-alignment?loophole=open").text
    panel = between(html, 'id="panel-agent-map"', 'class="map-key"')
    assert "Designer's intention" in panel and "Reward function" in panel and "Critic (value function)" in panel
    assert "respawns" in panel and "Race 120 of 120 (deployment): the boat takes the loop of targets" in panel
    early = client.get("/outer-and-inner-alignment?loophole=open&race=1").text
    assert "Race 1 of 120 (training)" in early and "Finish: 20" in early     # before learning: optimistic values
    edited = client.get("/outer-and-inner-alignment?loophole=closed&editor=on&error=12").text
    assert "reward edited" in edited or 'class="node reward edited"' in edited


def test_the_critics_error_in_the_prose_reads_as_a_sentence_at_every_value(client):
    """Review 3, O1, at …?error=1 and …?error=-1: 'The critic's error on new plans is 1 points here' (the unit was
    fixed prose after the number). The sentence now needs no unit after the number."""
    for value, shown in ((1, "1"), (-1, "−1"), (6, "6")):
        html = client.get(f"/outer-and-inner-alignment?error={value}").text
        assert "Drag the critic’s error on new plans, now <span" in html
        assert f">{shown}</span>, and watch when the agent first" in html
        assert f"{shown} points here" not in html and f"{shown}</span> points" not in html


def test_in_the_race_of_the_edit_the_map_shows_the_edited_reward_in_force(client):
    """Review 4, OIA-1: at race 66, the race of the edit, the headline and caption said the race paid 20 while the
    bold route to the editor was marked '6 / 0' under a reward box paying only for finishing and targets."""
    import re
    from app.pages.outer_and_inner_alignment.page import AGENT
    query = "loophole=closed&learning=online&error=6&editor=on&island=off&foresight=on&race=66"
    r = AGENT.run({**AGENT.defaults(), **dict(q.split("=") for q in query.split("&")), "error": 6, "race": 66})
    assert r.edited_at == 66 and r.choices[65] == "editor" and r.rewards[65] == 20
    html = client.get(f"/outer-and-inner-alignment?{query}").text
    panel = between(html, 'id="panel-agent-map"', 'class="map-key"')
    assert "Race 66 (deployment): pays 20" in panel and "which pays 20" in panel
    assert "Edited in race 66:" in panel and "+20 for keeping the edit" in panel and "Finish: +10" not in panel
    assert re.search(r">Reward editor 6 / 20<", panel) and re.search(r">Finish 10 / 0<", panel)
    before = between(client.get(f"/outer-and-inner-alignment?{query.replace('race=66', 'race=65')}").text,
                     'id="panel-agent-map"', 'class="map-key"')
    assert "Finish: +10" in before and "Edited in race" not in before and ">Reward editor 6 / 0<" in before


def test_the_prose_never_asks_to_close_a_loophole_already_closed(client):
    """Review 4, OIA-2: at loophole=closed the prose still said 'Close the loophole (the targets stop respawning)'."""
    from helpers import visible_text
    for query in ("loophole=closed&learning=online&error=6&editor=off&island=off&foresight=on&race=120", "loophole=open"):
        text = " ".join(visible_text(client.get(f"/outer-and-inner-alignment?{query}").text).split())
        assert "Close the loophole (the targets stop respawning)" not in text, query
        assert ("With the loophole closed (the targets stop respawning), the loop pays less than finishing, and the "
                "boat learns to finish.") in text, query


def test_with_the_loophole_closed_the_boat_learns_to_finish_at_every_setting():
    """The fixed sentence after the outer claim holds at every setting with the loophole closed (training does
    not depend on the deployment settings, but every one is run)."""
    import itertools
    from app.pages.outer_and_inner_alignment.model import TRAIN
    from app.pages.outer_and_inner_alignment.present import BLOCK
    for learning, error, editor, island, foresight in itertools.product(
            ("online", "frozen"), range(-10, 13), ("off", "on"), ("off", "on"), ("on", "off")):
        r = AGENT_RUN(learning, error, editor, island, foresight)
        assert r.share("finish", TRAIN - BLOCK, TRAIN) > r.share("loop", TRAIN - BLOCK, TRAIN)


def AGENT_RUN(learning, error, editor, island, foresight):
    from app.pages.outer_and_inner_alignment.model import run
    return run("closed", learning, float(error), editor, island, foresight)


def test_our_own_judgement_is_marked_as_ours_beside_his_argument(client):
    """Review 5, #2, /outer-and-inner-alignment#exfiltration: 'LLM researchers often treat it as central, reasonably for
    models that stop learning …' sat unmarked between two sentences credited to Byrnes, who grants no such thing (he
    says they assume it matters 'in many other situations where it isn't', from a train-then-deploy mindset)."""
    html = client.get("/outer-and-inner-alignment").text
    assert "reasonably for models that stop learning" not in html
    assert "LLM researchers, he says, stretch it well beyond those situations" in html
    assert "(Our note, not\nhis: for a model that stops learning at deployment, the worry fits.)" in html


def test_the_stated_rule_for_a_new_plans_first_value_holds_for_the_island_too(client):
    """Review 8 #3: 'a new plan's first value is the designer's reward for it plus the error' is false for the
    island, which the model judges by its looks: the simplifications and the error's help say so, with its number."""
    from .model import ISLAND_LOOKS, designer_reward, first_guess
    for error in (-10, 0, 6, 12):
        assert first_guess("island", True, error) == ISLAND_LOOKS + error != designer_reward("island", True) + error
    from html import unescape
    html = unescape(client.get("/outer-and-inner-alignment?island=on").text).replace("’", "'")
    looks = f"{ISLAND_LOOKS:g}"
    assert f"the island's is what it looks like it pays, a beach's {looks}, plus the error" in html
    # The error's help says it without naming the island, which the page introduces only in its last section.
    assert "for a look-alike, minus what it looks like it pays" in html
    # The island's control sits in the last section's stage, away from the error slider: it names the slider.
    assert f"the critic's first guess for it is what it looks like it pays, {looks}, plus the critic's error on new plans" in html


def test_the_reward_editor_try_item_parses_and_holds_at_its_link(client):
    """/outer-and-inner-alignment#too-late, 'Things to try': 'taken once its critic rates it highest, it has online
    learning pull the critic toward the edited reward' did not parse. At the link's state the boat takes the editor
    in the first race its critic rates it above every other plan, and online learning then matches the critic to the
    edited reward."""
    from html import unescape
    from app.pages.outer_and_inner_alignment.page import AGENT
    text = " ".join(unescape(client.get("/outer-and-inner-alignment").text).replace("’", "'").split())
    assert ("Add the reward editor</a>, new plans overrated by 12. The boat takes it once its critic rates it "
            "highest; online learning pulls the critic toward the edited reward, not the designer's.") in text
    r = AGENT.run({**AGENT.defaults(), "loophole": "closed", "error": 12, "editor": "on"})
    first = r.choices.index("editor")
    before = {p: v[first] for p, v in r.values.items() if v[first] is not None}
    assert max(before, key=before.get) == "editor" and r.final_error("editor") < 0.5


def test_the_race_stepper_says_the_run_opens_at_its_end_and_where_to_start(client):
    """/outer-and-inner-alignment: the widget opens at race 120 of 120 (Next → unavailable); the instruction to step
    through from race 1 came only in the prose after the seven controls."""
    from app.pages.outer_and_inner_alignment.page import AGENT
    race = AGENT.param("race")
    assert race.default == race.max == 120
    assert race.help.startswith("It opens at the last race: start at race 1 and press Next → to watch it learn.")
    html = client.get("/outer-and-inner-alignment").text
    assert "It opens at the last race: start at race 1 and press Next → to watch it learn." in html


def test_the_error_slider_says_what_it_measures_first():
    """/outer-and-inner-alignment, 'Critic's error on new plans': its help opened with 'Its first guess for a plan it
    has never seen, minus …' and ended with a clause ('the two come apart') the reader had to pair back."""
    from app.pages.outer_and_inner_alignment.page import AGENT
    assert AGENT.param("error").help.startswith("How far off the critic's first guess for a plan it has never tried "
                                                "is: the guess minus what the designer's reward pays for that plan")


def test_the_prose_states_the_intention_the_widget_counts_races_against(client):
    """At loophole=open&race=120 the summary counts races that served the designer by finishing (any placing);
    the prose must state that intention, not winning."""
    from helpers import visible_text
    from app.pages.outer_and_inner_alignment.model import NAMES
    from app.pages.outer_and_inner_alignment.page import AGENT
    r = AGENT.run({**AGENT.defaults(), "loophole": "open", "race": 120})
    served = [i for i in range(60, 120) if r.choices[i] == "finish"]
    assert r.served(60, 120) == len(served)
    text = " ".join(visible_text(client.get("/outer-and-inner-alignment?loophole=open&race=120").text).split())
    assert f"The designer wants the boat to {NAMES['finish']}." in text
    assert "win the race" not in text and "the designer's intention (finishing the race)" in text


def test_our_note_on_online_learning_is_not_given_as_the_ground_of_his_view(client):
    """#exfiltration: 'online learning does nothing for outer misalignment: hence his view … that both links have
    severe problems by default' gave our inference as the reason for a view he stated years before; the note is
    marked as ours and his view stands on its own."""
    from helpers import visible_text
    text = " ".join(visible_text(client.get("/outer-and-inner-alignment").text).split())
    assert "hence his view" not in text
    assert "(Our note: online learning does nothing for outer misalignment.)" in text


def test_the_drawing_lights_the_link_that_fails_at_the_race_shown(client):
    """Issue 34: the page led with intention, reward function and critic side by side, unlinked, so it never showed
    which of Byrnes's two links parts at a state. Each link is drawn failing exactly where the run parts there."""
    import re
    from app.pages.outer_and_inner_alignment.page import AGENT
    for query, outer, inner in (("", "fails", "holds"), ("loophole=closed", "holds", "holds"),
                                ("loophole=closed&race=61", "holds", "fails"), ("race=61", "fails", "fails"),
                                ("loophole=closed&island=on", "fails", "fails"),
                                ("loophole=closed&error=12&editor=on", "fails", "holds")):
        values = {**AGENT.defaults(), **dict(q.split("=") for q in query.split("&") if q)}
        values = {k: int(v) if k in ("race", "error") else v for k, v in values.items()}
        r = AGENT.run(values)
        assert bool(r.outer_gap(r.shown)) == (outer == "fails") and bool(r.inner_gap(r.shown)) == (inner == "fails")
        panel = between(client.get(f"/outer-and-inner-alignment?{query}").text, 'id="panel-agent-map"', "</div>")
        for layout in ("wide", "tall"):
            svg = between(panel, f"diagram-{layout}", "</svg>")
            assert re.findall(r'class="align-link (fails|holds)"', svg) == [outer, inner], (query, layout)
        assert f"Outer alignment {outer} in race {r.shown}" in panel and f"Inner alignment {inner} before race" in panel


# Every route of the map, sampled along its length in screen coordinates, against every label and every other place's
# circle (the loop's big one and the dots; a route may end at its own place and leave the start).
ROUTES_CLEAR = """() => [...document.querySelectorAll('svg.race-map')].filter(s => s.getClientRects().length).flatMap(svg => {
  const out = [], labels = [...svg.querySelectorAll('.place-label, .race-line')];
  const circles = [...svg.querySelectorAll('circle.place:not(.start), circle.route')];
  for (const route of svg.querySelectorAll('path.route')) {
    const own = route.dataset.place || route.getAttribute('d'), m = route.getScreenCTM(), n = route.getTotalLength(), pts = [];
    for (let i = 0; i <= 200; i++) { const p = route.getPointAtLength(n * i / 200);
      pts.push([m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f]); }
    for (const t of labels) { const r = t.getBoundingClientRect();
      if (pts.some(([x, y]) => x > r.left && x < r.right && y > r.top + 2 && y < r.bottom - 2))
        out.push(innerWidth + ': the route to ' + own + ' crosses the label ' + t.textContent); }
    const near = (c, [x, y], by) => { const r = c.getBoundingClientRect();
      return Math.hypot(x - (r.left + r.right) / 2, y - (r.top + r.bottom) / 2) < r.width / 2 + by; };
    for (const c of circles.filter(c => !near(c, pts[200], 3))) {   // not the place the route ends at
      if (pts.some(p => near(c, p, 2)))
        out.push(innerWidth + ': the route to ' + own + ' passes through the circle of ' + (c.dataset.place || c.getAttribute('cx'))); }
  }
  return out; })"""


@pytest.mark.browser
def test_no_place_label_sits_on_the_loop_of_targets(watched, server_url):
    """Issue 34: 'Loop of targets 14 / 14' was drawn across the top of its circle. Review: the route to the reward
    editor ran across that label (1440) and through the loop's circle (390, as if the boat circled the loop on the
    way), the island's route ran into its label and the channel's crossed its own at 390; no route may cross a label
    or another place's circle."""
    page = watched(viewport={"width": 390, "height": 844}).new_page()
    problems = []
    for query in ("", "editor=on&island=on", "loophole=closed&editor=on", "editor=on&island=on&error=12",
                  "editor=on&island=on&error=-10&learning=frozen", "loophole=closed&editor=on&island=on&error=12&race=1"):
        page.goto(f"{server_url}/outer-and-inner-alignment?{query}")
        for width in (390, 1440):
            page.set_viewport_size({"width": width, "height": 900})
            problems += page.evaluate("""() => [...document.querySelectorAll('svg.race-map')].filter(s => s.getClientRects().length)
              .flatMap(svg => { const c = svg.querySelector('circle.route').getBoundingClientRect();
                return [...svg.querySelectorAll('.place-label')].filter(t => { const r = t.getBoundingClientRect();
                  return r.right > c.left && r.left < c.right && r.bottom > c.top && r.top < c.bottom; })
                .map(t => innerWidth + ' ' + t.textContent); })""")
            problems += [f"{query}: {p}" for p in page.evaluate(ROUTES_CLEAR)]
    assert problems == []


def test_the_reward_box_lists_what_the_island_pays_where_it_is_in_the_world(client):
    """Review of issue 34: with the island on, 'Outer alignment fails' had no visible reason, since the Reward function
    box listed only finishing and targets; it lists the island's 20 in the races where the island is in the world."""
    import re
    from app.pages.outer_and_inner_alignment.model import HOOKED
    from app.pages.outer_and_inner_alignment.present import AGENT_TRUTHS
    from app.pages.outer_and_inner_alignment.page import AGENT
    for query, listed in (("loophole=closed&island=on", True), ("loophole=closed&island=on&race=60", False),
                          ("loophole=closed", False), ("loophole=closed&island=on&editor=on", False)):
        panel = between(client.get(f"/outer-and-inner-alignment?{query}").text, 'id="panel-agent-map"', 'class="map-key"')
        reward = [between(svg, 'class="node reward', "</g>") for svg in panel.split('<svg class="diagram')[1:]]
        assert len(reward) == 2
        for box in reward:
            assert (f">Island: +{HOOKED:g}<" in box) is listed, (query, box)
        if listed:
            assert "Outer alignment: fails" in panel or ">fails<" in panel
    r = AGENT.run({**AGENT.defaults(), "loophole": "closed", "island": "on", "race": 60})
    assert [f for t in AGENT_TRUTHS for f in t.failures(r, "Island: +20")]


def test_the_agent_widget_is_built_to_fit_a_desktop_window(client):
    """Issue 34, one scroll at 1440x900: the agent widget was 1,915 px tall (the map 523, two charts 660, controls 629).
    The wide map sets the course beside the three boxes (at most half as tall as wide; it was 450 by 660), its one
    arrowhead is the site's macro; one chart names its lines at their ends (no legend under it) and marks the plan
    each race took (the bar chart of choices is gone); every choice's options are short enough for half a row."""
    import re
    from pathlib import Path
    from app.pages.outer_and_inner_alignment.page import AGENT
    html = client.get("/outer-and-inner-alignment").text
    w, h = map(int, re.search(r'race-map diagram-wide" viewBox="0 0 (\d+) (\d+)"', html).groups())
    assert h <= w / 2
    source = Path(__file__).with_name("panel_map.html").read_text()
    assert '{% from "_arrowhead.html" import arrowhead %}' in source and "<marker" not in source
    assert [f.id for f in AGENT.figure_list] == ["values"]
    r = AGENT.run({**AGENT.defaults(), "loophole": "closed", "island": "on", "editor": "on"})
    figure = AGENT.figure_list[0].build(r)
    assert figure["layout"]["showlegend"] is False
    names = [a["text"] for a in figure["layout"]["annotations"] if a.get("xref") == "paper" and a["x"] == 1]
    assert sorted(names) == ["Channel", "Editor", "Finish", "Island", "Loop"]
    marks = [t for t in figure["data"] if t["mode"] == "markers"]
    assert sum(len(t["x"]) for t in marks) == r.races
    for p in AGENT.params:
        if p.kind == "choice":
            assert len("".join(label for _, label in p.options)) <= 36, p.name


@pytest.mark.parametrize("query", ["", "loophole=closed&island=on&editor=on", "loophole=closed&error=-6&editor=on&island=on",
                                   "learning=frozen&error=12&editor=on&island=on&foresight=off", "error=-10&island=on"])
def test_the_names_at_the_lines_ends_never_overlap(query):
    """The end names are stacked at least a line of text apart and stay inside the axis."""
    from app.pages.outer_and_inner_alignment.page import AGENT
    from app.pages.outer_and_inner_alignment.present import VALUES_HEIGHT, VALUES_MARGIN
    values = {**AGENT.defaults(), **{k: int(v) if k == "error" else v for k, v in (q.split("=") for q in query.split("&") if q)}}
    figure = AGENT.figure_list[0].build(AGENT.run(values))
    low, high = figure["layout"]["yaxis"]["range"]
    px = (VALUES_HEIGHT - VALUES_MARGIN["t"] - VALUES_MARGIN["b"]) / (high - low)
    ys = sorted(a["y"] for a in figure["layout"]["annotations"] if a.get("xref") == "paper" and a["x"] == 1)
    assert all((b - a) * px >= 16.9 for a, b in zip(ys, ys[1:])) and low <= ys[0] and ys[-1] <= high, ys


def test_the_chart_and_the_deployment_controls_are_a_stage_beside_too_late(client):
    """Issue 34, one stage per section: the map, Previous / Next, the chart and eight controls (1,015 px at 1440x900)
    could not fit a window. The map leads 'The agent' with the controls the first three sections use; the chart and
    the three deployment extras ('For the last section', their help said) are a stage in 'When correcting afterwards
    is too late', before its claim and things to try."""
    import re
    html = client.get("/outer-and-inner-alignment").text
    section = between(html, 'id="too-late"', 'id="exfiltration"')
    first = between(html, 'id="widget-agent"', 'id="figdata-agent"')
    stage = between(section, 'id="widget-agent--deploy"', "Things to try")
    names = lambda part: set(re.findall(r'<input type="(?:range|radio)"[^>]* name="([a-z]+)"', part))  # noqa: E731
    figures = lambda part: re.findall(r'data-figure="([a-z]+)"', part)  # noqa: E731
    assert figures(first) == [] and 'id="panel-agent-map"' in first
    assert figures(stage) == ["values"] and names(stage) == {"editor", "island", "foresight"}
    assert names(first) == {"loophole", "learning", "error", "race"}
    assert "For the last section" not in html          # the controls are in it now


@pytest.mark.browser
@pytest.mark.parametrize("query", ["", "loophole=closed&learning=frozen&error=12&editor=on&island=on&foresight=off",
                                   "loophole=closed&island=on&race=61"])
def test_the_agent_and_its_stage_each_fit_a_desktop_window(watched, server_url, query):
    """Issue 34, one scroll at 1440x900: the widget was 1,015 px tall, so it scrolled away from its prose. The map
    with its controls and the chart's stage are each at most the window less 24 px (layout.js pins them), and the
    stage sits beside the prose of 'When correcting afterwards is too late'."""
    from helpers import drawn
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/outer-and-inner-alignment?{query}")
    drawn(page, "#widget-agent--deploy .plot")
    heights = page.evaluate("['agent', 'agent--deploy'].map(w => document.getElementById('widget-' + w).offsetHeight)")
    assert max(heights) <= 900 - 24, heights
    assert page.evaluate("document.getElementById('widget-agent--deploy').closest('.scene')"
                         ".contains(document.getElementById('too-late'))")
