"""bench/nginx.conf, run for real in front of the app: what it caches, and that README shows it."""
from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from app.startup import BUILD_VERSION

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "bench" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def proxy(server_url):
    # Not under pytest's tmp_path: nginx's workers drop root, and must reach the cache.
    work = Path(tempfile.mkdtemp(prefix="nginx-test-"))
    work.chmod(0o755)
    for sub in ("cache", "temp"):
        (work / sub).mkdir()
        (work / sub).chmod(0o777)
    app_port, port = server_url.rsplit(":", 1)[1], _port()
    conf = (CONF.read_text().replace("@PREFIX@", str(work)).replace("@APP1@", app_port)
            .replace("@APP2@", app_port).replace("@PORT@", str(port)).replace("@HOST@", "127.0.0.1"))
    (work / "nginx.conf").write_text(conf)
    subprocess.run([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")], check=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.05)
    yield url
    subprocess.run(["kill", (work / "nginx.pid").read_text().strip()], check=False)
    time.sleep(0.2)
    shutil.rmtree(work, ignore_errors=True)


def get(url: str, **headers: str):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_the_readme_gives_the_tested_configuration():
    assert CONF.read_text().strip() in (ROOT / "README.md").read_text()


def test_updates_naming_the_build_are_kept_and_served_by_the_proxy(proxy):
    path = f"/v/{BUILD_VERSION}/fragments/scheming-pie-charts/pies?rlhf=3.7&from=rlhf%3D3.6"
    first, again = get(proxy + path, **{"Accept-Encoding": "gzip"}), get(proxy + path, **{"Accept-Encoding": "gzip"})
    assert first[0] == again[0] == 200 and first[2] == again[2]
    assert first[1]["X-Cache-Status"] == "MISS" and again[1]["X-Cache-Status"] == "HIT"
    assert again[1]["Content-Encoding"] == "gzip" and "immutable" in again[1]["Cache-Control"]
    plain = get(proxy + path, **{"Accept-Encoding": "identity"})      # Vary: another copy, not the gzip one
    assert plain[0] == 200 and "Content-Encoding" not in plain[1] and plain[2].startswith(b"<div id=\"figdata-pies\"")


def test_other_hosts_get_no_answer(proxy):
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        get(proxy + "/scheming-pie-charts", Host="elsewhere.example")


def test_pages_are_kept_for_a_minute_and_errors_not_at_all(proxy):
    page = "/valence?strength=1.5"
    assert get(proxy + page)[1]["X-Cache-Status"] == "MISS"
    hit = get(proxy + page)
    assert hit[1]["X-Cache-Status"] == "HIT" and hit[1]["ETag"].startswith('W/"')
    assert get(proxy + page, **{"If-None-Match": hit[1]["ETag"]})[0] == 304
    bad = "/api/scheming-pie-charts?rlhf=99"
    assert [get(proxy + bad)[1]["X-Cache-Status"] for _ in range(2)] == ["MISS", "MISS"]
    assert get(proxy + bad)[0] == 422
