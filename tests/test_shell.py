"""The site around the pages: search, the API page, the favicon, the glossary's groups and
cross-links, linked sources, and the header at every width."""
from __future__ import annotations

import json
import re
import struct
from html import escape
from urllib.parse import parse_qs, urlsplit

import pytest
from helpers import resized

from app import glossary as glossary_module
from app.startup import GLOSSARY, GLOSSARY_USES, PROSE, SEARCH
from app.registry import BY_SLUG, EXPLORABLES
from app.search import MAX_QUERY


def hits(client, q):
    html = client.get("/search", params={"q": q}).text
    return re.findall(r'<li class="hit hit-(\w+)"><a href="([^"]+)">', html)


# ------------------------------------------------------------------------------ search

def test_every_page_section_and_term_can_be_found_by_its_own_title(client):
    for page in EXPLORABLES:
        assert ("page", f"/{page.slug}") in hits(client, page.title)
        for s in PROSE[page.slug].sections:
            assert ("section", f"/{page.slug}#{s.id}") in hits(client, s.title), s.title
    for t in GLOSSARY.terms:
        assert ("term", f"/glossary#{t.id}") in hits(client, t.term), t.term


def test_results_link_to_sections_that_exist(client):
    for kind, url in hits(client, "the"):
        path, _, section = url.partition("#")
        html = client.get(path).text
        assert not section or f'id="{section}"' in html, url


def test_the_last_word_matches_as_a_prefix_and_every_word_must_appear(client):
    assert hits(client, "predict")                      # "predictor", "prediction"
    assert hits(client, "valence zebra") == []


@pytest.mark.parametrize("q", ['"', '*', 'NEAR(a b)', 'a AND', '-x', 'title:x', "'; drop table docs; --", "\u00e9t\u00e9",
                               "😀", "   ", "a" * 5000])
def test_any_query_gets_a_page_never_an_error(client, q):
    r = client.get("/search", params={"q": q})
    assert r.status_code in (200, 414)     # 414: over the site's 2,048-byte query limit
    if r.status_code == 200:
        assert '<input id="search-q"' in r.text


def test_a_long_query_is_cut_to_its_limit_with_a_notice(client):
    r = client.get("/search", params={"q": "valence " * 40})
    assert r.status_code == 200 and f"Only the first {MAX_QUERY} characters" in r.text
    assert SEARCH.search("valence " * 40) != []


def test_live_results_set_the_address_bar_to_the_search_page(client):
    r = client.get("/search/results", params={"q": "stranger danger"})
    assert '<div id="search-results" class="search-results" data-url="/search?q=stranger+danger"' in r.text
    # the count is announced from a status line outside the replaced block (an out-of-band swap)
    assert re.search(r'<p id="search-status" class="visually-hidden" role="status" hx-swap-oob="true">\d+ results for '
                     r'stranger danger\.</p>', r.text)
    assert 'data-title="stranger danger: search' in r.text


def test_an_empty_search_invites_a_query(client):
    html = client.get("/search").text
    assert "Type a word or two" in html and 'class="hit' not in html


# ------------------------------------------------------------------------------ API page, favicon

