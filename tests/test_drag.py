"""Pointer drags on a live slider (issue 35, static/js/app/drag.js): the states along the slider are fetched
ahead when it is pressed, a drag is answered from them, drawing is spread so that no frame redraws every chart
at once, the states around a thumb at rest (or under a mouse resting on the slider) are drawn ahead (a step then swaps
a chart in), parts an answer brings back unchanged are left alone, and the figure ends at the value the pointer let go
at; with the mouse at 1280 px and with a finger on a 390x844 touch screen."""
from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from helpers import drawn, settled

from app.registry import BY_SLUG

pytestmark = pytest.mark.browser
SLUG = "scheming-pie-charts"
PIES = next(w for w in BY_SLUG[SLUG].widgets if w.id == "pies")

# The fragments fetched ahead (fetch(), not HTMX's XHR), in the order they were asked for.
AHEAD = """() => performance.getEntriesByType('resource')
  .filter(e => e.name.includes('/fragments/') && e.initiatorType === 'fetch')
  .map(e => ({url: e.name, bytes: e.encodedBodySize}))"""

# Where the slider's thumb is and how far one step moves it (a native thumb is 16 px wide).
THUMB = """el => { const r = el.getBoundingClientRect(), lo = +el.min, hi = +el.max, step = +el.step || 1, thumb = 16;
  return {x: r.left + thumb / 2 + (+el.value - lo) / (hi - lo) * (r.width - thumb), y: r.top + r.height / 2,
          perStep: (r.width - thumb) * step / (hi - lo)}; }"""

# Records, at each animation frame, the slider's value, its number, and how many of the widget's charts changed
# since the previous frame; and every update the form asks for (HTMX's beforeRequest, answered ahead or not, or a state
# fetched ahead shown without a request: drag.js explorables:held-shown).
RECORD = """(id) => {
  const input = document.getElementById(id), out = document.getElementById(id + '-out');
  const rec = window.__rec = {frames: [], requests: [], on: true}, changed = new Set();
  const mo = new MutationObserver(rs => rs.forEach(r => {
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement, plot = el && el.closest('.js-plotly-plot');
    if (plot) changed.add(plot.id);
  }));
  document.querySelectorAll('#widget-pies .js-plotly-plot').forEach(p =>
    mo.observe(p, {subtree: true, childList: true, attributes: true, characterData: true}));
  // an update asked for: a request, or a state fetched ahead shown without one (drag.js)
  ['htmx:beforeRequest', 'explorables:held-shown'].forEach(type =>
    document.addEventListener(type, e => { if (rec.on) rec.requests.push(input.value); }));
  (function tick() {
    rec.frames.push({value: input.value, out: out.textContent, charts: changed.size});
    changed.clear();
    if (rec.on) requestAnimationFrame(tick); else mo.disconnect();
  })();
}"""


