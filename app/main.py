"""The web application: routes built from app/registry.py; nothing here knows any one page.

    uvicorn app.main:app

Every response is a pure function of the build and the URL: a page (`GET /{slug}`), one widget's
update (`GET /v/{build}/fragments/{slug}/{widget}`, also unversioned) and the JSON API
(`GET /api/...`, also under `/v/{build}/`) answer from the cache of rendered bytes when they can
(`serve_rendered`), else validate the query against the declared parameters, answer 304 if the
client's ETag is current, and only then simulate (memoised) and render. docs/architecture.md has the map.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import secrets
import time
from functools import lru_cache
from typing import Any, Callable
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from pydantic import Field, create_model
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import content, figkit, glossary, previews, search
from app.assets import SCRIPTS, Assets
from app.framework import Page, Problem, Widget, canonical_query, openapi_parameters, parse_query
from app.pages import PAGES_DIR
from app.registry import BY_SLUG, EXPLORABLES, THEMES, neighbours
from app.rendered import RenderCache, Rendered
from app.security import HeadAsGet, SecurityHeaders

SITE_TITLE = "Playing with Byrnes's diagrams"
VERSION = "0.1.0"
ROOT = content.CONTENT_DIR.parent

GLOSSARY = glossary.build(EXPLORABLES)
PROSE = {page.slug: content.render(page, GLOSSARY.annotate) for page in EXPLORABLES}
GLOSSARY_USES = GLOSSARY.uses([(page, PROSE[page.slug]) for page in EXPLORABLES])
_glossary_problems = GLOSSARY.check({page.slug: {s.id for s in PROSE[page.slug].sections} for page in EXPLORABLES})
assert not _glossary_problems, _glossary_problems
SEARCH = search.SearchIndex(
    [doc for page in EXPLORABLES for doc in search.page_docs(
        page.slug, page.title, page.summary, "".join(s.html for s in content.render(page).segments if s.kind == "html"))]
    + [search.Doc("term", t.term, t.definition, f"/glossary#{t.id}", "Glossary") for t in GLOSSARY.terms])
EXPLAINED_BY = {slug: page.title for slug, page in BY_SLUG.items()}
GLOSSARY_SHOWN = {t.id for t in GLOSSARY.terms if GLOSSARY_USES[t.id]}
SECTION_TITLES = {f"{page.slug}#{s.id}": s.title for page in EXPLORABLES for s in PROSE[page.slug].sections}

assets = Assets(appended={
    "site.css": figkit.css(f.height for page in EXPLORABLES for w in page.widgets for f in w.figure_list)
    + "".join(page.style for page in EXPLORABLES),
})
templates = Environment(
    # Site templates; a page's panel templates are named "pages/<package>/<file>".
    loader=ChoiceLoader([FileSystemLoader(str(ROOT / "templates")),
                         PrefixLoader({"pages": FileSystemLoader(str(PAGES_DIR))})]),
    autoescape=select_autoescape(["html", "xml"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.globals.update(asset=assets.url, site_title=SITE_TITLE, explorables=EXPLORABLES, themes=THEMES,
                         dark_swaps=figkit.DARK_SWAPS, scripts=SCRIPTS)
templates.policies["json.dumps_kwargs"] = {"separators": (",", ":")}   # compact |tojson

app = FastAPI(
    title="Byrnes explorables API",
    version=VERSION,
    description="The simulations behind each explorable page, as JSON. Parameters and their bounds "
                "are the same as the page's sliders.",
    docs_url=None, redoc_url=None,   # the docs UIs load scripts from a CDN; /openapi.json stays
)
# Dynamic HTML and JSON are compressed at a cheap level; static assets arrive precompressed
# (they carry Content-Encoding, which GZipMiddleware leaves alone).
app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=5)
app.add_middleware(SecurityHeaders)
app.add_middleware(HeadAsGet)


def html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(template).render(**context), status_code=status)


def site_preview(request: Request) -> str:
    """The preview image for the site's own pages: the first page's first figure at its defaults."""
    first = EXPLORABLES[0]
    return str(request.base_url).rstrip("/") + preview_path(first, {p.name: p.default for p in first.params})


def _build_version() -> str:
    """Changes whenever anything that shapes a response changes: code, templates, prose, assets,
    pinned packages. URLs naming it are cached for a year."""
    digest = hashlib.sha256(VERSION.encode())
    for folder in ("app", "templates", "content"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".html", ".xml", ".md", ".svg", ".css"} \
                    and not path.name.startswith("test_"):
                digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    digest.update(",".join(sorted(assets.urls.values())).encode())
    digest.update((ROOT / "pyproject.toml").read_bytes())       # the pinned packages that render
    return digest.hexdigest()[:16]


BUILD_VERSION = _build_version()
templates.globals["build"] = BUILD_VERSION
# Deterministic responses may be cached, but must be revalidated (cheaply, by ETag) each time.
REVALIDATE = "public, max-age=0, must-revalidate"
# Pages and unversioned API answers: browsers revalidate; a shared cache may answer for a minute,
# and with a stale copy for ten more while it refetches.
SHARED_SHORT = "public, max-age=0, s-maxage=60, stale-while-revalidate=600"
# Static assets, and fragments and API answers whose URL names this build (/v/<build>/...).
IMMUTABLE = "public, max-age=31536000, immutable"
RENDERED = RenderCache(max_bytes=48 * 2**20)
HIT_TIMING = 'cache;desc="render cache"'   # Server-Timing of an answer from RENDERED


def etag_for(request: Request, *parts: Any) -> str:
    """A weak ETag from the canonical request (computed before any simulation runs). Weak,
    because the gzip and identity encodings of a response share it."""
    key = "|".join([BUILD_VERSION, str(request.base_url), *map(str, parts)])
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:24] + '"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/"x" and "x" match, and so does
    any member of a list, or *."""
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag.removeprefix("W/") in tags


