#!/usr/bin/env python3
"""Time a dues run on the bench data set, side by side with stock Odoo's `membership`.

Run it with the interpreter of the Odoo 18 installation (``./eboc bench dues`` does
this for you), on databases made by ``bench/generate.py`` with the same options::

    python bench/generate.py -c odoo.conf -d bench_dues --companies 24000 \\
        --create-db --modules eboc_dues
    python bench/generate.py -c odoo.conf -d bench_stock --companies 24000 --create-db
    python bench/dues.py -c odoo.conf -d bench_dues --limit 20000 \\
        --stock-database bench_stock --stock-sample 1000

Phases, each timed (wall clock, CPU of this process, SQL queries, RSS):

* ours (``--database``, with ``eboc_dues``): a yearly dues period and fee rules for
  the bench associations (flat, by size class, per employee with a minimum and a
  maximum, percentage of turnover), a dues run, its preview, then the invoicing
  exactly as the background job does it: ``_invoice_batch()`` (create and post one
  batch of invoices through the ORM) with a commit and an emptied cache after each
  batch, printing the rate and the memory per batch;
* lights: ``eboc.dues.line._recompute_lights()`` over every dues line, when the
  method exists;
* payment -> light: one payment registered with the standard wizard
  (``account.payment.register``) on dues invoices, with its query count and the
  member's traffic light before and after, when the fields exist;
* stock (``--stock-database``): installs Odoo's ``membership`` there (only there),
  a membership product, ``res.partner.create_membership_invoice`` for the member
  companies in one call, then ``action_post`` in batches with a commit per batch.

The last line is ``BENCH_RESULT {json}`` for scripts.
"""

import cProfile
import inspect
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta

# generate.py sits next to this file: its timing helpers, bulk context and the
# helpers the bench scripts share.
from generate import (
    BULK_CONTEXT,
    Phases,
    Say,
    bench_parser,
    check_modules,
    cpu_seconds,
    current_rss_mb,
    ensure_chart_of_accounts,
    ensure_module,
    load_odoo,
    peak_rss_mb,
    print_result,
    ratio,
    run_totals,
    sql_count,
)

DUES_MODULE = "eboc_dues"
STOCK_MODULE = "membership"
STOCK_PRODUCT_CODE = "BENCH-MEMBERSHIP"
SEGMENT_NAME = "Bench dues run: companies up to id %d"

# Fee rules per association code: (method, values). Associations without an entry
# take the rule of their type below.
SIZE_AMOUNTS = {"micro": 300.0, "small": 900.0, "medium": 2400.0, "large": 6000.0}
FEE_RULES = {
    "MAN": ("size", {}),
    "CON": ("employee", {"amount_per_employee": 12.0, "amount_min": 250.0, "amount_max": 5000.0}),
    "TRA": ("turnover", {"turnover_rate": 0.05, "amount_min": 200.0, "amount_max": 6000.0}),
    "HOS": ("size", {"proration": "day"}),
    "LOG": ("employee", {"amount_per_employee": 10.0, "amount_min": 200.0, "amount_max": 4000.0}),
    "AGR": ("flat", {"amount_flat": 350.0}),
    "SER": ("turnover", {"turnover_rate": 0.04, "amount_min": 250.0, "amount_max": 5000.0}),
    "EMU": ("employee", {"amount_per_employee": 8.0, "amount_min": 500.0, "amount_max": 8000.0}),
}
FEE_RULES_BY_TYPE = {
    "federation": ("flat", {"amount_flat": 1500.0, "proration": "none"}),
    "sectoral": ("flat", {"amount_flat": 500.0}),
    "regional": ("flat", {"amount_flat": 400.0}),
    "local": ("size", {"entrance_fee": 100.0}),
}
LOCAL_SIZE_AMOUNTS = {"micro": 150.0, "small": 300.0, "medium": 600.0, "large": 1200.0}

# The targets.
TARGET_RATIO = 10.0
TARGET_LIGHT_SECONDS = 5.0


def rate(count, seconds):
    return round(count / seconds, 2) if seconds else None


say = Say("dues")


