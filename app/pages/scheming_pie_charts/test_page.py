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
    assert "neither RLHF nor RLVR changed it" in data["claims"]["ratios"]


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


def _plain(html: str) -> str:
    import re
    from html import unescape
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def test_the_prose_after_the_power_widget_holds_whatever_it_shows(client):
    """Review 3, P3, at …?secret_risk=60: 'So what pays is to look nice while watched …: red' drew its conclusion
    from a widget that said most goals act now and none gathers secretly. The prose now states the rule that
    holds at every setting (test_model checks it) and carries it over."""
    for query in ("secret_risk=60", "open_risk=0", "extra=0", "cost=40", ""):
        text = _plain(client.get(f"/{SLUG}?{query}").text)
        assert "So what pays" not in text, query
        assert ("Where hiding cuts the risk of being stopped by more than its delay costs, every goal that gathers "
                "power hides. For an AI in training, what pays is") in text, query


def test_the_raters_assumption_follows_the_sentence_it_qualifies(client):
    """Review 3, P4, at …?detect=100 and …?nice=30&rlhf=0: 'That rests on one assumption: raters see red and green
    as equally nice' came right after the claim, which there said raters catch all the red, or that the model does
    not seem nice. It now follows 'the ratio between them does not move', the sentence it qualifies, and the claim
    comes after it; the reader is asked to let raters catch some treachery, true whatever the slider shows."""
    for query in ("detect=100", "detect=50", "nice=30&rlhf=0", ""):
        html = client.get(f"/{SLUG}?{query}").text
        text = _plain(html)
        claim = PIES.claim_texts(PIES.run({**PIES.defaults(), **dict(
            (k, float(v)) for k, v in (kv.split("=") for kv in query.split("&") if kv))}))["looks_nice"]
        assert "the ratio between them does not move. That rests on one assumption: raters see red and green as " \
               "equally nice." in text, query
        after = text[text.index(claim) + len(claim):].lstrip()
        assert not after.startswith("That rests"), query
        assert "Slide Raters catch treachery above zero" not in text


def test_playing_the_training_game_is_quoted_as_byrnes_uses_it(client):
    """Review 3, P5: 'Byrnes calls this “playing the training game”' named the treacherous pattern with his words;
    he says playing the training game seems hard to eliminate and leads to egregious scheming (the seed, §2.3)."""
    text = _plain(client.get(f"/{SLUG}").text)
    assert "Byrnes calls this" not in text
    assert "can be wholly stamped out, and says it leads to egregious scheming" in text


def test_the_prose_beside_the_pies_never_describes_a_pie_the_sliders_have_changed(client):
    """Review 4, SPC-2: 'So the first pie is mostly green with a little red' beside a first pie 4% green, 6% red and
    90% blue (?nice=10&treacherous=60), or all blue (brain-like); 'That clears away most of the blue' beside an RLHF
    that took blue from 30.0% to 27.9% (?rlhf=0.1). The prose now speaks of Byrnes's sketch, and of RLHF's pull."""
    from helpers import visible_text
    for query in ("scenario=llm&nice=10&treacherous=60", "scenario=brainlike", "rlhf=0.1", ""):
        text = " ".join(visible_text(client.get(f"/{SLUG}?{query}").text).split())
        assert "So the first pie is mostly green" not in text and "clears away most of the blue" not in text, query
        assert "So Byrnes sketches the first pie as mostly green with some red" in text, query
        assert "for an LLM the first two sliders set that mix" in text and "That works against the blue." in text, query


def test_rlhf_and_rlvr_are_spelled_out_before_the_pies_use_them(client):
    """/scheming-pie-charts: the pies' titles and sliders say 'RLHF' and 'RLVR' before the sections that spell them
    out, and the home page's card used both with no gloss."""
    import re
    page = re.sub(r'<span class="tip"[^>]*>.*?</span>', "", client.get(f"/{SLUG}").text, flags=re.S)
    before = _plain(page.split('id="widget-pies"')[0].split("<main")[-1])
    assert "RLHF (reinforcement learning from human feedback)" in before
    assert "RLVR (reinforcement learning from verifiable rewards)" in before
    card = _plain(between(client.get("/").text.split('<ol class="cards">')[1], f'href="/{SLUG}"', 'class="you-can"'))
    assert "RLHF (reinforcement learning from human feedback)" in card and "RLVR (from verifiable rewards)" in card


def test_the_treacherous_colour_is_named_as_drawn():
    """/scheming-pie-charts: the key called the treacherous slice just 'red', and it is drawn in the Okabe-Ito
    vermilion (#D55E00), an orange-red, hatched."""
    from app import figkit as kit
    from app.registry import EXPLORABLES
    slice_ = next(t for t in PIES.figure_list[0].build(PIES.run(PIES.defaults()))["data"] if t.get("marker"))
    assert kit.VERMILION in slice_["marker"]["colors"]
    assert "**red** (drawn orange-red, hatched)" in next(
        p for p in EXPLORABLES if p.slug == SLUG).folder.joinpath("content.md").read_text()


