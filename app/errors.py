"""What an HTTP error looks like: JSON under /api, the site's 404 page elsewhere, plain text for the rest."""
from __future__ import annotations

import re

from fastapi import Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.startup import html


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
