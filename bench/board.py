#!/usr/bin/env python3
"""Time the board's figures of eboc_board on the bench data set: the EBMO dashboard's
grouped reads, the representativeness, retention and members-by-value reports and the
recruitment segment, each against the stock Odoo way where one exists.

Run it with the interpreter of the Odoo 18 installation (``./eboc bench board`` does
this for you), on a database made by ``bench/generate.py`` with the feature addons and
filled by the other benches (dues, services, events, campaigns)::

    python bench/board.py -c odoo.conf -d bench_portal_50k

Setup (committed, found again by later runs): ``eboc_board`` when it is not installed;
a table of reference statistics for the bench country (every ISIC section x size class
x the 6 regions below the country, in one ``create``), with believable enterprise
counts and persons employed, never fewer than the members of a cell; an officer
restricted to one sectoral association.

Measures, in this process (server time: the ORM and PostgreSQL, no HTTP), as the
bench's EBMO manager (given Events / User when it lacks it: the event figures need it)
and then as that officer: two warm-up calls, then ``--runs`` timed calls from an empty
cache; median and worst seconds, SQL queries and the time PostgreSQL took (the
statements' own time):

* dashboard: each figure of the EBMO spreadsheet dashboard (``read_group`` of the
  current year), and the whole set one after the other;
* density: the representativeness report by sector, by sector x size class and by
  region, for the table at the reader's top scope (the federation for the manager);
  stock: member companies counted with ``res.partner.read_group``, the statistics
  lines read, the densities divided in Python;
* retention: all years by year, and the cohort table (cohort year x years since
  joining); stock: ``search_count`` on ``eboc.membership`` per year (members at the
  start, joined, left, members at the end, as filters would count them), and the same
  counted as companies (``res.partner.search_count`` with ``any``);
* members by value: the latest dues period grouped by profile;
* recruitment: ``eboc.recruitment.wizard.action_create_segment()`` and the count of
  the segment's companies (in a savepoint, rolled back).

Both ways' counts are compared and every difference printed. The slowest statement
of ours is run again under ``EXPLAIN (ANALYZE, BUFFERS)`` and its plan written next
to the log, with the statement of the density report by sector and that of the
retention of the current year, to see whether the filters on the year and the scope
reach inside the views.

The last line is ``BENCH_RESULT {json}`` for scripts.
"""

import random
import statistics
import sys
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from generate import (
    BULK_CONTEXT,
    Phases,
    Say,
    bench_parser,
    check_modules,
    ensure_module,
    load_odoo,
    print_result,
    run_totals,
    sql_count,
)

say = Say("board")

BOARD_MODULE = "eboc_board"
MADE_WITH = "generate.py --create-db --modules eboc_dues,eboc_events,eboc_campaigns"
# The budget the issue sets for a dashboard figure and for the density report.
BUDGET_SECONDS = 1.0
WARMUPS = 2
MANAGER_LOGIN = "bench.manager01@example.com"
OFFICER_LOGIN = "bench.board.officer@example.com"
OFFICER_NAME = "Board Bench Officer"
OFFICER_ASSOCIATION = "MAN"  # the Manufacturers' Association, sectoral
REGION_ROOT = "BENCH"
DATASET_NAME = "Bench business register %s"
DATASET_SOURCE = "Bench national statistics office (bench/board.py)"
# Statistics lag: the table describes the year before last.
DATASET_LAG = 2
# Members over enterprises per size class (a member federation is denser among the
# larger companies), and persons employed per enterprise.
SIZE_DENSITY = {"micro": 0.05, "small": 0.18, "medium": 0.38, "large": 0.62}
SIZE_PERSONS = {"micro": 2.4, "small": 21.0, "medium": 108.0, "large": 840.0}
# Cells without a single bench company still have enterprises: this many, times noise.
EMPTY_CELL = {"micro": 40, "small": 8, "medium": 2, "large": 1}
RECRUITMENT_CELLS = 5
RECRUITMENT_MIN_ENTERPRISES = 10
# The dashboard figure that is also the retention report over all years.
BY_YEAR = "retention: by year (all years)"

# Member companies per cell of the statistics (section x size class x level-1 region):
# a company with several memberships counts once.
CELL_MEMBERS_SQL = """
WITH company AS (
    SELECT p.id, p.size_class_id, COALESCE(p.employee_count, 0) AS employees,
           split_part(ind.parent_path, '/', 1)::int AS section_id,
           split_part(reg.parent_path, '/', 2)::int AS region_id,
           EXISTS (SELECT 1 FROM eboc_membership m
                    WHERE m.partner_id = p.id AND m.state IN ('active', 'suspended'))
               AS is_member
      FROM res_partner p
      JOIN res_partner_industry ind ON ind.id = p.industry_id
      JOIN eboc_region reg ON reg.id = p.region_id
     WHERE p.is_company AND p.size_class_id IS NOT NULL
)
SELECT section_id, size_class_id, region_id,
       count(*) FILTER (WHERE is_member) AS members,
       COALESCE(sum(employees) FILTER (WHERE is_member), 0) AS member_employees,
       count(*) AS companies
  FROM company
 GROUP BY section_id, size_class_id, region_id
"""


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------


