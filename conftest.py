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
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


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
        pytest.fail(f"Chromium not found at {CHROMIUM}: script/test installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A browser context whose console errors and non-loopback requests are recorded."""

    def __init__(self, browser, **kwargs) -> None:
        self.errors: list[str] = []
        self.external: list[str] = []
        self.expected: list[str] = []   # substrings of console errors a test provokes on purpose
        self.context = browser.new_context(**kwargs)

        def on_request(route):
            host = urlsplit(route.request.url).hostname or ""
            if urlsplit(route.request.url).scheme in ("http", "https", "ws", "wss") and host not in LOCAL_HOSTS:
                self.external.append(route.request.url)
                route.abort()
            else:
                route.continue_()
        self.context.route("**/*", on_request)

    def new_page(self):
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        return page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser):
    """Yields a factory of watched contexts; at teardown, asserts none logged a console error
    or tried to reach a host other than loopback."""
    made: list[Watched] = []

    def make(**kwargs) -> Watched:
        kwargs.setdefault("viewport", {"width": 1280, "height": 900})
        w = Watched(browser, **kwargs)
        made.append(w)
        return w
    yield make
    for w in made:
        w.close()
    for w in made:
        unexpected = [e for e in w.errors if not any(x in e for x in w.expected)]
        assert unexpected == [], f"console errors: {unexpected}"
        assert w.external == [], f"requests left 127.0.0.1: {w.external}"
