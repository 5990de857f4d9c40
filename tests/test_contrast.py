"""Every colour a figure draws data with has >= 3:1 contrast against the page, in both themes
(WCAG 1.4.11); the dark theme's colour swaps are those of the figure kit (app/figkit.py)."""
from __future__ import annotations

import json
import html
import re

import pytest

from app import figkit
from app.registry import EXPLORABLES

DARK_SWAPS = {light.lower(): dark for light, dark in figkit.DARK_SWAPS}
BACKGROUNDS = {"light": "#ffffff", "dark": "#0d1117"}
DATA_KEYS = ("color", "colors", "fillcolor")


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def data_colours(trace: dict) -> set[str]:
    found = set()
    for part in (trace, trace.get("marker", {}), trace.get("line", {}), trace.get("marker", {}).get("line", {})):
        for key in DATA_KEYS:
            value = part.get(key) if isinstance(part, dict) else None
            for v in (value if isinstance(value, list) else [value]):
                if isinstance(v, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", v):
                    found.add(v.lower())
    return found - {"#ffffff"}          # white: slice borders, which the dark theme swaps to the page colour


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_chart_marks_contrast_with_both_themes(explorable):
    for widget in explorable.widgets:
        figures = widget.render_figures(widget.run(widget.defaults()))
        for fid, fig in figures.items():
            for trace in json.loads(json.dumps(fig))["data"]:
                for colour in data_colours(trace):
                    for theme, bg in BACKGROUNDS.items():
                        shown = DARK_SWAPS.get(colour, colour) if theme == "dark" else colour
                        assert contrast(shown, bg) >= 3.0, (widget.id, fid, colour, theme, round(contrast(shown, bg), 2))


def page_words(fig: dict):
    """(colour, what) of each word drawn on the page itself in a figure: annotations with no box or one of the page's
    colour, trace text."""
    for a in fig["layout"].get("annotations") or ():
        if a.get("bgcolor", figkit.PAPER) == figkit.PAPER and isinstance((a.get("font") or {}).get("color"), str):
            yield a["font"]["color"], a.get("text", "")[:30]
    for t in fig["data"]:
        if t.get("textposition") != "inside" and isinstance((t.get("textfont") or {}).get("color"), str):
            yield t["textfont"]["color"], t.get("name", "")


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_words_a_figure_draws_in_a_data_colour_read_at_4_5_to_1_in_both_themes(explorable):
    """Screenshot review, issue 34: line labels in the data colours read at 3.1-3.9:1 (orange, green, pink on the
    light page, blue on the dark one): WCAG 1.4.3 asks 4.5:1 of words. (Black words sit on fills: not checked here.)"""
    data = {figkit.GREEN, figkit.VERMILION, figkit.BLUE, figkit.PINK, *figkit.TEXT_SHADES.values()}
    for state in ({}, *explorable.extremes):
        for widget in explorable.widgets:
            values = {**widget.defaults(), **{k: v for k, v in state.items() if k in widget.defaults()}}
            for fid, fig in json.loads(json.dumps(widget.render_figures(widget.run(values)))).items():
                for colour, what in page_words(fig):
                    if colour not in data:
                        continue
                    for theme, bg in BACKGROUNDS.items():
                        shown = DARK_SWAPS.get(colour.lower(), colour) if theme == "dark" else colour
                        assert contrast(shown, bg) >= 4.5, (widget.id, fid, what, colour, theme)


def test_pages_carry_the_dark_swaps_for_the_browser(client):
    for path in ("/", f"/{EXPLORABLES[0].slug}", "/glossary"):
        found = re.search(r"<html [^>]*data-dark-swaps='([^']*)'", client.get(path).text)
        assert found, path
        assert json.loads(html.unescape(found.group(1))) == [list(pair) for pair in figkit.DARK_SWAPS]


KIT_COLOURS = {figkit.GREEN, figkit.VERMILION, figkit.BLUE, figkit.PINK, figkit.GREY, figkit.BLACK, figkit.WHITE,
               figkit.INK, figkit.PAPER, figkit.GRID, figkit.BAND, figkit.BAND_STRONG, figkit.TRANSPARENT,
               *figkit.TEXT_SHADES.values()}
COLOUR = re.compile(r'"(#[0-9a-fA-F]{3,8}|rgba?\([^)]*\)|white|black)"')


@pytest.mark.parametrize("explorable", EXPLORABLES, ids=lambda e: e.slug)
def test_figures_draw_only_with_the_kit_colours(explorable):
    """A colour outside the kit would not be recoloured for the dark theme, or checked above."""
    for state in ({}, *explorable.extremes):
        for widget in explorable.widgets:
            values = {**widget.defaults(), **{k: v for k, v in state.items() if k in widget.defaults()}}
            text = json.dumps(widget.render_figures(widget.run(values)))
            assert set(COLOUR.findall(text)) <= KIT_COLOURS, (widget.id, set(COLOUR.findall(text)) - KIT_COLOURS)