def test_with_no_rlhf_the_raters_slider_acts_where_it_changes_what_looks_nice(client):
    """…?rlhf=0&detect=0 against …&detect=100: the raters slider was shown 'No effect now', yet the share that looks
    nice to a rater read 70.0% and 59.5%. What raters would see still follows the slider, so it is not greyed out."""
    import re
    base = "scenario=llm&nice=70&treacherous=15&rlhf=0&rlvr=1.5&exchange=50&innate=0"
    texts = {}
    for detect in (0, 100):
        html = client.get(f"/{SLUG}?{base}&detect={detect}").text
        slider = re.search(r'<input type="range" id="pies-detect"[^>]*>', html).group(0)
        assert "aria-disabled" not in slider, detect
        texts[detect] = PIES.claim_texts(PIES.run({**PIES.defaults(), "rlhf": 0.0, "detect": float(detect)}))["looks_nice"]
        assert texts[detect] in _plain(html)
    assert "and 70.0% looks nice to a rater (green and red together)" in texts[0]
    assert "and 59.5% looks nice to a rater (green, and none of the red, which raters catch)" in texts[100]


def test_how_the_model_works_hangs_the_raters_catching_treachery_on_red(client):
    """#model: 'how nice it looks to raters (green and red alike, blue not at all, unless raters can catch treachery)'
    hung the 'unless' on blue, which looks nice at no setting; catching treachery is what sets red apart from green."""
    from helpers import visible_text
    from app.pages.scheming_pie_charts.model import traits
    caught, blind = traits(0.5, 0.5, 0.0), traits(0.0, 0.5, 0.0)
    assert caught.looks_nice[2] == blind.looks_nice[2] == 0
    assert blind.looks_nice[0] == blind.looks_nice[1] and caught.looks_nice[1] < caught.looks_nice[0]
    text = " ".join(visible_text(client.get(f"/{SLUG}").text).split())
    assert "(green and red alike unless raters can catch treachery, blue not at all)" in text
    assert "blue not at all, unless" not in text


def test_how_the_model_works_says_a_brain_like_green_looks_nicer_to_rlhf_too(client):
    """/scheming-pie-charts?scenario=brainlike&innate=50#model: with raters blind to treachery, green looks nicer than
    red to RLHF (it earns the learner's own reward for niceness there), though the prose had said 'green and red
    alike' and placed that reward only in RLVR; it now says the reward counts in RLHF too."""
    from helpers import visible_text
    from app.pages.scheming_pie_charts.model import traits
    brain = traits(0.0, 0.5, 0.5)
    assert brain.looks_nice[0] > brain.looks_nice[1] and brain.task_reward[0] > traits(0.0, 0.5, 0.0).task_reward[0]
    text = " ".join(visible_text(client.get(f"/{SLUG}?scenario=brainlike&innate=50").text).split())
    assert "and its green earns that reward for niceness in RLHF too." in text


# Each pie's title against the pies: over its own pie (the box of its slices and slice labels, inside or out) or
# outside the figure is a problem; so is a title no nearer its own pie than another, or, where the pies stack, less
# than twice as far from the pie above or below it as from its own.
_PIE_TITLE = """([id, ids]) => { const p = document.getElementById(id), t = p.querySelector('.annotation').getBoundingClientRect();
  const m = p.querySelector('.main-svg').getBoundingClientRect(), out = [];
  const hit = r => Math.min(r.right, t.right) - Math.max(r.left, t.left) > 1 && Math.min(r.bottom, t.bottom) - Math.max(r.top, t.top) > 1;
  p.querySelectorAll('g.slice path.surface, g.slicetext').forEach(s => { const r = s.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && hit(r)) out.push('over its pie: ' + (s.textContent || 'slice')); });
  if (t.top < m.top - 1 || t.bottom > m.bottom + 1) out.push('outside the figure');
  const pie = other => { const b = { l: 1e9, r: -1e9, t: 1e9, b: -1e9 };
    document.getElementById(other).querySelectorAll('g.slice path.surface').forEach(s => { const r = s.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) { b.l = Math.min(b.l, r.left); b.r = Math.max(b.r, r.right); b.t = Math.min(b.t, r.top); b.b = Math.max(b.b, r.bottom); } });
    return b; };
  const gap = b => Math.hypot(Math.max(b.l - t.right, t.left - b.r, 0), Math.max(b.t - t.bottom, t.top - b.b, 0));
  const own = gap(pie(id));
  ids.filter(o => o !== id).forEach(o => { const b = pie(o), d = gap(b), stacked = b.l < t.right && t.left < b.r;
    if (d <= own || (stacked && d < 2 * own))
      out.push(`${Math.round(own)} px from its pie, ${Math.round(d)} px from ${o}`); });
  return out; }"""


