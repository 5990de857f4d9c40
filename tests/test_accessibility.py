"""axe-core (npm, pinned in package.json) on every page, with the WCAG 2.0/2.1/2.2 A and AA rules
(axe's default run skips the 2.2 rules). Any violation fails the test.

axe is loaded with page.evaluate (a DevTools-protocol evaluation, which the page's CSP does not
govern), so the page itself is tested under its real, strict CSP."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.registry import EXPLORABLES

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = ["/", "/glossary", "/search?q=valence", "/api", "/no-such-page", *(f"/{e.slug}" for e in EXPLORABLES)]


def violations(page, within: list[str] | None = None) -> list[str]:
    """axe's violations on the page, or only inside the elements `within` (CSS selectors)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("([tags, within]) => axe.run(within ? {include: within.map(s => [s])} : document, "
                           "{runOnly: {type: 'tag', values: tags}})", [TAGS, within])
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]]


SETTLED = """() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() =>
    r([...document.querySelectorAll('.widget')].every(w => ['drawn', 'waiting', undefined].includes(w.dataset.figureState))))))"""
EXPLORABLE_PATHS = {f"/{e.slug}" for e in EXPLORABLES}


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations_in_either_theme_and_after_an_update(watched, server_url, path):
    """One load: light, then dark (the system setting changed), then, on an explorable, the widget and its
    numbers and claims in the prose after an update has swapped in new ones."""
    ctx = watched(color_scheme="light")
    ctx.expected.append("status of 404")          # the 404 page's own status, reported by Chromium
    page = ctx.new_page()
    page.goto(server_url + path)
    page.wait_for_function(SETTLED)
    found = {"light": violations(page)}
    background = "() => getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("light => getComputedStyle(document.body).backgroundColor !== light", arg=light)
    page.wait_for_function(SETTLED)
    found["dark"] = violations(page)
    if path in EXPLORABLE_PATHS:
        slider = page.locator("input[type=range]").first
        name = slider.get_attribute("name")
        before = page.evaluate("n => new URLSearchParams(location.search).get(n)", name)
        slider.focus()
        page.keyboard.press("ArrowRight" if slider.get_attribute("value") != slider.get_attribute("max") else "ArrowLeft")
        page.wait_for_function("([n, b]) => new URLSearchParams(location.search).get(n) !== b", arg=[name, before])
        page.wait_for_function(SETTLED)
        # The update swapped in this widget's captions, tables and panels, and its live numbers and claims in
        # the prose (templates/_fragment.html): axe reads those again.
        widget = slider.evaluate("el => el.closest('.widget').id")
        swapped = page.evaluate("""wid => [...new Set([...document.querySelectorAll('.live, .claim')].flatMap(el =>
            [...el.classList].filter(c => c.startsWith('live-' + wid + '-') || c.startsWith('claim-' + wid + '-'))))]
            .map(c => '.' + CSS.escape(c))""", widget.removeprefix("widget-"))
        found["after an update"] = violations(page, [f"#{widget}", *swapped])
    assert found == {"light": [], "dark": [], **({"after an update": []} if path in EXPLORABLE_PATHS else {})}
