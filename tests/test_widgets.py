"""Generic browser tests: every widget of every registered page, with no per-page code. For each
widget a control is chosen whose change alters its figures (found by running the model), then: a
press whose answer was fetched ahead (anticipate.js) sends nothing, updates the address and shows what the
server shows for that state (for a widget whose presses are not fetched ahead: keyboard change -> one HTMX
request -> figures and address bar change); the address reopened in a fresh context restores the state;
reset returns to the defaults; and with JavaScript off, the widget's plain GET form submits its change and
keeps every other widget's state. (A press answered by the server, `from=` and all, on every control of
every widget: tests/test_reading_layout.py.)"""
from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from helpers import open_page, settled

from app.framework import fmt_number
from app.registry import EXPLORABLES

pytestmark = pytest.mark.browser
WIDGETS = [(page, w) for page in EXPLORABLES for w in page.widgets]
IDS = [f"{page.slug}-{w.id}" for page, w in WIDGETS]


def figures_json(widget, values) -> str:
    return json.dumps(widget.render_figures(widget.run(values)), sort_keys=True)


def change_for(widget):
    """(parameter, key to press, new value as text): the first control whose one-step keyboard
    change alters the widget's figures at the defaults."""
    defaults = widget.defaults()
    base = figures_json(widget, defaults)
    for p in widget.params:
        if p.kind == "choice":
            i = p.values.index(p.default)
            key, value = ("ArrowDown", p.values[i + 1]) if i + 1 < len(p.values) else ("ArrowUp", p.values[i - 1])
        else:
            up = p.default + p.step <= p.max
            key = "ArrowRight" if up else "ArrowLeft"
            value = round(p.default + (p.step if up else -p.step), 10)
            value = int(value) if p.integer else value
        if figures_json(widget, {**defaults, p.name: value}) != base:
            return p, key, p.to_text(value)
    raise AssertionError(f"no single control of {widget.id} changes its figures")


def slider_change_for(widget):
    """(parameter, key, new value as text) for the first slider whose one-step change alters the
    widget's figures at the defaults; None when no slider does."""
    defaults = widget.defaults()
    base = figures_json(widget, defaults)
    for p in widget.params:
        if p.kind == "choice":
            continue
        up = p.default + p.step <= p.max
        value = round(p.default + (p.step if up else -p.step), 10)
        value = int(value) if p.integer else value
        if figures_json(widget, {**defaults, p.name: value}) != base:
            return p, "ArrowRight" if up else "ArrowLeft", p.to_text(value)
    return None


AHEAD = [(page, w) for page, w in WIDGETS if w.live_update and slider_change_for(w)]


def query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def control(page, widget, p):
    if p.kind == "choice":
        return page.locator(f".controls[data-widget={widget.id}] input[name={p.name}]:checked")
    return page.locator(f"#{widget.id}-{p.name}")


def plot_data(page, widget) -> str:
    return page.evaluate("""wid => JSON.stringify([...document.querySelectorAll('.widget[data-widget=' + wid + '] .js-plotly-plot')]
        .map(p => [p.data, p.layout.shapes, p.layout.annotations]))""", widget.id)


def chart_boxes(page, widget) -> list:
    """Each chart of the widget: id and size, and the size of what Plotly drew in it."""
    return page.evaluate(CHART_BOXES, widget.id)


CHART_BOXES = """wid => [...document.querySelectorAll('.widget[data-widget=' + wid + '] .js-plotly-plot')].map(p => {
    const r = p.getBoundingClientRect(), svg = p.querySelector('.main-svg').getBoundingClientRect();
    return [p.id, r.width, r.height, svg.width, svg.height]; })"""
# Marks the charts shown; NEW_CHARTS counts the charts shown since that are other elements.
MARK_CHARTS = "wid => document.querySelectorAll('.widget[data-widget=' + wid + '] .js-plotly-plot').forEach(p => { p.__marked = true; })"
NEW_CHARTS = "wid => [...document.querySelectorAll('.widget[data-widget=' + wid + '] .js-plotly-plot')].filter(p => !p.__marked).length"
DUPLICATE_IDS = "() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id); return ids.filter((x, i) => ids.indexOf(x) !== i); }"


