"""Site-wide reader experience: home map and reading path, glossary, sharing tags, theme, print."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import between, drawn, resized

from app.registry import CORE_PATH, EXPLORABLES
from app.startup import GLOSSARY, GLOSSARY_USES, MINUTES, PATH_MINUTES, assets

ROOT = Path(__file__).resolve().parent.parent


def test_home_opens_with_the_thesis_and_maps_every_page_along_the_path(client):
    html = client.get("/").text
    thesis = between(html, '<section class="thesis"', "</section>")
    assert "Steven Byrnes" in thesis and "His argument" in thesis and f'href="/{EXPLORABLES[0].slug}"' in thesis
    assert f"{len(CORE_PATH)} pages, about {PATH_MINUTES['core']} minutes" in thesis
    # Cards in path order, numbered; the core ones marked.
    cards = re.findall(r'<li class="card( core)?">\s*<span class="path-no" aria-hidden="true">(\d+)</span>.*?<h3><a href="/([a-z-]+)">', html, re.S)
    assert [(int(n), slug) for _, n, slug in cards] == [(i + 1, e.slug) for i, e in enumerate(EXPLORABLES)]
    assert {slug for core, _, slug in cards if core} == {e.slug for e in CORE_PATH}
    # The map: every page a numbered station linking to it, in both layouts.
    for layout in ("wide", "narrow"):
        svg = between(html, f'<svg class="path-map path-map-{layout}"', "</svg>")
        stations = re.findall(r'<a href="/([a-z-]+)" class="station( core)?">.*?class="station-no"[^>]*>(\d+)<', svg, re.S)
        assert [(slug, int(n)) for slug, _, n in stations] == [(e.slug, i + 1) for i, e in enumerate(EXPLORABLES)]
        assert {slug for slug, core, _ in stations if core} == {e.slug for e in CORE_PATH}
    assert "Coming later" not in html
    assert html.count('class="preview"') + html.count('class="miniature"') == len(EXPLORABLES)
    # The brain model: each part it links is a registered page (or its section).
    parts = re.findall(r'<a href="(/[^"#?]*)[^"]*" class="part-link"', html)
    assert parts and {p.strip("/") for p in parts} <= {e.slug for e in EXPLORABLES}


def test_home_says_only_what_byrnes_own_profile_says_of_him(client):
    """Review 3: 'a research fellow at the Astera Institute, in Boston' placed the institute in Boston. His profile
    (LessWrong, the Alignment Forum) says: physicist by training, Research Fellow at Astera; the location is his, not
    the institute's, and the lede gives none."""
    thesis = " ".join(between(client.get("/").text, '<section class="thesis"', "</section>").split())
    assert "physicist by training" in thesis and "research fellow at the Astera Institute and studies" in thesis
    assert "Boston" not in thesis


def test_each_page_says_its_reading_time_and_place_on_both_paths(client):
    for i, page in enumerate(EXPLORABLES):
        html = client.get(f"/{page.slug}").text
        where = between(html, '<p class="path-position">', "</p>")
        assert f"{MINUTES[page.slug]} min read" in where and f"page {i + 1} of {len(EXPLORABLES)}" in where
        core = [e.slug for e in CORE_PATH]
        assert ("core path:" in where) == (page.slug in core)
        if page.slug in core:
            assert f"core path: {core.index(page.slug) + 1} of {len(core)}" in where
        pager = between(html, '<nav class="pager"', "</nav>")
        if page.slug in core[:-1]:
            following = CORE_PATH[core.index(page.slug) + 1]
            assert f'href="/{following.slug}"' in pager
        if page.slug == core[-1]:
            assert "End of the core path" in pager


def test_the_header_stays_small_whatever_the_number_of_pages(client):
    position = [e.slug for e in EXPLORABLES].index("big-picture") + 1
    html = client.get("/big-picture").text
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    assert re.findall(r'href="(/[a-z]*)"', header) == ["/", "/", "/glossary", "/search"]   # no per-page links
    assert f"page {position} of {len(EXPLORABLES)}" in html and 'href="/#path"' in html   # where in the whole


