"""The wording kit: every number, count and unit a presenter puts in a sentence, caption or table cell
goes through these, so no page prints '-0', '1 steps', 'inf', '1.7e+274', a hyphen for a minus sign or
'0.3450' (tests/test_wording.py;
`faults` is the check tests/test_truths.py runs on every text of every widget over its grid)."""
from __future__ import annotations

import functools
import itertools
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Iterable

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
# Above this a number is written as a power of ten ("over 10¹²"), as the figures' log axes do.
LARGE = 1e12
# The true minus sign, as the figures' axes write it: a reader never sees a hyphen standing in for one.
MINUS = "−"


class Shown(str):
    """A number as the kit writes it ('−0.05'); float() reads it back as the value shown."""

    def __float__(self) -> float:
        return float(self.replace(MINUS, "-"))


def _minus(text: str) -> Shown:
    return Shown(text.replace("-", MINUS))


_SIGNED_ZERO = re.compile(r"[-+−]?0(?:\.0*)?%?")
_ZERO = re.compile(r"0(?:\.0*)?")


def _zero(text: str) -> str:
    """'-0', '-0.00', '+0.0', '−0' -> the same digits without a sign."""
    return text.lstrip("+-−") if _SIGNED_ZERO.fullmatch(text) else text


def rounded(x: float, places: int = 0) -> float:
    """x rounded to `places` decimals with halves away from zero, as a reader rounds the decimal number meant:
    42.35 -> 42.4 and 8.25 -> 8.3 at one place, -0.25 -> -0.3 (Python's round and format round halves to even,
    and a binary float sits either side of the half: 42.35 is stored a hair above, 8.25 exactly, 0.15 a hair
    below). Decided on x to nine decimals, so 4 - 15 x 0.35 counts as the 1.25 it means."""
    x = float(x)
    if places < 7:
        # Far from a half (beyond float error and the nine-decimal reading), Python's round() gives the same
        # number, faster (tests/test_wording.py compares them).
        scaled = x * _TEN[places]
        if -1e9 < scaled < 1e9:
            whole = math.floor(scaled)
            if abs(scaled - whole - 0.5) > _NEAR_HALF[places]:
                # The nearest whole, over an exact power of ten: the double nearest the decimal, as round() gives.
                return (whole + (scaled - whole > 0.5)) / _TEN[places] + 0.0
    if not math.isfinite(x) or abs(x) >= 1e15:
        return x
    text = repr(round(x, 9))
    if "e" in text or not 0 <= places < len(_TEN):
        exact = Decimal(text).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return float(exact) + 0.0
    # The same decision on the decimal digits themselves, without Decimal (tests/test_wording.py compares them).
    whole, _, decimals = text.lstrip("-").partition(".")
    if len(decimals) <= places:
        return float(text) + 0.0
    value = (int(whole + decimals[:places]) + (decimals[places] >= "5")) / _TEN[places]
    return (-value if text[0] == "-" else value) + 0.0


_TEN = tuple(10 ** k for k in range(10))
_NEAR_HALF = tuple(1e-6 + 10.0 ** (k - 9) for k in range(7))


@functools.lru_cache(maxsize=1 << 16)   # as pct: the same values recur point after point, state after state
def num(x: float, places: int = 0, *, tiny: bool = True) -> str:
    """A plain number to `places` decimals: never '-0', 'inf', 'nan' or e-notation, and a negative one with
    the true minus ('−1.3'). A comma groups the thousands of every number from 1,000 ('2,212', '12,345'), the one
    rule of the site (the pies' '2,000 goals', the person-years' '5,010'). Beyond ±10¹² it says 'over 10¹²'; a non-zero value that rounds to 0 says
    'almost 0' (unless `tiny=False`)."""
    if x is None or math.isnan(x):
        raise ValueError("num() was given no number")
    if abs(x) >= LARGE:
        power = str(int(math.log10(LARGE))).translate(SUPERSCRIPT)
        return ("over " if x > 0 else "below −") + f"10{power}"
    text = _zero(f"{rounded(x, places):,.{places}f}")
    if tiny and x != 0 and _ZERO.fullmatch(text):
        return "almost 0"
    return _minus(text)


