"""Membership dues arithmetic, free of any Odoo import.

The fee rules and dues runs of this addon apply these functions; keeping them here
lets the static test tier check the arithmetic without a database. Amounts are plain
floats, never rounded: rounding to the currency belongs to the caller.
"""

import datetime

FLAT = "flat"
SIZE = "size"
EMPLOYEE = "employee"
TURNOVER = "turnover"
METHODS = (FLAT, SIZE, EMPLOYEE, TURNOVER)

NO_PRORATION = "none"
BY_MONTH = "month"
BY_DAY = "day"
PRORATION_MODES = (NO_PRORATION, BY_MONTH, BY_DAY)

# Warning codes, in the order rule_amount reports them.
NO_SIZE_CLASS = "no_size_class"
NO_SIZE_AMOUNT = "no_size_amount"
NO_EMPLOYEE_COUNT = "no_employee_count"
NO_TURNOVER = "no_turnover"
WARNINGS = (NO_SIZE_CLASS, NO_SIZE_AMOUNT, NO_EMPLOYEE_COUNT, NO_TURNOVER)

# Periodicity -> (name suffix, first month) of each period of a calendar year.
PERIODS = {
    "year": (("", 1),),
    "half": (("H1", 1), ("H2", 7)),
    "quarter": (("Q1", 1), ("Q2", 4), ("Q3", 7), ("Q4", 10)),
}


def _missing(value):
    """True for a value Odoo leaves empty: None, False or 0."""
    return value is None or value is False or value == 0


def _check_not_negative(**values):
    """Raise ValueError naming the first given value below zero (None/False are skipped)."""
    for name, value in values.items():
        if value is not None and value is not False and value < 0:
            raise ValueError(f"{name} must not be negative: {value!r}")


def rule_amount(
    method,
    *,
    flat=0.0,
    size_amounts=None,
    size_key=None,
    per_employee=0.0,
    employees=None,
    turnover_rate=0.0,
    turnover=None,
    minimum=0.0,
    maximum=0.0,
):
    """Return ``(amount, warnings)`` for one membership under one fee rule, before proration.

    - ``flat``: ``flat``.
    - ``size``: ``size_amounts[size_key]`` (a dict size key -> amount); warning
      ``no_size_class`` when ``size_key`` is None/False, ``no_size_amount`` when the key
      is not in the table (or there is no table); the amount is then 0.
    - ``employee``: ``per_employee * employees``; warning ``no_employee_count`` when
      ``employees`` is None/False/0, the amount is then 0.
    - ``turnover``: ``turnover * turnover_rate / 100`` (the rate is a percentage);
      warning ``no_turnover`` when ``turnover`` is None/False/0, the amount is then 0.

    Then, for every method, a ``minimum`` > 0 raises the amount to it and a ``maximum``
    > 0 lowers the amount to it; so a membership with missing data owes the minimum
    (0 when there is none). A minimum or maximum of 0 means no bound.

    ``warnings`` is a tuple of codes, in the order of ``WARNINGS``. ``amount`` is a
    float, not rounded.

    Raise ValueError for an unknown method, for a negative input (including any amount
    in ``size_amounts``), and for a minimum above the maximum when both are set.
    """
    if method not in METHODS:
        raise ValueError(f"unknown fee method: {method!r}")
    _check_not_negative(
        flat=flat,
        per_employee=per_employee,
        employees=employees,
        turnover_rate=turnover_rate,
        turnover=turnover,
        minimum=minimum,
        maximum=maximum,
    )
    for key, value in (size_amounts or {}).items():
        _check_not_negative(**{f"size_amounts[{key!r}]": value})
    if minimum and maximum and minimum > maximum:
        raise ValueError("minimum above maximum")

    warnings = []
    amount = 0.0
    if method == FLAT:
        amount = flat
    elif method == SIZE:
        if size_key is None or size_key is False:
            warnings.append(NO_SIZE_CLASS)
        elif size_key not in (size_amounts or {}):
            warnings.append(NO_SIZE_AMOUNT)
        else:
            amount = size_amounts[size_key]
    elif method == EMPLOYEE:
        if _missing(employees):
            warnings.append(NO_EMPLOYEE_COUNT)
        else:
            amount = per_employee * employees
    elif _missing(turnover):
        warnings.append(NO_TURNOVER)
    else:
        amount = turnover * turnover_rate / 100

    if minimum and amount < minimum:
        amount = minimum
    if maximum and amount > maximum:
        amount = maximum
    return float(amount), tuple(sorted(warnings, key=WARNINGS.index))