@pytest.mark.parametrize("i", range(len(EXPLORABLES)))
def test_previous_next_follow_the_path(client, i):
    html = client.get(f"/{EXPLORABLES[i].slug}").text
    if i > 0:
        assert f'rel="prev" href="/{EXPLORABLES[i - 1].slug}"' in html
    else:
        assert 'rel="prev"' not in html
    if i + 1 < len(EXPLORABLES):
        assert f'rel="next" href="/{EXPLORABLES[i + 1].slug}"' in html


@pytest.mark.parametrize("path", ["/", "/glossary", *(f"/{e.slug}" for e in EXPLORABLES)])
def test_sharing_tags(client, path):
    html = client.get(path).text
    for tag in ('property="og:title"', 'property="og:description"', 'property="og:url"', 'name="twitter:card"',
                'name="description"', 'rel="canonical"', 'rel="icon"'):
        assert tag in html, (path, tag)


def test_og_url_is_the_deep_link(client):
    html = client.get("/scheming-pie-charts?rlhf=3").text
    url = re.findall(r'property="og:url" content="([^"]+)"', html)[0]
    assert url.startswith("http://testserver/scheming-pie-charts?") and "rlhf=3" in url


def test_glossary_lists_every_term_with_where_it_is_used(client):
    html = client.get("/glossary").text
    for t in GLOSSARY.terms:      # listed when a page uses it
        assert (f'<dt id="{t.id}">' in html) == bool(GLOSSARY_USES[t.id])
    uses = GLOSSARY_USES
    assert ("stranger-danger" in [s for s, _ in uses["steering-subsystem"]])
    assert 'href="/stranger-danger"' in html
    assert "/glossary</loc>" in client.get("/sitemap.xml").text


def test_terms_are_marked_once_per_page_outside_headings_and_links(client):
    html = client.get("/stranger-danger").text
    assert html.count('aria-describedby="tip-steering-subsystem"') == 1
    assert not re.search(r"<h[1-6][^>]*>[^<]*<span class=\"gloss\"", html)
    assert not re.search(r"<a [^>]*>[^<]*<span class=\"gloss\"", html)


def test_a_term_inside_a_longer_term_is_left_to_the_longer_one():
    html = GLOSSARY.annotate("<p>A brain-like AGI is one kind of AGI. Another brain-like AGI.</p>")
    terms = re.findall(r'aria-describedby="tip-([a-z-]+)">([^<]+)</button>', html)
    assert terms == [("brain-like-agi", "brain-like AGI"), ("agi", "AGI")]
    assert html.count('class="gloss"') == 2 and "Another brain-like AGI." in html


def test_every_page_marks_some_terms(client):
    for e in EXPLORABLES:
        assert client.get(f"/{e.slug}").text.count('class="term"') >= 2, e.slug


# ------------------------------------------------------------------------------------ browser

def tip_visible(page, term_id: str) -> bool:
    return page.locator(f"#tip-{term_id}").is_visible()


@pytest.mark.browser
def test_glossary_definition_opens_on_hover_focus_and_tap(watched, server_url):
    page = watched().new_page()
    page.goto(f"{server_url}/stranger-danger")
    term = page.locator("button.term[aria-describedby='tip-steering-subsystem']")
    assert not tip_visible(page, "steering-subsystem")
    term.hover()
    assert tip_visible(page, "steering-subsystem")
    page.keyboard.press("Escape")
    assert not tip_visible(page, "steering-subsystem")        # dismissable (WCAG 1.4.13)
    page.mouse.move(0, 0)
    term.focus()
    assert tip_visible(page, "steering-subsystem")
    page.locator("body").click(position={"x": 5, "y": 5})
    assert not tip_visible(page, "steering-subsystem")
    touch = watched(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740}).new_page()
    touch.goto(f"{server_url}/stranger-danger")
    from playwright.sync_api import expect     # waits (up to 5 s) for a tap's click, which a phone may delay
    touch.locator("button.term[aria-describedby='tip-learning-subsystem']").tap()
    expect(touch.locator("#tip-learning-subsystem")).to_be_visible()
    # the tap's click has opened it (not only the focus a tap can give), so that a second tap is a second click
    expect(touch.locator(".gloss:has(#tip-learning-subsystem)")).to_have_class(re.compile(r"\bopen\b"))
    assert "learns from experience" in touch.locator("#tip-learning-subsystem").text_content()
    # A second click closes it (dispatched: two quick taps on one spot can read as a double tap, with no click).
    touch.locator("button.term[aria-describedby='tip-learning-subsystem']").dispatch_event("click")
    expect(touch.locator("#tip-learning-subsystem")).to_be_hidden()


