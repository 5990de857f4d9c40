"""Browser tests in headless Debian Chromium (Python Playwright, executable_path).

Every test runs in a watched context: any console error or any request to a host other than
127.0.0.1 fails it (see conftest.Watched)."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from helpers import drawn, settled

from app.registry import BY_SLUG, EXPLORABLES

pytestmark = pytest.mark.browser
SLUG = "scheming-pie-charts"
PLOT = "#plot-pies-pretraining"    # the first figure
FIGURE = "#widget-pies figure"     # all of the widget's figures


def state(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def plot_text(page) -> str:
    """The text of every figure of the widget (pie labels, percentages, band labels)."""
    return page.locator(FIGURE).first.evaluate(
        "f => [...f.querySelectorAll('.js-plotly-plot')].map(p => p.textContent).join('|')")


def open_page(watched, server_url, query="", **ctx):
    ctx_w = watched(**ctx)
    page = ctx_w.new_page()
    page.goto(f"{server_url}/{SLUG}{query}")
    drawn(page, f"{PLOT}")
    settled(page, "pies")
    page.wait_for_function("() => document.querySelectorAll('#widget-pies .js-plotly-plot').length === 4")
    return ctx_w, page


def wait_settled(page, name: str, value: str):
    """Until the last response for `name=value` has landed and every figure shows it."""
    page.wait_for_function(
        """([name, value]) => {
            const fd = document.querySelector('#figdata-pies');
            return fd && new URLSearchParams(fd.dataset.query).get(name) === value
                && document.querySelector('#widget-pies').dataset.figureState === 'drawn';
        }""", arg=[name, value])


def test_keyboard_moves_slider_figure_numbers_and_url(watched, server_url):
    _, page = open_page(watched, server_url, "#pies")
    before_plot, before_live = plot_text(page), page.locator(".live-pies-rlvr_red").first.text_content()
    before_summary = page.locator("#summary-pies").text_content()
    history_length = page.evaluate("history.length")
    slider = page.locator("#pies-rlvr")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    wait_settled(page, "rlvr", "2")
    assert slider.input_value() == "2"
    assert page.locator("#pies-rlvr-out").text_content() == "2"
    assert slider.get_attribute("aria-valuetext") == "2 (selection strength)"
    assert state(page.url)["rlvr"] == "2" and urlsplit(page.url).fragment == "pies"
    assert plot_text(page) != before_plot
    assert page.locator(".live-pies-rlvr_red").first.text_content() != before_live
    assert page.locator("#summary-pies").text_content() != before_summary
    assert page.locator("#status-pies").text_content() == page.locator("#summary-pies").text_content()
    page.keyboard.press("End")
    wait_settled(page, "rlvr", "6")
    page.keyboard.press("Home")
    wait_settled(page, "rlvr", "0")
    assert state(page.url)["rlvr"] == "0"
    # one history entry for the page, not one per key press
    assert page.evaluate("history.length") == history_length


def test_rapid_keys_end_at_the_last_state(watched, server_url):
    """No stale response overtakes a newer one: after a burst, figure and URL match the slider."""
    _, page = open_page(watched, server_url)
    slider = page.locator("#pies-nice")
    slider.focus()
    for _ in range(25):
        page.keyboard.press("ArrowLeft")
    wait_settled(page, "nice", "45")
    page.wait_for_timeout(300)  # anything still in flight would land now
    assert page.locator("#figdata-pies").get_attribute("data-query").count("nice=45") == 1
    assert state(page.url)["nice"] == "45"
    pies = next(w for w in BY_SLUG["scheming-pie-charts"].widgets if w.id == "pies")
    assert page.locator("#summary-pies").text_content() == pies.summary(pies.run({**pies.defaults(), "nice": 45}))


def test_mouse_drag_updates_figure_before_release(watched, server_url):
    _, page = open_page(watched, server_url)
    before = plot_text(page)
    page.locator("#pies-treacherous").scroll_into_view_if_needed()
    box = page.locator("#pies-treacherous").bounding_box()
    y = box["y"] + box["height"] / 2
    start_x = box["x"] + box["width"] * 0.15
    page.mouse.move(start_x, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=8)
    # still holding the button: the figure has already changed
    page.wait_for_function("(b) => document.querySelector('#plot-pies-pretraining').textContent !== b",
                           arg=before.split('|')[0])
    page.mouse.move(box["x"] + box["width"] * 0.8, y, steps=8)
    page.mouse.up()
    value = page.locator("#pies-treacherous").input_value()
    assert int(value) > 60
    wait_settled(page, "treacherous", value)
    assert state(page.url)["treacherous"] == value


def test_deep_link_opens_same_state_in_fresh_context(watched, server_url):
    _, page = open_page(watched, server_url)
    page.locator("#form-pies input[name=scenario][value=brainlike]").check()
    wait_settled(page, "scenario", "brainlike")
    page.locator("#pies-innate").focus()
    page.keyboard.press("PageUp")
    innate = page.locator("#pies-innate").input_value()
    assert innate != "0"
    wait_settled(page, "innate", innate)
    url, summary, text = page.url, page.locator("#summary-pies").text_content(), plot_text(page)

    fresh = watched(isolated=True).new_page()     # nothing remembered: the state comes from the address
    fresh.goto(url)
    drawn(fresh, f"{PLOT}")
    assert fresh.locator("#form-pies input[name=scenario][value=brainlike]").is_checked()
    assert fresh.locator("#pies-innate").input_value() == innate
    assert fresh.locator("#summary-pies").text_content() == summary
    fresh.wait_for_function("() => document.querySelectorAll('#widget-pies .js-plotly-plot').length === 4")
    assert plot_text(fresh) == text
    assert fresh.url == url


def test_reload_and_back_forward_keep_state(watched, server_url):
    ctx, page = open_page(watched, server_url)
    page.locator("#pies-rlhf").focus()
    page.keyboard.press("ArrowRight")
    wait_settled(page, "rlhf", "2.1")
    url = page.url
    page.reload()
    drawn(page, f"{PLOT}")
    assert page.locator("#pies-rlhf").input_value() == "2.1" and page.url == url
    page.goto(f"{server_url}/")
    page.go_back()
    drawn(page, f"{PLOT}")
    assert page.url == url
    assert page.locator("#pies-rlhf").input_value() == "2.1"
    assert "rlhf=2.1" in page.locator("#figdata-pies").get_attribute("data-query")
    page.go_forward()
    assert urlsplit(page.url).path == "/"


def test_reset_returns_to_defaults(watched, server_url):
    _, page = open_page(watched, server_url, "?rlhf=5&scenario=brainlike&exchange=10#pies")
    page.locator("#form-pies a.reset").click()
    wait_settled(page, "rlhf", "2")
    # The address keeps the whole page's state: the pies at their defaults, the other widget as it was (also defaults).
    assert state(page.url) == {p.name: p.to_text(p.default) for w in BY_SLUG[SLUG].widgets for p in w.params}
    assert page.locator("#form-pies input[name=scenario][value=llm]").is_checked()
    assert page.locator("#pies-exchange").input_value() == "50"


def test_copy_link_copies_section_deep_link(watched, server_url):
    ctx = watched(permissions=["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    page.goto(f"{server_url}/{SLUG}?rlvr=3")
    drawn(page, f"{PLOT}")
    link = page.locator("a.anchor[data-copy-section=rlvr]")
    before = page.locator("#rlvr").bounding_box()
    link.click()
    page.wait_for_function("() => document.querySelector('a[data-copy-section=rlvr]').dataset.copied === 'yes'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert urlsplit(copied).fragment == "rlvr" and state(copied)["rlvr"] == "3"
    assert len(state(copied)) == len(BY_SLUG[SLUG].params)   # the whole state, canonical
    assert urlsplit(page.url).fragment == "rlvr"             # the link is followed too
    page.evaluate("window.scrollTo(0, 0)")
    after = page.locator("#rlvr").bounding_box()
    page.evaluate("window.scrollTo(0, 0)")
    assert after["width"] == before["width"] and after["height"] == before["height"]   # the note moves nothing


def test_mangled_link_shows_notice_and_canonical_url(watched, server_url):
    _, page = open_page(watched, server_url, "?rlhf=banana&bogus=1&rlvr=2#rlvr")
    notice = page.locator("#link-notice")
    assert notice.is_visible() and "rlhf" in notice.text_content() and "bogus" in notice.text_content()
    s = state(page.url)
    assert s["rlhf"] == "2" and s["rlvr"] == "2" and "bogus" not in s
    assert urlsplit(page.url).fragment == "rlvr"


def test_without_javascript_everything_reads_and_form_works(watched, server_url):
    ctx = watched(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{server_url}/{SLUG}?rlvr=4#pies")
    assert "stays nice" in page.locator("#summary-pies").text_content()
    assert page.locator("#table-pies table tbody tr").count() == 3
    assert page.locator(".live-pies-rlvr_red").first.text_content().endswith("%")
    assert page.locator(".plot-fallback").first.is_visible()
    page.locator("#pies-rlhf").fill("3")
    page.locator("#form-pies button.update").click()
    page.wait_for_url("**/scheming-pie-charts?*")
    s = state(page.url)
    assert s["rlhf"] == "3" and s["rlvr"] == "4"
    assert urlsplit(page.url).fragment == "widget-pies"
    assert page.locator("#pies-rlhf").input_value() == "3"


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_every_page_loads_cleanly_at_mobile_width(watched, server_url, explorable):
    ctx = watched(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    page.goto(f"{server_url}/{explorable.slug}")
    for w in explorable.widgets:
        for f in w.figure_list:
            drawn(page, f"#plot-{w.id}-{f.id}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_home_and_404_load_cleanly(watched, server_url):
    ctx = watched()
    page = ctx.new_page()
    page.goto(server_url + "/")
    assert page.locator(f"a[href='/{SLUG}']").first.is_visible()
    # Chromium reports the 404 status itself as a console error; that one is expected here.
    ctx.expected.append("status of 404")
    response = page.goto(server_url + "/no-such-page")
    assert response.status == 404
    assert page.locator("main a[href='/scheming-pie-charts']").count() >= 1   # the 404 page lists the pages
    assert ctx.errors == [] or all("status of 404" in e for e in ctx.errors)


def test_each_key_press_is_one_htmx_get(watched, server_url):
    ctx = watched()
    page = ctx.new_page()
    http_fragments = []
    page.on("request", lambda r: http_fragments.append(r.url) if "/fragments/" in r.url else None)
    page.goto(f"{server_url}/{SLUG}")
    page.evaluate("() => { Explorables.anticipate = false; }")   # no states fetched ahead (anticipate.js)
    drawn(page, f"{PLOT}")
    before = plot_text(page)
    page.locator("#pies-nice").focus()
    page.keyboard.press("ArrowLeft")
    wait_settled(page, "nice", "69")
    assert len(http_fragments) == 1 and "nice=69" in http_fragments[0]
    assert plot_text(page) != before and state(page.url)["nice"] == "69"


def test_an_update_whose_figures_did_not_change_redraws_nothing(watched, server_url):
    _, page = open_page(watched, server_url)
    page.evaluate("""() => {
        window.__redrawn = 0;
        const seen = new MutationObserver(() => window.__redrawn++);
        document.querySelectorAll('#widget-pies .js-plotly-plot')
            .forEach(p => seen.observe(p, {childList: true, subtree: true, attributes: true}));
        document.querySelector('#figdata-pies').dataset.old = 'yes';
    }""")
    page.locator("#form-pies a.reset").click()              # the same (default) state again
    page.wait_for_function("""() => !document.querySelector('#figdata-pies').dataset.old
        && document.querySelector('#widget-pies').dataset.figureState === 'drawn'""")
    assert page.evaluate("window.__redrawn") == 0


def test_plotly_loads_only_when_a_figure_comes_near(watched, server_url):
    ctx = watched(viewport={"width": 1024, "height": 768})
    page = ctx.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if "/static/plotly." in r.url and r.url.endswith(".js") else None)
    page.goto(f"{server_url}/what-agi-is")      # its first figure is two screens down
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert fetched == [] and page.evaluate("typeof window.Plotly") == "undefined"
    assert page.locator("#widget-lunch").get_attribute("data-figure-state") == "waiting"
    page.keyboard.press("Tab")                   # keyboard focus that does not move the page
    assert fetched == []
    drawn(page, "#plot-lunch-lunch")             # scrolling near the figure loads Plotly and draws it
    assert len(fetched) == 1 and page.evaluate("typeof window.Plotly") == "object"
    settled(page, "lunch")
    # a deep link that opens at a figure loads it straight away
    fresh = ctx.new_page()
    fresh.goto(f"{server_url}/what-agi-is#widget-angels")
    fresh.wait_for_selector("#plot-angels-solo .main-svg")


def test_an_update_that_arrives_before_plotly_still_draws(watched, server_url):
    page = watched(viewport={"width": 1024, "height": 768}).new_page()
    page.goto(f"{server_url}/what-agi-is")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.Plotly") == "undefined"
    # focusing a slider far down scrolls its widget into view; the key press sends an update
    slider = page.locator("#know-pieces")
    slider.focus()
    slider.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('#plot-know-know .main-svg') !== null")
    page.wait_for_function("() => new URLSearchParams(location.search).get('pieces') === '6'")


def test_other_forms_hidden_copies_follow_a_widgets_new_state(watched, server_url):
    """A form's hidden inputs that carry another widget's parameters take that widget's new values."""
    page = watched().new_page()
    page.goto(f"{server_url}/what-agi-is#widget-know")
    settled(page, "know")
    page.evaluate("""() => [['#form-lunch', 'pieces'], ['#form-angels', 'pieces'], ['#form-angels', 'ability']]
        .forEach(([form, name]) => {
            const input = document.createElement('input');
            Object.assign(input, {type: 'hidden', name, value: name === 'pieces' ? '5' : '25'});
            document.querySelector(form).append(input);
        })""")
    page.locator("#know-pieces").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('pieces') === '6'")
    hidden = "([form, name]) => document.querySelector(`${form} input[type=hidden][name=${name}]`).value"
    assert page.evaluate(hidden, ["#form-lunch", "pieces"]) == "6"
    assert page.evaluate(hidden, ["#form-angels", "pieces"]) == "6"
    assert page.evaluate(hidden, ["#form-angels", "ability"]) == "25"


