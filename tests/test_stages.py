"""A widget's later stages (framework.Stage, placed with [[stage:W.ID]]): their declaration is checked, each is shown
once after its widget with its own figures and controls, and its controls belong to the widget's one form, so one
state is sent, with scripts or without them (issue 34, one stage per section)."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from driving import SEEN
from helpers import HOLD_JS

from app import content
from app.framework import Figure, Number, Panel, Stage, Widget
from app.registry import EXPLORABLES
from app.startup import PROSE

STAGED = [(page, w, s) for page in EXPLORABLES for w in page.widgets for s in w.stages]
IDS = [f"{page.slug}-{w.id}-{s.id}" for page, w, s in STAGED]


class Tree(HTMLParser):
    """Every start tag, in order, with its attributes and its ancestors' attributes."""
    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "col", "wbr", "area", "base", "embed", "track"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict, tuple[dict, ...]]] = []
        self.stack: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), tuple(a for _, a in self.stack)))
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), tuple(a for _, a in self.stack)))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def where(self, **attrs) -> int:
        return next(i for i, (_, a, _) in enumerate(self.tags) if all(a.get(k) == v for k, v in attrs.items()))

    def inside(self, element_id: str, tag: str) -> list[dict]:
        return [a for t, a, up in self.tags if t == tag and any(u.get("id") == element_id for u in up)]


def active_state(widget, stage) -> tuple[dict, object]:
    """Settings of the widget's other controls (their defaults, else a choice changed) where a stage control has an
    effect (one shown unavailable cannot be moved), and that control."""
    tries = [{}] + [{q.name: v} for q in widget.params if q.kind == "choice" and q.name not in stage.params
                    for v in q.values]
    for changes in tries:
        free = [n for n in stage.params if n not in widget.inactive({**widget.defaults(), **changes})]
        if free:
            return changes, widget.param(free[0])
    raise AssertionError(f"{widget.id}: no state tried makes a control of stage {stage.id} available")


def _widget(*stages, figures=None):
    noop = lambda *a: None  # noqa: E731
    return Widget("toy", "Toy", params=(Number("a", "A", min=0, max=1, step=0.5, default=0),
                                        Number("b", "B", min=0, max=1, step=0.5, default=0)),
                  simulate=noop, figures=figures or (Figure("one", "One", noop), Figure("two", "Two", noop)),
                  panels=(Panel("drawing", "panel_drawing.html", noop),), summary=noop, table=noop, live=noop,
                  api=noop, response_model=object, stages=stages)


def test_the_registry_has_a_staged_widget_for_the_generic_tests_to_drive():
    assert STAGED


@pytest.mark.parametrize("stage,error", [
    (Stage("s", "S", figures=("three",)), "unknown figures"),
    (Stage("s", "S", panels=("map",)), "unknown panels"),
    (Stage("s", "S", params=("c",)), "unknown params"),
])
def test_a_stage_naming_what_its_widget_lacks_is_refused(stage, error):
    with pytest.raises(AssertionError, match=error):
        _widget(stage)


def test_a_stage_takes_whole_rows_and_each_part_belongs_to_one_stage():
    noop = lambda *a: None  # noqa: E731
    with pytest.raises(AssertionError, match="whole rows"):
        _widget(Stage("s", "S", figures=("one",)), figures=((Figure("one", "One", noop), Figure("two", "Two", noop)),))
    with pytest.raises(AssertionError, match="one stage"):
        _widget(Stage("s", "S", params=("a",)), Stage("t", "T", params=("a",)))
    toy = _widget(Stage("s", "S", figures=("two",), params=("b",)))
    first, later = toy.part(None), toy.part(toy.stages[0])
    assert [r[0].id for r in first["rows"]] == ["one"] and [p.name for p in first["params"]] == ["a"]
    assert [r[0].id for r in later["rows"]] == ["two"] and [p.name for p in later["params"]] == ["b"]
    assert [p.id for p in first["panels"]] == ["drawing"] and later["panels"] == ()


