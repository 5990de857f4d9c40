"""The wording kit (app/wording.py): numbers, counts and units as a reader should see them."""
from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from helpers import visible_text
from hypothesis import assume, given
from hypothesis import strategies as st

from app.framework import fmt_number
from app.registry import EXPLORABLES
from app.wording import (adding_up, adding_up_places, clean_json, count, fair_points, faults, lone, num, pct, pcts, plural, reads_as, rounded,
                          share, sig, signed, tenth_points, upper_first, whole_points)


@pytest.mark.parametrize("x,places,text", [
    (0.0, 0, "0"), (-0.0, 2, "0.00"), (-0.004, 2, "almost 0"), (0.004, 1, "almost 0"), (-0.4, 0, "almost 0"),
    (2.0, 0, "2"), (2.5, 1, "2.5"), (-1.26, 1, "−1.3"), (9999.4, 0, "9,999"), (12345.0, 0, "12,345"), (999.4, 0, "999"), (1000.0, 0, "1,000"),
    (1.74e274, 2, "over 10¹²"), (-3e15, 0, "below −10¹²"), (1e12, 0, "over 10¹²"), (999_999_999_999.0, 0, "999,999,999,999"),
])
def test_numbers_read_as_written(x, places, text):
    assert num(x, places) == text


def test_a_number_that_is_not_there_is_refused():
    with pytest.raises(ValueError):
        num(float("nan"))


@given(st.floats(allow_nan=False, allow_infinity=True, width=64), st.integers(0, 3))
def test_no_number_prints_a_signed_zero_inf_or_e_notation(x, places):
    for text in (num(x, places), signed(x, places) if abs(x) < 1e12 else "1", pct(x, places) if abs(x) < 1e9 else "1%"):
        assert not faults(text), (x, places, text)


@pytest.mark.parametrize("x,text", [(0.0, "0.00"), (-0.0, "0.00"), (-0.001, "0.00"), (0.004, "0.00"),
                                    (0.38, "+0.38"), (-0.05, "−0.05")])
def test_signs_only_where_they_carry_meaning(x, text):
    assert signed(x) == text


@pytest.mark.parametrize("x,text", [(0.456, "46%"), (-0.001, "0%"), (1.0, "100%"), (0.0004, "0%")])
def test_percentages(x, text):
    assert pct(x) == text


@pytest.mark.parametrize("parts,shown", [
    ((0.3564382393519982, 0.3564382393519982, 0.28712352129600366), ("36%", "35%", "29%")),
    ((1 / 3, 1 / 3, 1 / 3), ("34%", "33%", "33%")), ((1.0, 0.0, 0.0), ("100%", "0%", "0%")),
    ((0.45, 0.45, 0.1), ("45%", "45%", "10%")), ((0.056, 0.1), ("6%", "10%")),
    # A tie of halves goes to the earlier share even where float error stores the earlier half lower.
    ((0.725, 0.275), ("73%", "27%")), ((0.725, 0.0, 0.275), ("73%", "0%", "27%")), ((0.035, 0.965), ("4%", "96%"))])
def test_shares_of_a_whole_add_up_as_shown(parts, shown):
    """Each share rounded alone showed '36%, 36%, 29%' for a whole (101); largest remainders keep the sum."""
    assert pcts(parts) == shown


@pytest.mark.parametrize("parts,shown", [
    # Review 4, SPC-1 (/scheming-pie-charts?nice=52&treacherous=19&rlhf=0.1&…): each share rounded alone read
    # '44.3%, 9.9%, 45.7%' (99.9%) and '21.3%, 76.5%, 2.3%' (100.1%) for a whole pie.
    ((0.4434, 0.0994, 0.4572), (444, 99, 457)), ((0.2126, 0.7649, 0.0225), (213, 765, 22)),
    ((1 / 3, 1 / 3, 1 / 3), (334, 333, 333)), ((1.0, 0.0, 0.0), (1000, 0, 0)), ((0.5, 0.5), (500, 500)),
    # A tie of halves goes to the earlier share; a share of exactly 0 stays 0.
    ((0.1235, 0.0, 0.8765), (124, 0, 876)), ((0.99996, 0.00004, 0.0), (1000, 0, 0))])
def test_tenth_points_of_a_whole_add_up_as_shown(parts, shown):
    assert tenth_points(parts) == shown


