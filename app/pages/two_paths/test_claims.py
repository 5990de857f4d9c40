"""The two-paths claims, checked against the numbers the API reports (recomputed here from those
numbers), over seeded random states and chosen cases."""
from __future__ import annotations

import pytest
from helpers import random_states

from app.pages.two_paths.page import BOTH
from app.pages.two_paths.present import both_api


def pct(x: float) -> str:
    return f"{x:.0%}"


@pytest.mark.parametrize("state", [BOTH.defaults(), *random_states(BOTH, 60, seed=13),
                                   {**BOTH.defaults(), "controlled_feasible": 0, "transfer": 0},
                                   {**BOTH.defaults(), "controlled_feasible": 0, "social_feasible": 0},
                                   {**BOTH.defaults(), "transfer": 100}, {**BOTH.defaults(), "returns": 300}])
def test_the_sentences_match_the_curve(state):
    result = BOTH.run(state)
    data = both_api(state, result)
    texts = BOTH.claim_texts(result)
    curve = data["curve"]
    assert max(curve.values()) == pytest.approx(data["best"])
    assert f"everything on controlled AGI gives a {pct(data['only_controlled'])} chance" in texts["verdict"]
    assert f"everything on social-instinct AGI {pct(data['only_social'])}" in texts["verdict"]
    chances = data["path_chance"]
    assert f"putting everything on it would leave {pct(chances['0']['controlled'])}, while the even split keeps " \
           f"{pct(chances['0.5']['controlled'])} from the controlled work" in texts["hedge"]
    if data["best"] < 0.005:
        assert "Nothing works" in texts["verdict"]
        return
    if pct(min(curve.values())) == pct(max(curve.values())):
        assert "makes no difference" in texts["verdict"] and "best plan" not in texts["verdict"]
        return
    gain = round(data["best"] * 100) - round(max(data["only_controlled"], data["only_social"]) * 100)
    beats = 0 < data["best_share"] < 1 and gain >= 1
    assert ("Digging into both beats" in texts["verdict"]) == beats
    if beats:
        assert f"by {gain} percentage point" in texts["verdict"]
        assert int(pct(data["best"])[:-1]) - int(pct(max(data["only_controlled"], data["only_social"]))[:-1]) == gain
    assert f"would leave {pct(chances['1']['social'])}" in texts["hedge"]
    assert f"keeps {pct(chances['0.5']['social'])} from the social-instinct work" in texts["hedge"]
    assert f"keeps {pct(chances['0.5']['controlled'])} from the controlled work" in texts["hedge"]
