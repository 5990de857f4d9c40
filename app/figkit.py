"""The figure kit: the one palette, font, paper and axis defaults every figure is drawn with, the
dark-theme colour swaps, and the CSS each declared figure needs (its reserved height).

Figures are drawn server-side in light-theme ink; the browser swaps the colours in DARK_SWAPS for
the dark theme (static/js reads them from the page), so a figure uses only the names below.
"""
from __future__ import annotations

from typing import Any, Iterable

# Okabe-Ito colour-blind-safe colours (only those with >= 3:1 contrast against both the light and
# the dark page; tests/test_contrast.py checks every colour a figure draws data with).
GREEN = "#009E73"
VERMILION = "#D55E00"
BLUE = "#0072B2"
PINK = "#CC79A7"
GREY = "#767676"
BLACK = "#000000"
WHITE = "white"             # text on a dark fill: the same in both themes (never swapped)

INK = "#1f2328"             # text and rules
PAPER = "#ffffff"           # the page behind a figure (slice borders, pattern strokes, label backs)
GRID = "rgba(0,0,0,0.1)"    # grid lines and axis lines
BAND = "rgba(0,0,0,0.05)"   # shaded spans behind data
BAND_STRONG = "rgba(0,0,0,0.06)"
TRANSPARENT = "rgba(0,0,0,0)"

# Words in a data colour on the page (line labels, numbers beside bars) need 4.5:1 (WCAG 1.4.3), more than marks:
# a darker shade of each on the light page, and on the dark page the colour itself or, for blue, a lighter one
# (figure text gets them through `legible`, in Figure.render; tests/test_contrast.py checks both themes).
TEXT_SHADES = {GREEN: "#007A5A", VERMILION: "#B84F00", PINK: "#AD4F84", BLUE: "#0072B1"}
TEXT_DARK = {"#007A5A": GREEN, "#B84F00": VERMILION, "#AD4F84": PINK, "#0072B1": "#56B4E9"}

DARK_SWAPS: tuple[tuple[str, str], ...] = (
    (INK, "#e6edf3"), (PAPER, "#0d1117"), (GRID, "rgba(255,255,255,0.14)"), (BAND, "rgba(255,255,255,0.08)"),
    (BAND_STRONG, "rgba(255,255,255,0.09)"), (GREY, "#8b949e"), *TEXT_DARK.items(),
)