@pytest.mark.parametrize("split,places", [(whole_points, 0), (tenth_points, 1)])
@given(raw=st.lists(st.floats(0, 1), min_size=1, max_size=6))
def test_split_shares_add_up_to_the_total_as_shown_and_stay_within_a_unit(split, places, raw):
    """whole_points in whole points, tenth_points in tenths: the sum as pct writes it, each share within one unit."""
    total = sum(raw)
    parts = [x / total for x in raw] if total > 1 else raw
    units = split(parts)
    assert sum(units) == round(10 ** places * rounded(100 * sum(parts), places))
    if places == 0:
        assert sum(units) == int(pct(sum(parts))[:-1])
    assert all(abs(n - 10 ** places * 100 * p) < 1 for n, p in zip(units, parts))
    assert all(n == 0 for n, p in zip(units, parts) if p == 0)


@pytest.mark.parametrize("parts,shown", [
    ((0.0457, 0.0457, 0.9086), (5, 5, 90)), ((1 / 3, 1 / 3, 1 / 3), (34, 33, 33)), ((0.2,) * 5, (20,) * 5),
    ((5 / 120, 5 / 120, 5 / 120, 5 / 120, 100 / 120), (4, 4, 4, 4, 84))])
def test_fair_points_keep_equal_shares_equal_where_a_rounding_that_adds_up_can(parts, shown):
    """Review 3, /safety-problem?question=flight&first=30&second=30&third=40&returns=300: the best split's equal
    efforts on the first two kinds read '5%' and '4%' (whole_points)."""
    assert whole_points((0.0457, 0.0457, 0.9086)) == (5, 4, 91)
    assert fair_points(parts) == shown


def test_fair_points_without_adding_up_round_an_unbreakable_tie_on_its_own():
    assert fair_points((1 / 3, 1 / 3, 1 / 3), add_up=False) == (33, 33, 33)
    assert fair_points((0.0457, 0.0457, 0.9086), add_up=False) == (5, 5, 90)


def test_fair_points_keep_a_partial_sum_on_its_side_of_a_cut_off():
    """55, 55, 100, 10 and 5 of 225: A and B hold 48.9%; four shares have the same remainder (0.44), and rounding
    up the first two would show A and B at 25% each (50%)."""
    parts = [v / 225 for v in (55, 55, 100, 10, 5)]
    shown = fair_points(parts, allowed=lambda p: p[0] + p[1] < 50)
    assert sum(shown) == 100 and shown[0] + shown[1] < 50 and shown[0] == shown[1]


@given(st.lists(st.floats(0, 1), min_size=1, max_size=6))
def test_fair_points_add_up_and_stay_within_a_point(raw):
    total = sum(raw)
    parts = [x / total for x in raw] if total > 1 else raw
    points = fair_points(parts)
    assert sum(points) == int(pct(sum(parts))[:-1])
    assert all(abs(n - 100 * p) < 1 for n, p in zip(points, parts))


def test_a_negative_number_has_the_true_minus_and_reads_back_as_shown():
    assert (num(-2.0), num(-12345.0), pct(-0.05), signed(-0.05, 1)) == ("−2", "−12,345", "−5%", "−0.1")
    assert float(signed(-0.054)) == -0.05 and float(num(-1.26, 1)) == -1.3 and float(num(7.0)) == 7.0


@pytest.mark.parametrize("n,noun,many,text", [
    (1, "step", None, "1 step"), (2, "step", None, "2 steps"), (0, "step", None, "0 steps"),
    (1.0, "minute", None, "1 minute"), (2.0, "minute", None, "2 minutes"), (1, "tenfold", None, "1 tenfold"),
    (3, "activity", None, "3 activities"), (1, "activity", None, "1 activity"), (2, "box", None, "2 boxes"),
    (1, "mind", None, "1 mind"), (4, "person", "people", "4 people"), (1, "person", "people", "1 person"),
])
def test_counts_agree_with_their_noun(n, noun, many, text):
    assert count(n, noun, many) == text


def test_a_count_that_rounds_to_one_is_singular():
    assert count(1.04, "hour", places=0) == "1 hour" and count(1.04, "hour", places=1) == "1 hour"
    assert count(1.14, "hour", places=1) == "1.1 hours" and count(-0.96, "point", places=2) == "−0.96 points"
    assert plural(1, "day") == "day" and plural(2, "day") == "days" and plural(2, "study") == "studies"


def test_sentence_initial_capital_keeps_the_rest():
    assert upper_first("anti-Reversi learner") == "Anti-Reversi learner" and upper_first("") == ""