@contextmanager
def statements():
    """The SQL statements run in the block, as ``[(seconds, query, params)]``, through
    the hook Odoo's cursor calls after each statement."""
    thread = threading.current_thread()
    seen = []

    def hook(_cr, query, params, _start, delay):
        seen.append((delay, query, params))

    hooks = getattr(thread, "query_hooks", None)
    thread.query_hooks = [*(hooks or ()), hook]
    try:
        yield seen
    finally:
        if hooks is None:
            del thread.query_hooks
        else:
            thread.query_hooks = hooks


def measure(env, label, call, runs, budget=None):
    """``WARMUPS`` calls, then ``runs`` timed ones, each from an empty cache: median and
    worst seconds, queries (one figure when every call costs the same), the median time
    of the statements in PostgreSQL, the slowest statement; and the last call's result."""
    for _warm in range(WARMUPS):
        env.invalidate_all()
        call()
    seconds, queries, sql_seconds = [], set(), []
    slowest = (0.0, None, None)
    result = None
    for _run in range(runs):
        env.invalidate_all()
        with statements() as seen:
            start, start_sql = time.perf_counter(), sql_count()
            result = call()
            spent, count = time.perf_counter() - start, sql_count() - start_sql
        seconds.append(spent)
        queries.add(count)
        sql_seconds.append(sum(delay for delay, _q, _p in seen))
        slowest = max([slowest, *seen], key=lambda item: item[0])
    row = {
        "figure": label,
        "median_s": round(statistics.median(seconds), 4),
        "max_s": round(max(seconds), 4),
        "sql_s": round(statistics.median(sql_seconds), 4),
        "queries": min(queries) if len(queries) == 1 else sorted(queries),
        "slowest_statement_s": round(slowest[0], 4),
    }
    if budget:
        row["budget_s"] = budget
        row["over_budget"] = row["median_s"] > budget
    over = "  OVER BUDGET" if row.get("over_budget") else ""
    say(
        f"{label:<44} median {row['median_s']:.3f}s  max {row['max_s']:.3f}s  "
        f"sql {row['sql_s']:.3f}s  q {row['queries']}{over}"
    )
    return row, result, slowest


# ---------------------------------------------------------------------------
# Setup
# ---------------------------------------------------------------------------


def by_code(env, model, code):
    record = env[model].search([("code", "=", code)], limit=1)
    if not record:
        raise SystemExit(f"no {model} {code}: make the database with {MADE_WITH}")
    return record


def size_codes(env):
    """{size class id: micro | small | medium | large}."""
    return {
        env.ref(f"eboc_membership.size_class_{code}").id: code
        for code in ("micro", "small", "medium", "large")
    }


def ensure_dataset(env, year, seed):
    """The bench country's table of reference statistics for ``year``: every ISIC
    section x size class x level-1 region, one ``create``. Enterprises: the members
    of the cell over a density of its size class, times noise, never fewer than the
    bench companies of the cell; persons employed: enterprises times the usual size,
    never fewer than the members' employees over the density. Kept for later runs."""
    Dataset = env["eboc.statistic.dataset"]
    root = by_code(env, "eboc.region", REGION_ROOT)
    name = DATASET_NAME % year
    dataset = Dataset.search([("name", "=", name), ("country_id", "=", root.country_id.id)])
    if dataset:
        return dataset, False
    sections = env["res.partner.industry"].search(
        [("parent_id", "=", False), ("code", "!=", False)]
    )
    regions = env["eboc.region"].search([("parent_id", "=", root.id)], order="code")
    sizes = size_codes(env)
    env.flush_all()
    env.cr.execute(CELL_MEMBERS_SQL)
    found = {
        (section, size, region): (members, employees, companies)
        for section, size, region, members, employees, companies in env.cr.fetchall()
    }
    lines = []
    for section in sections.sorted("code"):
        for size_id, size in sizes.items():
            for region in regions:
                key = (section.id, size_id, region.id)
                members, employees, companies = found.get(key, (0, 0, 0))
                rng = random.Random(f"{seed}-{section.code}-{size}-{region.code}")
                density = SIZE_DENSITY[size] * rng.uniform(0.75, 1.33)
                if members:
                    enterprises = round(members / density)
                else:
                    enterprises = round(EMPTY_CELL[size] * rng.uniform(0.5, 2.0))
                enterprises = max(enterprises, companies, members, 1)
                persons = round(enterprises * SIZE_PERSONS[size] * rng.uniform(0.85, 1.15))
                persons = max(persons, round(employees / min(density * 1.25, 0.95)))
                lines.append(
                    {
                        "industry_id": section.id,
                        "size_class_id": size_id,
                        "region_id": region.id,
                        "enterprise_count": enterprises,
                        "persons_employed": persons,
                    }
                )
    dataset = Dataset.with_context(**BULK_CONTEXT).create(
        {
            "name": name,
            "source": DATASET_SOURCE,
            "year": year,
            "country_id": root.country_id.id,
            "note": "Generated by bench/board.py: enterprises per ISIC section, size class "
            "and region, never fewer than the bench companies of the cell.",
            "line_ids": [(0, 0, line) for line in lines],
        }
    )
    return dataset, True


