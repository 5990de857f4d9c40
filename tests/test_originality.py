"""The prose is ours: no run of 10+ words copied from the seed (../shared/tools/originality.py).

Runs whenever ../shared is beside the project, as it is in CI and in every session; in CI its
absence is a failure, not a skip."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "originality.py"


def test_no_text_copied_from_the_seed():
    if not TOOL.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{TOOL} is missing in CI")
        pytest.skip("../shared is not beside this checkout")
    run = subprocess.run([sys.executable, str(TOOL)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