class BatchLog:
    """Per batch: [records done, wall s, cpu s, queries, rss MB], printed as it goes."""

    def __init__(self, label, total):
        self.label = label
        self.total = total
        self.rows = []
        self.done = 0
        self.count = 0
        self.started = time.perf_counter()

    @contextmanager
    def batch(self):
        """Time one batch; the block sets ``self.count`` to the records it handled."""
        self.count = 0
        wall, cpu, sql = time.perf_counter(), cpu_seconds(), sql_count()
        yield self
        if not self.count:
            return
        now = time.perf_counter()
        wall = now - wall
        cpu = cpu_seconds() - cpu
        sql = sql_count() - sql
        rss = current_rss_mb()
        self.done += self.count
        self.rows.append([self.done, round(wall, 2), round(cpu, 2), sql, rss])
        say(
            f"{self.done:>7}/{self.total} {self.label}  batch {wall:6.1f}s "
            f"({self.count / wall:6.1f}/s, cpu {cpu:5.1f}s, {sql} queries)  "
            f"overall {self.done / (now - self.started):6.1f}/s  rss {rss} MB"
        )

    def rss(self, index):
        return self.rows[index][4] if self.rows else None


# ---------------------------------------------------------------------------
# Odoo setup
# ---------------------------------------------------------------------------


def income_account(env):
    return env["account.account"].search(
        [("account_type", "=", "income"), ("company_ids", "in", env.company.ids)], limit=1
    )


def give_income_account(env, products):
    """Invoices need an income account: a database without demo data has the chart's
    accounts but no product set up (what eboc_dues' tests do too)."""
    income = income_account(env)
    for product in products:
        if not product.product_tmpl_id._get_product_accounts()["income"]:
            product.property_account_income_id = income


# ---------------------------------------------------------------------------
# Ours: eboc_dues
# ---------------------------------------------------------------------------


def ensure_fee_rules(env):
    """One fee rule per association of the bench tree that has none."""
    Association = env["eboc.association"]
    sizes = {
        code: env.ref(f"eboc_membership.size_class_{code}").id
        for code in ("micro", "small", "medium", "large")
    }
    with_rules = set(env["eboc.fee.rule"].search([]).association_id.ids)
    vals_list = []
    for association in Association.search([], order="code"):
        if association.id in with_rules:
            continue
        method, values = FEE_RULES.get(association.code) or FEE_RULES_BY_TYPE.get(
            association.association_type, ("flat", {"amount_flat": 300.0})
        )
        vals = {
            "name": f"Bench {association.code or association.name}: {method}",
            "association_id": association.id,
            "method": method,
            "proration": "month",
            **values,
        }
        if method == "size":
            amounts = (
                LOCAL_SIZE_AMOUNTS if association.association_type == "local" else SIZE_AMOUNTS
            )
            vals["size_line_ids"] = [
                (0, 0, {"size_class_id": sizes[code], "amount": amount})
                for code, amount in amounts.items()
            ]
        vals_list.append(vals)
    rules = env["eboc.fee.rule"].create(vals_list)
    return len(rules)


def ensure_period(env, year):
    """The yearly period of ``year``; without a year, the first one from this year on
    that no dues line uses yet, so that every run of this script bills afresh."""
    Period = env["eboc.dues.period"]
    first = year or date.today().year
    for candidate in range(first, first + 100):
        period = Period.search(
            [
                ("company_id", "=", env.company.id),
                ("date_from", "=", date(candidate, 1, 1)),
                ("date_to", "=", date(candidate, 12, 31)),
            ],
            limit=1,
        )
        if (
            year
            or not period
            or not env["eboc.dues.line"].search_count([("period_id", "=", period.id)], limit=1)
        ):
            break
    if not period:
        period = Period.create(
            {
                "name": str(candidate),
                "date_from": date(candidate, 1, 1),
                "date_to": date(candidate, 12, 31),
                "periodicity": "year",
            }
        )
    return period


