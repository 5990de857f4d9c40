"""Every route over HTTP: pages, deep links, fragments, the JSON API, bad input, assets, headers.

The client raises on any server exception, so no request here can come back as a 500."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode

import pytest

from markupsafe import escape

from app.framework import canonical_query, shown_number
from app.pages.scheming_pie_charts.present import pct
from app.registry import BY_SLUG, EXPLORABLES
from app.site import WORKER
from app.startup import PROSE, assets

SLUG = "scheming-pie-charts"
PIES = BY_SLUG[SLUG].widget("pies")
POWER = BY_SLUG[SLUG].widget("power")


def simulate(**changes):
    return PIES.run({**PIES.defaults(), **changes})


class Tags(HTMLParser):
    """Collects start tags with their attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_home_lists_every_explorable(client):
    r = client.get("/")
    assert r.status_code == 200
    for e in EXPLORABLES:
        assert f'href="/{e.slug}"' in r.text
        assert e.summary.split(",")[0].replace("'", "&#39;") in r.text
        assert e.title.replace("'", "&#39;") in r.text


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_page_renders_controls_from_declarations(client, explorable):
    r = client.get(f"/{explorable.slug}")
    assert r.status_code == 200
    tags = Tags(r.text)
    for widget in explorable.widgets:
        for p in widget.params:
            if p.kind in ("number", "stepper"):
                (slider,) = tags.find("input", type="range", name=p.name)
                # a step-through's track ends at its last step at this state (within the declared bound)
                last = widget.step_count(widget.run(widget.defaults())) if p.kind == "stepper" else p.max
                assert float(slider["min"]) == p.min and float(slider["max"]) == last <= p.max
                assert float(slider["step"]) == p.step and float(slider["value"]) == p.default
                assert slider["aria-valuetext"] == p.aria_valuetext(p.default)
                assert tags.find("label", **{"for": slider["id"]}), f"{p.name} has no label"
                assert tags.find("output", **{"for": slider["id"]})
            else:
                radios = tags.find("input", type="radio", name=p.name)
                assert [r["value"] for r in radios] == list(p.values)
        for f in widget.figure_list:
            assert tags.find("div", id=f"plot-{widget.id}-{f.id}", role="img", **{"aria-label": f.label})
        assert tags.find("div", id=f"figdata-{widget.id}")
        assert tags.find("p", id=f"status-{widget.id}", role="status")
    assert "<table>" in r.text and "<caption>" in r.text


def test_every_section_has_an_anchor_and_copy_control(client):
    r = client.get(f"/{SLUG}")
    tags = Tags(r.text)
    ids = [a["id"] for t, a in tags.tags if t == "h2" and "id" in a]
    assert "pies" in ids and len(ids) >= 5
    for ident in ids:
        assert tags.find("a", href=f"#{ident}"), ident
        assert tags.find("a", href=f"#{ident}", **{"data-copy-section": ident}), ident
    # A widget's reset link keeps the page's other widgets as they are (here the power widget, at its defaults).
    others = canonical_query(POWER.params, POWER.defaults())
    assert tags.find("a", **{"data-reset": "form-pies"})[0]["href"] == f"/{SLUG}?{others}#widget-pies"


def test_deep_link_renders_exact_state_on_the_server(client):
    state = {"scenario": "llm", "nice": "55", "treacherous": "30", "rlhf": "2.5", "detect": "0",
             "rlvr": "3.2", "exchange": "75", "innate": "0"}
    r = client.get(f"/{SLUG}?" + urlencode(state))
    assert r.status_code == 200
    tags = Tags(r.text)
    for name, value in state.items():
        if name != "scenario":
            assert tags.find("input", name=name)[0]["value"] == value
    assert "checked" in tags.find("input", name="scenario", value="llm")[0]
    result = simulate(nice=55, treacherous=30, rlhf=2.5, rlvr=3.2, exchange=75)
    assert str(escape(PIES.summary(result))) in r.text
    live = re.findall(r'class="live live-pies-rlvr_red">([^<]*)<', r.text)
    assert live and all(v == pct(result.share("after RLVR", "red")) for v in live)
    (art,) = tags.find("article")
    assert dict(parse_qsl(art["data-query"])) == {**state, **dict(parse_qsl(canonical_query(POWER.params, POWER.defaults())))}
    assert "Part of this link was not understood" not in r.text


def test_brainlike_deep_link(client):
    r = client.get(f"/{SLUG}?scenario=brainlike")
    tags = Tags(r.text)
    assert "checked" in tags.find("input", name="scenario", value="brainlike")[0]
    assert "checked" not in tags.find("input", name="scenario", value="llm")[0]
    assert "Start (no pretraining): 0% stays nice" in r.text
    assert "none (no green)" in r.text


