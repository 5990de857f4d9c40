"""The web application: routes built from app/registry.py; nothing here knows any one page.

    uvicorn app.main:app

Every response is a pure function of the build and the URL: a page (`GET /{slug}`), one widget's
update (`GET /v/{build}/fragments/{slug}/{widget}`, also unversioned) and the JSON API
(`GET /api/...`, also under `/v/{build}/`) answer from the cache of rendered bytes when they can
(`conditional.serve_rendered`), else validate the query against the declared parameters, answer
304 if the client's ETag is current, and only then simulate (memoised) and render. This module only
assembles the app; docs/architecture.md has the map of the modules it draws on.
"""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import api, embed, previews, site
from app.errors import http_error
from app.security import HeadAsGet, SecurityHeaders
from app.startup import VERSION

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

app.include_router(site.router)
app.include_router(api.router)          # /api before the catch-all would take it as a page
app.include_router(previews.router)
app.include_router(embed.router)          # /embed/… and /oembed, before the catch-all
app.include_router(site.catch_all)      # /{slug}: last
app.add_exception_handler(StarletteHTTPException, http_error)
