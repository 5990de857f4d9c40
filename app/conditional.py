"""Conditional GET and the cache of rendered responses: ETags, Cache-Control, and `serve_rendered`,
which answers a URL from the bytes rendered for it before, else validates, answers 304 when it can,
and only then renders."""
from __future__ import annotations

import hashlib
import time
from typing import Any, Callable

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from app.rendered import RenderCache, Rendered
from app.startup import BUILD_VERSION

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


def path_and_query(request: Request) -> str:
    """The cache key of a response that does not depend on the host (an update, an API answer)."""
    return request.url.path + "?" + request.url.query