def signed(x: float, places: int = 2) -> str:
    """A value whose sign carries meaning: '+0.38', '−0.05', and '0.00' for zero (no sign on zero); halves away from
    zero, as num rounds them (0.175 -> '+0.18')."""
    return _minus(_zero(f"{rounded(x, places):+.{places}f}"))


def points(x: float) -> int:
    """A share (0-1) in whole percentage points, as `pct` prints it: decisions "as shown" are made on this."""
    return int(rounded(100 * x))


@functools.lru_cache(maxsize=1 << 16)   # the same shares recur point after point, state after state
def pct(x: float, places: int = 0) -> str:
    """A share (0-1) as a percentage, halves rounded up (`rounded`): 0.456 -> '46%', 0.125 -> '13%'; never '-0%'."""
    return _percent(rounded(x * 100, places), places)


@functools.lru_cache(maxsize=1 << 16)   # a page asks again for the shares it shows, sentence after sentence
def pct_beside(x: float, *cuts: float, most: int = 2) -> str:
    """A share (0-1) as `pct` writes it, with decimals added (up to `most`) only where whole percentages would put it
    on the other side of a cut (a share too) than it is, below or not below: 0.24576 against 0.25 -> '24.6%', 0.2502
    -> '25%', 0.3 -> '30%'; closer under a cut than `most` decimals show, 'just under 25%'."""
    for places in range(most + 1):
        shown = rounded(x * 100, places)
        if all((shown < rounded(100 * c, 9)) == (x < c) for c in cuts):
            return pct(x, places)
    return f"just under {pct(min(c for c in cuts if x < c))}"


def _percent(value: float, places: int) -> Shown:
    text = f"{value:.{places}f}"
    return Shown(text + "%") if text[0] != "-" else _minus(_zero(text) + "%")


@functools.lru_cache(maxsize=1 << 16)
def share(x: float, places: int = 0) -> str:
    """A share (0-1) of something that happened some of the time, as `pct` writes it, except that a share that
    is not all never reads '100%' and one that is not none never reads '0%': 0.995 -> 'over 99%', 0.003 ->
    'under 1%' (at one place, 'over 99.9%', 'under 0.1%'); exactly 1 and 0 are '100%' and '0%'."""
    step = 10.0 ** -places
    value = rounded(100 * x, places)
    if x < 1 and value >= 100:
        return f"over {100 - step:.{places}f}%"
    if x > 0 and value <= 0:
        return f"under {step:.{places}f}%"
    return _percent(value, places)


def whole_points(parts: Iterable[float]) -> tuple[int, ...]:
    """Shares (0-1) as whole percentage points that add up to their total as shown, by largest remainders
    (ties to the earlier share): (0.356, 0.356, 0.287) -> (36, 35, 29), never '36%, 36%, 29%' for a whole. A tie
    is decided on the remainders to nine decimals, so float error does not break it: (0.725, 0.275) is (73, 27),
    though 100 x 0.725 - 72 is stored a hair below 100 x 0.275 - 27."""
    return _largest_remainders(parts, 0)


def tenth_points(parts: Iterable[float]) -> tuple[int, ...]:
    """Shares (0-1) in tenths of a percentage point (443 for 44.3%) that add up to their total as shown to one
    decimal, by largest remainders as whole_points does (ties to the earlier share, decided to nine decimals): each
    share is rounded down or up, so it stays within a tenth of a point, and a share of exactly 0 stays 0. (0.4434,
    0.0994, 0.4572) -> (444, 99, 457), where each rounded alone reads 44.3%, 9.9%, 45.7%: 99.9% for a whole."""
    return _largest_remainders(parts, 1)


def place_points(parts: Iterable[float], places: int) -> tuple[int, ...]:
    """As tenth_points, to any number of decimals: shares in units of 10^-places of a percentage point (98 for 0.98%
    at two places) that add up to their total as shown."""
    return _largest_remainders(parts, places)


