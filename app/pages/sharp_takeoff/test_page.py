"""The sharp-takeoff page over HTTP: its APIs and the lit ladder."""
from __future__ import annotations

from helpers import assert_rejected, between


def test_api(client):
    data = client.get("/api/sharp-takeoff/climb?later=50&steepening=2").json()
    assert data["gap"] > 1e6 and data["blockers_after"] == 10
    assert client.get("/api/sharp-takeoff/climb?ceiling=90").json()["gap"] is None
    lang = client.get("/api/sharp-takeoff/language?exposure=grammatical").json()
    assert lang["imitation_success"] == 1
    assert_rejected(client, (("/api/sharp-takeoff/climb?later=100", "later"), ("/api/sharp-takeoff/climb?tuning=7.5", "tuning"),
                      ("/api/sharp-takeoff/language?exposure=some", "exposure")))


def test_the_ladder_is_lit_by_the_climb(client):
    html = client.get("/sharp-takeoff").text
    ladder = between(html, 'id="panel-climb-ladder"', 'class="panel-key"')
    assert "Superintelligence" in ladder and "+10" in ladder and "person-years to ASI" in ladder
    never = client.get("/sharp-takeoff?ceiling=90").text
    never = never[never.index('id="panel-climb-ladder"'):]
    assert "never reaches" in never[:never.index('class="panel-key"')]