def open_widget(ctx, server_url, page_decl, widget, query=""):
    return open_page(ctx, f"{server_url}/{page_decl.slug}{query}#widget-{widget.id}",
                     [f"plot-{widget.id}-{f.id}" for f in widget.figure_list])


def press(page, widget, p, key):
    control(page, widget, p).focus()
    page.keyboard.press(key)
    if not widget.live_update:
        page.locator(f"#form-{widget.id} button.update").click()


# The widgets whose presses are not fetched ahead (the others: the next test, which also resets them).
PLAIN = [(page, w) for page, w in WIDGETS if (page, w) not in AHEAD]


@pytest.mark.parametrize("page_decl,widget", PLAIN, ids=[f"{page.slug}-{w.id}" for page, w in PLAIN])
def test_keyboard_change_redraws_and_updates_the_address(watched, server_url, page_decl, widget):
    p, key, value = change_for(widget)
    page = open_widget(watched(), server_url, page_decl, widget)
    page.evaluate("() => { Explorables.anticipate = false; }")   # the answer comes from the server
    settled(page, widget.id)
    fragments = []
    page.on("request", lambda r: fragments.append(r.url) if "/fragments/" in r.url else None)
    before = plot_data(page, widget)
    press(page, widget, p, key)
    page.wait_for_function("([n, v]) => new URLSearchParams(location.search).get(n) === v", arg=[p.name, value])
    page.wait_for_function("([wid, b]) => JSON.stringify([...document.querySelectorAll('.widget[data-widget=' + wid + "
                           "'] .js-plotly-plot')].map(p => [p.data, p.layout.shapes, p.layout.annotations])) !== b",
                           arg=[widget.id, before])
    assert urlsplit(page.url).fragment == f"widget-{widget.id}"
    assert len(fragments) == 1 and f"{p.name}={value}" in fragments[0]

    # The address, opened again, shows the same state and the same figures (for a widget whose
    # presses are fetched ahead, the next test checks that, captions included, after its press).
    settled(page, widget.id)
    if (page_decl, widget) not in AHEAD:
        after = plot_data(page, widget)
        fresh = open_widget(watched(), server_url, page_decl, widget, "?" + urlsplit(page.url).query)
        settled(fresh, widget.id)
        assert fresh.url == page.url
        if p.kind == "choice":
            assert control(fresh, widget, p).get_attribute("value") == value
        else:
            assert control(fresh, widget, p).input_value() == value
        fresh.wait_for_function("([wid, a]) => JSON.stringify([...document.querySelectorAll('.widget[data-widget=' + wid + "
                                "'] .js-plotly-plot')].map(p => [p.data, p.layout.shapes, p.layout.annotations])) === a",
                                arg=[widget.id, after])

    # Reset puts every control of the widget back to its default, and its figures with them.
    page.locator(f"#form-{widget.id} a.reset").click()
    page.wait_for_function("([n, v]) => new URLSearchParams(location.search).get(n) === v",
                           arg=[p.name, p.to_text(p.default)])
    page.wait_for_function("([wid, b]) => JSON.stringify([...document.querySelectorAll('.widget[data-widget=' + wid + "
                           "'] .js-plotly-plot')].map(p => [p.data, p.layout.shapes, p.layout.annotations])) === b",
                           arg=[widget.id, before])
    state = query_of(page.url)
    assert all(state[q.name] == q.to_text(q.default) for q in widget.params)