def _largest_remainders(parts: Iterable[float], places: int) -> tuple[int, ...]:
    """Shares in units of 10^-places of a percentage point, each rounded down or up, adding up to the total as pct
    writes it to `places` decimals."""
    parts, scale = [float(p) for p in parts], 100 * 10 ** places
    total = round(10 ** places * rounded(100 * sum(parts), places))
    base = [math.floor(scale * p + 1e-9) for p in parts]
    order = sorted(range(len(parts)), key=lambda i: round(scale * parts[i] - base[i], 9), reverse=True)
    for i in order[:max(0, total - sum(base))]:
        base[i] += 1
    return tuple(base)


def pcts(parts: Iterable[float]) -> tuple[str, ...]:
    """Shares of a whole as percentages that add up to it as shown (whole_points): ('36%', '35%', '29%')."""
    return tuple(f"{n}%" for n in whole_points(parts))


def fair_points(parts: Iterable[float], *, add_up: bool = True, groups: Iterable[Iterable[int]] = (),
                allowed: Callable[[tuple[int, ...]], bool] | None = None) -> tuple[int, ...]:
    """Shares (0-1) as whole percentage points, each the share rounded down or up, that add up to their total as
    shown (as whole_points) and keep equal shares equal wherever some such rounding does: (0.0457, 0.0457, 0.9087)
    -> (5, 5, 90), where whole_points gives (5, 4, 91) and a reader sees a difference that is not there. `groups`
    (tuples of indices) are sums the page also shows: each stays within a point of its exact sum, as near it as the
    rest allows. Among what is left, the rounding nearest the shares (largest remainders; ties to the earlier
    share). Three thirds cannot both add up and stay equal: they read (34, 33, 33), or with `add_up=False` (33, 33, 33):
    where no rounding that adds up keeps every tie, the rounding nearest the shares that keeps them, and the
    groups and `allowed` (so the page must say its shares are rounded when they do not add up as shown); if no
    such rounding keeps the groups within a point, one that keeps the ties and `allowed`; if none keeps both the ties
    and `allowed`, each share rounded on its own (equal shares read alike). `allowed(points)` rules roundings out (a
    sum that must stay on its side of a cut-off). Falls back to whole_points where nothing is allowed (adding up).
    For a handful of shares (at most 12)."""
    parts = [float(p) for p in parts]
    if len(parts) > 12:
        raise ValueError("fair_points() is for a handful of shares")
    groups = [tuple(g) for g in groups]
    total = int(pct(sum(parts))[:-1])
    exact = [100 * p for p in parts]
    low = [math.floor(e + 1e-9) for e in exact]
    options = [(n,) if e - n < 1e-9 else (n, n + 1) for n, e in zip(low, exact)]
    ties = [(i, j) for i in range(len(parts)) for j in range(i + 1, len(parts)) if abs(parts[i] - parts[j]) < 1e-9]

    def broken(shown: tuple[int, ...]) -> int:
        return sum(shown[i] != shown[j] for i, j in ties)

    def group_errors(shown: tuple[int, ...]) -> list[float]:
        return [abs(sum(shown[i] for i in g) - sum(exact[i] for i in g)) for g in groups]

    def key(shown: tuple[int, ...]):
        return (broken(shown), round(sum(group_errors(shown)), 9),
                round(sum(abs(s - e) for s, e in zip(shown, exact)), 9), [n - s for n, s in zip(low, shown)])
    def kept(c: tuple[int, ...]) -> bool:
        return all(e < 1 - 1e-9 for e in group_errors(c)) and (allowed is None or allowed(c))
    fits = [c for c in itertools.product(*options) if sum(c) == total and kept(c)]
    best = min(fits, key=key) if fits else None
    if not add_up and (best is None or broken(best)):
        # Equal shares stay equal, and the total shown gives (the page says the shares are rounded): the
        # rounding nearest the shares that keeps every tie, the groups and `allowed`, as near adding up as that
        # allows; each share rounded on its own where nothing does.
        alike = ([c for c in itertools.product(*options) if not broken(c) and kept(c)]
                 # else a group may stray further than a point (each share still rounded down or up)
                 or [c for c in itertools.product(*options) if not broken(c) and (allowed is None or allowed(c))])
        if not alike:           # nothing keeps the ties and `allowed`: each share rounded on its own (ties kept)
            return tuple(points(p) for p in parts)
        return tuple(min(alike, key=lambda c: (round(sum(abs(s - e) for s, e in zip(c, exact)), 9),
                                               abs(sum(c) - total), [n - s for n, s in zip(low, c)])))
    if best is None:
        return whole_points(parts)
    return tuple(best)