@pytest.mark.parametrize("text", ["gain -0.00", "shrugged at (+0.0)", "worth -0", "inf", "a nan here",
                                  "1.74e+274 neutrons", "2.03e-313", "1 steps later", "1 tenfolds on",
                                  "1 activities", "threw out 1 thoughts", "Idle 1 hours", "gives a 8%",
                                  "leaves a 18% chance", "Over a 850-step project", "a 11% chance",
                                  "on only 0% of evenings", "-3 points", "a bias of -3", "(-0.5)", "gain -1.5",
                                  "-.5 left", "gain 0.3450", "loop gain 0.12345 per pass", "(1.0000)",
                                  "12.3456", "0.01234", "1,234.5678", "0.0000",
                                  "takes 8,717 trillion person-years", "1000 million", "(12,345.6 billion)",
                                  "needs 1.0 interventions", "by 1.0 points on average", "−1.00 person-years"])
def test_faults_are_found(text):
    assert faults(text), text


@pytest.mark.parametrize("text", ["0.00", "+0.38", "−0.05", "1 step later", "1 of 24 minds", "1 is enough",
                                  "10 steps", "0.1 steps", "infinite regress", "1 loss", "2.5e", "v1.0",
                                  "gain 1.0 on 1.5 steps", "1 more", "an 8% chance", "a 1% chance",
                                  "a 110-step project", "a 7% chance", "only 10%", "−3 points", "10-20 steps",
                                  "pages 3-4", "AI-2027's millions", "/pnse-anxiety?gain=-0.5", "x=-2", "GPT-4",
                                  "gain 0.345", "12,345.5", "v1.2.3456", "0.0815", "0.00918",
                                  "1.5 to 2.25", "1.0 is the gain", "(1.00 ties with it)", "10.0 points", "11.0 steps", "0.1.0 steps",
                                  "8.7 quadrillion", "999 million", "0.000006", "AI-2027 forecasts millions", "1,000 people"])
def test_good_text_has_no_faults(text):
    assert not faults(text), text


def test_a_value_the_reader_set_keeps_the_decimals_its_slider_needs():
    assert faults("At k = 0.9805 the chain dies out") and not faults("At k = 0.9805 the chain dies out", ["0.9805"])
    assert faults("gain 0.5225, at k = 0.9805", ["0.9805"])


def test_the_api_writes_negative_zero_as_zero():
    cleaned = clean_json({"a": -0.0, "b": [0.0, -0.0, 1.5, -2.0], "c": {"d": -0.0}, "e": "x", "f": 0, "g": True})
    assert json.dumps(cleaned) == '{"a": 0.0, "b": [0.0, 0.0, 1.5, -2.0], "c": {"d": 0.0}, "e": "x", "f": 0, "g": true}'


@pytest.mark.parametrize("x,text", [(-2, "−2"), (2, "2"), (-0.001, "0"), (-1e15, "below −10¹²")])
def test_a_minus_sign_is_the_true_one_and_zero_has_none(x, text):
    assert num(x, tiny=False) == text
    assert signed(-0.5) == "−0.50" and signed(0.0) == "0.00"


# --- Every page as a reader sees it -------------------------------------------------------------------------
# tests/test_truths.py checks every widget text over its grid; this checks the rest of each page (prose,
# slider labels and help, drawings, glossary pop-ups) at the defaults and at each declared example.
# The prose's own wording is checked for the faults of numbers (the other rules, such as '1 steps', would
# read verbs in prose as plurals: 'Frame 1 sorts rewards').
PAGE_FAULTS = ("a hyphen for a minus sign", "four significant decimals", "a named unit after a number of 1,000")


def test_the_visible_text_is_what_the_reader_sees():
    shown = visible_text('<p>A <b>bias</b> of &minus;3 <script>x = -3</script><svg><path d="M-2 6"/></svg></p>')
    assert shown.split() == ["A", "bias", "of", "−3"]


@pytest.mark.parametrize("page", EXPLORABLES, ids=[p.slug for p in EXPLORABLES])
def test_every_page_reads_without_wording_faults(client, page):
    states = [""] + [urlencode({k: fmt(v) for k, v in ex.items()}) for ex in (*page.examples, *page.extremes)]
    given = {fmt(v) for ex in (*page.examples, *page.extremes) for v in ex.values()}
    given |= {fmt_number(p.default) for w in page.widgets for p in w.params if p.kind == "number"}
    found = {f for query in states for f in faults(visible_text(client.get(f"/{page.slug}?{query}").text), given)
             if f.startswith(PAGE_FAULTS)}
    assert sorted(found) == []