@pytest.mark.browser
def test_every_definition_opens_inside_the_window(watched, server_url):
    page = watched(viewport={"width": 360, "height": 800}).new_page()
    checked = 0
    for e in EXPLORABLES:
        page.set_viewport_size({"width": 360, "height": 800})
        page.goto(f"{server_url}/{e.slug}")
        for width in (360, 768):                 # one load, the window widened
            resized(page, width, 800)
            # each term focused in turn (glossary.js places its definition across the window; the window's scroll
            # does not enter into it), its definition measured, and the page's width on a phone
            for tip in page.evaluate(OPEN_EACH_TERM):
                checked += 1
                assert tip["shown"], (width, e.slug, tip["id"])
                assert tip["x"] >= 0 and tip["x"] + tip["width"] <= width, (width, e.slug, tip)
                if width == 360:
                    # No sideways scrolling on a phone. (Widened after loading, a page with a row of pies
                    # is wider than the window for a moment while Plotly redraws them: not this test's subject.)
                    assert tip["page_width"] <= width, (e.slug, tip)
    assert checked >= 10


OPEN_EACH_TERM = """() => [...document.querySelectorAll('button.term')].map(term => {
  term.focus({preventScroll: true});
  const tip = document.getElementById(term.getAttribute('aria-describedby')), box = tip.getBoundingClientRect();
  return {id: tip.id, shown: box.width > 0 && box.height > 0 && getComputedStyle(tip).visibility !== 'hidden',
          x: box.left, width: box.width, page_width: document.documentElement.scrollWidth};
})"""


