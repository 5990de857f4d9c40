"""Helpers for browser tests."""
from __future__ import annotations


def drawn(page, plot_selector: str, timeout: float = 30_000) -> None:
    """Scroll a figure into view (figures are drawn as they near the viewport) and wait until
    Plotly has drawn it."""
    page.locator(plot_selector).first.scroll_into_view_if_needed(timeout=timeout)
    page.wait_for_selector(f"{plot_selector} .main-svg", timeout=timeout)
