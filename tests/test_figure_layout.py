"""Figures stay legible at every width: in headless Chromium, at phone, tablet and desktop widths
(one load per state, the window resized in it),
no text that Plotly draws (tick labels, axis titles, annotations, legend entries, value labels,
pie titles) falls outside its figure or overlaps another text of the same figure."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest
from helpers import drawn, resized

from app.registry import EXPLORABLES

pytestmark = pytest.mark.browser

# Each text's box is checked against the figure's box and against every other text's box; boxes
# may touch (2 px of slack) but not overlap.
PROBLEMS = """plot => {
  const box = plot.querySelector('.main-svg').getBoundingClientRect();
  const texts = [...plot.querySelectorAll('svg.main-svg text')]
    .filter(t => !t.closest('.hoverlayer') && t.textContent.trim())
    .map(t => [t.textContent.trim(), t.getBoundingClientRect()])
    .filter(([_, r]) => r.width > 0 && r.height > 0);
  const out = [];
  texts.forEach(([s, r]) => {
    if (r.left < box.left - 2 || r.right > box.right + 2 || r.top < box.top - 2 || r.bottom > box.bottom + 2)
      out.push('outside the figure: ' + s);
  });
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i][1], b = texts[j][1];
    const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (dx > 2 && dy > 2) out.push('overlap: ' + texts[i][0] + ' | ' + texts[j][0]);
  }
  return out;
}"""

# Each page at its defaults and at the states far from them that it declares (Page.extremes).
PAGES = [f"/{e.slug}" for e in EXPLORABLES] + [
    f"/{e.slug}?{urlencode(state)}" for e in EXPLORABLES for state in e.extremes]


# A chart has been drawn again at its element's width (Plotly redraws a responsive chart on resize).
FITS = """plot => Math.abs(plot.querySelector('.main-svg').getBoundingClientRect().width
                       - plot.getBoundingClientRect().width) < 1"""


@pytest.mark.parametrize("path", PAGES)
def test_figure_text_fits_and_does_not_collide(watched, server_url, path):
    page = watched(viewport={"width": 360, "height": 900}).new_page()
    page.goto(server_url + path)
    plots = page.locator(".plot")
    assert plots.count() > 0
    problems = {}
    ids = [plots.nth(i).get_attribute("id") for i in range(plots.count())]
    for width in (360, 768, 1280):               # one load, the window narrowed and widened
        resized(page, width, 900)
        for plot_id in ids:
            drawn(page, f"#{plot_id}")             # figures are drawn as they come near (at the first width)
        # Every chart drawn again at its element's width, then all checked in one call.
        page.wait_for_function(f"ids => ids.every(id => ({FITS})(document.getElementById(id)))", arg=ids)
        found = page.evaluate(f"ids => ids.map(id => ({PROBLEMS})(document.getElementById(id)))", ids)
        problems.update({f"{width}px {plot_id}": f for plot_id, f in zip(ids, found) if f})
    assert problems == {}
