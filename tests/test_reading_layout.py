"""The figure stays in the reader's hands and the page never moves under them (issue 34), at a phone (390x844) and a
desktop (1440x900) window, generic over the registry: every control of every widget, put where a reader has it,
focused and driven to each end by a key and by the pointer (tests/driving.py), must
  - leave the page where it was: the control does not move on screen (where the change alters the height of what is
    above it, the browser's scroll anchoring moves the window by as much, so that nothing moves under the hand;
    bench/hold.py reports those scrolls);
  - show a chart or drawing the change landed in at least 80% on screen (the part itself, or its copy in the hold,
    static/js/app/layout.js), the copy as the part is now, a drawing's copy with its words at least 12 px;
  - follow the pointer: a slider's thumb dragged past an end of its track is at that end;
  - move nothing inside the widget: at a slider's ends its figures and controls keep their places and sizes;
and no widget may cut off its own content in a scroll pane, nor any drawing draw text under 12 px, nor any widget (or
stage of one) beside its prose on a wide screen be taller than the window less 24 px (one scroll: it stays in view).
bench/hold.py prints the same measures page by page."""
from __future__ import annotations

import pytest
from driving import drive_page
from helpers import resized

from app.registry import EXPLORABLES

pytestmark = pytest.mark.browser
SIZES = [(390, 844), (1440, 900)]


def problems_of(m: dict, size: str) -> list[str]:
    problems = []
    for c in m["controls"]:
        where = f"{size} {c['widget']}.{c['control']}"
        if c["focus_moved"] > 2:
            problems.append(f"{where}: focusing it moved it {c['focus_moved']:.0f} px on screen")
        for d in c["drives"]:
            if d["missed"]:
                problems.append(f"{where} {d['how']}: it did not reach the control (something else took the press)")
            if d.get("inside"):
                problems.append(f"{where} {d['how']}: the widget's figures or controls moved inside it: {d['inside']}")
            if d["shifted"] > 2:
                problems.append(f"{where} {d['how']}: the control moved {d['shifted']:.0f} px on screen")
            if d["changed"] and d["changed"]["shown"] < 0.8:
                problems.append(f"{where} {d['how']}: {d['changed']['id']} changed with "
                                f"{100 * d['changed']['shown']:.0f}% of it on screen")
            if d["changed"] and d["changed"]["held"] and not d["changed"]["fresh"]:
                problems.append(f"{where} {d['how']}: the hold showed {d['changed']['id']} as it was before "
                                f"(copy vs part: {d['changed']['diff']})")
            if d["changed"] and d["changed"]["held"] and (d["changed"]["least"] or 12) < 12:
                problems.append(f"{where} {d['how']}: the hold drew {d['changed']['id']}'s words at "
                                f"{d['changed']['least']:.1f} px")
            if d["how"].startswith("drag") and d["end"] not in (None, 1 if d["how"] == "drag right" else -1):
                problems.append(f"{where} {d['how']}: the thumb did not follow the pointer to the end")
    problems += [f"{size} {wid}: content cut off by a scroll pane ({cut})" for wid, cut in m["cut"].items() if cut]
    problems += [f"{size}: {d['cls']} draws text at {d['least']:.1f} px" for d in m["small"]]
    problems += [f"{size} {wid}: {h} px tall beside its prose, more than the window (it cannot stay in view)"
                 for wid, h in m["tall"]]
    return problems


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_driving_any_control_keeps_the_page_still_and_its_figure_in_view(watched, server_url, explorable):
    page = watched(viewport={"width": SIZES[0][0], "height": SIZES[0][1]}).new_page()
    page.goto(f"{server_url}/{explorable.slug}")
    problems = []
    for width, height in SIZES:                  # one load; the window resized
        resized(page, width, height)
        problems += problems_of(drive_page(page, explorable, width), f"{width}x{height}")
    assert problems == []
