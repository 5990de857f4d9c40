"""schemathesis 4 (--checks all) against the app's own OpenAPI schema, on the live server:
every API operation, with generated valid and invalid inputs, must pass every check (no 5xx,
responses matching the schema, invalid input rejected, 405s with Allow, ...). Configuration:
schemathesis.toml."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.registry import EXPLORABLES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_schemathesis_finds_no_failures(server_url, tmp_path):
    st = Path(sys.executable).with_name("st")
    # Run from a temporary directory: schemathesis writes its cache (.schemathesis/) into the cwd.
    run = subprocess.run([str(st), "--config-file", str(ROOT / "schemathesis.toml"), "run",
                          f"{server_url}/openapi.json", "--checks", "all",
                          "--max-examples", "50", "--seed", "20261126", "--no-color"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "No issues found" in run.stdout
    operations = sum(len(e.widgets) for e in EXPLORABLES)
    assert f"Tested: {operations}" in run.stdout
