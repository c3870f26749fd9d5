"""The membership dues arithmetic, checked without Odoo.

models/fees.py imports nothing from Odoo, so it loads straight from its file.
"""

from datetime import date
from pathlib import Path

import pytest

from addon_files import load_module_file

FEES_PATH = Path(__file__).resolve().parents[1] / "addons" / "eboc_dues" / "models" / "fees.py"
fees = load_module_file(FEES_PATH, "eboc_fees")

SIZES = {"micro": 100.0, "small": 250.0, "medium": 800.0, "large": 2000.0}


def test_module_does_not_import_odoo():
    source = FEES_PATH.read_text()
    assert "import odoo" not in source and "from odoo" not in source


def test_public_constants():
    assert fees.METHODS == ("flat", "size", "employee", "turnover")
    assert fees.PRORATION_MODES == ("none", "month", "day")


# --- rule_amount: each method, without bounds ---------------------------------------


@pytest.mark.parametrize(
    ("method", "kwargs", "expected"),
    [
        ("flat", {"flat": 350.0}, 350.0),
        ("flat", {}, 0.0),
        ("flat", {"flat": 0.0}, 0.0),
        ("size", {"size_amounts": SIZES, "size_key": "micro"}, 100.0),
        ("size", {"size_amounts": SIZES, "size_key": "large"}, 2000.0),
        ("size", {"size_amounts": {"free": 0.0}, "size_key": "free"}, 0.0),
        ("size", {"size_amounts": {1: 40.0, 2: 90.0}, "size_key": 2}, 90.0),
        ("employee", {"per_employee": 12.5, "employees": 1}, 12.5),
        ("employee", {"per_employee": 12.5, "employees": 40}, 500.0),
        ("employee", {"per_employee": 0.0, "employees": 40}, 0.0),
        ("turnover", {"turnover_rate": 0.1, "turnover": 1_000_000}, 1000.0),
        ("turnover", {"turnover_rate": 2.5, "turnover": 40_000}, 1000.0),
        ("turnover", {"turnover_rate": 100, "turnover": 7}, 7.0),
        ("turnover", {"turnover_rate": 0.0, "turnover": 40_000}, 0.0),
    ],
)
def test_rule_amount_without_bounds(method, kwargs, expected):
    amount, warnings = fees.rule_amount(method, **kwargs)
    assert amount == pytest.approx(expected)
    assert isinstance(amount, float)
    assert warnings == ()


def test_rule_amount_ignores_inputs_of_other_methods():
    kwargs = {
        "flat": 10.0,
        "size_amounts": SIZES,
        "size_key": "small",
        "per_employee": 3.0,
        "employees": 7,
        "turnover_rate": 1.0,
        "turnover": 5000,
    }
    assert fees.rule_amount("flat", **kwargs) == (10.0, ())
    assert fees.rule_amount("size", **kwargs) == (250.0, ())
    assert fees.rule_amount("employee", **kwargs) == (21.0, ())
    assert fees.rule_amount("turnover", **kwargs) == (50.0, ())


def test_rule_amount_is_not_rounded():
    amount, _warnings = fees.rule_amount("turnover", turnover_rate=1.0, turnover=333.33)
    assert amount == pytest.approx(3.3333)
    assert amount != round(amount, 2)
    amount, _warnings = fees.rule_amount("employee", per_employee=0.333, employees=3)
    assert amount == pytest.approx(0.999)


# --- rule_amount: minimum and maximum -----------------------------------------------


