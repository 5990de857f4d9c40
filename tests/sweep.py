"""The dense grid of a widget's parameters, and what the generic checks ask of every state on it
(tests/test_truths.py): every step of every slider where that is at most GRID_LIMIT states, else a
seeded sample of SAMPLE states, plus every corner and every declared example."""
from __future__ import annotations

import bisect
import functools
import itertools
import math
import os
import random
import re
from typing import Any, Iterator

from app.framework import Page, Widget, canonical_query, fmt_number, parse_query
from app.wording import faults

# SWEEP_LIMIT=500 samples fewer states, for an inner loop while fixing one page; SWEEP_SAMPLE=20000 a deeper
# sample of the large spaces (docs/testing.md: the suite's 3,000 keeps it within its time).
GRID_LIMIT = int(os.environ.get("SWEEP_LIMIT", 20_000))
SAMPLE = int(os.environ.get("SWEEP_SAMPLE") or min(GRID_LIMIT, 3_000))
_LOWER_START = re.compile(r"^[a-z]")


def grid_size(widget: Widget) -> int:
    return math.prod(len(p.grid()) for p in widget.params)


def sweep_size(widget: Widget) -> int:
    """The grid states the sweep visits (before corners and examples): the whole grid, or the sample."""
    return grid_size(widget) if grid_size(widget) <= GRID_LIMIT else SAMPLE


def corners(widget: Widget) -> Iterator[dict]:
    axes = [p.grid() if p.kind == "choice" else (p.grid()[0], p.grid()[-1]) for p in widget.params]
    for combo in itertools.product(*axes):
        yield dict(zip((p.name for p in widget.params), combo))


