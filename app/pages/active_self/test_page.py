"""The Active Self page over HTTP: its APIs and the panels the state changes."""
from __future__ import annotations

from helpers import assert_rejected, between


def test_apis(client):
    assert client.get("/api/active-self/sort?laugh=not").json()["across"] == ["itch", "phone"]
    assert client.get("/api/active-self/desires").json()["labels"] == {"study": "internalised", "slack": "externalised"}
    assert client.get("/api/active-self/vibe?weight=0").json()["flip"] is None
    assert_rejected(client, (("/api/active-self/sort?itch=maybe", "itch"), ("/api/active-self/desires?urge=2", "urge"),
                             ("/api/active-self/prior?culture=80", "culture"), ("/api/active-self/vibe?feeling=3", "feeling")))


def test_the_chart_marks_the_placements_that_cut_across(client):
    html = client.get("/active-self?laugh=not").text
    table = between(html, 'class="sort-table"', "</table>")
    assert table.count('class="across"') == 2 and table.count('class="agree"') == 6


def test_the_self_images_say_what_the_introspector_concludes(client):
    plain = client.get("/active-self").text
    swapped = client.get("/active-self?approve_study=-0.8&approve_slack=0.8").text
    assert "I am beset by an urge to slack off" in plain and "I aspire to be studious" in plain
    assert "I like to take it easy" in swapped and "I am beset by an urge to slack off" not in swapped.split("<main")[1].split('id="panel-desires-images"')[1].split("panel-key")[0]