def fmt(value) -> str:
    return fmt_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def test_halves_round_up_on_the_decimal_value_meant():
    """42.35 is stored a hair above the half and 8.25 exactly on it: format() gave 42.4 but 8.2. Both round up."""
    from app.wording import rounded
    assert (num(42.35, 1), num(8.25, 1), num(0.15, 1), num(-0.25, 1), num(2.5), pct(0.125)) == \
        ("42.4", "8.3", "0.2", "−0.3", "3", "13%")
    assert rounded(4 - 15 * 0.35, 1) == -1.3 and rounded(float("inf")) == float("inf")


def test_a_share_that_is_neither_all_nor_none_never_reads_100_or_0_percent():
    from app.wording import share
    assert [share(x) for x in (0.995, 0.9949, 1, 0.004, 0.005, 0, 0.5)] == \
        ["over 99%", "99%", "100%", "under 1%", "1%", "0%", "50%"]
    assert (share(0.9996, 1), share(0.0004, 1)) == ("over 99.9%", "under 0.1%")


@pytest.mark.parametrize("x", [0.245, 0.2449, 0.125, 0.005, 0.995, 0.0, 1.0, 0.3333])
def test_points_are_the_whole_percent_pct_prints(x):
    from app.wording import points
    assert f"{points(x)}%" == pct(x)


def test_a_fault_is_never_skipped_for_lacking_its_pieces():
    """faults() searches a pattern only in texts holding one of its pieces: every match must hold one.
    Checked on random strings of the characters and words the patterns turn on (seeded)."""
    import random
    from app import wording
    rng = random.Random(32)
    alphabet = [*"0118.,-+−eE aAonly\n([])sinfaNIty", "only ", "inf", "nan", "NaN", "Infinity", " thousand",
                " trillion", " steps", "1 ", "1.0", "-0", "0.0", "a 8", "A 11", "a 18", "0.3450", "12.3456", "3e5", "1,234", " times"]
    corpus = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20))) for _ in range(30_000)]
    matched = set()
    for pattern, what, pieces in wording._FAULTS:
        for text in corpus:
            if pattern.search(text):
                matched.add(what)
                assert pieces is None or any(p in text for p in pieces), (what, text)
    assert matched == {what for _, what, _ in wording._FAULTS}, "the corpus reaches every kind of fault"


def test_rounding_on_the_digits_matches_the_decimal_module():
    """rounded decides on the digits of repr(round(x, 9)); Decimal's ROUND_HALF_UP is the reference."""
    import math
    import random
    from decimal import ROUND_HALF_UP, Decimal
    from app.wording import rounded

    def reference(x: float, places: int) -> float:
        return float(Decimal(repr(round(x, 9))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)) + 0.0

    rng = random.Random(32)
    xs = [0.0, -0.0, 0.5, -0.5, 2.5, 0.15, 0.25, 42.35, 8.25, -0.25, 1e-9, 4 - 15 * 0.35, 0.045, -0.005, 999.95, 1e14 + 0.5]
    xs += [rng.randint(-10 ** 6, 10 ** 6) / rng.choice([2, 8, 20, 40, 1000]) for _ in range(20_000)]
    xs += [rng.uniform(-1, 1) * 10 ** rng.randint(-12, 14) for _ in range(20_000)]
    xs += [round(rng.uniform(-50, 50), rng.randint(0, 4)) + rng.choice([0, 5e-10, -5e-10]) for _ in range(20_000)]
    for x in xs:
        for places in range(5):
            got, want = rounded(x, places), reference(x, places)
            assert got == want and math.copysign(1, got) == math.copysign(1, want), (x, places, got, want)


def test_minus_one_takes_the_singular():
    assert (count(-1, "point"), count(1, "point"), count(-2, "point")) == ("−1 point", "1 point", "−2 points")


