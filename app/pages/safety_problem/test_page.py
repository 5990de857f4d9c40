"""The safety-problem page over HTTP: its APIs, and the red and blue boxes linking to what they mean."""
from __future__ import annotations

import re
from helpers import between

SLUG = "safety-problem"


def test_apis(client):
    rods = client.get("/api/safety-problem/rods?design=rods&strength=3&ready=-120&compliance=50").json()
    assert rods["strongest_fix"] == {"all": 0.5, "careful": 0.0, "breaking": 1.0}
    assert rods["by_ready"]["-120"] <= rods["by_ready"]["240"]
    chain = client.get("/api/safety-problem/chain?k=1.007").json()
    assert chain["prompt_critical"] is True and chain["reactivity_dollars"] > 1
    plan = client.get("/api/safety-problem/plan?question=flight").json()
    assert plan["kinds"] == ["bird-like machines", "airship-like machines", "something else"] and plan["hindsight"] is not None
    for bad, name in (("/api/safety-problem/chain?k=2", "k"), ("/api/safety-problem/rods?ready=-150", "ready"),
                      ("/api/safety-problem/rods?design=magic", "design"), ("/api/safety-problem/plan?returns=5", "returns")):
        r = client.get(bad)
        assert r.status_code == 422 and name in r.text, bad


def test_every_box_links_to_its_explanation_and_the_blue_labels_are_marked_ours(client):
    html = client.get(f"/{SLUG}").text
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = re.findall(r'<a href="#(box-[a-z]+)" class="box-link">', html)
    assert set(targets) == {"box-technical", "box-practice", "box-policy", "box-misuse"}
    assert all(t in ids for t in targets)
    caption = between(html, 'id="redblue-caption"', "</figcaption>")
    assert "our summary" in caption and "not reproduced" in caption


def test_the_lit_boxes_report_the_simulation(client):
    html = client.get(f"/{SLUG}?compliance=50&design=rods&strength=3&ready=-120").text
    panel = between(html, 'id="panel-rods-boxes"', "</figure>")
    assert "50% of crews follow procedure; 100% of the rest run away." in panel
    assert "0% of careful crews&#39; piles run away." in panel
