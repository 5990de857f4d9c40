"""The reader's hand on every control (issue 34), shared by tests/test_reading_layout.py (which asserts on it) and
bench/hold.py (which counts it): each control of each widget put where a reader has it (mid-screen on a phone; on a
wide screen its widget at the top, then the control in view), focused, and driven to each end, once by a key and once
by the pointer at each size (_acts: a slider by End or Home and by its thumb dragged past an end of the track; a radio
group by its arrows, or by a click on another option and then its own). Each drive waits for its own update to land
(the widget's figure data names the control's new value) and be drawn, then records what moved and which part it
changed (tests/helpers.HOLD_JS measures), and after a slider's drive where the widget's figures and controls sit
inside it (BOXES)."""
from __future__ import annotations

from helpers import HOLD_JS
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Where the control sat, and where it sits once focused.
PLACE = """async ([sel, wide]) => {
  const H = window.__hold, control = document.querySelector(sel);
  if (!control || !control.getClientRects().length) return null;
  if (wide) control.closest('.widget').scrollIntoView({block: 'start'});
  control.closest('.control').scrollIntoView({block: wide ? 'nearest' : 'center'});
  await H.frames();
  const top = () => document.activeElement.closest('.control').getBoundingClientRect().top;
  const t0 = control.closest('.control').getBoundingClientRect().top;
  control.focus();
  await H.frames();
  return {t0, t: top()};
}"""

# The part a press changed, once the hold has caught up with it: the hold is redrawn on the frame after a change
# lands, and a chart's drawing can land a frame or two after the figure's 'drawn'; so up to 30 frames.
SEEN = """async ([wid, before]) => {
  let c = null;
  for (let i = 0; i < 30; i++) {
    c = window.__hold.changed(wid, before);
    if (!c || (c.shown >= 0.8 && c.fresh !== false)) return c;
    await new Promise(r => requestAnimationFrame(r));
  }
  return c;
}"""

# Where a pointer takes a slider's thumb, and past which end of its track it drags it (kept inside the window).
THUMB = """([sel, end]) => {
  const s = document.querySelector(sel), r = s.getBoundingClientRect(), span = Number(s.max) - Number(s.min);
  const f = span ? (Number(s.value) - Number(s.min)) / span : 0, y = r.top + r.height / 2;
  return {from: [r.left + 8 + f * (r.width - 16), y],
          to: [end > 0 ? Math.min(r.right + 30, innerWidth - 1) : Math.max(r.left - 30, 1), y]};
}"""

# Which end the focused slider is at (1: max, -1: min, 0: neither; None: not a slider, or unavailable now).
END = """() => { const a = document.activeElement;
  if (a.type !== 'range' || a.getAttribute('aria-disabled') === 'true') return null;
  return Number(a.value) === Number(a.max) ? 1 : Number(a.value) === Number(a.min) ? -1 : 0; }"""

# Where a widget's figures and controls sit, relative to its figure area and its form (each may scroll inside).
BOXES = """wid => {
  const w = document.getElementById('widget-' + wid), scroller = w.querySelector('.widget-main');
  const box = scroller.getBoundingClientRect();
  const main = {top: box.top - scroller.scrollTop, left: box.left, height: box.height};
  const f = w.querySelector('form'), fbox = f.getBoundingClientRect();
  const form = {top: fbox.top - f.scrollTop, left: fbox.left, height: fbox.height};
  const r = (el, o) => { const b = el.getBoundingClientRect(); return [Math.round(b.top - o.top), Math.round(b.left - o.left),
                                                                      Math.round(b.width), Math.round(b.height)]; };
  return {main: Math.round(main.height), form: Math.round(form.height),
          plots: [...w.querySelectorAll('.plot, .panel')].map(el => r(el, main)),
          controls: [...w.querySelectorAll('form .control')].map(el => r(el, form))};
}"""


def moved_inside(then: dict, now: dict) -> dict:
    """What of a widget's layout (BOXES) differs: per list, the items that moved (index, then, now)."""
    return {k: [(i, a, b) for i, (a, b) in enumerate(zip(then[k], now[k])) if a != b] or (then[k], now[k])
            if isinstance(now[k], list) else (then[k], now[k]) for k in now if now[k] != then[k]}


# The window's scroll and the control in use's place on screen (None: no control has the focus: the press missed it).
AT = """() => { const c = document.activeElement && document.activeElement.closest('.control');
  return [scrollY, c ? c.getBoundingClientRect().top : null]; }"""


def _press(page, key: str):
    return lambda: page.keyboard.press(key)