def plural(n: float, noun: str, many: str | None = None) -> str:
    """The noun that agrees with n: plural(1, 'step') -> 'step', plural(2, 'step') -> 'steps'."""
    if n == 1:
        return noun
    if many:
        return many
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


# Units that read the same after 1 ('1 times the one before' is how a multiple is said).
_SAME_AFTER_ONE = {"times", "per", "%", "s", "h", "min", "×"}


def singular(unit: str) -> str:
    """A unit as it reads after 1: its first word singular ('points a day' -> 'point a day', 'notches' ->
    'notch', 'person-years' -> 'person-year'); symbols, 'per …' and words not ending in s are unchanged."""
    first, _, rest = unit.partition(" ")
    if first in _SAME_AFTER_ONE or not re.fullmatch(r"[a-z-]*[a-z]s", first) or first.endswith("ss"):
        return unit
    if first.endswith("ies"):
        one = first[:-3] + "y"
    elif re.search(r"(ch|sh|x)es$", first):
        one = first[:-2]
    else:
        one = first[:-1]
    if rest.startswith("("):                      # 'tenfolds (orders of magnitude)' -> 'tenfold (order of magnitude)'
        rest = "(" + singular(rest[1:])
    return f"{one} {rest}" if rest else one


def count(n: float, noun: str, many: str | None = None, places: int = 0, *, whole: bool = False) -> str:
    """A number with its noun in agreement: count(1, 'step') -> '1 step', count(-1, 'point') -> '−1 point'; count(2.0, 'minute') -> '2 minutes'.
    A count that rounds to one at `places` decimals reads '1' ('1 hour', never '1.0 hours'); with `whole=True`
    any count that rounds to a whole number reads without its decimal zeros (lone): count(9.96, 'point', places=1,
    whole=True) -> '10 points', count(2.34, 'point', places=1, whole=True) -> '2.3 points'."""
    shown = lone(n, places, tiny=False) if whole else num(n, places, tiny=False)
    if re.fullmatch(f"{MINUS}?1\\.0+", shown):
        shown = shown.split(".")[0]
    return f"{shown} {plural(1 if shown in ('1', MINUS + '1') else 2, noun, many)}"


def sig(x: float, figures: int = 3) -> str:
    """A number to `figures` significant figures, halves away from zero as `rounded` decides them, with num's
    commas and minus: sig(4385) -> '4,390', sig(2.25) -> '2.25', sig(438818) -> '439,000', sig(0.012345) -> '0.0123'.
    One that rounds to a whole number reads without '.0' (sig(2.001) -> '2')."""
    if x == 0 or not math.isfinite(x):
        return num(x)
    magnitude = math.floor(math.log10(abs(x)))
    places = figures - 1 - magnitude
    value = rounded(x, places) if places >= 0 else rounded(x / 10 ** -places) * 10 ** -places
    if value and math.floor(math.log10(abs(value))) > magnitude:      # 999.6 -> 1,000: one figure fewer after
        places -= 1
    return lone(value, max(places, 0)) if places > 0 else num(value)


_READ = re.compile(r"(?P<bound>under |over |below )?(?P<sign>[-+−])?(?P<digits>\d[\d,]*(?:\.\d+)?|10[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?P<pct>%)?")


