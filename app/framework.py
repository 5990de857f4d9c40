"""The explorable framework: how a page, its widgets, figures and parameters are declared.

Every explorable is one folder under app/pages/ whose page.py declares a `Page`. A `Widget` is
one interactive figure: its parameters (declared once, as `Number` / `Step` / `Choice`), a pure
simulation, and pure presenters (figures, summary, table, live numbers, JSON). The same
parameter declarations render the controls (templates/_widget.html), validate query strings
(`parse_query`), and document the JSON API in OpenAPI (`openapi_parameters`).

Why a small validator of our own rather than a pydantic query model: a page must keep every
*good* parameter and fall back to the default for each *bad* one, with a notice naming it,
while the API rejects the request naming the same parameter and range. pydantic validates a
model all-or-nothing and words its errors its own way, so both paths share this one function
instead, and FastAPI still publishes the parameters (see `openapi_parameters`).
"""
from __future__ import annotations

import inspect

import math
import re
from dataclasses import KW_ONLY, dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, Union

from pydantic import BaseModel, Field

from app import figkit
from app.wording import MINUS, singular

# A plain decimal or scientific literal; rejects 'nan', 'inf', '1_0', hex, whitespace.
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?", re.ASCII)
MAX_VALUE_CHARS = 40


def fmt_number(value: float) -> str:
    """Canonical short text for a number in URLs and labels: 2.0 -> '2', 0.25 -> '0.25'."""
    text = f"{value:.10g}"
    return "0" if text == "-0" else text


def shown_number(value: float) -> str:
    """fmt_number as a reader sees it, with the true minus sign and a comma from 1,000: '−3', '3,000' (links keep
    '-3' and '3000')."""
    return re.sub(r"^(-?)(\d{4,})", lambda m: f"{m[1]}{int(m[2]):,}", fmt_number(value)).replace("-", MINUS)