def limit_run(env, run, limit):
    """Narrow the run to the first companies (by id) holding ``limit`` billable
    memberships, with a segment: the same companies a stock sample takes."""
    # Ordering by partner_id would follow the partners' names: count per partner id.
    counts = sorted(
        (partner.id, count)
        for partner, count in env["eboc.membership"]._read_group(
            [*run._get_memberships_domain(), ("partner_id.is_company", "=", True)],
            ["partner_id"],
            ["__count"],
        )
    )
    total = 0
    last_partner = None
    for partner_id, count in counts:
        total += count
        if total >= limit:
            last_partner = partner_id
            break
    if last_partner is None:
        say(f"only {total} billable memberships: --limit {limit} bills them all")
        return
    name = SEGMENT_NAME % last_partner
    Segment = env["eboc.segment"]
    segment = Segment.search([("name", "=", name)], limit=1) or Segment.create(
        {"name": name, "target": "company", "domain": f"[('id', '<=', {last_partner})]"}
    )
    run.segment_id = segment


def bench_ours(args, phases):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    registry = Registry(args.database)
    ensure_chart_of_accounts(registry)
    result = {"database": args.database}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, BULK_CONTEXT)
        check_modules(
            env,
            args.database,
            required=[(DUES_MODULE, "generate.py --create-db --modules eboc_dues")],
            refused=[
                (
                    STOCK_MODULE,
                    "the stock module belongs in the baseline database (--stock-database) only",
                )
            ],
        )
        with phases("ours_setup"):
            give_income_account(
                env,
                env.ref("eboc_dues.product_membership_dues")
                | env.ref("eboc_dues.product_entrance_fee"),
            )
            result["fee_rules_created"] = ensure_fee_rules(env)
            period = ensure_period(env, args.year)
            run_vals = {"name": f"Bench dues {period.name}", "period_id": period.id}
            if args.batch_size:
                run_vals["batch_size"] = args.batch_size
            run = env["eboc.dues.run"].create(run_vals)
            if args.limit:
                limit_run(env, run, args.limit)
            env.flush_all()
            cr.commit()
        result.update(
            period=period.name,
            year=period.date_from.year,
            run_id=run.id,
            batch_size=run.batch_size,
            segment=run.segment_id.name or None,
            fee_rules=env["eboc.fee.rule"].search_count([]),
        )
        say(f"{args.database}: run {run.id} for period {period.name}, batch size {run.batch_size}")

        # The invoicing below runs as the background job does: its own context,
        # no bulk flags, so invoices get their chatter message like in production.
        env = api.Environment(cr, SUPERUSER_ID, {})
        run = run.with_env(env)
        with phases("ours_preview"):
            run.action_preview()
            env.flush_all()
            cr.commit()
        env.invalidate_all()
        lines = env["eboc.dues.line"].search([("run_id", "=", run.id)])
        to_invoice = run._get_lines_to_invoice()
        result.update(
            lines=len(lines),
            lines_to_invoice=len(to_invoice),
            warnings=run.warning_count,
            skipped=run.skipped_count,
            amount_total=round(run.amount_total, 2),
        )
        say(
            f"preview {phases.seconds['ours_preview']:.1f}s: {len(lines)} lines, "
            f"{len(to_invoice)} to invoice, {run.warning_count} with a warning, "
            f"{run.skipped_count} already in another run"
        )
        run.state = "invoicing"
        cr.commit()
        env.invalidate_all()

        profiler = cProfile.Profile() if args.profile else None
        log = BatchLog("invoices created and posted", len(to_invoice))
        if profiler:
            profiler.enable()
        while run.state == "invoicing":
            with log.batch(), phases("ours_invoice"):
                log.count = run._invoice_batch()
                env.flush_all()
                cr.commit()
                env.invalidate_all()
            if not log.count:
                break
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        seconds = phases.seconds["ours_invoice"]
        moves = env["account.move"].search([("id", "in", run.line_ids.move_id.ids)])
        done = log.done
        result.update(
            state=run.state,
            invoices=done,
            posted=len(moves.filtered(lambda move: move.state == "posted")),
            invoice_seconds=round(seconds, 2),
            invoices_per_second=rate(done, seconds),
            queries_per_invoice=round(phases.queries["ours_invoice"] / done, 1) if done else None,
            batch_log=log.rows,
            rss_first_batch_mb=log.rss(0),
            rss_last_batch_mb=log.rss(-1),
            peak_rss_mb=peak_rss_mb(),
        )
        result["dues_lines_in_database"] = env["eboc.dues.line"].search_count([])
        if args.payments:
            result["payment"] = bench_payment(env, run, args.payments, phases)
        if not args.skip_lights:
            if args.light_lines:
                result["cloned_lines"] = clone_lines(env, run, args.light_lines)
            result["lights"] = bench_lights(env, phases)
    return result


