"""The LLM-plateau page's models: pure, deterministic, no web code.

Credences: the reader's weights (0 to 100) on each lettered category of transformative AI (TAI),
scaled to shares that add up to 1, and where that puts them against Byrnes's definition of an LLM plateau-ist.

Extrapolation: made-up "past" measurements of capability against effective compute (our units;
seeded, fixed), and two ways to extend them: a straight line in log compute (no ceiling), or a curve
that levels off at a ceiling the architecture cannot pass. Each is fitted to the same past points by
least squares; beyond today the reader scales the growth, sets where data or compute runs out (the
wall) and the TAI threshold, and sees where each category's curve crosses it, if it does.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

LETTERS = ("a", "b", "c", "d", "e")
PAST_X = tuple(float(x) for x in range(-6, 1))     # orders of magnitude of effective compute, today = 0
SEED = 2023
TODAY = 50.0                                         # today's frontier LLM on our capability scale
RATES = np.geomspace(1e-3, 3.0, 400)                 # rates tried when fitting a curve with a ceiling
TOLERANCE = 1e-9   # tenfolds: a crossing within float error of the wall comes at it
LEVEL_WITHIN = 1.0    # a curve has levelled off at its ceiling once it is within this many points of it


def past_points() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The fixed 'evidence': capability measured at past levels of effective compute (our invention:
    a gently bending trend plus seeded noise)."""
    rng = np.random.default_rng(SEED)
    xs = np.array(PAST_X)
    ys = TODAY + 6.5 * xs - 0.2 * xs ** 2 + rng.normal(0.0, 0.8, len(xs))
    return tuple(float(x) for x in xs), tuple(round(float(y), 2) for y in ys)


@dataclass(frozen=True)
class Credences:
    shares: dict[str, float]     # letter -> share of credence (adds up to 1)
    all_zero: bool               # every slider at zero: read as equal odds

    def group(self, letters: str) -> float:
        """These letters' share together, summed to nine decimals: the 0.4999… that floats make of 165/330 counts
        as the half it is (the sliders move in whole percents), and all of the odds as 1, not 0.999…."""
        return round(sum(self.shares[k] for k in letters), 9)

    @property
    def llm(self) -> float:
        """Odds TAI is an LLM more or less as today (A or B)."""
        return self.group("ab")

    @property
    def llm_plus(self) -> float:
        """Odds TAI is an LLM of any kind (A, B or C)."""
        return self.group("abc")

    @property
    def verdict(self) -> str:
        """'strong': A-B and C unlikely (a plateau-ist as he usually means it); 'ab': A-B unlikely but C
        likely; 'not': A-B more likely than not. Our cut-off: more likely than not (50%)."""
        if self.llm_plus < 0.5:
            return "strong"
        if self.llm < 0.5:
            return "ab"
        return "not"


def credences(a: float, b: float, c: float, d: float, e: float) -> Credences:
    """The shares from the reader's weights (0 to 100 each; only their ratios count), taken as hundredths first."""
    raw = {k: v / 100.0 for k, v in zip(LETTERS, (a, b, c, d, e))}
    total = sum(raw.values())
    if total == 0:
        return Credences({k: 0.2 for k in LETTERS}, True)
    return Credences({k: v / total for k, v in raw.items()}, False)


@dataclass(frozen=True)
class Curve:
    name: str
    ceiling: float | None        # None: no ceiling
    growth: float                # multiplier on the fitted growth beyond today
    params: tuple[float, float]  # line: (intercept, slope); ceiling: (ln D, r) in K - D exp(-r x)
    rms: float                   # fit error on the past points
    crossing: float | None       # orders of magnitude beyond today where it reaches TAI (None: never), to 3 decimals
    exact: float | None = None   # the same, unrounded: what decides whether it comes before the wall

    def at(self, x: float) -> float:
        if self.ceiling is None:
            a, s = self.params
            return a + s * (x if x <= 0 else self.growth * x)
        log_d, r = self.params
        rate = r if x <= 0 else r * self.growth
        return self.ceiling - math.exp(log_d - rate * x)


def crossing_at(ceiling: float | None, params: tuple[float, float], now: float, growth: float,
                tai: float) -> float | None:
    """Orders of magnitude beyond today where a curve (today at `now`, its future growth rate times
    `growth`) reaches `tai`: 0.0 if it is there already, None if it never gets there."""
    if now >= tai:
        return 0.0
    if ceiling is None:
        rise = params[1] * growth
        return (tai - now) / rise if rise > 0 else None
    log_d, r = params
    if tai >= ceiling or r * growth <= 0:
        return None
    return (log_d - math.log(ceiling - tai)) / (r * growth)