@pytest.mark.parametrize(
    ("method", "kwargs", "minimum", "maximum", "expected"),
    [
        # flat
        ("flat", {"flat": 100.0}, 150.0, 0.0, 150.0),
        ("flat", {"flat": 200.0}, 150.0, 0.0, 200.0),
        ("flat", {"flat": 150.0}, 150.0, 0.0, 150.0),
        ("flat", {"flat": 900.0}, 0.0, 500.0, 500.0),
        ("flat", {"flat": 400.0}, 0.0, 500.0, 400.0),
        ("flat", {"flat": 500.0}, 0.0, 500.0, 500.0),
        ("flat", {"flat": 50.0}, 100.0, 500.0, 100.0),
        ("flat", {"flat": 300.0}, 100.0, 500.0, 300.0),
        ("flat", {"flat": 600.0}, 100.0, 500.0, 500.0),
        ("flat", {"flat": 300.0}, 300.0, 300.0, 300.0),
        ("flat", {"flat": 10.0}, 300.0, 300.0, 300.0),
        # size
        ("size", {"size_amounts": SIZES, "size_key": "micro"}, 150.0, 0.0, 150.0),
        ("size", {"size_amounts": SIZES, "size_key": "medium"}, 150.0, 0.0, 800.0),
        ("size", {"size_amounts": SIZES, "size_key": "large"}, 0.0, 1500.0, 1500.0),
        ("size", {"size_amounts": SIZES, "size_key": "medium"}, 0.0, 1500.0, 800.0),
        ("size", {"size_amounts": SIZES, "size_key": "micro"}, 150.0, 1500.0, 150.0),
        ("size", {"size_amounts": SIZES, "size_key": "large"}, 150.0, 1500.0, 1500.0),
        # employee: 10 per head
        ("employee", {"per_employee": 10.0, "employees": 5}, 100.0, 0.0, 100.0),
        ("employee", {"per_employee": 10.0, "employees": 11}, 100.0, 0.0, 110.0),
        ("employee", {"per_employee": 10.0, "employees": 10}, 100.0, 0.0, 100.0),
        ("employee", {"per_employee": 10.0, "employees": 301}, 0.0, 3000.0, 3000.0),
        ("employee", {"per_employee": 10.0, "employees": 299}, 0.0, 3000.0, 2990.0),
        ("employee", {"per_employee": 10.0, "employees": 5}, 100.0, 3000.0, 100.0),
        ("employee", {"per_employee": 10.0, "employees": 50}, 100.0, 3000.0, 500.0),
        ("employee", {"per_employee": 10.0, "employees": 5000}, 100.0, 3000.0, 3000.0),
        # turnover: 0.5 %
        ("turnover", {"turnover_rate": 0.5, "turnover": 10_000}, 100.0, 0.0, 100.0),
        ("turnover", {"turnover_rate": 0.5, "turnover": 30_000}, 100.0, 0.0, 150.0),
        ("turnover", {"turnover_rate": 0.5, "turnover": 2_000_000}, 0.0, 5000.0, 5000.0),
        ("turnover", {"turnover_rate": 0.5, "turnover": 900_000}, 0.0, 5000.0, 4500.0),
        ("turnover", {"turnover_rate": 0.5, "turnover": 10_000}, 100.0, 5000.0, 100.0),
        ("turnover", {"turnover_rate": 0.5, "turnover": 100_000}, 100.0, 5000.0, 500.0),
        ("turnover", {"turnover_rate": 0.5, "turnover": 9_000_000}, 100.0, 5000.0, 5000.0),
    ],
)
def test_rule_amount_clamped(method, kwargs, minimum, maximum, expected):
    amount, warnings = fees.rule_amount(method, minimum=minimum, maximum=maximum, **kwargs)
    assert amount == pytest.approx(expected)
    assert warnings == ()


@pytest.mark.parametrize(("minimum", "maximum"), [(500.01, 500.0), (2.0, 1.0), (1000.0, 0.5)])
@pytest.mark.parametrize("method", ["flat", "size", "employee", "turnover"])
def test_rule_amount_minimum_above_maximum(method, minimum, maximum):
    with pytest.raises(ValueError, match="minimum above maximum"):
        fees.rule_amount(method, flat=100.0, minimum=minimum, maximum=maximum)


@pytest.mark.parametrize(("minimum", "maximum"), [(500.0, 0.0), (0.0, 500.0), (0.0, 0.0)])
def test_rule_amount_one_bound_unset_is_not_an_error(minimum, maximum):
    amount, _warnings = fees.rule_amount("flat", flat=200.0, minimum=minimum, maximum=maximum)
    assert amount == pytest.approx(max(200.0, minimum))


