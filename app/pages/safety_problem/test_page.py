"""The safety-problem page over HTTP: its APIs, and the red and blue boxes linking to what they mean."""
from __future__ import annotations

import re

import pytest
from html import unescape

from helpers import between, visible_text

SLUG = "safety-problem"


def test_apis(client):
    rods = client.get("/api/safety-problem/rods?design=rods&strength=3&ready=-120&compliance=50").json()
    assert rods["strongest_fix"] == {"all": 0.5, "careful": 0.0, "breaking": 1.0}
    assert rods["by_ready"]["-120"] <= rods["by_ready"]["240"]
    chain = client.get("/api/safety-problem/chain?k=1.007").json()
    assert chain["prompt_critical"] is True and chain["reactivity_dollars"] > 1
    plan = client.get("/api/safety-problem/plan?question=flight").json()
    assert plan["kinds"] == ["bird-like machines", "airship-like machines", "something else"] and plan["hindsight"] is not None
    for bad, name in (("/api/safety-problem/chain?k=2", "k"), ("/api/safety-problem/rods?ready=-150", "ready"),
                      ("/api/safety-problem/rods?design=magic", "design"), ("/api/safety-problem/plan?returns=5", "returns")):
        r = client.get(bad)
        assert r.status_code == 422 and name in r.text, bad


def test_every_box_links_to_its_explanation_and_the_blue_labels_are_marked_ours(client):
    html = client.get(f"/{SLUG}").text
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = re.findall(r'<a href="#(box-[a-z]+)" class="box-link">', html)
    assert set(targets) == {"box-technical", "box-practice", "box-policy", "box-misuse"}
    assert all(t in ids for t in targets)
    caption = between(html, 'id="redblue-caption"', "</figcaption>")
    assert "After Byrnes" in caption
    # What is ours is said once, in the simplifications, not in the caption.
    sources = html[html.index('id="sources"'):]
    assert "our summary" in sources and "not reproduced" in sources


def test_the_lit_boxes_report_the_simulation(client):
    html = client.get(f"/{SLUG}?compliance=50&design=rods&strength=3&ready=-120").text
    panel = between(html, 'id="panel-rods-boxes"', "</figure>")
    assert "50% of crews follow procedure; 100% of the rest run away." in panel
    assert "0% of careful crews&#39; piles run away." in panel


def _advance_widths(path):
    """A function giving a text's width in px at a font size, from a TrueType font's own advance
    widths (cmap format 4 and hmtx; no kerning, which only narrows text)."""
    import struct
    data = open(path, "rb").read()
    tables = {data[12 + 16 * i:16 + 16 * i].decode(): struct.unpack(">II", data[20 + 16 * i:28 + 16 * i])[0]
              for i in range(struct.unpack(">H", data[4:6])[0])}
    units = struct.unpack(">H", data[tables["head"] + 18:tables["head"] + 20])[0]
    metrics = struct.unpack(">H", data[tables["hhea"] + 34:tables["hhea"] + 36])[0]
    advance = [struct.unpack(">H", data[tables["hmtx"] + 4 * i:tables["hmtx"] + 4 * i + 2])[0] for i in range(metrics)]
    cmap = tables["cmap"]
    sub = next(cmap + struct.unpack(">I", data[cmap + 8 + 8 * i:cmap + 12 + 8 * i])[0]
               for i in range(struct.unpack(">H", data[cmap + 2:cmap + 4])[0])
               if struct.unpack(">HH", data[cmap + 4 + 8 * i:cmap + 8 + 8 * i]) == (3, 1))
    seg = struct.unpack(">H", data[sub + 6:sub + 8])[0] // 2
    base = sub + 14
    ends = struct.unpack(f">{seg}H", data[base:base + 2 * seg])
    starts = struct.unpack(f">{seg}H", data[base + 2 * seg + 2:base + 4 * seg + 2])
    deltas = struct.unpack(f">{seg}h", data[base + 4 * seg + 2:base + 6 * seg + 2])
    at = base + 6 * seg + 2
    offsets = struct.unpack(f">{seg}H", data[at:at + 2 * seg])

    def glyph(ch):
        c = ord(ch)
        for i in range(seg):
            if starts[i] <= c <= ends[i]:
                if not offsets[i]:
                    return (c + deltas[i]) & 0xFFFF
                pos = at + 2 * i + offsets[i] + 2 * (c - starts[i])
                g = struct.unpack(">H", data[pos:pos + 2])[0]
                return (g + deltas[i]) & 0xFFFF if g else 0
        return 0
    return lambda text, size: sum(advance[min(glyph(ch), metrics - 1)] for ch in text) * size / units


