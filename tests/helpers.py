"""Helpers for browser tests."""
from __future__ import annotations


def drawn(page, plot_selector: str, timeout: float = 30_000) -> None:
    """Scroll a figure into view (figures are drawn as they near the viewport) and wait until
    Plotly has drawn it."""
    page.locator(plot_selector).first.scroll_into_view_if_needed(timeout=timeout)
    page.wait_for_selector(f"{plot_selector} .main-svg", timeout=timeout)


def random_states(widget, n: int, seed: int) -> list[dict]:
    """n seeded random states of a widget, every value on its slider's grid inside the declared bounds."""
    import random
    rng, out = random.Random(seed), []
    for _ in range(n):
        state = {}
        for p in widget.params:
            if p.kind == "choice":
                state[p.name] = rng.choice(p.values)
            else:
                v = round(p.min + rng.randint(0, round((p.max - p.min) / p.step)) * p.step, 10)
                state[p.name] = int(v) if p.integer else v
        out.append(state)
    return out
