"""Link-preview images: every page and deep link names a picture of its figure at that state; the
renderer is bounded (one at a time, a time limit, a capped cache, canonical states only) and a page
never waits for it."""
from __future__ import annotations

import base64
import re
import struct
from xml.dom import minidom
import threading
import time
from urllib.parse import urlsplit

import pytest

import app.previews as previews
from app.framework import canonical_query
from app.previews import HEIGHT, WIDTH, Previews, side_by_side, standalone_svg
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


def drawing_of(figure: dict) -> str:
    (image,) = figure["layout"]["images"]
    assert image["source"].startswith("data:image/svg+xml;base64,") and figure["data"] == []
    return base64.b64decode(image["source"].split(",", 1)[1]).decode()


# Each part of a widget (the widget, or a later stage of it, framework.Stage) that draws a drawing it previews.
DRAWN = [(p.slug, w.id, s.id if s else "") for p in EXPLORABLES for w in p.widgets for s in (None, *w.stages)
         if any(panel.preview for panel in w.part(s)["panels"])]


@pytest.mark.parametrize("slug,widget,stage", DRAWN)
def test_a_drawn_widget_previews_its_drawing_at_the_shared_state(slug, widget, stage):
    page = BY_SLUG[slug]
    w = next(x for x in page.widgets if x.id == widget)
    defaults = {p.name: p.default for p in page.params}
    moved = dict(defaults, **{w.params[0].name: w.params[0].max if w.params[0].kind != "choice" else w.params[0].options[-1][0]})
    pictures = [drawing_of(previews.preview_parts(page, w, values, w.stage(stage))[1]) for values in (defaults, moved)]
    for svg in pictures:
        root = minidom.parseString(svg).documentElement       # a well-formed SVG document of its own
        assert root.tagName == "svg" and root.getAttribute("xmlns") == "http://www.w3.org/2000/svg"
        assert not root.getElementsByTagName("foreignObject")              # no HTML inside: it taints the export
        (drawing,) = [e for e in root.getElementsByTagName("svg") if "diagram" in e.getAttribute("class").split()]
        assert "diagram-tall" not in drawing.getAttribute("class")           # the wide layout only
        assert "--fg:" in svg and ".diagram" in svg                          # it carries its own style
    assert pictures[0] != pictures[1]                                       # the state shows in the picture


def test_a_speech_bubble_is_redrawn_as_wrapped_svg_text():
    panel = ('<svg class="diagram diagram-tall" viewBox="0 0 10 10"><text>tall</text></svg>'
             '<svg class="diagram diagram-wide" viewBox="0 0 300 100"><foreignObject x="10" y="20" width="120" height="70">'
             '<p xmlns="http://www.w3.org/1999/xhtml" class="bubble">Adult I can&#39;t vouch for: be scared &amp; run!</p>'
             '</foreignObject></svg>')
    svg = standalone_svg(panel, ":root { --fg: #000 }")
    text = minidom.parseString(svg).getElementsByTagName("text")
    rows = [t.firstChild.data for t in text[0].getElementsByTagName("tspan")]
    assert " ".join(rows) == "Adult I can't vouch for: be scared & run!" and len(rows) >= 3
    assert all(len(r) <= 12 for r in rows) and ">tall<" not in svg
    assert standalone_svg("<p>no drawing here</p>", "") is None