@pytest.mark.parametrize("page,widget,stage", STAGED, ids=IDS)
def test_the_prose_places_each_stage_once_after_its_widget(page, widget, stage):
    prose = PROSE[page.slug]
    assert content.check(page, prose) == []
    marker = f"[[stage:{widget.id}.{stage.id}]]"
    text = (page.folder / "content.md").read_text()
    # moved before its widget, or placed twice, or removed: each is refused
    before = text.replace(f"\n{marker}\n", "\n").replace(f"[[widget:{widget.id}]]", f"{marker}\n\n[[widget:{widget.id}]]")
    twice = text.replace(marker, f"{marker}\n\n{marker}")
    gone = text.replace(marker, "")
    for changed, words in ((before, "before its widget"), (twice, "placed 2 times"), (gone, "placed 0 times")):
        assert any(words in p for p in content.check(page, content.parse(changed))), words


@pytest.mark.parametrize("page,widget,stage", STAGED, ids=IDS)
def test_a_stage_shows_its_own_figures_and_controls_which_belong_to_the_widgets_form(client, page, widget, stage):
    tree = Tree(client.get(f"/{page.slug}").text)
    main, later = f"widget-{widget.id}", f"widget-{widget.id}--{stage.id}"
    assert tree.where(id=main) < tree.where(id=later)
    figures = lambda where: {d["data-figure"] for d in tree.inside(where, "div") if "data-figure" in d}  # noqa: E731
    assert figures(later) == {f.id for r in widget.part(stage)["rows"] for f in r}
    assert not figures(main) & set(stage.figures)
    own = [i for i in tree.inside(later, "input") if i.get("name")]
    assert {i["name"] for i in own} == set(stage.params)
    assert all(i.get("form") == f"form-{widget.id}" for i in own)            # submitted with the widget's form
    assert not {i.get("name") for i in tree.inside(f"form-{widget.id}", "input")} & set(stage.params)   # once
    (form,) = [a for t, a, _ in tree.tags if a.get("id") == f"form-{widget.id}"]
    # a live widget updates as its stage's controls move; one updated by its button, when a button is pressed
    assert (f"input from:#controls-{widget.id}--{stage.id}" in form["hx-trigger"]) == widget.live_update
    # in a scene of its own (beside its own section's prose on a wide screen)
    scene = lambda where: next(i for i, (_, a, up) in enumerate(tree.tags) if a.get("id") == where)  # noqa: E731
    scenes = [i for i, (_, a, _) in enumerate(tree.tags) if a.get("class") == "scene"]
    assert [s for s in scenes if s < scene(main)][-1] != [s for s in scenes if s < scene(later)][-1]


@pytest.mark.browser
@pytest.mark.parametrize("page,widget,stage", STAGED, ids=IDS)
def test_without_scripts_a_stage_submits_the_whole_widget_state_and_lands_on_the_stage(watched, server_url, page,
                                                                                        widget, stage):
    changes, p = active_state(widget, stage)
    for q in widget.params:       # the widget's other settings away from their defaults, where p still has an effect
        if q.kind in ("number", "choice") and q.name not in stage.params and q.name not in changes:
            far = q.values[-1] if q.kind == "choice" else q.max
            moved = {**changes, q.name: far if far != q.default else (q.values[0] if q.kind == "choice" else q.min)}
            if p.name not in widget.inactive({**widget.defaults(), **moved}):
                changes = moved
    others = {name: widget.param(name).to_text(v) for name, v in changes.items()}
    assert others, "the test would not see the rest of the state carried"

    tab = watched(java_script_enabled=False).new_page()
    tab.goto(f"{server_url}/{page.slug}?" + "&".join(f"{k}={v}" for k, v in others.items()))
    if p.kind == "choice":
        value = next(v for v in p.values if v != p.default)
        tab.locator(f"#controls-{widget.id}--{stage.id} input[name={p.name}][value='{value}']").check()
    else:
        value = p.to_text(p.max if p.default != p.max else p.min)
        tab.locator(f"#{widget.id}-{p.name}").fill(value)
    tab.locator(f"#controls-{widget.id}--{stage.id} button.update").click()
    tab.wait_for_url(re.compile(rf".*[?&]{p.name}={re.escape(value)}.*"))
    state = dict(parse_qsl(urlsplit(tab.url).query))
    assert all(state[k] == v for k, v in others.items())       # the rest of the widget's state came along
    assert urlsplit(tab.url).fragment == f"widget-{widget.id}--{stage.id}"