def ensure_officer(env, association):
    """A membership officer restricted to ``association`` (the dashboard's event
    figures need no Events right: they read eboc.board.event.report)."""
    Users = env["res.users"].with_context(**BULK_CONTEXT)
    user = Users.with_context(active_test=False).search([("login", "=", OFFICER_LOGIN)])
    groups = [env.ref("eboc_membership.group_eboc_officer").id]
    if not user:
        user = Users.create(
            {
                "name": OFFICER_NAME,
                "login": OFFICER_LOGIN,
                "email": OFFICER_LOGIN,
                "groups_id": [(4, group) for group in groups],
                "eboc_association_ids": [(6, 0, association.ids)],
            }
        )
    elif user.eboc_association_ids != association:
        user.eboc_association_ids = [(6, 0, association.ids)]
    return user


def manager_user(env):
    """The bench's EBMO manager (no group is granted: the second value, the groups
    given, stays empty)."""
    user = env["res.users"].search([("login", "=", MANAGER_LOGIN)])
    if not user:
        raise SystemExit(f"no user {MANAGER_LOGIN}: make the database with {MADE_WITH}")
    return user, []


def latest_period(env):
    """The latest dues period that has begun (the bench dues run's season; later ones
    are the portal bench's billing of one company)."""
    today = date.today()
    Period = env["eboc.dues.period"]
    return Period.search([("date_from", "<=", today)], order="date_from desc", limit=1) or (
        Period.search([], order="date_from desc", limit=1)
    )


def setup(registry, phases, seed):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    with registry.cursor() as cr, phases("setup"):
        env = api.Environment(cr, SUPERUSER_ID, {})
        check_modules(
            env,
            cr.dbname,
            required=[(name, MADE_WITH) for name in ("eboc_dues", "eboc_events", "eboc_campaigns")],
        )
        year = date.today().year
        dataset, created = ensure_dataset(env, year - DATASET_LAG, seed)
        officer = ensure_officer(env, by_code(env, "eboc.association", OFFICER_ASSOCIATION))
        manager, granted = manager_user(env)
        env.flush_all()
        info = {
            "dataset": {
                "id": dataset.id,
                "name": dataset.display_name,
                "created": created,
                "lines": dataset.line_count,
                "enterprises": dataset.enterprise_count,
                "persons_employed": dataset.persons_employed,
            },
            "manager": {"id": manager.id, "login": manager.login, "granted": granted},
            "officer": {
                "id": officer.id,
                "login": officer.login,
                "association": officer.eboc_association_ids.display_name,
            },
            "year": year,
            "period": latest_period(env).id,
            "data": database_counts(env),
        }
    setup_s = phases.seconds["setup"]
    say(
        f"statistics: {info['dataset']['name']} ({'created' if created else 'found'}, "
        f"{info['dataset']['lines']} cells, {info['dataset']['enterprises']} enterprises, "
        f"{info['dataset']['persons_employed']} persons employed); setup {setup_s:.1f}s"
    )
    if granted:
        say(f"{MANAGER_LOGIN} lacked Events / User, which the event figures need: granted")
    return info


def database_counts(env):
    def count(table, where="TRUE"):
        env.cr.execute(f"SELECT count(*) FROM {table} WHERE {where}")  # noqa: S608 - constants
        return env.cr.fetchone()[0]

    return {
        "companies": count("res_partner", "is_company"),
        "memberships": count("eboc_membership"),
        "member_companies": count(
            "(SELECT DISTINCT partner_id FROM eboc_membership "
            "WHERE state IN ('active', 'suspended')) AS m"
        ),
        "dues_lines": count("eboc_dues_line"),
        "services": count("eboc_service_record"),
        "registrations": count("event_registration"),
        "campaigns": count("eboc_campaign"),
        "retention_rows": count("eboc_retention_report"),
        "density_rows": count("eboc_density_report"),
        "member_value_rows": count("eboc_member_value_report"),
    }


# ---------------------------------------------------------------------------
# What is measured
# ---------------------------------------------------------------------------