@pytest.mark.browser
def test_theme_toggle_persists_and_recolours_figures(watched, server_url):
    ctx = watched(color_scheme="light")
    page = ctx.new_page()
    page.goto(f"{server_url}/scheming-pie-charts")
    drawn(page, "#plot-pies-path")
    toggle = page.locator("#theme-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    bg_light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != bg_light
    page.wait_for_function("() => getComputedStyle(document.querySelector('#plot-pies-path .xtick text')).fill"
                           " === 'rgb(230, 237, 243)'")
    page.reload()
    drawn(page, "#plot-pies-path")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.locator("#theme-toggle").get_attribute("aria-pressed") == "true"


@pytest.mark.browser
def test_system_dark_preference_is_followed(watched, server_url):
    page = watched(color_scheme="dark").new_page()
    page.goto(f"{server_url}/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(13, 17, 23)"
    assert page.locator("#theme-toggle").get_attribute("aria-pressed") == "true"


@pytest.mark.browser
def test_print_shows_prose_figures_and_tables_without_controls(watched, server_url):
    page = watched().new_page()
    page.goto(f"{server_url}/scheming-pie-charts?rlhf=4")
    drawn(page, "#plot-pies-path")
    page.emulate_media(media="print")
    assert not page.locator("#form-pies").is_visible()
    assert not page.locator("a.anchor").first.is_visible()
    assert page.locator("#table-pies table").is_visible()
    assert page.locator("#plot-pies-pretraining .main-svg").first.is_visible()
    assert page.locator("#summary-pies").is_visible()
    pdf = page.pdf()
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000


@pytest.mark.browser
def test_nudge_buttons_move_a_slider_by_one_step(watched, server_url):
    page = watched().new_page()
    page.goto(f"{server_url}/scheming-pie-charts")
    drawn(page, "#plot-pies-pretraining")
    plus = page.get_by_role("button", name="Increase RLHF strength")
    assert plus.bounding_box()["width"] >= 24 and plus.bounding_box()["height"] >= 24
    plus.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('rlhf') === '2.1'")
    page.get_by_role("button", name="Decrease RLHF strength").click()
    page.get_by_role("button", name="Decrease RLHF strength").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('rlhf') === '1.9'")
    assert page.locator("#pies-rlhf").input_value() == "1.9"


def test_every_figure_reserves_its_height_before_it_is_drawn(client):
    css = client.get(assets.url("site.css"), headers={"Accept-Encoding": "identity"}).text
    for e in EXPLORABLES:
        page = client.get(f"/{e.slug}").text
        for w in e.widgets:
            for fid, fig in w.render_figures(w.run(w.defaults())).items():
                h = fig["layout"]["height"]
                assert f".plot.h{h}{{min-height:{h}px}}" in css, (e.slug, w.id, fid, h)
                assert re.search(rf'class="plot h{h}" id="plot-{w.id}-{fid}"', page), (e.slug, w.id, fid)


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => {
  if (!e.hadRecentInput) window.__shifts.push({value: e.value, at: Math.round(e.startTime), moved: e.sources.map(s =>
    [s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?',
     [s.previousRect.y, s.previousRect.height], [s.currentRect.y, s.currentRect.height]])});
})).observe({type: 'layout-shift', buffered: true});"""


@pytest.mark.browser
# Every widget link opens through one scroll path (the browser's, to #widget-ID): one per page, its
# last widget, the farthest down.
@pytest.mark.parametrize("path", ["/", "/glossary", *(f"/{e.slug}" for e in EXPLORABLES),
                                  *(f"/{e.slug}#widget-{e.widgets[-1].id}" for e in EXPLORABLES)])
def test_nothing_moves_while_a_page_loads_and_draws(watched, server_url, path):
    page = watched(viewport={"width": 1350, "height": 940}).new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    page.goto(server_url + path)
    page.wait_for_function("() => !document.getElementById('theme-toggle').hidden")
    if "#" in path:   # a link to a widget: the page opens scrolled to it, its figures drawn in view
        widget = "#" + path.split("#")[1]
        page.wait_for_function(f"() => document.querySelector('{widget}').dataset.figureState === 'drawn'")
        # at the top of the screen (on wide screens a sticky widget keeps a 0.75rem gap above it)
        assert page.evaluate(f"Math.abs(document.querySelector('{widget}').getBoundingClientRect().top) <= 12")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shifts") == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_header_focus_order_follows_the_visual_order(watched, server_url, width):
    page = watched(viewport={"width": width, "height": 800}).new_page()
    page.goto(f"{server_url}/stranger-danger")
    page.wait_for_function("() => !document.getElementById('theme-toggle').hidden")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.site-header a, .site-header button')]
        .filter(el => el.getClientRects().length)   // shown (the phone header drops the "Map" link)
        .map(el => { const r = el.getBoundingClientRect(); return [el.textContent.trim(), r.top, r.left]; })""")
    # row by row (tops within 8 px count as one row), left to right within a row
    for (a, top_a, left_a), (b, top_b, left_b) in zip(boxes, boxes[1:]):
        assert top_b > top_a + 8 or (abs(top_b - top_a) <= 8 and left_b > left_a), (a, b)


