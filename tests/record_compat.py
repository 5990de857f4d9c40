"""Recording what readers and API clients hold (tests/compat/), for what has no record yet: each
widget's API answers at the defaults and at its page's example and extreme states, and a page's
deep links (at the defaults and at each example) with the state, controls, sections and widget
anchors they open; a page recorded before a widget was added gets a link at the defaults naming
it. Used by `script/record-compat --new-pages` and by `script/new-page`."""
from __future__ import annotations

import hashlib
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

COMPAT = Path(__file__).resolve().parent / "compat"


def record_new() -> tuple[int, int]:
    from fastapi.testclient import TestClient

    from app.framework import canonical_query, parse_query
    from app.main import app
    from app.registry import EXPLORABLES
    from test_compat import State

    api_file, links_file = COMPAT / "api.json", COMPAT / "links.json"
    api, links = json.loads(api_file.read_text()), json.loads(links_file.read_text())
    client, added = TestClient(app), [0, 0]
    for page in EXPLORABLES:
        recorded = {r["path"] for r in api}
        for widget in page.widgets:
            path = page.api_path(widget)
            if path in recorded:
                continue
            queries = [""]
            for state in page.examples + page.extremes:
                values, problems = parse_query(widget.params, [(k, str(v)) for k, v in state.items() if widget.param(k)])
                assert not problems, (page.slug, state, problems)
                query = canonical_query(widget.params, values)
                if query != canonical_query(widget.params, widget.defaults()) and query not in queries:
                    queries.append(query)
            for query in queries:
                body = client.get(path + ("?" + query if query else "")).content
                api.append({"path": path, "query": query, "sha256": hashlib.sha256(body).hexdigest()})
                added[0] += 1
        mine = [l for l in links if l["path"] == f"/{page.slug}"]
        anchors = {a for l in mine for a in l["widget_anchors"]}
        if not mine:
            states = ({},) + tuple(page.examples)
        elif any(f"widget-{w.id}" not in anchors for w in page.widgets):
            states = ({},)
        else:
            continue
        for state in states:
            query = urlencode({k: str(v) for k, v in state.items()})
            html = client.get(f"/{page.slug}" + ("?" + query if query else "")).text
            seen = State(html)
            links.append({"path": f"/{page.slug}", "query": query, "canonical": unescape(seen.query),
                          "controls": seen.controls, "sections": re.findall(r'<h2 id="([^"]+)"', html),
                          "widget_anchors": [f"widget-{w.id}" for w in page.widgets]})
            added[1] += 1
    api_file.write_text(json.dumps(api, indent=0) + "\n")
    links_file.write_text(json.dumps(links, indent=0) + "\n")
    return added[0], added[1]


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    api_count, link_count = record_new()
    print(f"recorded {api_count} API answers and {link_count} deep links that had none")
