"""The imprinting claim, checked against the API's own numbers over every declared state of the puzzle
(its choices, and the window's ends on their grid) and the states the prose links to."""
from __future__ import annotations

import itertools

import pytest

from app.pages.stranger_danger.page import IMPRINTING
from app.pages.stranger_danger.present import imprinting_api


def every_state() -> list[dict]:
    """Every combination of the puzzle's choices, with the window's ends every 3 hours and at their
    bounds (so every corner), plus the defaults."""
    axes = []
    for p in IMPRINTING.params:
        if p.kind == "choice":
            axes.append([(p.name, v) for v in p.values])
        else:
            axes.append([(p.name, v) for v in sorted({*range(int(p.min), int(p.max) + 1, 3), int(p.max)})])
    return [dict(combo) for combo in itertools.product(*axes)] + [IMPRINTING.defaults()]


STATES = every_state()


@pytest.mark.parametrize("chunk", range(4))
def test_the_score_sentence_states_the_api_numbers(chunk):
    for state in STATES[chunk::4]:
        result = IMPRINTING.run(state)
        data = imprinting_api(state, result)
        text = IMPRINTING.claim_texts(result)["score"]
        wrong = [str(i) for i, o in enumerate(data["outcomes"], start=1) if not o["passes"]]
        assert data["score"] == data["total"] - len(wrong)
        if not wrong:
            assert text.endswith(f"in all {data['total']} situations."), (state, text)
        elif data["score"] == 0:
            assert text.endswith(f"in none of the {data['total']} situations."), (state, text)
        else:
            assert f"in {data['score']} of {data['total']} situations" in text, (state, text)
            assert text.endswith(("situation " if len(wrong) == 1 else "situations ")
                                 + (wrong[0] if len(wrong) == 1 else ", ".join(wrong[:-1]) + " and " + wrong[-1]) + "."), \
                (state, text)


def test_byrnes_design_gets_every_situation_right_and_a_near_miss_does_not():
    assert IMPRINTING.claim_texts(IMPRINTING.run({**IMPRINTING.defaults(), "trainer": "innate", "when": "window",
                                                  "window_start": 13, "window_end": 16, "output": "follow"}))["score"] \
        == "Your design currently behaves like a real gosling in all 6 situations."
    near = IMPRINTING.claim_texts(IMPRINTING.run({**IMPRINTING.defaults(), "trainer": "innate", "when": "always",
                                                  "output": "follow"}))["score"]
    assert "it goes wrong in situations" in near
