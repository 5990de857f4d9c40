"""Every sentence true at every setting, checked by machine over each widget's dense grid (tests/sweep.py):
at each state every text the widget shows is free of wording faults (app/wording.faults), each claim
is backed by one of its declared predicates, every phrase with a declared predicate (in any of the
widget's texts, so two sentences cannot contradict each other) has that predicate true of the model's
result, and every chart keeps what it plots inside the axis range it fixes."""
from __future__ import annotations

import math
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.registry import EXPLORABLES
from sweep import (axis_problems, claims_doc, examples, grid, label_problems, needles, repeated_problems, spread,
                   sweep_size, text_problems, texts, where)

CHUNK = 2_500
CASES = []
for _page in EXPLORABLES:
    for _w in _page.widgets:
        _n = sweep_size(_w) + 2 ** len(_w.params)
        for _k in range(math.ceil(_n / CHUNK)):
            CASES.append(pytest.param(_page, _w, _k, id=f"{_page.slug}-{_w.id}-{_k}"))


@pytest.fixture(scope="session")
def background():
    """The sweep yields the processor to the browser tests, which wait on it (a no-op on a second call)."""
    if os.nice(0) < 10:
        os.nice(10)


@pytest.mark.slow
@pytest.mark.sweep
@pytest.mark.parametrize("page,widget,chunk", CASES)
def test_every_text_is_true_and_every_value_on_its_chart(page, widget, chunk, background):
    states = grid(page, widget)[chunk * CHUNK:(chunk + 1) * CHUNK]
    failures: dict[str, str] = {}   # each distinct problem, with the first state that shows it
    bad_states = 0
    for state, result in zip(states, widget.run_many(states)):
        problems = text_problems(widget, state, result) + axis_problems(widget, result)
        bad_states += bool(problems)
        for problem in problems:
            failures.setdefault(problem, where(page, widget, state))
    assert not failures, f"{bad_states} of {len(states)} states have problems; the first:\n" + "\n".join(
        f"{p}\n    at {u}" for p, u in list(failures.items())[:12])


def test_the_grid_holds_every_step_or_a_full_sample():
    for page in EXPLORABLES:
        for w in page.widgets:
            states = grid(page, w)
            assert len(states) >= sweep_size(w)
            for s in states[:50]:
                for p in w.params:
                    assert s[p.name] in p.grid(), (page.slug, w.id, p.name, s[p.name])


def test_docs_list_every_claim_with_its_predicates():
    current = (Path(__file__).resolve().parents[1] / "docs/claims.md").read_text()
    assert claims_doc(current) == current, "docs/claims.md is out of date: run script/claims-doc"


def test_a_text_without_a_patterns_fixed_part_cannot_match_it():
    """The sweep skips a predicate on texts lacking its pattern's fixed part (needles): never wrongly."""
    assert needles(r"Subsystem overrides|\boverrode\b") == ("Subsystem overrides", "overrode")
    assert needles(r"x|\d+") is None and needles(r"(?i)kept") is None and needles(r"a(b|c)d") == ("a",)
    checked = 0
    for page in EXPLORABLES:
        for w in page.widgets:
            for state in examples(page, w):
                shown = [t for _, t in texts(w, state, w.run(state))]
                for truth in w.all_truths:
                    found = needles(truth.pattern)
                    for text in shown:
                        if truth.regex.search(text):
                            checked += 1
                            assert found is None or any(n in text for n in found), (truth.pattern, text)
    assert checked > 100


def test_a_fault_in_one_text_is_found_in_the_joined_texts():
    """text_problems checks the joined texts first and each text only when the whole has a fault: exact
    only while a fault at a text's start or end is still found with texts around it (one sample of each
    kind, at the start and end of its text)."""
    from app import wording
    samples = ("-0 left", "inf", "3e5", "1 steps", "1.0 steps", "a 8% rise", "only 0% are", "-3 points", "8,717 trillion",
               "gain 0.3450", "2.0 minutes", "10.0 interventions")
    kinds = {w for _, w, _ in wording._FAULTS}
    assert {f.split(":")[0] for s in samples for f in wording.faults(s)} == kinds, "a sample for each kind of fault"
    for bad in samples:
        alone = {f.split(":")[0] for f in wording.faults(bad)}
        assert alone and alone <= {f.split(":")[0] for f in wording.faults(f"fine\n{bad}\nfine")}


@pytest.mark.parametrize("page,widget", [pytest.param(p, w, id=f"{p.slug}-{w.id}") for p in EXPLORABLES
                                         for w in p.widgets if w.simulate_many])