def test_fair_points_without_adding_up_keep_ties_and_groups_where_adding_up_cannot():
    """Review 4 (F1): odds 20, 20, 60, 20, 20 (of 140) read 14, 14, 43, 15, 14 (D and E equal, shown unequal): no
    rounding that adds up to 100 keeps all four ties. Without adding up they read alike, 14 each (the page says
    its shares are rounded), with the named groups kept within a point."""
    parts = (20 / 140, 20 / 140, 60 / 140, 20 / 140, 20 / 140)
    groups = ((0, 1), (0, 1, 2), (3, 4))
    assert len(set(fair_points(parts, groups=groups)[i] for i in (0, 1, 3, 4))) == 2       # adding up breaks a tie
    assert fair_points(parts, add_up=False, groups=groups) == (14, 14, 43, 14, 14)
    parts = (80 / 255, 80 / 255, 0.0, 80 / 255, 15 / 255)
    shown = fair_points(parts, add_up=False, groups=groups)
    assert shown[0] == shown[1] == shown[3]
    # Ties kept before a group's nearness: at 90, 90, 65, 25, 95 (of 365) A and B read 24 each (48 for 49.3) rather
    # than 25 and 24; 25 each would put them at 50, on the wrong side of half.
    parts = tuple(v / 365 for v in (90, 90, 65, 25, 95))
    shown = fair_points(parts, add_up=False, groups=groups, allowed=lambda p: p[0] + p[1] < 50)
    assert shown[0] == shown[1] == 24


@given(raw=st.lists(st.floats(-50, 50), min_size=1, max_size=5), places=st.integers(0, 2))
def test_parts_add_up_to_the_total_shown_and_each_stays_within_a_unit(raw, places):
    """Review 5 (#9, #12): loop gains '0.35 … 0.75; combined, 1.09', costs '115.9 + 4.5 … the total, 120.3'. Parts of
    any sign, each rounded down or up (exactly itself if it has no more decimals), add up to the total as shown, the
    exact sum rounded with halves away from zero (as num writes it)."""
    shown, total = adding_up(raw, places)
    unit = 10 ** places
    assert round(unit * sum(shown)) == round(unit * total) == round(unit * rounded(sum(raw), places))
    for s, x in zip(shown, raw):
        assert abs(s - x) < 10 ** -places + 1e-9 and round(unit * s, 6) == round(unit * s)
        if abs(unit * x - round(unit * x)) < 1e-7:                  # a part already at `places` is kept
            assert round(unit * s) == round(unit * x)


@given(raw=st.lists(st.sampled_from([k / 400 for k in range(-800, 801)]), min_size=1, max_size=3))
def test_parts_and_total_stay_on_their_side_of_a_cut(raw):
    """With cuts, a part or total below 1 never shows 1.00, and one that is not 0 never shows 0.00 (where some
    rounding within a unit allows it): a verdict decided on the value stays true of the numbers shown."""
    shown, total = adding_up(raw, 2, cuts=(0, 1))
    assert round(100 * sum(shown)) == round(100 * total)
    assert all(abs(s - x) < 0.01 + 1e-9 for s, x in zip(shown, raw))
    for s, x in [*zip(shown, raw), (total, sum(raw))]:
        assert (s >= 1 - 1e-9) == (x >= 1 - 1e-9) and (abs(s) < 1e-9) == (abs(x) < 1e-9) and (s > 0) == (x > 1e-9)


@pytest.mark.parametrize("raw,places,kw,expected", [
    ((0.345, 0.7475), 2, {}, ((0.34, 0.75), 1.09)),
    ((115.94, 4.45), 1, {}, ((115.9, 4.5), 120.4)),
    ((0.9975, 0.0), 2, {"cuts": (1,)}, ((0.99, 0.0), 0.99)),          # rounded alone: 1.00, 'at least 1'
    ((0.9975, 0.35), 2, {"cuts": (1,)}, ((0.99, 0.35), 1.34)),        # below 1 stays below it; 0.35 stays
    ((0.0025, 0.5), 2, {"cuts": (0,)}, ((0.01, 0.5), 0.51)),          # a loop that is there is not shown as 0.00
    ((-0.0525, 0.07), 2, {}, ((-0.05, 0.07), 0.02)),
    ((1.0, 0.0), 2, {"cuts": (0, 1)}, ((1.0, 0.0), 1.0)),
])
def test_parts_adding_up_examples(raw, places, kw, expected):
    assert adding_up(raw, places, **kw) == expected


