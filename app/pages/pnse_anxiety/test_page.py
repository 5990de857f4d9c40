"""The PNSE-and-anxiety page over HTTP: its APIs and the panels the state lights."""
from __future__ import annotations

import re

import pytest
from helpers import assert_rejected, between, visible_text

from app.wording import faults


def test_apis(client):
    assert client.get("/api/pnse-anxiety/loops?model=pnse").json()["self_loop"] == 0
    assert client.get("/api/pnse-anxiety/howmuch?stakes=0").json()["best"] == 0
    assert_rejected(client, (("/api/pnse-anxiety/loops?news=maybe", "news"), ("/api/pnse-anxiety/loops?worry=2", "worry"),
                             ("/api/pnse-anxiety/howmuch?level=1.5", "level")))


def _panel(html: str) -> str:
    return between(html, 'id="panel-loops-panels"', 'class="panel-key"')


def test_the_panels_light_the_cases_the_settings_match(client):
    for query, lit in (("", "ac"), ("news=fine", "bc"), ("model=pnse", "ad"), ("news=fine&model=pnse", "bd")):
        panel = _panel(client.get(f"/pnse-anxiety?{query}").text)
        assert panel.count('class="loop-panel lit"') == 4, query                 # two panels, both layouts
        for key, title in zip("abcd", ("(a) Reason to worry<", "(b) Reason gone<", "(c) Conventional self<",
                                       "(d) PNSE<")):
            at = panel.index('class="panel-title"', panel.index(f">{title}") - 120)
            chunk = panel[panel.rindex("<g class=", 0, at):at]
            assert ('loop-panel lit' in chunk) == (key in lit), (query, key)
    assert re.search(r'class="l4-open"[^>]*>no link <tspan[^>]*>back</tspan>', _panel(client.get("/pnse-anxiety").text))


def test_the_page_points_to_professional_help(client):
    assert "qualified professional" in client.get("/pnse-anxiety").text


def test_loop_gains_are_shown_to_two_decimals_unless_more_are_needed(client):
    """Review: the loops widget said 'gain 0.5225' (4 decimals) wherever one loop needed them."""
    text = visible_text(client.get("/pnse-anxiety?news=ill&model=pnse&attention=0.55&worry=0.95&self_gain=0").text)
    assert "0.5225" not in text and "gain 0.52" in text and "combined +0.52;" in text
    assert [f for f in faults(text) if f.startswith("four significant decimals")] == []
    near_one = visible_text(client.get("/pnse-anxiety?attention=1.05&worry=0.95&self_gain=0&model=pnse").text)
    assert "0.99, below 1" in near_one and "1.00, below" not in near_one    # 0.9975 is not shown as 1.00 (rounded down)


def test_an_unavailable_slider_says_no_effect_now_once(client):
    """Review 3, PN-1: at ?model=pnse the self-reflective link's description read 'No effect now: No effect now: in
    PNSE …' (the controls add the prefix, and the page's reason began with it too)."""
    html = client.get("/pnse-anxiety?model=pnse").text
    why = html.split('id="loops-self_gain-why">')[1].split("</span>")[0]
    assert why.strip() == "No effect now: in PNSE there is no Active Self to carry this link."
    assert html.count("No effect now: No effect now") == 0


def test_the_glossary_explains_involuntary_attention_where_the_page_does(client):
    """Review 3, GL-1: the glossary sent 'involuntary attention' to 'How much anxiety do you want?', which only uses
    the term; it is introduced and explained in 'Loops that hold anxiety up'."""
    html = client.get("/glossary").text
    entry = html[html.index('id="involuntary-attention"'):]
    entry = entry[:entry.index("</dd>")] if "</dd>" in entry else entry[:2000]
    assert 'href="/pnse-anxiety#loops"' in entry and "#how-much" not in entry
    page = client.get("/pnse-anxiety").text
    loops = page[page.index('id="loops"'):page.index('id="how-much"')]
    assert "<strong>involuntary attention</strong>" in loops or "involuntary attention</" in loops