@dataclass(frozen=True)
class Number:
    """A bounded numeric parameter, shown as a slider (native range input).

    A "%" parameter reads 0-100 on the page, in links and in the API; its model receives the
    fraction (value / 100)."""

    name: str
    label: str
    _: KW_ONLY
    min: float
    max: float
    step: float
    default: float
    unit: str = ""          # short unit shown after the value, e.g. "%"
    help: str = ""          # one sentence under the slider; also the API description
    unit_words: str = ""    # the unit as a screen reader should say it (aria-valuetext); default: unit
    integer: bool = False   # only whole numbers (counts, minutes, steps)
    aliases: tuple[str, ...] = ()   # former names, still accepted in links and API calls

    kind = "number"

    def __post_init__(self) -> None:
        # Declarations may use ints; values are floats, or ints for whole-number parameters.
        for name in ("min", "max", "step", "default"):
            object.__setattr__(self, name, float(getattr(self, name)))
        if self.integer:
            object.__setattr__(self, "default", int(self.default))
        assert self.min <= self.default <= self.max, self.name
        assert self.step > 0, self.name
        assert self.snap(self.default) == self.default, f"{self.name}: default off its step grid"

    @property
    def range_text(self) -> str:
        unit = "" if not self.unit else self.unit if self.unit == "%" else f" {self.unit}"
        kind = "a whole number" if self.integer else "a number"
        return f"{kind} from {shown_number(self.min)} to {shown_number(self.max)}{unit}"

    def parse(self, raw: str) -> float:
        """Return the value or raise ValueError with a message naming the parameter and range."""
        if len(raw) > MAX_VALUE_CHARS or not _NUMBER.fullmatch(raw):
            raise ValueError(f"{self.name} must be {self.range_text}")
        value = float(raw)
        if not math.isfinite(value) or not (self.min <= value <= self.max) or (
                self.integer and not value.is_integer()):
            raise ValueError(f"{self.name} must be {self.range_text}")
        nearest = self.snap(value)
        if nearest != value:     # on the grid means written as its step's value (0.3, not 0.30000000000000004)
            # Quoted as written where the rounded number would read as the step itself ('5 is between steps').
            written = shown_number(value)
            if written == shown_number(nearest):
                written = raw.lstrip("+").replace("-", "−")
            raise OffGrid(f"{self.name} moves in steps of {shown_number(self.step)} from {shown_number(self.min)}; "
                          f"{written} is between steps", nearest)
        return nearest

    def snap(self, value: float) -> float:
        """The nearest value on the declared grid (min + k * step), as the model receives it."""
        k = math.floor((value - self.min) / self.step + 0.5)   # halves round up, as readers expect
        nearest = min(self.max, round(self.min + k * self.step, 10)) + 0.0  # + 0.0 normalises -0.0
        return int(nearest) if self.integer else nearest

    def grid(self) -> list[float]:
        """Every value the slider can take, in order."""
        return [self.snap(self.min + k * self.step) for k in range(round((self.max - self.min) / self.step) + 1)]

    def to_text(self, value: float) -> str:
        return fmt_number(value)

    def to_model(self, value: float) -> float:
        return value / 100.0 if self.unit == "%" else value

    def display(self, value: float) -> str:
        """The value as its label and draggable number show it: '−3 points', '1 step', with the true minus sign."""
        unit = self.unit if self.unit in ("%", "") else f" {self.unit_after(value, self.unit)}"
        return f"{shown_number(value)}{unit}"

    @staticmethod
    def unit_after(value: float, unit: str) -> str:
        """The unit as it reads after this value: its first word singular after 1 or −1 ('1 point a day')."""
        return singular(unit) if abs(value) == 1 else unit

    @property
    def widest(self) -> int:
        """Characters in the longest value shown (its label keeps that width, so nothing reflows)."""
        k = round((self.max - self.min) / self.step)
        return max(len(self.display(round(self.min + i * self.step, 10))) for i in range(k + 1))

    @property
    def spoken_unit(self) -> str:
        return self.unit_words or ("percent" if self.unit == "%" else self.unit)

    def aria_valuetext(self, value: float) -> str:
        return f"{shown_number(value)} {self.unit_after(value, self.spoken_unit)}".strip()

    def openapi_schema(self) -> dict:
        # Every declared grid starts on a multiple of its step (tests/test_framework.py), so the grid
        # is exactly the multiples of the step inside the bounds.
        if self.integer:
            return {"type": "integer", "minimum": int(self.min), "maximum": int(self.max), "default": self.default,
                    "multipleOf": int(self.step)}
        return {"type": "number", "minimum": self.min, "maximum": self.max, "default": self.default,
                "multipleOf": self.step}


@dataclass(frozen=True)
class Step(Number):
    """A step counter for a step-through: a slider with Previous / Next buttons beside it. Its words come before
    the number when spoken: 'race 66', 'move 5'."""

    kind = "stepper"

    def aria_valuetext(self, value: float) -> str:
        return f"{self.spoken_unit} {shown_number(value)}".strip()


@dataclass(frozen=True)
class Choice:
    """A parameter with a few named options, shown as a group of radio buttons."""

    name: str
    label: str
    _: KW_ONLY
    options: tuple[tuple[str, str], ...]   # (value, label)
    default: str
    help: str = ""
    aliases: tuple[str, ...] = ()

    kind = "choice"

    def __post_init__(self) -> None:
        assert self.default in self.values, self.name

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.options)

    @property
    def range_text(self) -> str:
        return "one of " + ", ".join(f"'{v}'" for v in self.values)

    def parse(self, raw: str) -> str:
        if raw not in self.values:
            raise ValueError(f"{self.name} must be {self.range_text}")
        return raw

    def to_text(self, value: str) -> str:
        return value

    def grid(self) -> list[str]:
        return list(self.values)

    def to_model(self, value: str) -> str:
        return value

    def display(self, value: str) -> str:
        return dict(self.options)[value]

    def openapi_schema(self) -> dict:
        return {"type": "string", "enum": list(self.values), "default": self.default}


Param = Union[Number, Step, Choice]


@dataclass(frozen=True)
class Problem:
    """One rejected query parameter: its name, a message naming the allowed range, and
    (for display) what was given, shortened. `snapped`: a value between slider steps that the page
    moved to the nearest step (the API refuses it like any other problem)."""

    name: str
    message: str
    given: str = ""
    snapped: bool = False
    refusal: str = ""      # the message as the API, which refuses the value, gives it (default: `message`)

    @property
    def api_message(self) -> str:
        return self.refusal or self.message