def bench_lights_only(args, phases):
    """--lights-only: the light timing on the last invoiced run, billing nothing."""
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        run = env["eboc.dues.run"].search([("state", "=", "done")], order="id desc", limit=1)
        if not run:
            raise SystemExit(f"no invoiced dues run in {args.database}: run without --lights-only")
        result = {"database": args.database, "run_id": run.id, "year": run.period_id.date_from.year}
        if args.light_lines:
            result["cloned_lines"] = clone_lines(env, run, args.light_lines)
        result["lights"] = bench_lights(env, phases)
        result["dues_lines_in_database"] = env["eboc.dues.line"].search_count([])
    return result


def clone_lines(env, run, target):
    """Bring the database to ``target`` dues lines for the light timing by copying the
    run's lines into extra bench periods (years 2101, 2102, ...), with one SQL INSERT
    per period into eboc_dues_line only: each copy keeps the stored invoice columns of
    its original, so the recompute has as much to do as with five real seasons,
    without hours of invoicing. Accounting tables are not touched."""
    from odoo.tools import SQL  # noqa: PLC0415

    Line = env["eboc.dues.line"]
    count = Line.search_count([])
    cloned = 0
    year = 2101
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'eboc_dues_line' AND column_name NOT IN ('id', 'period_id')"
    )
    columns = [row[0] for row in env.cr.fetchall()]
    column_list = SQL(", ").join(SQL.identifier(name) for name in columns)
    while count < target:
        period = ensure_period(env, year)
        env.flush_all()
        env.cr.execute(
            SQL(
                "INSERT INTO eboc_dues_line (%s, period_id) "
                "SELECT %s, %s FROM eboc_dues_line WHERE run_id = %s AND period_id = %s "
                "AND NOT EXISTS (SELECT 1 FROM eboc_dues_line o WHERE o.period_id = %s) "
                "ORDER BY id LIMIT %s",
                column_list,
                column_list,
                period.id,
                run.id,
                run.period_id.id,
                period.id,
                target - count,
            )
        )
        cloned += env.cr.rowcount
        count += env.cr.rowcount
        year += 1
        if year > 2200:
            break
    env.cr.commit()
    env.invalidate_all()
    say(f"lights: {cloned} dues lines cloned into bench periods, {count} in the database")
    return cloned


def bench_lights(env, phases):
    """The full traffic-light recompute, when eboc_dues has it.

    Timed three times when the method takes a ``today``: as of today (what the daily
    job finds), as of a day past every due date (every open line turns red: the most
    work), and as of today again (back as it was).
    """
    Line = env["eboc.dues.line"]
    lines = Line.search_count([])
    companies = env["res.partner"].search_count([("is_company", "=", True)])
    result = {"lines": lines, "companies": companies}
    if not hasattr(Line, "_recompute_lights"):
        say("lights: eboc.dues.line has no _recompute_lights() yet, skipped")
        return {**result, "skipped": "no eboc.dues.line._recompute_lights"}
    today = date.today()
    calls = [("today", {})]
    if "today" in inspect.signature(Line._recompute_lights).parameters:
        calls += [("all_overdue", {"today": today + timedelta(days=800)}), ("back", {})]
    for name, kwargs in calls:
        env.invalidate_all()
        phase = f"lights_{name}"
        with phases(phase):
            changed = Line._recompute_lights(**kwargs)
            env.flush_all()
            env.cr.commit()
        changed = len(changed) if changed is not None else None
        result[name] = {**phases.figures(phase, digits=2), "lines_changed": changed}
        say(
            f"lights ({name}): {lines} dues lines, {changed} changed, "
            f"{phases.seconds[phase]:.2f}s (cpu {phases.cpu[phase]:.2f}s, "
            f"{phases.queries[phase]} queries)"
        )
    # The figure of the issue: the recompute with the most to do.
    result["seconds"] = max(result[name]["seconds"] for name, _kwargs in calls)
    return result