def test_the_inhibiting_arrow_is_called_by_the_colour_it_is_drawn_in(client):
    """/pnse-anxiety: the panels' key called the inhibiting arrow 'dashed red', and it is drawn in the Okabe-Ito
    vermilion (#D55E00), an orange-red."""
    from app.registry import EXPLORABLES
    css = next(p for p in EXPLORABLES if p.slug == "pnse-anxiety").folder.joinpath("style.css").read_text()
    assert ".l4-arrow.minus { stroke: var(--kit-vermilion)" in css
    text = " ".join(visible_text(client.get("/pnse-anxiety").text).split())
    assert "the dashed orange-red arrow marked − inhibits" in text and "dashed red arrow" not in text


def test_with_no_involuntary_attention_both_links_are_shown_to_do_nothing(client):
    """At ?news=ill&model=conventional&attention=0&worry=0.8&self_gain=0.5 dragging the object-level or the
    self-reflective link changed nothing on the page, yet both sliders looked live and gave no reason."""
    import re

    from app.pages.pnse_anxiety.page import LOOPS
    html = client.get("/pnse-anxiety?news=ill&model=conventional&attention=0&worry=0.8&self_gain=0.5").text
    for name in ("worry", "self_gain"):
        assert "aria-disabled" in re.search(rf'<input type="range" id="loops-{name}"[^>]*>', html).group(0), name
        why = html.split(f'id="loops-{name}-why">')[1].split("</span>")[0]
        assert why.strip() == "No effect now: with no involuntary attention, the feeling brings no thought to mind."
    assert "aria-disabled" not in re.search(r'<input type="range" id="loops-attention"[^>]*>', html).group(0)
    state = {**LOOPS.defaults(), "attention": 0}
    said = lambda **v: LOOPS.claim_texts(LOOPS.run({**state, **v}))
    assert said(worry=0, self_gain=0) == said(worry=1.5, self_gain=1.5)       # what the reason claims holds
    live = client.get("/pnse-anxiety?attention=0.05").text                   # a little attention: both links count
    assert 'id="loops-worry-why"' not in live or "No effect now" not in live.split('id="loops-worry-why">')[1].split("</span>")[0]
    assert said(attention=0.05, worry=0) != said(attention=0.05, worry=1.5)