class OffGrid(ValueError):
    """A value inside the range but between the declared steps; `nearest` is the step it rounds to."""

    def __init__(self, message: str, nearest: float) -> None:
        super().__init__(message)
        self.nearest = nearest


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS] + "…"


def parse_query(params: Sequence[Param], query: Sequence[tuple[str, str]]) -> tuple[dict[str, Any], list[Problem]]:
    """Validate query items against declared parameters.

    Returns (values, problems): `values` holds every declared parameter, taken from the query
    when valid and from the default otherwise; `problems` names everything that was rejected
    (unknown names, repeats, out-of-range or malformed values). Pure: no web code.
    """
    by_name = {p.name: p for p in params}
    alias = {old: p.name for p in params for old in p.aliases}
    seen: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for name, raw in query:
        name = alias.get(name, name)
        if name not in by_name:
            shown = _shorten(name)
            allowed = ", ".join(by_name) or "none"
            problems.append(Problem(shown, f"unknown parameter '{shown}'; the parameters are: {allowed}",
                                    f"{shown}={_shorten(raw)}"))
            continue
        seen.setdefault(name, []).append(raw)
    values: dict[str, Any] = {}
    for p in params:
        raws = seen.get(p.name)
        if not raws:
            values[p.name] = p.default
        elif len(raws) > 1:
            problems.append(Problem(p.name, f"{p.name} was given {len(raws)} times; give it once, as {p.range_text}",
                                    "&".join(f"{p.name}={_shorten(r)}" for r in raws[:3])))
            values[p.name] = p.default
        else:
            try:
                values[p.name] = p.parse(raws[0])
            except OffGrid as exc:
                nearest = shown_number(exc.nearest)
                problems.append(Problem(p.name, f"{exc}, so it was rounded to {nearest}", f"{p.name}={_shorten(raws[0])}",
                                        snapped=True, refusal=f"{exc}; the nearest step is {nearest}"))
                values[p.name] = exc.nearest
            except ValueError as exc:
                problems.append(Problem(p.name, str(exc), f"{p.name}={_shorten(raws[0])}"))
                values[p.name] = p.default
    return values, problems


def canonical_query(params: Sequence[Param], values: Mapping[str, Any]) -> str:
    """The canonical query string for a state: every parameter, in declared order."""
    from urllib.parse import urlencode

    return urlencode([(p.name, p.to_text(values[p.name])) for p in params])


def openapi_parameters(params: Sequence[Param]) -> list[dict]:
    """OpenAPI 'parameters' entries for the declared parameters (used by the JSON API)."""
    return [
        {
            "name": p.name,
            "in": "query",
            "required": False,
            "description": f"{p.label}. {p.help} Must be {p.range_text}.".replace(". .", "."),
            "schema": p.openapi_schema(),
        }
        for p in params
    ]


@dataclass(frozen=True)
class Table:
    """A data table: caption, column headers, rows of already-formatted cells."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Panel:
    """Extra presentation beside a widget's figures (e.g. a diagram), re-rendered on each update:
    present(result, values) -> context for `template`, a file in the page's folder that renders
    the panel's inside (swapped into #panel-WIDGET-ID on every update)."""

    id: str
    template: str
    present: Callable[[Any, Mapping[str, Any]], dict]
    _: KW_ONLY
    before_figures: bool = True   # shown above the figures (else below them)
    preview: bool = False         # its drawing (wide layout) is the widget's link-preview picture


@dataclass(frozen=True)
class Stage:
    """A later part of a widget in a section of its own, placed with [[stage:WIDGET.ID]]: the figure rows,
    panels and controls it names are shown there, and still belong to the widget (one state, one form, one
    update). `label` names the stage's figure for screen readers."""

    id: str
    label: str
    _: KW_ONLY
    figures: tuple[str, ...] = ()   # figure ids: whole rows of the widget's figures
    panels: tuple[str, ...] = ()    # panel ids
    params: tuple[str, ...] = ()    # parameter names (not a step-through's)