@pytest.mark.parametrize("query,name", [
    ("rlhf=abc", "rlhf"), ("rlhf=99", "rlhf"), ("rlhf=nan", "rlhf"), ("rlhf=inf", "rlhf"),
    ("rlhf=1e309", "rlhf"), ("bogus=1", "bogus"), ("scenario=gpt5", "scenario"), ("nice=1&nice=2", "nice"),
])
def test_mangled_page_link_renders_defaults_with_notice(client, query, name):
    r = client.get(f"/{SLUG}?{query}")
    assert r.status_code == 200
    assert "Part of this link was not understood" in r.text
    notice = r.text[r.text.index('id="link-notice"'):r.text.index("</div>", r.text.index('id="link-notice"'))]
    assert name in notice
    assert str(escape(PIES.summary(simulate()))) in r.text  # defaults are shown


def test_good_values_survive_next_to_bad_ones(client):
    r = client.get(f"/{SLUG}?rlhf=4&nice=zzz")
    tags = Tags(r.text)
    assert tags.find("input", name="rlhf")[0]["value"] == "4"
    assert tags.find("input", name="nice")[0]["value"] == "70"


def test_user_input_is_escaped(client):
    payload = '"><script>alert(1)</script>'
    r = client.get(f"/{SLUG}", params={"rlhf": payload, payload: "1"})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text
    assert "&#34;&gt;&lt;script&gt;" in r.text or "&quot;&gt;&lt;script&gt;" in r.text


def test_fragment_carries_figure_live_numbers_and_canonical_query(client):
    r = client.get(f"/fragments/{SLUG}/pies", params={"rlhf": "3", "exchange": "0"})
    assert r.status_code == 200
    tags = Tags(r.text)
    (fd,) = tags.find("div", id="figdata-pies")
    values = dict(PIES.defaults(), rlhf=3.0, exchange=0.0)
    assert fd["data-query"] == canonical_query(PIES.params, values)
    result = simulate(**values)
    assert PIES.summary(result) in r.text
    oob = {a["hx-swap-oob"] for t, a in tags.tags if "hx-swap-oob" in a}
    assert {"innerHTML:.live-pies-rlvr_red", "innerHTML:#notice-pies"} <= oob
    # only live numbers the prose uses are sent (an OOB swap with no target is a console error)
    used = set(PROSE[SLUG].live_keys("pies"))
    assert {o.split(".live-pies-")[1] for o in oob if ".live-pies-" in o} == used


def test_fragment_with_bad_value_answers_with_notice(client):
    r = client.get(f"/fragments/{SLUG}/pies", params={"rlhf": "-5"})
    assert r.status_code == 200
    assert "rlhf must be a number from 0 to 6" in r.text


def test_api_defaults_and_shape(client):
    r = client.get(f"/api/{SLUG}")
    assert r.status_code == 200
    data = r.json()
    assert [s["name"] for s in data["stages"]] == ["pretraining", "after RLHF", "after RLVR"]
    for s in data["stages"]:
        assert s["green"] + s["red"] + s["blue"] == pytest.approx(1.0, abs=1e-12)
    assert data["parameters"] == PIES.defaults()
    assert data["stages"][0]["red_per_green"] == pytest.approx(data["stages"][1]["red_per_green"], rel=1e-12)


def test_api_takes_the_same_parameters(client):
    data = client.get(f"/api/{SLUG}", params={"scenario": "brainlike", "rlvr": "4"}).json()
    assert all(s["green"] == 0 for s in data["stages"]) and data["stages"][2]["red_per_green"] is None
    assert data["parameters"]["rlvr"] == 4.0


@pytest.mark.parametrize("query,name,expect", [
    ("rlhf=7", "rlhf", "from 0 to 6"), ("rlhf=abc", "rlhf", "from 0 to 6"), ("rlhf=NaN", "rlhf", "from 0 to 6"),
    ("exchange=inf", "exchange", "from 0 to 100%"), ("nice=1e309", "nice", "from 0 to 100%"),
    ("wat=1", "wat", "unknown parameter 'wat'"), ("scenario=x", "scenario", "'llm', 'brainlike'"),
    ("rlvr=1&rlvr=2", "rlvr", "given 2 times"),
])
def test_api_rejects_bad_parameters_with_422_naming_them(client, query, name, expect):
    r = client.get(f"/api/{SLUG}?{query}")
    assert r.status_code == 422
    (detail,) = r.json()["detail"]
    assert detail["loc"] == ["query", name] and expect in detail["msg"]