def state(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def open_pies(ctx, query: str = ""):
    page = ctx.new_page()
    page.goto(f"{ctx_url(ctx)}/{SLUG}" + (f"?{query}" if query else ""))
    drawn(page, "#plot-pies-pretraining")
    settled(page, "pies")
    page.wait_for_function("() => document.querySelectorAll('#widget-pies .js-plotly-plot').length === 4")
    return page


def press_thumb(page):
    """The pointer pressed on the pies' `nice` thumb: (slider, thumb geometry, value when pressed)."""
    slider = page.locator("#pies-nice")
    slider.scroll_into_view_if_needed()
    t = slider.evaluate(THUMB)
    page.mouse.move(t["x"], t["y"])
    page.mouse.down()
    return slider, t, int(slider.input_value())


def ctx_url(ctx):
    return ctx.server_url


def shown(page, name: str, value: str) -> None:
    """Until the widget shows `name=value` (its figure data landed) with every chart drawn."""
    page.wait_for_function("""([name, value]) => {
        const fd = document.querySelector('#figdata-pies');
        return new URLSearchParams(fd.dataset.query).get(name) === value
            && document.querySelector('#widget-pies').dataset.figureState === 'drawn'; }""", arg=[name, value])


def summary_at(value: int) -> str:
    return PIES.summary(PIES.run({**PIES.defaults(), "nice": value}))


def values_of(entries) -> list[int]:
    return [int(parse_qs(urlsplit(e["url"]).query)["nice"][0]) for e in entries]


@pytest.fixture
def pies(watched, server_url):
    def make(query: str = "", **kwargs):
        ctx = watched(**kwargs)
        ctx.server_url = server_url
        return open_pies(ctx, query)
    return make


def test_a_press_fetches_the_states_along_the_slider_and_the_drag_is_answered_from_them(pies):
    page = pies()
    xhr = []
    page.on("request", lambda r: xhr.append(r.url) if "/fragments/" in r.url and r.resource_type == "xhr" else None)
    slider, t, at = press_thumb(page)
    page.wait_for_function(f"() => ({AHEAD})().length >= 20", timeout=10_000)
    ahead = page.evaluate(AHEAD)
    values = values_of(ahead)
    # whole states (no `from`: they answer whatever the drag shows meanwhile), nearest first, both sides
    assert all("from=" not in e["url"] for e in ahead)
    assert sorted(abs(v - at) for v in values[:2]) == [1, 1] and len(set(values)) == len(values)
    # one step moved in the drag is answered from what was fetched: no request goes out for it
    target = at - 3 if at >= 3 else at + 3
    xhr.clear()
    page.mouse.move(t["x"] + (target - at) * t["perStep"], t["y"])
    page.wait_for_function("v => document.getElementById('pies-nice').value !== v", arg=str(at))
    now = slider.input_value()
    assert abs(int(now) - at) <= 4
    shown(page, "nice", now)
    assert xhr == []
    page.mouse.up()
    shown(page, "nice", now)
    # the text follows the figure once the drag ends; the address is the deep link to the state shown
    page.wait_for_function("s => document.getElementById('summary-pies').textContent === s", arg=summary_at(int(now)))
    page.wait_for_function("v => new URLSearchParams(location.search).get('nice') === v", arg=now)
    ahead = page.evaluate(AHEAD)
    assert len(ahead) <= 64 and sum(e["bytes"] for e in ahead) <= 300_000


def sweep(page, slider_id: str, moves, press, move, release) -> list[dict]:
    """Presses on the slider's thumb, moves the pointer `moves` steps' widths toward the farther end, one move
    every 16 ms (a hand's pace), lets go; returns what each frame showed, and the updates asked for."""
    slider = page.locator(f"#{slider_id}")
    slider.scroll_into_view_if_needed()
    t = slider.evaluate(THUMB)
    sign = 1 if int(slider.input_value()) < 50 else -1
    press(t["x"], t["y"])
    page.evaluate(RECORD, slider_id)
    x, start = t["x"], time.perf_counter()
    for k in range(moves):
        ahead = start + k * 0.016 - time.perf_counter()
        if ahead > 0:
            time.sleep(ahead)
        x += sign * t["perStep"] * 2
        move(x, t["y"])
    page.evaluate("() => { window.__rec.released = window.__rec.frames.length; }")
    release(x, t["y"])
    return slider.input_value()


def check_sweep(page, final: str) -> None:
    shown(page, "nice", final)
    rec = page.evaluate("() => { window.__rec.on = false; return window.__rec; }")
    frames, requests, dragged = rec["frames"], rec["requests"], rec["frames"][:rec["released"]]
    # the number follows the thumb in every frame
    assert all(f["out"] == f["value"] + "%" for f in frames), [f for f in frames if f["out"] != f["value"] + "%"][:3]
    # at most one update asked for per frame, for the value then shown: intermediate states skipped
    assert 0 < len(requests) <= len(frames)
    assert len(requests) < len({f["value"] for f in frames}) + 2
    # drawing is spread over the drag's frames: none redraws every chart the drag changes
    assert max(f["charts"] for f in dragged) <= 2, [f["charts"] for f in dragged]
    assert page.locator("#summary-pies").text_content() == summary_at(int(final))


def test_a_mouse_sweep_asks_once_per_frame_spreads_drawing_and_ends_at_the_release_value(pies):
    page = pies()
    final = sweep(page, "pies-nice", 30, lambda x, y: (page.mouse.move(x, y), page.mouse.down()),
                  page.mouse.move, lambda x, y: page.mouse.up())
    check_sweep(page, final)


def test_a_finger_on_a_phone_drags_the_same_way_without_moving_the_page(pies):
    page = pies(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    cdp = page.context.new_cdp_session(page)

    def touch(kind):
        return lambda x, y: cdp.send("Input.dispatchTouchEvent", {
            "type": kind, "touchPoints": [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 1}]})
    page.locator("#pies-nice").scroll_into_view_if_needed()
    before = page.evaluate("() => [scrollY, document.getElementById('pies-nice').getBoundingClientRect().top]")
    final = sweep(page, "pies-nice", 24, touch("touchStart"), touch("touchMove"), touch("touchEnd"))
    assert final != "70"
    check_sweep(page, final)
    # the press and the drag moved nothing under the finger
    assert page.evaluate("() => [scrollY, document.getElementById('pies-nice').getBoundingClientRect().top]") == before
    # and the states along the slider were fetched ahead from the touch
    assert len(page.evaluate(AHEAD)) > 0


# The charts shown, each marked; then how many shown since are other elements (drawn ahead, swapped in).
MARK = "() => document.querySelectorAll('#widget-pies .js-plotly-plot').forEach(p => { p.__marked = true; })"
UNMARKED = "() => [...document.querySelectorAll('#widget-pies .js-plotly-plot')].filter(p => !p.__marked).length"
DATA = "() => JSON.stringify([...document.querySelectorAll('#widget-pies .js-plotly-plot')].map(p => [p.data, p.layout.annotations]))"


def test_a_held_thumb_at_rest_has_the_steps_beside_it_drawn_ahead_and_a_step_shows_one(pies):
    page = pies()
    slider, t, at = press_thumb(page)
    # the states a step either side are fetched, then their changed charts drawn off screen while the thumb rests
    page.wait_for_function("""() => { const f = Explorables.figure('pies');
        return f.ready() && Object.values(f.buffers).some(list => list.length); }""", timeout=10_000)
    page.evaluate(MARK)
    page.mouse.move(t["x"] + t["perStep"], t["y"])
    page.wait_for_function("v => document.getElementById('pies-nice').value !== v", arg=str(at))
    now = slider.input_value()
    shown(page, "nice", now)
    # the step's charts are ones drawn ahead (no Plotly drawing on the step), and show what a fresh load shows
    assert page.evaluate(UNMARKED) >= 1
    page.mouse.up()
    shown(page, "nice", now)
    page.wait_for_function("v => new URLSearchParams(location.search).get('nice') === v", arg=now)
    fresh = pies(query=urlsplit(page.url).query)
    assert page.evaluate(DATA) == fresh.evaluate(DATA)


# Whether the states k = 1..n steps from the thumb, in direction d, are fetched and each of their charts drawn ahead
# (or shown already): figure.js buffers hold exactly the JSON a step would draw (light theme: no colour swaps).
DRAWN_AHEAD = """([n, d]) => {
  const E = Explorables, f = E.figure('pies'), s = document.getElementById('pies-nice');
  return f.ready() && Array.from({length: n}, (_, i) => i + 1).every(k => {
    const text = E.heldText(E.requestUrl(s.form, 'nice', E.spell(s, Number(s.value) + d * k), true));
    if (text === undefined) return false;
    const figs = JSON.parse(/data-figures='([^']*)'/.exec(text)[1].replace(/&amp;/g, '&'));
    return Object.keys(figs).every(fid => { const json = JSON.stringify(figs[fid]);
                                            return f.shown[fid] === json || f.buffered(fid, json); });
  });
}"""


def test_a_sweep_from_a_rest_passes_states_drawn_ahead_with_no_plotly_drawing(pies):
    """A hand that presses and then sweeps: while it rests, several states in the way it will go (towards the farther
    end, before any move) are drawn ahead, so the sweep through them swaps charts in and draws nothing."""
    page = pies()
    slider, t, at = press_thumb(page)
    lo, hi = float(slider.get_attribute("min")), float(slider.get_attribute("max"))
    d = 1 if hi - at >= at - lo else -1
    page.wait_for_function(DRAWN_AHEAD, arg=[4, d], timeout=15_000)
    page.evaluate("() => { window.__reacts = 0; const react = Plotly.react; "
                  "Plotly.react = function () { window.__reacts++; return react.apply(this, arguments); }; }")
    for k in range(1, 5):
        page.mouse.move(t["x"] + d * k * t["perStep"], t["y"])
        shown(page, "nice", str(int(at + d * k)))
    assert page.evaluate("() => window.__reacts") == 0
    page.mouse.up()


def test_a_mouse_resting_on_a_slider_has_the_states_beside_the_thumb_drawn_before_any_press(pies):
    """The mouse comes to rest on the slider (as a hand does before it presses): the states it fetches are drawn ahead
    too, so a drag that starts at once passes states already drawn."""
    page = pies()
    slider = page.locator("#pies-nice")
    slider.scroll_into_view_if_needed()
    t = slider.evaluate(THUMB)
    lo, hi, at = (float(slider.get_attribute(a)) for a in ("min", "max", "value"))
    page.mouse.move(t["x"], t["y"])
    page.wait_for_function(DRAWN_AHEAD, arg=[2, 1 if hi - at >= at - lo else -1], timeout=15_000)


# The out-of-band parts an update of the pies widget swaps (its words, table and live numbers), each with its markup and
# a mark on its first node, so a part swapped in again (even with the same markup) is told from one left alone.
OOB_PARTS = "#summary-pies, #table-pies, [id^=panel-pies-], [class*=claim-pies-], [class*=live-pies-]"
MARK_PARTS = """sel => [...document.querySelectorAll(sel)].map(el => {
  if (el.firstChild) el.firstChild.__kept = true; return el.innerHTML; })"""
KEPT_PARTS = """([sel, before]) => [...document.querySelectorAll(sel)].map((el, i) =>
  ({same: el.innerHTML === before[i], kept: !!(el.firstChild && el.firstChild.__kept), empty: !el.firstChild}))"""


def test_a_drag_leaves_alone_the_parts_whose_markup_it_brings_back_unchanged(pies):
    """A drag's answers are whole states (a key press's carry only what changed): a step changes some of the widget's
    words and brings others back as they were, and those are not swapped in again (each swap costs the page a layout;
    a drag's steps repeat most of their parts)."""
    page = pies()
    before = page.evaluate(MARK_PARTS, OOB_PARTS)
    slider, t, at = press_thumb(page)
    page.mouse.move(t["x"] + t["perStep"], t["y"])
    page.mouse.up()
    page.wait_for_function("v => new URLSearchParams(location.search).get('nice') !== v", arg=str(at))
    settled(page, "pies")
    parts = page.evaluate(KEPT_PARTS, [OOB_PARTS, before])
    assert any(not p["same"] for p in parts), "the step changed none of the widget's words"
    unchanged = [p for p in parts if p["same"] and not p["empty"]]
    assert len(unchanged) >= 2, parts
    assert all(p["kept"] for p in unchanged), parts
