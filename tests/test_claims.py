"""Every sentence that states a result is a claim (framework.Claim), checked over the whole declared
parameter space: hypothesis over every widget's bounds plus every corner. At each state every claim
gives one sentence (one of its declared wordings, if it has fixed ones); the page, the HTMX update
and the JSON API carry the same sentence; every declared claim is placed in the prose. Whether a
claim's wording matches the numbers is pinned per page, against independent checks of the numbers,
in the pages' own tests."""
from __future__ import annotations

import itertools
import re
from html import unescape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.framework import canonical_query
from app.registry import EXPLORABLES
from app.startup import PROSE

WIDGETS = [(page, w) for page in EXPLORABLES for w in page.widgets if w.claims]
IDS = [f"{page.slug}-{w.id}" for page, w in WIDGETS]


def value_strategy(p):
    if p.kind == "choice":
        return st.sampled_from(p.values)
    steps = round((p.max - p.min) / p.step)
    return st.integers(0, steps).map(lambda k: _on_grid(p, k))


def _on_grid(p, k):
    v = round(p.min + k * p.step, 10)
    return int(v) if p.integer else v


def states(widget):
    return st.fixed_dictionaries({p.name: value_strategy(p) for p in widget.params})


def corners(widget):
    axes = [p.values if p.kind == "choice" else (p.min if not p.integer else int(p.min),
                                                 p.max if not p.integer else int(p.max))
            for p in widget.params]
    for combo in itertools.product(*axes):
        yield dict(zip((p.name for p in widget.params), combo))


def check_sentences(widget, state):
    texts = widget.claim_texts(widget.run(state))
    assert set(texts) == {c.id for c in widget.claims}
    for claim in widget.claims:
        text = texts[claim.id]
        assert isinstance(text, str) and text.strip(), (claim.id, state)
        if claim.options:
            assert text in claim.options, (claim.id, state, text)


def test_some_pages_declare_claims():
    assert WIDGETS


@pytest.mark.parametrize("page,widget", WIDGETS, ids=IDS)
def test_every_claim_is_placed_in_the_prose(page, widget):
    placed = set(PROSE[page.slug].live_keys(widget.id, "claim"))
    assert placed == {c.id for c in widget.claims}


@pytest.mark.parametrize("page,widget", WIDGETS, ids=IDS)
def test_every_claim_speaks_at_every_corner(page, widget):
    for state in corners(widget):
        check_sentences(widget, state)


@pytest.mark.parametrize("page,widget", WIDGETS, ids=IDS)
def test_every_claim_speaks_across_the_declared_space(page, widget):
    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(states(widget))
    def sweep(state):
        check_sentences(widget, state)
    sweep()


@pytest.mark.parametrize("page,widget", WIDGETS, ids=IDS)
def test_page_update_and_api_state_the_same_claims(client, page, widget):
    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(states(widget))
    def agree(state):
        expected = widget.claim_texts(widget.run(state))
        query = canonical_query(widget.params, state)
        html = client.get(f"/{page.slug}?{query}").text
        fragment = client.get(f"/fragments/{page.slug}/{widget.id}?{query}").text
        api = client.get(f"{page.api_path(widget)}?{query}").json()
        assert api["claims"] == expected
        for cid, text in expected.items():
            shown = re.findall(rf'<span class="claim claim-{widget.id}-{cid}">(.*?)</span>', html, re.S)
            updated = re.findall(rf'<span hx-swap-oob="innerHTML:\.claim-{widget.id}-{cid}">(.*?)</span>', fragment, re.S)
            assert shown and all(unescape(s) == text for s in shown), cid
            assert [unescape(u) for u in updated] == [text], cid
    agree()