def reads_as(text: str, value: float, places: int | None = None, *, either_way: bool = False,
             cuts: Iterable[float] = ()) -> bool:
    """`text`, a number as the kit writes it (num, pct, share, signed, lone: '−1.3', '+0.05', '12,345', '43%',
    'under 1%', 'over 99.9%', 'almost 0', 'over 10¹²'), reads as `value`. A text ending in '%' is a share (0-1)
    in percent. `places`: the decimals it is rounded to (default: those it shows). By default the number must be
    exactly the value rounded as the kit rounds it (halves away from zero: 43%, never 42%, for 0.425); 'under 1%'
    and 'over 99%' as `share` bounds them, 'almost 0' a non-zero value that rounds to 0. With `either_way`, the
    value rounded down or up to a unit of its last place (as adding_up and fair_points round parts to add up), on
    the value's side of 0 and of each of `cuts` (in the text's units), and shown at a cut only when exactly there
    ('almost 0' then a value under one unit, 'under 1%' one under a point, 'over 99%' one within a point of all)."""
    text = text.strip()
    if text == "almost 0":         # a value there that rounds (or, either way, may be rounded) to 0
        return value != 0 and (abs(value) < 10.0 ** -(places or 0) if either_way else rounded(value, places or 0) == 0)
    m = _READ.fullmatch(text)
    if m is None:
        return False
    is_pct, bound, digits = bool(m["pct"]), m["bound"], m["digits"]
    x = 100 * value if is_pct else value
    if digits.startswith("10") and digits[2:3] in "⁰¹²³⁴⁵⁶⁷⁸⁹" and len(digits) > 2:
        return bound is not None and (x >= LARGE if bound == "over " else x <= -LARGE)
    if places is None:
        places = len(digits.split(".")[1]) if "." in digits else 0
    shown = float(digits.replace(",", "")) * (-1 if m["sign"] in ("-", MINUS) else 1)
    step = 10.0 ** -places
    if bound == "under ":
        return is_pct and abs(shown - step) < 1e-9 and 0 < value and (x < step if either_way else rounded(x, places) <= 0)
    if bound == "over ":
        return is_pct and abs(shown - (100 - step)) < 1e-9 and value < 1 and (
            x > 100 - step if either_way else rounded(x, places) >= 100)
    if bound is not None:
        return False
    if not either_way:
        return abs(shown - rounded(x, places)) < 1e-9 * max(1.0, abs(shown))
    scaled, low = x / step, math.floor(round(x / step, 6))
    if abs(scaled - low) < 1e-6:        # no more decimals than shown (to float error): it stays as it is
        return abs(shown / step - low) < 1e-6
    if not low - 1e-9 <= shown / step <= low + 1 + 1e-9:
        return False

    def side(v: float, cut: float) -> int:
        return (v > cut + 1e-9) - (v < cut - 1e-9)
    return all(side(shown, c) == side(x, c) for c in (0.0, *cuts))


_DECIMAL_ZEROS, _WHOLE_WITH_ZEROS = re.compile(r"\.0+$"), re.compile(r"[^.]*\.0+")


def lone(x: float, places: int = 1, *, tiny: bool = True) -> str:
    """A quantity said alone in prose, to `places` decimals but without a decimal zero when it rounds to a whole
    number: lone(10.02) -> '10', lone(76.66) -> '76.7' (a column of one-decimal numbers keeps its '10.0': num)."""
    shown = num(x, places, tiny=tiny)
    return _DECIMAL_ZEROS.sub("", shown) if _WHOLE_WITH_ZEROS.fullmatch(shown) else shown


def upper_first(text: str) -> str:
    """Capitalise the first letter only ('brain-like AGI' -> 'Brain-like AGI', where str.capitalize lowers the rest)."""
    return text[:1].upper() + text[1:]


def swing_parts(path: Iterable[float], beyond: Callable[[str, float], bool], say: Callable[[float], str] = pct
                ) -> list[tuple[str, str]]:
    """The highest and lowest values of `path` as shown, each kept where `beyond(side, value)` (side 'high' or 'low'),
    in the order the path first reads them: [('low', '40%'), ('high', '46%')]."""
    path = list(path)
    found = []
    for side, value in (("high", max(path)), ("low", min(path))):
        if beyond(side, value):
            shown = say(value)
            found.append((next(i for i, x in enumerate(path) if say(x) == shown), side, shown))
    return [(side, shown) for _, side, shown in sorted(found)]


