"""The web application: routes read app/registry.py; nothing here knows any one explorable.

    uvicorn app.main:app

Request path, slider to figure: the browser's `input` event on the widget form makes HTMX
GET /fragments/{slug}/{widget}?<form values>; `fragment()` validates them against the widget's
declared parameters, runs the memoised simulation, and renders templates/_fragment.html: the
figure JSON plus out-of-band swaps for the caption, data table, live numbers and status line.
static/js/app.js then hands the JSON to Plotly.react and puts the canonical query in the
address bar.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import FastAPI, Request, WebSocket, WebSocketDisconnect
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import content, glossary
from app.assets import SCRIPTS, Assets
from app.figkit import DARK_SWAPS
from app.framework import Explorable, Problem, Widget, canonical_query, openapi_parameters, parse_query
from app.registry import BY_SLUG, EXPLORABLES, THEMES, neighbours
from app.security import MAX_QUERY_BYTES, SecurityHeaders

SITE_TITLE = "Playing with Byrnes's diagrams"
VERSION = "0.1.0"

assets = Assets()
templates = Environment(
    loader=FileSystemLoader(str(content.CONTENT_DIR.parent / "templates")),
    autoescape=select_autoescape(["html", "xml"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.globals.update(asset=assets.url, site_title=SITE_TITLE, explorables=EXPLORABLES, themes=THEMES)
templates.globals.update(scripts=SCRIPTS, dark_swaps=DARK_SWAPS)
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


def html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(template).render(**context), status_code=status)


def _build_version() -> str:
    """Changes whenever anything that shapes a response changes: code, templates, prose, assets."""
    root = content.CONTENT_DIR.parent
    digest = hashlib.sha256(VERSION.encode())
    for folder in ("app", "templates", "content"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".html", ".xml", ".md", ".svg"}:
                digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    digest.update(",".join(sorted(assets.urls.values())).encode())
    return digest.hexdigest()[:16]


BUILD_VERSION = _build_version()


def etag_for(request: Request, *parts: Any) -> str:
    """A weak ETag from the canonical request (computed before any simulation runs). Weak,
    because the gzip and identity encodings of a response share it."""
    key = "|".join([BUILD_VERSION, str(request.base_url), *map(str, parts)])
    return 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:24] + '"'


def not_modified(request: Request, etag: str) -> Response | None:
    """304 if the client already holds this exact response."""
    candidates = [t.strip() for t in request.headers.get("if-none-match", "").split(",")]
    if etag in candidates or etag.removeprefix("W/") in candidates or "*" in candidates:
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": REVALIDATE})
    return None


# Deterministic responses may be cached, but must be revalidated (cheaply, by ETag) each time.
REVALIDATE = "public, max-age=0, must-revalidate"


def cached(response: Response, etag: str) -> Response:
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = REVALIDATE
    return response


def query_items(request: Request) -> list[tuple[str, str]]:
    return parse_qsl(request.url.query, keep_blank_values=True)


@lru_cache(maxsize=4096)
def run(widget: Widget, state: tuple[tuple[str, Any], ...]) -> Any:
    return widget.simulate(**dict(state))


def widget_view(explorable: Explorable, widget: Widget, values: dict[str, Any],
                problems: list[Problem]) -> dict[str, Any]:
    """Everything a template needs to show one widget at one state (pure presentation data)."""
    own = {p.name: values[p.name] for p in widget.params}
    result = run(widget, tuple(own.items()))
    figures = widget.figures(result)
    return {
        "widget": widget,
        "slug": explorable.slug,
        "values": own,
        "query": canonical_query(widget.params, own),
        "figures": figures,
        "figure_labels": widget.figure_labels,
        "summary": widget.summary(result),
        "table": widget.table(result),
        "live": widget.live(result),
        "live_used": content.live_keys(explorable, widget.id),
        "notes": widget.notes(own),
        "panels": {panel.id: panel.present(result, own) for panel in widget.panels},
        "problems": [p for p in problems if p.name in own],
    }


# ---------------------------------------------------------------------------------- pages

@app.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> HTMLResponse:
    return html("home.html", canonical=str(request.base_url), description=(
        "Interactive explainers of Steven Byrnes's diagrams about AGI and brain-like AGI safety: "
        "every figure is a live simulation you can change."))


@app.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
def glossary_page(request: Request) -> HTMLResponse:
    g = glossary.load()
    return html("glossary.html", glossary=g, uses=glossary.uses(EXPLORABLES), current_slug="glossary",
                canonical=f"{str(request.base_url).rstrip('/')}/glossary", description=g.description)


@app.get("/healthz", include_in_schema=False)
def healthz() -> PlainTextResponse:
    return PlainTextResponse("ok")


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
    headers = {"Cache-Control": "public, max-age=31536000, immutable", "ETag": asset.etag,
               "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == asset.etag:
        return Response(status_code=304, headers=headers)
    accepted = {part.split(";")[0].strip() for part in request.headers.get("accept-encoding", "").split(",")}
    body = asset.identity
    if "br" in accepted:
        body, headers["Content-Encoding"] = asset.br, "br"
    elif "gzip" in accepted:
        body, headers["Content-Encoding"] = asset.gzip, "gzip"
    return Response(body, media_type=asset.content_type, headers=headers)


def find_widget(slug: str, widget_id: str) -> tuple[Explorable, Widget] | None:
    explorable = BY_SLUG.get(slug)          # registered slugs only
    widget = explorable.widget(widget_id) if explorable else None
    return (explorable, widget) if widget else None


def fragment_view(explorable: Explorable, widget: Widget, items: list[tuple[str, str]]) -> dict[str, Any]:
    # Parsed against the whole page's parameters: a widget's form also carries the other
    # widgets' state (as hidden fields) so that a plain GET submission keeps it.
    values, problems = parse_query(explorable.params, items)
    return widget_view(explorable, widget, values, problems)


def render_fragment(view: dict[str, Any], with_figures: bool = True) -> str:
    """The HTMX update for one widget (see templates/_fragment.html)."""
    return templates.get_template("_fragment.html").render(w=view, with_figures=with_figures)


@app.get("/fragments/{slug}/{widget_id}", response_class=HTMLResponse, include_in_schema=False)
def fragment(slug: str, widget_id: str, request: Request) -> HTMLResponse:
    found = find_widget(slug, widget_id)
    if found is None:
        raise StarletteHTTPException(404)
    explorable, widget = found
    values, problems = parse_query(explorable.params, query_items(request))
    etag = etag_for(request, "fragment", slug, widget_id, canonical_query(explorable.params, values), problems)
    return not_modified(request, etag) or cached(
        HTMLResponse(render_fragment(widget_view(explorable, widget, values, problems))), etag)


@app.websocket("/ws/{slug}/{widget_id}")
async def fragment_socket(websocket: WebSocket, slug: str, widget_id: str) -> None:
    """The same fragments as GET /fragments/..., over one WebSocket per widget.

    Why: in Chromium each HTTP request costs ~8 ms of browser-side overhead even on loopback,
    against ~1 ms for a WebSocket message, and that is most of the slider-to-figure time.
    Each message is a query string; each reply is JSON {"figures": ..., "html": ...} for exactly
    that state: the figures first, so the browser can draw them before it swaps in the HTML
    (the same fragment as GET /fragments/..., less the figure data). The server keeps no state
    between messages, so any worker can serve any connection; messages on one socket are
    answered in order, so a stale reply can never overtake a newer one.
    static/js/app.js falls back to plain HTMX GETs whenever the socket is not open.
    """
    found = find_widget(slug, widget_id)
    origin = websocket.headers.get("origin")
    if found is None or (origin is not None and urlsplit(origin).netloc != websocket.headers.get("host")):
        await websocket.close(code=1008)      # unknown widget, or a page from another site
        return
    await websocket.accept()
    try:
        while True:
            query = await websocket.receive_text()
            if len(query) > MAX_QUERY_BYTES:
                await websocket.close(code=1009)
                return
            view = fragment_view(*found, parse_qsl(query, keep_blank_values=True))
            await websocket.send_text(json.dumps({"figures": view["figures"],
                                                  "html": render_fragment(view, with_figures=False)},
                                                 separators=(",", ":")))
    except WebSocketDisconnect:
        return


@app.get("/{slug}", response_class=HTMLResponse, include_in_schema=False)
def page(slug: str, request: Request) -> HTMLResponse:
    explorable = BY_SLUG.get(slug)          # registered slugs only
    if explorable is None:
        raise StarletteHTTPException(404)
    values, problems = parse_query(explorable.params, query_items(request))
    query = canonical_query(explorable.params, values)
    etag = etag_for(request, "page", slug, query, problems)
    if (hit := not_modified(request, etag)) is not None:
        return hit
    prose = content.load(explorable)
    # Problems with the link are listed once, in the page-level notice.
    views = {w.id: widget_view(explorable, w, values, []) for w in explorable.widgets}
    previous, following = neighbours(slug)
    return cached(html("explorable.html", explorable=explorable, prose=prose, views=views, problems=problems,
                previous=previous, following=following,
                canonical=f"{str(request.base_url).rstrip('/')}/{slug}", state_query=query,
                share_url=f"{str(request.base_url).rstrip('/')}/{slug}?{query}",
                description=prose.meta["description"]), etag)


# ------------------------------------------------------------------------------------ API

def _api_route(explorable: Explorable, widget: Widget) -> None:
    def endpoint(request: Request) -> JSONResponse:
        values, problems = parse_query(widget.params, query_items(request))
        if problems:
            return JSONResponse(status_code=422, content={"detail": [
                {"loc": ["query", p.name], "msg": p.message, "type": "invalid_parameter"} for p in problems]})
        etag = etag_for(request, "api", explorable.slug, widget.id, canonical_query(widget.params, values))
        if (hit := not_modified(request, etag)) is not None:
            return hit
        result = run(widget, tuple(values.items()))
        return cached(JSONResponse(widget.api(values, result)), etag)

    path = explorable.api_path(widget)
    app.add_api_route(
        path, endpoint, methods=["GET"], response_model=widget.response_model,
        summary=f"{explorable.title}: {widget.title}",
        description=f"Runs the simulation behind the '{widget.title}' figure on /{explorable.slug}. "
                    "Omitted parameters take their defaults; an unknown, repeated, malformed or "
                    "out-of-range parameter gets a 422 naming it and its allowed range.",
        openapi_extra={"parameters": openapi_parameters(widget.params)},
        responses={422: {"description": "A parameter was unknown, repeated, malformed or out of range."},
                   414: {"description": "The query string is longer than 2,048 bytes."},
                   304: {"description": "Not modified: the client's copy (If-None-Match) is current."}},
        tags=["simulations"],
    )


for _explorable in EXPLORABLES:
    for _widget in _explorable.widgets:
        _api_route(_explorable, _widget)


# --------------------------------------------------------------------------------- errors

@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    headers = getattr(exc, "headers", None)          # e.g. Allow on a 405
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    if exc.status_code == 404:
        return html("404.html", status=404, canonical=None, description="Page not found.")
    return PlainTextResponse(str(exc.detail), status_code=exc.status_code, headers=headers)