def year_bounds(year):
    return date(year, 1, 1), date(year, 12, 31)


def dashboard_figures(year):
    """(label, model, domain, fields, groupby) of each figure of the EBMO dashboard."""
    first, last = year_bounds(year)
    retention_year = [("date", ">=", first), ("date", "<=", last)]
    retention_measures = [
        "member_at_start:sum",
        "joined:sum",
        "left_count:sum",
        "retained:sum",
        "member_at_end:sum",
        "net_change:sum",
        "retention_rate:avg",
    ]

    def dues_year(y):
        return [
            ("move_state", "=", "posted"),
            ("invoice_date", ">=", date(y, 1, 1)),
            ("invoice_date", "<=", date(y, 12, 31)),
        ]

    dues_measures = ["amount_invoiced:sum", "amount_paid:sum", "amount_residual:sum"]
    services_year = [
        ("date", ">=", f"{year}-01-01 00:00:00"),
        ("date", "<", f"{year + 1}-01-01 00:00:00"),
    ]
    events_year = [
        ("date_begin", ">=", f"{year}-01-01 00:00:00"),
        ("date_begin", "<", f"{year + 1}-01-01 00:00:00"),
    ]
    return [
        ("retention: the year", "eboc.retention.report", retention_year, retention_measures, []),
        (
            "retention: left by reason",
            "eboc.retention.report",
            [*retention_year, ("left_count", ">", 0)],
            ["left_count:sum"],
            ["leaving_reason_id"],
        ),
        (BY_YEAR, "eboc.retention.report", [], retention_measures, ["date:year"]),
        ("dues: by light", "eboc.dues.line", dues_year(year), dues_measures, ["light"]),
        (
            "dues: by light, previous year",
            "eboc.dues.line",
            dues_year(year - 1),
            dues_measures,
            ["light"],
        ),
        (
            "services: by type",
            "eboc.service.report",
            services_year,
            ["__count"],
            ["service_type_id"],
        ),
        ("services: satisfaction", "eboc.service.report", services_year, ["satisfaction:avg"], []),
        (
            "services: hours by staff",
            "eboc.service.report",
            services_year,
            ["duration:sum"],
            ["user_id"],
        ),
        (
            "events: attendance",
            "eboc.board.event.report",
            events_year,
            ["registered:sum", "attended:sum", "attendance_rate:avg", "satisfaction:avg"],
            [],
        ),
        (
            "campaigns: by type",
            "eboc.campaign.report",
            [("date_start", ">=", first), ("date_start", "<=", last)],
            [
                "invited_count:sum",
                "answered_count:sum",
                "response_rate:avg",
                "conversion_count:sum",
            ],
            ["campaign_type"],
        ),
        (
            "members: by engagement level",
            "res.partner",
            [("is_company", "=", True), ("is_member", "=", True)],
            ["__count"],
            ["engagement_level"],
        ),
        (
            "members: at risk",
            "res.partner",
            [
                ("is_company", "=", True),
                ("is_member", "=", True),
                ("engagement_at_risk", "=", True),
            ],
            ["__count"],
            [],
        ),
    ]


DENSITY_MEASURES = [
    "member_count:sum",
    "member_employees:sum",
    "enterprise_count:sum",
    "persons_employed:sum",
    "company_density",
    "employee_density",
]
DENSITY_GROUPINGS = [
    ("by sector", ["industry_id"]),
    ("by sector x size class", ["industry_id", "size_class_id"]),
    ("by region", ["region_id"]),
]
RETENTION_MEASURES = ["member_at_start:sum", "joined:sum", "left_count:sum", "member_at_end:sum"]


def read_group(env, model, domain, fields, groupby):
    """What the spreadsheet's pivots ask: one grouped read, all groupbys at once."""
    return env[model].read_group(domain, fields, groupby, lazy=False)


def group_key(value):
    """The id of a many2one group (``(id, name)``), the value itself otherwise."""
    if isinstance(value, (tuple, list)):
        return value[0]
    return value or False


def bench_dashboard(env, runs, year, label):
    rows, results, slow = [], {}, []
    figures = dashboard_figures(year)
    for name, model, domain, fields, groupby in figures:
        if not env[model].has_access("read"):
            say(f"{name:<44} NO ACCESS for {label} ({model})")
            rows.append({"figure": name, "no_access": True})
            continue
        row, result, slowest = measure(
            env,
            name,
            lambda model=model, domain=domain, fields=fields, groupby=groupby: read_group(
                env, model, domain, fields, groupby
            ),
            runs,
            BUDGET_SECONDS,
        )
        rows.append(row)
        results[name] = result
        slow.append((slowest, name))
    readable = [figure for figure in figures if env[figure[1]].has_access("read")]

    def whole_set():
        return [read_group(env, *figure[1:]) for figure in readable]

    row, _result, _slowest = measure(env, "dashboard: the whole set", whole_set, runs)
    rows.append(row)
    return rows, results, slow


