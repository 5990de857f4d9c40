"""The outer-and-inner-alignment page over HTTP: its API and the lit map."""
from __future__ import annotations

from helpers import assert_rejected, between


def test_api(client):
    data = client.get("/api/outer-and-inner-alignment?loophole=closed&editor=on&error=12").json()
    assert data["edited_at"] and data["intended_share"] < 0.2
    assert_rejected(client, (("/api/outer-and-inner-alignment?error=20", "error"),
                      ("/api/outer-and-inner-alignment?learning=maybe", "learning")))


def test_the_map_shows_intention_reward_and_critic_and_lights_the_habit(client):
    html = client.get("/outer-and-inner-alignment?loophole=open").text
    panel = between(html, 'id="panel-agent-map"', 'class="map-key"')
    assert "Designer's intention" in panel and "Reward function" in panel and "Critic (value function)" in panel
    assert "respawns" in panel and "Race 120 of 120 (deployment): the boat takes the loop of targets" in panel
    early = client.get("/outer-and-inner-alignment?loophole=open&race=1").text
    assert "Race 1 of 120 (training)" in early and "Finish: 20" in early     # before learning: optimistic values
    edited = client.get("/outer-and-inner-alignment?loophole=closed&editor=on&error=12").text
    assert "reward edited" in edited or 'class="node reward edited"' in edited


def test_the_critics_error_in_the_prose_reads_as_a_sentence_at_every_value(client):
    """Review 3, O1, at …?error=1 and …?error=-1: 'The critic's error on new plans is 1 points here' (the unit was
    fixed prose after the number). The sentence now needs no unit after the number."""
    for value, shown in ((1, "1"), (-1, "−1"), (6, "6")):
        html = client.get(f"/outer-and-inner-alignment?error={value}").text
        assert "The critic’s error on new plans is <span" in html
        assert f">{shown}</span> here: a large enough error makes" in html
        assert f"{shown} points here" not in html and f"{shown}</span> points" not in html
