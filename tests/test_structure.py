"""The shape of app/: its imports form no circle (function-level and relative imports included), no
module imports app.main, and only modules with routes (or main) import a module with routes."""
from __future__ import annotations

import ast
import graphlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def modules(root: Path, package: str = "app") -> dict[str, Path]:
    """Dotted name -> file, for every module and package under root/package."""
    out = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def import_graph(root: Path, package: str = "app") -> dict[str, set[str]]:
    """Module -> the modules of `package` it imports anywhere in its source: `import x.y`, `from x
    import y` (y a module or a name in x), relative imports, and importlib.import_module(f"...") with
    an f-string (every module it can name). Importing a module also runs the packages above it,
    except those above the importer (already running)."""
    known = modules(root, package)
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        own = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = own.split(".")[: len(own.split(".")) - (node.level - 1)]
                    base = ".".join(up + ([node.module] if node.module else []))
                for alias in node.names:
                    targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == \
                    "import_module" and node.args and isinstance(node.args[0], ast.JoinedStr):
                pattern = "".join(re.escape(v.value) if isinstance(v, ast.Constant) else r"[^.]+"
                                  for v in node.args[0].values)
                targets.update(m for m in known if re.fullmatch(pattern, m))
        for target in targets & known.keys():
            graph[name].add(target)
            graph[name].update(p for p in _ancestors(target) if p in known and p not in _ancestors(name))
        graph[name].discard(name)
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        return error.args[1]
    return None


def route_modules(root: Path, package: str = "app") -> set[str]:
    """The modules that declare routes (they make an APIRouter or a FastAPI app)."""
    return {name for name, path in modules(root, package).items()
            if re.search(r"\b(APIRouter|FastAPI)\(", path.read_text())}


GRAPH = import_graph(ROOT)


def test_the_graph_sees_the_app():
    assert {"app.main", "app.startup", "app.views", "app.site", "app.api", "app.previews"} <= GRAPH.keys()
    assert "app.views" in GRAPH["app.site"] and "app.startup" in GRAPH["app.views"]
    assert "app.pages.what_agi_is.page" in GRAPH["app.pages"]          # the registry's import_module
    assert "app.pages.what_agi_is.present" in GRAPH["app.pages.what_agi_is.page"]      # `from . import present`


def test_no_import_circle_in_app():
    assert cycle(GRAPH) is None, " -> ".join(cycle(GRAPH))


def test_nothing_in_app_imports_main():
    assert [name for name, targets in GRAPH.items() if "app.main" in targets] == []


def test_only_route_modules_import_route_modules():
    routes = route_modules(ROOT)
    assert {"app.main", "app.site", "app.api", "app.previews"} <= routes
    upward = sorted(f"{name} -> {target}" for name, targets in GRAPH.items() if name not in routes
                    for target in targets & routes)
    assert upward == []


@pytest.mark.parametrize("late", [True, False])
def test_the_check_finds_a_circle_made_by_any_kind_of_import(tmp_path, late):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "low.py").write_text("import math\n\n\ndef f():\n    from pkg.sub import high  # noqa\n" if late
                                else "from .sub.high import thing\n")
    (pkg / "sub" / "high.py").write_text("from .. import low\n")
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.low"] == {"pkg.sub.high", "pkg.sub"} and graph["pkg.sub.high"] == {"pkg.low"}
    assert set(cycle(graph)) == {"pkg.low", "pkg.sub.high"}
    (pkg / "sub" / "high.py").write_text("import os\n")
    assert cycle(import_graph(tmp_path, "pkg")) is None


HISTORY = re.compile(r"\b[Rr]eview (?:\d|round)|\bnewcomer review\b")


def _history_in_comments(source: str) -> list[str]:
    """Lines of non-test code that tell the story of a review ('review 6 A1: …'): one line of intent belongs in the
    code, the history in the commit messages (tests keep it: they are named after findings)."""
    found = []
    for lineno, line in enumerate(source.splitlines(), start=1):
        if HISTORY.search(line):
            found.append(f"{lineno}: {line.strip()[:100]}")
    return found


def test_code_comments_carry_intent_not_review_history():
    offenders = [f"{path.relative_to(ROOT)}:{hit}" for path in sorted((ROOT / "app").rglob("*.py"))
                 if not path.name.startswith("test_") for hit in _history_in_comments(path.read_text())]
    assert offenders == []
    assert _history_in_comments("x = 1  # review 6 A1: a fix")        # the check finds one