def test_the_three_kinds_fit_their_boxes(client):
    """'Airship-like machines' ran past its box in the wide drawing at 1280 px (?question=flight).
    Every title (16 px, bold in the wide drawing) and note (14 px) is measured with DejaVu Sans, the
    widest of the fonts a Linux browser picks for system-ui, against its box."""
    import pytest
    from pathlib import Path
    bold, book = (Path("/usr/share/fonts/truetype/dejavu") / f for f in ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf"))
    if not (bold.exists() and book.exists()):
        pytest.skip("DejaVu Sans is not installed")
    width = {"node-title": (_advance_widths(bold), 16), "kind-note": (_advance_widths(book), 14)}
    for query in ("", "?question=flight"):
        html = client.get(f"/{SLUG}{query}").text
        wide = between(html, '<svg class="diagram kinds diagram-wide"', "</svg>")
        for box in wide.split('<g class="node')[1:]:
            x, w = (float(v) for v in re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', box).groups())
            for kind, tx, text in re.findall(r'<text class="(node-title|kind-note)" x="([\d.]+)"[^>]*>([^<]+)</text>', box):
                measure, size = width[kind]
                assert float(tx) + measure(unescape(text), size) <= x + w - 4, (query, text)


def test_the_flight_guesses_are_not_quoted_as_his_words(client):
    """Review 3 (G3): '“like birds”, “like the best airships” and “like neither”' put shortened paraphrases in
    quotation marks; his guesses are worded otherwise. The guesses are now given without quotation marks."""
    html = " ".join(client.get("/safety-problem").text.split())
    assert "“like birds”" not in html and "&#34;like birds&#34;" not in html and '"like birds"' not in html
    assert "somewhat like birds, somewhat like the best airships, or like neither" in html


@pytest.mark.parametrize("compliance,absent,present", [(100, "Rule-breaker", "Careful"),
                                                       (0, "Careful", "Rule-breaker"),
                                                       (50, None, "Careful")])
def test_the_power_chart_draws_only_crews_that_exist(client, compliance, absent, present):
    """Review 4 (F10): at /safety-problem?compliance=100 ("Every crew follows procedure") the power chart still drew a
    "Median rule-breaking crew" climbing to the damage level (and at compliance=0 a careful crew)."""
    answer = client.get(f"/api/safety-problem/rods?compliance={compliance}").json()
    from app.pages.safety_problem.page import PAGE
    from app.pages.safety_problem.present import power_figure
    w = PAGE.widget("rods")
    names = [line["name"] for line in power_figure(w.at_defaults(compliance=compliance / 100))["data"]]
    assert present in names and (absent is None or absent not in names)
    assert answer


def test_the_box_descriptions_read_as_sentences(client):
    """Review 5 (#4): every drawing of the boxes described 'Blue box: Will best practices be followed?. Known …' and
    'Red box: The technical problem (the red box). …' (a stop after a question mark; 'red box' twice)."""
    html = client.get(f"/{SLUG}").text
    descs = [unescape(d) for d in re.findall(r'<desc id="[^"]*">(.*?)</desc>', html, re.S) if "Blue box:" in d]
    assert descs
    for desc in descs:
        assert "?." not in desc and desc.count("red box") + desc.count("Red box") == 1, desc
        assert "Blue box: Will best practices be followed? Known safety methods" in desc


@pytest.mark.parametrize("query", ["", "question=flight"])
def test_the_kinds_description_starts_each_sentence_with_a_capital(client, query):
    """Review 5 (#5), /safety-problem#widget-plan: '… prosaic and other. brain-like AGI: your credence 40%, …'; for
    flight '… bird-like machines: your credence 40% …' (the boxes' own labels are capitalised)."""
    html = client.get(f"/{SLUG}?{query}").text
    titles = [unescape(t) for t in re.findall(r'<title id="kinds-[a-z]+-title">(.*?)</title>', html, re.S)]
    assert titles
    for title in titles:
        assert not re.search(r"\. [a-z]", title), title
        assert ("Brain-like AGI: your odds" if not query else "Bird-like machines: your odds") in title



def test_with_no_fix_the_ready_time_still_moves_the_other_fixes_shares():
    """Review 5 (#16) asked for the ready time to be unavailable with no fix (the texts are the same at 240 and
    −120). It is not without effect: the data table gives every fix's shares at that ready time, so it stays available."""
    from app.pages.safety_problem.page import RODS
    from app.pages.safety_problem.present import rods_table
    values = {**RODS.defaults(), "design": "none"}
    assert "ready" not in RODS.inactive(values)
    early, late = (rods_table(RODS.run({**values, "ready": s})) for s in (-120, 240))
    assert early != late


def test_the_rods_widget_is_one_stage_his_boxes_then_one_chart(client):
    """Issue 34: the rods widget drew the boxes and three charts (power, runaways by ready time, by strength). His
    drawing leads, lit by the run, and one chart follows, power over time, which the boxes cannot show; what the two
    dropped charts showed is in the claims and the data table (every ready time, no fix, each design by strength)."""
    from app.pages.safety_problem.page import RODS
    from app.pages.safety_problem.present import rods_table
    assert [f.id for f in RODS.figure_list] == ["power"]
    assert [p.id for p in RODS.panels if p.before_figures] == ["boxes"]
    html = client.get(f"/{SLUG}").text
    widget = between(html, 'id="widget-rods"', 'id="widget-plan"')
    assert widget.index('id="panel-rods-boxes"') < widget.index('id="plot-rods-power"')
    assert widget.count('class="plot ') == 1, widget.count('class="plot ')
    r = RODS.run(RODS.defaults())
    labels = [row[0] for row in rods_table(r).rows]
    assert sum(label.startswith("Ready ") for label in labels) == len(r.by_ready)
    assert "No fix" in labels and all(any(label.startswith(name) and "worth 3 notches" in label for label in labels)
                                      for name in ("Control rods worth", "A passively safe design", "Control rods in a"))


def test_prompt_critical_is_not_said_to_run_away_within_a_fraction_of_a_second(client):
    """/safety-problem#knife-edge: 'then it runs away within a fraction of a second', beside 'k = 1.007: prompt
    critical; even with the latecomers it doubles every 0.7 s' (about 1 s at the threshold). The prose and the
    glossary now say it doubles in about a second or less."""
    from helpers import visible_text
    html = client.get("/safety-problem").text
    text = " ".join(visible_text(html).split())
    assert "fraction of a second" not in unescape(html) and "in a flash" not in text
    assert "then it doubles in about a second or less, too fast for rods." in text


def test_the_plan_says_odds_not_credence(client):
    """Newcomer review (issue 34): 'credence' was used unexplained on the plan widget (its sliders and boxes); the
    prose says 'odds', and so does the widget now."""
    html = client.get(f"/{SLUG}").text
    widget = html[html.index('id="widget-plan"'):html.index('</form>', html.index('id="widget-plan"'))]
    assert "credence" not in visible_text(widget).lower()
    assert "Odds on brain-like AGI" in widget


def test_the_plans_charts_carry_no_foot_legend():
    """Issue 34 (one scroll on a desktop): each chart spent about 90 px on a legend under it. The split names each
    kind inside its third of the even split (a third each at every state); the payoff chart shows a legend, in one
    line at the top, only where it has two kinds of bar (the 1870 question's hindsight)."""
    from app.pages.safety_problem.page import PAGE
    from app.pages.safety_problem.present import payoff_figure, split_figure
    w = PAGE.widget("plan")
    for question in ("agi", "flight"):
        r = w.at_defaults(question=question)
        split = split_figure(r)
        assert not split["layout"]["showlegend"]
        inside = [t["text"][1] for t in split["data"]]
        assert all(inside) and all(t["text"][0] == t["text"][2] == "" for t in split["data"]), inside
        payoff = payoff_figure(r)["layout"]
        assert payoff["showlegend"] == (question == "flight")
        assert payoff["legend"].get("yanchor") == "bottom" and payoff["margin"]["b"] <= 50


@pytest.mark.browser
@pytest.mark.parametrize("query", ["", "design=both&strength=2.75&ready=240&compliance=5&question=flight"])
def test_the_rods_and_plan_widgets_fit_a_desktop_window(watched, server_url, query):
    """Issue 34: at 1440x900 the control-rods widget was 1,318 px tall and the plan 1,115, so neither could stay in
    view beside its prose. Both now fit the window less 24 px, and no lit box's words are cut off by the shorter
    boxes (the longest technical note included)."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/{SLUG}?{query}")
    for wid in ("rods", "plan"):
        assert page.locator(f"#widget-{wid}").evaluate("w => w.offsetHeight") <= 900 - 24, wid
    cut = page.evaluate("""() => [...document.querySelectorAll('#panel-rods-boxes .diagram-wide foreignObject')]
        .map(f => { const b = f.firstElementChild; return f.getBoundingClientRect().bottom - b.getBoundingClientRect().bottom; })""")
    assert len(cut) == 2 and min(cut) >= 0, cut
