"""The two-paths claims, checked against the numbers the API reports (recomputed here from those
numbers), over seeded random states and chosen cases."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.two_paths.page import BOTH
from app.pages.two_paths.present import api


def pct(x: float) -> str:
    return f"{x:.0%}"


@pytest.mark.parametrize("state", [BOTH.defaults(), *random_states(BOTH, 60, seed=13),
                                   {**BOTH.defaults(), "controlled_feasible": 0, "transfer": 0},
                                   {**BOTH.defaults(), "controlled_feasible": 0, "social_feasible": 0},
                                   {**BOTH.defaults(), "transfer": 100}, {**BOTH.defaults(), "returns": 300}])
def test_the_sentences_match_the_curve(state):
    result = BOTH.run(state)
    data = api(state, result)
    texts = BOTH.claim_texts(result)
    curve = data["curve"]
    assert max(curve.values()) == pytest.approx(data["best"])
    assert f"controlled AGI works with a chance of {pct(data['only_controlled'])}" in texts["verdict"]
    assert f"social-instinct AGI with {pct(data['only_social'])}" in texts["verdict"]
    if data["best"] < 0.005:
        assert "Nothing works" in texts["verdict"]
        return
    better = max(data["only_controlled"], data["only_social"])
    beats = 0 < data["best_share"] < 1 and data["best"] - better >= 0.005
    assert ("Digging into both beats" in texts["verdict"]) == beats
    if beats:
        assert f"by {round((data['best'] - better) * 100)} percentage point" in texts["verdict"]
    chances = data["path_chance"]
    assert f"would leave {pct(chances['1']['social'])}" in texts["hedge"]
    assert f"keeps {pct(chances['0.5']['social'])} from the social-instinct work" in texts["hedge"]
    assert f"keeps {pct(chances['0.5']['controlled'])} from the controlled work" in texts["hedge"]
