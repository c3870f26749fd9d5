"""The dues traffic light and aging buckets, free of any Odoo import.

A dues line is

* grey: nothing is due: not invoiced (yet), invoice not posted, or cancelled by a
  credit note (Odoo's payment state ``reversed``);
* green: paid (``paid`` or ``in_payment``: the payment is registered, the bank
  statement may still have to confirm it);
* amber: open and not yet overdue: before its due date or within the grace days
  after it, including a partly paid invoice within that time;
* red: open past its due date plus the grace days. A partly paid invoice whose
  grace period has ended is red: what remains is overdue.

A company's light is the worst light of its dues lines. The dues lines store what
the light needs (move state, payment state, overdue date) so that the scheduled job
can apply date-driven changes with one UPDATE; ``light_sql`` is the same rule in SQL,
and the odoo tier checks that the two agree.
"""

import datetime

GREY = "grey"
GREEN = "green"
AMBER = "amber"
RED = "red"
LIGHTS = (GREY, GREEN, AMBER, RED)
SEVERITY = {GREY: 0, GREEN: 1, AMBER: 2, RED: 3}

PAID_STATES = ("paid", "in_payment", "invoicing_legacy")
OPEN_STATES = ("not_paid", "partial")

NOT_DUE = "not_due"
# (last day overdue of the bucket, bucket); None closes the list.
AGING = ((30, "1_30"), (60, "31_60"), (90, "61_90"), (None, "90_plus"))
AGING_BUCKETS = (NOT_DUE, *(bucket for _limit, bucket in AGING))


def line_light(move_state, payment_state, date_overdue, today):
    """Light of one dues line.

    :param move_state: state of its invoice (``None`` when not invoiced)
    :param payment_state: Odoo's payment state of the invoice
    :param date_overdue: due date plus grace days; ``None`` counts as never overdue
    :param today: the date the light is for
    """
    if move_state != "posted" or payment_state not in (*PAID_STATES, *OPEN_STATES):
        return GREY
    if payment_state in PAID_STATES:
        return GREEN
    if date_overdue and date_overdue < today:
        return RED
    return AMBER


def aging_bucket(move_state, payment_state, date_due, today):
    """Aging bucket of an open invoice by days past its due date; None when not open."""
    if move_state != "posted" or payment_state not in OPEN_STATES or not date_due:
        return None
    days = (today - date_due).days
    if days <= 0:
        return NOT_DUE
    for limit, bucket in AGING:
        if limit is None or days <= limit:
            return bucket
    raise AssertionError("unreachable: the last bucket has no limit")


def worst(lights):
    """The most severe of ``lights``; grey when there is none."""
    return max(lights, key=SEVERITY.__getitem__, default=GREY)


def days_overdue(date_due, today):
    """Whole days since ``date_due``; 0 when not due or unknown."""
    if not date_due:
        return 0
    return max((today - date_due).days, 0)


def shift(day, days):
    """``day`` plus ``days`` days; None stays None."""
    return day + datetime.timedelta(days=days) if day else None


def light_sql(alias, today_param):
    """SQL expression of ``line_light`` over the stored columns of the dues line
    ``alias``; ``today_param`` is the placeholder of the date."""
    paid = ", ".join(f"'{state}'" for state in PAID_STATES)
    open_ = ", ".join(f"'{state}'" for state in OPEN_STATES)
    return (
        f"CASE WHEN {alias}.move_state IS DISTINCT FROM 'posted' "
        f"OR {alias}.payment_state IS NULL "
        f"OR {alias}.payment_state NOT IN ({paid}, {open_}) THEN '{GREY}' "
        f"WHEN {alias}.payment_state IN ({paid}) THEN '{GREEN}' "
        f"WHEN {alias}.date_overdue < {today_param} THEN '{RED}' "
        f"ELSE '{AMBER}' END"
    )


def worst_sql(column):
    """SQL aggregate of ``worst`` over the light ``column`` of a group of lines."""
    by_severity = sorted(SEVERITY.items(), key=lambda item: item[1])
    ranks = " ".join(f"WHEN '{light}' THEN {rank}" for light, rank in by_severity)
    names = " ".join(f"WHEN {rank} THEN '{light}'" for light, rank in by_severity)
    return f"CASE MAX(CASE {column} {ranks} ELSE 0 END) {names} END"


def aging_sql(alias, today_param):
    """SQL expression of ``aging_bucket`` over the stored columns of ``alias``."""
    open_ = ", ".join(f"'{state}'" for state in OPEN_STATES)
    days = f"({today_param} - {alias}.invoice_date_due)"
    branches = " ".join(
        f"WHEN {days} <= {limit} THEN '{bucket}'" for limit, bucket in AGING if limit
    )
    last = AGING[-1][1]
    return (
        f"CASE WHEN {alias}.move_state IS DISTINCT FROM 'posted' "
        f"OR {alias}.payment_state IS NULL OR {alias}.payment_state NOT IN ({open_}) "
        f"OR {alias}.invoice_date_due IS NULL THEN NULL "
        f"WHEN {days} <= 0 THEN '{NOT_DUE}' {branches} ELSE '{last}' END"
    )
