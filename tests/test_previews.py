"""Link-preview images: every page and deep link names a picture of its figure at that state; the
renderer is bounded (one at a time, a time limit, a capped cache, canonical states only) and a page
never waits for it."""
from __future__ import annotations

import re
import struct
import threading
import time
from urllib.parse import urlsplit

import pytest

import app.main as main
from app.previews import HEIGHT, WIDTH, Previews
from app.registry import BY_SLUG, EXPLORABLES


def og_image(html: str) -> str:
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1).replace("&amp;", "&")


@pytest.mark.parametrize("path", ["/", "/glossary", "/search", "/api", *(f"/{e.slug}" for e in EXPLORABLES)])
def test_every_page_names_a_large_preview_image(client, path):
    html = client.get(path).text
    image = og_image(html)
    assert urlsplit(image).path.startswith("/preview/") and urlsplit(image).path.endswith(".png")
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="twitter:image" content="{image.replace("&", "&amp;")}">' in html


def test_a_deep_link_previews_the_widget_the_sender_changed(client):
    image = og_image(client.get("/big-picture?social=-1&access=none").text)
    assert urlsplit(image).path == "/preview/big-picture/preferences.png"
    assert "social=-1" in image and "access=none" in image and "hunger" not in image
    default = og_image(client.get("/big-picture").text)
    assert urlsplit(default).path == "/preview/big-picture/thought.png"


def test_only_canonical_states_are_rendered(client):
    r = client.get("/preview/big-picture/preferences.png?social=-1", follow_redirects=False)
    assert r.status_code == 301
    assert r.headers["location"] == "/preview/big-picture/preferences.png?first=0.8&means_end=0.5&social=-1&access=thinking"
    for bad in ("/preview/big-picture/preferences.png?social=9", "/preview/big-picture/nope.png",
                "/preview/big-picture/predictor.png?lr=0.2000001",          # off the slider's grid
                "/preview/nope/thought.png", "/preview/big-picture/thought"):
        assert client.get(bad, follow_redirects=False).status_code == 404, bad


class Recorder:
    def __init__(self, gate: threading.Event | None = None, fail: bool = False) -> None:
        self.calls, self.gate, self.fail = 0, gate, fail

    def __call__(self, figures):
        self.calls += 1
        if self.gate:
            self.gate.wait(5)
        if self.fail:
            raise TimeoutError("render took too long")
        return [b"\x89PNG fake" for _ in figures]


def test_the_cache_keeps_at_most_its_cap_dropping_the_least_recently_used(tmp_path):
    p = Previews(tmp_path, cap=2, renderer=Recorder())
    for key in ("a", "b"):
        p.render(key, {})
    assert p.cached("a")                       # "a" is now the most recently used
    p.render("c", {})
    assert p.cached("b") is None and p.cached("a") and p.cached("c")
    assert sorted(f.name for f in tmp_path.iterdir()) == ["a.png", "c.png"]
    assert Previews(tmp_path, cap=2, renderer=Recorder()).cached("c")     # kept across restarts


def test_one_render_at_a_time_and_nothing_queues(tmp_path):
    gate = threading.Event()
    slow = Recorder(gate)
    p = Previews(tmp_path, renderer=slow)
    first = threading.Thread(target=p.render, args=("a", {}))
    first.start()
    while slow.calls == 0:
        time.sleep(0.01)
    t = time.perf_counter()
    assert p.render("b", {}) is None                    # busy: refused at once
    assert time.perf_counter() - t < 0.1 and slow.calls == 1
    gate.set()
    first.join()
    assert p.cached("a") and p.cached("b") is None


def test_a_failed_or_timed_out_render_stores_nothing(tmp_path):
    p = Previews(tmp_path, renderer=Recorder(fail=True))
    assert p.render("a", {}) is None and p.cached("a") is None and not list(tmp_path.glob("*.png"))


def test_when_no_image_can_be_made_the_endpoint_falls_back_without_waiting(client, monkeypatch, tmp_path):
    monkeypatch.setattr(main, "PREVIEWS", Previews(tmp_path, renderer=Recorder(fail=True)))
    monkeypatch.setattr(main, "PINNED", Previews(tmp_path / "pinned", renderer=Recorder(fail=True)))
    changed = "/preview/big-picture/alignment.png?loophole=1&tried=two&misvalue=0"
    r = client.get(changed, follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"].endswith("?loophole=0&tried=two&misvalue=0")
    r = client.get(r.headers["location"], follow_redirects=False)
    assert r.status_code == 503 and r.headers["retry-after"] == "10"


def test_pages_never_wait_for_a_render(client, monkeypatch, tmp_path):
    recorder = Recorder()
    monkeypatch.setattr(main, "PREVIEWS", Previews(tmp_path, renderer=recorder))
    for e in EXPLORABLES:
        query = "&".join(f"{p.name}={p.to_text(p.default if p.kind == 'choice' else p.max)}" for p in e.params)
        assert client.get(f"/{e.slug}?{query}").status_code == 200
    assert recorder.calls == 0


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_a_real_preview_is_a_1200_by_630_png_of_the_figure(client, monkeypatch, tmp_path):
    monkeypatch.setattr(main, "PREVIEWS", Previews(tmp_path))       # a fresh cache: this renders
    page = BY_SLUG["big-picture"]
    url = urlsplit(og_image(client.get("/big-picture?loophole=1.5").text))
    r = client.get(f"{url.path}?{url.query}")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert png_size(r.content) == (WIDTH, HEIGHT) and len(r.content) > 10_000
    again = client.get(f"{url.path}?{url.query}")
    assert again.content == r.content and "max-age" in again.headers["cache-control"]
    assert page.slug in url.path


def test_miniatures_come_only_from_the_cache(client, monkeypatch, tmp_path):
    recorder = Recorder()
    monkeypatch.setattr(main, "PREVIEWS", Previews(tmp_path, renderer=recorder))
    monkeypatch.setattr(main, "PINNED", Previews(tmp_path / "pinned", renderer=recorder))
    first = EXPLORABLES[0]
    url = f"/preview/{first.slug}/{first.widgets[0].id}.thumb.png"
    assert client.get(url).status_code == 404 and recorder.calls == 0       # never rendered on request
    html = client.get("/").text
    assert url not in html and html.count('class="preview"') == len(EXPLORABLES)   # drawn cards instead
    main.PINNED.store(main.thumb_key(first), b"\x89PNG small")
    assert client.get(url).content == b"\x89PNG small"
    html = client.get("/").text
    assert f'<img class="miniature" src="{url}"' in html and html.count('class="preview"') == len(EXPLORABLES) - 1