def _lights(env, move):
    """(line light, company light) of the dues line of ``move``, when the fields exist."""
    line = env["eboc.dues.line"].search([("move_id", "=", move.id)], limit=1)
    line_light = line.light if "light" in line._fields else None
    partner = line.partner_id
    partner_light = partner.dues_light if "dues_light" in partner._fields else None
    return line_light, partner_light


def bench_payment(env, run, count, phases):
    """Register one payment at a time on the first unpaid invoices of the run."""
    moves = env["account.move"].search(
        [
            ("id", "in", run.line_ids.move_id.ids),
            ("state", "=", "posted"),
            ("payment_state", "=", "not_paid"),
        ],
        order="id",
        limit=count,
    )
    payments = []
    for move in moves:
        before = _lights(env, move)
        env.invalidate_all()
        started, cpu, queries = time.perf_counter(), cpu_seconds(), sql_count()
        with phases("payment"):
            wizard = (
                env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=move.ids)
                .create({})
            )
            wizard.action_create_payments()
            env.flush_all()
        entry = {
            "move_id": move.id,
            "amount": move.amount_total,
            "seconds": round(time.perf_counter() - started, 3),
            "cpu_seconds": round(cpu_seconds() - cpu, 3),
            "queries": sql_count() - queries,
        }
        env.cr.commit()
        env.invalidate_all()
        after = _lights(env, move)
        entry.update(
            payment_state=move.payment_state,
            line_light=[before[0], after[0]],
            company_light=[before[1], after[1]],
        )
        payments.append(entry)
        lights = (
            f"line light {before[0]} -> {after[0]}, company light {before[1]} -> {after[1]}"
            if before != (None, None)
            else "no light fields yet"
        )
        say(
            f"payment on invoice {move.id}: {entry['queries']} queries, {entry['seconds']:.2f}s, "
            f"{move.payment_state}; {lights}"
        )
    return payments


# ---------------------------------------------------------------------------
# Stock: Odoo's membership module
# ---------------------------------------------------------------------------


def install_stock(args, phases):
    """Install Odoo's membership in the baseline database (never in ours)."""
    registry = ensure_module(
        args.stock_database,
        phases,
        say,
        STOCK_MODULE,
        label=f"stock {STOCK_MODULE}",
        phase="stock_install",
        made_with="generate.py --create-db and the same --companies and --seed",
        refused=[
            (
                DUES_MODULE,
                "the baseline must be stock Odoo plus the bench data (generate.py without "
                "--modules)",
            )
        ],
        report=False,
    )
    ensure_chart_of_accounts(registry)
    return registry


def stock_partners(env, year, sample):
    """Member companies (billable memberships, as our run takes them), by id."""
    from odoo.addons.eboc_membership.models import lifecycle  # noqa: PLC0415

    groups = env["eboc.membership"]._read_group(
        [
            ("state", "in", lifecycle.MEMBER_STATES),
            ("company_id", "=", env.company.id),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", date(year, 12, 31)),
        ],
        ["partner_id"],
    )
    ids = sorted(partner.id for (partner,) in groups)
    if sample:
        ids = ids[:sample]
    return env["res.partner"].browse(ids)


def ensure_stock_product(env, year, amount):
    """A membership product as a person sets it up: service, membership dates, no tax
    (like our dues product), an income account."""
    Template = env["product.template"]
    template = Template.search([("default_code", "=", STOCK_PRODUCT_CODE)], limit=1)
    if not template:
        template = Template.create(
            {
                "name": f"Membership {year}",
                "default_code": STOCK_PRODUCT_CODE,
                "type": "service",
                "membership": True,
                "membership_date_from": date(year, 1, 1),
                "membership_date_to": date(year, 12, 31),
                "list_price": amount,
                "taxes_id": [(5, 0, 0)],
            }
        )
    give_income_account(env, template.product_variant_id)
    return template.product_variant_id