def conditional(request: Request, etag: str, respond: Callable[[], Response],
                cache_control: str = REVALIDATE, **headers: str) -> Response:
    """The conditional GET every route uses: 304 when the client holds `etag`, else `respond()`
    (which is only then called, so nothing is simulated for a 304), with validators set. A 304
    names the Vary its 200 would carry (every 200 may be compressed: GZipMiddleware adds it)."""
    validators = {"ETag": etag, "Cache-Control": cache_control, **headers}
    if etag_matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers={"Vary": "Accept-Encoding", **validators})
    response = respond()
    response.headers.update(validators)
    return response


Prepared = tuple[str, Callable[[], Response], str]     # ETag, renderer, the canonical key


async def serve_rendered(request: Request, cache_control: str, prepare: Callable[[], Prepared | Response],
                         key: str | None = None) -> Response:
    """A response that is a pure function of the build and the URL: from RENDERED when held (on the
    event loop: no simulation), else prepared in the thread pool: `prepare()` validates and gives
    the ETag, a renderer (called only when the client lacks that ETag) and the canonical URL, under
    which alone the rendering is kept; or an error Response, which is not kept. `key` is the URL
    as looked up (default: the whole URL, host included)."""
    key = key or str(request.url)
    entry = RENDERED.get(key)
    if entry is None:
        return await run_in_threadpool(_render_and_keep, request, cache_control, prepare, key)
    return _answer(request, entry, cache_control)


def _render_and_keep(request: Request, cache_control: str, prepare: Callable[[], Prepared | Response],
                     key: str) -> Response:
    prepared = prepare()
    if isinstance(prepared, Response):
        prepared.headers["Cache-Control"] = "no-store"
        return prepared
    etag, respond, canonical = prepared

    def render() -> Response:
        started = time.perf_counter()
        response = respond()
        entry = Rendered.of(response.body, response.media_type, etag)
        if key == canonical:      # junk parameters, another spelling or an old build: answered, not kept
            RENDERED.put(key, entry)
        # Server-Timing: the render's cost shows in the browser's tools (and bench/warm.py tells hits apart)
        timing = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
        return entry.response(request.headers.get("accept-encoding", ""), {"Server-Timing": timing})
    return conditional(request, etag, render, cache_control)


