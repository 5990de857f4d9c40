"""The reading path teaches in order: walking the full path and the core path, every glossary term a
page uses is explained on that page or an earlier one of the same path, or is defined in passing at
its first use on the page (the term followed by a parenthesis, a colon or a dash that defines it)."""
from __future__ import annotations

import re

import pytest

from app.content import prose_words
from app.glossary import _pattern
from app.registry import CORE_PATH, EXPLORABLES
from app.startup import GLOSSARY, GLOSSARY_USES, PROSE

PATHS = {"full": EXPLORABLES, "core": CORE_PATH}
# After a term's first use: its definition in passing, e.g. "ASI (artificial superintelligence: …)".
_DEFINED_HERE = re.compile(r"^[*_’”'\"]*\s*(?:\(|:|—|–|, (?:a|an|the|which|that|meaning|or|i\.e\.)\b)")


def prose_text(slug: str) -> str:
    html = "".join(s.html for s in PROSE[slug].segments if s.kind == "html")
    html = re.sub(r'<span class="tip"[^>]*>.*?</span>', "", html, flags=re.S)   # the glossary's pop-up definitions
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def defined_in_passing(term, slug: str) -> bool:
    text = prose_text(slug)
    first = _pattern(term).search(text)
    return bool(first) and bool(_DEFINED_HERE.match(text[first.end():first.end() + 12]))


def order_problems(path) -> list[str]:
    where = {page.slug: i for i, page in enumerate(path)}
    problems = []
    for term in GLOSSARY.terms:
        explained = term.explained.split("#")[0]
        for slug, _ in GLOSSARY_USES[term.id]:
            if slug not in where:
                continue
            if explained in where and where[explained] <= where[slug]:
                continue
            if not defined_in_passing(term, slug):
                problems.append(f"'{term.term}' is used on /{slug} before it is explained"
                                f" (on /{explained or 'no page'}) and is not defined at its first use there")
    return problems


@pytest.mark.parametrize("name", PATHS)
def test_every_term_is_explained_before_it_is_used(name):
    assert order_problems(PATHS[name]) == []


def test_a_term_used_before_its_page_is_found():
    """The check can fail: reversed, the path uses terms before the pages that explain them."""
    assert order_problems(tuple(reversed(EXPLORABLES)))


def test_the_glossarys_own_pop_ups_are_not_read_as_the_page_defining_a_term():
    assert all('class="tip"' not in prose_text(p.slug) and "role=" not in prose_text(p.slug) for p in EXPLORABLES)


def test_a_definition_in_passing_is_recognised():
    assert _DEFINED_HERE.match(" (artificial superintelligence") and _DEFINED_HERE.match("**: a reward")
    assert not _DEFINED_HERE.match(" is what we") and not _DEFINED_HERE.match(", and then")


@pytest.mark.parametrize("page", EXPLORABLES, ids=[p.slug for p in EXPLORABLES])
def test_each_page_keeps_to_its_word_budget(page):
    assert prose_words(page) <= 1500


def test_the_core_path_takes_at_most_35_minutes():
    words = sum(prose_words(p) for p in CORE_PATH)
    assert words / 230 <= 35, words


def test_world_model_is_in_the_glossary_and_explained_at_its_first_use():
    """Newcomer review 4, item 3: "world model" carried page 6's argument and was never explained."""
    term = next(t for t in GLOSSARY.terms if t.id == "world-model")
    first = next(p.slug for p in EXPLORABLES if _pattern(term).search(prose_text(p.slug)))
    assert term.explained.split("#")[0] == first and defined_in_passing(term, first)
    # The glossary's own definitions that lean on it read after it: none sends valence "into" it twice.
    uses = [t for t in GLOSSARY.terms if t.id != "world-model" and _pattern(term).search(t.definition)]
    assert all("what the brain has learned" in t.definition for t in uses), [t.id for t in uses]


# Newcomer review 4, item 7: terms a newcomer met before any explanation. Each is now explained in a
# few words where the page first uses it (the words must be near that first use), or is a glossary term.
_EXPLAINED_AT_FIRST_USE = {
    ("what-agi-is", "Humanity's Last Exam"): "a test written by experts",
    ("safety-problem", "critical"): "at exactly 1",
    ("safety-problem", "pile"): "Fermi's first was a pile",
    ("safety-problem", "trip level"): "the power at which the rods drop",
    ("outer-and-inner-alignment", "unit tests"): "automatic code checks",
    ("outer-and-inner-alignment", "learned parameters"): "the numbers that training has tuned",
    ("outer-and-inner-alignment", "generalisation"): "carries over to new situations",
    ("llm-plateau", "deep learning"): "the family of methods LLMs come from",
    ("active-self", "vitalistic force"): "wanting starts up by itself",
    ("active-self", "prior"): "before any experience",
    ("active-self", "corrigibility"): "accepts being corrected",
    ("active-self", "emotive conjugation"): "two words for one act",
    ("pnse-anxiety", "object-level"): "the one about the friend",
    ("pnse-anxiety", "inhibitory"): "each step weakening the next",
    ("valence-disorders", "point"): "from about −3, very bad, to +3",
}
# Replaced by plain words where they were first met (page, words no longer on it).
_REPLACED = {"llm-plateau": ("that post",), "valence": ("gradient", "Gradient")}


@pytest.mark.parametrize("slug", _REPLACED)
def test_words_a_newcomer_could_not_place_are_gone(slug):
    assert not [w for w in _REPLACED[slug] if re.search(rf"\b{w}\b", prose_text(slug))]
_GLOSSARY_TERMS_NOW = ("paradigm", "world model", "intuitive self-model")


@pytest.mark.parametrize("slug,term", _EXPLAINED_AT_FIRST_USE, ids=lambda v: str(v))
def test_a_term_is_explained_where_it_is_first_used(slug, term):
    text = prose_text(slug).replace("’", "'")
    first = re.search(rf"\b{re.escape(term)}\b", text)
    assert first, term
    assert _EXPLAINED_AT_FIRST_USE[slug, term] in text[max(0, first.start() - 60):first.end() + 80]


def test_terms_a_newcomer_missed_are_in_the_glossary():
    assert set(_GLOSSARY_TERMS_NOW) <= {t.term for t in GLOSSARY.terms}