def test_many_settings_at_once_give_each_settings_own_result(page, widget):
    """The sweep runs a widget's states through simulate_many where it has one: each result must be the
    one simulate gives that state alone (the examples, and states spread over the grid)."""
    states = examples(page, widget) + spread(page, widget, 40)
    together = widget.run_many(states)
    assert len(together) == len(states)
    for state, result in zip(states, together):
        assert _same(result, widget.run(state)), where(page, widget, state)


def _same(a, b) -> bool:
    """Equal value for value, numpy arrays and dataclasses included."""
    import dataclasses
    import numpy as np
    if dataclasses.is_dataclass(a):
        return type(a) is type(b) and all(_same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(a, b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def test_a_summary_that_repeats_a_claim_is_reported():
    """Issue 33: the summary is the figure's caption and accessible name, read as well as the prose; a claim's
    sentence in it is heard twice. Containing, contained, or one whole sentence shared: each is reported."""
    claim = ("claim fate", "At k = 1.001 it doubles every 49 s. Delayed neutrons slow it.")
    assert repeated_problems([claim, ("summary", "Trained. " + claim[1])])
    assert repeated_problems([claim, ("summary", "At k = 1.001 it doubles every 49 s")])
    assert repeated_problems([claim, ("summary", "Two lines. Delayed neutrons slow it.")])
    assert not repeated_problems([claim, ("summary", "At k = 1.001 the population is 2.77 after 60 s.")])
    assert not repeated_problems([("live x", "5%"), ("summary", "It is 5%.")])      # only claims are compared


def _every_text_checked(widget, state, result, truths) -> list[str]:
    """What text_problems reports, found without its shortcuts: every fault and predicate on every text."""
    from app.wording import faults
    from app.framework import fmt_number
    shown = texts(widget, state, result)
    given = [fmt_number(state[p.name]) for p in widget.params if p.kind == "number"]
    found = [f"{where}: {f}" for where, text in shown for f in faults(text, given)]
    for truth in truths:
        for where, text in shown:
            found += [f"{where}: {f}" for f in truth.failures(result, text)]
    return found


def _negated(truth):
    from app.framework import Truth
    if truth.arity == 2:
        return Truth(truth.pattern, lambda r, m: not truth.holds(r, m), "not " + truth.means)
    return Truth(truth.pattern, lambda r: not truth.holds(r), "not " + truth.means)


def _of_texts(problem: str) -> bool:
    """A wording fault or a false phrase (text_problems' other reports are not about single texts' words)."""
    from app import wording
    said = problem.split(": ", 1)[1] if ": " in problem else ""
    return "' is said, but not " in problem or said.startswith(tuple(k for _, k, _ in wording._FAULTS))


@pytest.mark.parametrize("page,widget", [pytest.param(p, w, id=f"{p.slug}-{w.id}") for p in EXPLORABLES for w in p.widgets])
def test_the_sweeps_shortcuts_miss_nothing(page, widget):
    """text_problems skips texts without a pattern's fixed part, predicates true of the whole result, and the
    texts one by one when their join has no fault: it must report what checking every predicate and fault on
    every text reports, with the widget's predicates and with each of them negated (then every phrase said fails)."""
    states = examples(page, widget) + spread(page, widget, 6)
    failures = 0
    for state, result in zip(states, widget.run_many(states)):
        for truths in (widget.all_truths, [_negated(t) for t in widget.all_truths]):
            fast = [p for p in text_problems(widget, state, result, truths) if _of_texts(p)]
            slow = _every_text_checked(widget, state, result, truths)
            assert sorted(fast) == sorted(slow), where(page, widget, state)
            failures += len(slow)
    assert failures or not widget.all_truths, "the negated predicates make some phrase fail"


def test_a_value_off_its_chart_is_found_however_the_trace_is_written():
    """axis_problems reports every plotted value outside a fixed range (its one-pass shortcut never hides one):
    traces of floats, with gaps (None), NaN, text, bars (whose base is 0), and axes without a fixed range."""
    import random
    from types import SimpleNamespace

    def problems(trace, yaxis=None):
        layout = {"yaxis": yaxis or {"range": [0, 10]}, "xaxis": {"range": [0, 100]}}
        figure = SimpleNamespace(id="f", render=lambda result: {"layout": layout, "data": [trace]})
        return axis_problems(SimpleNamespace(render_figures=lambda r: {"f": figure.render(r)}), None)

    assert problems({"x": [1, 2], "y": [0, 10]}) == []
    assert problems({"x": [1, 2], "y": [0, 10.5]}) and "10.5" in problems({"x": [1, 2], "y": [0, 10.5]})[0]
    assert problems({"x": [1, 2, 3], "y": [1, None, -3]})
    assert problems({"x": [1, 2, 3], "y": [1, None, 3]}) == []
    assert problems({"x": [1, 2], "y": [1, float("nan")]})
    assert problems({"x": [1, 2], "y": [1, float("inf")]})
    assert problems({"x": ["a", "b"], "y": [1, 2]}) == []
    assert problems({"type": "bar", "x": [1, 2], "y": [3, 4]}, {"range": [1, 10]})      # the bar rises from 0
    assert problems({"x": [1, 2], "y": [30, 40]}, {"range": [0, 10], "autorange": True}) == []
    rng = random.Random(5)
    for _ in range(2_000):
        ys = [rng.choice([rng.uniform(-1, 11), None, True, "n", float("nan")]) if rng.random() < 0.2
              else rng.uniform(-0.5, 10.5) for _ in range(rng.randint(0, 6))]
        shown = [v for v in ys if isinstance(v, (int, float)) and not isinstance(v, bool)]
        off = [v for v in shown if not (-1e-5 <= v <= 10 + 1e-5)]
        assert bool(problems({"x": [1] * len(ys), "y": ys})) == bool(off), ys


@pytest.mark.slow
def test_the_sweeps_chunks_run_on_two_workers_in_their_groups():
    """script/test's plan: pytest-xdist gives the sweep's chunks, as two groups, to two of its four workers (which
    lower their priority), and the browser tests to the rest; a marker added after xdist reads them is ignored."""
    import subprocess
    import sys
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-m", "pytest", "-n", "3", "--dist", "loadgroup", "-v", "-p", "no:randomly",
                          "-p", "no:cacheprovider", "tests/test_truths.py", "-k", "every_text and active-self"],
                         cwd=root, env={**os.environ, "SWEEP_LIMIT": "400"}, capture_output=True, text=True, timeout=240)
    ran = re.findall(r"\[(gw\d)\] \[\s*\d+%\] PASSED \S+\[(\S+)\](@sweep-\d)?", out.stdout)
    assert len(ran) >= 4, out.stdout[-2000:]
    assert all(group for _, _, group in ran), "chunks ran without their group"
    assert len({worker for worker, _, _ in ran}) <= 2


