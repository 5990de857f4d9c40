"""Rendered responses of recent requests, kept in a bounded LRU so a popular state costs one render per worker.

A response here is a pure function of the build and the request's URL (scheme, host, path, query),
so the URL is the key. Each entry holds the body, its gzip encoding (made once, on the way in) and
its ETag; the total size is capped in bytes, least recently used first out.
"""
from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass

from cachetools import LRUCache
from starlette.responses import Response

GZIP_FROM = 500          # bytes: smaller bodies go out as they are (as GZipMiddleware does)


@dataclass(frozen=True)
class Rendered:
    body: bytes
    gzipped: bytes | None
    media_type: str
    etag: str

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"") + 200

    def response(self, accept_encoding: str, headers: dict[str, str]) -> Response:
        """The body in the encoding the client accepts, with the given validators. (GZipMiddleware adds
        Vary to the identity answer; it passes an encoded one through untouched.)"""
        accepted = {part.split(";")[0].strip() for part in accept_encoding.split(",")}
        if self.gzipped is not None and "gzip" in accepted:
            return Response(self.gzipped, media_type=self.media_type,
                            headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return Response(self.body, media_type=self.media_type, headers=headers)


class RenderCache:
    def __init__(self, max_bytes: int) -> None:
        self._entries: LRUCache[str, Rendered] = LRUCache(maxsize=max_bytes, getsizeof=lambda r: r.size)
        self._lock = threading.Lock()        # misses are rendered in the thread pool
        self.hits = self.misses = 0

    def get(self, key: str) -> Rendered | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
            else:
                self.hits += 1
            return entry

    def put(self, key: str, body: bytes, media_type: str, etag: str) -> Rendered:
        gzipped = gzip.compress(body, compresslevel=5, mtime=0) if len(body) >= GZIP_FROM else None
        entry = Rendered(body, gzipped, media_type, etag)
        if entry.size <= self._entries.maxsize:
            with self._lock:
                self._entries[key] = entry
        return entry

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    @property
    def bytes(self) -> int:
        return self._entries.currsize

    def __len__(self) -> int:
        return len(self._entries)