def _month_index(day):
    """Months since year 0 of the month holding ``day``."""
    return day.year * 12 + day.month - 1


def proration_factor(mode, period_start, period_end, start_date):
    """Return the share (0.0 to 1.0) of the period's dues owed by a membership.

    ``period_start``, ``period_end`` (both inclusive) and ``start_date`` are
    ``datetime.date``; ``start_date`` is the day the membership starts.

    - ``start_date`` after ``period_end``: 0.0, whatever the mode (the membership
      has no part in the period).
    - mode ``none``, or ``start_date`` None/False or on or before ``period_start``: 1.0.
    - ``day``: days from ``start_date`` to ``period_end`` inclusive, over the days of
      the period inclusive (leap days count).
    - ``month``: months from ``start_date``'s month to ``period_end``'s month inclusive,
      over the months of the period; the month of joining counts in full, so joining
      on 31 March owes March to December, 10/12 of a calendar year.

    Raise ValueError for an unknown mode or ``period_end`` before ``period_start``.
    """
    if mode not in PRORATION_MODES:
        raise ValueError(f"unknown proration mode: {mode!r}")
    if period_end < period_start:
        raise ValueError("period_end before period_start")
    if start_date is None or start_date is False or start_date <= period_start:
        return 1.0
    if start_date > period_end:
        return 0.0
    if mode == NO_PRORATION:
        return 1.0
    if mode == BY_DAY:
        owed = (period_end - start_date).days + 1
        total = (period_end - period_start).days + 1
    else:
        owed = _month_index(period_end) - _month_index(start_date) + 1
        total = _month_index(period_end) - _month_index(period_start) + 1
    return owed / total


def period_bounds(year, periodicity):
    """Return the periods of calendar ``year`` as ``[(name_suffix, date_from, date_to)]``.

    - ``year``: ``[("", 1 Jan, 31 Dec)]``
    - ``half``: ``[("H1", 1 Jan, 30 Jun), ("H2", 1 Jul, 31 Dec)]``
    - ``quarter``: ``[("Q1", 1 Jan, 31 Mar), ("Q2", 1 Apr, 30 Jun),
      ("Q3", 1 Jul, 30 Sep), ("Q4", 1 Oct, 31 Dec)]``

    Raise ValueError for any other periodicity.
    """
    if periodicity not in PERIODS:
        raise ValueError(f"unknown periodicity: {periodicity!r}")
    starts = PERIODS[periodicity]
    bounds = []
    for index, (suffix, month) in enumerate(starts):
        date_from = datetime.date(year, month, 1)
        if index + 1 < len(starts):
            date_to = datetime.date(year, starts[index + 1][1], 1) - datetime.timedelta(days=1)
        else:
            date_to = datetime.date(year, 12, 31)
        bounds.append((suffix, date_from, date_to))
    return bounds


def dues_for_period(
    amount, factor, entrance_fee=0.0, first_period=False, exempt=False, override=None
):
    """Return ``(dues, entrance)`` owed by one membership for one period.

    - ``exempt``: ``(0.0, 0.0)``, entrance fee included.
    - ``override`` (a negotiated amount; 0.0 is a real override, only None means none)
      replaces ``amount`` before proration.
    - ``dues`` = (``override`` or else ``amount``) * ``factor`` (from
      ``proration_factor``).
    - ``entrance`` = ``entrance_fee`` in the ``first_period``, else 0.0; it is never
      prorated.

    Raise ValueError for a negative amount, override or entrance fee, or a factor
    outside 0..1.
    """
    _check_not_negative(amount=amount, entrance_fee=entrance_fee, override=override)
    if not 0 <= factor <= 1:
        raise ValueError(f"factor must be between 0 and 1: {factor!r}")
    if exempt:
        return 0.0, 0.0
    base = override if override is not None else amount
    dues = float(base * factor)
    entrance = float(entrance_fee) if first_period else 0.0
    return dues, entrance
