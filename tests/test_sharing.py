"""Sharing (issue 36, docs/sharing.md): a section's link (/<slug>/s/<section>?<state>) previews that section (its
title, first sentence and figure at the shared state); drawings preview as the drawing; /embed/<slug>/<widget> is one
widget that any site may frame, with a no-script form that stays in the embed; /oembed answers for this site only."""
from __future__ import annotations

import base64
import html as htmllib
import re
from concurrent.futures import ThreadPoolExecutor
import struct
import threading
import zlib
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from helpers import drawn

import app.previews as previews
from app import content
from app.framework import canonical_query, parse_query
from app.registry import BY_SLUG, EXPLORABLES
from app.startup import PROSE

BASE = "http://testserver"
HOOD = "sources"                     # the page's own "Under the hood" section, copyable like the others


def meta(page_html: str) -> dict[str, str]:
    """The link-preview tags of a page: og:*, twitter:* and the canonical link."""
    found = {m[0]: htmllib.unescape(m[1]) for m in re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">', page_html)}
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page_html)
    return {**found, "canonical": canonical.group(1) if canonical else ""}


def image_name(url: str) -> str:
    """The figure an og:image shows: 'widget' or 'widget--stage'."""
    path = urlsplit(url).path
    assert path.startswith("/preview/") and path.endswith(".png"), url
    return path.rsplit("/", 1)[1].removesuffix(".png")


def placed(page) -> tuple[str, dict[str, str | None]]:
    """From content.md itself: the page's first widget, and per section the figure it places first (or None)."""
    text = (page.folder / "content.md").read_text(encoding="utf-8")
    first = re.search(r"^\[\[widget:([a-z0-9_-]+)\]\]$", text, re.M).group(1)
    out = {}
    for chunk in re.split(r"^## ", text, flags=re.M)[1:]:
        heading = chunk.splitlines()[0]
        named = re.search(r"\{#([a-z0-9-]+)", heading)
        mark = re.search(r"^\[\[(?:widget:([a-z0-9_-]+)|stage:([a-z0-9_-]+)\.([a-z0-9_-]+))\]\]$", chunk, re.M)
        out[named.group(1) if named else content.slugify(heading)] = mark and (mark.group(1) or f"{mark.group(2)}--{mark.group(3)}")
    return first, out


@pytest.mark.parametrize("slug", [e.slug for e in EXPLORABLES])
def test_every_section_link_previews_that_section(client, slug):
    page = BY_SLUG[slug]
    first, own = placed(page)
    default_image = f"{BASE}/preview/{slug}/{first}.png?{canonical_query(page.widget(first).params, page.widget(first).defaults())}"
    query = canonical_query(page.params, {p.name: p.default for p in page.params})
    images = set()
    for section in (*PROSE[slug].sections, content.Section(HOOD, "Under the hood")):
        r = client.get(f"/{slug}/s/{section.id}")
        assert r.status_code == 200, section.id
        tags = meta(r.text)
        assert tags["og:title"].startswith(section.title) and page.title in tags["og:title"], section.id
        assert tags["twitter:title"] == tags["og:title"]
        assert tags["og:url"] == f"{BASE}/{slug}/s/{section.id}?{query}" and tags["canonical"] == f"{BASE}/{slug}"
        assert tags["og:description"] and section.title in tags["og:image:alt"]
        assert tags["twitter:image"] == tags["og:image"]
        assert f'id="{section.id}"' in r.text                     # the page itself: the section is there to land on
        shown = image_name(tags["og:image"])
        if own.get(section.id):                                   # a section placing a figure previews that figure
            assert shown == own[section.id], section.id
        if shown != first:                                        # ... and so not the page's first figure
            assert tags["og:image"] != default_image, section.id
        else:
            assert tags["og:image"] == default_image, section.id
        images.add(tags["og:image"])
    figures = {f for f in own.values() if f}
    assert len(images) == len(figures | {first}), "one picture per figure the sections place"