def reader_scope(env):
    return env["eboc.density.report"]._reader_scopes()[:1]


def bench_density(env, runs, dataset, scope):
    rows, results, slow = [], {}, []
    domain = [("dataset_id", "=", dataset.id), ("association_id", "=", scope.id)]
    for name, groupby in DENSITY_GROUPINGS:
        label = f"density: {name}"
        row, result, slowest = measure(
            env,
            label,
            lambda groupby=groupby: read_group(
                env, "eboc.density.report", domain, DENSITY_MEASURES, groupby
            ),
            runs,
            BUDGET_SECONDS,
        )
        rows.append(row)
        results[name] = result
        slow.append((slowest, label))
    return rows, results, slow


def stock_density(env, dataset, groupby):
    """The stock way: member companies per sector, size class and district with
    ``res.partner.read_group``, the statistics lines read, sections and regions put
    together and the densities divided in Python."""
    groups = env["res.partner"].read_group(
        [("is_company", "=", True), ("is_member", "=", True)],
        ["employee_count:sum"],
        ["industry_id", "size_class_id", "region_id"],
        lazy=False,
    )
    industries = env["res.partner.industry"].search_read([], ["parent_id"])
    section_of = {row["id"]: group_key(row["parent_id"]) or row["id"] for row in industries}
    regions = env["eboc.region"].search_read([], ["parent_path"])
    region_of = {
        row["id"]: int(row["parent_path"].split("/")[1])
        for row in regions
        if row["parent_path"].count("/") >= 2
    }
    lines = env["eboc.statistic.line"].search_read(
        [("dataset_id", "=", dataset.id)],
        ["industry_id", "size_class_id", "region_id", "enterprise_count", "persons_employed"],
    )
    cells = {
        (
            group_key(line["industry_id"]),
            group_key(line["size_class_id"]),
            group_key(line["region_id"]),
        ): line
        for line in lines
    }

    def key_of(cell):
        parts = {"industry_id": cell[0], "size_class_id": cell[1], "region_id": cell[2]}
        return tuple(parts[name] for name in groupby)

    figures = defaultdict(
        lambda: dict.fromkeys(
            (
                "member_count",
                "member_employees",
                "known",
                "known_employees",
                "enterprise_count",
                "persons_employed",
            ),
            0,
        )
    )
    for group in groups:
        industry = group_key(group["industry_id"])
        cell = (
            section_of.get(industry, False) if industry else False,
            group_key(group["size_class_id"]),
            region_of.get(group_key(group["region_id"]), False),
        )
        entry = figures[key_of(cell)]
        entry["member_count"] += group["__count"]
        entry["member_employees"] += group["employee_count"] or 0
        if cell in cells:
            entry["known"] += group["__count"]
            entry["known_employees"] += group["employee_count"] or 0
    for cell, line in cells.items():
        entry = figures[key_of(cell)]
        entry["enterprise_count"] += line["enterprise_count"]
        entry["persons_employed"] += line["persons_employed"]
    for entry in figures.values():
        entry["company_density"] = (
            100.0 * entry["known"] / entry["enterprise_count"]
            if entry["enterprise_count"]
            else None
        )
        entry["employee_density"] = (
            100.0 * entry["known_employees"] / entry["persons_employed"]
            if entry["persons_employed"]
            else None
        )
    return dict(figures)


def compare_density(ours, stock, groupby, label):
    """Differences between our groups and the stock way's, per group and figure."""
    differences = []
    mine = {}
    for group in ours:
        key = tuple(group_key(group[name]) for name in groupby)
        mine[key] = {
            "member_count": group["member_count"],
            "member_employees": group["member_employees"],
            "enterprise_count": group["enterprise_count"],
            "persons_employed": group["persons_employed"],
            "company_density": group["company_density"],
            "employee_density": group["employee_density"],
        }
    for key in sorted(set(mine) | set(stock), key=str):
        a, b = mine.get(key), stock.get(key)
        if a is None or b is None:
            # A group with nothing in it on one side: a cell no member falls in.
            present = a or b
            if present and not present["member_count"] and not present["enterprise_count"]:
                continue
            differences.append({"group": key, "ours": a, "stock": b and _rounded(b)})
            continue
        for name in a:
            # Odoo reads an unknown (empty) figure as False, the stock way's is None.
            x, y = (None if v is False else v for v in (a[name], b[name]))
            same = (x is None and y is None) or (
                x is not None and y is not None and abs(x - y) < 1e-6
            )
            if not same:
                differences.append({"group": key, "figure": name, "ours": x, "stock": y})
    for difference in differences[:20]:
        say(f"DIFFERENCE {label} {difference}")
    return differences


