"""Every drawing fits, at every state a reader can reach by the declared examples or a slider's ends,
at 360, 390 and 1280 px: in each widget panel and each drawing in the prose, no text leaves the drawing
or its box, no two texts overlap, and nothing is wider than its panel. One load per page: each state's
panels are fetched as the page's update would bring them (the widget's fragment at that state) and swapped in."""
from __future__ import annotations

import pytest

from app.framework import canonical_query
from app.registry import EXPLORABLES
from sweep import examples

pytestmark = pytest.mark.browser

WIDTHS = (360, 390, 1280)

# Problems in one drawing root (a widget panel, or a figure in the prose holding an SVG).
_PROBLEMS = """(root) => {
  const out = [], near = (r, b) => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const label = el => (el.textContent || el.tagName).trim().replace(/\\s+/g, ' ').slice(0, 50);
  const rb = root.getBoundingClientRect();
  root.querySelectorAll('*').forEach(el => {
    if (!shown(el) || el.closest('svg') && el.tagName !== 'svg') return;
    const r = el.getBoundingClientRect();
    if (r.right > rb.right + 1 || r.left < rb.left - 1) out.push('wider than its panel: ' + label(el));
    const cs = getComputedStyle(el);
    if (/hidden|clip/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) out.push('text cut off: ' + label(el));
  });
  root.querySelectorAll('svg').forEach(svg => {
    if (!shown(svg) || svg.closest('.js-plotly-plot') || svg.getBoundingClientRect().width < 60) return;
    const box = svg.getBoundingClientRect();
    svg.querySelectorAll('.node').forEach(g => {
      const frame = g.querySelector('rect.box') || g.querySelector('rect');
      if (!frame) return;
      const rect = frame.getBoundingClientRect();
      g.querySelectorAll('text, .bubble').forEach(t => { if (shown(t) && !near(t.getBoundingClientRect(), rect)) out.push('outside its box: ' + label(t)); });
    });
    const texts = [...svg.querySelectorAll('text, .bubble')].filter(t => shown(t) && t.textContent.trim()).map(t => [label(t), t.getBoundingClientRect()]);
    texts.forEach(([s, r]) => { if (!near(r, box)) out.push('outside the drawing: ' + s); });
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i][1], b = texts[j][1];
      // Lines set close together share a little of their em boxes; a third of a line is an overlap.
      const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && dy > Math.max(1, Math.min(a.height, b.height) / 3))
        out.push('overlap: ' + texts[i][0] + ' | ' + texts[j][0]);
    }
  });
  return out;
}"""

# Replace the widget's panels by those its update at `url` (a fragment of this site) swaps in, as HTMX does.
_SWAP = """async (url) => {
  const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  let swapped = 0;
  doc.querySelectorAll('[hx-swap-oob^="innerHTML:#panel-"]').forEach(p => {
    const here = document.querySelector(p.getAttribute('hx-swap-oob').slice('innerHTML:'.length));
    if (here) { here.innerHTML = p.innerHTML; swapped++; }
  });
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return swapped;
}"""

_ROOTS = """() => {
  const roots = [...document.querySelectorAll('article .panel[id^="panel-"]')];
  document.querySelectorAll('article svg').forEach(svg => {
    if (svg.closest('.panel') || svg.closest('.js-plotly-plot') || svg.getBoundingClientRect().width < 60) return;
    const root = svg.closest('figure') || svg.parentElement;
    if (!roots.includes(root)) roots.push(root);
  });
  roots.forEach((r, i) => r.setAttribute('data-fit-root', i));
  return roots.length;
}"""


def states(page):
    """Each widget's declared examples and extremes, and each slider at its two ends (the others at defaults)."""
    out = []
    for w in page.widgets:
        out += examples(page, w)[1:]
        for p in w.params:
            if p.kind != "choice":
                out += [{**w.defaults(), p.name: v} for v in (p.grid()[0], p.grid()[-1])]
            else:
                out += [{**w.defaults(), p.name: v} for v in p.grid() if v != p.default]
    return [(w, s) for w in page.widgets for s in out if set(s) == {p.name for p in w.params}]


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=[e.slug for e in EXPLORABLES])
def test_every_drawing_fits_at_every_declared_state_and_slider_end(watched, server_url, explorable):
    page = watched(viewport={"width": WIDTHS[0], "height": 900}).new_page()
    page.goto(f"{server_url}/{explorable.slug}")
    problems: dict[str, str] = {}
    reached = [(None, None)] + states(explorable)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for widget, state in reached:
            query = "" if state is None else canonical_query(widget.params, state)
            for w in explorable.widgets if state is None else (widget,):   # the defaults: every widget's
                assert page.evaluate(_SWAP, f"/fragments/{explorable.slug}/{w.id}?{query}") == len(w.panels), w.id
            found = page.evaluate(f"() => {{ const n = ({_ROOTS})(); return [...Array(n).keys()].flatMap("
                                  f"i => ({_PROBLEMS})(document.querySelector(`[data-fit-root=\"${{i}}\"]`))); }}")
            for f in found:
                problems.setdefault(f, f"{width}px ?{query}")
    assert len(reached) > 1
    assert not problems, f"{len(problems)} problems, e.g.:\n" + "\n".join(
        f"{p}   at {u}" for p, u in list(problems.items())[:15])
