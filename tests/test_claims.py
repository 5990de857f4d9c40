"""Every sentence that states a result is a claim (framework.Claim): each is placed in the prose,
declares the predicates that make it true, and the page, the HTMX update and the JSON API carry the
same sentence. tests/test_truths.py checks each sentence against its predicates over the widget's
dense grid (tests/sweep.py)."""
from __future__ import annotations

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
    return st.sampled_from(p.grid())


def states(widget):
    return st.fixed_dictionaries({p.name: value_strategy(p) for p in widget.params})


def test_some_pages_declare_claims():
    assert WIDGETS


@pytest.mark.parametrize("page,widget", WIDGETS, ids=IDS)
def test_every_claim_is_placed_in_the_prose(page, widget):
    placed = set(PROSE[page.slug].live_keys(widget.id, "claim"))
    assert placed == {c.id for c in widget.claims}


@pytest.mark.parametrize("page,widget", WIDGETS, ids=IDS)
def test_every_claim_declares_what_makes_it_true(page, widget):
    """Each claim carries its truth predicates; tests/test_truths.py evaluates them over the dense grid."""
    assert [c.id for c in widget.claims if not c.truths] == []
    for c in widget.claims:
        assert all(t.means.strip() and t.pattern for t in c.truths), c.id


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