def test_a_section_preview_carries_the_shared_state_and_its_own_sentence(client):
    tags = meta(client.get("/what-agi-is/s/lunch-section?size=5&values=2").text)
    assert tags["og:description"].startswith("Take a tiny world: 5 points, each holding one of 2 values;")
    assert "size=5&values=2" in tags["og:image"] and image_name(tags["og:image"]) == "lunch"
    # A sentence runs to its full stop, not to one inside brackets; glossary tooltips are left out.
    tags = meta(client.get("/big-picture/s/predictor").text)
    assert tags["og:description"] == "Why would the Steering Subsystem ever trust a guess?"
    rlvr = meta(client.get("/scheming-pie-charts/s/rlvr").text)["og:description"]
    assert rlvr.count("(") == rlvr.count(")") and rlvr.endswith(".")
    # The stage placed in a section of its own previews that stage's chart, at the shared state.
    tags = meta(client.get("/big-picture/s/two-valences?hunger=30&step=5").text)
    assert image_name(tags["og:image"]) == "thought--valence" and "hunger=30" in tags["og:image"]


def test_unknown_sections_are_404_and_former_ids_redirect(client):
    for bad in ("/big-picture/s/nope", "/nope/s/diagram", "/big-picture/s/", "/big-picture/s/diagram/more",
                "/big-picture/s/%3Cscript%3E"):
        r = client.get(bad, follow_redirects=False)
        assert r.status_code == 404 and "text/html" in r.headers["content-type"], bad
    r = client.get("/what-agi-is/s/models?size=5", follow_redirects=False)       # {#llms models}: a former id
    assert r.status_code == 301 and r.headers["location"] == "/what-agi-is/s/llms?size=5"
    assert client.head("/big-picture/s/diagram").status_code == 200
    # Old #anchor links: the page is unchanged, every section keeps its id and its copy link.
    page = client.get("/big-picture").text
    assert all(f'href="#{s.id}" data-copy-section="{s.id}"' in page for s in PROSE["big-picture"].sections)


def drawing_in(figure: dict) -> str:
    (image,) = figure["layout"]["images"]
    assert figure["data"] == [] and image["source"].startswith("data:image/svg+xml;base64,")
    return base64.b64decode(image["source"].split(",", 1)[1]).decode()


def parts_for(tags: dict[str, str]):
    """The preview's cache key and figure, as the /preview/ route makes them for this og:image."""
    url = urlsplit(tags["og:image"])
    slug, name = url.path.split("/")[2:]
    widget_id, _, stage_id = name.removesuffix(".png").partition("--")
    page = BY_SLUG[slug]
    widget = page.widget(widget_id)
    values, problems = parse_query(widget.params, parse_qsl(url.query))
    assert not problems
    return previews.preview_parts(page, widget, values, widget.stage(stage_id) if stage_id else None)


def panel_markup(page_html: str, panel_id: str) -> str:
    start = page_html.index(f'<div class="panel" id="{panel_id}">')
    return page_html[start:page_html.index("</svg>", page_html.index("diagram-wide", start)) + 6]


@pytest.mark.parametrize("path,panel", [
    ("/big-picture/s/diagram?step=5&hunger=30", "panel-thought-diagram"),
    ("/stranger-danger/s/what-happens?step=4", "panel-walkthrough-diagram"),
])
def test_a_drawn_section_previews_the_drawing_the_page_draws(client, path, panel):
    page_html = client.get(path).text
    _, figure = parts_for(meta(page_html))
    # The very drawing the page shows at that state (wide layout, bubbles as SVG text), not a chart.
    assert drawing_in(figure) == previews.standalone_svg(panel_markup(page_html, panel), previews.SITE_CSS)


def test_the_pies_section_previews_the_three_pies_as_one_picture_and_a_stage_its_chart(client):
    _, pies = parts_for(meta(client.get("/scheming-pie-charts/s/rlhf?rlhf=40").text))
    assert [t["type"] for t in pies["data"]] == ["pie"] * 3
    _, chart = parts_for(meta(client.get("/big-picture/s/two-valences").text))
    assert chart["data"] and "images" not in chart["layout"]


class Recorder:
    def __init__(self) -> None:
        self.figures = []

    def __call__(self, figures):
        self.figures += figures
        return [b"\x89PNG fake" for _ in figures]


