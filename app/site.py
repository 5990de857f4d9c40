"""The site's routes: the home page, glossary, search, static files and the plain-text odds and
ends on `router`; each page and each widget's update, drawn from the views in app/views.py. The
catch-all `/{slug}` is on its own router, `catch_all`, which the app includes last."""
from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import search
from app.conditional import IMMUTABLE, SHARED_SHORT, Prepared, conditional, etag_for, path_and_query, serve_rendered, versioned
from app.framework import Page, canonical_query, parse_query
from app.previews import preview_path, preview_widget, section_figure, site_preview, thumbs
from app.registry import BY_SLUG, core_neighbours, neighbours
from app.startup import (BUILD_VERSION, EXPLAINED_BY, GLOSSARY, GLOSSARY_SHOWN, GLOSSARY_USES, PROSE, SEARCH,
                         SECTION_TITLES, SITE_TITLE, assets, html, templates)
from app.views import (SectionInfo, changes_since, find_widget, first_sentence, fragment_key, query_items, render_fragment,
                       section_by_id, show_links, shown_state, widget_view)

router = APIRouter()
catch_all = APIRouter()      # /{slug}: included after every other router


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> Response:
    shown = thumbs()
    return conditional(request, etag_for(request, "home", *sorted(shown)), lambda: html(
        "home.html", thumbs=shown, canonical=str(request.base_url), current_slug="home", site_preview=site_preview(request), description=(
            "Interactive explainers of Steven Byrnes's diagrams about AGI and brain-like AGI safety: "
            "every figure is a live simulation you can change.")))


@router.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
def glossary_page(request: Request) -> Response:
    return conditional(request, etag_for(request, "glossary"), lambda: html(
        "glossary.html", glossary=GLOSSARY, uses=GLOSSARY_USES, current_slug="glossary", page_titles=EXPLAINED_BY, shown=GLOSSARY_SHOWN, site_preview=site_preview(request),
        section_titles=SECTION_TITLES,
        canonical=f"{str(request.base_url).rstrip('/')}/glossary", description=GLOSSARY.description))


@router.get("/favicon.ico", include_in_schema=False)
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


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request) -> Response:
    view = search_view(request)
    return conditional(request, etag_for(request, "search", view["q"]), lambda: html(
        "search.html", s=view, current_slug="search", site_preview=site_preview(request), canonical=f"{str(request.base_url).rstrip('/')}/search",
        description="Search the explainers of Steven Byrnes's diagrams: pages, sections and glossary terms."))


@router.get("/search/results", response_class=HTMLResponse, include_in_schema=False)
def search_results(request: Request) -> Response:
    # The live results (HTMX); they carry the search page's deep link, which url.js puts in the address bar.
    view = search_view(request)
    return conditional(request, etag_for(request, "search-results", view["q"]), lambda: HTMLResponse(
        templates.get_template("_search_results.html").render(s=view, oob=True)))


WORKER = secrets.token_hex(4)     # names this process (not its pid) to bench/warm.py, which warms each worker


@router.get("/healthz", include_in_schema=False)
def healthz() -> PlainTextResponse:
    return PlainTextResponse("ok", headers={"Server-Timing": f'worker;desc="{WORKER}"', "Cache-Control": "no-store"})


@router.get("/robots.txt", include_in_schema=False)
def robots(request: Request) -> PlainTextResponse:
    return PlainTextResponse(f"User-agent: *\nAllow: /\nSitemap: {request.base_url}sitemap.xml\n")


@router.get("/sitemap.xml", include_in_schema=False)
def sitemap(request: Request) -> Response:
    body = templates.get_template("sitemap.xml").render(base=str(request.base_url).rstrip("/"))
    return Response(body, media_type="application/xml")


@router.get("/static/{name}", include_in_schema=False)
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


@router.get("/fragments/{slug}/{widget_id}", response_class=HTMLResponse, include_in_schema=False)
async def fragment(slug: str, widget_id: str, request: Request) -> Response:
    return await serve_rendered(request, SHARED_SHORT, lambda: prepare_fragment(slug, widget_id, request, None),
                                key=path_and_query(request))


@router.get("/v/{build}/fragments/{slug}/{widget_id}", response_class=HTMLResponse, include_in_schema=False)
async def fragment_versioned(build: str, slug: str, widget_id: str, request: Request) -> Response:
    # What the pages ask for: the URL names the build, so any cache may keep the answer for a year.
    return await serve_rendered(request, versioned(build), lambda: prepare_fragment(slug, widget_id, request, build),
                                key=path_and_query(request))


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


@router.get("/{slug}/s/{section_id}", response_class=HTMLResponse, include_in_schema=False)
async def section_view(slug: str, section_id: str, request: Request) -> Response:
    # A shared section: the page itself at the shared state, with that section's title, sentence and figure as its
    # link preview (crawlers never see #fragments); a former id is redirected to the section's id.
    page = BY_SLUG.get(slug)
    info = section_by_id(slug, section_id) if page else None
    if info is None:
        raise StarletteHTTPException(404)
    if info.id != section_id:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/{slug}/s/{info.id}{query}", status_code=301)
    return await serve_rendered(request, SHARED_SHORT, lambda: prepare_page(page, request, info))


@catch_all.get("/{slug}", response_class=HTMLResponse, include_in_schema=False)
async def page_view(slug: str, request: Request) -> Response:
    page = BY_SLUG.get(slug)          # registered slugs only
    if page is None:
        raise StarletteHTTPException(404)
    return await serve_rendered(request, SHARED_SHORT, lambda: prepare_page(page, request))


def prepare_page(page: Page, request: Request, section: SectionInfo | None = None) -> Prepared:
    slug = page.slug
    values, problems = parse_query(page.params, query_items(request))
    query = canonical_query(page.params, values)
    at = "at its default settings" if all(values[p.name] == p.default for p in page.params) else "at the shared settings"

    def respond() -> Response:
        prose = PROSE[slug]
        # Problems with the link are listed once, in the page-level notice.
        views = {w.id: widget_view(page, w, values, []) for w in page.widgets}
        previous, following = neighbours(slug)
        core_position, core_next = core_neighbours(slug)
        base = str(request.base_url).rstrip("/")
        shown = preview_widget(page, values)
        meta = {"share_url": f"{base}/{slug}?{query}", "description": page.meta["description"],
                "preview_image": base + preview_path(page, values),
                "preview_alt": f"The figure “{shown.title}” from “{page.title}”, {at}"}
        if section is not None:
            widget, stage = section_figure(page, section.id)
            meta = {"share_url": f"{base}/{slug}/s/{section.id}?{query}", "og_title": f"{section.title} · {page.title}",
                    "description": first_sentence(page, section, views),
                    "preview_image": base + preview_path(page, values, widget, stage),
                    "preview_alt": f"The figure “{stage.label if stage else widget.title}” of the section "
                                   f"“{section.title}” in “{page.title}”, {at}"}
        meta["oembed_url"] = f"{base}/oembed?url={quote(meta['share_url'], safe='')}"   # oEmbed discovery
        return html("explorable.html", explorable=page, prose=prose, views=views, problems=problems,
                    shows=show_links(page, values),
                    previous=previous, following=following, core_position=core_position, core_next=core_next,
                    canonical=f"{base}/{slug}", state_query=query, **meta)
    return etag_for(request, "page", slug, query, problems, section.id if section else ""), respond, (
        str(request.url) if not problems and (request.url.query in ("", query)) else "")