# --- rule_amount: missing data ------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "kwargs", "warning"),
    [
        ("size", {"size_amounts": SIZES, "size_key": None}, "no_size_class"),
        ("size", {"size_amounts": SIZES, "size_key": False}, "no_size_class"),
        ("size", {"size_amounts": SIZES}, "no_size_class"),
        ("size", {"size_amounts": SIZES, "size_key": "huge"}, "no_size_amount"),
        ("size", {"size_amounts": {}, "size_key": "micro"}, "no_size_amount"),
        ("size", {"size_amounts": None, "size_key": "micro"}, "no_size_amount"),
        ("employee", {"per_employee": 10.0, "employees": None}, "no_employee_count"),
        ("employee", {"per_employee": 10.0, "employees": False}, "no_employee_count"),
        ("employee", {"per_employee": 10.0, "employees": 0}, "no_employee_count"),
        ("employee", {"per_employee": 10.0}, "no_employee_count"),
        ("turnover", {"turnover_rate": 0.5, "turnover": None}, "no_turnover"),
        ("turnover", {"turnover_rate": 0.5, "turnover": False}, "no_turnover"),
        ("turnover", {"turnover_rate": 0.5, "turnover": 0}, "no_turnover"),
        ("turnover", {"turnover_rate": 0.5, "turnover": 0.0}, "no_turnover"),
        ("turnover", {"turnover_rate": 0.5}, "no_turnover"),
    ],
)
@pytest.mark.parametrize(
    ("minimum", "maximum", "expected"),
    [(0.0, 0.0, 0.0), (0.0, 300.0, 0.0), (120.0, 0.0, 120.0), (120.0, 300.0, 120.0)],
)
def test_rule_amount_missing_data_owes_the_minimum(
    method, kwargs, warning, minimum, maximum, expected
):
    amount, warnings = fees.rule_amount(method, minimum=minimum, maximum=maximum, **kwargs)
    assert warnings == (warning,)
    assert amount == expected
    assert isinstance(amount, float)


def test_rule_amount_size_zero_key_is_a_class():
    # 0 is a valid key; only None/False mean "no size class".
    assert fees.rule_amount("size", size_amounts={0: 60.0}, size_key=0) == (60.0, ())


def test_rule_amount_warnings_only_for_the_method_used():
    # Data the chosen method does not need is not reported missing.
    assert fees.rule_amount("flat", flat=10.0) == (10.0, ())
    assert fees.rule_amount("employee", per_employee=1.0, employees=3) == (3.0, ())
    assert fees.rule_amount("turnover", turnover_rate=1.0, turnover=300) == (3.0, ())


def test_warning_codes_are_stable():
    assert fees.WARNINGS == ("no_size_class", "no_size_amount", "no_employee_count", "no_turnover")


# --- rule_amount: bad input ---------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("flat", {"flat": -1.0}),
        ("flat", {"flat": -0.01}),
        ("employee", {"per_employee": -5.0, "employees": 3}),
        ("employee", {"per_employee": 5.0, "employees": -3}),
        ("turnover", {"turnover_rate": -0.5, "turnover": 1000}),
        ("turnover", {"turnover_rate": 0.5, "turnover": -1000}),
        ("size", {"size_amounts": {"micro": -100.0}, "size_key": "micro"}),
        ("size", {"size_amounts": {"micro": 100.0, "large": -1.0}, "size_key": "micro"}),
        ("flat", {"flat": 10.0, "minimum": -1.0}),
        ("flat", {"flat": 10.0, "maximum": -1.0}),
        # Validated whatever the method.
        ("flat", {"flat": 10.0, "per_employee": -1.0}),
        ("size", {"size_amounts": SIZES, "size_key": "micro", "turnover": -1}),
    ],
)
def test_rule_amount_negative_input(method, kwargs):
    with pytest.raises(ValueError, match="negative"):
        fees.rule_amount(method, **kwargs)


@pytest.mark.parametrize("method", ["", "fixed", "Flat", None])
def test_rule_amount_unknown_method(method):
    with pytest.raises(ValueError, match="unknown fee method"):
        fees.rule_amount(method, flat=10.0)


def test_rule_amount_keywords_only():
    with pytest.raises(TypeError):
        fees.rule_amount("flat", 10.0)


# --- proration_factor ---------------------------------------------------------------

YEAR_2026 = (date(2026, 1, 1), date(2026, 12, 31))  # 365 days
YEAR_2028 = (date(2028, 1, 1), date(2028, 12, 31))  # leap year, 366 days
H1_2026 = (date(2026, 1, 1), date(2026, 6, 30))  # 181 days
H2_2026 = (date(2026, 7, 1), date(2026, 12, 31))  # 184 days
H1_2028 = (date(2028, 1, 1), date(2028, 6, 30))  # 182 days
Q1_2026 = (date(2026, 1, 1), date(2026, 3, 31))  # 90 days
Q1_2028 = (date(2028, 1, 1), date(2028, 3, 31))  # 91 days
Q4_2026 = (date(2026, 10, 1), date(2026, 12, 31))  # 92 days