def test_a_stage_preview_is_served_at_canonical_states_only(client, monkeypatch, tmp_path):
    recorder = Recorder()
    monkeypatch.setattr(previews, "PREVIEWS", previews.Previews(tmp_path, renderer=recorder))
    monkeypatch.setattr(previews, "PINNED", previews.Previews(tmp_path / "pinned", renderer=recorder))
    url = urlsplit(meta(client.get("/big-picture/s/two-valences?hunger=30").text)["og:image"])
    r = client.get(f"{url.path}?{url.query}")
    assert r.status_code == 200 and r.content == b"\x89PNG fake" and recorder.figures[0]["data"]
    assert client.get("/preview/big-picture/thought--valence.png?hunger=30", follow_redirects=False).status_code == 301
    for bad in ("/preview/big-picture/thought--nope.png", "/preview/big-picture/predictor--valence.png",
                "/preview/big-picture/thought--.png"):
        assert client.get(bad, follow_redirects=False).status_code == 404, bad


def paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def pixels(png: bytes) -> set[tuple[int, ...]]:
    """The colours of an 8-bit RGB or RGBA PNG (non-interlaced): every 2nd pixel of every 2nd row."""
    width, height, depth, kind, _, _, interlace = struct.unpack(">IIBBBBB", png[16:29])
    assert depth == 8 and kind in (2, 6) and interlace == 0
    data, at = b"", 8
    while at < len(png):
        size, tag = struct.unpack(">I4s", png[at:at + 8])
        data += png[at + 8:at + 8 + size] if tag == b"IDAT" else b""
        at += 12 + size
    raw, n = zlib.decompress(data), 3 if kind == 2 else 4
    stride, prev, out = width * n, bytearray(width * n), set()
    for y in range(height):
        f, cur = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a, b, c = (cur[i - n] if i >= n else 0), prev[i], (prev[i - n] if i >= n else 0)
            cur[i] = (cur[i] + (0, a, b, (a + b) // 2, paeth(a, b, c))[f]) & 255
        prev = cur
        if y % 2 == 0:
            out.update(tuple(cur[x:x + 3]) for x in range(0, stride, 2 * n))
    return out


@pytest.mark.browser
def test_a_real_drawing_preview_shows_the_drawing_and_a_stage_preview_a_chart(client):
    """Two real renders (Kaleido, one Chromium session): the drawing card has the drawing's fills, the chart none."""
    drawing = parts_for(meta(client.get("/stranger-danger/s/walkthrough?step=4").text))[1]
    chart = parts_for(meta(client.get("/big-picture/s/two-valences").text))[1]
    # in a thread of its own, as the site renders (a browser test before it in this worker leaves an event loop running)
    with ThreadPoolExecutor(1) as pool:
        pngs = pool.submit(previews.kaleido_render, [drawing, chart], 0.25).result()     # small: the fills are the same
    assert [struct.unpack(">II", p[16:24]) for p in pngs] == [(previews.WIDTH // 4, previews.HEIGHT // 4)] * 2
    fills = {(0xd9, 0xf2, 0xea), (0xf6, 0xf7, 0xf9)}              # --calm-bg (the relaxed circuit), --diagram-box
    assert fills <= pixels(pngs[0]) and not fills & pixels(pngs[1])


# ------------------------------------------------------------------ the embed


class Links(HTMLParser):
    """Every address an HTML document names (src, href, action, formaction) and its forms' fields."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []      # (tag, attribute, url)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        for name in ("src", "href", "action", "formaction", "hx-get", "data-plotly"):
            if a.get(name):
                self.urls.append((tag, name, a[name]))


def parsed(text: str) -> Links:
    p = Links()
    p.feed(text)
    return p


WIDGETS = [(p.slug, w.id) for p in EXPLORABLES for w in p.widgets]


@pytest.mark.parametrize("slug,widget", WIDGETS)
def test_an_embed_is_one_widget_that_leads_only_back_to_itself(client, slug, widget):
    page = BY_SLUG[slug]
    w = page.widget(widget)
    r = client.get(f"/embed/{slug}/{widget}")
    assert r.status_code == 200
    assert "frame-ancestors *" in r.headers["content-security-policy"] and "x-frame-options" not in r.headers
    assert "script-src 'self'" in r.headers["content-security-policy"]
    doc = parsed(r.text)
    names = [t for t, _ in doc.tags]
    assert "header" not in names and "nav" not in names and "footer" not in names      # no navigation chrome
    assert f'id="widget-{widget}"' in r.text and all(f'id="widget-{widget}--{s.id}"' in r.text for s in w.stages)
    assert sum(1 for t, a in doc.tags if t == "div" and "widget" in a.get("class", "").split()) == 1 + len(w.stages)
    embed = f"/embed/{slug}/{widget}"
    credit = [u for t, n, u in doc.urls if n == "href" and u.startswith(f"{BASE}/{slug}?")]
    assert len(credit) == 1 and urlsplit(credit[0]).fragment == f"widget-{widget}"
    others = {f"/{e.slug}" for e in EXPLORABLES if e is not page}
    for tag, name, url in doc.urls:
        parts = urlsplit(url)
        local = not parts.netloc
        assert not parts.netloc or parts.netloc == "testserver", url                # nothing from another host
        if name in ("action", "formaction"):                  # a no-script submission stays in the embed
            assert parts.path == embed, (name, url)
        elif name == "src" or tag == "link" and a_stylesheet(doc, url):
            assert parts.path.startswith("/static/"), url                           # only the site's CSS and JS
        elif local and name == "href" and not parts.path.startswith(("/static/", "#")) and parts.path:
            assert parts.path == embed, url                   # every deep link in it (reset, a drawing's parts)
        assert not any(parts.path == o or parts.path.startswith(o + "/") or f"/{o.strip('/')}/" in parts.path
                       for o in others), url                  # no other page's assets or links


def a_stylesheet(doc: Links, url: str) -> bool:
    return any(t == "link" and a.get("href") == url and a.get("rel") == "stylesheet" for t, a in doc.tags)


def test_only_embeds_may_be_framed_and_unknown_ones_are_404(client):
    r = client.get("/embed/big-picture/thought?step=2")
    assert r.status_code == 200 and "frame-ancestors *" in r.headers["content-security-policy"]
    assert "x-frame-options" not in r.headers
    for bad in ("/embed/nope/thought", "/embed/big-picture/nope", "/embed/big-picture", "/embed/big-picture/thought/x"):
        assert client.get(bad).status_code == 404, bad
    for path in ("/big-picture", "/big-picture/s/diagram", "/", "/api", "/preview/big-picture/nope.png"):
        r = client.get(path)
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"] and r.headers["x-frame-options"] == "DENY"


def form_fields(page_html: str, form_id: str) -> tuple[str, list[tuple[str, str]]]:
    """What a browser without scripts submits from a form: its action and its successful controls (inside it or
    naming it with form=), in document order."""
    doc = parsed(page_html)
    action, fields, inside = "", [], False
    for tag, a in doc.tags:
        if tag == "form":
            inside = a.get("id") == form_id
            action = a["action"] if inside else action
        owned = inside if "form" not in a else a["form"] == form_id
        if tag == "input" and owned and a.get("name"):
            if a.get("type") == "radio" and "checked" not in a:
                continue
            fields.append((a["name"], a.get("value", "")))
    return action, fields


def test_the_embeds_no_script_form_round_trips(client):
    r = client.get("/embed/stranger-danger/walkthrough?step=4")
    action, fields = form_fields(r.text, "form-walkthrough")
    assert urlsplit(action).path == "/embed/stranger-danger/walkthrough"
    fields = [(k, "6" if k == "step" else v) for k, v in fields]
    back = client.get(urlsplit(action).path + "?" + urlencode(fields))
    assert back.status_code == 200 and 'id="widget-walkthrough"' in back.text
    again = form_fields(back.text, "form-walkthrough")[1]
    assert dict(again) == dict(fields) and ("step", "6") in again
    # A widget with a stage: the stage's controls belong to the widget's one form, and its button submits to the embed.
    r = client.get("/embed/big-picture/thought?hunger=30")
    action, fields = form_fields(r.text, "form-thought")
    assert ("hunger", "30") in fields and urlsplit(action).path == "/embed/big-picture/thought"
    assert re.search(r'formaction="/embed/big-picture/thought#widget-thought--valence"', r.text)


# ------------------------------------------------------------------ oEmbed


@pytest.mark.parametrize("url,widget", [
    ("/stranger-danger?step=4", "walkthrough"),
    ("/stranger-danger/s/imprinting", "imprinting"),
    ("/stranger-danger?step=4#break-it", "walkthrough"),
    ("/big-picture/s/two-valences?hunger=30", "thought"),
    ("/big-picture#widget-predictor", "predictor"),
    ("/embed/big-picture/alignment?loophole=1", "alignment"),
])
def test_oembed_answers_an_iframe_of_the_embed_for_a_url_of_this_site(client, url, widget):
    r = client.get("/oembed", params={"url": BASE + url, "format": "json"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    answer = r.json()
    assert answer["type"] == "rich" and answer["version"] == "1.0" and answer["width"] > 0 and answer["height"] > 0
    src = htmllib.unescape(re.fullmatch(r'<iframe src="([^"]+)" width="\d+" height="\d+" title="[^"<>]+" [^<>]*></iframe>',
                                        answer["html"]).group(1))
    slug = url.split("/")[1].split("?")[0].split("#")[0] if not url.startswith("/embed/") else url.split("/")[2]
    assert urlsplit(src).path == f"/embed/{slug}/{widget}" and urlsplit(src).netloc == "testserver"
    given = dict(parse_qsl(urlsplit(url).query))
    assert given.items() <= dict(parse_qsl(urlsplit(src).query)).items()             # the same state
    assert client.get(src).status_code == 200


DISCOVERY = re.compile(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)" title="[^"<>]+">')


@pytest.mark.parametrize("path", [f"/{e.slug}" for e in EXPLORABLES] + ["/big-picture/s/two-valences?hunger=30"])
def test_every_page_and_section_names_its_oembed_answer_for_the_state_it_shows(client, path):
    found = DISCOVERY.findall(client.get(path).text)
    assert len(found) == 1, path
    link = urlsplit(htmllib.unescape(found[0]))
    assert link.path == "/oembed" and link.netloc == "testserver"
    r = client.get(f"{link.path}?{link.query}")
    assert r.status_code == 200 and r.json()["type"] == "rich"
    shared = dict(parse_qsl(link.query))["url"]
    assert urlsplit(shared).path == path.split("?")[0]                     # the page or section itself
    src = htmllib.unescape(re.search(r'<iframe src="([^"]+)"', r.json()["html"]).group(1))
    assert dict(parse_qsl(urlsplit(path).query)).items() <= dict(parse_qsl(urlsplit(src).query)).items()


@pytest.mark.parametrize("query,status,parameter", [
    ({}, 400, "url"),
    ({"url": ""}, 400, "url"),
    ({"url": "https://example.com/stranger-danger"}, 404, "url"),
    ({"url": "http://testserver.example.com/stranger-danger"}, 404, "url"),
    ({"url": "http://testserver:8080/stranger-danger"}, 404, "url"),
    ({"url": "javascript:alert(1)"}, 400, "url"),
    ({"url": "//testserver/stranger-danger"}, 400, "url"),
    ({"url": "http://testserver:99999/stranger-danger"}, 400, "url"),
    ({"url": "http://testserver/nope"}, 404, "url"),
    ({"url": "http://testserver/stranger-danger/s/nope"}, 404, "url"),
    ({"url": "http://testserver/embed/stranger-danger/nope"}, 404, "url"),
    ({"url": "http://testserver/stranger-danger", "format": "xml"}, 400, "format"),
    ({"url": "http://testserver/stranger-danger", "maxwidth": "wide"}, 400, "maxwidth"),
    ({"url": "http://testserver/stranger-danger", "maxheight": "0"}, 400, "maxheight"),
])
def test_oembed_refuses_foreign_hosts_and_bad_urls_naming_the_parameter(client, query, status, parameter):
    r = client.get("/oembed", params=query)
    assert r.status_code == status and r.headers["content-type"] == "application/json"
    assert r.json()["parameter"] == parameter and parameter in r.json()["detail"]


def test_oembed_keeps_within_maxwidth_and_maxheight(client):
    answer = client.get("/oembed", params={"url": f"{BASE}/stranger-danger", "maxwidth": "400", "maxheight": "300"}).json()
    assert answer["width"] == 400 and answer["height"] == 300 and 'width="400" height="300"' in answer["html"]


# ------------------------------------------------------------------ in the browser

AXE_EMBEDS = ["/embed/stranger-danger/walkthrough?step=4", "/embed/big-picture/thought?step=3",
              "/embed/scheming-pie-charts/pies"]


@pytest.mark.browser
@pytest.mark.parametrize("path", AXE_EMBEDS)
def test_an_embed_passes_axe_in_both_themes_and_loads_nothing_of_another_page(watched, server_url, path):
    from test_accessibility import SETTLED, violations
    ctx = watched(color_scheme="light")
    page = ctx.new_page()
    asked: list[str] = []
    page.on("request", lambda req: asked.append(req.url))
    page.goto(server_url + path)
    slug, widget = path.split("?")[0].split("/")[2:]
    drawn(page, ".plot")
    page.wait_for_function(SETTLED)
    found = {"light": violations(page)}
    light = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("light => getComputedStyle(document.body).backgroundColor !== light", arg=light)
    page.wait_for_function(SETTLED)
    found["dark"] = violations(page)
    assert found == {"light": [], "dark": []}
    for url in asked:
        parts = urlsplit(url)
        assert parts.path.startswith("/static/") or parts.path in (f"/embed/{slug}/{widget}",) or \
            parts.path.startswith(f"/v/") and f"/fragments/{slug}/{widget}" in parts.path, url


@pytest.fixture
def blog(server_url):
    """Another site on loopback (its own port: another origin) whose one page frames an embed of ours."""
    body = (f'<!doctype html><html lang="en"><title>A blog</title><iframe src="{server_url}/embed/stranger-danger/'
            'walkthrough?step=2" width="720" height="1200" title="A figure"></iframe></html>').encode()

    class Blog(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass
    server = ThreadingHTTPServer(("127.0.0.1", 0), Blog)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join(5)


@pytest.mark.browser
def test_an_embed_in_a_frame_of_another_site_updates_and_keeps_its_deep_link(watched, blog):
    page = watched().new_page()
    page.goto(blog)
    frame = page.frame_locator("iframe")
    frame.locator("#plot-walkthrough-timeline .main-svg").first.wait_for(timeout=30_000)
    inner = next(f for f in page.frames if "/embed/" in f.url)
    frame.locator("#walkthrough-step").focus()
    page.keyboard.press("ArrowRight")
    inner.wait_for_function("() => new URLSearchParams(location.search).get('step') === '3'")
    assert urlsplit(inner.url).path == "/embed/stranger-danger/walkthrough"
    inner.wait_for_function("() => new URL(document.querySelector('a.embed-credit-link').href).searchParams.get('step') === '3'")
    credit = urlsplit(frame.locator("a.embed-credit-link").get_attribute("href"))
    assert credit.path == "/stranger-danger" and credit.fragment == "widget-walkthrough"


@pytest.mark.browser
def test_the_embed_form_without_scripts_lands_back_in_the_embed(watched, server_url):
    page = watched(java_script_enabled=False).new_page()
    page.goto(f"{server_url}/embed/stranger-danger/walkthrough?step=2")
    page.evaluate("() => { document.getElementById('walkthrough-step').value = '5'; }")
    page.locator("#form-walkthrough button[type=submit]").click()
    page.wait_for_url("**/embed/stranger-danger/walkthrough?*")
    assert dict(parse_qsl(urlsplit(page.url).query))["step"] == "5"
    assert page.locator("#walkthrough-step").input_value() == "5"


@pytest.mark.browser
def test_a_copied_section_link_is_the_section_url_and_opens_at_the_section(watched, server_url):
    ctx = watched(permissions=["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    page.goto(f"{server_url}/big-picture?hunger=30")
    page.locator("a.anchor[data-copy-section=predictor]").click()
    page.wait_for_function("() => document.querySelector('a[data-copy-section=predictor]').dataset.copied === 'yes'")
    copied = urlsplit(page.evaluate("navigator.clipboard.readText()"))
    assert copied.path == "/big-picture/s/predictor" and copied.fragment == "predictor"
    assert dict(parse_qsl(copied.query))["hunger"] == "30"
    # Opened without its fragment (as a crawler or a careless paste would): the page goes to the section, and the
    # address becomes the page's own deep link.
    fresh = ctx.new_page()
    fresh.goto(f"{server_url}{copied.path}?{copied.query}")
    fresh.wait_for_function("() => location.pathname === '/big-picture' && location.hash === '#predictor'")
    assert dict(parse_qsl(urlsplit(fresh.url).query))["hunger"] == "30"
    top = fresh.locator("#predictor").evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 200
