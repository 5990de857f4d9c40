"""Rendered responses of recent requests, kept in a bounded LRU so a popular state costs one render per worker.

A response here is a pure function of the build and the request's URL (scheme, host, path, query),
so the URL is the key. Each entry holds the body, its gzip encoding (made once, on the way in) and
its ETag; the total size (bodies, keys, and an allowance per entry) is capped, least recently used
first out. Only canonical URLs of this build are kept (`conditional.serve_rendered` keeps a rendering
only under the canonical URL its route names), so junk parameters, other spellings and old builds
cannot push popular states out cheaply.
"""
from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass

from cachetools import LRUCache
from starlette.responses import Response

GZIP_FROM = 500          # bytes: smaller bodies go out as they are (as GZipMiddleware does)
OVERHEAD = 600           # bytes per entry for the Python objects around the bodies and the key


@dataclass(frozen=True)
class Rendered:
    body: bytes
    gzipped: bytes | None
    media_type: str
    etag: str

    @classmethod
    def of(cls, body: bytes, media_type: str, etag: str) -> "Rendered":
        gzipped = gzip.compress(body, compresslevel=5, mtime=0) if len(body) >= GZIP_FROM else None
        return cls(body, gzipped, media_type, etag)

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"") + OVERHEAD

    def response(self, accept_encoding: str, headers: dict[str, str]) -> Response:
        """The body in the encoding the client accepts, with the given validators. (GZipMiddleware adds
        Vary to an identity answer it could have compressed; it passes an encoded one through.)"""
        accepted = {part.split(";")[0].strip() for part in accept_encoding.split(",")}
        if self.gzipped is None:
            return Response(self.body, media_type=self.media_type, headers={**headers, "Vary": "Accept-Encoding"})
        if "gzip" in accepted:
            return Response(self.gzipped, media_type=self.media_type,
                            headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return Response(self.body, media_type=self.media_type, headers=headers)


class RenderCache:
    def __init__(self, max_bytes: int) -> None:
        self._entries: LRUCache[str, tuple[str, Rendered]] = LRUCache(
            maxsize=max_bytes, getsizeof=lambda item: len(item[0]) + item[1].size)
        self._lock = threading.Lock()        # misses are rendered in the thread pool
        self.hits = self.misses = 0

    def get(self, key: str) -> Rendered | None:
        with self._lock:
            item = self._entries.get(key)
            if item is None:
                self.misses += 1
                return None
            self.hits += 1
            return item[1]

    def put(self, key: str, entry: Rendered) -> None:
        if len(key) + entry.size <= self._entries.maxsize:
            with self._lock:
                self._entries[key] = (key, entry)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    @property
    def bytes(self) -> int:
        return self._entries.currsize

    def __len__(self) -> int:
        return len(self._entries)