def spread(page: Page, widget: Widget, n: int) -> list[dict]:
    """n states spread evenly over the sweep's grid (the whole grid or its sample)."""
    states = grid(page, widget)
    return states[::max(1, len(states) // n)][:n]


def examples(page: Page, widget: Widget) -> list[dict]:
    """The page's declared examples and extremes, as this widget's states (other widgets' keys dropped)."""
    names = {n for p in widget.params for n in (p.name, *p.aliases)}
    out = [widget.defaults()]
    for example in (*page.examples, *page.extremes):
        items = [(k, str(v)) for k, v in example.items() if k in names]
        if items:
            values, problems = parse_query(widget.params, items)
            assert not problems, (page.slug, example, problems)
            out.append(values)
    return out


def grid(page: Page, widget: Widget, seed: int = 32) -> list[dict]:
    """Every state of the dense grid, in a fixed order (built once a process: the sweep's chunks share it)."""
    return list(_grid(page, widget, seed))


@functools.lru_cache(maxsize=4)
def _grid(page: Page, widget: Widget, seed: int) -> tuple[dict, ...]:
    axes = [p.grid() for p in widget.params]
    names = [p.name for p in widget.params]
    if grid_size(widget) <= GRID_LIMIT:
        states = [dict(zip(names, combo)) for combo in itertools.product(*axes)]
    else:
        rng = random.Random(seed)
        states = [{n: rng.choice(a) for n, a in zip(names, axes)} for _ in range(SAMPLE)]
        # In slider order, as the full grid is: neighbouring states share most values, so a model's
        # cache of runs (one kept per setting of the sliders it simulates) serves them.
        states.sort(key=lambda s: tuple(s[n] for n in names))
        states += list(corners(widget))
    return tuple(states + examples(page, widget))


def texts(widget: Widget, values: dict, result: Any, said: dict | None = None) -> list[tuple[str, str]]:
    """Every text the widget shows at this state, with where it is shown (`said`: its claims, if known)."""
    said = widget.claim_texts(result) if said is None else said
    out = [(f"claim {cid}", text) for cid, text in said.items()]
    out.append(("summary", widget.summary(result)))
    out += [(f"live {k}", v) for k, v in widget.live(result).items()]
    out += [("note", n) for n in widget.notes(values)]
    table = widget.table(result)
    out += [("table", cell) for cell in (table.caption, *table.columns, *(c for row in table.rows for c in row))]
    if widget.submit_result:
        out.append(("submit result", widget.submit_result(result)))
    for panel in widget.panels:
        out += [(f"panel {panel.id}", s) for s in _strings(panel.present(result, values))]
    return [(where, str(t)) for where, t in out]


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def _longest_literal(items) -> str:
    best, run = "", ""
    for op, arg in items:
        run = run + chr(arg) if str(op) == "LITERAL" else ""
        best = max(best, run, key=len)
    return best


@functools.lru_cache(maxsize=None)
def needles(pattern: str) -> tuple[str, ...] | None:
    """Pieces of text of which every match of `pattern` contains one (None if nothing is certain): the
    longest run of plain characters at the top level of the parsed pattern, or of each of its top-level
    alternatives. A text with none of them cannot match."""
    try:
        from re import _parser as parser
    except ImportError:                                  # Python < 3.11
        import sre_parse as parser
    parsed = parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    items = list(parsed)
    if len(items) == 1 and str(items[0][0]) == "BRANCH":
        found = tuple(_longest_literal(branch) for branch in items[0][1][1])
    else:
        found = (_longest_literal(items),)
    return None if not all(found) else found


def sentences(text: str) -> set[str]:
    """A text's sentences (split on '. '), without their closing full stops."""
    return {s.strip().rstrip(".") for s in text.split(". ") if s.strip().rstrip(".")}


def repeats(summary: str, said: dict[str, str]) -> list[str]:
    """The claims (id -> text) a summary repeats, as `repeated_problems` judges: for the pages' own tests."""
    return repeated_problems([("summary", summary), *((f"claim {cid}", text) for cid, text in said.items())])


def repeated_problems(shown: list[tuple[str, str]]) -> list[str]:
    """The summary (the figure's caption and accessible name) repeating a claim placed in the prose: a
    screen reader, and a reader without JavaScript, would meet the same sentence twice. `shown` is the
    texts `texts` lists (only the claims and the summary are compared)."""
    summary = next((text for where, text in shown if where == "summary"), None)
    if not summary:
        return []
    problems = []
    for where, text in shown:
        if not where.startswith("claim") or not text:
            continue
        if text in summary or summary in text:
            problems.append(f"summary repeats {where}: '{text[:60]}…'")
        elif common := sentences(summary) & sentences(text):
            problems.append(f"summary shares a sentence with {where}: '{min(common)[:60]}…'")
    return problems


def _texts_holding(shown: list[tuple[str, str]], everything: str):
    """needle -> the indices of the texts in `shown` that contain it, found in their join (`everything`)."""
    starts = list(itertools.accumulate((len(t) + 1 for _, t in shown[:-1]), initial=0))
    ends = [start + len(t) for start, (_, t) in zip(starts, shown)]

    @functools.lru_cache(maxsize=None)
    def holding(needle: str) -> frozenset[int]:
        found, at = set(), everything.find(needle)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            if at + len(needle) <= ends[i]:
                found.add(i)
            at = everything.find(needle, at + 1)
        return frozenset(found)
    return holding


def text_problems(widget: Widget, values: dict, result: Any, truths=None) -> list[str]:
    """Faults of wording, claims a predicate does not back, and phrases whose predicate is false (`truths`:
    the widget's own unless given). A predicate is evaluated only on texts that contain its pattern's fixed
    part (`needles`), and one that does not read the phrase once a state, before any text is searched."""
    problems = []
    said = widget.claim_texts(result)
    shown = texts(widget, values, result, said)
    everything = "\n".join(text for _, text in shown)
    given = [fmt_number(values[p.name]) for p in widget.params if p.kind == "number"]   # a slider's own value
    # Texts joined by line breaks can only add matches (no fault pattern is anchored), so a clean whole
    # means every text is clean; otherwise each text is checked on its own, which decides.
    checked = shown if faults(everything, given) else ()
    for where, text in checked:
        problems += [f"{where}: {f}" for f in faults(text, given)]
    for where, text in shown:
        if (where.startswith("claim") or where == "summary") and _LOWER_START.match(text):
            problems.append(f"{where}: starts in lower case: {text[:40]}…")
    holding = _texts_holding(shown, everything)
    for truth in widget.all_truths if truths is None else truths:
        fixed = needles(truth.pattern)
        if fixed is not None and not any(n in everything for n in fixed):
            continue
        if truth.arity == 1 and truth.holds(result):
            continue                     # true of the result, so true wherever the phrase is said
        for i in range(len(shown)) if fixed is None else sorted(set().union(*map(holding, fixed))):
            where, text = shown[i]
            problems += [f"{where}: {f}" for f in truth.failures(result, text)]
    problems += repeated_problems(shown)
    for claim in widget.claims:
        if claim.options and said[claim.id] not in claim.options:
            problems.append(f"claim {claim.id}: not one of its declared wordings: '{said[claim.id][:80]}'")
        if claim.truths:
            text = said[claim.id]
            if not any(t.regex.search(text) for t in claim.truths):
                problems.append(f"claim {claim.id}: no declared predicate backs '{text[:80]}…'")
    return problems


def _axis_key(ref: str, letter: str) -> str:
    return f"{letter}axis" + ref[1:] if ref and len(ref) > 1 else f"{letter}axis"


def _inside(values, lo: float, hi: float) -> bool:
    """All of `values` are finite numbers within lo..hi: one pass in C for the usual all-numbers trace
    (gaps, None, are passed over; a string or a NaN sends the caller to the value-by-value check, which decides)."""
    try:
        if None in values:               # the gaps between paths drawn as one trace
            values = [v for v in values if v is not None]
        return bool(values) and math.isfinite(sum(values)) and lo <= min(values) and max(values) <= hi
    except (TypeError, ValueError):
        return False


def axis_problems(widget: Widget, result: Any) -> list[str]:
    """Values plotted outside an axis range the figure fixes."""
    problems = []
    for fid, figure in widget.render_figures(result).items():
        layout = figure["layout"]
        for trace in figure["data"]:
            if trace.get("type", "scatter") not in ("scatter", "bar", "scattergl"):
                continue
            for letter in "xy":
                axis = layout.get(_axis_key(trace.get(f"{letter}axis", letter), letter), {})
                span = axis.get("range")
                if not span or axis.get("type") in ("category", "date") or axis.get("autorange"):
                    continue
                lo, hi = sorted(span)
                if axis.get("type") == "log":
                    lo, hi = 10 ** lo, 10 ** hi
                values = trace.get(letter) or ()
                bar = trace.get("type") == "bar" and trace.get("orientation", "v") == ("h" if letter == "x" else "v")
                pad = (hi - lo) * 1e-6
                if _inside(values, lo - pad, hi + pad) and (not bar or lo - pad <= 0 <= hi + pad):
                    continue
                numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
                if bar:
                    numbers = numbers + [0]
                outside = [v for v in numbers if not (lo - pad <= v <= hi + pad)]
                if outside:
                    problems.append(f"figure {fid}: {letter} value {outside[0]:.4g} is outside its axis {lo:.4g}..{hi:.4g}"
                                    f" (trace '{trace.get('name', '')}')")
    return problems


def where(page: Page, widget: Widget, state: dict) -> str:
    return f"/{page.slug}?{canonical_query(widget.params, state)}"


CLAIMS_DOC_START, CLAIMS_DOC_END = "<!-- generated by script/claims-doc: start -->", "<!-- generated by script/claims-doc: end -->"


def claims_table() -> str:
    """docs/claims.md's table: every claim and declared predicate, from the registry."""
    from app.registry import EXPLORABLES

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    rows = ["| Page | Said by | When the text says (pattern) | it must be true that |", "|---|---|---|---|"]
    for page in EXPLORABLES:
        for w in page.widgets:
            owners = [(f"claim `{w.id}.{c.id}`", c.truths) for c in w.claims] + [(f"`{w.id}` summary, live numbers, table or panels", w.truths)]
            for owner, truths in owners:
                for t in truths or ():
                    rows.append(f"| `/{page.slug}` | {owner} | `{cell(t.pattern)}` | {cell(t.means)} |")
                if not truths and owner.startswith("claim"):
                    rows.append(f"| `/{page.slug}` | {owner} | (none declared) | |")
    return "\n".join(rows)


def claims_doc(current: str) -> str:
    """The document with its generated table replaced by the registry's."""
    head, rest = current.split(CLAIMS_DOC_START)
    _, tail = rest.split(CLAIMS_DOC_END)
    return f"{head}{CLAIMS_DOC_START}\n{claims_table()}\n{CLAIMS_DOC_END}{tail}"


# A chart's hover and bar labels as Plotly writes them (hovertemplate, texttemplate): the tokens the pages
# use, formatted as d3-format does (a hyphen for a minus sign), so they can be checked as the page's texts are.
_TOKEN = re.compile(r"%\{([a-z]+)(?:\[(\d+)\])?(?::([^}]*))?\}")
_D3 = re.compile(r"([+]?)(,?)\.(\d+)([f%g])")
_ARRAYS = {"label": "labels", "value": "values"}


def _d3(value: float, spec: str) -> str:
    m = _D3.fullmatch(spec)
    if not m:
        raise ValueError(f"a format the check does not know: '{spec}' (word the number with customdata)")
    sign, comma, places, kind = m.groups()
    if kind == "%":
        value, suffix, kind = value * 100, "%", "f"
    else:
        suffix = ""
    text = f"{value:{sign}{comma}.{places}{kind}}"
    if not sign and text.startswith("-") and float(text) == 0:
        text = text[1:]                  # d3 drops the sign of a negative value that rounds to zero, unless asked
    return text + suffix


def _plain(value) -> str:
    """A value with no format, as Plotly's hover writes it: numbers with the true minus sign."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}".replace("-", "−")
    return str(value)


def _filled(template: str, trace: dict, i: int) -> str:
    def value(m: re.Match) -> str:
        name, index, spec = m.groups()
        data = trace.get(_ARRAYS.get(name, name))
        v = data[i] if isinstance(data, (list, tuple)) else data
        if index is not None:
            v = v[int(index)]
        if spec:
            text = _d3(v, spec)
            if spec.endswith("%") and float(text.rstrip("%")) in (0, 100) and v not in (0, 1):
                text += " (a share that is not none or all written as none or all)"
            return text
        return _plain(v)
    return _TOKEN.sub(value, template).replace("<extra>", " ").replace("</extra>", "").replace("<br>", " ")


def chart_labels(figure: dict) -> Iterator[tuple[str, str]]:
    """(trace name, text) for every point's hover label and bar label that a template writes."""
    for trace in figure["data"]:
        if trace.get("hoverinfo") == "skip" and "texttemplate" not in trace:
            continue
        n = max((len(trace.get(k) or ()) for k in ("x", "y", "values", "labels")), default=0)
        for key in ("hovertemplate", "texttemplate"):
            template = trace.get(key)
            if template is None or (key == "hovertemplate" and trace.get("hoverinfo") == "skip"):
                continue
            for i in range(n):
                one = template[i] if isinstance(template, list) else template
                if one and trace_point_shown(trace, i):
                    yield trace.get("name", ""), _filled(one, trace, i)


def trace_point_shown(trace: dict, i: int) -> bool:
    """A point Plotly draws (a gap, None, has no label)."""
    return all(not isinstance(trace.get(k), (list, tuple)) or trace[k][i] is not None for k in ("x", "y")
               if len(trace.get(k) or ()) > i)


def label_problems(widget: Widget, result: Any) -> list[str]:
    """Wording faults in the charts' hover and bar labels (tests/test_truths.py)."""
    problems = []
    for fid, figure in widget.render_figures(result).items():
        for name, text in chart_labels(figure):
            found = faults(text) + ["'0%' or '100%' for a share that is not none or all"] * ("(a share that is not" in text)
            problems += [f"figure {fid}, '{name}': {f} in '{text[:90]}'" for f in found]
    return problems