def swings(path: Iterable[float], start: float, say: Callable[[float], str] = pct) -> str:
    """How far a quantity went from `start` either way, as shown, in the order it got there: 'as low as 40%, then as
    high as 46%', each said only where it reads differently from the start ('' where neither does)."""
    first = say(start)
    return say_swings(swing_parts(path, lambda side, v: say(v) != first, say))


def say_swings(parts: list[tuple[str, str]]) -> str:
    return ", then ".join(f"as {side} as {shown}" for side, shown in parts)


# say_swings() in a pattern: five groups (the whole first phrase, its side and value, the second's side and value).
SWINGS = r"(as (high|low) as (\d+%)(?:, then as (high|low) as (\d+%))?)"


def said_swings(m, group: int) -> list[tuple[str, str]]:
    """The (side, value) pairs a SWINGS match, its groups from `group`, says, in order."""
    said = [(m.group(group + 1), m.group(group + 2))]
    return said + [(m.group(group + 3), m.group(group + 4))] if m.group(group + 3) else said


def says_swings(m, group: int, path: Iterable[float], start: float, say: Callable[[float], str] = pct) -> bool:
    """A SWINGS match, its groups from `group`, says how far `path` went from `start` as swings() writes it."""
    first = say(start)
    return m.group(group) is not None and said_swings(m, group) == swing_parts(path, lambda side, v: say(v) != first, say)


def join_and(items) -> str:
    """'a', 'a and b', 'a, b and c'; where an item holds an 'and' of its own, the last is set off by a comma
    ('a, my body and its feelings, and c')."""
    items = list(items)
    if len(items) == 1:
        return items[0]
    # Two items need the comma only where the first holds the 'and' ('awareness and my body and its feelings' reads).
    inner = any(" and " in item for item in (items if len(items) > 2 else items[:1]))
    last = ", and " if inner else " and "
    return ", ".join(items[:-1]) + last + items[-1]


def clean_json(value):
    """An API answer with -0.0 written as 0 (and nothing else changed)."""
    if isinstance(value, float):
        return 0.0 if value == 0 else value
    if isinstance(value, dict):
        return {k: clean_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_json(v) for v in value]
    return value


# Words ending in s that may follow "1" correctly.
_SINGULAR_S = {"is", "was", "has", "as", "this", "plus", "minus", "does", "its", "always", "less", "across",
               "versus", "us", "yes", "focus", "bonus", "status", "gas", "thus", "towards", "afterwards",
               "unless", "process", "success", "loss", "pass", "class", "mass", "access", "business",
               "progress", "stress", "chess", "bias", "analysis", "basis", "axis", "stimulus", "corpus",
               "lens", "series", "means", "news", "whereas", "apparatus", "dollars'", "hypothesis"}
