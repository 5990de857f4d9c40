"""The scheming pie charts page over HTTP: its API, its 422s, and the page reflecting the model at
the state it was opened in (caption, live numbers, claims, sliders with no effect)."""
from __future__ import annotations

from html import escape

import pytest

from app.pages.scheming_pie_charts.page import PIES
from app.pages.scheming_pie_charts.present import pies_live, pies_summary
from helpers import between

SLUG = "scheming-pie-charts"


def test_api_without_training_keeps_the_pretraining_mix_at_every_stage(client):
    data = client.get(f"/api/{SLUG}?rlhf=0&rlvr=0").json()
    assert data["parameters"]["rlhf"] == 0 and data["parameters"]["nice"] == 70     # defaults filled in
    first, *later = data["stages"]
    assert first["green"] == pytest.approx(0.70 * 0.85) and first["red"] == pytest.approx(0.70 * 0.15)
    assert all(stage[t] == pytest.approx(first[t]) for stage in later for t in ("green", "red", "blue"))
    assert set(data["claims"]) == {c.id for c in PIES.claims}
    assert "RLHF left it unchanged, and RLVR left it unchanged" in data["claims"]["ratios"]


def test_api_for_a_brain_like_learner_without_innate_niceness_has_no_green(client):
    data = client.get(f"/api/{SLUG}?scenario=brainlike&innate=0").json()
    assert [s["green"] for s in data["stages"]] == [0, 0, 0]
    assert all(s["red_per_green"] is None for s in data["stages"])
    assert data["stages"][0]["label"] == "Start (no pretraining)"


@pytest.mark.parametrize("query,name", [("rlhf=7", "rlhf"), ("scenario=robot", "scenario"), ("nice=abc", "nice"),
                                        ("exchange=5&exchange=10", "exchange"), ("speed=1", "speed")])
def test_api_rejects_a_bad_parameter_naming_it(client, query, name):
    r = client.get(f"/api/{SLUG}?{query}")
    assert r.status_code == 422
    assert [d["loc"] for d in r.json()["detail"]] == [["query", name]]


def test_the_page_states_the_models_numbers_at_its_state(client):
    state = {"scenario": "brainlike", "innate": 20}
    result = PIES.run({**PIES.defaults(), **state})
    html = client.get(f"/{SLUG}?scenario=brainlike&innate=20").text
    assert f'<p id="summary-pies" class="summary">{escape(pies_summary(result), quote=False)}' in html
    quoted = {name: text for name, text in pies_live(result).items() if f"live-pies-{name}" in html}
    assert len(quoted) >= 3                      # the prose quotes the shares (the ratios are in the ratios claim)
    for name, text in quoted.items():
        assert f'<span class="live live-pies-{name}">{escape(text)}' in html, name
    for text in PIES.claim_texts(result).values():
        assert escape(text, quote=False) in html
    # a brain-like learner has no pretraining: its sliders are shown without effect, innate is live
    assert 'id="pies-nice"' in html and 'id="pies-treacherous"' in html
    for name, disabled in (("nice", True), ("treacherous", True), ("innate", False)):
        tag = between(html, f'id="pies-{name}"', ">")
        assert ('aria-disabled="true"' in tag) is disabled, name
