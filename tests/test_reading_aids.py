"""What the prose and controls add to a figure, generic over the registry: "show me" links that
set a widget's state, numbers in the prose that scrub like sliders, sliders shown unavailable when
they have no effect, and a chart marker that scrubs its step. The HTTP half runs without a browser."""
from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qsl, urlparse, urlsplit

import pytest
from driving import SEEN
from helpers import HOLD_JS, drawn, random_states, resized

from app import content
from app.startup import PROSE
from app.registry import BY_SLUG, EXPLORABLES

SHOWS = [(page, seg) for page in EXPLORABLES for seg in PROSE[page.slug].segments if seg.kind == "show"]
SCRUBS = [(page, seg) for page in EXPLORABLES for seg in PROSE[page.slug].segments if seg.kind == "scrub"]
LINK = re.compile(r'<a class="show-me" href="([^"]+)" data-show-for="form-([a-z0-9_-]+)" data-show="([^"]*)"'
                  r'( aria-current="true")?>')


def test_every_page_has_show_me_links_and_a_scrubbable_number():
    for page in EXPLORABLES:
        kinds = {seg.kind for seg in PROSE[page.slug].segments}
        assert {"show", "scrub"} <= kinds, page.slug


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_a_show_me_link_is_the_deep_link_to_its_state(client, explorable):
    html = client.get(f"/{explorable.slug}").text
    links = list(LINK.finditer(html))
    assert len(links) == sum(1 for p, _ in SHOWS if p is explorable)
    for m in links:
        href, sets = unescape(m.group(1)), dict(parse_qsl(unescape(m.group(3))))
        # it lands on the part of its widget placed last before it (a later stage, framework.Stage, or the widget)
        parts = [a for a in re.findall(rf'<div class="widget[^"]*" id="(widget-{m.group(2)}(?:--[a-z0-9_-]+)?)"',
                                       html[:m.start()])]
        assert urlsplit(href).fragment == (parts[-1] if parts else f"widget-{m.group(2)}")
        assert sets and sets.items() <= dict(parse_qsl(urlsplit(href).query)).items()
        # Following it shows that state, and there the link is marked as the one showing.
        there = client.get(href).text
        assert 'id="link-notice"' not in there
        marked = [n for n in LINK.finditer(there) if n.group(3) == m.group(3)]
        assert marked and all(n.group(4) for n in marked), href


def test_a_show_me_link_is_an_example_of_its_widget_and_keeps_the_other_widgets(client):
    html = client.get("/what-agi-is?size=4&coverage=60&length=200").text
    href = unescape(re.search(r'<a class="show-me" href="([^"]+)"[^>]*data-show="[^"]*learning=0"', html).group(1))
    q = dict(parse_qsl(urlsplit(href).query))
    # its own widget: defaults plus the named setting; the other widgets: as the reader left them
    assert q["learning"] == "0" and q["length"] == "500" and q["size"] == "4" and q["coverage"] == "60"


def test_a_scrubbable_number_is_plain_text_with_the_value_without_javascript(client):
    html = client.get("/what-agi-is?size=4").text
    assert re.search(r'<span class="scrub ch\d+" data-scrub-for="lunch-size">4</span>', html)
    html = client.get("/scheming-pie-charts?exchange=35").text
    assert re.search(r'<span class="scrub ch\d+" data-scrub-for="pies-exchange">35%</span>', html)


def test_bad_show_and_scrub_markers_are_refused_at_start_up():
    page = BY_SLUG["scheming-pie-charts"]
    text = (page.folder / "content.md").read_text() + (
        "\n\nA [[show:pies rlhf=99|bad]] link, [[show:pies colour=red|unknown]], "
        "[[scrub:pies.scenario]] and [[scrub:pies.nothing]].\n")
    problems = content.check(page, content.parse(text))
    assert any("rlhf" in p and "0 to 6" in p for p in problems)
    assert any("colour" in p for p in problems)
    assert any("pies.scenario" in p for p in problems) and any("pies.nothing" in p for p in problems)


def test_a_marker_the_parser_cannot_read_is_refused_rather_than_shown_raw():
    page = BY_SLUG["scheming-pie-charts"]
    text = (page.folder / "content.md").read_text() + "\n\nA [[show:pies rlhf=3|" + "label " * 20 + "]] link.\n"
    problems = content.check(page, content.parse(text))
    assert any(p.startswith("unrecognised marker: '[[show:pies rlhf=3|label") for p in problems), problems


