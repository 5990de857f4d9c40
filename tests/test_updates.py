"""Updates sent as changes from the state a page shows (`from`): only what changed travels, and
what the page rebuilds is exactly the whole update."""
from __future__ import annotations

import json
import re
from urllib.parse import quote, urlencode

import pytest
from helpers import random_states

from app.framework import canonical_query
from app.registry import EXPLORABLES
from app.startup import BUILD_VERSION

WIDGETS = [(page, w) for page in EXPLORABLES for w in page.widgets]
IDS = [f"{page.slug}/{w.id}" for page, w in WIDGETS]


def figures_of(html: str) -> dict:
    return json.loads(re.search(r"data-figures='([^']*)'", html).group(1))


def merge(sent: dict, held: dict) -> dict:
    """What static/js/app/figure.js does with an update sent as changes (the protocol, in Python)."""
    out = {}
    for fid, f in sent.items():
        if f == 0:
            out[fid] = held[fid]
            continue
        old = held.get(fid)
        if old is None:
            out[fid] = f
            continue
        out[fid] = {**f, "data": [old["data"][i] if t == 0 else t for i, t in enumerate(f["data"])],
                    "layout": old["layout"] if f["layout"] == 0 else f["layout"]}
    return out


def fragment(client, page, widget, state, shown=None):
    query = urlencode(state) + (f"&from={quote(canonical_query(widget.params, shown))}" if shown else "")
    r = client.get(f"/v/{BUILD_VERSION}/fragments/{page.slug}/{widget.id}?{query}")
    assert r.status_code == 200
    return r.text


@pytest.mark.parametrize("page,widget", WIDGETS, ids=IDS)
def test_changes_from_the_state_shown_rebuild_the_whole_update(client, page, widget):
    states = random_states(widget, 6, seed=20)
    for a, b in zip(states, states[1:]):
        shown = {**widget.defaults(), **a}
        whole_a, whole_b = fragment(client, page, widget, a), fragment(client, page, widget, b)
        changes = fragment(client, page, widget, b, shown=shown)
        assert f'data-shown="{canonical_query(widget.params, shown).replace("&", "&amp;")}"' in changes
        assert merge(figures_of(changes), figures_of(whole_a)) == figures_of(whole_b)
        assert len(changes) <= len(whole_b) + 400
        # Each part left out is as the page shows it already.
        for opening in re.findall(r'<[a-z]+ (?:id="[^"]+" )?hx-swap-oob="[^"]*">', whole_b):
            if opening not in changes:
                assert swapped(whole_a, opening) == swapped(whole_b, opening), opening


def swapped(html: str, opening: str) -> str:
    """What an update swaps in with this out-of-band element: up to the next one."""
    start = html.index(opening) + len(opening)
    end = html.find("hx-swap-oob", start)
    return html[start:end if end >= 0 else len(html)]


def test_nothing_changed_sends_no_figure_and_no_text(client):
    page = next(p for p in EXPLORABLES if p.slug == "scheming-pie-charts")
    widget = page.widgets[0]
    same = fragment(client, page, widget, {"rlhf": 3}, shown={**widget.defaults(), "rlhf": 3})
    assert set(figures_of(same).values()) == {0}
    assert 'id="summary-pies"' not in same and 'id="table-pies"' not in same


def test_a_step_sends_the_marker_not_the_series(client):
    page = next(p for p in EXPLORABLES if p.slug == "stranger-danger")
    widget = page.widget("walkthrough")
    changes = figures_of(fragment(client, page, widget, {"step": 5}, shown={**widget.defaults(), "step": 4}))
    whole = figures_of(fragment(client, page, widget, {"step": 5}))
    series = [t for t in changes["timeline"]["data"] if t != 0]
    assert len(series) < len(whole["timeline"]["data"])
    assert len(json.dumps(changes)) < len(json.dumps(whole)) / 2


def test_changes_only_from_a_state_this_build_drew(client):
    shown = quote("rlhf=2")
    for path in ("/fragments", "/v/0123456789abcdef/fragments"):
        r = client.get(f"{path}/scheming-pie-charts/pies?rlhf=3&from={shown}")
        assert "data-shown" not in r.text and 0 not in figures_of(r.text).values()


@pytest.mark.parametrize("shown", ["nonsense", "rlhf=99", "rlhf=2&rlhf=3"])
def test_a_bad_shown_state_gets_the_whole_update(client, shown):
    r = client.get(f"/v/{BUILD_VERSION}/fragments/scheming-pie-charts/pies?rlhf=3&from={quote(shown)}")
    assert r.status_code == 200 and "data-shown" not in r.text and 0 not in figures_of(r.text).values()
    assert "notice" not in r.text.split("notice-pies", 1)[1].split("</div>", 1)[0]


@pytest.mark.browser
def test_an_answer_for_another_state_is_dropped_and_the_whole_update_fetched(watched, server_url):
    from helpers import settled
    from test_widgets import plot_data
    page_decl = next(p for p in EXPLORABLES if p.slug == "scheming-pie-charts")
    widget = page_decl.widgets[0]
    page = watched().new_page()
    page.goto(f"{server_url}/{page_decl.slug}#widget-pies")
    page.evaluate("() => { Explorables.anticipate = false; }")   # every request goes to the server
    page.wait_for_selector("#plot-pies-pretraining .main-svg")
    settled(page, widget.id)
    urls = []
    page.on("request", lambda r: urls.append(r.url) if "/fragments/" in r.url else None)
    # Before the first answer lands, the page comes to show another state than the one it asked from.
    page.evaluate("""() => document.addEventListener('htmx:beforeSwap', () => {
        if (window.__tampered) return; window.__tampered = true;
        Explorables.figure('pies').query = 'rlhf=0'; }, true)""")
    page.locator("#form-pies input[name=rlhf]").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('rlhf') === '2.1'")
    settled(page, widget.id)
    assert len(urls) == 2 and "from=" in urls[0] and "from=" not in urls[1]
    fresh = watched().new_page()
    fresh.goto(page.url)
    fresh.wait_for_selector("#plot-pies-pretraining .main-svg")
    settled(fresh, widget.id)
    assert plot_data(fresh, widget) == plot_data(page, widget)
