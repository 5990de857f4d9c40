"""The JSON API: one endpoint per widget (also under /v/<build>/), its response model and OpenAPI
description from the widget's declaration, and /api, the human-readable index of them all."""
from __future__ import annotations

import functools
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import Field, create_model

from app.conditional import SHARED_SHORT, Prepared, conditional, etag_for, path_and_query, serve_rendered, versioned
from app.framework import Page, Widget, canonical_query, openapi_parameters, parse_query
from app.previews import site_preview
from app.registry import EXPLORABLES
from app.startup import BUILD_VERSION, html
from app.views import api_payload, query_items

router = APIRouter()


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


@router.get("/api", response_class=HTMLResponse, include_in_schema=False)
def api_index(request: Request) -> Response:
    return conditional(request, etag_for(request, "api-index"), lambda: html(
        "api.html", catalogue=api_catalogue(), current_slug="api", site_preview=site_preview(request),
        canonical=f"{str(request.base_url).rstrip('/')}/api",
        description="The JSON API behind every figure on this site: each simulation's parameters, bounds and "
                    "units, with an example request and response."))


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
                {"loc": ["query", p.name], "msg": p.api_message, "type": "invalid_parameter"} for p in problems]})
        query = canonical_query(widget.params, values)
        etag = etag_for(request, "api", page.slug, widget.id, query)
        return etag, lambda: JSONResponse(api_payload(widget, values)), request.url.path + "?" + query

    async def endpoint(request: Request) -> Response:
        return await serve_rendered(request, SHARED_SHORT, lambda: prepare(request), key=path_and_query(request))

    async def endpoint_versioned(build: str, request: Request) -> Response:
        keep = build == BUILD_VERSION      # an older build's URL is answered, not kept
        return await serve_rendered(request, versioned(build), lambda: prepare(request),
                                    key=path_and_query(request) if keep else "-")

    router.add_api_route("/v/{build}" + page.api_path(widget), endpoint_versioned, methods=["GET"],
                         include_in_schema=False)

    router.add_api_route(
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