@pytest.mark.browser
@pytest.mark.parametrize("page,widget,stage", STAGED, ids=IDS)
def test_with_scripts_a_stages_button_updates_the_widget_in_place(watched, server_url, page, widget, stage):
    """The stage's button names the stage as its no-script landing (formaction); htmx took that for the update's
    address and swapped the whole page into the widget's figure data (sdstage report)."""
    changes, p = active_state(widget, stage)
    value = (next(v for v in p.values if v != p.default) if p.kind == "choice"
             else p.to_text(p.max if p.default != p.max else p.min))
    tab = watched().new_page()
    tab.goto(f"{server_url}/{page.slug}?" + "&".join(f"{k}={widget.param(k).to_text(v)}" for k, v in changes.items())
             + f"#widget-{widget.id}--{stage.id}")
    tab.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                          arg=widget.id)
    tab.evaluate("""([sid, name, value]) => {
        const c = document.getElementById('controls-' + sid);
        c.querySelectorAll('input[name="' + name + '"]').forEach(i => {
          if (i.type === 'radio') i.checked = i.value === value; else i.value = value; });
        c.querySelector('button.update').click(); }""", [f"{widget.id}--{stage.id}", p.name, value])
    tab.wait_for_function("([n, v]) => new URLSearchParams(location.search).get(n) === v", arg=[p.name, value])
    tab.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                          arg=widget.id)
    assert tab.evaluate("() => document.querySelectorAll('article.explorable, h1').length") == 2   # the page once
    assert tab.evaluate(f"() => document.querySelectorAll('#figdata-{widget.id}.figdata').length") == 1


# Stages whose controls change a chart of their own in view on a phone (and the first part's drawing, off screen).
SEEN_HERE = [("big-picture", "thought", "valence", "fear_guess"), ("outer-and-inner-alignment", "agent", "deploy", "editor")]


@pytest.mark.browser
@pytest.mark.parametrize("slug,wid,sid,name", SEEN_HERE)
def test_on_a_phone_a_stage_control_whose_change_shows_in_its_stage_holds_nothing_from_elsewhere(watched, server_url,
                                                                                                 slug, wid, sid, name):
    """Page review: in the big-picture stage, a copy of the first section's drawing covered the chart the slider moved
    (the OIA stage likewise: the map held over its chart)."""
    page = next(e for e in EXPLORABLES if e.slug == slug)
    widget = page.widget(wid)
    p = widget.param(name)
    tab = watched(viewport={"width": 390, "height": 844}).new_page()
    tab.goto(f"{server_url}/{page.slug}#widget-{widget.id}--{sid}")
    tab.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                          arg=widget.id)
    tab.evaluate(HOLD_JS)
    control = tab.locator(f"#controls-{widget.id}--{sid} input[name={p.name}]").first
    control.evaluate("c => c.scrollIntoView({block: 'center'})")
    before = tab.evaluate("wid => window.__hold.signature(wid)", widget.id)
    control.focus()
    tab.keyboard.press("End" if p.kind != "choice" else "ArrowRight")
    tab.wait_for_function("([n, v]) => new URLSearchParams(location.search).get(n) !== v", arg=[p.name, p.to_text(p.default)])
    tab.wait_for_function("wid => document.getElementById('widget-' + wid).dataset.figureState === 'drawn'",
                          arg=widget.id)
    tab.evaluate("() => window.__hold.frames()")
    seen = tab.evaluate(SEEN, [widget.id, before])
    inside = "([sid, id]) => !!document.getElementById('widget-' + sid).querySelector('#' + id)"
    assert seen and tab.evaluate(inside, [f"{widget.id}--{sid}", seen["id"]]) and seen["shown"] >= 0.8, seen
    held = tab.evaluate("() => { const h = document.querySelector('.hold'); return h && !h.hidden ? h.dataset.holdOf : null; }")
    assert held is None or tab.evaluate(inside, [f"{widget.id}--{sid}", held]), held