def _states(page, widget, n=25):
    """Defaults, the page's examples and extremes, and seeded random states of one widget."""
    names = {p.name for p in widget.params}
    states = [widget.defaults()]
    for s in (*page.examples, *page.extremes):
        states.append({**widget.defaults(), **{k: v for k, v in s.items() if k in names}})
    states += random_states(widget, n, seed=7)
    return states


@pytest.mark.parametrize("page,widget", [(p, w) for p in EXPLORABLES for w in p.widgets],
                         ids=[f"{p.slug}-{w.id}" for p in EXPLORABLES for w in p.widgets])
def test_a_slider_shown_unavailable_really_has_no_effect(page, widget):
    def shown(values):
        result = widget.run(values)
        return json.dumps([widget.render_figures(result), widget.summary(result), widget.live(result),
                           widget.claim_texts(result)], sort_keys=True)

    for state in _states(page, widget):
        for name, why in widget.inactive(state).items():
            p = widget.param(name)
            assert p is not None and p.kind == "number" and why
            assert shown({**state, name: p.min}) == shown({**state, name: p.max}), (state, name)


def test_pies_sliders_are_unavailable_where_the_scenario_ignores_them(client):
    llm = client.get("/scheming-pie-charts").text
    brain = client.get("/scheming-pie-charts?scenario=brainlike").text
    slider = lambda html, name: re.search(rf'<input type="range" id="pies-{name}"[^>]*>', html).group(0)
    assert "aria-disabled" in slider(llm, "innate") and "aria-disabled" not in slider(llm, "nice")
    assert "aria-disabled" in slider(brain, "nice") and "aria-disabled" not in slider(brain, "innate")
    assert "No effect now: a brain-like AGI has no pretraining." in brain


# ------------------------------------------------------------------------------------ browser

