"""The outer-and-inner-alignment claims, checked against the API's numbers over every state
(the parameter space is small: 2 x 2 x 23 x 2 x 2 x 2 settings, sampled here)."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.outer_and_inner_alignment.page import AGENT
from app.pages.outer_and_inner_alignment.present import agent_api


def pct(x: float) -> str:
    return f"{x:.0%}"


@pytest.mark.parametrize("state", [AGENT.defaults(), *random_states(AGENT, 60, seed=17),
                                   {**AGENT.defaults(), "loophole": "closed", "editor": "on", "island": "on", "error": 12}])
def test_the_sentences_match_the_run(state):
    result = AGENT.run(state)
    data = agent_api(state, result)
    texts = AGENT.claim_texts(result)
    train = data["choices"][50:60]
    loop, finish = train.count("loop") / 10, train.count("finish") / 10
    if loop > finish:
        assert f"circles the loop in {pct(loop)}" in texts["outer"] and "outer misalignment" in texts["outer"]
    else:
        assert f"finishes in {pct(finish)}" in texts["outer"]
    tried = data["first_tried"]["channel"]
    if tried is None:
        assert "never tried it" in texts["inner"]
        assert "channel" not in data["choices"]
    else:
        assert f"race {tried}" in texts["inner"] and data["choices"][tried - 1] == "channel"
        late = data["choices"][-20:].count("channel") / 20
        if state["learning"] == "online" and late == 0:
            assert "stopped taking the channel" in texts["inner"]
        else:
            assert f"in {pct(late)} of" in texts["inner"]
        assert ("no longer learns" in texts["inner"]) == (state["learning"] == "frozen")
    if state["editor"] == "on" and data["edited_at"]:
        assert f"reward editor in race {data['edited_at']}" in texts["special"]
    if state["island"] == "on" and data["hooked_at"]:
        assert f"island in race {data['hooked_at']}" in texts["special"]
    if state["island"] == "on" and "foresaw" in texts["special"]:      # credited only when it made the difference
        twin = agent_api({**state, "foresight": "off"}, AGENT.run({**state, "foresight": "off"}))
        assert data["hooked_at"] is None and twin["hooked_at"] is not None
    if state["editor"] == "off" and state["island"] == "off":
        assert texts["special"].startswith("Add the reward editor")