def legible(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure with its words on the page (annotations with no box or one of the page's colour, trace text not
    inside a bar) in the text shade of their data colour."""
    for a in figure.get("layout", {}).get("annotations") or ():
        font = a.get("font")
        if isinstance(font, dict) and a.get("bgcolor", PAPER) == PAPER and font.get("color") in TEXT_SHADES:
            a["font"] = {**font, "color": TEXT_SHADES[font["color"]]}
    for t in figure.get("data") or ():
        font = t.get("textfont")
        if isinstance(font, dict) and t.get("textposition") != "inside" and font.get("color") in TEXT_SHADES:
            t["textfont"] = {**font, "color": TEXT_SHADES[font["color"]]}
    return figure

FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"

# Plotly fill patterns, so kinds differ by more than hue: '' solid, '/' hatch, '.' dots.
SOLID, HATCH, DOTS = "", "/", "."

# A legend at the figure's foot, clear of the x-axis title even when it wraps.
FOOT_LEGEND = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0}


def font(size: int = 13) -> dict[str, Any]:
    return {"family": FAMILY, "size": size, "color": INK}


def layout(*, font_size: int = 13, **rest: Any) -> dict[str, Any]:
    """A figure's layout: the kit's font and a transparent paper, plus what is specific to it."""
    return {"font": font(font_size), "paper_bgcolor": TRANSPARENT, "plot_bgcolor": TRANSPARENT, **rest}


def axis(title: str | None = None, *, title_size: int | None = None, **rest: Any) -> dict[str, Any]:
    """An axis the reader cannot zoom or pan (the figure is driven by the sliders). Plotly draws
    an axis title at 1.2 times the figure's font unless `title_size` says otherwise."""
    text = {"text": title, **({"font": {"size": title_size}} if title_size else {})}
    return {**({"title": text} if title else {}), "gridcolor": GRID, "zerolinecolor": GRID,
            **rest, "fixedrange": True}


def pattern(shape: str, colour: str, *, opacity: float = 0.5, **rest: Any) -> dict[str, Any]:
    """A fill pattern of white lines or dots over a data colour, the same in both themes."""
    return {"shape": shape, "bgcolor": colour, "fgcolor": WHITE, "fgopacity": opacity, **rest}


def anchor_inside(x: float, low: float = 0.0, high: float = 1.0) -> str:
    """xanchor for a label at x that keeps it inside the plot: right of the point, or left of it
    near the right edge."""
    return "right" if x > low + 0.6 * (high - low) else "left"


def end_labels(traces: list[dict], labels: list[str], *, y_range: tuple[float, float]) -> list[dict]:
    """Labels at the right-hand end of a few lines, in each line's colour, instead of a distant legend.
    A label sits on the side of its line's end that the line does not come from (below a falling
    line, above a rising or flat one; above, if below would run into the x-axis). Where two ends
    are close, the labels take opposite sides, or the upper one is lifted clear."""
    span = y_range[1] - y_range[0]
    gap = 0.12 * span

    def falls(t: dict) -> bool:
        y = t["y"]
        k = max(1, len(y) // 8)
        return y[-1] < y[-1 - k] - 0.01 * span and y[-1] - y_range[0] > gap

    ends = sorted(range(len(traces)), key=lambda i: traces[i]["y"][-1], reverse=True)
    below = {i: falls(traces[i]) for i in ends}
    lift = {i: 0 for i in ends}
    for upper, lower in zip(ends, ends[1:]):
        if traces[upper]["y"][-1] - traces[lower]["y"][-1] >= gap or below[upper] != below[lower]:
            continue
        if not below[lower] and traces[lower]["y"][-1] - y_range[0] > gap:
            below[lower] = True
        elif below[upper]:
            below[upper] = False
        else:
            lift[upper] = lift[lower] + 18
    return [{"x": traces[i]["x"][-1], "y": traces[i]["y"][-1], "xref": "x", "yref": "y", "xanchor": "right",
             "yanchor": "top" if below[i] else "bottom", "yshift": -4 if below[i] else 4 + lift[i],
             "showarrow": False, "text": labels[i], "bgcolor": PAPER, "borderpad": 1,   # a line crossing it passes under
             "font": {"color": traces[i]["line"]["color"], "size": 13, "weight": "bold"}}
            for i in range(len(traces))]


PALETTE = {"green": GREEN, "vermilion": VERMILION, "blue": BLUE, "pink": PINK}


# On a phone (window at most PHONE_WIDTH) a chart under PHONE_MIN px tall is drawn a third taller, up to it: its plot
# area is as narrow as the phone, and its legend and labels take more of it (figure.js lets Plotly fill the box).
PHONE_WIDTH, PHONE_MIN = "40rem", 300


def phone_height(h: int) -> int:
    return h if h >= PHONE_MIN else min(PHONE_MIN, (h * 135 + 50) // 100)


def css(heights: Iterable[int]) -> str:
    """The stylesheet the kit and the declared figures need: the palette as CSS variables
    (--kit-blue...) for diagrams and previews, and each plot's reserved height (on phones, its phone height), so
    drawing a figure shifts nothing below it."""
    palette = ":root{" + "".join(f"--kit-{name}:{colour};" for name, colour in PALETTE.items()) + "}\n"
    hs = sorted(set(heights))
    # with scripts, the chart's height is its box's (Plotly sizes itself to it, at each resize as for its width)
    box = lambda h, px: f".plot.h{h}{{min-height:{px}px}}.js .plot.h{h}{{height:{px}px}}"
    phone = "".join(box(h, phone_height(h)) for h in hs if phone_height(h) != h)
    return (palette + "".join(box(h, h) + "\n" for h in hs)
            + (f"@media (max-width: {PHONE_WIDTH}) {{{phone}}}\n" if phone else ""))