@dataclass(frozen=True)
class Truth:
    """What a phrase asserts about the model's numbers. Wherever `pattern` (a regular expression)
    occurs in any text a widget shows at a state (its claims, summary, live numbers, notes, table,
    panels), `holds(result)` (or `holds(result, match)`, to read a number the phrase quotes) must be
    true. The predicate reads the simulation's result, never the presenter's choices; tests/test_truths.py
    evaluates it over a dense grid of the widget's parameters. `means`: the predicate in words."""

    pattern: str
    holds: Callable[..., bool]
    means: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))
        arity = len(inspect.signature(self.holds).parameters)
        object.__setattr__(self, "arity", arity)

    def failures(self, result: Any, text: str) -> list[str]:
        """Each occurrence of the phrase in `text` at which the predicate does not hold."""
        bad = []
        for m in self.regex.finditer(text):
            ok = self.holds(result, m) if self.arity == 2 else self.holds(result)
            if not ok:
                bad.append(f"'{m.group(0)}' is said, but not {self.means}")
        return bad


@dataclass(frozen=True)
class Claim:
    """A sentence that states a result of the simulation, placed in prose as [[claim:WIDGET.ID]].
    `say(result)` words it from the numbers the page shows, or chooses among fixed wordings
    (`Claim.either`); the page, the HTMX update and the JSON API all carry the same sentence.
    `options`: every wording it may choose, if fixed. `truths`: what its phrases assert, as predicates
    on the result; every sentence it says must contain at least one of them (tests/test_truths.py)."""

    id: str
    say: Callable[[Any], str]
    options: tuple[str, ...] = ()
    truths: tuple[Truth, ...] = ()

    @classmethod
    def either(cls, id: str, holds: Callable[[Any], bool], yes: str | Callable[[Any], str],
               no: str | Callable[[Any], str], truths: tuple[Truth, ...] = ()) -> "Claim":
        """`yes` where `holds(result)`, else `no` (each a fixed sentence or one worded from the result)."""
        def say(result: Any) -> str:
            chosen = yes if holds(result) else no
            return chosen(result) if callable(chosen) else chosen
        fixed = tuple(w for w in (yes, no) if isinstance(w, str))
        return cls(id, say, options=fixed if len(fixed) == 2 else (), truths=truths)


@dataclass(frozen=True)
class Figure:
    """One Plotly figure of a widget: build(result) -> {"data": [...], "layout": {...}} as plain
    dicts; the framework sets layout.height from `height`, which the page also reserves in CSS."""

    id: str
    label: str                       # what the figure shows, for screen readers (aria-label)
    build: Callable[[Any], dict]
    _: KW_ONLY
    height: int = 300
    # In a row of figures: the label of an arrow drawn under the row from the previous figure to
    # this one (a schematic's "this stage leads to that one, by doing X").
    lead_in: str = ""

    def render(self, result: Any) -> dict:
        figure = figkit.legible(self.build(result))
        figure["layout"] = {"height": self.height, **figure["layout"]}
        return figure


FigureRow = Union[Figure, tuple[Figure, ...]]


def presenter_names(widget_id: str) -> dict[str, str]:
    """Where a widget's presenters live in its page's present.py, by role."""
    camel = "".join(part.capitalize() for part in re.split(r"[_-]", widget_id))
    return {"summary": f"{widget_id}_summary", "table": f"{widget_id}_table", "live": f"{widget_id}_live",
            "api": f"{widget_id}_api", "response_model": f"{camel}Response", "claims": f"{widget_id.upper()}_CLAIMS",
            "truths": f"{widget_id.upper()}_TRUTHS"}


class WidgetResponse(BaseModel):
    """What every widget's API answers: the parameters it ran with, then its own fields."""
    parameters: dict[str, Any] = Field(description="The validated parameters used, defaults filled in.")