def _drag(page, sel: str, end: int):
    def act():
        at = page.evaluate(THUMB, [sel, end])
        page.mouse.move(*at["from"])
        page.mouse.down()
        page.mouse.move(*at["to"], steps=6)
        page.mouse.up()
    return act


def _click(page, sel: str):
    return lambda: page.locator(sel).click()


def end_missing(page) -> bool:
    return page.evaluate(AT)[1] is None


def _drive(page, wid: str, act, live: bool) -> dict:
    before = page.evaluate("wid => window.__hold.signature(wid)", wid)
    start = page.evaluate(AT)
    act()
    # until the update for this drive has landed (the figure data names the control's new value) and is drawn; a
    # widget updated only by its button (imprinting's Hatch), or one whose query writes the value otherwise, lands
    # nothing to wait for: then its drawn state, after at most 5 s
    try:
        if end_missing(page):
            raise PlaywrightTimeout("no control has the focus")
        if not live:
            raise PlaywrightTimeout("updated only by its button")
        page.wait_for_function("""wid => { const a = document.activeElement, fd = document.getElementById('figdata-' + wid);
            return new URLSearchParams(fd.dataset.query).get(a.name) === a.value
              && document.getElementById('widget-' + wid).dataset.figureState === 'drawn'; }""", arg=wid, timeout=5000)
    except PlaywrightTimeout:
        page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                               arg=wid)
    page.evaluate("() => window.__hold.frames()")
    end = page.evaluate(AT)
    if end[1] is None:      # the act left no control focused: a pointer pressed something else
        return {"scrolled": abs(end[0] - start[0]), "shifted": 0, "end": None, "missed": True, "changed": None}
    return {"scrolled": abs(end[0] - start[0]), "shifted": abs(end[1] - start[1]), "end": page.evaluate(END),
            "missed": False, "changed": page.evaluate(SEEN, [wid, before])}


def _acts(page, widget, p, sel: str, wide: bool):
    """Two drives a size, one by key and one by pointer, to each end in turn (a choice: to another option and back):
    on a phone the key first, on a wide screen the pointer; so each input reaches each end across the two sizes."""
    if p.kind == "choice":
        own = page.evaluate("sel => document.querySelector(sel).value", sel)
        other = next(v for v, _ in p.options if v != own)
        option = f".controls[data-widget={widget.id}] label.radio:has(> input[name='{p.name}'][value='%s'])"
        if wide:
            return (("ArrowRight", _press(page, "ArrowRight")), ("ArrowLeft", _press(page, "ArrowLeft")))
        return ((f"click {other}", _click(page, option % other)), (f"click {own}", _click(page, option % own)))
    if wide:
        return (("drag right", _drag(page, sel, 1)), ("Home", _press(page, "Home")))
    return (("End", _press(page, "End")), ("drag left", _drag(page, sel, -1)))


def drive_page(page, explorable, width: int) -> dict:
    """Every control of the page (loaded, window sized) driven; returns {"controls": [...], "cut": {widget: [...]},
    "small": [...], "tall": [[widget, height], ...]}, each control with where it moved when focused and, per drive, how far it moved on screen, how
    far the window scrolled, which end a slider reached and the part the drive changed (with its share on screen)."""
    page.evaluate(HOLD_JS)
    out = {"controls": [], "cut": {}, "small": []}
    for widget in explorable.widgets:
        page.locator(f"#widget-{widget.id}").scroll_into_view_if_needed()
        page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                               arg=widget.id)
        layout = None
        for p in widget.params:
            sel = (f".controls[data-widget={widget.id}] input[name='{p.name}']:checked" if p.kind == "choice"
                   else f"#{widget.id}-{p.name}")
            placed = page.evaluate(PLACE, [sel, width >= 1100])
            if placed is None:
                continue
            record = {"widget": widget.id, "control": p.name, "focus_moved": abs(placed["t"] - placed["t0"]),
                      "drives": []}
            # a slider's ends move nothing inside its widget: its layout as at its first slider, focused
            measure = p.kind != "choice" and widget.live_update
            if measure and layout is None:
                layout = page.evaluate(BOXES, widget.id)
            for how, act in _acts(page, widget, p, sel, width >= 1100):
                record["drives"].append({"how": how, **_drive(page, widget.id, act, widget.live_update)})
                if measure and not record["drives"][-1]["missed"]:
                    record["drives"][-1]["inside"] = moved_inside(layout, page.evaluate(BOXES, widget.id))
            out["controls"].append(record)
            page.evaluate("() => document.activeElement.blur()")
        out["cut"][widget.id] = page.evaluate("wid => window.__hold.cut(wid)", widget.id)
    out["small"] = page.evaluate("() => window.__hold.small()")
    out["tall"] = page.evaluate("() => window.__hold.tall()")
    return out