def bench_stock(args, phases, year):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    registry = install_stock(args, phases)
    result = {"database": args.stock_database}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        product = ensure_stock_product(env, year, args.stock_amount)
        partners = stock_partners(env, year, args.stock_sample)
        cr.commit()
        env.invalidate_all()
        say(
            f"{args.stock_database}: create_membership_invoice for {len(partners)} member "
            f"companies in one call, then action_post in batches of {args.stock_post_batch}"
        )
        rss_before = current_rss_mb()
        with phases("stock_create"):
            moves = partners.create_membership_invoice(product, args.stock_amount)
            env.flush_all()
            cr.commit()
        move_ids = moves.ids
        rss_created = current_rss_mb()
        env.invalidate_all()
        created = phases.seconds["stock_create"]
        say(
            f"created {len(move_ids)} invoices in {created:.1f}s "
            f"({rate(len(move_ids), created)}/s, cpu {phases.cpu['stock_create']:.1f}s, "
            f"{phases.queries['stock_create']} queries)  rss {rss_created} MB"
        )
        log = BatchLog("invoices posted", len(move_ids))
        for start in range(0, len(move_ids), args.stock_post_batch):
            batch = env["account.move"].browse(move_ids[start : start + args.stock_post_batch])
            with log.batch(), phases("stock_post"):
                batch.action_post()
                env.flush_all()
                cr.commit()
                env.invalidate_all()
                log.count = len(batch)
        posted = log.done
        post_seconds = phases.seconds["stock_post"]
        total = created + post_seconds
        result.update(
            members=len(partners),
            invoices=len(move_ids),
            amount=args.stock_amount,
            post_batch=args.stock_post_batch,
            create_seconds=round(created, 2),
            post_seconds=round(post_seconds, 2),
            create_per_second=rate(len(move_ids), created),
            post_per_second=rate(posted, post_seconds),
            invoices_per_second=rate(len(move_ids), total),
            queries_per_invoice=(
                round(
                    (phases.queries["stock_create"] + phases.queries["stock_post"]) / len(move_ids),
                    1,
                )
                if move_ids
                else None
            ),
            rss_before_mb=rss_before,
            rss_after_create_mb=rss_created,
            post_log=log.rows,
            peak_rss_mb=peak_rss_mb(),
        )
    return result


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def comparison(ours, stock):
    """The side-by-side rows (label, ours, stock, ratio) and the end-to-end ratio."""
    ours = ours or {}
    stock = stock or {}

    def cell(value, suffix=""):
        return "-" if value is None else f"{value}{suffix}"

    def memory(first, last):
        return f"{cell(first)} / {cell(last)}" if first or last else "-"

    ours_rate = ours.get("invoices_per_second")
    stock_rate = stock.get("invoices_per_second")
    end_to_end = ratio(ours_rate, stock_rate)
    stock_seconds = (
        round(stock["create_seconds"] + stock["post_seconds"], 2)
        if "create_seconds" in stock
        else None
    )
    post_log = stock.get("post_log") or [[None] * 5]
    # Each batch of ours creates and posts its invoices in one transaction.
    together = "(in one batch)" if ours else "-"
    rows = [
        ("invoices", cell(ours.get("invoices")), cell(stock.get("invoices")), ""),
        ("create /s", together, cell(stock.get("create_per_second")), ""),
        ("post /s", together, cell(stock.get("post_per_second")), ""),
        (
            "create + post /s, end to end",
            cell(ours_rate),
            cell(stock_rate),
            f"{end_to_end}x (target {TARGET_RATIO:g}x)" if end_to_end else "",
        ),
        ("seconds, end to end", cell(ours.get("invoice_seconds")), cell(stock_seconds), ""),
        (
            "queries per invoice",
            cell(ours.get("queries_per_invoice")),
            cell(stock.get("queries_per_invoice")),
            "",
        ),
        (
            "RSS first / last batch (MB)",
            memory(ours.get("rss_first_batch_mb"), ours.get("rss_last_batch_mb")),
            memory(post_log[0][4], post_log[-1][4]),
            "",
        ),
    ]
    lights = ours.get("lights")
    if lights:
        measured = (
            f"{lights['seconds']}s for {lights['lines']} lines" if "seconds" in lights else ""
        )
        rows.append(
            (
                "light recompute",
                measured or f"skipped ({lights['lines']} lines)",
                "-",
                f"(target {TARGET_LIGHT_SECONDS:g}s for 100,000 lines)",
            )
        )
    payments = ours.get("payment")
    if payments:
        queries = " / ".join(str(payment["queries"]) for payment in payments)
        rows.append(("payment -> light, queries", queries, "-", ""))
    return rows, end_to_end


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def parse_args(argv=None):
    parser = bench_parser(
        __doc__, "database made by generate.py --modules eboc_dues (ours)", database_required=False
    )
    parser.add_argument(
        "--stock-database",
        help="baseline database made by generate.py with the same --companies and --seed, "
        "without --modules; the script installs stock membership in it",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=0,
        help="bill the memberships of the first companies (by id) up to this many "
        "memberships (default 0: all)",
    )
    parser.add_argument(
        "--year",
        type=int,
        help="year of the dues period (default: the first from this year on without dues lines)",
    )
    parser.add_argument(
        "--batch-size", type=int, help="invoices per batch of the run (default: the run's, 200)"
    )
    parser.add_argument(
        "--payments",
        type=int,
        default=3,
        help="payments to register one at a time, each counted (default 3; 0 skips)",
    )
    parser.add_argument(
        "--skip-lights", action="store_true", help="do not time the traffic-light recompute"
    )
    parser.add_argument(
        "--stock-sample",
        type=int,
        default=1000,
        help="member companies the stock path invoices, the first by id (default 1000; 0: all)",
    )
    parser.add_argument(
        "--stock-post-batch",
        type=int,
        default=1000,
        help="stock invoices per action_post and commit (default 1000)",
    )
    parser.add_argument(
        "--stock-amount",
        type=float,
        default=500.0,
        help="amount of the stock membership invoices (default 500)",
    )
    parser.add_argument(
        "--lights-only",
        action="store_true",
        help="bill nothing: time the light recompute on the last invoiced run's database",
    )
    parser.add_argument(
        "--light-lines",
        type=int,
        default=0,
        help="before timing the light recompute, copy the run's dues lines into extra "
        "bench periods until the database has this many (e.g. 100000)",
    )
    parser.add_argument("--log-level", default="warn", help="Odoo log level (default warn)")
    parser.add_argument(
        "--profile", metavar="FILE", help="write a cProfile of our invoicing batches to FILE"
    )
    args = parser.parse_args(argv)
    if not args.database and not args.stock_database:
        parser.error("give --database (ours), --stock-database (stock) or both")
    if args.database and args.database == args.stock_database:
        parser.error("--stock-database must not be --database: stock membership goes there")
    if min(args.limit, args.stock_sample, args.payments) < 0 or args.stock_post_batch < 1:
        parser.error("counts must be positive")
    if args.batch_size is not None and args.batch_size < 1:
        parser.error("--batch-size must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    phases = Phases()
    started = time.perf_counter()
    odoo = load_odoo(args)
    if args.database and args.lights_only:
        ours = bench_lights_only(args, phases)
    else:
        ours = bench_ours(args, phases) if args.database else None
    year = ours["year"] if ours else args.year or date.today().year
    stock = bench_stock(args, phases, year) if args.stock_database else None
    rows, end_to_end = comparison(ours, stock)
    result = {
        "ours": ours,
        "stock": stock,
        "ratio": end_to_end,
        **run_totals(args, phases, started, odoo),
    }
    say("side by side:")
    say.table(("", "ours (eboc_dues)", "stock (membership)", "ratio"), rows)
    say.figures("seconds", result["seconds"])
    say.figures("queries", result["queries"])
    print_result(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