# Each fault: its pattern, its name, and pieces of text of which every match contains one (None: no such
# piece; a text without any cannot have the fault, so it is not searched). Each pattern opens with the
# character it must match, its lookbehind after it, so the search skips ahead to that character.
_FAULTS = (
    (re.compile(r"[-+−](?<![\w.][-+−])0(?:\.0+)?(?![\d.])"), "a signed zero", ("0",)),
    (re.compile(r"\b(?:inf|nan|infinity|NaN|Infinity)\b"), "inf or nan", ("inf", "nan", "NaN", "Inf")),
    (re.compile(r"\d(?:\.\d+)?[eE][-+]?\d"), "e-notation", None),
    (re.compile(r"1(?<![\d.,]1) (?:[A-Za-z]+-)?([a-z]+s)\b(?! of\b)"), "a plural after 1", ("1 ",)),
    # '1.0 interventions', '−1.00 points': a count that rounds to one reads '1' (wording.count), or the noun agrees.
    # ('a level of 0.95 (1.00 ties with it)': a verb, not a noun.)
    (re.compile(r"1(?<![\d.,]1)\.0+ (?:[A-Za-z]+-)?([a-z]+s)\b(?! of\b| with\b)"), "a plural after 1.0", ("1.0",)),
    (re.compile(r"\b[Aa] (?:8[\d.]*|1[18](?:\.\d+)?)(?![\d,])"), "'a' before a number said with a vowel",
     ("a 8", "A 8", "a 11", "A 11", "a 18", "A 18")),
    (re.compile(r"only (?<!\wonly )(?:0|0\.0+)(?:%| )"), "'only' before nothing", ("only 0",)),
    # A hyphen opening a number is a minus sign ('-3 points'); one between numbers is a range ('10-20').
    (re.compile(r"-(?<![^\s(\[]-)\.?\d"), "a hyphen for a minus sign", ("-",)),
    (re.compile(r"\d(?<![\d.,]\d)(?:,?\d){3,}(?:\.\d+)? (?:thousand|million|billion|trillion|quadrillion)\b"),
     "a named unit after a number of 1,000 or more", (" thousand", " million", " billion", " trillion", " quadrillion")),
    # Four significant decimals ('0.3450', '12.3456') is more precision than a reader can use; a small
    # number keeps its leading zeros ('0.00918'), and zero needs none ('0.0000').
    (re.compile(r"(?<![\w.,])(?:(?:0\.0*[1-9]\d{3}|[1-9][\d,]*\.\d{4})\d*|0\.0{4,})(?![\d.])"),
     "four significant decimals", (".",)),
    # A duration or a named large unit that rounds to a whole number reads '2 minutes', '1 s',
    # '10 million', never '2.0 minutes' ('10.0 points' in a column of one-decimal points is another matter).
    (re.compile(r"\d(?<![\w.]\d)[\d,]*\.0+ (?:ms|s|seconds?|minutes?|hours?|thousand|million|billion|trillion|"
                r"quadrillion|quintillion)\b"), "a whole duration or named unit with '.0'", (".0",)),
    # A count of things that rounds to a whole number reads '10
    # interventions' (wording.lone); points and steps may stand in a column of one-decimal numbers.
    (re.compile(r"\d(?<![\w.]\d)[\d,]*\.0+ (?:interventions|times|games|races|bacteria|crews|minds|runs|agents)\b"),
     "a whole count of things with '.0'", (".0",)),
)


def faults(text: str, given: Iterable[str] = ()) -> list[str]:
    """What is wrong with a text as a reader sees it: signed zeros, inf/nan, e-notation, '1 steps', '1.0 points',
    'a 8%' (an 8%), 'only 0%', a hyphen for a minus sign ('-3', not '−3'), '8,717 trillion' (8.7
    quadrillion) and four significant decimals ('0.3450'). `given`: the values the reader set, as their
    sliders write them; one of them may keep the decimals its slider's step needs ('k = 0.9805')."""
    given = set(given)
    found = []
    for pattern, what, pieces in _FAULTS:
        if pieces is not None and not any(p in text for p in pieces):
            continue
        for m in pattern.finditer(text):
            if what.startswith("a plural after 1") and (m.group(1) in _SINGULAR_S or m.group(1).endswith("ss")):
                continue
            if what == "four significant decimals" and m.group(0) in given:
                continue
            found.append(f"{what}: …{text[max(0, m.start() - 30):m.end() + 10]}…")
    return found