@pytest.mark.parametrize(
    ("period", "start", "expected"),
    [
        (YEAR_2026, date(2026, 1, 1), 1.0),
        (YEAR_2026, date(2026, 1, 2), 364 / 365),
        (YEAR_2026, date(2026, 3, 31), 276 / 365),
        (YEAR_2026, date(2026, 7, 1), 184 / 365),
        (YEAR_2026, date(2026, 12, 31), 1 / 365),
        (YEAR_2028, date(2028, 1, 2), 365 / 366),
        (YEAR_2028, date(2028, 2, 29), 307 / 366),
        (YEAR_2028, date(2028, 3, 1), 306 / 366),
        (YEAR_2028, date(2028, 12, 31), 1 / 366),
        (H1_2026, date(2026, 6, 30), 1 / 181),
        (H1_2026, date(2026, 3, 1), 122 / 181),
        (H1_2028, date(2028, 3, 1), 122 / 182),
        (H1_2028, date(2028, 2, 29), 123 / 182),
        (H2_2026, date(2026, 7, 2), 183 / 184),
        (H2_2026, date(2026, 10, 1), 92 / 184),
        (Q1_2026, date(2026, 3, 1), 31 / 90),
        (Q1_2028, date(2028, 3, 1), 31 / 91),
        (Q1_2028, date(2028, 2, 29), 32 / 91),
        (Q4_2026, date(2026, 12, 31), 1 / 92),
        (Q4_2026, date(2026, 11, 15), 47 / 92),
    ],
)
def test_proration_by_day(period, start, expected):
    assert fees.proration_factor("day", *period, start) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("period", "start", "expected"),
    [
        (YEAR_2026, date(2026, 1, 1), 1.0),
        (YEAR_2026, date(2026, 1, 2), 1.0),  # January counts in full
        (YEAR_2026, date(2026, 1, 31), 1.0),
        (YEAR_2026, date(2026, 2, 1), 11 / 12),
        (YEAR_2026, date(2026, 3, 1), 10 / 12),
        (YEAR_2026, date(2026, 3, 31), 10 / 12),
        (YEAR_2026, date(2026, 4, 1), 9 / 12),
        (YEAR_2026, date(2026, 12, 1), 1 / 12),
        (YEAR_2026, date(2026, 12, 31), 1 / 12),
        (YEAR_2028, date(2028, 2, 29), 11 / 12),
        (YEAR_2028, date(2028, 3, 1), 10 / 12),
        (H1_2026, date(2026, 5, 15), 2 / 6),
        (H1_2026, date(2026, 6, 30), 1 / 6),
        (H1_2026, date(2026, 2, 28), 5 / 6),
        (H1_2028, date(2028, 2, 29), 5 / 6),
        (H2_2026, date(2026, 7, 31), 1.0),
        (H2_2026, date(2026, 8, 1), 5 / 6),
        (H2_2026, date(2026, 12, 31), 1 / 6),
        (Q1_2026, date(2026, 2, 14), 2 / 3),
        (Q1_2026, date(2026, 3, 31), 1 / 3),
        (Q4_2026, date(2026, 11, 1), 2 / 3),
        (Q4_2026, date(2026, 12, 31), 1 / 3),
    ],
)
def test_proration_by_month(period, start, expected):
    assert fees.proration_factor("month", *period, start) == pytest.approx(expected)


def test_proration_by_month_for_a_period_across_years():
    # A fiscal year from July to June: joining in February owes Feb..Jun = 5/12.
    factor = fees.proration_factor("month", date(2026, 7, 1), date(2027, 6, 30), date(2027, 2, 10))
    assert factor == pytest.approx(5 / 12)
    factor = fees.proration_factor("day", date(2026, 7, 1), date(2027, 6, 30), date(2027, 6, 30))
    assert factor == pytest.approx(1 / 365)


@pytest.mark.parametrize("mode", ["none", "month", "day"])
@pytest.mark.parametrize(
    "start",
    [None, False, date(2026, 1, 1), date(2025, 12, 31), date(2019, 6, 15)],
)
def test_proration_join_on_or_before_period_owes_all(mode, start):
    assert fees.proration_factor(mode, *YEAR_2026, start) == 1.0