def _label_states(page, widget) -> list[dict]:
    """The examples, up to 64 corners and 150 grid states spread over the grid."""
    import itertools
    from sweep import corners
    return examples(page, widget) + list(itertools.islice(corners(widget), 64)) + \
        spread(page, widget, 150)


@pytest.mark.parametrize("page,widget", [pytest.param(p, w, id=f"{p.slug}-{w.id}") for p in EXPLORABLES for w in p.widgets])
def test_chart_hover_and_bar_labels_are_worded_as_the_texts_are(page, widget):
    """A chart's hover label is read as a sentence is: no '1 steps', no hyphen for a minus sign, no '+0.00',
    no '0%' for a share that is not none (tests/sweep.chart_labels writes them as Plotly does)."""
    failures: dict[str, str] = {}
    states = _label_states(page, widget)
    for state, result in zip(states, widget.run_many(states)):
        for problem in label_problems(widget, result):
            failures.setdefault(problem.split(" in '")[0], f"{problem}\n    at {where(page, widget, state)}")
    assert not failures, "\n".join(list(failures.values())[:12])


def test_chart_labels_are_written_as_plotly_writes_them():
    """The emulation of Plotly's templates that the label check reads: d3 formats (a hyphen for a minus sign),
    plain values with the true minus sign, customdata, gaps skipped, and the faults it must report."""
    from sweep import chart_labels
    trace = {"x": [1, 2, None], "y": [-0.004, 0.5, 1], "customdata": [["a", "b"], ["c", "d"], ["e", "f"]],
             "hovertemplate": "%{y:+.2f} | %{y:.0%} | %{customdata[1]}<extra>%{x} steps</extra>"}
    assert list(chart_labels({"data": [trace]})) == [("", "-0.00 | 0% (a share that is not none or all written as none or all)"
                                                          " | b 1 steps"), ("", "+0.50 | 50% | d 2 steps")]
    assert list(chart_labels({"data": [{"x": [-2], "y": [3], "hovertemplate": "%{x}, %{y:,.0f}"}]})) == [("", "−2, 3")]
    assert list(chart_labels({"data": [{"labels": ["A"], "values": [3], "text": ["3 goals"], "hovertemplate": "%{label}: %{text}"}]})) \
        == [("", "A: 3 goals")]
    assert list(chart_labels({"data": [{"x": [1], "y": [2], "hoverinfo": "skip", "hovertemplate": "%{x} steps"}]})) == []
    figure = SimpleNamespace(render=lambda r: {"data": [trace]})
    found = label_problems(SimpleNamespace(render_figures=lambda r: {"f": figure.render(r)}), None)
    assert {f.split(": ")[1].split(" in '")[0] for f in found} == {"a signed zero", "a hyphen for a minus sign", "a plural after 1",
                                                 "'0%' or '100%' for a share that is not none or all"}