@pytest.mark.browser
def test_a_request_to_another_host_is_recorded_and_never_reaches_it(browser):
    """The watched contexts' guard (conftest.py): a page with no CSP of ours asks another host for an image;
    the request is recorded for the test's teardown to report, and it fails."""
    from conftest import _Context
    ctx = _Context(browser)
    try:
        page = ctx.context.new_page()
        page.set_content('<img id="i" src="http://example.com/a.png">')
        page.wait_for_function("() => document.getElementById('i').complete")
        assert ctx.external == ["http://example.com/a.png"]
        assert page.evaluate("document.getElementById('i').naturalWidth") == 0
    finally:
        ctx.context.close()


def test_a_moved_slider_reads_as_the_server_writes_it(watched, server_url):
    """Round 15: slider labels read '1000 steps' beside tables' '1,000', and step-throughs were spoken '66 race'.
    After a key press the label and spoken value match the server's (framework.shown_number, Step.aria_valuetext)."""
    ctx = watched()
    page = ctx.new_page()
    page.goto(f"{server_url}/what-agi-is?length=950#angels")
    slider = page.locator("#angels-length")
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('angels-length').value === '1000'")
    assert page.locator("#angels-length-out").text_content() == "1,000 steps"
    assert slider.get_attribute("aria-valuetext") == "1,000 steps"
    page.goto(f"{server_url}/outer-and-inner-alignment?race=67")
    race = page.locator("#agent-race")
    assert race.get_attribute("aria-valuetext") == "race 67"          # as the server writes it
    race.focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.getElementById('agent-race').value === '66'")
    assert race.get_attribute("aria-valuetext") == "race 66"
