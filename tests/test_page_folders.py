"""Every page folder has the same shape (issue 31, "page folders alike"): the same files, the same
test files for the same roles, every panel template in use, presenters named after their widget,
and its links recorded for compatibility (tests/compat/), so a new page cannot skip any of it.
Not a browser test: it reads the folders, the declarations and the records."""
from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from app.framework import Page, presenter_names
from app.registry import EXPLORABLES
from app.startup import PROSE

COMPAT = Path(__file__).resolve().parent / "compat"
REQUIRED = ("page.py", "model.py", "present.py", "content.md", "preview.svg", "test_model.py", "test_page.py")


def pages(test):
    return pytest.mark.parametrize("page", EXPLORABLES, ids=lambda p: p.slug)(test)


@pages
def test_the_folder_has_the_files_of_a_page_and_its_tests_by_role(page: Page):
    names = {f.name for f in page.folder.iterdir()}
    assert [n for n in REQUIRED if n not in names] == []
    has_claims = any(w.claims for w in page.widgets)
    tests = {n for n in names if n.startswith("test_") and n.endswith(".py")}
    expected = {"test_model.py", "test_page.py"} | ({"test_claims.py"} if has_claims else set())
    # claims are tested in test_claims.py, and only a page with claims has one
    assert tests == expected


@pages
def test_every_template_in_the_folder_is_used(page: Page):
    """A panel template is named by a Panel, placed by a [[drawing:NAME]] marker, or imported by
    another template; one that nothing uses is left over."""
    panels = {p.template for w in page.widgets for p in w.panels}
    assert [t for t in panels if not (page.folder / t).is_file()] == []
    drawings = {s.drawing_file for s in PROSE[page.slug].segments if s.kind == "drawing"}
    templates = {f: f.read_text(encoding="utf-8") for f in page.folder.parent.glob("*/*.html")}
    unnamed = [h.name for h in page.folder.glob("*.html") if h.name.split("_")[0] not in ("panel", "drawing", "macro")]
    assert unnamed == [], "name a template by its role: panel_, drawing_ or macro_"
    unused = []
    for html in sorted(page.folder.glob("*.html")):
        ref = re.compile(r"\{%-?\s*(?:from|import|include|extends)\s+[\"']" + re.escape(f"pages/{page.folder.name}/{html.name}") + r"[\"']")
        imported = any(ref.search(text) for f, text in templates.items() if f != html)
        if html.name not in panels | drawings and not imported:
            unused.append(html.name)
    assert unused == []


@pages
def test_presenters_are_named_after_their_widget(page: Page):
    """Each widget's presenters are its present.py's <id>_summary, _table, _live, _api, <Id>Response
    and <ID>_CLAIMS (framework.presenter_names), found there by convention or, if given, the same."""
    present = importlib.import_module(f"app.pages.{page.folder.name}.present")
    wrong = []
    for w in page.widgets:
        assert w.present is present, f"{w.id}: present= is not its page's present.py"
        for role, name in presenter_names(w.id).items():
            if (getattr(w, role) or None) is not getattr(present, name, None):
                wrong.append(f"{w.id}.{role}: present.{name} expected")
    assert wrong == []


@pages
def test_its_links_are_recorded_for_compatibility(page: Page):
    """Every widget's API answer and the page's deep links are in tests/compat/ (script/new-page
    records a new page's; script/record-compat --new-pages any page that has none)."""
    api = json.loads((COMPAT / "api.json").read_text())
    links = json.loads((COMPAT / "links.json").read_text())
    recorded_paths = {r["path"] for r in api}
    assert [page.api_path(w) for w in page.widgets if page.api_path(w) not in recorded_paths] == []
    anchors = {a for link in links if link["path"] == f"/{page.slug}" for a in link["widget_anchors"]}
    assert any(link["path"] == f"/{page.slug}" and link["query"] == "" for link in links)   # at the defaults
    assert [w.id for w in page.widgets if f"widget-{w.id}" not in anchors] == []
