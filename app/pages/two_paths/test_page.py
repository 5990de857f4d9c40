"""The two-paths page over HTTP: its API, and both drawings."""
from __future__ import annotations

import pytest

SLUG = "two-paths"


def test_api(client):
    data = client.get("/api/two-paths?controlled_feasible=0&transfer=0").json()
    assert data["best_share"] == 0 and data["only_controlled"] == 0
    for bad, name in (("/api/two-paths?transfer=120", "transfer"), ("/api/two-paths?returns=abc", "returns")):
        r = client.get(bad)
        assert r.status_code == 422 and name in r.text, bad


def test_the_paths_are_drawn_side_by_side_and_placed_on_the_brain_model(client):
    html = client.get(f"/{SLUG}").text
    assert html.count('class="diagram two-paths diagram-wide"') == 2          # the drawing, and the lit copy
    assert "our redrawing of his left/right comparison, its wording our summary" in html   # said once, in the sources
    assert 'aria-labelledby="tp-controlled-wide-title' in html and 'aria-labelledby="tp-social-wide-title' in html
    controlled = html[html.index('id="tp-controlled-wide-title"'):html.index('id="tp-social-wide-title"')]
    assert 'class="node part assessors lit' in controlled and 'class="node part steering dim' in controlled
    social = html[html.index('id="tp-social-wide-title"'):]
    assert 'class="node part steering lit' in social and 'class="node part assessors dim' in social


def test_the_drawings_descriptions_name_only_what_they_show(client):
    """Review 4, TP-3: both drawings' descriptions ended 'biology-specific words such as sugar are struck out',
    and no sugar is in either drawing; the big-picture drawing, whose row says 'I'll taste sugar', keeps it."""
    import re
    html = client.get(f"/{SLUG}").text
    descs = re.findall(r'<desc id="tp-(?:controlled|social)-(?:wide|tall)-desc">(.*?)</desc>', html, re.S)
    assert len(descs) == 4
    for desc in descs:
        assert "sugar" not in desc and desc.endswith("Brain-region names are struck out.")
    big = client.get("/big-picture?view=agi").text
    desc = re.search(r'<desc id="bp-thought-wide-desc">(.*?)</desc>', big, re.S).group(1)
    assert "taste sugar" in desc and desc.endswith("Brain-region names and biology-specific words such as sugar are struck out.")


def test_the_research_difficulty_slider_is_explained_as_on_the_safety_problem_page():
    """/two-paths, 'How hard the research is': its help explained the same kind of returns slider as the
    safety-problem page's in other words, with one long clause for 'large'."""
    from app.pages.safety_problem.page import PAGE as SAFETY
    from app.pages.two_paths.page import PAGE as TWO
    helps = [next(p.help for w in page.widgets for p in w.params if p.name == "returns") for page in (SAFETY, TWO)]
    for phrase in ("A share of the whole budget. Put this much on", "Small: returns diminish fast",
                   "Large: they barely diminish"):
        assert all(phrase in h for h in helps), phrase
    assert "two-in-three chance" in helps[1] and "leaves both paths short" in helps[1]


def test_the_drag_hint_holds_where_the_curve_is_flat_and_no_star_is_drawn(client):
    """Review 50 (L8), /two-paths?transfer=100: 'watch where the star, the best plan, lands', though a flat curve has
    no star ('so no split is marked as best'). The hint now says 'if any', true at every setting."""
    from helpers import visible_text
    for query in ("transfer=100", ""):
        text = " ".join(visible_text(client.get(f"/two-paths?{query}").text).split())
        assert "watch where the star, the best plan, lands" not in text
        assert "and watch where the best plan’s star, if any, lands." in text
    from app.pages.two_paths.page import BOTH
    r = BOTH.run({**BOTH.defaults(), "transfer": 100})
    names = [trace.get("name", "") for trace in BOTH.render_figures(r)["curve"]["data"]]
    assert not any(name.startswith("Best") for name in names), names


@pytest.mark.browser
def test_the_curve_axis_titles_fit_along_their_plot_at_every_width(watched, server_url):
    """Issue 34: the curve's y-axis title ('chance at least one works') was longer than the plot it runs along
    (209 of 208 px), so a phone cut it to 'e at least one works'. Each y-axis title now takes at most 85% of its
    plot's height at every width (an x-axis title may use the margins beside the plot)."""
    from helpers import drawn, resized
    page = watched(viewport={"width": 360, "height": 900}).new_page()
    page.goto(f"{server_url}/{SLUG}")
    for width in (360, 390, 768, 1024, 1440):
        resized(page, width, 900)
        for plot in ("#plot-both-curve", "#plot-both-paths"):
            drawn(page, plot)
            ratios = page.evaluate("""sel => { const p = document.querySelector(sel), d = p.querySelector('.nsewdrag').getBoundingClientRect();
              return [...p.querySelectorAll('.ytitle')].map(t => [t.textContent, t.getBoundingClientRect().height / d.height]); }""", plot)
            assert ratios and all(ratio <= 0.85 for _, ratio in ratios), (width, plot, ratios)


def test_the_charts_are_labelled_on_them_not_by_legends_at_their_foot():
    """Issue 34 (one scroll): the curve's legend and the bars' legend sat at the figures' foot (156 and 100 px of
    margin). The plans are now named on the curve's axis and its star where it is drawn; the bars' legend is one line
    at the top."""
    from app.pages.two_paths.page import BOTH
    for state in ({}, {"transfer": 100}, {"controlled_feasible": 0}):
        figures = BOTH.render_figures(BOTH.run({**BOTH.defaults(), **state}))
        curve, bars = figures["curve"]["layout"], figures["paths"]["layout"]
        assert curve["showlegend"] is False and "only social" in curve["xaxis"]["ticktext"][0]
        assert bars["legend"]["y"] == 1 and bars["legend"]["yanchor"] == "top", state
        assert [a["text"] for a in curve["annotations"]] == ([] if state == {"transfer": 100} else
                                                            [n for n in ("best split", "best plan")
                                                             if any(t["name"].lower() == n for t in figures["curve"]["data"])])


@pytest.mark.browser
def test_the_widget_fits_a_desktop_window(watched, server_url):
    """Issue 34 (one scroll on a desktop): at 1440x900 the widget was 1,274 px tall (its two charts stacked, 660 px,
    with legends at their foot), so beside the prose it could not stay in view. The charts now sit side by side and
    the widget fits the window less 24 px, at the defaults and where the curve is flat."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    for query in ("", "?transfer=100", "?controlled_feasible=0&social_feasible=0"):
        page.goto(f"{server_url}/{SLUG}{query}")
        height = page.evaluate("() => document.getElementById('widget-both').offsetHeight")
        assert height <= 900 - 24, (query, height)