@pytest.mark.parametrize("raw,places,kw,expected", [
    ((0.9975, 0.9975), 2, {"cuts": (1,)}, 3),         # 0.99 + 0.99 = 1.98 against 1.995; 0.998 + 0.997 = 1.995
    ((0.9975, 0.9975), 2, {}, 2),                     # without a cut: 0.99 + 1.00 = 1.99 (1.995 rounded down)
    ((0.9975, 0.35), 2, {"cuts": (1,)}, 2),           # 0.99 + 0.35 = 1.34, within a hundredth of 1.3475
    ((0.345, 0.7475), 2, {}, 2),
    ((115.94, 4.45), 1, {}, 1),
])
def test_more_places_only_where_the_cuts_pull_the_total_further_than_rounding(raw, places, kw, expected):
    """A total that keeps its parts on their side of a cut must still read as the exact total rounded down or up:
    where the cuts forbid that at `places`, one more decimal, and the parts still add up to it."""
    assert adding_up_places(raw, places, **kw) == expected
    shown, total = adding_up(raw, expected, **kw)
    unit = 10 ** expected
    assert round(unit * sum(shown)) == round(unit * total)
    assert abs(total - sum(raw)) < 1 / unit + 1e-9 and all(abs(s - x) < 1 / unit + 1e-9 for s, x in zip(shown, raw))


@given(raw=st.lists(st.sampled_from([k / 4000 for k in range(-8000, 8001)]), min_size=1, max_size=3))
def test_with_the_places_it_needs_a_total_kept_on_its_side_of_a_cut_is_within_a_unit(raw):
    """With the places adding_up_places gives, the parts add up to the total shown, each part and the total within a
    unit of the last place of its value, and on its side of each cut."""
    places = adding_up_places(raw, 2, cuts=(0, 1), most=4)
    shown, total = adding_up(raw, places, cuts=(0, 1))
    unit = 10 ** places
    assert round(unit * sum(shown)) == round(unit * total)
    for s, x in [*zip(shown, raw), (total, sum(raw))]:
        assert abs(s - x) < 1 / unit + 1e-9
        assert (s >= 1 - 1e-9) == (x >= 1 - 1e-9) and (s > 1e-9) == (x > 1e-9)


@pytest.mark.parametrize("text,bad", [("reaches ASI 10.0 million person-years later", True),
                                      ("takes 1.0 million more", True), ("halves every 2.0 minutes", True),
                                      ("doubles every 1.0 s: faster", True), ("in 3.0 ms", True),
                                      ("10.5 million", False), ("every 0.1 s", False), ("3.5 minutes", False),
                                      ("2 minutes", False), ("10.0 points", False), ("v1.0 s", False)])
def test_a_whole_duration_or_named_unit_with_a_decimal_zero_is_a_fault(text, bad):
    """Review 6 U1 and A1: '2.0 minutes', '1.0 s', '10.0 million': a duration or a named large unit that rounds to
    a whole number reads without '.0' ('10.0 points' in a column of one-decimal points stays allowed)."""
    assert bool(faults(text)) == bad, (text, faults(text))


@pytest.mark.parametrize("text,bad", [("needs 10.0 interventions on average", True), ("20.0 times as many", True),
                                      ("8.0 bacteria", True), ("won 12.0 games", True), ("10.5 interventions", False),
                                      ("needs 10 interventions", False), ("10.0 points", False), ("11.0 steps", False)])
def test_a_whole_count_of_things_with_a_decimal_zero_is_a_fault(text, bad):
    """Review 7 U1: 'needs 10.0 interventions': a count of things that rounds to a whole number reads '10
    interventions' (wording.lone); points and steps in a column of one-decimal numbers stay allowed."""
    assert bool(faults(text)) == bad, (text, faults(text))


def test_a_lone_quantity_drops_only_a_decimal_zero():
    from app.wording import lone
    assert (lone(10.02), lone(76.66), lone(2.0), lone(0.25, 2), lone(1234.04), lone(-3.0)) == \
        ("10", "76.7", "2", "0.25", "1,234", "−3")


@pytest.mark.parametrize("text,value,places", [
    ("43%", 0.425, None), ("−1.3", -1.25, None), ("12,345", 12345.4, None), ("+0.05", 0.045, None),
    ("under 1%", 0.004, None), ("over 99%", 0.995, None), ("under 0.1%", 0.0004, 1), ("over 99.9%", 0.9995, 1),
    ("almost 0", 0.004, 2), ("over 10¹²", 2e12, None), ("below −10¹²", -3e15, None), ("10", 9.96, 1), ("0%", 0.0, None),
])
def test_reads_as_takes_the_kits_own_output(text, value, places):
    assert reads_as(text, value, places)


