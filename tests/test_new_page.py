"""Adding a page is one folder plus one registry line: in a copy of the project, script/new-page
makes a skeleton page, and the generic tests (HTTP, framework, compatibility, and the browser
tests of its widget and figures) pass with it registered, with nothing else edited."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPY = ("app", "templates", "content", "static", "tests", "script", "conftest.py", "pyproject.toml",
        "schemathesis.toml", "package.json")


def new(node: str) -> bool:
    return "demo-growth" in node or "demo_growth" in node


CHOOSE = """import os


def pytest_collection_modifyitems(config, items):
    def new(node):
        return "demo-growth" in node or "demo_growth" in node
    chosen = [i for i in items if new(i.nodeid) or ("[" not in i.nodeid and i.get_closest_marker("browser") is None)]
    config.hook.pytest_deselected(items=[i for i in items if i not in chosen])
    items[:] = chosen
    with open(os.environ["CHOSEN_FILE"], "w") as f:
        f.write("\\n".join(i.nodeid for i in chosen))
"""


@pytest.mark.browser
@pytest.mark.slow
def test_a_skeleton_page_passes_the_generic_tests(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        else:
            shutil.copy2(src, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    made = subprocess.run([sys.executable, "script/new-page", "demo_growth"], cwd=project,
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    changed = []
    # The whole copied project: one new folder, the registry line, and the new page's API answers and
    # deep links appended to tests/compat/ (script/new-page records them, as every page's links must
    # be: tests/test_page_folders.py).
    for name in COPY:
        changed += subprocess.run(["diff", "-rq", "-x", "__pycache__", "-x", ".pytest_cache", str(ROOT / name),
                                   str(project / name)], capture_output=True, text=True).stdout.splitlines()
    assert sorted(changed) == sorted([f"Files {ROOT}/app/registry.py and {project}/app/registry.py differ",
                                      f"Only in {project}/app/pages: demo_growth",
                                      f"Files {ROOT}/tests/compat/api.json and {project}/tests/compat/api.json differ",
                                      f"Files {ROOT}/tests/compat/links.json and {project}/tests/compat/links.json differ"])
    # What a new page adds: every test parametrised with it, and every site-wide test (not
    # parametrised, so it reads the whole registry); tests parametrised over the other pages are
    # unchanged by it and not run again. Browser tests: only the new page's.
    files = ["tests/test_framework.py", "tests/test_http.py", "tests/test_caching_security.py", "tests/test_site.py",
             "tests/test_contrast.py", "tests/test_compat.py", "tests/test_structure.py", "app/pages/demo_growth",
             "tests/test_claims.py", "tests/test_page_folders.py",
             "tests/test_widgets.py", "tests/test_figure_layout.py", "tests/test_accessibility.py", "tests/test_shell.py"]

    # One pytest run, choosing as it collects (a plugin of this test's own, outside the copy): the new page's
    # tests, browser or not, and the site-wide ones (not parametrised) that need no browser.
    plugin = tmp_path / "choose_new_page.py"
    plugin.write_text(CHOOSE)
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "choose_new_page", "-x",
                          *[f for f in files if (project / f).exists()]],
                         cwd=project, capture_output=True, text=True, timeout=900,
                         env={**os.environ, "PYTHONPATH": str(tmp_path), "CHOSEN_FILE": str(tmp_path / "chosen.txt")})
    chosen = (tmp_path / "chosen.txt").read_text().splitlines()
    assert sum(map(new, chosen)) >= 10, chosen          # the new page's own and generic tests were found
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-2000:]
    assert f"{len(chosen)} passed" in run.stdout