@pytest.mark.parametrize("page_decl,widget", AHEAD, ids=[f"{page.slug}-{w.id}" for page, w in AHEAD])
def test_a_press_fetched_ahead_sends_nothing_and_shows_what_the_server_shows(watched, server_url, page_decl, widget):
    p, key, value = slider_change_for(widget)
    page = open_widget(watched(), server_url, page_decl, widget)
    settled(page, widget.id)
    page.evaluate("() => { window.__held = []; document.addEventListener('explorables:held', e => window.__held.push(e.detail)); }")
    neighbours = sum(1 for v in (p.default - p.step, p.default + p.step) if p.min - 1e-9 <= v <= p.max + 1e-9)
    page.keyboard.press("Shift")                 # the reader is on the keyboard
    control(page, widget, p).focus()
    page.wait_for_function("n => window.__held.length === n", arg=neighbours)
    assert any(query_of(u).get(p.name) == value for u in page.evaluate("window.__held"))
    page.wait_for_function("wid => Explorables.figure(wid).ready()", arg=widget.id)   # charts drawn ahead
    boxes = chart_boxes(page, widget)
    before = plot_data(page, widget)
    page.evaluate(MARK_CHARTS, widget.id)
    fragments = []
    page.on("request", lambda r: fragments.append(r.url) if "/fragments/" in r.url else None)
    page.keyboard.press(key)
    page.wait_for_function("([n, v]) => new URLSearchParams(location.search).get(n) === v", arg=[p.name, value])
    settled(page, widget.id)
    assert urlsplit(page.url).fragment == f"widget-{widget.id}"
    assert not [u for u in fragments if query_of(u).get(p.name) == value]   # the press itself asked for nothing
    # At least one chart shown is one drawn ahead (another element), at the same size.
    assert page.evaluate(NEW_CHARTS, widget.id) >= 1
    assert chart_boxes(page, widget) == boxes
    assert page.evaluate(DUPLICATE_IDS) == []
    fresh = open_widget(watched(), server_url, page_decl, widget, "?" + urlsplit(page.url).query)
    settled(fresh, widget.id)
    assert fresh.url == page.url and control(fresh, widget, p).input_value() == value
    assert plot_data(fresh, widget) == plot_data(page, widget)
    captions = f"#widget-{widget.id} figcaption, #table-{widget.id}"   # the table sits under the hood (issue 34)
    assert fresh.locator(captions).all_inner_texts() == page.locator(captions).all_inner_texts()

    # The way back shows the charts it replaced (kept, not drawn again), and forward again the new ones.
    after = plot_data(page, widget)
    back = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"
    moved = float(value)
    neighbours += sum(1 for v in (moved - p.step, moved + p.step) if p.min - 1e-9 <= v <= p.max + 1e-9)   # asked from the new state
    for k, v, shows in ((back, p.to_text(p.default), before), (key, value, after)):
        page.wait_for_function("([wid, n]) => window.__held.length >= n && Explorables.figure(wid).ready()",
                               arg=[widget.id, neighbours])
        page.keyboard.press(k)
        page.wait_for_function("([n, v]) => new URLSearchParams(location.search).get(n) === v", arg=[p.name, v])
        settled(page, widget.id)
        assert plot_data(page, widget) == shows
        if shows is before:
            assert page.evaluate(NEW_CHARTS, widget.id) == 0   # every chart shown is one shown at first
        # Back at the first state, its neighbours' answers are still held: nothing more is fetched.
    assert page.evaluate(NEW_CHARTS, widget.id) >= 1

    # Reset puts every control of the widget back to its default, and its figures with them.
    page.locator(f"#form-{widget.id} a.reset").click()
    page.wait_for_function("([n, v]) => new URLSearchParams(location.search).get(n) === v",
                           arg=[p.name, p.to_text(p.default)])
    settled(page, widget.id)
    assert plot_data(page, widget) == before
    state = query_of(page.url)
    assert all(state[q.name] == q.to_text(q.default) for q in widget.params)