@lru_cache(maxsize=None)
def fitted(ceiling: float | None) -> tuple[tuple[float, float], float]:
    """The least-squares fit to the past points, which depends on the ceiling alone (so it is computed
    once per ceiling): the curve's params and its rms error, rounded as the result reports it."""
    xs, ys = (np.array(v) for v in past_points())
    if ceiling is None:
        slope, intercept = np.polyfit(xs, ys, 1)
        pred = intercept + slope * xs
        params = (float(intercept), float(slope))
    else:
        # y = K - D exp(-r x), least squares in y: for each rate r on a fine grid D is linear (closed form).
        best = None
        for r in RATES:
            e = np.exp(-r * xs)
            d = max(float(np.dot(ceiling - ys, e) / np.dot(e, e)), 1e-9)
            err = float(np.sum((ceiling - d * e - ys) ** 2))
            if best is None or err < best[0]:
                best = (err, d, float(r))
        _, d, r = best
        log_d = math.log(d)
        pred = ceiling - d * np.exp(-r * xs)
        params = (log_d, r)
    rms = float(np.sqrt(np.mean((pred - ys) ** 2)))
    return params, round(rms, 3)


def _rounded(crossing: float | None) -> float | None:
    return None if crossing is None else round(float(crossing), 3)


def fit(ceiling: float | None, growth: float, tai: float, name: str) -> Curve:
    params, rms = fitted(ceiling)
    if ceiling is None:
        crossing = crossing_at(None, params, params[0], growth, tai)
    else:
        crossing = crossing_at(ceiling, params, ceiling - math.exp(params[0]), growth, tai)
    return Curve(name, ceiling, growth, params, rms, _rounded(crossing), crossing)


def with_additions(ab: Curve, additions: float, tai: float) -> Curve:
    """C: A-B's past, then from today a ceiling and a growth rate raised by `additions` (it starts where
    A-B is today)."""
    growth = ab.growth * (1 + additions)
    if ab.ceiling is None:
        crossing = crossing_at(None, ab.params, ab.params[0], growth, tai)
        return Curve("c", None, growth, ab.params, ab.rms, _rounded(crossing), crossing)
    now = ab.at(0)
    ceiling = round(ab.ceiling * (1 + additions), 9)     # to nine decimals: 100 raised by 10% is 110, not 110.00000000000001
    params = (math.log(ceiling - now), ab.params[1])
    crossing = crossing_at(ceiling, params, now, growth, tai)
    return Curve("c", ceiling, growth, params, ab.rms, _rounded(crossing), crossing)


@dataclass(frozen=True)
class Extrapolation:
    theory: str                  # "none" | "ceiling"
    ceiling: float
    growth: float
    wall: float                  # orders of magnitude of effective compute left
    tai: float
    additions: float             # how much C's additions raise its ceiling and growth (fraction)
    line: Curve                  # A-B with no ceiling (a straight line in log compute)
    capped: Curve                # A-B levelling off at the ceiling
    c: Curve                     # C under the chosen assumption
    past: tuple[tuple[float, ...], tuple[float, ...]]

    @property
    def ab(self) -> Curve:
        """A-B under the chosen assumption."""
        return self.capped if self.theory == "ceiling" else self.line

    @property
    def today(self) -> float:
        """The past point measured today (at 0 tenfolds), which a fitted curve need not pass through."""
        return self.past[1][self.past[0].index(0.0)]

    def closed(self, curve: Curve) -> float | None:
        """The share of the way from its level today to its ceiling that a curve has climbed by the wall, where
        data or compute runs out (None: no ceiling; 0 when it does not grow beyond today)."""
        if curve.ceiling is None:
            return None
        start = curve.at(0.0)
        return 1.0 if curve.ceiling <= start else (curve.at(self.wall) - start) / (curve.ceiling - start)

    def levels_off(self, curve: Curve) -> bool:
        """Whether a curve with a ceiling actually levels off at it before the wall (at the wall it is within
        LEVEL_WITHIN points of it, the same rule for every curve), rather than stopping short of it."""
        return curve.ceiling is not None and curve.ceiling - curve.at(self.wall) <= LEVEL_WITHIN

    def fate(self, curve: Curve) -> str:
        """'reaches': crosses TAI before the wall; 'wall': would cross, but past the wall; 'ceiling':
        its ceiling is at or below TAI and it grows toward it; 'flat': it does not grow past today's level
        (with no growth a ceiling, even one at or below TAI, is not what stops it)."""
        if curve.exact is not None:
            return "reaches" if curve.exact <= self.wall + TOLERANCE else "wall"
        if curve.growth > 0 and curve.ceiling is not None and curve.ceiling <= self.tai:
            return "ceiling"
        return "flat"

    def first(self, curve: Curve) -> str:
        """What stops a curve first, within the compute left: its fate, except that a curve capped at or below
        TAI which has not yet levelled off at its ceiling when data or compute runs out is stopped by the wall
        first ('wall'; its ceiling would hold it short beyond the wall)."""
        fate = self.fate(curve)
        return "wall" if fate == "ceiling" and not self.levels_off(curve) else fate


def extrapolate(theory: str, ceiling: float, growth: float, wall: float,
                tai: float, additions: float) -> Extrapolation:
    line, capped = fit(None, growth, tai, "line"), fit(ceiling, growth, tai, "capped")
    c = with_additions(capped if theory == "ceiling" else line, additions, tai)
    return Extrapolation(theory, ceiling, growth, wall, tai, additions, line, capped, c, past_points())
