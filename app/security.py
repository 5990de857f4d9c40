"""Security headers on every response, and a cap on query-string length.

Plain ASGI middleware (Starlette's BaseHTTPMiddleware wraps every response in a stream: slower)."""
from __future__ import annotations

# No inline scripts, no eval, nothing from any other host. Plotly's stylesheet is linked as a
# file (see app/assets.plotly_css), so style-src needs no 'unsafe-inline' either.
CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
])

HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
# /embed/ alone may be framed by any site (app/embed.py): the same policy with frame-ancestors *, no X-Frame-Options.
EMBED_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors *")
EMBED_HEADERS = [(b"content-security-policy", EMBED_CSP.encode())] + [
    h for h in HEADERS if h[0] not in (b"content-security-policy", b"x-frame-options")]
EMBED_PREFIX = "/embed/"
HSTS = (b"strict-transport-security", b"max-age=63072000; includeSubDomains")
MAX_QUERY_BYTES = 2048


class SecurityHeaders:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        # Behind a TLS-terminating proxy (uvicorn --proxy-headers) the scheme is https: then tell
        # browsers to use nothing else (HSTS). Never sent over plain HTTP, where it would be ignored.
        extra = [HSTS] if scope.get("scheme") == "https" else []
        chosen = EMBED_HEADERS if scope.get("path", "").startswith(EMBED_PREFIX) else HEADERS

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in HEADERS}
                message["headers"] = [h for h in message.get("headers", []) if h[0].lower() not in names
                                      and h[0].lower() != b"server"] + chosen + extra
            await send(message)

        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            body = f"Query string too long: at most {MAX_QUERY_BYTES} bytes.\n".encode()
            await send_with_headers({"type": "http.response.start", "status": 414, "headers": [
                (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers HEAD on every GET route (pages, API, static files): the GET's status and headers,
    no body. Uptime monitors, link checkers, crawlers and caches send HEAD."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, send_headers_only)