def _rounded(entry):
    return {
        name: round(value, 4) if isinstance(value, float) else value
        for name, value in entry.items()
    }


def bench_density_stock(env, runs, dataset, ours):
    rows, checks = [], {}
    for name, groupby in DENSITY_GROUPINGS:
        label = f"density, stock way: {name}"
        row, stock, _slowest = measure(
            env, label, lambda groupby=groupby: stock_density(env, dataset, groupby), runs
        )
        rows.append(row)
        differences = compare_density(ours[name], stock, groupby, name)
        checks[name] = {
            "groups": len(ours[name]),
            "differences": len(differences),
            "first": differences[:5],
        }
        say(f"density {name}: {len(ours[name])} groups, {len(differences)} differ from stock")
    return rows, checks


def bench_retention(env, runs, dashboard):
    """The cohort table; retention by year over all years is a dashboard figure, whose
    groups are taken from there (measured again only when it could not be read)."""
    rows, results, slow = [], {}, []
    figures = [
        (
            "retention: cohort table",
            ["__count", "member_at_end:sum"],
            ["cohort_date:year", "years_member"],
        )
    ]
    if BY_YEAR in dashboard:
        results[BY_YEAR] = dashboard[BY_YEAR]
    else:
        figures.insert(0, (BY_YEAR, [*RETENTION_MEASURES, "retention_rate:avg"], ["date:year"]))
    for label, fields, groupby in figures:
        row, result, slowest = measure(
            env,
            label,
            lambda fields=fields, groupby=groupby: read_group(
                env, "eboc.retention.report", [], fields, groupby
            ),
            runs,
        )
        rows.append(row)
        results[label] = result
        slow.append((slowest, label))
    return rows, results, slow


def retention_years(env):
    env.cr.execute("SELECT EXTRACT(YEAR FROM MIN(date_start))::int FROM eboc_membership")
    return list(range(env.cr.fetchone()[0], date.today().year + 1))


def stock_retention_memberships(env, scope, years):
    """What someone without the report counts with filters: memberships (not
    companies) per year, one ``search_count`` each."""
    from odoo.addons.eboc_membership.models import lifecycle  # noqa: PLC0415

    Membership = env["eboc.membership"]
    base = [
        ("state", "in", list(lifecycle.MEMBER_STATES + lifecycle.ENDED_STATES)),
        ("association_id", "child_of", scope.id),
    ]
    counts = {}
    for year in years:
        first, last = year_bounds(year)
        counts[year] = {
            "member_at_start": Membership.search_count(
                [
                    *base,
                    ("date_start", "<", first),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", first),
                ]
            ),
            "joined": Membership.search_count(
                [*base, ("date_start", ">=", first), ("date_start", "<=", last)]
            ),
            "left_count": Membership.search_count(
                [*base, ("date_end", ">=", first), ("date_end", "<=", last)]
            ),
            "member_at_end": Membership.search_count(
                [
                    *base,
                    ("date_start", "<=", last),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">", last),
                ]
            ),
        }
    return counts


def stock_retention_companies(env, scope, years):
    """The same filters, counting companies: ``res.partner.search_count`` with ``any``
    on their memberships (joined = present in the year but not at its start; left =
    present but not at its end)."""
    from odoo.addons.eboc_membership.models import lifecycle  # noqa: PLC0415

    Partner = env["res.partner"].with_context(active_test=False)
    base = [
        ("state", "in", list(lifecycle.MEMBER_STATES + lifecycle.ENDED_STATES)),
        ("association_id", "child_of", scope.id),
    ]
    counts = {}
    for year in years:
        first, last = year_bounds(year)

        def companies(*conditions):
            return Partner.search_count([("membership_ids", "any", [*base, *conditions])])

        during = companies(
            ("date_start", "<=", last), "|", ("date_end", "=", False), ("date_end", ">=", first)
        )
        start = companies(
            ("date_start", "<", first), "|", ("date_end", "=", False), ("date_end", ">=", first)
        )
        end = companies(
            ("date_start", "<=", last), "|", ("date_end", "=", False), ("date_end", ">", last)
        )
        counts[year] = {
            "member_at_start": start,
            "joined": during - start,
            "left_count": during - end,
            "member_at_end": end,
        }
    return counts


def ours_by_year(groups):
    return {
        int(group["date:year"]): {
            name.split(":")[0]: group[name.split(":")[0]] or 0 for name in RETENTION_MEASURES
        }
        for group in groups
    }


