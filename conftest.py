"""Shared fixtures: an HTTP client for the app, and a real server + headless Debian Chromium
for browser tests (Python Playwright with executable_path; never `playwright install`)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent
# Debian's headless shell (package chromium-headless-shell): the same Chromium, lighter to drive (docs/testing.md).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 # every host but loopback is unresolvable, so a request that tries to leave fails (and is recorded)
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@pytest.hookimpl(tryfirst=True)       # before pytest-xdist reads the groups (else every worker gets chunks)
def pytest_collection_modifyitems(items):
    """The slow tests first, so that across workers they run beside the rest rather than after it; the
    truth sweep's chunks in SWEEP_GROUPS groups (`--dist loadgroup`: a worker runs each, at a lower priority,
    on the processor time the browser tests leave while they wait for pages and frames)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    groups = int(os.environ.get("SWEEP_GROUPS", 2))
    for n, item in enumerate(i for i in items if i.get_closest_marker("sweep")):
        item.add_marker(pytest.mark.xdist_group(f"sweep-{n % groups}"))


# TEST_TIMELINE=path: each test's worker, start and end (wall clock) are appended there, for bench/timeline.py.
if os.environ.get("TEST_TIMELINE"):
    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(item, nextitem):
        start = time.time()
        yield
        with open(os.environ["TEST_TIMELINE"], "a") as f:
            f.write(f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}\t{start:.2f}\t{time.time():.2f}\t{item.nodeid}\n")


@pytest.fixture(scope="session")
def client() -> TestClient:
    from app.main import app
    # raise_server_exceptions: any unhandled error (a would-be 500) fails the test outright.
    return TestClient(app, raise_server_exceptions=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_url() -> str:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port),
         "--no-server-header", "--no-access-log"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError("server did not start:\n" + proc.stdout.read().decode())
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: script/test installs Debian's chromium-headless-shell")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


# Context options a shared context is kept for; anything else (permissions, a fixed viewport
# passed as `isolated=True`...) gets a context of its own.
_SHARED_OPTIONS = {"color_scheme", "is_mobile", "has_touch", "java_script_enabled"}
_DEFAULT_VIEWPORT = {"width": 1280, "height": 900}


class _Context:
    """A browser context whose requests to any host but loopback are recorded (and fail: CHROMIUM_ARGS)."""

    def __init__(self, browser, **kwargs) -> None:
        self.external: list[str] = []
        self.context = browser.new_context(**kwargs)

        # Recorded from the request event, not by routing (Playwright turns the HTTP cache off for a routed
        # context); the browser cannot reach such a host anyway (CHROMIUM_ARGS).
        def on_request(request):
            parts = urlsplit(request.url)
            if parts.scheme in ("http", "https", "ws", "wss") and (parts.hostname or "") not in LOCAL_HOSTS:
                self.external.append(request.url)
        self.context.on("request", on_request)


class Watched:
    """One test's view of a browser context: the pages it opened, their console errors, and the
    non-loopback requests made while it ran. A shared context outlives the test (its HTTP cache
    keeps Plotly, so a page loads without fetching and compiling it again); its pages do not."""

    def __init__(self, ctx: _Context, viewport: dict | None, shared: bool) -> None:
        self._ctx, self._viewport, self.shared = ctx, viewport, shared
        self.context = ctx.context
        self.errors: list[str] = []
        self.expected: list[str] = []   # substrings of console errors a test provokes on purpose
        self.pages: list = []
        self._external_from = len(ctx.external)

    @property
    def external(self) -> list[str]:
        return self._ctx.external[self._external_from:]

    def new_page(self):
        page = self.context.new_page()
        if self._viewport:
            page.set_viewport_size(self._viewport)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.pages.append(page)
        return page

    def close(self) -> None:
        if not self.shared:
            self.context.close()
            return
        for page in self.pages:
            if not page.is_closed() and page.url.startswith("http://127.0.0.1"):
                page.evaluate("() => { try { localStorage.clear(); } catch (e) {} }")   # the theme a test chose
                break
        for page in self.pages:
            page.close()


@pytest.fixture(scope="session")
def _shared_contexts(browser):
    made: dict[tuple, _Context] = {}
    yield made
    for ctx in made.values():
        ctx.context.close()


@pytest.fixture
def watched(browser, _shared_contexts):
    """Yields a factory of watched contexts; at teardown, asserts none logged a console error
    or tried to reach a host other than loopback. Contexts are shared between tests by their
    options (the viewport is set per page); `isolated=True`, or an option that changes what a
    context remembers (permissions, init scripts the test adds), gives a fresh one."""
    made: list[Watched] = []

    def make(isolated: bool = False, **kwargs) -> Watched:
        viewport = kwargs.pop("viewport", _DEFAULT_VIEWPORT)
        if isolated or set(kwargs) - _SHARED_OPTIONS:
            w = Watched(_Context(browser, viewport=viewport, **kwargs), None, shared=False)
        else:
            key = tuple(sorted(kwargs.items()))
            if key not in _shared_contexts:
                _shared_contexts[key] = _Context(browser, viewport=_DEFAULT_VIEWPORT, **kwargs)
            w = Watched(_shared_contexts[key], viewport, shared=True)
        made.append(w)
        return w
    yield make
    for w in made:
        w.close()
    for w in made:
        unexpected = [e for e in w.errors if not any(x in e for x in w.expected)]
        assert unexpected == [], f"console errors: {unexpected}"
        assert w.external == [], f"requests left 127.0.0.1: {w.external}"
