"""The member portal at scale: server time and SQL queries of every /my page and of
the online payment, for one member company's contact, on a database from generate.py.

The pages are served in this process by Odoo's own WSGI application (no network, no
browser: the server's share of a page view only), as the portal user, after two
warm-up views; each page is then viewed ``--views`` times. Stock pages Odoo serves on
the same data (its /my home counters, its invoice list and invoice page, its invoice
PDF) are measured beside ours.

The database should hold the other benches' data first, so that the member's pages
are read among many other companies' records: invoices (``bench dues``), services,
events and registrations (``bench engagement``), questionnaire invitations (``bench
campaigns``). The setup (committed, kept for the next run) adds the member's own
share: a portal user on a contact of the member company with the most invoices,
services, upcoming events open to members, registrations, questionnaires, and an
unpaid dues invoice for the payment.
"""

import cProfile
import statistics
import sys
import time
from datetime import timedelta

from dues import ensure_fee_rules, ensure_period, give_income_account
from generate import (
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

say = Say("portal")

LOGIN = "bench_portal_member"
SERVICES = 40
EVENTS = 25
REGISTRATIONS = 10
QUESTIONNAIRES = 8
# Online payments: the first in a fresh process pays for Odoo's one-time caches (the
# ORM's trigger trees of accounting's fields); the others are what a worker spends.
PAYMENTS = 3
EVENT_NAME = "Bench portal event %s"
SURVEY_TITLE = "Bench portal questionnaire"
# The budget the issue sets for a page's server time at 50,000 companies.
BUDGET_SECONDS = 0.3

# (label, path, ours): the pages a member's contact views. {membership}, {invoice}
# and {token} are filled in once the setup has found them.
PAGES = [
    ("home", "/my/home", False),
    ("memberships", "/my/memberships", True),
    ("membership", "/my/memberships/{membership}", True),
    ("invoices", "/my/invoices", False),
    ("invoice", "/my/invoices/{invoice}?access_token={token}", False),
    ("company profile", "/my/company", True),
    ("services", "/my/services", True),
    ("events", "/my/events", True),
    ("questionnaires", "/my/questionnaires", True),
]
PDFS = [
    ("certificate PDF", "/my/memberships/{membership}/certificate", True),
    ("invoice PDF", "/my/invoices/{invoice}?report_type=pdf&access_token={token}", False),
]
STOCK_COUNTERS = ["invoice_count"]
OUR_COUNTERS = [
    "eboc_membership_count",
    "eboc_service_count",
    "eboc_event_count",
    "eboc_questionnaire_count",
]


# ---------------------------------------------------------------------------
# Setup: the member's share of the data
# ---------------------------------------------------------------------------


def member_company(env):
    """The active member company with the most posted customer invoices, then the
    most services: the heaviest pages."""
    env.cr.execute(
        """
        WITH invoices AS (
                SELECT commercial_partner_id AS id, count(*) AS n
                  FROM account_move
                 WHERE move_type = 'out_invoice' AND state = 'posted'
              GROUP BY commercial_partner_id
             ), services AS (
                SELECT partner_id AS id, count(*) AS n
                  FROM eboc_service_record
              GROUP BY partner_id
             ), members AS (
                SELECT DISTINCT partner_id AS id FROM eboc_membership WHERE state = 'active'
             )
        SELECT p.id
          FROM res_partner p
          JOIN members ON members.id = p.id
     LEFT JOIN invoices ON invoices.id = p.id
     LEFT JOIN services ON services.id = p.id
         WHERE p.is_company AND p.active
      ORDER BY COALESCE(invoices.n, 0) DESC, COALESCE(services.n, 0) DESC, p.id
         LIMIT 1
        """
    )
    row = env.cr.fetchone()
    if not row:
        raise SystemExit("no active member company: make the database with generate.py")
    return env["res.partner"].browse(row[0])


def ensure_portal_user(env, company):
    """A portal user on the company's first contact, holding the CEO role (it pays
    the dues and edits the profile)."""
    Users = env["res.users"].with_context(no_reset_password=True)
    user = Users.search([("login", "=", LOGIN)], limit=1)
    if user and user.partner_id.commercial_partner_id == company:
        return user
    person = company.child_ids.filtered(lambda p: p.type == "contact" and not p.is_company)[:1]
    if not person:
        person = env["res.partner"].create({"name": "Bench Portal Member", "parent_id": company.id})
    person.write(
        {
            "contact_role_ids": [(4, env.ref("eboc_membership.contact_role_ceo").id)],
            "email": person.email or f"{LOGIN}@example.com",
        }
    )
    if user:
        user.partner_id = person
        return user
    return Users.create(
        {
            "login": LOGIN,
            "password": LOGIN,
            "partner_id": person.id,
            "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
        }
    )


def ensure_services(env, company, person):
    Service = env["eboc.service.record"]
    missing = SERVICES - Service.search_count([("partner_id", "=", company.id)])
    if missing <= 0:
        return 0
    types = env["eboc.service.type"].search([])
    staff = env.ref("base.user_admin")
    now = env.cr.now()
    Service.create(
        [
            {
                "name": f"Bench advice {index}",
                "partner_id": company.id,
                "contact_id": person.id,
                "service_type_id": types[index % len(types)].id,
                "user_id": staff.id,
                "date": now - timedelta(days=7 * index),
                "duration": 1.0,
            }
            for index in range(missing)
        ]
    )
    return missing


def ensure_events(env, company, person):
    """Upcoming events open to members, and the company's registrations to some."""
    Event = env["event.event"]
    events = Event.search([("name", "=like", EVENT_NAME % "%")], order="id")
    now = env.cr.now()
    if len(events) < EVENTS:
        events |= Event.create(
            [
                {
                    "name": EVENT_NAME % index,
                    "date_begin": now + timedelta(days=10 + index),
                    "date_end": now + timedelta(days=10 + index, hours=3),
                    "eboc_portal_open": True,
                }
                for index in range(len(events), EVENTS)
            ]
        )
    Registration = env["event.registration"]
    registered = Registration.search([("partner_id", "=", person.id)]).event_id
    Registration.create(
        [
            {"event_id": event.id, "partner_id": person.id, "name": person.name}
            for event in (events[:REGISTRATIONS] - registered)
        ]
    )
    return events


def ensure_questionnaires(env, person):
    """Invitations of the contact to a questionnaire of its own: not the campaigns
    bench's, whose counts its stock comparison checks."""
    Survey = env["survey.survey"]
    survey = Survey.search([("title", "=", SURVEY_TITLE)], limit=1) or Survey.create(
        {"title": SURVEY_TITLE, "access_mode": "token"}
    )
    count = env["survey.user_input"].search_count(
        [("partner_id", "=", person.id), ("survey_id", "=", survey.id)]
    )
    for _index in range(count, QUESTIONNAIRES):
        survey._create_answer(partner=person, check_attempts=False)
    return max(count, QUESTIONNAIRES)


def unpaid_invoices(env, company, count):
    """``count`` posted dues invoices of the company with nothing paid yet: the bench
    dues run's, or billed here by dues runs of this company alone (a period each)."""
    domain = [
        ("commercial_partner_id", "=", company.id),
        ("move_type", "=", "out_invoice"),
        ("state", "=", "posted"),
        ("payment_state", "=", "not_paid"),
        ("eboc_membership_id", "!=", False),
    ]
    invoices = env["account.move"].search(domain, limit=count, order="id")
    if len(invoices) < count:
        give_income_account(
            env,
            env.ref("eboc_dues.product_membership_dues")
            | env.ref("eboc_dues.product_entrance_fee"),
        )
        ensure_fee_rules(env)
        Segment = env["eboc.segment"]
        name = f"Bench portal member {company.id}"
        segment = Segment.search([("name", "=", name)], limit=1) or Segment.create(
            {"name": name, "target": "company", "domain": f"[('id', '=', {company.id})]"}
        )
    while len(invoices) < count:
        period = ensure_period(env, None)
        run = env["eboc.dues.run"].create(
            {
                "name": f"Bench portal {period.name}",
                "period_id": period.id,
                "segment_id": segment.id,
            }
        )
        run.action_preview()
        run.state = "invoicing"
        while run.state == "invoicing" and run._invoice_batch():
            pass
        billed = env["account.move"].search(domain, limit=count, order="id")
        if billed == invoices:
            raise SystemExit(f"{company.display_name}: no dues invoice to pay could be billed")
        invoices = billed
    return invoices


def enable_demo_provider(env):
    provider = env.ref("payment.payment_provider_demo")
    if provider.state != "test":
        provider.write({"state": "test", "is_published": True})
    return provider


def setup(registry, phases):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    with registry.cursor() as cr, phases("setup"):
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = member_company(env)
        user = ensure_portal_user(env, company)
        person = user.partner_id
        created_services = ensure_services(env, company, person)
        events = ensure_events(env, company, person)
        questionnaires = ensure_questionnaires(env, person)
        to_pay = unpaid_invoices(env, company, PAYMENTS)
        provider = enable_demo_provider(env)
        env.flush_all()
        membership = company.membership_ids.filtered(lambda m: m.state == "active")[:1]
        member = {
            "company": company.display_name,
            "company_id": company.id,
            "person_id": person.id,
            "membership": membership.id,
            "invoice": to_pay[0].id,
            "token": to_pay[0]._portal_ensure_token(),
            "to_pay": [(invoice.id, invoice._portal_ensure_token()) for invoice in to_pay],
            "provider_id": provider.id,
            "payment_method_id": env.ref("payment_demo.payment_method_demo").id,
            "services_created": created_services,
            "open_events": len(events),
            "questionnaires": questionnaires,
        }
        member["own"] = own_counts(env, company, person)
        data = database_counts(env)
    return member, data


def own_counts(env, company, person):
    return {
        "memberships": env["eboc.membership"].search_count([("partner_id", "=", company.id)]),
        "invoices": env["account.move"].search_count(
            [("commercial_partner_id", "=", company.id), ("move_type", "=", "out_invoice")]
        ),
        "services": env["eboc.service.record"].search_count([("partner_id", "=", company.id)]),
        "registrations": env["event.registration"].search_count(
            [("eboc_company_id", "=", company.id)]
        ),
        "questionnaires": env["survey.user_input"].search_count([("partner_id", "=", person.id)]),
        "contacts": len(company.child_ids),
    }


def database_counts(env):
    def count(table, where="TRUE"):
        env.cr.execute(f"SELECT count(*) FROM {table} WHERE {where}")  # noqa: S608 - constants
        return env.cr.fetchone()[0]

    return {
        "companies": count("res_partner", "is_company"),
        "persons": count("res_partner", "NOT is_company"),
        "memberships": count("eboc_membership"),
        "invoices": count("account_move", "move_type = 'out_invoice'"),
        "services": count("eboc_service_record"),
        "events": count("event_event"),
        "registrations": count("event_registration"),
        "questionnaire_invitations": count("survey_user_input"),
    }


# ---------------------------------------------------------------------------
# Measures: Odoo's WSGI application in this process
# ---------------------------------------------------------------------------


class Browser:
    """A logged-in portal user's requests to Odoo's WSGI application, each timed and
    its SQL queries counted."""

    def __init__(self, odoo, database):
        from werkzeug.test import Client  # noqa: PLC0415
        from werkzeug.wrappers import Response  # noqa: PLC0415

        odoo.service.server.load_server_wide_modules()
        self.client = Client(odoo.http.root, Response)
        # What a WSGI server sets, and Odoo reads at login.
        self.environ = {"REMOTE_ADDR": "127.0.0.1"}
        self.database = database
        self.request_id = 0

    def get(self, path):
        return self._timed(lambda: self.client.get(path, environ_base=self.environ))

    def json(self, path, params):
        self.request_id += 1
        payload = {"jsonrpc": "2.0", "method": "call", "id": self.request_id, "params": params}
        seconds, queries, response = self._timed(
            lambda: self.client.post(path, json=payload, environ_base=self.environ)
        )
        body = response.get_json()
        if body.get("error"):
            raise SystemExit(f"{path}: {body['error']['data']['message']}")
        return seconds, queries, body.get("result")  # absent when the route returns None

    def _timed(self, call):
        start, start_sql = time.perf_counter(), sql_count()
        response = call()
        seconds, queries = time.perf_counter() - start, sql_count() - start_sql
        if getattr(response, "status_code", 200) != 200:
            raise SystemExit(
                f"HTTP {response.status_code}: {response.get_data(as_text=True)[:300]}"
            )
        return seconds, queries, response

    def login(self):
        self.json(
            "/web/session/authenticate",
            {"db": self.database, "login": LOGIN, "password": LOGIN},
        )


def measure(label, ours, views, call):
    """Two warm-up views, then ``views`` timed ones: median and worst seconds and the
    queries of a view (the same every time, else the spread)."""
    for _warm in range(2):
        call()
    seconds, queries = [], set()
    for _view in range(views):
        spent, count, _response = call()
        seconds.append(spent)
        queries.add(count)
    row = {
        "page": label,
        "ours": ours,
        "median_s": round(statistics.median(seconds), 4),
        "max_s": round(max(seconds), 4),
        "queries": min(queries) if len(queries) == 1 else sorted(queries),
    }
    say(f"{label:<18} median {row['median_s']:.3f}s  max {row['max_s']:.3f}s  q {row['queries']}")
    return row


def measure_pages(browser, member, views):
    rows = []
    for label, template, ours in [*PAGES, *PDFS]:
        path = template.format(**member)
        rows.append(measure(label, ours, views, lambda path=path: browser.get(path)))
    for label, counters, ours in (
        ("home counters", STOCK_COUNTERS, False),
        ("home counters", OUR_COUNTERS, True),
    ):
        rows.append(
            measure(
                f"{label} ({'ours' if ours else 'stock'})",
                ours,
                views,
                lambda counters=counters: browser.json("/my/counters", {"counters": counters}),
            )
        )
    return rows


def measure_payment(browser, member, invoice_id, token, registry, profile=None):
    """The portal's payment form: the transaction, the demo provider's confirmation,
    the status poll that post-processes it (payment, reconciliation, the light)."""
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    steps = {}
    params = {
        "access_token": token,
        "provider_id": member["provider_id"],
        "payment_method_id": member["payment_method_id"],
        "token_id": None,
        "flow": "direct",
        "tokenization_requested": False,
        "landing_route": f"/my/invoices/{invoice_id}",
    }
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        invoice = env["account.move"].browse(invoice_id)
        params["amount"] = invoice.amount_residual
        light_before = invoice.eboc_dues_light
    seconds, queries, processing = browser.json(f"/invoice/transaction/{invoice_id}", params)
    steps["transaction"] = {"seconds": round(seconds, 4), "queries": queries}
    seconds, queries, _none = browser.json(
        "/payment/demo/simulate_payment",
        {
            "reference": processing["reference"],
            "payment_details": "4242",
            "simulated_state": "done",
        },
    )
    steps["provider confirms"] = {"seconds": round(seconds, 4), "queries": queries}
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    seconds, queries, status = browser.json("/payment/status/poll", {})
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    steps["status poll (post-processing)"] = {"seconds": round(seconds, 4), "queries": queries}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        invoice = env["account.move"].browse(invoice_id)
        result = {
            "steps": steps,
            "state": status.get("state"),
            "payment_state": invoice.payment_state,
            "light_before": light_before,
            "light_after": invoice.eboc_dues_light,
        }
    for step, figures in steps.items():
        say(f"payment: {step:<30} {figures['seconds']:.3f}s  q {figures['queries']}")
    say(f"payment: {result['payment_state']}, light {light_before} -> {result['light_after']}")
    return result


def parse_args(argv=None):
    parser = bench_parser(__doc__, "database made by generate.py --modules eboc_dues,...")
    parser.add_argument(
        "--views", type=int, default=20, help="timed views of each page (default 20)"
    )
    parser.add_argument("--log-level", default="warn", help="Odoo log level (default warn)")
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="write a cProfile of the last payment's status poll to FILE",
    )
    args = parser.parse_args(argv)
    if args.views < 1:
        parser.error("--views must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    phases = Phases()
    started = time.perf_counter()
    # Debian's wkhtmltopdf (unpatched Qt) makes Odoo warn at every PDF about header
    # options it ignores: the PDFs are timed all the same.
    odoo = load_odoo(args, "--log-handler=odoo.addons.base.models.ir_actions_report:ERROR")
    registry = ensure_module(
        args.database,
        phases,
        say,
        "payment_demo",
        made_with="generate.py --create-db --modules eboc_dues,eboc_events,eboc_campaigns",
    )
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    with registry.cursor() as cr:
        check_modules(
            api.Environment(cr, SUPERUSER_ID, {}),
            args.database,
            required=[
                (name, "generate.py --modules eboc_dues,eboc_events,eboc_campaigns")
                for name in ("eboc_dues", "eboc_events", "eboc_campaigns")
            ],
        )
    member, data = setup(registry, phases)
    say(f"{args.database}: {data}")
    say(f"member {member['company']}: {member['own']}")
    browser = Browser(odoo, args.database)
    browser.login()
    with phases("pages"):
        pages = measure_pages(browser, member, args.views)
    with phases("payment"):
        payments = [
            measure_payment(
                browser,
                member,
                invoice_id,
                token,
                registry,
                args.profile if index == len(member["to_pay"]) - 1 else None,
            )
            for index, (invoice_id, token) in enumerate(member["to_pay"])
        ]
    over = [row["page"] for row in pages if row["median_s"] > BUDGET_SECONDS]
    result = {
        "data": data,
        "member": {key: member[key] for key in ("company", "own", "services_created")},
        "pages": pages,
        "payment": {"first_in_process": payments[0], "warm": payments[1:]},
        "over_budget": over,
        **run_totals(args, phases, started, odoo),
    }
    say.table(
        ("page", "ours", "median s", "max s", "queries"),
        [
            (
                row["page"],
                "yes" if row["ours"] else "stock",
                row["median_s"],
                row["max_s"],
                row["queries"],
            )
            for row in pages
        ],
    )
    print_result(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