def _between_steps(explorable):
    """A widget and a value between two steps of its first slider whose steps have room between them."""
    for widget in explorable.widgets:
        for p in widget.params:
            if p.kind != "choice" and (not p.integer or p.step >= 2):
                half = p.min + p.step / 2
                return widget, p, (int(half) if p.integer else half)
    return None


BETWEEN = [(e, *_between_steps(e)) for e in EXPLORABLES if _between_steps(e)]


@pytest.mark.parametrize("explorable,widget,param,value", BETWEEN, ids=[e.slug for e, *_ in BETWEEN])
def test_a_value_between_steps_is_rounded_on_the_page_and_refused_by_the_api(client, explorable, widget, param, value):
    r = client.get(f"/{explorable.slug}?{param.name}={value}")
    assert r.status_code == 200
    nearest = param.snap(value)
    notice = r.text[r.text.index('id="link-notice"'):r.text.index("</div>", r.text.index('id="link-notice"'))]
    assert f"rounded to {shown_number(nearest)}" in notice and "back at its default" not in notice
    assert Tags(r.text).find("input", name=param.name)[0]["value"] == param.to_text(nearest)
    fragment = client.get(f"/fragments/{explorable.slug}/{widget.id}?{param.name}={value}")
    assert fragment.status_code == 200 and "Rounded" in fragment.text
    api = client.get(f"{explorable.api_path(widget)}?{param.name}={value}")
    assert api.status_code == 422
    (detail,) = api.json()["detail"]
    assert detail["loc"] == ["query", param.name] and "between steps" in detail["msg"]
    # The API refuses the value: it says which step is nearest, never that it rounded anything.
    assert "rounded" not in detail["msg"] and f"the nearest step is {shown_number(nearest)}" in detail["msg"]


def test_sharp_takeoff_link_between_steps_is_worded_for_the_rounded_state(client):
    r = client.get("/sharp-takeoff?rounds=50")
    assert "rounds=50" in r.text and "rounded to" in r.text
    assert "before any exchange" not in r.text


def test_openapi_documents_the_api_with_bounds(client):
    spec = client.get("/openapi.json").json()
    op = spec["paths"][f"/api/{SLUG}"]["get"]
    params = {p["name"]: p for p in op["parameters"]}
    assert set(params) == {p.name for p in PIES.params}
    assert params["rlhf"]["schema"] == {"type": "number", "minimum": 0.0, "maximum": 6.0, "default": 2.0, "multipleOf": 0.1}
    assert params["scenario"]["schema"]["enum"] == ["llm", "brainlike"]
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("PiesResponse")
    assert "422" in op["responses"]
    # the pages and fragments are not part of the API
    assert not any(path.startswith("/fragments") for path in spec["paths"])


@pytest.mark.parametrize("path", ["/nope", "/scheming-pie-charts/extra", "/fragments/nope/pies",
                                  "/fragments/scheming-pie-charts/nope", "/..%2f..%2fetc%2fpasswd",
                                  "/static/..%2fpyproject.toml", "/static/%2e%2e/app/main.py",
                                  "/static/app.js", "/static/..\\..\\pyproject.toml", "/content/scheming-pie-charts.md"])
def test_unknown_paths_get_friendly_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "Page not found" in r.text and f'href="/{SLUG}"' in r.text


def test_unknown_api_path_is_json_404(client):
    r = client.get("/api/nope")
    assert r.status_code == 404 and r.json() == {"detail": "Not Found"}


def test_static_assets_are_hashed_immutable_and_precompressed(client):
    for name, url in assets.urls.items():
        assert re.fullmatch(r"/static/[a-z]+(-[a-z]+)*\.[0-9a-f]{12}\.(js|css|svg|ico)", url), url
        r = client.get(url, headers={"Accept-Encoding": "br, gzip"})
        assert r.status_code == 200
        assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert r.headers["content-encoding"] == "br"
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers and len(plain.content) > 0
        again = client.get(url, headers={"If-None-Match": r.headers["etag"]})
        assert again.status_code == 304


def test_plotly_is_served_as_npm_ships_it_behind_a_compile_hint(client):
    from app.assets import COMPILE_HINT, SOURCES
    served = client.get(assets.urls["plotly.js"], headers={"Accept-Encoding": "identity"}).content
    # The hint only works as the file's first line; the rest (licence header included) is
    # byte-for-byte the pinned npm file.
    assert served.startswith(b"//# allFunctionsCalledOnLoad\n") and served.startswith(COMPILE_HINT)
    assert served[len(COMPILE_HINT):] == SOURCES["plotly.js"].read_bytes()
    assert b"plotly.js (basic - minified) v4.1.1" in served[:200]