def adding_up(parts: Iterable[float], places: int = 0, *, total: float | None = None,
              cuts: Iterable[float] = (), alike: bool = False) -> tuple[tuple[float, ...], float]:
    """Numbers of any sign to `places` decimals that add up as shown, with their total: each rounded down or up (one
    with no more decimals stays as it is), and the total their sum, the exact total rounded (halves away from zero)
    wherever the cuts allow; by largest remainders as whole_points (ties to the earlier part). (0.345, 0.7475) at
    two places -> ((0.34, 0.75), 1.09), where each rounded alone reads 0.35 + 0.75 against a total of 1.09.
    `total`: the exact total, if the caller keeps its own (the value its verdicts are decided on; else the sum).
    `cuts`: thresholds verdicts are decided at (1 for 'at least 1', 0 for 'none'): every part and the total stays
    on its value's side of each, and shows a cut only if its value is exactly there (0.9975 -> 0.99, never 1.00;
    0.002 -> 0.01, never 0.00), where some such rounding exists. `alike`: equal parts read alike where some rounding
    lets them with the total the exact one rounded down or up ((0.8625, 0.8625) -> 0.86 + 0.86 = 1.72, not 0.86 +
    0.87 = 1.73). For a handful of parts (at most 12)."""
    parts = tuple(float(p) for p in parts)
    if len(parts) > 12:
        raise ValueError("adding_up() is for a handful of parts")
    return _adding_up(parts, places, sum(parts) if total is None else float(total), tuple(float(c) for c in cuts), alike)


@functools.lru_cache(maxsize=1 << 14)   # a page's sentences, table and chart ask for the same sums
def _adding_up(parts: tuple[float, ...], places: int, exact_total: float, cuts: tuple[float, ...],
               alike: bool) -> tuple[tuple[float, ...], float]:
    parts, cuts, scale = list(parts), list(cuts), 10 ** places
    exact = [p * scale for p in parts]
    low = [math.floor(round(e, 6)) for e in exact]
    options = [(n,) if abs(e - n) < 1e-6 else (n, n + 1) for n, e in zip(low, exact)]
    target = round(scale * rounded(exact_total, places))

    def side(x: float, cut: float) -> int:
        return (x > cut + 1e-9) - (x < cut - 1e-9)

    def kept(c: tuple[int, ...]) -> bool:
        shown = [n / scale for n in c] + [sum(c) / scale]
        return all(side(s, cut) == side(v, cut) for s, v in zip(shown, parts + [exact_total]) for cut in cuts)

    fits = [c for c in itertools.product(*options) if kept(c)] or list(itertools.product(*options))
    if alike:
        floor_total = math.floor(round(exact_total * scale, 6))
        within = (floor_total, floor_total + (abs(exact_total * scale - floor_total) >= 1e-6))
        fits = [c for c in fits if within[0] <= sum(c) <= within[1]
                and all(a == b for x, a in zip(parts, c) for y, b in zip(parts, c) if x == y)] or fits
    best = min(fits, key=lambda c: (abs(sum(c) - target), round(sum(abs(n - e) for n, e in zip(c, exact)), 9),
                                    [n - s for n, s in zip(low, c)]))
    return tuple(n / scale + 0.0 for n in best), sum(best) / scale + 0.0


def adding_up_places(parts: Iterable[float], places: int = 0, *, total: float | None = None,
                     cuts: Iterable[float] = (), most: int | None = None, alike: bool = False) -> int:
    """The decimals at which adding_up's total still reads as the exact total rounded down or up: `places`, or one
    more at a time (up to `most`, by default one more) where keeping the parts on their side of the cuts pulls their
    sum further. (0.9975, 0.9975) with cuts=(1,): at two places each must read 0.99, and 1.98 is 1.5 hundredths below
    1.995; at three, 0.998 + 0.997 = 1.995, so 3. With `alike`, equal parts must also read alike (adding_up's
    `alike`) where some number of places up to `most` allows it: (0.025, 0.025) needs three, 0.025 + 0.025 = 0.050;
    (0.9975, 0.9975) can at none under four, and reads 0.998 + 0.997 = 1.995 at `most`."""
    parts, cuts = [float(p) for p in parts], tuple(cuts)
    exact = sum(parts) if total is None else float(total)
    most = places + 1 if most is None else most
    for p in range(places, most + 1):
        each, shown = adding_up(parts, p, total=exact, cuts=cuts, alike=alike)
        scaled = exact * 10 ** p
        low, units = math.floor(round(scaled, 6)), round(shown * 10 ** p)
        if alike and p < most and any(a == b and x != y for a, x in zip(parts, each) for b, y in zip(parts, each)):
            continue
        if units == low or (units == low + 1 and abs(scaled - low) >= 1e-6):
            return p
    return most
