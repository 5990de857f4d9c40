"""Parameter declarations: validation, canonical queries, and the registry's consistency."""
from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import content
from app.framework import Choice, Number, WidgetResponse, canonical_query, parse_query
from app.registry import EXPLORABLES
from app.startup import PROSE
from app.views import api_payload

RLHF = Number("rlhf", "RLHF strength", min=0, max=6, step=0.1, default=2)
PCT = Number("nice", "Nice", min=0, max=100, step=1, default=70, unit="%")
KIND = Choice("scenario", "Kind", options=(("llm", "LLM"), ("brainlike", "Brain-like")), default="llm")
PARAMS = (KIND, PCT, RLHF)


def test_missing_parameters_take_defaults():
    values, problems = parse_query(PARAMS, [])
    assert values == {"scenario": "llm", "nice": 70.0, "rlhf": 2.0} and problems == []


def test_valid_values_are_kept():
    values, problems = parse_query(PARAMS, [("rlhf", "2.5"), ("nice", "0"), ("scenario", "brainlike")])
    assert values == {"scenario": "brainlike", "nice": 0.0, "rlhf": 2.5} and problems == []


@pytest.mark.parametrize("raw", ["nan", "NaN", "inf", "-inf", "Infinity", "1e309", "1_0", "0x1", "", " ",
                                 "2,5", "abc", "6.0001", "-0.1", "1e5", "--1", "1e", ".", "\u20282",
                                 "2" * 50, "１"])
def test_bad_numbers_are_rejected_with_name_and_range(raw):
    values, problems = parse_query(PARAMS, [("rlhf", raw)])
    assert values["rlhf"] == 2.0
    assert len(problems) == 1 and problems[0].name == "rlhf"
    assert problems[0].message == "rlhf must be a number from 0 to 6"


def test_percent_range_text():
    _, problems = parse_query(PARAMS, [("nice", "101")])
    assert problems[0].message == "nice must be a number from 0 to 100%"


def test_unknown_and_repeated_parameters_are_named():
    values, problems = parse_query(PARAMS, [("foo", "1"), ("rlhf", "1"), ("rlhf", "3")])
    assert values["rlhf"] == 2.0
    names = {p.name for p in problems}
    assert names == {"foo", "rlhf"}
    assert any("unknown parameter 'foo'" in p.message and "rlhf" in p.message for p in problems)
    assert any("given 2 times" in p.message for p in problems)


def test_bad_choice_names_the_options():
    _, problems = parse_query(PARAMS, [("scenario", "gpt")])
    assert problems[0].message == "scenario must be one of 'llm', 'brainlike'"


def test_edges_are_inclusive_and_negative_zero_normalised():
    values, problems = parse_query(PARAMS, [("rlhf", "6"), ("nice", "-0")])
    assert problems == [] and values["rlhf"] == 6.0 and str(values["nice"]) == "0.0"


@pytest.mark.parametrize("raw,nearest", [("2.54", 2.5), ("2.56", 2.6), ("5.99", 6.0), ("0.04", 0.0)])
def test_values_between_steps_are_rounded_to_the_nearest_step_with_a_notice(raw, nearest):
    values, problems = parse_query(PARAMS, [("rlhf", raw)])
    assert values["rlhf"] == nearest
    assert [(p.name, p.snapped) for p in problems] == [("rlhf", True)]
    assert f"rounded to {nearest:g}" in problems[0].message and "steps of 0.1" in problems[0].message


def test_values_on_the_grid_are_not_rounded():
    for value in RLHF.grid():
        assert parse_query(PARAMS, [("rlhf", repr(value))]) == ({"scenario": "llm", "nice": 70.0, "rlhf": value}, [])


