"""What readers and API clients already hold keeps working. Recorded in tests/compat/ (the first
three pages before the page-folder restructure; every later page with `script/record-compat
--new-pages`): API responses at the defaults and at recorded states, byte for byte (SHA-256), and
deep links whose state and sections must reopen unchanged. If a change renames a
parameter, declare the old name in its `aliases`; a renamed section needs its old anchor kept. A
deliberate change to what an endpoint answers (a model fixed) is re-recorded with
`script/record-compat PATH`, named in the commit message."""
from __future__ import annotations

import hashlib
import json
from html import unescape
from urllib.parse import parse_qsl
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.framework import Choice, Number, parse_query
from app.registry import EXPLORABLES

COMPAT = Path(__file__).resolve().parent / "compat"
API = json.loads((COMPAT / "api.json").read_text())
LINKS = json.loads((COMPAT / "links.json").read_text())
DEFAULT_TEXT = {p.name: p.to_text(p.default) for page in EXPLORABLES for p in page.params}


class State(HTMLParser):
    """The state a page opens in: its ids, canonical query and control values."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.controls: dict[str, str] = {}
        self.step_max: dict[str, int] = {}      # a step-through's track ends at its state's last step
        self.query = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "article":
            self.query = a.get("data-query")
        if tag == "input" and a.get("type") == "range":
            self.controls[a["name"]] = a["value"]
            if "data-stepper" in a:
                self.step_max[a["name"]] = int(a["max"])
        if tag == "input" and a.get("type") == "radio" and "checked" in a:
            self.controls[a["name"]] = a["value"]


@pytest.mark.parametrize("record", API, ids=lambda r: f"{r['path']}?{r['query']}")
def test_api_answers_byte_for_byte_as_recorded(client, record):
    r = client.get(record["path"] + ("?" + record["query"] if record["query"] else ""))
    assert r.status_code == 200
    assert hashlib.sha256(r.content).hexdigest() == record["sha256"]


@pytest.mark.parametrize("link", LINKS, ids=lambda r: f"{r['path']}?{r['query']}")
def test_shared_deep_links_open_the_same_state_and_sections(client, link):
    r = client.get(link["path"] + ("?" + link["query"] if link["query"] else ""))
    assert r.status_code == 200 and "Part of this link was not understood" not in r.text
    state = State(r.text)
    # The same state: every recorded setting, plus any parameter added since at its default.
    now, then = dict(parse_qsl(unescape(state.query))), dict(parse_qsl(link["canonical"]))
    assert then.items() <= now.items()
    added = {name: value for name, value in now.items() if name not in then}
    assert added == {name: DEFAULT_TEXT[name] for name in added}
    # The controls show the recorded values; a step past the state's last step shows the last one
    # (as the page always did), now on a track that ends there.
    expected = {name: str(min(int(value), state.step_max[name])) if name in state.step_max else value
                for name, value in link["controls"].items()}
    assert {k: v for k, v in state.controls.items() if k not in added} == expected
    missing = [s for s in link["sections"] + link["widget_anchors"] if s not in state.ids]
    assert missing == []


def test_an_old_parameter_name_still_opens_its_state():
    params = (Number("rate", "Rate", min=0, max=1, step=0.1, default=0.5, aliases=("lr",)),
              Choice("who", "Who", options=(("a", "A"), ("b", "B")), default="a", aliases=("visitor",)))
    values, problems = parse_query(params, [("lr", "0.3"), ("visitor", "b")])
    assert problems == [] and values == {"rate": 0.3, "who": "b"}
    _, problems = parse_query(params, [("lr", "0.3"), ("rate", "0.4")])
    assert [p.name for p in problems] == ["rate"]          # old and new name together: given twice


def test_a_renamed_section_keeps_its_former_anchor():
    from app.content import parse
    prose = parse("## The pies, redrawn {#pies-redrawn pies}\n\nText.\n")
    html = "".join(s.html for s in prose.segments)
    assert '<span id="pies"></span>' in html and '<h2 id="pies-redrawn">' in html
    assert [s.id for s in prose.sections] == ["pies-redrawn"]