@pytest.mark.parametrize("mode", ["none", "month", "day"])
@pytest.mark.parametrize("start", [date(2027, 1, 1), date(2030, 5, 5)])
def test_proration_join_after_period_owes_nothing(mode, start):
    assert fees.proration_factor(mode, *YEAR_2026, start) == 0.0


@pytest.mark.parametrize(
    "start", [date(2026, 1, 2), date(2026, 5, 15), date(2026, 12, 31), date(2028, 2, 29)]
)
def test_no_proration_owes_all_within_the_period(start):
    period = YEAR_2028 if start.year == 2028 else YEAR_2026
    assert fees.proration_factor("none", *period, start) == 1.0


@pytest.mark.parametrize("mode", ["month", "day"])
def test_proration_join_on_last_day_owes_a_share(mode):
    factor = fees.proration_factor(mode, *H2_2026, date(2026, 12, 31))
    assert 0.0 < factor < 1.0


@pytest.mark.parametrize("mode", ["none", "month", "day"])
def test_proration_one_day_period(mode):
    day = date(2026, 4, 1)
    assert fees.proration_factor(mode, day, day, day) == 1.0
    assert fees.proration_factor(mode, day, day, date(2026, 4, 2)) == 0.0


@pytest.mark.parametrize("mode", ["", "week", "Day", None])
def test_proration_unknown_mode(mode):
    with pytest.raises(ValueError, match="unknown proration mode"):
        fees.proration_factor(mode, *YEAR_2026, date(2026, 5, 1))


@pytest.mark.parametrize("mode", ["none", "month", "day"])
@pytest.mark.parametrize("start", [None, date(2026, 5, 1)])
def test_proration_period_end_before_start(mode, start):
    with pytest.raises(ValueError, match="period_end before period_start"):
        fees.proration_factor(mode, date(2026, 12, 31), date(2026, 1, 1), start)


# --- period_bounds ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("periodicity", "year", "expected"),
    [
        ("year", 2026, [("", date(2026, 1, 1), date(2026, 12, 31))]),
        (
            "half",
            2026,
            [
                ("H1", date(2026, 1, 1), date(2026, 6, 30)),
                ("H2", date(2026, 7, 1), date(2026, 12, 31)),
            ],
        ),
        (
            "quarter",
            2026,
            [
                ("Q1", date(2026, 1, 1), date(2026, 3, 31)),
                ("Q2", date(2026, 4, 1), date(2026, 6, 30)),
                ("Q3", date(2026, 7, 1), date(2026, 9, 30)),
                ("Q4", date(2026, 10, 1), date(2026, 12, 31)),
            ],
        ),
        (
            "quarter",
            2028,
            [
                ("Q1", date(2028, 1, 1), date(2028, 3, 31)),
                ("Q2", date(2028, 4, 1), date(2028, 6, 30)),
                ("Q3", date(2028, 7, 1), date(2028, 9, 30)),
                ("Q4", date(2028, 10, 1), date(2028, 12, 31)),
            ],
        ),
    ],
)
def test_period_bounds(periodicity, year, expected):
    assert fees.period_bounds(year, periodicity) == expected


@pytest.mark.parametrize(("periodicity", "count"), [("year", 1), ("half", 2), ("quarter", 4)])
@pytest.mark.parametrize("year", [2026, 2028, 2100])
def test_period_bounds_cover_the_year_without_gap_or_overlap(year, periodicity, count):
    bounds = fees.period_bounds(year, periodicity)
    assert len(bounds) == count
    assert bounds[0][1] == date(year, 1, 1)
    assert bounds[-1][2] == date(year, 12, 31)
    for (_s1, _f1, end), (_s2, start, _t2) in zip(bounds, bounds[1:], strict=False):
        assert (start - end).days == 1
    days = sum((to - frm).days + 1 for _s, frm, to in bounds)
    assert days == (date(year, 12, 31) - date(year, 1, 1)).days + 1


@pytest.mark.parametrize("periodicity", ["month", "Year", "", None, "halfyear"])
def test_period_bounds_unknown_periodicity(periodicity):
    with pytest.raises(ValueError, match="unknown periodicity"):
        fees.period_bounds(2026, periodicity)