def visible_text(html: str) -> str:
    """What a reader sees of a page's body (the site footer's link to the API for programmers aside): no
    scripts, styles, tags or attributes."""
    html = re.sub(r"<(script|style|footer)\b[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# Developer wording that leaked onto pages (newcomer review 4, item 4): a reader says "the chart",
# "the simulation", not "widget", "seed", "softmax", "JSON" or "the code".
_DEVELOPER_WORDS = re.compile(r"(?i)\bwidgets?\b|\bseed(?:ed)?\b|\bsoftmax\b|\bJSON\b|\bin the code\b|"
                              r"\bmain claim\b|\b(?:relaxed|fear) override\b")


@pytest.mark.parametrize("page", EXPLORABLES, ids=lambda e: e.slug)
def test_no_developer_wording_reaches_a_page(client, page):
    found = _DEVELOPER_WORDS.findall(visible_text(client.get(f"/{page.slug}").text))
    assert not found, found


def test_no_section_is_only_links_to_raw_api_answers(client):
    """Page 1's "How the models work" was nothing but links to JSON: a section a reader cannot read."""
    for page in EXPLORABLES:
        html = client.get(f"/{page.slug}").text
        for section in re.findall(r"<h2\b.*?(?=<h2\b|$)", html, flags=re.S):
            prose = re.sub(r'<a [^>]*href="/api/[^"]*"[^>]*>.*?</a>', "", section, flags=re.S)
            assert len(visible_text(prose).split()) > 20 or "/api/" not in section, (page.slug, section[:200])


@pytest.mark.parametrize("page", EXPLORABLES, ids=lambda e: e.slug)
def test_the_first_draggable_number_says_once_that_it_can_be_dragged(client, page):
    """Newcomer review 4, item 9: nothing told a reader that the dashed numbers in the text can be dragged. The
    sentence holding a page's first one ends with a hint, shown only with scripts (the number is plain text
    without them) and hidden from screen readers (the number's slider name says it)."""
    html = client.get(f"/{page.slug}").text
    assert html.count('class="scrub-hint"') == ('class="scrub ' in html)
    if 'class="scrub ' in html:
        first, hint = html.index('class="scrub '), html.index('class="scrub-hint"')
        assert first < hint and not re.search(r"</(?:p|li)>", html[first:hint])
        # Newcomer review 11: at its block's end the hint followed unrelated sentences; it ends the number's own
        # (a glossary tooltip's definition between them is not the number's sentence, and never holds the hint)
        tag = html.rfind("<", 0, hint)
        assert not re.search(r'<span class="tip"[^>]*>[^<]*$', html[:tag]), (page.slug, html[tag - 200:tag])
        between = re.sub(r"<[^>]*>", "", re.sub(r'<span class="tip"[^>]*>[^<]*</span>', "", html[first:tag]))
        assert not re.search(r"[.!?]\s", between[:-1]), (page.slug, between)
        assert 'aria-hidden="true"' in html[hint - 40:hint + 40]
    css = (ROOT / "static/css/site.css").read_text()
    assert ".scrub-hint { display: none; }" in css and ".js .scrub-hint { display: inline;" in css


def test_the_drag_hint_is_not_searched(client):
    """The hint is help with reading a page, not what the page is about: searching its words finds nothing."""
    assert " 0 results for " in visible_text(client.get("/search?q=dashed+underline").text)


def test_search_text_keeps_the_words_of_links_and_numbers(client):
    """Issue 34: a snippet read "Try,, or." where the prose's "show me" links had been dropped from the indexed text.
    Their words are searched (and shown), and no snippet has punctuation left orphaned by a number taken out."""
    from app.startup import SEARCH
    texts = [row[0] for row in SEARCH._db.execute("SELECT body FROM docs")]
    assert any("Try crediting yourself with a laugh:" in t for t in texts)     # a "show me" link's words
    orphans = [m.group() for t in texts for m in re.finditer(r".{30}(?:[,;:] ?[,;:.]|\( ?\)).{10}", t)]
    assert orphans == []


@pytest.mark.parametrize("page", EXPLORABLES[:3] + EXPLORABLES[-2:], ids=lambda e: e.slug)
def test_one_under_the_hood_per_page_holds_every_data_table(client, page):
    """Issue 34 (declutter): the data tables sit together at the page's end, with the sources and simplifications,
    not one "Data table" per figure; each keeps its id (updates replace it in place)."""
    html = client.get(f"/{page.slug}").text
    hood = html[html.index('<section class="sources under-hood"'):]
    hood = hood[:hood.index("</section>")]
    for w in page.widgets:
        assert html.count(f'id="table-{w.id}"') == 1 and f'id="table-{w.id}"' in hood, w.id
    assert "Data table</summary>" not in html
    assert "What this page simplifies" in hood and "Sources" in hood
    assert html.count('class="credit"') == 1


def test_a_section_link_is_a_small_labelled_icon(client):
    """Issue 34: the large "#" after every heading is a small icon, shown on hover or focus, named by its label."""
    html = client.get(f"/{EXPLORABLES[0].slug}").text
    links = re.findall(r'<a class="anchor"[^>]*aria-label="Link to the section: [^"]+">(.*?)</a>', html, flags=re.S)
    assert links and all(l.startswith('<svg class="link-icon"') and 'aria-hidden="true"' in l for l in links)
    css = (ROOT / "static/css/site.css").read_text()
    assert ".section-head:hover .anchor, h3:hover > .anchor, .anchor:focus-visible" in css


def test_glossary_names_the_pages_that_use_a_term_by_their_short_names(client):
    """Issue 34: "Used in:" listed full page titles (a paragraph of them); it lists the map's short names."""
    import html as html_lib

    from app.registry import STATIONS
    html = client.get("/glossary").text
    used = re.findall(r'<p class="used-in">(.*?)</p>', html, flags=re.S)
    assert used
    for block in used:
        for slug, name in re.findall(r'<a href="/([^"]+)"[^>]*>([^<]*)</a>', block):
            page = next(e for e in EXPLORABLES if e.slug == slug)
            assert html_lib.unescape(name) == STATIONS[page.folder.name], (slug, name)


# Each control's label, and (beside the prose) its help, in lines as drawn: label lines and help lines.
_CONTROL_LINES = """() => [...document.querySelectorAll('form.controls .control')].map(c => {
  const lines = el => el ? Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)) : 0;
  const slider = c.querySelector('.control-row');      // a slider's label sits beside (or above) its value
  return {id: (c.querySelector('input') || {}).id, label: slider ? lines(c.querySelector(':scope > label')) : 0,
          help: lines(c.querySelector('.help'))};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("size", [(390, 844), (1440, 900)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_control_labels_take_at_most_two_lines_and_help_one_beside_the_prose(watched, server_url, size):
    """Issue 34: labels wrapped to four lines beside long values, and two or three lines of help under every
    slider made a widget's controls 300-900 px tall beside the prose. A label takes at most two lines; beside the
    prose (1440 px) each control's help takes one line (its whole text opens over what is below on hover or focus)."""
    page = watched(viewport={"width": size[0], "height": size[1]}).new_page()
    long = []
    for e in EXPLORABLES:
        page.goto(f"{server_url}/{e.slug}")
        for c in page.evaluate(_CONTROL_LINES):
            if c["label"] > 2 or (size[0] >= 1100 and c["help"] > 1):
                long.append((e.slug, c))
    assert long == []


@pytest.mark.parametrize("slug", ["scheming-pie-charts", "stranger-danger"])
def test_how_the_models_work_is_under_the_hood(client, slug):
    """Issue 34: a page's closing "How the model(s) works" section joins its "Under the hood" as a subsection (its
    anchor kept), after the scenes, so the explanation sits with the tables and sources, not beside the last widget."""
    html = client.get(f"/{slug}").text
    hood = html[html.index('<section class="sources under-hood"'):]
    assert re.search(r'<h3 id="models?">How the models? works? <a class="anchor"', hood[:hood.index("</section>")])
    assert html.count('<section class="sources under-hood"') == 1
    last_scene = html.rindex('<div class="scene">')
    assert html.index('id="model', last_scene) > html.index('<section class="sources under-hood"')


def test_a_help_line_repeated_from_the_control_before_shows_once(client):
    """Issue 34: the sorting widget repeated one help line under each of its eight choices. It shows once; the
    repeats stay for screen readers (visually hidden), and a choice with short options no longer takes a whole row."""
    from app.registry import BY_SLUG
    widget = BY_SLUG["active-self"].widget("sort")
    html = client.get("/active-self").text
    form = html[html.index('id="form-sort"'):]
    form = form[:form.index("</form>")]
    helps = re.findall(r'<p class="help([^"]*)"><span class="help-text">([^<]*)</span>', form)
    repeated = [p for prev, p in zip(widget.params, widget.params[1:]) if p.help and p.help == prev.help]
    assert repeated and len(helps) == len([p for p in widget.params if p.help])
    assert sum(cls == " visually-hidden" for cls, _ in helps) == len(repeated)
    assert "choice-wide" not in form


@pytest.mark.browser
def test_a_short_chart_is_drawn_taller_on_a_phone_in_the_room_reserved_for_it(watched, server_url):
    """On a phone a chart declared under PHONE_MIN px is drawn a third taller (its plot area is as narrow as the
    phone), and the page reserves that height before it is drawn; back on a desktop, its declared height."""
    from app import figkit
    page = watched(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{server_url}/safety-problem")
    sizes = "() => [...document.querySelectorAll('.plot.js-plotly-plot')].map(p => [p.id, parseFloat(getComputedStyle(p).minHeight), p.querySelector('.main-svg').getBoundingClientRect().height, +p.className.match(/\\bh(\\d+)\\b/)[1]])"
    for width, height in ((390, 844), (1440, 900)):
        resized(page, width, height)
        for plot in ("#plot-rods-power", "#plot-plan-split"):
            page.locator(plot).scroll_into_view_if_needed()
            drawn(page, plot)
        page.wait_for_function(f"""() => ({sizes})().every(([id, reserved, drawn]) => Math.abs(drawn - reserved) < 1)""")
        shown = page.evaluate(sizes)
        assert len(shown) >= 2
        for pid, reserved, drawn_h, declared in shown:
            want = figkit.phone_height(declared) if width < 640 else declared
            assert reserved == want and abs(drawn_h - want) < 1, (width, pid, reserved, drawn_h, declared)
        assert width > 640 or any(figkit.phone_height(d) > d for *_, d in shown)


@pytest.mark.browser
def test_a_dragged_slider_leaves_the_control_below_in_sight_and_the_keyboard_opens_its_whole_help(watched, server_url):
    """Screenshot review, issue 34: on a desktop a slider's whole help opened over the label of the control below it
    while the pointer dragged it (the help opened on hover and focus). It opens for the keyboard's focus, or on its
    own line hovered."""
    page = watched(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{server_url}/scheming-pie-charts")
    page.locator("#widget-pies").scroll_into_view_if_needed()
    drawn(page, "#plot-pies-pretraining")
    slider, below = page.locator("#pies-nice"), page.locator("label[for=pies-rlhf]")
    on_top = "l => { const b = l.getBoundingClientRect(); return l.contains(document.elementFromPoint(b.left + 8, b.top + b.height / 2)); }"
    whole = "() => getComputedStyle(document.querySelector('#pies-nice-help .help-text')).position === 'absolute'"
    box = slider.bounding_box()
    page.mouse.move(box["x"] + 10, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 3, box["y"] + box["height"] / 2, steps=4)
    assert below.evaluate(on_top) and not page.evaluate(whole)
    page.mouse.up()
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(whole)
    page.mouse.move(5, 5)
    page.locator("#pies-rlhf").focus()
    page.keyboard.press("ArrowLeft")
    assert below.evaluate(on_top)
    page.locator("#pies-rlhf-help").hover()
    page.wait_for_function("() => getComputedStyle(document.querySelector('#pies-rlhf-help .help-text')).position === 'absolute'")
