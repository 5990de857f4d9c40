"""Helpers for tests (most of them for browser tests)."""
from __future__ import annotations


def drawn(page, plot_selector: str, timeout: float = 30_000) -> None:
    """Scroll a figure into view (figures are drawn as they near the viewport) and wait until
    Plotly has drawn it."""
    page.locator(plot_selector).first.scroll_into_view_if_needed(timeout=timeout)
    page.wait_for_selector(f"{plot_selector} .main-svg", timeout=timeout)


def settled(page, widget_id: str) -> None:
    """Until every figure of the widget shows its latest state (the figure lifecycle's 'drawn')."""
    page.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                           arg=widget_id)


def open_page(ctx, url: str, plots=()) -> object:
    """A new page of the watched context `ctx` at `url`, with the figures named by `plots` (their
    element ids) drawn."""
    page = ctx.new_page()
    page.goto(url)
    for plot_id in plots:
        drawn(page, f"#{plot_id}")
    return page


def random_states(widget, n: int, seed: int) -> list[dict]:
    """n seeded random states of a widget, every value on its slider's grid inside the declared bounds."""
    import random
    rng, out = random.Random(seed), []
    for _ in range(n):
        state = {}
        for p in widget.params:
            if p.kind == "choice":
                state[p.name] = rng.choice(p.values)
            else:
                v = round(p.min + rng.randint(0, round((p.max - p.min) / p.step)) * p.step, 10)
                state[p.name] = int(v) if p.integer else v
        out.append(state)
    return out


# In the diagram (SVG drawing) that is shown under `root`: every title and bubble inside its box,
# every text inside the drawing, no two texts overlapping, and the drawing not shrunk below `min_width`.
_DIAGRAM_PROBLEMS = """([root, minWidth]) => {
  const shown = [...document.querySelectorAll(root + ' svg.diagram')].filter(d => getComputedStyle(d).display !== 'none');
  if (shown.length !== 1) return ['diagrams shown: ' + shown.length];
  const svg = shown[0], out = [], box = svg.getBoundingClientRect();
  const inside = (r, b) => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  svg.querySelectorAll('.node').forEach(g => {
    const rect = (g.querySelector('rect.box') || g.querySelector('rect')).getBoundingClientRect();
    g.querySelectorAll('text, .bubble').forEach(t => {
      if (!inside(t.getBoundingClientRect(), rect)) out.push('outside its box: ' + t.textContent);
    });
  });
  const texts = [...svg.querySelectorAll('text, .bubble')].map(t => [t.textContent, t.getBoundingClientRect()]);
  texts.forEach(([s, r]) => { if (!inside(r, box)) out.push('outside the drawing: ' + s); });
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i][1], b = texts[j][1];
    if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
      out.push('overlap: ' + texts[i][0] + ' | ' + texts[j][0]);
  }
  if (box.width < minWidth) out.push('drawn too small: ' + box.width);
  return out;
}"""


def diagram_problems(page, root: str, min_width: int = 290) -> list[str]:
    return page.evaluate(_DIAGRAM_PROBLEMS, [root, min_width])


def assert_rejected(client, cases) -> None:
    """Each (url, parameter) answers 422 and names the parameter."""
    for url, name in cases:
        r = client.get(url)
        assert r.status_code == 422 and name in r.text, url


def between(html: str, start: str, end: str) -> str:
    """The part of a page from the first `start` up to the first `end` after it (a panel, a caption)."""
    at = html.index(start)
    return html[at:html.index(end, at)]


# The page fits the window again after a resize: every chart Plotly has drawn is as wide as its
# element, and nothing is wider than the window (a row of charts shrinks only once Plotly has redrawn
# them, which it does some time after the resize), two frames on.
_SETTLED = """() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(
  document.documentElement.scrollWidth <= window.innerWidth &&
  [...document.querySelectorAll('.js-plotly-plot')].every(p => { const svg = p.querySelector('.main-svg');
    return !svg || Math.abs(svg.getBoundingClientRect().width - p.getBoundingClientRect().width) < 1; })))))"""