def _answer(request: Request, entry: Rendered, cache_control: str) -> Response:
    return conditional(request, entry.etag, lambda: entry.response(request.headers.get("accept-encoding", ""),
                                                                    {"Server-Timing": HIT_TIMING}), cache_control)


def versioned(build: str) -> str:
    """A /v/<build>/ URL is cacheable for ever when it names this build; an older build's URL (a page
    loaded before a deploy) is answered by this build, to be revalidated."""
    return IMMUTABLE if build == BUILD_VERSION else REVALIDATE


def query_items(request: Request) -> list[tuple[str, str]]:
    return parse_qsl(request.url.query, keep_blank_values=True)


@lru_cache(maxsize=4096)
def simulate_cached(widget: Widget, state: tuple[tuple[str, Any], ...]) -> Any:
    """The widget's simulation at a validated state, memoised (simulations are pure)."""
    return widget.run(dict(state))


@lru_cache(maxsize=128)
def presented(widget: Widget, state: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    """What a widget shows at a validated state, memoised: an update is sent as changes from the
    state shown just before, which was presented a moment ago."""
    own = dict(state)
    result = simulate_cached(widget, state)
    return {
        "figures": widget.render_figures(result),
        "summary": widget.summary(result),
        "table": widget.table(result),
        "live": widget.live(result),
        "claims": widget.claim_texts(result),
        "notes": widget.notes(own),
        "inactive": dict(widget.inactive(own)),
        "submit_result": widget.submit_result(result) if widget.submit_result else "",
        "steps": widget.step_count(result) if widget.step_count else None,
        "panels": {panel.id: panel.present(result, own) for panel in widget.panels},
    }


def widget_view(page: Page, widget: Widget, values: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """Everything a template needs to show one widget at one state (pure presentation data)."""
    own = {p.name: values[p.name] for p in widget.params}
    carry = [(p.name, p.to_text(values[p.name])) for w in page.widgets if w is not widget for p in w.params]
    return {
        **presented(widget, tuple(own.items())),
        "widget": widget,
        "slug": page.slug,
        "package": page.folder.name,
        "values": own,
        "query": canonical_query(widget.params, own),
        # The other widgets' state, carried as hidden fields so a plain GET submission keeps it.
        "carry": carry,
        # Reset with JavaScript off: this widget's defaults, the others as they are.
        "reset_href": f"/{page.slug}" + (f"?{urlencode(carry)}" if carry else "") + f"#widget-{widget.id}",
        "live_used": PROSE[page.slug].live_keys(widget.id),
        "claims_used": PROSE[page.slug].live_keys(widget.id, "claim"),
        "problems": [p for p in problems if p.name in own],
        "shown": "",        # in an update sent as changes: the state they apply to (see changes_since)
        "same": {},
    }


def show_links(page: Page, values: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Each "show me" link of the page's prose (by segment index): its deep link (the state now, with
    its widget at the link's example: defaults plus the named settings), those settings, and whether
    they are the state now."""
    links = {}
    for i, seg in enumerate(PROSE[page.slug].segments):
        if seg.kind != "show":
            continue
        widget = page.widget(seg.widget)
        given = dict(seg.values)
        parsed, _ = parse_query(widget.params, seg.values)   # checked against the bounds at start-up
        # An example is reproducible: the widget's defaults plus what the link names (the other widgets stay).
        setting = {**widget.defaults(), **{name: parsed[name] for name in given}}
        links[i] = {"href": f"/{page.slug}?{canonical_query(page.params, {**values, **setting})}#widget-{widget.id}",
                    "sets": urlencode([(p.name, p.to_text(setting[p.name])) for p in widget.params if p.name in setting]),
                    "current": all(values[name] == v for name, v in setting.items())}
    return links


def render_fragment(view: dict[str, Any]) -> str:
    """The HTMX update for one widget (see templates/_fragment.html)."""
    return templates.get_template("_fragment.html").render(w=view)


def fragment_key(widget: Widget, values: dict[str, Any], problems: list[Problem]) -> tuple[str, list[Problem]]:
    """What a widget's update depends on: its own parameters and the problems with them."""
    own = {p.name: values[p.name] for p in widget.params}
    return canonical_query(widget.params, own), [p for p in problems if p.name in own]


# ---------------------------------------------------------------------------------- pages

@app.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> Response:
    shown = thumbs()
    return conditional(request, etag_for(request, "home", *sorted(shown)), lambda: html(
        "home.html", thumbs=shown, canonical=str(request.base_url), current_slug="home", site_preview=site_preview(request), description=(
            "Interactive explainers of Steven Byrnes's diagrams about AGI and brain-like AGI safety: "
            "every figure is a live simulation you can change.")))


@app.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
def glossary_page(request: Request) -> Response:
    return conditional(request, etag_for(request, "glossary"), lambda: html(
        "glossary.html", glossary=GLOSSARY, uses=GLOSSARY_USES, current_slug="glossary", page_titles=EXPLAINED_BY, shown=GLOSSARY_SHOWN, site_preview=site_preview(request),
        section_titles=SECTION_TITLES,
        canonical=f"{str(request.base_url).rstrip('/')}/glossary", description=GLOSSARY.description))


@app.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    # Browsers and feed readers ask for /favicon.ico whatever the page links: the same pie as the SVG icon.
    icon = assets.files[assets.url("favicon.ico").removeprefix("/static/")]
    return Response(icon.identity, media_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"})


def search_status(q: str, hits: list) -> str:
    if not search.words(q):
        return "Type a word or two to search."
    return f"{len(hits)} result{'' if len(hits) == 1 else 's'} for {q}."


def search_view(request: Request) -> dict[str, Any]:
    given = "".join(ch for ch in request.query_params.get("q", "") if ch.isprintable())   # no control characters
    q = given[:search.MAX_QUERY]
    hits = SEARCH.search(q)
    return {"q": q, "hits": hits, "shortened": len(given) > search.MAX_QUERY, "max": search.MAX_QUERY,
            "searched": bool(search.words(q)), "deep": "/search" + (f"?{urlencode({'q': q})}" if q else ""),
            "title": (f"{q}: search" if q else "Search") + f" · {SITE_TITLE}", "status": search_status(q, hits)}


@app.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request) -> Response:
    view = search_view(request)
    return conditional(request, etag_for(request, "search", view["q"]), lambda: html(
        "search.html", s=view, current_slug="search", site_preview=site_preview(request), canonical=f"{str(request.base_url).rstrip('/')}/search",
        description="Search the explainers of Steven Byrnes's diagrams: pages, sections and glossary terms."))


@app.get("/search/results", response_class=HTMLResponse, include_in_schema=False)
def search_results(request: Request) -> Response:
    # The live results (HTMX); they carry the search page's deep link, which url.js puts in the address bar.
    view = search_view(request)
    return conditional(request, etag_for(request, "search-results", view["q"]), lambda: HTMLResponse(
        templates.get_template("_search_results.html").render(s=view, oob=True)))


WORKER = secrets.token_hex(4)     # names this process (not its pid) to bench/warm.py, which warms each worker


@app.get("/healthz", include_in_schema=False)
def healthz() -> PlainTextResponse:
    return PlainTextResponse("ok", headers={"Server-Timing": f'worker;desc="{WORKER}"', "Cache-Control": "no-store"})


@app.get("/robots.txt", include_in_schema=False)
def robots(request: Request) -> PlainTextResponse:
    return PlainTextResponse(f"User-agent: *\nAllow: /\nSitemap: {request.base_url}sitemap.xml\n")


@app.get("/sitemap.xml", include_in_schema=False)
def sitemap(request: Request) -> Response:
    body = templates.get_template("sitemap.xml").render(base=str(request.base_url).rstrip("/"))
    return Response(body, media_type="application/xml")


@app.get("/static/{name}", include_in_schema=False)
def static_file(name: str, request: Request) -> Response:
    asset = assets.files.get(name)          # only manifest entries exist; no file-system lookup
    if asset is None:
        raise StarletteHTTPException(404)

    def respond() -> Response:
        accepted = {part.split(";")[0].strip() for part in request.headers.get("accept-encoding", "").split(",")}
        if "br" in accepted:
            return Response(asset.br, media_type=asset.content_type, headers={"Content-Encoding": "br"})
        if "gzip" in accepted:
            return Response(asset.gzip, media_type=asset.content_type, headers={"Content-Encoding": "gzip"})
        return Response(asset.identity, media_type=asset.content_type)
    return conditional(request, asset.etag, respond, cache_control=IMMUTABLE, Vary="Accept-Encoding")


def find_widget(slug: str, widget_id: str) -> tuple[Page, Widget] | None:
    page = BY_SLUG.get(slug)          # registered slugs only
    widget = page.widget(widget_id) if page else None
    return (page, widget) if widget else None


@app.get("/fragments/{slug}/{widget_id}", response_class=HTMLResponse, include_in_schema=False)
async def fragment(slug: str, widget_id: str, request: Request) -> Response:
    return await serve_rendered(request, SHARED_SHORT, lambda: prepare_fragment(slug, widget_id, request, None),
                                key=path_and_query(request))


@app.get("/v/{build}/fragments/{slug}/{widget_id}", response_class=HTMLResponse, include_in_schema=False)
async def fragment_versioned(build: str, slug: str, widget_id: str, request: Request) -> Response:
    # What the pages ask for: the URL names the build, so any cache may keep the answer for a year.
    return await serve_rendered(request, versioned(build), lambda: prepare_fragment(slug, widget_id, request, build),
                                key=path_and_query(request))


def path_and_query(request: Request) -> str:
    """The cache key of a response that does not depend on the host (an update, an API answer)."""
    return request.url.path + "?" + request.url.query


def prepare_fragment(slug: str, widget_id: str, request: Request, build: str | None) -> Prepared:
    found = find_widget(slug, widget_id)
    if found is None:
        raise StarletteHTTPException(404)
    page, widget = found
    items = query_items(request)
    values, problems = parse_query(page.params, [(k, v) for k, v in items if k != "from"])
    # Changes only from a state this build drew: a page of another build may draw it otherwise.
    base = shown_state(widget, [v for k, v in items if k == "from"]) if build == BUILD_VERSION else None
    base_query = canonical_query(widget.params, base) if base is not None else ""
    own, own_problems = fragment_key(widget, values, problems)
    etag = etag_for(request, "fragment", slug, widget_id, own, own_problems, base_query)

    def respond() -> HTMLResponse:
        view = widget_view(page, widget, values, problems)
        if base is not None:
            view = changes_since(view, widget_view(page, widget, {**values, **base}, []))
        return HTMLResponse(render_fragment(view))
    canonical = request.url.path + "?" + own + (f"&{urlencode({'from': base_query})}" if base is not None else "")
    return etag, respond, (canonical if not own_problems and build in (None, BUILD_VERSION) else "")


def shown_state(widget: Widget, given: list[str]) -> dict[str, Any] | None:
    """The state the page shows now (`from`, a canonical query of the widget's own parameters), when
    it names one validly: the update then sends only what differs from it."""
    if len(given) != 1:
        return None
    values, problems = parse_query(widget.params, parse_qsl(given[0], keep_blank_values=True))
    return None if problems else values


def figure_changes(new: dict[str, dict], old: dict[str, dict]) -> dict[str, Any]:
    """Each figure as sent after `old`: 0 when unchanged, else the figure with every trace (and the
    layout) that is as it was replaced by 0, which figure.js takes from the chart it shows."""
    out: dict[str, Any] = {}
    for fid, fig in new.items():
        before = old.get(fid)
        if fig == before:
            out[fid] = 0
        elif before is None:
            out[fid] = fig
        else:
            then = before.get("data", [])
            out[fid] = {**fig, "data": [0 if i < len(then) and t == then[i] else t for i, t in enumerate(fig.get("data", []))],
                        "layout": 0 if fig.get("layout") == before.get("layout") else fig.get("layout")}
    return out


def changes_since(view: dict[str, Any], shown: dict[str, Any]) -> dict[str, Any]:
    """A widget's update relative to the state shown: unchanged figures, traces, caption, table,
    live numbers and panels are left out (the template skips what `same` names)."""
    same = {"summary": view["summary"] == shown["summary"], "table": view["table"] == shown["table"],
            "submit_result": view["submit_result"] == shown["submit_result"]}
    same.update({f"live.{k}": view["live"][k] == shown["live"][k] for k in view["live_used"]})
    same.update({f"claim.{k}": view["claims"][k] == shown["claims"][k] for k in view["claims_used"]})
    same.update({f"panel.{k}": view["panels"][k] == shown["panels"][k] for k in view["panels"]})
    return {**view, "figures": figure_changes(view["figures"], shown["figures"]), "shown": shown["query"], "same": same}


def _trimmed(value: Any, items: int = 3) -> Any:
    """An example response cut to a readable size: long lists keep their first items and say how many more."""
    if isinstance(value, list):
        head = [_trimmed(v, items) for v in value[:items]]
        return head + [f"… {len(value) - items} more"] if len(value) > items else head
    if isinstance(value, dict):
        return {k: _trimmed(v, items) for k, v in value.items()}
    return round(value, 4) if isinstance(value, float) else value


@functools.cache
def api_catalogue() -> list[dict[str, Any]]:
    """Every simulation endpoint, from the same declarations as the sliders (for /api); built once."""
    out = []
    for page in EXPLORABLES:
        for widget in page.widgets:
            defaults = widget.defaults()
            example = {p.name: p.to_text(p.default) for p in widget.params}
            out.append({
                "page": page, "widget": widget, "path": page.api_path(widget), "params": widget.params,
                "example_query": canonical_query(widget.params, defaults),
                "example": json.dumps(_trimmed(api_payload(widget, defaults)), indent=2, ensure_ascii=False),
                "defaults_text": example,
            })
    return out


@app.get("/api", response_class=HTMLResponse, include_in_schema=False)
def api_index(request: Request) -> Response:
    return conditional(request, etag_for(request, "api-index"), lambda: html(
        "api.html", catalogue=api_catalogue(), current_slug="api", site_preview=site_preview(request),
        canonical=f"{str(request.base_url).rstrip('/')}/api",
        description="The JSON API behind every figure on this site: each simulation's parameters, bounds and "
                    "units, with an example request and response."))


# ---------------------------------------------------------------------- link-preview images

PREVIEWS = previews.Previews()
SITE_CSS = assets.files[assets.url("site.css").removeprefix("/static/")].identity.decode()   # drawings style themselves
# Defaults and the map's miniatures live apart from the LRU cache, so no flood of links can evict them.
PINNED = previews.Previews(previews.CACHE_DIR / "pinned", cap=10_000)


def on_grid(widget: Widget, values: dict[str, Any]) -> bool:
    """Every number is one the slider can show (min + k * step): the finite set of states a picture is made for."""
    return all(p.kind == "choice" or abs((values[p.name] - p.min) / p.step - round((values[p.name] - p.min) / p.step)) < 1e-6
               for p in widget.params)


def preview_widget(page: Page, values: dict[str, Any]) -> Widget:
    """The widget a shared link is about: the first one set away from its defaults, else the first."""
    for widget in page.widgets:
        if any(values[p.name] != p.default for p in widget.params):
            return widget
    return page.widgets[0]


def preview_parts(page: Page, widget: Widget, values: dict[str, Any]) -> tuple[str, dict]:
    """The cache key and the figure of a widget's preview image at these values."""
    own = {p.name: values[p.name] for p in widget.params}
    query = canonical_query(widget.params, own)
    key = PREVIEWS.key(BUILD_VERSION, page.slug, widget.id, query)
    drawn = next((p for p in widget.panels if p.preview), None)
    if drawn is not None:
        # Only the drawing's own context: a panel template reads w.panels[panel.id] and nothing else.
        view = {"panels": {drawn.id: drawn.present(simulate_cached(widget, tuple(own.items())), own)}}
        markup = templates.get_template(f"pages/{page.folder.name}/{drawn.template}").render(w=view, panel=drawn)
        document = previews.standalone_svg(markup, SITE_CSS)
        if document is not None:
            return key, previews.drawing_figure(document, page.title, widget.title)
    result = simulate_cached(widget, tuple(own.items()))
    figure = previews.side_by_side([f.render(result) for f in widget.rows[0]])
    return key, previews.preview_figure(figure, page.title, widget.title)


def thumb_key(page: Page) -> str:
    """The home page's miniature of a page: its first figure at the defaults, small."""
    widget = page.widgets[0]
    return PREVIEWS.key(BUILD_VERSION, page.slug, widget.id, canonical_query(widget.params, widget.defaults()), "thumb")


def thumbs() -> dict[str, str]:
    """slug -> miniature URL, for the pages whose miniature is rendered (the rest show their drawn card)."""
    return {page.slug: f"/preview/{page.slug}/{page.widgets[0].id}.thumb.png"
            for page in EXPLORABLES if PINNED.has(thumb_key(page))}


def preview_path(page: Page, values: dict[str, Any]) -> str:
    widget = preview_widget(page, values)
    own = {p.name: values[p.name] for p in widget.params}
    return f"/preview/{page.slug}/{widget.id}.png?{canonical_query(widget.params, own)}"


@app.get("/preview/{slug}/{name}", include_in_schema=False)
def preview_image(slug: str, name: str, request: Request) -> Response:
    if name.endswith(".thumb.png"):      # a miniature: served from the cache only, never rendered here
        page = BY_SLUG.get(slug)
        png = PINNED.cached(thumb_key(page)) if page and name == f"{page.widgets[0].id}.thumb.png" else None
        if png is None:
            raise StarletteHTTPException(404)
        return Response(png, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})
    found = find_widget(slug, name.removesuffix(".png")) if name.endswith(".png") else None
    if found is None:
        raise StarletteHTTPException(404)
    page, widget = found
    values, problems = parse_query(widget.params, query_items(request))
    if problems or not on_grid(widget, values):
        raise StarletteHTTPException(404)
    canonical = canonical_query(widget.params, values)
    if request.url.query != canonical:     # one address per state, so the cache holds canonical states only
        return RedirectResponse(f"/preview/{slug}/{name}?{canonical}", status_code=301)
    key, figure = preview_parts(page, widget, values)
    png = PINNED.cached(key) or PREVIEWS.cached(key) or PREVIEWS.render(key, figure)
    if png is not None:
        return Response(png, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})
    defaults = canonical_query(widget.params, widget.defaults())
    if canonical != defaults:              # busy or failed: the widget's default picture instead, for now
        return RedirectResponse(f"/preview/{slug}/{name}?{defaults}", status_code=302,
                                headers={"Cache-Control": "no-store"})
    return Response("Preview image not available yet; try again shortly.", status_code=503,
                    headers={"Retry-After": "10", "Cache-Control": "no-store"}, media_type="text/plain")


@app.get("/{slug}", response_class=HTMLResponse, include_in_schema=False)
async def page_view(slug: str, request: Request) -> Response:
    page = BY_SLUG.get(slug)          # registered slugs only
    if page is None:
        raise StarletteHTTPException(404)
    return await serve_rendered(request, SHARED_SHORT, lambda: prepare_page(page, request))


def prepare_page(page: Page, request: Request) -> Prepared:
    slug = page.slug
    values, problems = parse_query(page.params, query_items(request))
    query = canonical_query(page.params, values)

    def respond() -> Response:
        prose = PROSE[slug]
        # Problems with the link are listed once, in the page-level notice.
        views = {w.id: widget_view(page, w, values, []) for w in page.widgets}
        previous, following = neighbours(slug)
        base = str(request.base_url).rstrip("/")
        return html("explorable.html", explorable=page, prose=prose, views=views, problems=problems,
                    shows=show_links(page, values),
                    previous=previous, following=following, canonical=f"{base}/{slug}", state_query=query,
                    share_url=f"{base}/{slug}?{query}", description=page.meta["description"],
                    preview_image=base + preview_path(page, values),
                    preview_alt=f"The figure “{preview_widget(page, values).title}” from “{page.title}”, " + (
                        "at its default settings" if all(values[p.name] == p.default for p in page.params)
                        else "at the shared settings"))
    return etag_for(request, "page", slug, query, problems), respond, (str(request.url) if not problems and (
        request.url.query in ("", query)) else "")


# ------------------------------------------------------------------------------------ API

def api_payload(widget: Widget, values: dict[str, Any]) -> dict[str, Any]:
    """A widget's API answer: its own payload, plus the sentences its page states about the result."""
    result = simulate_cached(widget, tuple(values.items()))
    payload = widget.api(values, result)
    return {**payload, "claims": widget.claim_texts(result)} if widget.claims else payload


def api_model(widget: Widget) -> Any:
    """The widget's response model, with the claims field when it has claims."""
    if not widget.claims:
        return widget.response_model
    return create_model(widget.response_model.__name__, __base__=widget.response_model, claims=(
        dict[str, str], Field(description="The sentences the page states about this result, by claim id: "
                                          "worded from or chosen by these numbers.")))


def _api_route(page: Page, widget: Widget) -> None:
    def prepare(request: Request) -> Prepared | Response:
        values, problems = parse_query(widget.params, query_items(request))
        if problems:
            return JSONResponse(status_code=422, content={"detail": [
                {"loc": ["query", p.name], "msg": p.message, "type": "invalid_parameter"} for p in problems]})
        query = canonical_query(widget.params, values)
        etag = etag_for(request, "api", page.slug, widget.id, query)
        return etag, lambda: JSONResponse(api_payload(widget, values)), request.url.path + "?" + query

    async def endpoint(request: Request) -> Response:
        return await serve_rendered(request, SHARED_SHORT, lambda: prepare(request), key=path_and_query(request))

    async def endpoint_versioned(build: str, request: Request) -> Response:
        keep = build == BUILD_VERSION      # an older build's URL is answered, not kept
        return await serve_rendered(request, versioned(build), lambda: prepare(request),
                                    key=path_and_query(request) if keep else "-")

    app.add_api_route("/v/{build}" + page.api_path(widget), endpoint_versioned, methods=["GET"],
                      include_in_schema=False)

    app.add_api_route(
        page.api_path(widget), endpoint, methods=["GET"], response_model=api_model(widget),
        summary=f"{page.title}: {widget.title}",
        description=f"Runs the simulation behind the '{widget.title}' figure on /{page.slug}. "
                    "Omitted parameters take their defaults; an unknown, repeated, malformed or "
                    "out-of-range parameter gets a 422 naming it and its allowed range.",
        openapi_extra={"parameters": openapi_parameters(widget.params)},
        responses={422: {"description": "A parameter was unknown, repeated, malformed or out of range."},
                   414: {"description": "The query string is longer than 2,048 bytes."},
                   304: {"description": "Not modified: the client's copy (If-None-Match) is current."}},
        tags=["simulations"],
    )


for _page in EXPLORABLES:
    for _widget in _page.widgets:
        _api_route(_page, _widget)


# --------------------------------------------------------------------------------- errors

@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    headers = getattr(exc, "headers", None)          # e.g. Allow on a 405
    if exc.status_code == 405 and headers and "GET" in headers.get("Allow", "").split(", "):
        headers = {**headers, "Allow": headers["Allow"] + ", HEAD"}   # HeadAsGet answers HEAD too
    if re.match(r"(/v/[^/]+)?/api/", request.url.path):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    if exc.status_code == 404:
        missing = html("404.html", status=404, canonical=None, description="Page not found.")
        missing.headers["Cache-Control"] = "no-store"
        return missing
    return PlainTextResponse(str(exc.detail), status_code=exc.status_code, headers=headers)
