"""Step-throughs (a widget with a `Step` parameter and a caption of its step, `.step-headline`): on a phone the caption
of the step is read beside Previous / Next (issue 34: pressing Next once changed a caption 600 px above the buttons).
Generic over the registry."""
from __future__ import annotations

import pytest
from driving import SEEN
from helpers import HOLD_JS, settled, vertical_gap

from app.registry import EXPLORABLES

CAPTIONED = [(page, w, p) for page in EXPLORABLES for w in page.widgets for p in w.params if p.kind == "stepper"
             and any("step-headline" in (page.folder / panel.template).read_text() for panel in w.panels)]


def test_the_registry_has_captioned_step_throughs():
    assert len(CAPTIONED) >= 2


@pytest.mark.browser
@pytest.mark.parametrize("page_decl,widget,step", CAPTIONED, ids=[f"{p.slug}-{w.id}" for p, w, _ in CAPTIONED])
def test_on_a_phone_the_step_caption_is_read_beside_next(watched, server_url, page_decl, widget, step):
    """After Next the caption is on screen within 150 px of the button, neither the page nor the button moved, and what
    the step changed is in view (or held)."""
    page = watched(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{server_url}/{page_decl.slug}#widget-{widget.id}")
    settled(page, widget.id)
    page.evaluate(HOLD_JS)
    nxt = page.locator(f"button[data-step-for='{widget.id}-{step.name}'][data-step-by='1']")
    nxt.evaluate("b => b.scrollIntoView({block: 'center'})")
    before, scrolled = nxt.bounding_box(), page.evaluate("scrollY")
    parts = page.evaluate("wid => window.__hold.signature(wid)", widget.id)
    nxt.click()
    page.wait_for_function("""([wid, name, v]) => new URLSearchParams(document.getElementById('figdata-' + wid)
        .dataset.query).get(name) === v && document.getElementById('widget-' + wid).dataset.figureState === 'drawn'""",
                           arg=[widget.id, step.name, step.to_text(step.default + 1)])
    caption = page.locator(f".widget[data-widget={widget.id}] .step-headline").bounding_box()
    after = nxt.bounding_box()
    assert page.evaluate("scrollY") == scrolled and after == before
    assert caption["y"] >= 0 and caption["y"] + caption["height"] <= 844, caption
    assert vertical_gap(caption, after) <= 150, (caption, after)
    # what the step lit is in view, itself or its copy in the hold (newcomer review: the boxes a step lit were off screen)
    seen = page.evaluate(SEEN, [widget.id, parts])
    assert seen is not None and seen["shown"] >= 0.8, seen