@dataclass(frozen=True)
class Widget:
    """One interactive figure. `simulate` is pure and deterministic; the rest present its result.

    simulate(**model values) -> result ("%" parameters arrive as fractions)
    figures: the figures in reading order; a tuple of figures sits side by side in one row
    summary(result) -> one or two sentences describing the figures in words
    table(result) -> Table (the data-table alternative to the figures)
    live(result) -> {name: text}: the live numbers that prose can quote as [[live:ID.name]]
    api(values, result) -> JSON-able dict validated against `response_model`
    """

    id: str
    title: str
    _: KW_ONLY
    params: tuple[Param, ...]
    simulate: Callable[..., Any]
    figures: tuple[FigureRow, ...]
    # The presenters: found in `present` (the page's present.py) by the widget's id when not given:
    # <id>_summary, <id>_table, <id>_live, <id>_api, <Id>Response, <ID>_CLAIMS (see presenter_names).
    present: Any = None
    summary: Callable[[Any], str] = None
    table: Callable[[Any], Table] = None
    live: Callable[[Any], dict[str, str]] = None
    api: Callable[[Mapping[str, Any], Any], dict] = None   # its answer; the API adds "parameters" first
    response_model: Any = None                              # a WidgetResponse
    notes: Callable[[Mapping[str, Any]], list[str]] = lambda values: []  # state-dependent remarks
    legend: tuple[tuple[str, str, str], ...] = ()   # (label, colour, pattern '' | '/' | '.') above the figures
    panels: tuple[Panel, ...] = ()
    live_update: bool = True      # update while the reader drags; False: only on the submit button
    api_path: str = ""            # default /api/SLUG (one widget) or /api/SLUG/WIDGET
    submit_label: str = "Update the figure"
    submit_result: Callable[[Any], str] | None = None   # a short result shown beside the submit button
    step_count: Callable[[Any], int] | None = None      # a step-through: how many steps this state has
    # Parameters that have no effect at these values, each with the reason (their controls are shown
    # unavailable; tests/test_reading_aids.py checks that moving one really changes nothing).
    inactive: Callable[[Mapping[str, Any]], Mapping[str, str]] = lambda values: {}
    claims: tuple[Claim, ...] = None   # the sentences about its results the prose may place (default none)
    truths: tuple[Truth, ...] = None   # what phrases of its other texts (summary, live, table) assert (default none)
    # simulate_many([model values, ...]) -> [result, ...]: the same results as `simulate`, many settings
    # run side by side where that is much cheaper (the truth sweep); tests/test_truths.py checks they agree.
    simulate_many: Callable[[list[dict]], list] | None = None
    stages: tuple[Stage, ...] = ()   # later parts placed in sections of their own (the first part is the rest)

    def claim_texts(self, result: Any) -> dict[str, str]:
        return {c.id: c.say(result) for c in self.claims}

    @property
    def all_truths(self) -> tuple[Truth, ...]:
        return tuple(t for c in self.claims for t in c.truths) + tuple(self.truths)

    def __post_init__(self) -> None:
        ids = [f.id for f in self.figure_list]
        assert ids and len(ids) == len(set(ids)), f"{self.id}: figure ids must be unique"
        for role, name in presenter_names(self.id).items():
            if getattr(self, role) is None:
                found = getattr(self.present, name, None)
                if found is None and role in ("claims", "truths"):
                    found = ()
                assert found is not None, f"widget {self.id}: no {role}= given and no {name} in its present module"
                object.__setattr__(self, role, found)
        for stage in self.stages:
            known = {"figures": set(ids), "panels": {p.id for p in self.panels},
                     "params": {p.name for p in self.params if p.kind != "stepper"}}
            for kind, names in known.items():
                unknown = set(getattr(stage, kind)) - names
                assert not unknown, f"{self.id}: stage {stage.id} names unknown {kind} {sorted(unknown)}"
            assert all(set(f.id for f in row) <= set(stage.figures) or not set(f.id for f in row) & set(stage.figures)
                       for row in self.rows), f"{self.id}: stage {stage.id} must take whole rows of figures"
        for kind in ("figures", "panels", "params"):
            named = [n for s in self.stages for n in getattr(s, kind)]
            assert len(named) == len(set(named)), f"{self.id}: a stage's {kind} belong to one stage"
        assert len({s.id for s in self.stages}) == len(self.stages), f"{self.id}: stage ids must be unique"

    def part(self, stage: "Stage | None") -> dict[str, tuple]:
        """What one part of the widget shows: the first (stage None) or a stage's rows, panels and params."""
        later = {kind: {n for s in self.stages for n in getattr(s, kind)} for kind in ("figures", "panels", "params")}
        mine = (lambda kind, n: n not in later[kind]) if stage is None else (lambda kind, n: n in getattr(stage, kind))
        return {"rows": tuple(r for r in self.rows if mine("figures", r[0].id)),
                "panels": tuple(p for p in self.panels if mine("panels", p.id)),
                "params": tuple(p for p in self.params if mine("params", p.name))}

    def stage(self, stage_id: str) -> "Stage | None":
        return next((s for s in self.stages if s.id == stage_id), None)

    @property
    def rows(self) -> tuple[tuple[Figure, ...], ...]:
        return tuple(row if isinstance(row, tuple) else (row,) for row in self.figures)

    @property
    def figure_list(self) -> tuple[Figure, ...]:
        return tuple(f for row in self.rows for f in row)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def at_defaults(self, *args: Any, **changes: Any) -> Any:
        """The simulation at the declared defaults, with changes (by position or name) in the model's
        own units: model tests use it, so the defaults live in the declaration only."""
        signature = inspect.signature(self.simulate)
        given = dict(signature.bind_partial(*args, **changes).arguments)
        for name, p in signature.parameters.items():     # a model taking **params: its changes by name
            if p.kind is p.VAR_KEYWORD and name in given:
                given.update(given.pop(name))
        return self.simulate(**{**{p.name: p.to_model(p.default) for p in self.params}, **given})

    def run(self, values: Mapping[str, Any]) -> Any:
        """The simulation at these (validated) parameter values."""
        return self.simulate(**{p.name: p.to_model(values[p.name]) for p in self.params})

    def run_many(self, states: Sequence[Mapping[str, Any]]) -> list:
        """`run` at each state, through `simulate_many` where the widget has one."""
        if self.simulate_many is None:
            return [self.run(v) for v in states]
        return self.simulate_many([{p.name: p.to_model(v[p.name]) for p in self.params} for v in states])

    def render_figures(self, result: Any) -> dict[str, dict]:
        return {f.id: f.render(result) for f in self.figure_list}