def test_the_api_page_documents_every_endpoint_from_the_declarations(client):
    html = client.get("/api").text
    assert 'href="/openapi.json"' in html
    for page in EXPLORABLES:
        for widget in page.widgets:
            path = page.api_path(widget)
            section = html.split(f"<code>GET {path}</code>")[1].split("</section>")[0]
            for p in widget.params:
                assert f"<code>{p.name}</code>" in section and p.range_text.replace("'", "&#39;") in section
            example = re.search(r'Example request[^<]*<a href="([^"]+)">', section).group(1).replace("&amp;", "&")
            real = client.get(example)
            assert real.status_code == 200
            shown = json.loads(re.search(r"<pre><code>(.*?)</code></pre>", section, re.S).group(1)
                               .replace("&#34;", '"').replace("&quot;", '"').replace("&#39;", "'")
                               .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
            assert set(shown) == set(real.json()), path       # the example has the real answer's fields


def test_favicon_ico_is_an_icon_file_with_the_usual_sizes(client):
    r = client.get("/favicon.ico", follow_redirects=False)
    assert r.status_code == 200 and r.headers["content-type"] == "image/x-icon" and "max-age" in r.headers["cache-control"]
    reserved, kind, count = struct.unpack("<HHH", r.content[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", r.content[6 + 16 * i: 22 + 16 * i])
        image = r.content[offset: offset + length]
        assert image[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", image[16:24]) == (width, height)
        sizes.add(width)
    assert {16, 32} <= sizes


# ------------------------------------------------------------------------------ glossary, sources

def test_the_glossary_is_grouped_and_alphabetical_within_each_group(client):
    html = client.get("/glossary").text
    used = {t.id for t in GLOSSARY.terms if GLOSSARY_USES[t.id]}
    groups = re.findall(r'<h2 id="group-([a-z-]+)">', html)
    assert groups == [g for g, _, terms in GLOSSARY.grouped(used) if terms]
    for body in html.split('<h2 id="group-')[1:]:
        names = re.findall(r'<dt id="[^"]+">([^<]+)</dt>', body)
        assert names == sorted(names, key=str.casefold)
    listed = re.findall(r'<dt id="([^"]+)">', html)
    assert sorted(listed) == sorted(used)            # what the pages use, each once
    assert "Not used on a page yet" not in html


def test_glossary_cross_links_lead_to_the_section_that_explains_the_term(client):
    html = client.get("/glossary").text
    links = re.findall(r'Explained in <a href="/([a-z-]+)#([a-z0-9-]+)">', html)
    assert len(links) == sum(1 for t in GLOSSARY.terms if t.explained and GLOSSARY_USES[t.id]) >= 10
    for slug, section in links:
        assert slug in BY_SLUG and f'id="{section}"' in client.get(f"/{slug}").text


def test_a_term_explained_by_a_missing_section_is_refused_at_start_up():
    bad = glossary_module.Glossary(
        (glossary_module.Term("x", "x", "x", ("x",), "brain", "big-picture#nowhere"),
         glossary_module.Term("y", "y", "y", ("y",), "nowhere", "")), "", "", GLOSSARY.groups)
    problems = bad.check({page.slug: {s.id for s in PROSE[page.slug].sections} for page in EXPLORABLES})
    assert any("nowhere" in p and "'x'" in p for p in problems) and any("'y'" in p for p in problems)


@pytest.mark.parametrize("page", EXPLORABLES, ids=lambda p: p.slug)
def test_every_source_links_to_the_post(client, page):
    html = client.get(f"/{page.slug}").text.split('id="sources"')[1]
    for source in page.meta["sources"]:
        url = source["url"]
        # Byrnes's own posts (a source without an author is his) are on LessWrong; others name their authors.
        assert urlsplit(url).scheme == "https", url
        assert source.get("author") or urlsplit(url).hostname == "www.lesswrong.com", url
        assert f'<a href="{url}" rel="external noopener">' in html
        author = source.get("author", "Steven Byrnes")
        assert f"<li>{escape(author)}, <cite>" in html, author


# ------------------------------------------------------------------------------ browser

@pytest.mark.browser
def test_the_header_is_one_short_row_with_nothing_overflowing(watched, server_url):
    # Its layout is the same in both themes; one load per path, the window resized.
    page = watched(viewport={"width": 360, "height": 800}).new_page()
    for path in ("/", f"/{EXPLORABLES[-1].slug}", "/glossary", "/search?q=valence", "/api"):
        page.set_viewport_size({"width": 360, "height": 800})
        page.goto(server_url + path)
        for width in (360, 768, 1280):
            resized(page, width, 800)
            box = page.locator(".site-header").bounding_box()
            assert box["height"] <= 64, (width, path, box)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (width, path)
            tops = page.evaluate("[...document.querySelectorAll('.site-header nav li, .theme-toggle')]"
                                 ".filter(e => e.offsetParent).map(e => Math.round(e.getBoundingClientRect().top))")
            assert max(tops) - min(tops) <= 12, (width, path, tops)     # one row


@pytest.mark.browser
def test_the_theme_toggle_shows_its_state(watched, server_url):
    page = watched(color_scheme="light").new_page()
    page.goto(server_url + "/")
    toggle = page.locator("#theme-toggle")
    knob = "() => getComputedStyle(document.querySelector('#theme-toggle .switch'), '::after').right"
    assert toggle.get_attribute("aria-pressed") == "false"
    before = page.evaluate(knob)
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true" and page.evaluate(knob) != before
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert "Dark theme" in toggle.inner_text() or toggle.evaluate("b => b.textContent").strip() == "Dark theme"


@pytest.mark.browser
def test_search_results_follow_the_typing_and_the_address_bar_keeps_the_query(watched, server_url):
    page = watched().new_page()
    page.goto(server_url + "/search")
    page.evaluate("window.__same = true")
    page.locator("#search-q").fill("long-term predic")
    page.wait_for_function("() => document.querySelectorAll('.hit').length > 0")
    assert page.evaluate("window.__same") is True                        # no page load
    page.wait_for_function("() => location.search.includes('q=')")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["long-term predic"]
    assert "long-term predictor" in page.locator(".hits").inner_text()
    page.wait_for_function("() => document.title.startsWith('long-term predic: search')")
    assert re.match(r"\d+ results? for long-term predic\.", page.locator("#search-status").inner_text())


@pytest.mark.browser
def test_search_works_without_javascript(browser, server_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server_url + "/search")
    page.locator("#search-q").fill("imprinting")
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_url("**/search?q=imprinting")
    assert page.locator(".hit").count() > 0
    context.close()
