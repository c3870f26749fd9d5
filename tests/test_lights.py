"""The dues traffic light and aging buckets, checked without Odoo.

models/lights.py imports nothing from Odoo; the odoo tier checks that its SQL twin
gives the same answers on real invoices.
"""

from datetime import date
from pathlib import Path

import pytest

from addon_files import load_module_file

LIGHTS_PATH = Path(__file__).resolve().parents[1] / "addons" / "eboc_dues" / "models" / "lights.py"
lights = load_module_file(LIGHTS_PATH, "eboc_lights")

TODAY = date(2031, 3, 18)


def test_module_does_not_import_odoo():
    source = LIGHTS_PATH.read_text()
    assert "import odoo" not in source and "from odoo" not in source


@pytest.mark.parametrize(
    ("move_state", "payment_state", "date_overdue", "expected"),
    [
        (None, None, None, "grey"),  # not invoiced
        ("draft", "not_paid", date(2031, 1, 1), "grey"),
        ("cancel", "not_paid", date(2031, 1, 1), "grey"),
        ("posted", "reversed", date(2031, 1, 1), "grey"),  # cancelled by a credit note
        ("posted", "paid", date(2031, 1, 1), "green"),
        ("posted", "in_payment", date(2031, 1, 1), "green"),
        ("posted", "not_paid", date(2031, 3, 18), "amber"),  # last day of grace
        ("posted", "not_paid", date(2031, 3, 17), "red"),
        ("posted", "partial", date(2031, 4, 1), "amber"),
        ("posted", "partial", date(2031, 3, 1), "red"),  # the rest is overdue
        ("posted", "not_paid", None, "amber"),  # no due date: never overdue
    ],
)
def test_line_light(move_state, payment_state, date_overdue, expected):
    assert lights.line_light(move_state, payment_state, date_overdue, TODAY) == expected


@pytest.mark.parametrize(
    ("payment_state", "date_due", "expected"),
    [
        ("not_paid", date(2031, 3, 18), "not_due"),
        ("not_paid", date(2031, 4, 30), "not_due"),
        ("partial", date(2031, 3, 17), "1_30"),
        ("not_paid", date(2031, 2, 16), "1_30"),  # 30 days
        ("not_paid", date(2031, 2, 15), "31_60"),
        ("not_paid", date(2031, 1, 17), "31_60"),  # 60 days
        ("not_paid", date(2031, 1, 16), "61_90"),
        ("not_paid", date(2030, 12, 18), "61_90"),  # 90 days
        ("not_paid", date(2030, 12, 17), "90_plus"),
        ("paid", date(2030, 1, 1), None),
        ("reversed", date(2030, 1, 1), None),
        ("not_paid", None, None),
    ],
)
def test_aging_bucket(payment_state, date_due, expected):
    assert lights.aging_bucket("posted", payment_state, date_due, TODAY) == expected


def test_aging_needs_a_posted_invoice():
    assert lights.aging_bucket("draft", "not_paid", date(2030, 1, 1), TODAY) is None


def test_buckets_are_the_selection_keys():
    assert lights.AGING_BUCKETS == ("not_due", "1_30", "31_60", "61_90", "90_plus")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((), "grey"),
        (("grey", "green"), "green"),
        (("green", "amber", "grey"), "amber"),
        (("amber", "red", "green"), "red"),
    ],
)
def test_company_light_is_the_worst(values, expected):
    assert lights.worst(values) == expected


def test_days_overdue_and_shift():
    assert lights.days_overdue(date(2031, 2, 15), TODAY) == 31
    assert lights.days_overdue(date(2031, 4, 1), TODAY) == 0
    assert lights.days_overdue(None, TODAY) == 0
    assert lights.shift(date(2031, 2, 15), 30) == date(2031, 3, 17)
    assert lights.shift(None, 30) is None


def test_sql_twins_name_every_outcome_and_only_stored_columns():
    light = lights.light_sql("l", "params.today")
    aging = lights.aging_sql("l", "params.today")
    for value in lights.LIGHTS:
        assert f"'{value}'" in light
    for bucket in lights.AGING_BUCKETS:
        assert f"'{bucket}'" in aging
    columns = {"l.move_state", "l.payment_state", "l.date_overdue", "l.invoice_date_due"}
    for expression in (light, aging):
        used = {word.strip("(),") for word in expression.split() if word.startswith(("l.", "(l."))}
        assert used <= columns, used
        assert "%" not in expression


def test_worst_sql_ranks_like_worst():
    expression = lights.worst_sql("light")
    assert expression.startswith("CASE MAX(CASE light ")
    for light, rank in lights.SEVERITY.items():
        assert f"WHEN '{light}' THEN {rank}" in expression
        assert f"WHEN {rank} THEN '{light}'" in expression