@dataclass(frozen=True, eq=False)
class Page:
    """One explorable page, declared in app/pages/<package>/page.py as PAGE. The loader
    (app.pages.load) binds its slug (the package name with dashes), its folder and the front
    matter of its content.md (title, summary, description, sources, simplifications)."""

    _: KW_ONLY
    theme: str                      # a key of registry.THEMES: where the home page files it
    widgets: tuple[Widget, ...]
    examples: tuple[Mapping[str, Any], ...] = ()   # states (as link parameters) the generic tests visit
    extremes: tuple[Mapping[str, Any], ...] = ()   # states far from the defaults, where figures crowd
    slug: str = ""
    folder: Path = Path()
    meta: Mapping[str, Any] = field(default_factory=dict)
    preview: str = ""               # preview.svg, shown on the home page's map
    style: str = ""                 # the folder's optional style.css, appended to the site's stylesheet

    def __post_init__(self) -> None:
        names = [n for w in self.widgets for p in w.params for n in (p.name, *p.aliases)]
        assert len(names) == len(set(names)), f"{self.slug}: parameter names must be unique per page"

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def summary(self) -> str:
        return self.meta["summary"]

    @property
    def params(self) -> tuple[Param, ...]:
        return tuple(p for w in self.widgets for p in w.params)

    def api_path(self, widget: Widget) -> str:
        """Where a widget's JSON API lives: its own api_path, else /api/SLUG (one widget) or
        /api/SLUG/WIDGET."""
        return widget.api_path or (f"/api/{self.slug}" if len(self.widgets) == 1 else f"/api/{self.slug}/{widget.id}")

    def widget(self, widget_id: str) -> Widget | None:
        return next((w for w in self.widgets if w.id == widget_id), None)
