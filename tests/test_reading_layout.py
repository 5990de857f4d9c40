"""The figure stays where the reader is looking: at phone, tablet, laptop and desktop widths (the
layout is the same in both themes, so one is checked), focusing any control of any widget leaves the figure it drives in view (pinned at
the top on narrow screens, sticky beside the prose on wide ones) and the control itself visible,
not covered by the figure. Generic over the registry."""
from __future__ import annotations

import pytest
from helpers import resized

from app.registry import EXPLORABLES

pytestmark = pytest.mark.browser
SIZES = [(390, 844), (768, 1024), (1024, 768), (1440, 900)]

# For each control: where the widget's figure area and the control sit once it has focus.
CHECK = """async (wid) => {
  const widget = document.getElementById('widget-' + wid);
  const controls = [...widget.querySelectorAll('form input[type=range], form input[type=radio]:checked')];
  const out = [];
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (const control of controls) {
    control.focus();
    // once the figures it brought near are drawn (they load lazily) and the layout has settled
    for (let i = 0; i < 200 && widget.dataset.figureState !== 'drawn'; i++) await frames();
    await frames();
    const fig = widget.querySelector('.widget-main').getBoundingClientRect();
    const box = control.getBoundingClientRect();
    const shown = Math.min(fig.bottom, innerHeight) - Math.max(fig.top, 0);
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    out.push({name: control.name, figTop: fig.top, figShown: shown, figHeight: fig.height,
              controlTop: box.top, controlBottom: box.bottom, controlReachable: hit === control});
  }
  return out;
}"""


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_focusing_any_control_keeps_its_figure_in_view(watched, server_url, explorable):
    page = watched(viewport={"width": SIZES[0][0], "height": SIZES[0][1]}).new_page()
    page.goto(f"{server_url}/{explorable.slug}")
    problems = []
    for width, height in SIZES:                  # one load; the window resized, back at the top each time
        resized(page, width, height)
        page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
        for widget in explorable.widgets:
            for r in page.evaluate(CHECK, widget.id):
                where = f"{width}x{height} {widget.id}.{r['name']}"
                if r["figTop"] < -1 or r["figShown"] < min(150, r["figHeight"]):
                    problems.append(f"{where}: figure out of view (top {r['figTop']:.0f}, {r['figShown']:.0f} px shown)")
                if r["controlTop"] < 0 or r["controlBottom"] > height or not r["controlReachable"]:
                    problems.append(f"{where}: the focused control is hidden (top {r['controlTop']:.0f})")
    assert problems == []
