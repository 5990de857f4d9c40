"""The LLM-plateau page over HTTP: its APIs and the lit breakdown."""
from __future__ import annotations

from helpers import assert_rejected, between


def test_api(client):
    data = client.get("/api/llm-plateau/credences?a=100&b=0&c=0&d=0&e=0").json()
    assert data["verdict"] == "not" and data["shares"]["a"] == 1
    curves = client.get("/api/llm-plateau/extrapolate?theory=ceiling&ceiling=80&tai=90").json()["curves"]
    assert curves["ab"]["fate"] == "ceiling" and curves["line"]["fate"] in ("reaches", "wall")
    assert_rejected(client, (("/api/llm-plateau/credences?a=120", "a"), ("/api/llm-plateau/extrapolate?wall=11", "wall"),
                      ("/api/llm-plateau/extrapolate?theory=maybe", "theory")))


def test_the_breakdown_is_lit_by_the_odds_and_by_the_extrapolation(client):
    html = client.get("/llm-plateau?a=0&b=0&c=10&d=40&e=50&wall=10").text
    letters = between(html, 'id="panel-credences-letters"', 'class="panel-key"')
    assert "Plateau-ist about A, B and C" in letters and "LLMs, more or less as they are" in letters
    assert letters.count('class="bd-row bd-other lit"') == 2 * 2          # D and E, in both layouts
    fates = between(html, 'id="panel-extrapolate-fates"', 'class="panel-key"')
    assert "These assumptions: no plateau" in fates and "no past to extend" in fates