def resized(page, width: int, height: int) -> None:
    """Resize the window and wait (up to 10 s) until the page has laid itself out again; a page that
    never does is left to the test's own assertions to report."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    page.set_viewport_size({"width": width, "height": height})
    try:
        page.wait_for_function(_SETTLED, timeout=10_000)
    except PlaywrightTimeout:
        pass


def vertical_gap(a: dict, b: dict) -> float:
    """The gap in px between two boxes (Playwright bounding boxes) one above the other (0 where they overlap)."""
    return max(0.0, b["y"] - (a["y"] + a["height"]), a["y"] - (b["y"] + b["height"]))


def visible_text(page_html: str) -> str:
    """The words a reader sees on a page: tags, scripts and styles gone, entities decoded."""
    import re
    from html import unescape
    text = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page_html)
    return unescape(re.sub(r"(?s)<[^>]+>", " ", text))


# The measures of issue 34, installed as window.__hold (tests/test_reading_layout.py, bench/hold.py): a hash of each
# chart and drawing of a widget; of those that changed since a signature, the one most on screen and how much of it
# (its copy in the hold counts); the widget's elements that cut off their content in a scroll pane; drawings with text drawn
# under 12 px (not the hold's scaled copies).
HOLD_JS = """
(() => {
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const hash = s => { let h = 5381; for (let i = 0; i < s.length; i++) h = (h * 33 + s.charCodeAt(i)) | 0; return h; };
  const parts = w => [...w.querySelectorAll('.widget-main .plot, .widget-main .panel')];
  const shown = el => {                      // share of el's box on screen, clipped by every scroll pane above it
    const b = el.getBoundingClientRect();
    if (!b.width || !b.height) return 0;
    let top = Math.max(b.top, 0), bottom = Math.min(b.bottom, innerHeight);
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowY;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') {
        const r = a.getBoundingClientRect(); top = Math.max(top, r.top); bottom = Math.min(bottom, r.bottom);
      }
    }
    return Math.max(0, bottom - top) / b.height;
  };
  // the parts of a widget and of its stages (framework.Stage), in page order
  const all = wid => [...document.querySelectorAll('.widget[data-widget=' + wid + ']')].flatMap(parts);
  window.__hold = {
    frames,
    signature: wid => all(wid).map(p => hash(p.innerHTML)),
    changed: (wid, before) => {
      const ps = all(wid);
      const changed = ps.filter((p, k) => hash(p.innerHTML) !== before[k]);
      if (!changed.length) return null;
      // the best seen of the parts it changed: a copy of one held on screen counts as that part shown
      const hold = document.querySelector('.hold:not([hidden])');
      const seen = changed.map(p => hold && hold.dataset.holdOf === p.id ? Math.max(shown(p), shown(hold)) : shown(p));
      const best = seen.indexOf(Math.max(...seen));
      const held = !!hold && hold.dataset.holdOf === changed[best].id;
      // the smallest words of a drawing as its copy in the hold draws them (px)
      const least = !held ? null : Math.min(Infinity, ...[...hold.querySelectorAll('svg.diagram')].filter(v => v.getClientRects().length).flatMap(v => {
        const vb = v.viewBox.baseVal, k = vb && vb.width ? v.getBoundingClientRect().width / vb.width : 1;
        return [...v.querySelectorAll('text')].filter(t => t.getClientRects().length).map(t => parseFloat(getComputedStyle(t).fontSize) * k);
      }));
      // and whether the copy is of the part as it is now (its words the same as the part's, keys aside)
      const words = el => { const c = el.cloneNode(true); c.querySelectorAll('.panel-key').forEach(k => k.remove());
                            return c.textContent.replace(/\\s+/g, ' ').trim(); };
      const copy = held ? words(hold.querySelector('.hold-frame')) : null, now = held ? words(changed[best]) : null;
      const fresh = !held ? null : copy === now;
      // where a stale copy first differs from the part (for the failure's message)
      let at = 0;
      if (held && !fresh) while (copy[at] === now[at]) at++;
      const diff = held && !fresh ? [copy.slice(Math.max(0, at - 20), at + 40), now.slice(Math.max(0, at - 20), at + 40)] : null;
      return {id: changed[best].id, shown: seen[best], held, least: least === Infinity ? null : least, fresh, diff};
    },
    cut: wid => [...document.querySelectorAll('.widget[data-widget=' + wid + '] *')].filter(e => {
      const o = getComputedStyle(e).overflowY;
      return (o === 'auto' || o === 'scroll') && e.scrollHeight > e.clientHeight + 2;
    }).map(e => e.className || e.tagName).slice(0, 3),
    // widgets beside their prose taller than the window less the sticky widget's margin (wide screens: one scroll)
    tall: () => innerWidth < 1100 ? [] : [...document.querySelectorAll('.scene > .widget')]
      .filter(w => w.offsetHeight > innerHeight - 24).map(w => [w.id.replace('widget-', ''), w.offsetHeight]),
    small: () => [...document.querySelectorAll('svg.diagram')].filter(svg => svg.getBoundingClientRect().width > 0 && !svg.closest('.hold')).map(svg => {
      const vb = svg.viewBox.baseVal, scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
      const sizes = [...svg.querySelectorAll('text')].filter(t => t.getClientRects().length)
        .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
      return {cls: svg.getAttribute('class'), least: sizes.length ? Math.min(...sizes) : null};
    }).filter(d => d.least !== null && d.least < 12),
  };
})();
"""