@pytest.mark.parametrize("text,value,places", [
    ("42%", 0.425, None),          # the half rounded down: pct writes 43%
    ("1.2", -1.25, None),          # the sign dropped
    ("12,346", 12345.4, None),     # off by one
    ("under 1%", 0.0, None),       # none is '0%', never 'under 1%'
    ("under 1%", 0.006, None),     # 0.6% reads 1%
    ("over 99%", 1.0, None), ("over 99%", 0.994, None),
    ("almost 0", 0.0, 2), ("almost 0", 0.006, 2),
    ("over 10¹²", 9e11, None), ("1%", 0.004, 1),
])
def test_reads_as_refuses_a_number_the_kit_would_not_write_for_the_value(text, value, places):
    assert not reads_as(text, value, places)


@given(st.floats(-1e6, 1e6, allow_nan=False), st.integers(0, 3))
def test_reads_as_takes_every_num_and_refuses_a_unit_either_side(x, places):
    text = num(x, places, tiny=False)
    assert reads_as(text, x, places)
    step = 10.0 ** -places
    for wrong in (rounded(x, places) + step, rounded(x, places) - step):
        assert not reads_as(num(wrong, places, tiny=False), x, places)


@given(st.floats(0, 1, allow_nan=False), st.integers(0, 1))
def test_reads_as_takes_every_pct_and_share(x, places):
    assert reads_as(pct(x, places), x) and reads_as(share(x, places), x, places)


@pytest.mark.parametrize("text,value,cuts,ok", [
    ("0.34", 0.345, (), True), ("0.35", 0.345, (), True), ("0.33", 0.345, (), False), ("0.36", 0.345, (), False),
    ("1.00", 0.9975, (1,), False), ("0.99", 0.9975, (1,), True),     # never at a cut the value is not at
    ("0.00", 0.002, (), False), ("0.01", 0.002, (), True),           # never 0 for something there
    ("−0.00", -0.002, (), False), ("−0.01", -0.002, (), True), ("0.01", -0.002, (), False),
    ("0.25", 0.25, (), True), ("0.26", 0.25, (), False),             # a value with no more decimals stays as it is
    ("36%", 0.356, (), True), ("35%", 0.356, (), True), ("34%", 0.356, (), False),
])
def test_reads_as_either_way_is_a_unit_down_or_up_on_the_values_side_of_each_cut(text, value, cuts, ok):
    assert reads_as(text, value, either_way=True, cuts=cuts) is ok


@given(st.lists(st.floats(-5, 5, allow_nan=False), min_size=1, max_size=5), st.integers(0, 2))
def test_every_part_adding_up_gives_reads_as_its_part_either_way(raw, places):
    parts, total = adding_up(raw, places, cuts=(0,))
    side = lambda v: (v > 1e-9) - (v < -1e-9)                 # noqa: E731
    # where no rounding keeps every part and the total on its side of 0, adding_up says any rounding may be used
    assume(all(side(s) == side(x) for s, x in zip((*parts, total), (*raw, sum(raw)))))
    for shown, x in zip(parts, raw):
        assert reads_as(num(shown, places, tiny=False), x, places, either_way=True)


@pytest.mark.parametrize("x,text", [
    (4385, "4,390"), (2.25, "2.25"), (438818, "439,000"), (0.012345, "0.0123"), (9995, "10,000"), (999.5, "1,000"),
    (-4385, "−4,390"), (12.25, "12.3"), (2.001, "2"), (0, "0"),
])
def test_significant_figures_round_halves_away_from_zero(x, text):
    assert sig(x) == text


@pytest.mark.parametrize("n,places,text", [
    (9.96, 1, "10 points"), (2.34, 1, "2.3 points"), (0.96, 1, "1 point"), (1.04, 1, "1 point"),
    (-1.0, 1, "−1 point"), (0.0, 1, "0 points"), (0.04, 1, "0 points"), (3, 0, "3 points"),
])
def test_a_whole_count_reads_without_its_decimal_zero_and_its_noun_agrees(n, places, text):
    assert count(n, "point", places=places, whole=True) == text
    assert not faults(text)


def test_fair_points_without_adding_up_round_each_share_alone_where_nothing_keeps_the_ties_and_allowed():
    """Two equal shares of 12.5% whose stated sum is 25%: 12 + 12 and 13 + 13 miss it, so no rounding keeps both the
    tie and the sum; the tie wins (each share rounded alone), never 13% beside 12% for equal odds."""
    assert fair_points((0.125, 0.125, 0.75), add_up=False, allowed=lambda p: p[0] + p[1] == 25) == (13, 13, 75)