@given(st.sampled_from(["llm", "brainlike"]), st.sampled_from(PCT.grid()), st.sampled_from(RLHF.grid()))
def test_canonical_query_round_trips(scenario, nice, rlhf):
    values = {"scenario": scenario, "nice": nice, "rlhf": rlhf}
    query = canonical_query(PARAMS, values)
    parsed, problems = parse_query(PARAMS, parse_qsl(query))
    assert problems == []
    assert parsed["scenario"] == scenario
    assert parsed["nice"] == pytest.approx(nice, rel=1e-9, abs=1e-12)
    assert parsed["rlhf"] == pytest.approx(rlhf, rel=1e-9, abs=1e-12)
    assert canonical_query(PARAMS, parsed) == query   # canonical form is a fixed point


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_every_explorable_is_consistent(explorable):
    """Prose places every widget once, quotes only live numbers that exist, and has its sources."""
    assert content.check(explorable, PROSE[explorable.slug]) == []
    for widget in explorable.widgets:
        for p in widget.params:
            assert p.label and p.help, p.name
            if p.kind == "number":
                assert p.min <= p.default <= p.max
                steps = (p.default - p.min) / p.step
                assert abs(steps - round(steps)) < 1e-9, f"{p.name}: default is not on the slider's grid"
        result = widget.run(widget.defaults())
        figures = widget.render_figures(result)
        assert [f.id for f in widget.figure_list] == list(figures)
        assert all(figures[f.id]["layout"]["height"] == f.height for f in widget.figure_list)
        table = widget.table(result)
        assert all(len(row) == len(table.columns) for row in table.rows)
        assert issubclass(widget.response_model, WidgetResponse)
        widget.response_model.model_validate(api_payload(widget, widget.defaults()))


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_declared_example_and_extreme_states_are_valid_links(explorable):
    assert explorable.extremes, "declare at least one extreme state for the layout tests"
    for state in (*explorable.examples, *explorable.extremes):
        items = [(k, v if isinstance(v, str) else str(v)) for k, v in state.items()]
        assert parse_query(explorable.params, items)[1] == [], state


def test_a_page_folder_that_cannot_be_served_fails_at_start_up_naming_the_file(monkeypatch, tmp_path):
    from app import pages
    with pytest.raises(pages.PageError, match="site's own paths"):
        pages.load("glossary")
    (tmp_path / "half_done").mkdir()
    (tmp_path / "half_done" / "page.py").write_text("")
    monkeypatch.setattr(pages, "PAGES_DIR", tmp_path)
    with pytest.raises(pages.PageError, match="half_done/model.py is missing"):
        pages.load("half_done")
    for name in ("model.py", "present.py"):
        (tmp_path / "half_done" / name).write_text("")
    with pytest.raises(pages.PageError, match="half_done/content.md is missing"):
        pages.load("half_done")


def test_a_page_can_add_glossary_terms_in_its_front_matter():
    from types import SimpleNamespace

    from app import glossary
    page = SimpleNamespace(meta={"terms": [{"term": "run and tumble", "id": "run-and-tumble",
                                            "definition": "How a bacterium steers."}]})
    g = glossary.build([page])
    assert g.terms[-1].id == "run-and-tumble" and len(g.terms) == len(glossary.build().terms) + 1
    assert 'aria-describedby="tip-run-and-tumble"' in g.annotate("<p>Bacteria run and tumble.</p>")


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_models_do_not_repeat_the_declared_defaults(explorable):
    """A slider's default lives in page.py only: no function of the page's model.py gives a default
    to an argument named after one of the page's parameters."""
    import importlib
    import inspect
    model = importlib.import_module(f"app.pages.{explorable.slug.replace('-', '_')}.model")
    declared = {p.name for w in explorable.widgets for p in w.params}
    repeated = [f"{name}({arg})" for name, fn in inspect.getmembers(model, inspect.isfunction)
                if fn.__module__ == model.__name__ and not name.startswith("_")
                for arg, param in inspect.signature(fn).parameters.items()
                if arg in declared and param.default is not inspect.Parameter.empty]
    assert not repeated, f"defaults repeated in {explorable.slug}/model.py: {repeated}"


def test_every_slider_grid_starts_on_a_multiple_of_its_step():
    """So the OpenAPI schema's multipleOf describes exactly the values the API accepts."""
    for page in EXPLORABLES:
        for p in page.params:
            if p.kind != "choice":
                assert abs(p.min / p.step - round(p.min / p.step)) < 1e-9, (page.slug, p.name)
                assert p.openapi_schema()["multipleOf"] == p.step