def compare_years(ours, stock, label):
    differences = []
    for year in sorted(set(ours) | set(stock)):
        a = ours.get(year, dict.fromkeys(stock.get(year, {}), 0))
        b = stock.get(year, dict.fromkeys(a, 0))
        for name in a:
            if a[name] != b.get(name, 0):
                differences.append(
                    {"year": year, "figure": name, "ours": a[name], "stock": b.get(name, 0)}
                )
    say(f"retention vs {label}: {len(differences)} figures differ")
    for difference in differences[-12:]:
        say(
            f"  {difference['year']} {difference['figure']:<16} ours {difference['ours']:>6}  "
            f"{label} {difference['stock']:>6}  ({difference['stock'] - difference['ours']:+d})"
        )
    return differences


def bench_retention_stock(env, runs, scope, ours_groups):
    years = retention_years(env)
    ours = ours_by_year(ours_groups)
    row_m, counts_m, _slowest = measure(
        env,
        f"retention, stock: search_count x {4 * len(years)}",
        lambda: stock_retention_memberships(env, scope, years),
        runs,
    )
    row_c, counts_c, _slowest = measure(
        env,
        f"retention, stock as companies: x {3 * len(years)}",
        lambda: stock_retention_companies(env, scope, years),
        runs,
    )
    memberships = compare_years(ours, counts_m, "memberships")
    companies = compare_years(ours, counts_c, "companies")
    year = max(years)
    return [row_m, row_c], {
        "years": len(years),
        "memberships_differ": len(memberships),
        "companies_differ": len(companies),
        "this_year": {
            "ours": ours.get(year),
            "memberships": counts_m[year],
            "companies": counts_c[year],
        },
        "differences_memberships": memberships[-12:],
        "differences_companies": companies[:20],
    }


def bench_value(env, runs, period_id):
    return measure(
        env,
        "members by value: profiles, latest period",
        lambda: read_group(
            env,
            "eboc.member.value.report",
            [("period_id", "=", period_id)],
            ["__count", "amount_invoiced:sum", "amount_paid:sum", "service_count:sum"],
            ["value_profile"],
        ),
        runs,
    )


def bench_recruitment(env, runs, dataset, scope):
    """The wizard's segment, in a savepoint rolled back after each call."""
    cr = env.cr
    Wizard = env["eboc.recruitment.wizard"]

    def build():
        cr.execute("SAVEPOINT bench_board_segment")
        try:
            wizard = Wizard.create(
                {
                    "dataset_id": dataset.id,
                    "association_id": scope.id,
                    "cell_count": RECRUITMENT_CELLS,
                    "min_enterprises": RECRUITMENT_MIN_ENTERPRISES,
                }
            )
            action = wizard.action_create_segment()
            count = env[action["res_model"]].search_count(action["domain"])
            env.flush_all()
            segment = env["eboc.segment"].search([], order="id desc", limit=1)
            return {"companies": count, "cells": (segment.description or "").splitlines()}
        finally:
            cr.execute("ROLLBACK TO SAVEPOINT bench_board_segment")
            cr.precommit.clear()
            cr.postcommit.clear()
            env.invalidate_all()

    row, result, slowest = measure(env, "recruitment: wizard segment + count", build, runs)
    say(f"recruitment segment: {result['companies']} companies not members in the cells")
    for cell in result["cells"]:
        say(f"  {cell}")
    return row, result, slowest


# ---------------------------------------------------------------------------
# EXPLAIN
# ---------------------------------------------------------------------------


def explain(env, query, params):
    """The plan of ``query`` run once more under ``EXPLAIN (ANALYZE, BUFFERS)``."""
    env.cr.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query}", params)
    return "\n".join(line for (line,) in env.cr.fetchall())


def query_text(env, query, params):
    return env.cr.mogrify(query, params).decode()


