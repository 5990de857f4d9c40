"""The figure stays in the reader's hands and the page never moves under them (issue 34), at a phone (390x844) and a
desktop (1440x900) window, generic over the registry: every control of every widget, put where a reader has it,
focused and driven to each end with the keyboard (End and Home; a radio group by its arrows), must
  - leave the page where it was: the control does not move on screen (where the change alters the height of what is
    above it, the browser's scroll anchoring moves the window by as much, so that nothing moves under the hand;
    bench/hold.py reports those scrolls);
  - show a chart or drawing the change landed in at least 80% on screen within 100 ms of it (the part itself, or
    its copy in the hold, static/js/app/layout.js);
and no widget may cut off its own content in a scroll pane, nor any drawing draw text under 12 px.
bench/hold.py prints the same measures page by page."""
from __future__ import annotations

import pytest
from helpers import HOLD_JS, resized
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from app.registry import EXPLORABLES

pytestmark = pytest.mark.browser
SIZES = [(390, 844), (1440, 900)]

# Each control driven: where it sat, where it sits after each press, and the part each press changed.
DRIVE = """async ([wid, sel, wide]) => {
  const H = window.__hold, control = document.querySelector(sel);
  if (!control || !control.getClientRects().length) return null;
  if (wide) control.closest('.widget').scrollIntoView({block: 'start'});
  control.closest('.control').scrollIntoView({block: wide ? 'nearest' : 'center'});
  await H.frames();
  const top = () => document.activeElement.closest('.control').getBoundingClientRect().top;
  const y0 = scrollY, t0 = control.closest('.control').getBoundingClientRect().top;
  control.focus();
  await H.frames();
  return {y0, t0, t: top(), y: scrollY};
}"""


# The part a press changed, once the hold has caught up with it: the hold is redrawn on the frame after a change
# lands, and a chart's drawing can land a frame or two after the figure's 'drawn'; so up to six frames (100 ms).
SEEN = """async ([wid, before]) => {
  let c = null;
  for (let i = 0; i < 30; i++) {
    c = window.__hold.changed(wid, before);
    if (!c || c.shown >= 0.8) return c;
    await new Promise(r => requestAnimationFrame(r));
  }
  return c;
}"""


def drive(page, wid: str, key: str, live: bool) -> dict:
    before = page.evaluate("wid => window.__hold.signature(wid)", wid)
    start = page.evaluate("() => [scrollY, document.activeElement.closest('.control').getBoundingClientRect().top]")
    page.keyboard.press(key)
    # until the update for this press has landed (the figure data names the control's new value) and is drawn; a
    # widget updated only by its button (imprinting's Hatch), or one whose query writes the value otherwise, lands
    # nothing to wait for: then its drawn state, after at most 5 s
    try:
        if not live:
            raise PlaywrightTimeout("updated only by its button")
        page.wait_for_function("""wid => { const a = document.activeElement, fd = document.getElementById('figdata-' + wid);
            return new URLSearchParams(fd.dataset.query).get(a.name) === a.value
              && document.getElementById('widget-' + wid).dataset.figureState === 'drawn'; }""", arg=wid, timeout=5000)
    except PlaywrightTimeout:
        page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                               arg=wid)
    page.evaluate("() => window.__hold.frames()")
    end = page.evaluate("() => [scrollY, document.activeElement.closest('.control').getBoundingClientRect().top]")
    return {"scrolled": abs(end[0] - start[0]), "shifted": abs(end[1] - start[1]),
            "changed": page.evaluate(SEEN, [wid, before])}


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_driving_any_control_keeps_the_page_still_and_its_figure_in_view(watched, server_url, explorable):
    page = watched(viewport={"width": SIZES[0][0], "height": SIZES[0][1]}).new_page()
    page.goto(f"{server_url}/{explorable.slug}")
    page.evaluate(HOLD_JS)
    problems = []
    for width, height in SIZES:                  # one load; the window resized
        resized(page, width, height)
        for widget in explorable.widgets:
            page.locator(f"#widget-{widget.id}").scroll_into_view_if_needed()
            page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                                   arg=widget.id)
            for p in widget.params:
                sel = (f"#form-{widget.id} input[name='{p.name}']:checked" if p.kind == "choice"
                       else f"#{widget.id}-{p.name}")
                placed = page.evaluate(DRIVE, [widget.id, sel, width >= 1100])
                if placed is None:
                    continue
                where = f"{width}x{height} {widget.id}.{p.name}"
                if abs(placed["t"] - placed["t0"]) > 2:
                    problems.append(f"{where}: focusing it moved the page ({placed['t0']:.0f} -> {placed['t']:.0f})")
                for key in (("ArrowRight", "ArrowLeft") if p.kind == "choice" else ("End", "Home")):
                    r = drive(page, widget.id, key, widget.live_update)
                    if r["shifted"] > 2:
                        problems.append(f"{where} {key}: the control moved {r['shifted']:.0f} px on screen")
                    if r["changed"] and r["changed"]["shown"] < 0.8:
                        problems.append(f"{where} {key}: {r['changed']['id']} changed with "
                                        f"{100 * r['changed']['shown']:.0f}% of it on screen")
                page.evaluate("() => document.activeElement.blur()")
            cut = page.evaluate("wid => window.__hold.cut(wid)", widget.id)
            if cut:
                problems.append(f"{width}x{height} {widget.id}: content cut off by a scroll pane ({cut})")
        small = page.evaluate("() => window.__hold.small()")
        problems += [f"{width}x{height}: {d['cls']} draws text at {d['least']:.1f} px" for d in small]
    assert problems == []