@pytest.mark.browser
@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_show_me_links_set_the_figure_without_a_page_load(watched, server_url, explorable):
    """...and without moving the page (issue 34): the link stays where it was pressed, at a desktop and a phone
    window, and what it changed is seen at least 80% on screen (itself, or its copy in the hold)."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/{explorable.slug}")
    page.evaluate("window.__samePage = true")
    page.evaluate(HOLD_JS)
    clicks = [(1440, 900)] * 3 + [(390, 844)] * 2
    for k, size in enumerate(clicks[:page.locator("a.show-me:not([aria-current])").count() + 2]):
        if k == 3:
            resized(page, *size)
        link = page.locator("a.show-me:not([aria-current])").first.element_handle()
        if link is None:
            continue
        sets = dict(parse_qsl(link.get_attribute("data-show")))
        form = link.get_attribute("data-show-for")
        link.scroll_into_view_if_needed()
        wid = form.removeprefix("form-")
        before = page.evaluate("wid => window.__hold.signature(wid)", wid)
        top = link.bounding_box()["y"]
        link.click()
        page.wait_for_function("""sets => { const q = new URLSearchParams(location.search);
            return Object.entries(sets).every(([k, v]) => q.get(k) === v); }""", arg=sets)
        page.wait_for_function("el => el.getAttribute('aria-current') === 'true'", arg=link)
        page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                               arg=wid)
        page.evaluate("() => window.__hold.frames()")
        assert abs(link.bounding_box()["y"] - top) <= 2, (size, sets, "the link moved", top, link.bounding_box()["y"])
        seen = page.evaluate(SEEN, [wid, before])
        assert seen is None or seen["shown"] >= 0.8, (size, sets, seen)
        for name, value in sets.items():
            radio = page.locator(f".controls[data-widget={wid}] input[type=radio][name={name}][value='{value}']")
            if radio.count():
                assert radio.is_checked()
            else:
                assert float(page.locator(f".controls[data-widget={wid}] input[name={name}]").input_value()) == float(value)
        assert page.evaluate("window.__samePage === true")   # no navigation happened
    # every link that names a state of this page is still its deep link: the current state but for what it names
    now = dict(parse_qsl(urlparse(page.url).query))
    for href, show in page.evaluate("""() => [...document.querySelectorAll('a.show-me[data-show], a.part-link[data-show]')]
            .filter(a => new URL(a.getAttribute('href'), location.href).pathname === location.pathname).map(a => [a.getAttribute('href'), a.dataset.show])"""):
        named = dict(parse_qsl(show))
        stale = {k: v for k, v in parse_qsl(urlparse(href).query) if k not in named and now.get(k) != v}
        assert not stale, (href, stale)


@pytest.mark.browser
@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_a_number_in_the_prose_scrubs_its_slider(watched, server_url, explorable):
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/{explorable.slug}")
    page.wait_for_function("() => document.querySelector('.scrub[role=slider]')")
    for i in range(page.locator(".scrub").count()):
        scrub = page.locator(".scrub").nth(i)
        slider = page.locator("#" + scrub.get_attribute("data-scrub-for"))
        name = slider.get_attribute("name")
        assert scrub.get_attribute("aria-valuemax") == slider.get_attribute("max")
        assert scrub.get_attribute("aria-label").startswith(page.locator(f"label[for={slider.get_attribute('id')}]")
                                                             .text_content().strip())
        scrub.focus()
        page.keyboard.press("End")
        page.wait_for_function("([n, v]) => Number(new URLSearchParams(location.search).get(n)) === v",
                               arg=[name, float(slider.get_attribute("max"))])
        assert float(scrub.get_attribute("aria-valuenow")) == float(slider.input_value()) == float(slider.get_attribute("max"))
        assert scrub.text_content() == page.locator(f"#{slider.get_attribute('id')}-out").text_content()
        page.keyboard.press("Home")
        low = float(slider.get_attribute("min"))
        assert float(slider.input_value()) == low
        # Let the update land first: its new sentences may reflow the paragraph the number sits in.
        wid = slider.get_attribute("id")[:-len(name) - 1]
        page.wait_for_function("([wid, n, v]) => { const q = new URLSearchParams(document.getElementById('figdata-' + wid)"
                               ".dataset.query); return (!q.has(n) || Number(q.get(n)) === v) && "
                               "document.getElementById('widget-' + wid).dataset.figureState === 'drawn'; }",
                               arg=[wid, name, low])
        # A drag to the right raises it; then an arrow key steps it back down.
        scrub.scroll_into_view_if_needed()
        box = scrub.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] / 2 + 80, box["y"] + box["height"] / 2, steps=4)
        page.mouse.up()
        dragged = float(slider.input_value())
        assert dragged > low
        page.keyboard.press("ArrowLeft")
        assert float(slider.input_value()) == pytest.approx(dragged - float(slider.get_attribute("step")))
        page.wait_for_function("([n, v]) => Number(new URLSearchParams(location.search).get(n)) === v",
                               arg=[name, float(slider.input_value())])


@pytest.mark.browser
def test_on_a_phone_the_hold_shows_the_pie_a_link_changes_even_before_the_pies_are_first_drawn(watched, server_url):
    """Newcomer review, issue 34: on a phone "RLVR at full strength" (the pies not yet drawn) held the first pie, which
    it does not change: drawing every chart for the first time counted as changing them."""
    page = watched(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{server_url}/scheming-pie-charts")
    link = page.locator("a.show-me", has_text="RLVR at full strength").first
    link.evaluate("l => l.scrollIntoView({block: 'center'})")
    assert page.locator("#widget-pies").get_attribute("data-figure-state") == "waiting"
    link.click()
    page.wait_for_function("() => document.getElementById('widget-pies').dataset.figureState === 'drawn'")
    page.wait_for_function("() => { const h = document.querySelector('.hold'); return h && !h.hidden; }")
    assert page.evaluate("() => document.querySelector('.hold').dataset.holdOf") in ("plot-pies-rlvr", "plot-pies-path")


@pytest.mark.browser
def test_an_unavailable_slider_does_not_move_and_says_why(watched, server_url):
    page = watched().new_page()
    page.goto(f"{server_url}/scheming-pie-charts#widget-pies")
    drawn(page, "#plot-pies-pretraining")
    innate = page.locator("#pies-innate")
    assert innate.get_attribute("aria-disabled") == "true"
    innate.focus()
    page.keyboard.press("End")
    assert innate.input_value() == "0"
    assert "No effect now" in page.locator("#pies-innate-help").text_content()
    # said in view, first on its help line, not only to screen readers
    why, help_ = page.locator("#pies-innate-why").bounding_box(), page.locator("#pies-innate-help").bounding_box()
    assert why["width"] > 40 and why["height"] > 8 and abs(why["y"] - help_["y"]) < 4
    page.locator("#form-pies input[name=scenario][value=brainlike]").check()
    page.wait_for_function("() => document.querySelector('#pies-innate').getAttribute('aria-disabled') === null")
    assert page.locator("#pies-nice").get_attribute("aria-disabled") == "true"
    innate.focus()
    page.keyboard.press("End")
    page.wait_for_function("() => new URLSearchParams(location.search).get('innate') === '100'")


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1440])
def test_the_timeline_marker_scrubs_the_walkthrough(watched, server_url, width):
    page = watched(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{server_url}/stranger-danger#widget-walkthrough")
    drawn(page, "#plot-walkthrough-timeline")
    last = page.locator("#walkthrough-step").get_attribute("max")
    area = page.locator("#plot-walkthrough-timeline .nsewdrag").bounding_box()
    y = area["y"] + area["height"] / 2
    page.mouse.move(area["x"] + 2, y)
    page.mouse.down()
    page.wait_for_function("() => new URLSearchParams(location.search).get('step') === '1'")
    page.mouse.move(area["x"] + area["width"] - 2, y, steps=6)
    page.mouse.up()
    page.wait_for_function("n => new URLSearchParams(location.search).get('step') === n", arg=last)
    page.wait_for_function("n => document.querySelector('#walk-headline').textContent.includes('Step ' + n + ' of')",
                           arg=last)


def _font_sizes(node, inside_font=False):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "size" and inside_font:
                yield value
            yield from _font_sizes(value, inside_font or "font" in key.lower())
    elif isinstance(node, list):
        for item in node:
            yield from _font_sizes(item, inside_font)


@pytest.mark.parametrize("page,widget", [(p, w) for p in EXPLORABLES for w in p.widgets],
                         ids=[f"{p.slug}-{w.id}" for p in EXPLORABLES for w in p.widgets])
def test_chart_text_is_never_smaller_than_13_px(page, widget):
    for state in _states(page, widget, n=5):
        figures = widget.render_figures(widget.run(state))
        sizes = [s for fig in figures.values() for s in _font_sizes(fig)]
        assert sizes and min(sizes) >= 13, (state, sorted(set(sizes)))


@pytest.mark.browser
@pytest.mark.parametrize("explorable", [e for e in EXPLORABLES if any(
    "part-link" in (e.folder / p.template).read_text()
    or "links=" in (e.folder / p.template).read_text()
    for w in e.widgets for p in w.panels)], ids=lambda e: e.slug)
def test_a_drawings_part_pressed_from_the_keyboard_keeps_the_focus(watched, server_url, explorable):
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/{explorable.slug}")
    now = dict(parse_qsl(urlparse(page.url).query))
    # the first part in a widget's drawing that names a state other than the one shown
    target = page.evaluate("""() => [...document.querySelectorAll('.panel[id] a.part-link[data-show]')]
        .map(a => a.dataset.show).find(show => { const q = new URLSearchParams(location.search),
            n = new URLSearchParams(show); return [...n].some(([k, v]) => q.get(k) !== v); })""")
    assert target, "a drawing of this page has parts, but none that sets another state"
    link = page.locator(f'.panel[id] a.part-link[data-show="{target}"]').first
    panel = link.evaluate("a => a.closest('.panel[id]').id")
    link.focus()
    page.keyboard.press("Enter")
    sets = dict(parse_qsl(target))
    page.wait_for_function("""sets => { const q = new URLSearchParams(location.search);
        return Object.entries(sets).every(([k, v]) => q.get(k) === v); }""", arg=sets)
    page.wait_for_function("panel => { const a = document.activeElement; return a && a.matches('a.part-link') "
                           "&& a.closest('.panel[id]').id === panel; }", arg=panel, timeout=3000)
    assert now != dict(parse_qsl(urlparse(page.url).query))


@pytest.mark.browser
def test_the_hold_copies_its_drawing_again_whenever_it_changes_even_as_a_new_input_starts(watched, server_url):
    """CI flake, issue 34: an answer's late text (figure.js flush) can land in the same task as the next input's start
    (layout.js snapshot), which then saw the drawing as unchanged by that input and left its copy as it was."""
    page = watched(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{server_url}/valence-disorders")
    slider = page.locator("#day-offset")
    slider.evaluate("s => s.closest('.control').scrollIntoView({block: 'center'})")
    slider.focus()
    page.keyboard.press("End")
    page.wait_for_function("() => { const h = document.querySelector('.hold'); return h && !h.hidden "
                           "&& h.dataset.holdOf === 'panel-day-shift'; }")
    # the held drawing changes, then a key goes down, in one task: the change is seen only after the keydown
    page.evaluate("""() => { const text = document.querySelector('#panel-day-shift svg.diagram text');
        text.textContent = 'changed late';
        document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Shift', bubbles: true})); }""")
    page.wait_for_function("""() => { const h = document.querySelector('.hold');
        return !h.hidden && [...h.querySelectorAll('.hold-frame text')].some(t => t.textContent === 'changed late'); }""",
                           timeout=3000)
