"""The PNSE-and-anxiety page over HTTP: its APIs and the panels the state lights."""
from __future__ import annotations

from helpers import assert_rejected, between


def test_apis(client):
    assert client.get("/api/pnse-anxiety/loops?model=pnse").json()["self_loop"] == 0
    assert client.get("/api/pnse-anxiety/howmuch?stakes=0").json()["best"] == 0
    assert_rejected(client, (("/api/pnse-anxiety/loops?news=maybe", "news"), ("/api/pnse-anxiety/loops?worry=2", "worry"),
                             ("/api/pnse-anxiety/howmuch?level=1.5", "level")))


def _panel(html: str) -> str:
    return between(html, 'id="panel-loops-panels"', 'class="panel-key"')


def test_the_panels_light_the_cases_the_settings_match(client):
    for query, lit in (("", "ac"), ("news=fine", "bc"), ("model=pnse", "ad"), ("news=fine&model=pnse", "bd")):
        panel = _panel(client.get(f"/pnse-anxiety?{query}").text)
        assert panel.count('class="loop-panel lit"') == 4, query                 # two panels, both layouts
        for key, title in zip("abcd", ("(a) Reason to worry<", "(b) Reason gone<", "(c) Conventional self<",
                                       "(d) PNSE<")):
            at = panel.index('class="panel-title"', panel.index(f">{title}") - 120)
            chunk = panel[panel.rindex("<g class=", 0, at):at]
            assert ('loop-panel lit' in chunk) == (key in lit), (query, key)
    assert "no link back" in _panel(client.get("/pnse-anxiety").text)


def test_the_page_points_to_professional_help(client):
    assert "qualified professional" in client.get("/pnse-anxiety").text