# --- What a slider says, and what a notice says about a bad value (issue 32's review, round 3) -------------
NUMBERS = [(e, w, p) for e in EXPLORABLES for w in e.widgets for p in w.params if p.kind != "choice"]


def test_a_slider_reads_its_value_with_the_true_minus_and_a_unit_that_agrees():
    """'1 steps', '1 points' and '-3' were read out by slider labels and screen readers."""
    from app.framework import shown_number
    from app.wording import faults
    checked = 0
    for e, w, p in NUMBERS:
        for value in p.grid():
            for text in (p.display(value), p.aria_valuetext(value)):
                found = faults(text, [shown_number(value)])
                if p.unit == "×":                       # a multiplier: '1 times the one before' is right
                    found = [f for f in found if not f.startswith("a plural after 1")]
                assert not found, (e.slug, p.name, text)
                checked += 1
    assert checked > 1000
    walks = next(p for _, _, p in NUMBERS if p.unit == "walks")
    assert (walks.display(1), walks.display(2)) == ("1 walk", "2 walks")


def test_a_unit_is_singular_after_one():
    from app.wording import singular
    assert [singular(u) for u in ("points a day", "notches per minute", "person-years", "tenfolds (orders of magnitude)",
                                  "times the one before", "%", "per minute", "games", "pieces")] == [
        "point a day", "notch per minute", "person-year", "tenfold (order of magnitude)", "times the one before", "%",
        "per minute", "game", "piece"]


def test_a_notice_about_a_bad_value_writes_numbers_as_the_page_does():
    """Out of range or between steps: the notice names the range with the true minus sign ('from −3 to 5')."""
    from app.wording import faults
    negative = [(e, p) for e, _, p in NUMBERS if p.min < 0]
    assert negative
    for e, p in negative:
        for raw in (str(p.max + 10 * p.step), str(p.min + p.step / 2)):
            _, problems = parse_query([p], [(p.name, raw)])
            given = [raw.replace("-", "−")]
            for problem in problems:
                assert not faults(problem.message, given) and not faults(problem.api_message, given), (e.slug, problem)
                assert "−" in problem.message, problem.message


def test_a_value_a_hair_off_its_step_is_not_said_to_be_the_step_it_is_between():
    """/llm-plateau?wall=5.0000000001: the notice read '5 is between steps, so it was rounded to 5'. A value that
    rounds, as shown, to the step it is snapped to is quoted as the reader wrote it."""
    from app.pages.llm_plateau.page import EXTRAPOLATE
    values, problems = parse_query(EXTRAPOLATE.params, [("wall", "5.0000000001")])
    assert values["wall"] == 5 and len(problems) == 1
    assert "5.0000000001 is between steps" in problems[0].message and "; 5 is between" not in problems[0].message
    _, problems = parse_query(EXTRAPOLATE.params, [("wall", "5.2")])
    assert "5.2 is between steps" in problems[0].message


def test_every_figure_label_and_parameter_text_writes_minus_signs_truly():
    """Screen readers read figure labels and slider words; a hyphen standing for a minus is read as 'dash'."""
    from app.wording import faults
    for e in EXPLORABLES:
        for w in e.widgets:
            figures = [f for row in w.figures for f in (row if isinstance(row, tuple) else (row,))]
            texts = [f.label for f in figures] + [t for p in w.params for t in (p.label, p.help)]
            texts += [p.spoken_unit for p in w.params if p.kind != "choice"]
            for text in texts:
                assert not [f for f in faults(text) if f.startswith("a hyphen")], (e.slug, w.id, text)


def test_a_reason_a_control_has_no_effect_is_given_once():
    """The controls put 'No effect now:' before an inactive control's reason; a reason that says it again reads twice."""
    from sweep import examples, grid
    checked = 0
    for e in EXPLORABLES:
        for w in e.widgets:
            for state in examples(e, w) + grid(e, w)[::997]:
                for why in w.inactive(state).values():
                    checked += 1
                    assert not why.lower().startswith("no effect"), (e.slug, w.id, why)
    assert checked