@pytest.mark.parametrize("page_decl,widget", WIDGETS, ids=IDS)
def test_plain_form_without_javascript_keeps_the_other_widgets_state(watched, server_url, page_decl, widget):
    p, _, value = change_for(widget)
    # Every other widget starts away from its defaults (its last option, or its maximum).
    others = {q.name: q.to_text(q.values[-1] if q.kind == "choice" else q.max)
              for w in page_decl.widgets if w is not widget for q in w.params}
    page = watched(java_script_enabled=False).new_page()
    page.goto(f"{server_url}/{page_decl.slug}?{urlencode(others)}")
    if p.kind == "choice":
        page.locator(f".controls[data-widget={widget.id}] input[name={p.name}][value='{value}']").check()
    else:
        page.locator(f"#{widget.id}-{p.name}").fill(value)
    page.locator(f"#form-{widget.id} button.update").click()
    page.wait_for_url(f"**/{page_decl.slug}?*")
    state = query_of(page.url)
    assert state[p.name] == value or fmt_number(float(state[p.name])) == value
    assert {k: state[k] for k in others} == others
    assert urlsplit(page.url).fragment == f"widget-{widget.id}"


def test_a_step_answered_ahead_plays_its_transition_once(watched, server_url):
    """A step-through's transition class (controls.js) is set before a held answer lands, so it is
    cleared after the step as on any other update."""
    page_decl = next(p for p in EXPLORABLES if p.slug == "stranger-danger")
    widget = page_decl.widget("walkthrough")
    page = open_widget(watched(), server_url, page_decl, widget)
    settled(page, widget.id)
    page.evaluate("() => { window.__held = 0; document.addEventListener('explorables:held', () => window.__held++); }")
    page.keyboard.press("Shift")
    page.locator("#walkthrough-step").focus()
    page.wait_for_function("() => window.__held === 1")                       # step 2 (there is no step 0)
    fragments = []
    page.on("request", lambda r: fragments.append(r.url) if "/fragments/" in r.url else None)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('step') === '2'")
    assert not [u for u in fragments if query_of(u).get("step") == "2"]      # answered ahead
    page.wait_for_function("() => !document.getElementById('widget-walkthrough').classList.contains('stepping')")


def test_charts_drawn_ahead_follow_a_theme_change_and_a_resize(watched, server_url):
    """Charts drawn ahead in one theme or at one width are not shown after the theme or the width changed."""
    page_decl = next(p for p in EXPLORABLES if p.slug == "scheming-pie-charts")
    widget = page_decl.widgets[0]
    page = open_widget(watched(), server_url, page_decl, widget)
    settled(page, widget.id)
    slider = page.locator(f"#{widget.id}-nice")

    page.evaluate("() => { window.__held = 0; document.addEventListener('explorables:held', () => window.__held++); }")

    def drawn_ahead(held):                       # held: answers fetched ahead since the page opened
        page.keyboard.press("Shift")
        slider.focus()
        page.wait_for_function("([wid, n]) => window.__held === n && Explorables.figure(wid).ready()", arg=[widget.id, held])
        assert page.evaluate("document.querySelectorAll('.plot-buffers .js-plotly-plot').length") > 0

    drawn_ahead(2)                               # 69 and 71
    page.locator("#theme-toggle").click()
    page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
    settled(page, widget.id)
    assert page.evaluate("document.querySelectorAll('.plot-buffers .js-plotly-plot').length") == 0
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('nice') === '71'")
    settled(page, widget.id)
    dark = watched(color_scheme="dark")
    fresh = open_widget(dark, server_url, page_decl, widget, "?" + urlsplit(page.url).query)
    settled(fresh, widget.id)
    assert plot_data(fresh, widget) == plot_data(page, widget)

    drawn_ahead(4)                               # 70 and 72, drawn ahead at 1280 px; then the window narrows
    page.set_viewport_size({"width": 900, "height": 900})
    page.wait_for_function(CHARTS_FIT, arg=widget.id)
    page.evaluate(MARK_CHARTS, widget.id)
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('nice') === '72'")
    settled(page, widget.id)
    assert page.evaluate(NEW_CHARTS, widget.id) == 0   # redrawn in place: nothing drawn at 1280 px was used
    assert page.evaluate(CHARTS_FIT, widget.id)


# Every chart of the widget is drawn at the width of its element.
CHARTS_FIT = """wid => [...document.querySelectorAll('.widget[data-widget=' + wid + '] .js-plotly-plot')].every(p =>
    Math.abs(p.querySelector('.main-svg').getBoundingClientRect().width - p.getBoundingClientRect().width) < 1)"""