def test_no_gain_label_is_drawn_where_the_line_at_gain_1_or_a_bar_can_cross_it():
    """Issue 34, legibility: the dotted line at gain 1 ran through the object-level bar's label '+0.80' (bar labels
    sat just past each bar's end). The gains are now a column right of the plot, one per bar, as the text gives them."""
    from app.pages.pnse_anxiety.page import LOOPS
    from app.pages.pnse_anxiety.present import gains
    for state in ({}, {"news": "fine", "model": "pnse", "attention": 1.5, "worry": 1.5},
                  {"attention": 1.5, "worry": 1.5, "self_gain": 1.5}):
        r = LOOPS.run({**LOOPS.defaults(), **state})
        fig = LOOPS.render_figures(r)["gains"]
        assert all(t.get("textposition") == "none" for t in fig["data"]), state
        notes = fig["layout"]["annotations"]
        assert [n["text"] for n in notes] == list(gains(r, True)), state
        assert all(n["xref"] == "paper" and n["x"] >= 1 and n["xanchor"] == "left" for n in notes), state
        assert fig["layout"]["margin"]["r"] >= 64, state


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1440])
def test_every_box_in_the_four_panels_gives_its_words_room(watched, server_url, width):
    """Review of issue 34: 'Awareness' filled its box edge to edge in panel (d) (under 2 units either side). Each
    box's words now keep at least 6 units of the drawing's geometry clear of its sides, in the layout shown."""
    page = watched(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{server_url}/pnse-anxiety")
    room = page.evaluate("""() => [...document.querySelectorAll('#panel-loops-panels svg.loops4')]
      .filter(svg => svg.getBoundingClientRect().width > 0).flatMap(svg => [...svg.querySelectorAll('.node')].map(g => {
        const box = g.querySelector('rect').getBBox();
        return [g.textContent.trim().replace(/\\s+/g, ' '), Math.min(...[...g.querySelectorAll('text')].map(t => t.getBBox())
          .map(t => Math.min(t.x - box.x, box.x + box.width - t.x - t.width)))];
      }))""")
    assert len(room) == 4 * 3 + 2, room          # 2 + 2 + 3 + 3 boxes in the cortex, one brainstem box per panel
    tight = [(words, round(r, 1)) for words, r in room if r < 6]
    assert not tight, tight


def test_the_panels_arrowheads_are_the_sites_one_arrowhead(client):
    """Issue 34, one arrowhead style: the panels drew their own markers, 7 stroke widths long (17.5 units on a 2.5 line);
    each is now templates/_arrowhead.html's: 11 units whatever the line, its tip at the line's end."""
    panel = _panel(client.get("/pnse-anxiety").text)
    markers = re.findall(r"<marker [^>]*>", panel)
    assert len(markers) == 4, markers                      # plus and minus, in both layouts
    for m in markers:
        assert 'markerUnits="userSpaceOnUse"' in m and 'markerWidth="11"' in m and 'refX="10"' in m, m


@pytest.mark.parametrize("state", [{}, {"level": 0}, {"stakes": 0}, {"discomfort": 0.5, "problems": 30},
                                   {"stakes": 20, "discomfort": 0, "problems": 1}])
def test_the_cost_lines_are_named_beside_their_ends_not_in_a_legend_under_the_chart(state):
    """Issue 34, one scroll: the cost chart's legend under it took 170 px of a 420 px figure. The three lines are now
    named in a column right of the plot, each by its own end, in its colour, none overlapping another; only the two
    markers keep a legend, one line at the top."""
    from app.pages.pnse_anxiety.page import HOWMUCH
    from app.pages.pnse_anxiety.present import COST_PLOT_PX, LINE_PX
    fig = HOWMUCH.render_figures(HOWMUCH.run({**HOWMUCH.defaults(), **state}))["cost"]
    lines = [t for t in fig["data"] if t["mode"] == "lines"]
    assert all(t.get("showlegend") is False for t in lines) and fig["layout"]["legend"]["y"] == 1
    notes = fig["layout"]["annotations"]
    from app import figkit        # each named in its line's colour, as words are drawn (figkit.legible)
    assert [n["font"]["color"] for n in notes] == [figkit.TEXT_SHADES.get(c, c) for c in (t["line"]["color"] for t in lines)]
    spans = sorted((n["y"] * COST_PLOT_PX - LINE_PX * (1 + n["text"].count("<br>")) / 2,
                    n["y"] * COST_PLOT_PX + LINE_PX * (1 + n["text"].count("<br>")) / 2) for n in notes)
    assert spans[0][0] >= 0 and spans[-1][1] <= COST_PLOT_PX, spans
    assert all(low[1] <= high[0] for low, high in zip(spans, spans[1:])), spans
    assert all(n["xref"] == "paper" and n["x"] == 1 and n["xanchor"] == "left" for n in notes)
    assert fig["layout"]["margin"]["r"] >= 70


@pytest.mark.browser
@pytest.mark.parametrize("widget", ["loops", "howmuch"])
def test_each_widget_fits_a_desktop_window(watched, server_url, widget):
    """Issue 34, one scroll: at 1440x900 the loops widget was 1,427 px tall and how-much 1,004, so their controls
    sat below the window; each now fits it less 24 px (layout.js makes such a widget sticky beside its prose)."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/pnse-anxiety")
    assert page.evaluate(f"document.getElementById('widget-{widget}').offsetHeight") <= 900 - 24