def test_signed_rounds_halves_away_from_zero_as_num_does():
    """0.175 is stored a hair below the half, so Python's format writes '+0.17'; the kit writes what num writes."""
    assert signed(0.175) == "+0.18" and signed(-0.175) == "−0.18" and num(0.175, 2) == "0.18"
    assert reads_as(signed(0.175), 0.175) and not reads_as("+0.17", 0.175)


@pytest.mark.parametrize("path,said", [((0.5, 0.61, 0.5), "as high as 61%"), ((0.5, 0.3, 0.5), "as low as 30%"),
                                       ((0.5, 0.9, 0.1, 0.5), "as high as 90%, then as low as 10%"),
                                       ((0.5, 0.1, 0.9, 0.5), "as low as 10%, then as high as 90%"),
                                       ((0.5, 0.504, 0.497), "")])
def test_swings_say_only_the_sides_that_read_differently_and_the_pattern_checks_them(path, said):
    """'went as high as 61% and as low as 50%' named a low that reads as the start; a side reads only where it differs."""
    import re
    from app.wording import SWINGS, says_swings, swings
    assert swings(path, 0.5) == said
    if said:
        m = re.fullmatch(SWINGS, said)
        assert says_swings(m, 1, path, 0.5)
        assert not says_swings(m, 1, [*path, 0.95], 0.5)      # a higher point left unsaid
        assert not says_swings(m, 1, path[::-1], 0.5) or len(said.split(", then ")) == 1   # the order it got there


def test_equal_parts_read_alike_where_some_rounding_lets_them_add_up():
    """Adding up splits a tie one up and one down (0.8625 twice: 0.86 + 0.87 = 1.73); with `alike` equal parts read
    alike where their sum is the exact total rounded down or up (0.86 + 0.86 = 1.72), and more places are taken only
    where needed (0.025 twice: three); 0.9975 twice under a cut at 1 cannot read alike under four places."""
    from app.wording import adding_up, adding_up_places
    assert adding_up((0.8625, 0.8625), 2)[0] in ((0.86, 0.87), (0.87, 0.86))
    assert adding_up((0.8625, 0.8625), 2, alike=True) == ((0.86, 0.86), 1.72)
    assert adding_up_places((0.8625, 0.8625), 2, alike=True, most=3) == 2
    assert adding_up_places((0.025, 0.025), 2, alike=True, most=3) == 3
    assert adding_up((0.025, 0.025), 3, alike=True) == ((0.025, 0.025), 0.05)
    assert adding_up_places((0.9975, 0.9975), 2, cuts=(1,), alike=True, most=3) == 3
    assert adding_up((0.9975, 0.9975), 3, cuts=(1,), alike=True) == ((0.998, 0.997), 1.995)
    assert adding_up((0.3, 0.7), 1, alike=True) == ((0.3, 0.7), 1.0)     # unequal parts: as without it


def test_pct_beside_adds_decimals_only_where_whole_percentages_would_cross_a_cut():
    from app.wording import pct_beside
    assert pct_beside(0.24576, 0.25) == "24.6%"            # '25%' would read as not below 25%
    assert pct_beside(0.2496, 0.25) == "24.96%"
    assert pct_beside(0.2502, 0.25) == "25%"               # not below, and reads so
    assert pct_beside(0.25, 0.25) == "25%"
    assert pct_beside(0.3, 0.25, 0.75) == "30%" and pct_beside(0.2449, 0.25) == "24%"
    assert pct_beside(0.7496, 0.25, 0.75) == "74.96%"
    assert pct_beside(0.2499999, 0.25, 0.75) == "just under 25%"
    for x in (0.2449, 0.245, 0.24576, 0.2499, 0.25, 0.251, 0.7449, 0.74996, 0.75):
        shown = pct_beside(x, 0.25, 0.75)
        value = float(shown.removeprefix("just under ").rstrip("%")) - (1e-9 if shown.startswith("just") else 0)
        assert (value < 25) == (x < 0.25) and (value < 75) == (x < 0.75), (x, shown)


def test_join_and_sets_off_the_last_item_where_an_item_has_an_and_of_its_own():
    """/active-self: 'awareness, my body and its feelings and my goals' could not be parsed at first reading."""
    from app.wording import join_and
    assert join_and(["a", "b", "c"]) == "a, b and c"
    assert join_and(["awareness", "my body and its feelings", "my goals"]) == \
        "awareness, my body and its feelings, and my goals"
    assert join_and(["my body and its feelings", "my goals"]) == "my body and its feelings, and my goals"
    assert join_and(["awareness", "my body and its feelings"]) == "awareness and my body and its feelings"
