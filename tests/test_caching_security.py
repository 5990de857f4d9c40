"""ETags and 304s, HSTS behind TLS, and injection probes across every parameter and route."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from markupsafe import escape

from app import conditional, site, startup, views
from app.main import app
from app.registry import EXPLORABLES

ROUTES = [(f"/{e.slug}", e.params) for e in EXPLORABLES]
ROUTES += [(f"/fragments/{e.slug}/{w.id}", e.params) for e in EXPLORABLES for w in e.widgets]
API = [(e.api_path(w), w.params) for e in EXPLORABLES for w in e.widgets]


@pytest.mark.parametrize("path", [p for p, _ in ROUTES + API])
def test_etag_and_not_modified_without_simulating(client, path, monkeypatch):
    first = client.get(path)
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and first.headers["cache-control"] == conditional.SHARED_SHORT

    def boom(*args, **kwargs):
        raise AssertionError("simulated although the client had the response")
    monkeypatch.setattr(views, "simulate_cached", boom)
    monkeypatch.setattr(views, "presented", boom)
    conditional.RENDERED.clear()          # not from the cache of rendered responses: validated, then 304
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag


def test_shared_caches_may_keep_pages_briefly_and_serve_them_stale_while_refetching(client):
    cc = client.get("/scheming-pie-charts").headers["cache-control"]
    assert "max-age=0" in cc and "s-maxage=60" in cc and "stale-while-revalidate=600" in cc


@pytest.mark.parametrize("kind", ["fragments", "api"])
def test_urls_naming_the_build_are_immutable_and_older_builds_are_revalidated(client, kind):
    page = EXPLORABLES[0]
    widget = page.widgets[1]
    rest = f"/fragments/{page.slug}/{widget.id}" if kind == "fragments" else page.api_path(widget)
    current = client.get(f"/v/{startup.BUILD_VERSION}{rest}")
    old = client.get(f"/v/0123456789abcdef{rest}")
    plain = client.get(rest)
    assert current.status_code == old.status_code == 200
    assert current.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert old.headers["cache-control"] == conditional.REVALIDATE
    assert current.content == old.content == plain.content


def test_pages_ask_for_updates_at_urls_naming_the_build_and_only_their_own_parameters(client):
    html = client.get("/what-agi-is").text
    for widget in EXPLORABLES[0].widgets:
        assert f'hx-get="/v/{startup.BUILD_VERSION}/fragments/what-agi-is/{widget.id}"' in html
        assert f'hx-params="{",".join(p.name for p in widget.params)}"' in html


def test_a_repeated_state_is_rendered_once_and_served_from_memory(client, monkeypatch):
    from app.framework import canonical_query
    conditional.RENDERED.clear()
    widget = next(p for p in EXPLORABLES if p.slug == "scheming-pie-charts").widgets[0]
    query = canonical_query(widget.params, {**widget.defaults(), "rlhf": 4.4, "detect": 10})
    path = f"/v/{startup.BUILD_VERSION}/fragments/scheming-pie-charts/pies?{query}"
    first = client.get(path, headers={"Accept-Encoding": "gzip"})

    def boom(*args, **kwargs):
        raise AssertionError("rendered again")
    monkeypatch.setattr(site, "render_fragment", boom)
    monkeypatch.setattr(views, "simulate_cached", boom)
    again = client.get(path, headers={"Accept-Encoding": "gzip"})
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    assert again.content == first.content == plain.content and again.headers["etag"] == first.headers["etag"]
    assert again.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
    assert again.headers["vary"] == plain.headers["vary"] == "Accept-Encoding"
    # Server-Timing says which answers were rendered (and how long that took) and which were kept ones.
    assert re.fullmatch(r"render;dur=\d+\.\d", first.headers["server-timing"])
    assert again.headers["server-timing"] == plain.headers["server-timing"] == 'cache;desc="render cache"'


@pytest.mark.parametrize("spoiled", ["&zz=1", "&rlhf=4.40", "&rlhf=banana"])
def test_only_canonical_urls_are_kept(client, spoiled):
    conditional.RENDERED.clear()
    path = "/fragments/scheming-pie-charts/pies?rlhf=4.4"
    assert client.get(path + spoiled).status_code == 200 and len(conditional.RENDERED) == 0
    client.get(f"/v/0123456789abcdef{path}")       # an old build's URL
    assert len(conditional.RENDERED) == 0
    client.get(f"/v/{startup.BUILD_VERSION}{path}&detect=0")
    assert len(conditional.RENDERED) == 0                 # not every parameter: not canonical
    query = "scenario=llm&nice=70&treacherous=15&rlhf=4.4&detect=0&rlvr=1.5&exchange=50&innate=0"
    client.get(f"/v/{startup.BUILD_VERSION}/fragments/scheming-pie-charts/pies?{query}")
    assert len(conditional.RENDERED) == 1


def test_errors_are_not_stored_by_anyone(client):
    assert client.get("/api/scheming-pie-charts?rlhf=99").headers["cache-control"] == "no-store"
    assert client.get("/nope").headers["cache-control"] == "no-store"
    assert client.get(f"/v/{startup.BUILD_VERSION}/api/scheming-pie-charts?rlhf=99").headers["content-type"].startswith(
        "application/json")


def test_the_render_cache_is_bounded_in_bytes():
    from app.rendered import RenderCache
    from app.rendered import Rendered
    cache = RenderCache(max_bytes=50_000)
    for i in range(200):
        cache.put(f"k{i}", Rendered.of(bytes(i % 251 for i in range(1_000)) + str(i).encode(), "text/html", f'W/"{i}"'))
    assert cache.bytes <= 50_000 and 0 < len(cache) < 200
    assert cache.get("k199") is not None and cache.get("k0") is None       # least recently used out first


def test_etag_follows_the_canonical_state(client):
    a = client.get("/scheming-pie-charts?rlhf=2").headers["etag"]
    b = client.get("/scheming-pie-charts").headers["etag"]          # same state: defaults
    c = client.get("/scheming-pie-charts?rlhf=2.0").headers["etag"]   # same state, other spelling
    d = client.get("/scheming-pie-charts?rlhf=3").headers["etag"]
    e = client.get("/scheming-pie-charts?rlhf=banana").headers["etag"]  # defaults, but with a notice
    assert a == b == c and len({a, d, e}) == 3


def test_hsts_only_over_https(client):
    from fastapi.testclient import TestClient
    assert "strict-transport-security" not in client.get("/").headers
    secure = TestClient(app, base_url="https://testserver")
    assert secure.get("/").headers["strict-transport-security"].startswith("max-age=")


PAYLOADS = ['"><script>alert(1)</script>', "javascript:alert(1)", "%3Csvg/onload%3Dalert(1)%3E",
            "'\"`<>&", "\u2028\u2029<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_parameter_never_come_back_unescaped(client, payload):
    # One request per route: the payload in every parameter at once, and as a parameter's name (each
    # bad value is named in the same notice or 422, through the same escaping).
    for path, params in ROUTES + API:
        r = client.get(path, params={**{q.name: payload for q in params}, payload: payload})
        assert r.status_code in (200, 422), (path, r.status_code)
        if r.headers["content-type"].startswith("text/html"):
            assert str(escape(payload)) in r.text, path     # it is shown, as text, in the notice
            # markup from the payload must arrive as text, never as tags or URLs
            for needle in ("<script>alert", "<svg/onload", "<img src=x", 'href="javascript:', "src=\"javascript:"):
                assert needle not in r.text, (path, needle)
        else:
            assert r.headers["content-type"].startswith("application/json")
            assert {d["loc"][1] for d in r.json()["detail"]} >= {payload}, path   # every bad name reported


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_the_path_get_a_safe_404(client, payload):
    r = client.get("/" + quote(payload, safe=""))
    assert r.status_code == 404 and "<script>alert" not in r.text and "<svg/onload" not in r.text


@pytest.mark.browser
def test_no_dialog_fires_for_injected_links(watched, server_url):
    ctx = watched()
    ctx.expected.append("status of 404")     # the injected paths are 404s, which Chromium logs
    page = ctx.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for payload in PAYLOADS:
        page.goto(f"{server_url}/scheming-pie-charts?rlhf={quote(payload)}&{quote(payload)}=1#{quote(payload)}")
        page.wait_for_load_state("networkidle")
        page.goto(f"{server_url}/{quote(payload, safe='')}")
    assert dialogs == []


HEAD_PATHS = ["/", "/glossary", "/sitemap.xml", "/robots.txt", "/healthz", "/openapi.json", "/nope",
              *(p for p, _ in ROUTES + API)]


@pytest.mark.parametrize("path", HEAD_PATHS + ["static"])
def test_head_answers_like_get_without_a_body(client, path):
    if path == "static":
        path = startup.assets.url("site.css")
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code and head.content == b""
    for name in ("content-type", "etag", "cache-control", "content-security-policy"):
        assert head.headers.get(name) == got.headers.get(name), name


@pytest.mark.parametrize("spelling", ['{tag}', '{strong}', '"nope", {tag}', '*'])
def test_static_files_honour_weak_and_listed_etags(client, spelling):
    url = startup.assets.url("htmx.js")
    tag = client.get(url).headers["etag"]
    assert tag.startswith('W/"')     # one tag for the br, gzip and identity bodies: weak
    r = client.get(url, headers={"If-None-Match": spelling.format(tag=tag, strong=tag.removeprefix("W/"))})
    assert r.status_code == 304 and r.headers["etag"] == tag


@pytest.mark.parametrize("spelling", ['{tag}', '{strong}', '"nope", {tag}'])
def test_pages_honour_weak_strong_and_listed_etags(client, spelling):
    tag = client.get("/scheming-pie-charts").headers["etag"]
    strong = tag.removeprefix("W/")
    r = client.get("/scheming-pie-charts", headers={"If-None-Match": spelling.format(tag=tag, strong=strong)})
    assert r.status_code == 304
    assert client.get("/scheming-pie-charts", headers={"If-None-Match": '"nope"'}).status_code == 200


def test_method_not_allowed_names_head_too(client):
    r = client.post("/scheming-pie-charts")
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