# --- dues_for_period ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"amount": 600.0, "factor": 1.0}, (600.0, 0.0)),
        ({"amount": 600.0, "factor": 0.5}, (300.0, 0.0)),
        ({"amount": 600.0, "factor": 0.0}, (0.0, 0.0)),
        ({"amount": 600.0, "factor": 10 / 12}, (500.0, 0.0)),
        # Entrance fee: only in the first period, never prorated.
        ({"amount": 600.0, "factor": 1.0, "entrance_fee": 50.0}, (600.0, 0.0)),
        (
            {"amount": 600.0, "factor": 1.0, "entrance_fee": 50.0, "first_period": True},
            (600.0, 50.0),
        ),
        (
            {"amount": 600.0, "factor": 2 / 6, "entrance_fee": 50.0, "first_period": True},
            (200.0, 50.0),
        ),
        (
            {"amount": 600.0, "factor": 0.0, "entrance_fee": 50.0, "first_period": True},
            (0.0, 50.0),
        ),
        ({"amount": 600.0, "factor": 0.25, "entrance_fee": 50.0}, (150.0, 0.0)),
        # Override replaces the amount before proration; 0.0 is an override.
        ({"amount": 600.0, "factor": 1.0, "override": 240.0}, (240.0, 0.0)),
        ({"amount": 600.0, "factor": 0.5, "override": 240.0}, (120.0, 0.0)),
        ({"amount": 600.0, "factor": 1.0, "override": 0.0}, (0.0, 0.0)),
        ({"amount": 600.0, "factor": 0.5, "override": 0.0}, (0.0, 0.0)),
        ({"amount": 600.0, "factor": 0.5, "override": None}, (300.0, 0.0)),
        ({"amount": 100.0, "factor": 1.0, "override": 900.0}, (900.0, 0.0)),
        (
            {
                "amount": 600.0,
                "factor": 0.5,
                "override": 0.0,
                "entrance_fee": 50.0,
                "first_period": True,
            },
            (0.0, 50.0),
        ),
        # Exempt owes nothing, entrance fee and override included.
        ({"amount": 600.0, "factor": 1.0, "exempt": True}, (0.0, 0.0)),
        (
            {
                "amount": 600.0,
                "factor": 1.0,
                "exempt": True,
                "entrance_fee": 50.0,
                "first_period": True,
                "override": 240.0,
            },
            (0.0, 0.0),
        ),
    ],
)
def test_dues_for_period(kwargs, expected):
    dues, entrance = fees.dues_for_period(**kwargs)
    assert (dues, entrance) == pytest.approx(expected)
    assert isinstance(dues, float) and isinstance(entrance, float)


def test_dues_for_period_positional_order():
    assert fees.dues_for_period(600.0, 0.5, 50.0, True, False, 100.0) == (50.0, 50.0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"amount": -1.0, "factor": 1.0},
        {"amount": 100.0, "factor": 1.0, "entrance_fee": -5.0},
        {"amount": 100.0, "factor": 1.0, "override": -0.01},
        {"amount": 100.0, "factor": -0.1},
        {"amount": 100.0, "factor": 1.01},
    ],
)
def test_dues_for_period_bad_input(kwargs):
    with pytest.raises(ValueError):
        fees.dues_for_period(**kwargs)


# --- the pieces together ------------------------------------------------------------


def test_half_yearly_dues_for_a_member_joining_in_may():
    amount, warnings = fees.rule_amount("employee", per_employee=20.0, employees=30, minimum=100.0)
    assert (amount, warnings) == (600.0, ())
    (h1_name, h1_from, h1_to), (h2_name, h2_from, h2_to) = fees.period_bounds(2026, "half")
    joined = date(2026, 5, 15)
    h1 = fees.dues_for_period(
        amount,
        fees.proration_factor("month", h1_from, h1_to, joined),
        entrance_fee=75.0,
        first_period=True,
    )
    h2 = fees.dues_for_period(
        amount,
        fees.proration_factor("month", h2_from, h2_to, joined),
        entrance_fee=75.0,
        first_period=False,
    )
    assert (h1_name, h2_name) == ("H1", "H2")
    assert h1 == pytest.approx((200.0, 75.0))
    assert h2 == pytest.approx((600.0, 0.0))