def test_pages_reference_only_local_assets_and_no_inline_script(client):
    for path in ["/", "/nope", *(f"/{e.slug}" for e in EXPLORABLES)]:
        r = client.get(path)
        tags = Tags(r.text)
        for attrs in tags.find("script"):
            assert attrs.get("src", "").startswith("/static/"), attrs
        for t, attrs in tags.tags:
            assert not any(k.startswith("on") for k in attrs), (t, attrs)
            assert "style" not in attrs, (t, attrs)
            for k in ("src", "href"):
                v = attrs.get(k, "")
                # Nothing is loaded from another host; the only outside addresses are links a reader may follow
                # to the sources, marked rel="external"; the canonical and oEmbed discovery links name this host.
                outbound = t == "a" and k == "href" and "external" in attrs.get("rel", "").split()
                own = t == "link" and attrs.get("rel") in ("canonical", "alternate") and v.startswith("http://testserver/")
                assert not v.startswith(("http://", "https://", "//")) or outbound or own, v
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", r.text) is None


@pytest.mark.parametrize("path", ["/", f"/{SLUG}", f"/api/{SLUG}", f"/fragments/{SLUG}/pies", "/nope",
                                  "/sitemap.xml", "/robots.txt", "/healthz", "/openapi.json", "/stranger-danger",
                                  "/api/stranger-danger", "/api/filial-imprinting",
                                  "/fragments/stranger-danger/walkthrough", "/fragments/stranger-danger/imprinting"])
def test_security_headers_on_every_route(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "server" not in r.headers


def test_long_query_gets_414(client):
    r = client.get(f"/{SLUG}?rlhf=1&pad=" + "x" * 3000)
    assert r.status_code == 414


def test_sitemap_robots_health(client):
    sm = client.get("/sitemap.xml")
    assert sm.status_code == 200 and sm.headers["content-type"].startswith("application/xml")
    for e in EXPLORABLES:
        assert f"/{e.slug}</loc>" in sm.text
    assert "Sitemap:" in client.get("/robots.txt").text
    health = client.get("/healthz")
    assert health.text == "ok" and health.headers["cache-control"] == "no-store"
    assert health.headers["server-timing"] == f'worker;desc="{WORKER}"' and re.fullmatch("[0-9a-f]{8}", WORKER)


def test_html_is_compressed(client):
    r = client.get(f"/{SLUG}", headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"


@pytest.mark.parametrize("explorable", [e for e in EXPLORABLES if len(e.widgets) > 1], ids=lambda e: e.slug)
def test_each_form_carries_the_other_widgets_state_for_a_plain_submission(client, explorable):
    """Without JavaScript a form submits only its own fields: each carries the rest as hidden ones."""
    state = {p.name: p.to_text(p.max if p.kind != "choice" else p.values[-1]) for p in explorable.params}
    html = client.get(f"/{explorable.slug}?" + urlencode(state)).text
    forms = re.findall(r'<form class="controls" id="form-([a-z0-9_-]+)".*?</form>', html, re.S)
    bodies = re.findall(r'<form class="controls" id="form-[a-z0-9_-]+".*?</form>', html, re.S)
    assert forms == [w.id for w in explorable.widgets]
    for widget, body in zip(explorable.widgets, bodies):
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', body))
        others = {p.name: state[p.name] for w in explorable.widgets if w is not widget for p in w.params}
        assert hidden == others, widget.id


EXAMPLES = [(e, state) for e in EXPLORABLES for state in e.examples]


@pytest.mark.parametrize("explorable,state", EXAMPLES, ids=[f"{e.slug}-{i}" for i, (e, _) in enumerate(EXAMPLES)])
def test_each_declared_example_state_opens_and_updates(client, explorable, state):
    """A page's example states (Page.examples) open as links and as each widget's update."""
    query = urlencode(state)
    page = client.get(f"/{explorable.slug}?{query}")
    assert page.status_code == 200 and "Part of this link was not understood" not in page.text
    (art,) = Tags(page.text).find("article")
    shown = dict(parse_qsl(art["data-query"]))
    for name, value in state.items():
        assert shown[name] == next(p for p in explorable.params if p.name == name).to_text(value)
    for widget in explorable.widgets:
        r = client.get(f"/fragments/{explorable.slug}/{widget.id}?{query}")
        (fd,) = Tags(r.text).find("div", id=f"figdata-{widget.id}")
        own = {p.name for p in widget.params}
        assert {k: v for k, v in dict(parse_qsl(fd["data-query"])).items() if k in state} == \
            {k: shown[k] for k in state if k in own}
