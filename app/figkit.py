"""Figure styling shared by the presenters and the browser."""

# (light, dark): colours the browser swaps in figure JSON when the dark theme is on.
DARK_SWAPS = (("#1f2328", "#e6edf3"), ("#ffffff", "#0d1117"), ("rgba(0,0,0,0.05)", "rgba(255,255,255,0.08)"),
              ("rgba(0,0,0,0.06)", "rgba(255,255,255,0.09)"), ("#767676", "#8b949e"))