@pytest.mark.browser
@pytest.mark.parametrize("query", ["", "nice=50&treacherous=2", "scenario=brainlike&innate=5"])
def test_each_pie_title_heads_its_own_pie(watched, server_url, query):
    """Issue 34: 'pie titles on the pies at 1024 and 390 px'. The title sat at the foot of the plot area, where a
    pie as tall as that area (a phone, a 1024 px window) drew under it; a thin slice at six o'clock (red at 1%,
    here) put its label there too. Moved into the margin below the pie, on a phone it sat midway between two stacked
    pies (26 px from its own, 28 from the next), so '1. Pretraining' read as the second pie's heading. Each title now
    sits over its own pie, over a band for a label at twelve o'clock (a brain-like learner's thin green slices), with
    a gap before it where the pies stack."""
    from helpers import drawn, resized
    page = watched(viewport={"width": 360, "height": 900}).new_page()
    page.goto(f"{server_url}/{SLUG}?{query}")
    ids = [f"plot-pies-{f.id}" for f in PIES.rows[0]]
    problems = {}
    for width in (360, 390, 639, 640, 768, 1024, 1100, 1440):
        resized(page, width, 900)
        for plot_id in ids:
            drawn(page, f"#{plot_id}")
        for plot_id in ids:
            found = page.evaluate(_PIE_TITLE, [plot_id, ids])
            if found:
                problems[f"{width}px {plot_id}"] = found
    assert problems == {}


def _blend(colour: str, over: str, opacity: float) -> str:
    """`over` laid at `opacity` on `colour`, both #rrggbb."""
    mix = (round(int(colour[i:i + 2], 16) * (1 - opacity) + int(over[i:i + 2], 16) * opacity) for i in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in mix)


@pytest.mark.parametrize("state", [{}, {"scenario": "brainlike", "innate": 50}, {"nice": 10, "treacherous": 60}])
def test_every_slice_label_reads_against_what_is_drawn_behind_it(state):
    """Issue 34: 'black on dark-orange hatch'. A label inside a slice was drawn over its pattern: the white stripes
    crossed the letters of the black label on the hatched orange-red, and the white label on the dotted blue stood
    on white dots (2.9:1). Each label now has a halo of its slice's own colour, which hides the pattern under its
    letters; against that colour it has at least 4.5:1, in both themes (the same for the band labels of the path)."""
    from app import figkit as kit
    from test_contrast import DARK_SWAPS, contrast
    white = "#ffffff"
    figures = PIES.render_figures(PIES.run({**PIES.defaults(), **state}))
    labels = []              # (text colour, slice colour, pattern shape, pattern opacity, halo)
    for row in PIES.rows[0]:
        trace = figures[row.id]["data"][0]
        pattern, font = trace["marker"]["pattern"], trace["insidetextfont"]
        assert pattern["fgcolor"] == kit.WHITE
        for i, colour in enumerate(trace["marker"]["colors"]):
            halo = font.get("shadow", ["none"] * 3)[i]
            labels.append((font["color"][i], colour, pattern["shape"][i], pattern["fgopacity"], halo))
    path = figures["path"]
    for trace in path["data"]:
        note = next((a for a in path["layout"]["annotations"] if a["text"].startswith(trace["hovertemplate"].split(":")[0])), None)
        if note is not None:
            labels.append((note["font"]["color"], trace["fillcolor"], trace["fillpattern"]["shape"],
                           trace["fillpattern"]["fgopacity"], note["font"].get("shadow", "none")))
    assert len(labels) >= 10
    for text, colour, shape, opacity, halo in labels:
        assert not shape or colour in halo, (text, colour, "pattern marks cross the label")
        for theme in ("light", "dark"):        # the kit's WHITE ('white') is never swapped; its '#ffffff' (PAPER) is
            shown = {c: white if c == kit.WHITE else DARK_SWAPS.get(c.lower(), c) if theme == "dark" else c
                     for c in (text, colour)}
            under = shown[colour]
            behind = {under} if not shape or colour in halo else {under, _blend(under, white, opacity)}
            for back in behind:
                assert contrast(shown[text], back) >= 4.5, (text, colour, back, theme, round(contrast(shown[text], back), 2))


@pytest.mark.browser
def test_the_pies_widget_fits_a_desktop_window(watched, server_url):
    """Issue 34, one scroll: at 1440x900 the pies widget was 1,178 px tall (a two-line legend, the lead-ins on two
    lines, a 300 px path chart, control labels on two lines); it now fits the window less 24 px."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/scheming-pie-charts")
    assert page.evaluate("document.getElementById('widget-pies').offsetHeight") <= 900 - 24
