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


def violations(page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(watched, server_url, path, scheme):
    ctx = watched(color_scheme=scheme)
    ctx.expected.append("status of 404")          # the 404 page's own status, reported by Chromium
    page = ctx.new_page()
    page.goto(server_url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert violations(page) == []


@pytest.mark.parametrize("path", [f"/{e.slug}" for e in EXPLORABLES])
def test_axe_after_interaction(watched, server_url, path):
    """Also after an update has swapped in new captions, tables and panels."""
    page = watched().new_page()
    page.goto(server_url + path)
    page.wait_for_load_state("networkidle")
    slider = page.locator("input[type=range]").first
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(600)
    assert violations(page) == []