def test_a_row_of_pies_previews_as_one_picture_and_other_rows_by_their_first_figure():
    page = BY_SLUG["scheming-pie-charts"]
    widget = page.widgets[0]
    _, card = previews.preview_parts(page, widget, widget.defaults())
    pies = card["data"]
    assert len(pies) == len(widget.rows[0]) > 1 and {t["type"] for t in pies} == {"pie"}
    spans = [t["domain"]["x"] for t in pies]
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))                  # side by side, apart
    assert [t["showlegend"] for t in pies].count(True) == 1                   # one legend for shared labels
    captions = [a["text"] for a in card["layout"]["annotations"]]
    assert len(captions) == len(pies) and captions[0].startswith("1.")
    lines = [{"data": [{"type": "scatter", "y": [i]}], "layout": {}} for i in range(2)]
    assert side_by_side(lines) is lines[0]


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
    monkeypatch.setattr(previews, "PREVIEWS", Previews(tmp_path, renderer=Recorder(fail=True)))
    monkeypatch.setattr(previews, "PINNED", Previews(tmp_path / "pinned", renderer=Recorder(fail=True)))
    changed = "/preview/big-picture/alignment.png?loophole=1&tried=two&misvalue=0"
    r = client.get(changed, follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"].endswith("?loophole=0&tried=two&misvalue=0")
    r = client.get(r.headers["location"], follow_redirects=False)
    assert r.status_code == 503 and r.headers["retry-after"] == "10"


def test_pages_never_wait_for_a_render(client, monkeypatch, tmp_path):
    recorder = Recorder()
    monkeypatch.setattr(previews, "PREVIEWS", Previews(tmp_path, renderer=recorder))
    for e in EXPLORABLES:
        query = "&".join(f"{p.name}={p.to_text(p.default if p.kind == 'choice' else p.max)}" for p in e.params)
        assert client.get(f"/{e.slug}?{query}").status_code == 200
    assert recorder.calls == 0


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_a_real_preview_is_a_1200_by_630_png_of_the_figure(client, monkeypatch, tmp_path):
    monkeypatch.setattr(previews, "PREVIEWS", Previews(tmp_path))       # a fresh cache: this renders
    page = BY_SLUG["big-picture"]
    url = urlsplit(og_image(client.get("/big-picture?loophole=1.5").text))
    # A render that fails or times out redirects to the default picture, not this state's: up to three tries.
    for _ in range(3):
        r = client.get(f"{url.path}?{url.query}", follow_redirects=False)
        if r.status_code != 302:
            break
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert png_size(r.content) == (WIDTH, HEIGHT) and len(r.content) > 10_000
    again = client.get(f"{url.path}?{url.query}")
    assert again.content == r.content and "max-age" in again.headers["cache-control"]
    assert page.slug in url.path


@pytest.mark.browser
def test_a_drawn_preview_renders_the_drawing(client, monkeypatch, tmp_path):
    monkeypatch.setattr(previews, "PREVIEWS", Previews(tmp_path))
    pictures = []
    for step in (1, 5):
        r = client.get(f"/preview/big-picture/thought.png?{canonical_query(BY_SLUG['big-picture'].widgets[0].params, {**BY_SLUG['big-picture'].widgets[0].defaults(), 'step': step})}")
        assert r.status_code == 200 and r.headers["content-type"] == "image/png", r.text[:200]
        assert png_size(r.content) == (WIDTH, HEIGHT) and len(r.content) > 30_000   # a blank card is ~10 kB
        pictures.append(r.content)
    assert pictures[0] != pictures[1]


def test_miniatures_come_only_from_the_cache(client, monkeypatch, tmp_path):
    recorder = Recorder()
    monkeypatch.setattr(previews, "PREVIEWS", Previews(tmp_path, renderer=recorder))
    monkeypatch.setattr(previews, "PINNED", Previews(tmp_path / "pinned", renderer=recorder))
    first = EXPLORABLES[0]
    url = f"/preview/{first.slug}/{first.widgets[0].id}.thumb.png"
    assert client.get(url).status_code == 404 and recorder.calls == 0       # never rendered on request
    html = client.get("/").text
    assert url not in html and html.count('class="preview"') == len(EXPLORABLES)   # drawn cards instead
    previews.PINNED.store(previews.thumb_key(first), b"\x89PNG small")
    assert client.get(url).content == b"\x89PNG small"
    html = client.get("/").text
    assert f'<img class="miniature" src="{url}"' in html and html.count('class="preview"') == len(EXPLORABLES) - 1
