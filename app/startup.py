"""What the site computes once, at start-up, from the registry: prose, glossary, search index,
assets, templates and the build version. Every other module of the web app reads these."""
from __future__ import annotations

import hashlib
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined, select_autoescape

from app import content, figkit, glossary, search
from app.assets import SCRIPTS, Assets
from app.pages import PAGES_DIR
from app.registry import BY_SLUG, CORE_PATH, EXPLORABLES, STATIONS, THEMES

SITE_TITLE = "Playing with Byrnes's diagrams"
VERSION = "0.1.0"
ROOT = content.CONTENT_DIR.parent

GLOSSARY = glossary.build(EXPLORABLES)
PROSE = {page.slug: content.render(page, GLOSSARY.annotate) for page in EXPLORABLES}
GLOSSARY_USES = GLOSSARY.uses([(page, PROSE[page.slug]) for page in EXPLORABLES])
_glossary_problems = GLOSSARY.check({page.slug: {s.id for s in PROSE[page.slug].sections} for page in EXPLORABLES})
assert not _glossary_problems, _glossary_problems
_missing_drawings = [p for page in EXPLORABLES for p in content.missing_drawings(page, PROSE[page.slug].segments)]
assert not _missing_drawings, _missing_drawings
SEARCH = search.SearchIndex(
    [doc for page in EXPLORABLES for doc in search.page_docs(
        page.slug, page.title, page.summary, content.search_html(page))]
    + [search.Doc("term", t.term, t.definition, f"/glossary#{t.id}", "Glossary") for t in GLOSSARY.terms])
EXPLAINED_BY = {slug: page.title for slug, page in BY_SLUG.items()}
GLOSSARY_SHOWN = {t.id for t in GLOSSARY.terms if GLOSSARY_USES[t.id]}
MINUTES = {page.slug: content.reading_minutes(content.prose_words(page)) for page in EXPLORABLES}
PATH_MINUTES = {"core": sum(MINUTES[p.slug] for p in CORE_PATH), "full": sum(MINUTES.values())}
SECTION_TITLES = {f"{page.slug}#{s.id}": s.title for page in EXPLORABLES for s in PROSE[page.slug].sections}

assets = Assets(appended={
    "site.css": figkit.css(f.height for page in EXPLORABLES for w in page.widgets for f in w.figure_list)
    + "".join(page.style for page in EXPLORABLES),
})
templates = Environment(
    # Site templates; a page's panel templates are named "pages/<package>/<file>".
    loader=ChoiceLoader([FileSystemLoader(str(ROOT / "templates")),
                         PrefixLoader({"pages": FileSystemLoader(str(PAGES_DIR))})]),
    autoescape=select_autoescape(["html", "xml"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.globals.update(asset=assets.url, site_title=SITE_TITLE, explorables=EXPLORABLES, themes=THEMES,
                         dark_swaps=figkit.DARK_SWAPS, scripts=SCRIPTS, core_path=CORE_PATH, minutes=MINUTES,
                         stations={p.slug: STATIONS[p.folder.name] for p in EXPLORABLES},
                         path_minutes=PATH_MINUTES, section_anchor=content.anchor,
                         hood_start=content.HOOD_START)
templates.policies["json.dumps_kwargs"] = {"separators": (",", ":")}   # compact |tojson


def html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(template).render(**context), status_code=status)


def _build_version() -> str:
    """Changes whenever anything that shapes a response changes: code, templates, prose, assets,
    pinned packages. URLs naming it are cached for a year."""
    digest = hashlib.sha256(VERSION.encode())
    for folder in ("app", "templates", "content"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".html", ".xml", ".md", ".svg", ".css"} \
                    and not path.name.startswith("test_"):
                digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    digest.update(",".join(sorted(assets.urls.values())).encode())
    digest.update((ROOT / "pyproject.toml").read_bytes())       # the pinned packages that render
    return digest.hexdigest()[:16]


BUILD_VERSION = _build_version()
templates.globals["build"] = BUILD_VERSION