def bench_explain(env, slow, out_dir, database, label):
    """Plans of the slowest statement measured and of the retention and density
    statements, to a file; a few lines of each to the log."""
    chosen = {}
    slowest = max(slow, key=lambda item: item[0][0])
    chosen[f"slowest: {slowest[1]}"] = slowest[0]
    for wanted in ("retention: the year", "density: by sector"):
        for item, name in slow:
            if name == wanted:
                chosen[name] = item
    plans = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"board_explain_{database}_{label}.txt"
    with path.open("w", encoding="utf-8") as out:
        for name, (seconds, query, params) in chosen.items():
            plan = explain(env, query, params)
            plans[name] = {"seconds": round(seconds, 4), "plan_lines": len(plan.splitlines())}
            out.write(f"-- {name}: {seconds:.3f}s when timed\n")
            out.write(query_text(env, query, params) + ";\n\n")
            out.write(plan + "\n\n")
            say(
                f"EXPLAIN {name} ({seconds:.3f}s): "
                + " | ".join(line.strip() for line in plan.splitlines()[-4:])
            )
    say(f"plans written to {path}")
    return {"file": str(path), "statements": plans}


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def bench_user(registry, user_id, label, info, args, phases):
    from odoo import api  # noqa: PLC0415

    result = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, user_id, {})
        dataset = env["eboc.statistic.dataset"].browse(info["dataset"]["id"])
        scope = reader_scope(env)
        say(f"--- as {label} ({env.user.login}), top scope {scope.display_name}")
        result["scope"] = scope.display_name
        slow = []
        with phases(f"{label}_dashboard"):
            rows, figures, found = bench_dashboard(env, args.runs, info["year"], label)
        result["dashboard"] = rows
        result["dashboard_figures"] = {
            name: [
                {key: value for key, value in group.items() if key not in ("__domain", "__range")}
                for group in groups
            ]
            for name, groups in figures.items()
        }
        slow += found
        with phases(f"{label}_density"):
            rows, density, found = bench_density(env, args.runs, dataset, scope)
        result["density"] = rows
        slow += found
        with phases(f"{label}_density_stock"):
            rows, checks = bench_density_stock(env, args.runs, dataset, density)
        result["density_stock"] = rows
        result["density_check"] = checks
        with phases(f"{label}_retention"):
            rows, retention, found = bench_retention(env, args.runs, figures)
        result["retention"] = rows
        slow += found
        with phases(f"{label}_retention_stock"):
            rows, checks = bench_retention_stock(env, args.runs, scope, retention[BY_YEAR])
        result["retention_stock"] = rows
        result["retention_check"] = checks
        with phases(f"{label}_value"):
            row, value, slowest = bench_value(env, args.runs, info["period"])
        result["value"] = [row]
        result["value_profiles"] = {group["value_profile"]: group["__count"] for group in value}
        slow.append((slowest, "members by value"))
        with phases(f"{label}_recruitment"):
            row, segment, slowest = bench_recruitment(env, args.runs, dataset, scope)
        result["recruitment"] = [row]
        result["recruitment_companies"] = segment["companies"]
        result["recruitment_cells"] = segment["cells"]
        slow.append((slowest, "recruitment"))
        if not args.skip_explain:
            result["explain"] = bench_explain(env, slow, Path(args.output), args.database, label)
        cr.rollback()
    return result


def summary_rows(result):
    rows = []
    for label in ("manager", "officer"):
        part = result.get(label)
        if not part:
            continue
        for section in (
            "dashboard",
            "density",
            "density_stock",
            "retention",
            "retention_stock",
            "value",
            "recruitment",
        ):
            for row in part.get(section, []):
                if row.get("no_access"):
                    rows.append((label, row["figure"], "no access", "", "", "", ""))
                    continue
                budget = ""
                if "over_budget" in row:
                    budget = "OVER" if row["over_budget"] else "ok"
                rows.append(
                    (
                        label,
                        row["figure"],
                        row["median_s"],
                        row["max_s"],
                        row["sql_s"],
                        row["queries"],
                        budget,
                    )
                )
    return rows


def parse_args(argv=None):
    parser = bench_parser(__doc__, "database made by " + MADE_WITH)
    parser.add_argument(
        "--runs", type=int, default=5, help="timed calls of each figure (default 5)"
    )
    parser.add_argument(
        "--seed", type=int, default=42, help="random seed of the statistics (default 42)"
    )
    parser.add_argument(
        "--skip-officer", action="store_true", help="measure as the EBMO manager only"
    )
    parser.add_argument(
        "--skip-explain", action="store_true", help="do not EXPLAIN the slowest statements"
    )
    parser.add_argument(
        "--output",
        default=str(Path(__file__).resolve().parent / "output"),
        help="folder of the EXPLAIN plans (default bench/output)",
    )
    parser.add_argument("--log-level", default="warn", help="Odoo log level (default warn)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    phases = Phases()
    started = time.perf_counter()
    odoo = load_odoo(args)
    registry = ensure_module(args.database, phases, say, BOARD_MODULE, made_with=MADE_WITH)
    info = setup(registry, phases, args.seed)
    say.figures("data", info["data"])
    result = {
        "setup": {key: value for key, value in info.items() if key != "data"},
        "data": info["data"],
    }
    result["manager"] = bench_user(registry, info["manager"]["id"], "manager", info, args, phases)
    if not args.skip_officer:
        result["officer"] = bench_user(
            registry, info["officer"]["id"], "officer", info, args, phases
        )
    over = [
        f"{label}: {row['figure']}"
        for label in ("manager", "officer")
        for section in ("dashboard", "density")
        for row in result.get(label, {}).get(section, [])
        if row.get("over_budget")
    ]
    result["over_budget"] = over
    result.update(run_totals(args, phases, started, odoo))
    say.table(
        ("user", "figure", "median s", "max s", "sql s", "queries", "1 s budget"),
        summary_rows(result),
    )
    if over:
        say(f"over the {BUDGET_SECONDS:g} s budget: " + "; ".join(over))
    else:
        say(f"every dashboard figure and density read under {BUDGET_SECONDS:g} s")
    print_result(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
