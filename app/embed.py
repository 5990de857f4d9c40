"""The embeddable figure and oEmbed. `/embed/<slug>/<widget>?<state>` serves one widget (its figure, controls and
stages, one credit line linking back to the full page at the same state) with no navigation chrome; its forms and
links lead back to the embed, and only /embed/ may be framed (app/security.py). `/oembed?url=…&format=json` answers
a URL of this site (a page, a section or an embed) with the iframe for it (docs/sharing.md)."""
from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.conditional import SHARED_SHORT, Prepared, etag_for, serve_rendered
from app.framework import Page, Widget, canonical_query, parse_query
from app.previews import preview_path, preview_widget, section_figure
from app.registry import BY_SLUG
from app.startup import SITE_TITLE, html
from app.views import find_widget, query_items, section_by_id, widget_view

router = APIRouter()
WIDTH = 720          # the iframe's width in the oEmbed answer (px); its height is estimated per widget (`height`)


def retarget(markup: str, slug: str, widget_id: str) -> str:
    """The widget's forms and deep links lead to the embed, not the page (which may not be framed)."""
    embed = f"/embed/{slug}/{widget_id}"
    for attribute in ("action", "formaction", "href"):
        for start in ("?", "#"):
            markup = markup.replace(f'{attribute}="/{slug}{start}', f'{attribute}="{embed}{start}')
    return markup


@router.get("/embed/{slug}/{widget_id}", response_class=HTMLResponse, include_in_schema=False)
async def embed_view(slug: str, widget_id: str, request: Request) -> Response:
    found = find_widget(slug, widget_id)
    if found is None:
        raise StarletteHTTPException(404)
    return await serve_rendered(request, SHARED_SHORT, lambda: prepare_embed(*found, request))


def prepare_embed(page: Page, widget: Widget, request: Request) -> Prepared:
    values, problems = parse_query(page.params, query_items(request))    # another widget's settings are ignored
    own = {p.name: values[p.name] for p in widget.params}
    query = canonical_query(widget.params, own)
    mine = [p for p in problems if p.name in own]

    def respond() -> Response:
        view = widget_view(page, widget, values, mine)
        # Only this widget's state travels: no other widget's hidden fields, and its reset stays in the embed.
        view = {**view, "carry": [], "reset_href": f"/embed/{page.slug}/{widget.id}#widget-{widget.id}"}
        base = str(request.base_url).rstrip("/")
        markup = html("embed.html", explorable=page, w=view, state_query=query,
                      credit=f"{base}/{page.slug}?{query}#widget-{widget.id}",
                      canonical=f"{base}/{page.slug}", description=page.meta["description"])
        return HTMLResponse(retarget(markup.body.decode(), page.slug, widget.id))
    return etag_for(request, "embed", page.slug, widget.id, query, mine), respond, (
        str(request.url) if not problems and request.url.query in ("", query) else "")


def height(widget: Widget) -> int:
    """The iframe's height for a widget at WIDTH px: a fit to the heights measured in Chromium at the defaults (figures,
    drawn panels, sliders, choices, stages; docs/sharing.md), with a quarter to spare so that none scrolls inside."""
    figures = sum(max(f.height for f in row) for row in widget.rows)
    sliders = sum(1 for p in widget.params if p.kind == "number")
    choices = sum(1 for p in widget.params if p.kind == "choice")
    return round(1.25 * (350 + 0.9 * figures + 280 * len(widget.panels) + 66 * sliders + 80 * choices
                        + 570 * len(widget.stages)))


def refuse(status: int, parameter: str, message: str) -> JSONResponse:
    return JSONResponse({"detail": message, "parameter": parameter}, status_code=status,
                        headers={"Cache-Control": "no-store"})


def shared_figure(path: str, fragment: str) -> tuple[Page, Widget] | None:
    """The widget a URL of this site shows first: an embed's; a section's figure (`/<slug>/s/<id>`, or `#<id>`);
    `#widget-<id>`'s; else the widget a page's link is about."""
    parts = path.strip("/").split("/")
    if len(parts) == 3 and parts[0] == "embed":
        return find_widget(parts[1], parts[2])
    page = BY_SLUG.get(parts[0])
    if page is None or len(parts) not in (1, 3) or len(parts) == 3 and parts[1] != "s":
        return None
    section = parts[2] if len(parts) == 3 else fragment
    if section.startswith("widget-") and page.widget(section.removeprefix("widget-").split("--")[0]):
        return page, page.widget(section.removeprefix("widget-").split("--")[0])
    if section and section_by_id(page.slug, section):
        return page, section_figure(page, section)[0]
    return None if len(parts) == 3 else (page, None)


def size(request: Request, name: str, natural: int) -> int | JSONResponse:
    given = request.query_params.get(name)
    if given is None:
        return natural
    if not given.isdigit() or not 0 < int(given) <= 10_000:
        return refuse(400, name, f"{name} must be a whole number of pixels from 1 to 10000")
    return min(natural, int(given))


@router.get("/oembed", include_in_schema=False)
def oembed(request: Request) -> Response:
    given = request.query_params.getlist("url")
    if len(given) != 1 or not given[0]:
        return refuse(400, "url", "url is required, once: the address of a page, a section or an embed of this site")
    if request.query_params.get("format", "json") != "json":
        return refuse(400, "format", "format must be json (the only format served)")
    try:
        url = urlsplit(given[0])
        port = url.port
    except ValueError:
        return refuse(400, "url", "url is not a valid address")
    if url.scheme not in ("http", "https") or not url.hostname:
        return refuse(400, "url", "url must be an http or https address of this site")
    site = urlsplit(str(request.base_url))
    if (url.hostname, port or (443 if url.scheme == "https" else 80)) != (site.hostname, site.port or (443 if site.scheme == "https" else 80)):
        return refuse(404, "url", f"url must be an address on {site.netloc}: no embed is served for other hosts")
    found = shared_figure(url.path, url.fragment)
    if found is None:
        return refuse(404, "url", "url names no page, section or widget of this site")
    page, widget = found
    values, _ = parse_query(page.params, parse_qsl(url.query, keep_blank_values=True))
    widget = widget or preview_widget(page, values)
    width, tall = size(request, "maxwidth", WIDTH), size(request, "maxheight", height(widget))
    for bad in (width, tall):
        if isinstance(bad, JSONResponse):
            return bad
    base = str(request.base_url).rstrip("/")
    own = canonical_query(widget.params, {p.name: values[p.name] for p in widget.params})
    title = f"{widget.title}: an interactive figure from “{page.title}”"
    src = f"{base}/embed/{page.slug}/{widget.id}?{own}"
    frame = (f'<iframe src="{escape(src)}" width="{width}" height="{tall}" title="{escape(title)}" '
             f'loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>')
    answer: dict[str, Any] = {
        "version": "1.0", "type": "rich", "title": title, "provider_name": SITE_TITLE, "provider_url": base + "/",
        "author_name": "Steven Byrnes (ideas); the figure is the site's", "html": frame, "width": width, "height": tall,
        "thumbnail_url": base + preview_path(page, values, widget), "thumbnail_width": 1200, "thumbnail_height": 630,
        "cache_age": 86400}
    return JSONResponse(answer, headers={"Cache-Control": "public, max-age=3600"})
