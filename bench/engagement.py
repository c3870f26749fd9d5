#!/usr/bin/env python3
"""Time the engagement scoring of eboc_events on the bench data set, side by side with
the conventional ORM way.

Run it with the interpreter of the Odoo 18 installation (``./eboc bench engagement``
does this for you), on a database made by ``bench/generate.py``::

    python bench/generate.py -c odoo.conf -d bench_events --companies 24000 --create-db
    python bench/engagement.py -c odoo.conf -d bench_events

Phases, each timed (wall clock, CPU of this process, SQL queries):

* setup (not part of the comparison): installs ``eboc_events`` when it is not
  installed, then brings the database up to ``--services`` service records,
  ``--events`` past events and ``--answers`` completed questionnaires, with activity
  of the last 24 months, the same for the same ``--seed``: service records of the
  bench companies (about 30 % of them use none, larger companies use more), past
  events with ``--attendees-per-event`` registrations each (most of them attended),
  answers of the companies' persons to the feedback questionnaire. The events go
  through the ORM, the rows in bulk SQL (one ``INSERT ... SELECT`` per page of rows,
  filling the stored related columns from the company, the person and the service
  type as the ORM would); then a commit;
* ours: ``res.partner._eboc_update_all_engagement()``, the one SQL UPDATE that
  rescores every company, and its commit; then again, with nothing to change;
* ORM way: the conventional Odoo implementation of the same figures, per batch of
  1000 companies: ``_read_group`` of the services in the window by company and
  service type (to weigh them), of the attended registrations by company and event,
  of the completed answers by person (brought to the person's company), of the last
  service and answer before the window for the companies without any interaction in
  it; the score and level in Python; one ``write()`` per company, as a stored
  computed field assigns each record, flushed per batch; then the commit hooks these
  writes leave (mail.thread's tracking), which a commit would run. It runs inside a
  savepoint, from the figures the companies had before ours' first run (so that it
  has the same changes to write), and is rolled back; its figures are compared to
  ours on a sample of companies (and, in SQL, on all of them);
* at risk: the Members at Risk list: ``search_count`` of the companies at risk, then
  ``search(limit=80)`` and ``read()`` of the list's fields for those 80.

Ours and the ORM way see the same "now" (``fields.Datetime.now`` is pinned to one
instant for both), so that a service at the very edge of the window counts alike.

The last line is ``BENCH_RESULT {json}`` for scripts.
"""

import random
import sys
import time
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

# generate.py sits next to this file: its timing helpers, bulk context and the
# helpers the bench scripts share.
from generate import (
    BULK_CONTEXT,
    Phases,
    Progress,
    Say,
    access_token,
    bench_parser,
    check_columns,
    count_rows,
    current_rss_mb,
    ensure_module,
    figure_ratios,
    insert_rows,
    load_odoo,
    peak_rss_mb,
    print_result,
    run_totals,
    times,
)

EVENTS_MODULE = "eboc_events"
SURVEY_XMLID = "eboc_events.survey_event_feedback"
EVENT_TYPE_XMLID = "eboc_events.event_type_member_seminar"
EVENT_NAME = "Bench event %d: %s"
HISTORY_DAYS = 730  # the generated activity covers the last 24 months
ORM_BATCH = 1000
LIST_LIMIT = 80
LIST_FIELDS = [
    "name",
    "member_state",
    "engagement_score",
    "engagement_level",
    "last_interaction_date",
    "service_count",
    "service_summary",
]
# Who uses the services: about 30 % of the companies none; the others in proportion
# to their size, times a log-normal appetite of their own.
NO_SERVICE_SHARE = 0.30
SIZE_USE = {"micro": 1.0, "small": 2.5, "medium": 6.0, "large": 15.0}
CHANNELS = [("phone", 35), ("email", 30), ("meeting", 12), ("web", 10), ("visit", 8), ("event", 5)]
DURATIONS = [0.25, 0.5, 0.5, 1.0, 1.0, 1.5, 2.0, 4.0]
# Attended, registered but absent, cancelled.
REGISTRATION_STATES = [("done", 80), ("open", 12), ("cancel", 8)]
EVENT_TOPICS = [
    "Labour law update",
    "Export and customs workshop",
    "Occupational safety seminar",
    "Wage negotiations briefing",
    "Energy costs round table",
    "Digitalisation breakfast",
    "Young entrepreneurs evening",
    "Annual general assembly",
]

SERVICE_INSERT = """
INSERT INTO eboc_service_record (
    name, partner_id, contact_id, service_type_id, category, channel, user_id, date,
    duration, satisfaction, is_member, company_id, industry_id, region_id, size_class_id,
    create_uid, create_date, write_uid, write_date)
SELECT v.name, v.partner_id, v.contact_id, v.service_type_id, t.category, v.channel,
       v.user_id, v.date, v.duration, v.satisfaction,
       EXISTS (SELECT 1 FROM eboc_membership m
                WHERE m.partner_id = p.id AND m.company_id = v.company_id AND m.is_member),
       v.company_id, p.industry_id, p.region_id, p.size_class_id,
       v.uid, v.date, v.uid, v.date
  FROM (VALUES %s) AS v(name, partner_id, contact_id, service_type_id, channel, user_id,
                        date, duration, satisfaction, company_id, uid)
  JOIN res_partner p ON p.id = v.partner_id
  JOIN eboc_service_type t ON t.id = v.service_type_id
"""
SERVICE_ROW = "(%s, %s, %s::int4, %s, %s, %s, %s::timestamp, %s::float8, %s::varchar, %s, %s)"
SERVICE_COLUMNS = """
    name partner_id contact_id service_type_id category channel user_id date duration
    satisfaction is_member company_id industry_id region_id size_class_id create_uid
    create_date write_uid write_date
""".split()

# The registration takes the person's name, email and phone, the person's company and
# the price of the company's membership status, as the ORM would.
REGISTRATION_INSERT = """
INSERT INTO event_registration (
    event_id, partner_id, name, email, phone, state, active, barcode, company_id,
    eboc_company_id, eboc_member_status, eboc_price, date_closed,
    create_uid, create_date, write_uid, write_date)
SELECT e.id, p.id, p.name, p.email, COALESCE(p.phone, p.mobile), v.state, TRUE, v.barcode,
       e.company_id, c.id,
       CASE WHEN m.is_member THEN 'member' ELSE 'non_member' END,
       CASE WHEN m.is_member THEN e.eboc_price_member ELSE e.eboc_price_non_member END,
       v.date_closed, v.uid, v.registered, v.uid, COALESCE(v.date_closed, v.registered)
  FROM (VALUES %s) AS v(event_id, partner_id, state, barcode, date_closed, registered, uid)
  JOIN event_event e ON e.id = v.event_id
  JOIN res_partner p ON p.id = v.partner_id
  JOIN res_partner c ON c.id = p.commercial_partner_id
  LEFT JOIN LATERAL (
      SELECT TRUE AS is_member FROM eboc_membership m
       WHERE m.partner_id = c.id AND m.company_id = e.company_id AND m.is_member
       LIMIT 1
  ) m ON TRUE
"""
REGISTRATION_ROW = "(%s, %s, %s, %s, %s::timestamp, %s::timestamp, %s)"
REGISTRATION_COLUMNS = """
    event_id partner_id name email phone state active barcode company_id eboc_company_id
    eboc_member_status eboc_price date_closed create_uid create_date write_uid
    write_date
""".split()

ANSWER_INSERT = """
INSERT INTO survey_user_input (
    survey_id, partner_id, email, state, test_entry, access_token, start_datetime,
    end_datetime, scoring_percentage, scoring_total, scoring_success, survey_first_submitted,
    is_session_answer, create_uid, create_date, write_uid, write_date)
SELECT v.survey_id, p.id, p.email, 'done', FALSE, v.token, v.started, v.ended,
       0, 0, FALSE, TRUE, FALSE, v.uid, v.started, v.uid, v.ended
  FROM (VALUES %s) AS v(survey_id, partner_id, token, started, ended, uid)
  JOIN res_partner p ON p.id = v.partner_id
"""
ANSWER_ROW = "(%s, %s, %s, %s::timestamp, %s::timestamp, %s)"
ANSWER_COLUMNS = """
    survey_id partner_id email state test_entry access_token start_datetime end_datetime
    scoring_percentage scoring_total scoring_success survey_first_submitted
    is_session_answer create_uid create_date write_uid write_date
""".split()

# The companies' figures before ours runs (the ORM way starts from them) and after
# (what the ORM way must find): temporary tables of this connection.
SNAPSHOT_SQL = """
CREATE TEMP TABLE %s AS
SELECT id, engagement_services, engagement_events, engagement_answers, engagement_score,
       engagement_level, last_interaction_date
  FROM res_partner
 WHERE is_company
"""
# The figures the install leaves on companies without activity.
RESET_SQL = """
UPDATE res_partner
   SET engagement_services = NULL, engagement_events = NULL, engagement_answers = NULL,
       engagement_score = NULL, engagement_level = NULL, last_interaction_date = NULL
 WHERE is_company
"""
RESTORE_BEFORE_SQL = """
UPDATE res_partner p
   SET engagement_services = b.engagement_services,
       engagement_events = b.engagement_events,
       engagement_answers = b.engagement_answers,
       engagement_score = b.engagement_score,
       engagement_level = b.engagement_level,
       last_interaction_date = b.last_interaction_date
  FROM bench_engagement_before b
 WHERE p.id = b.id
"""


# The figures are company-dependent (jsonb by EBMO; a missing key reads as the
# fallback: 0, level "0"): compared as the bench EBMO reads them.
def typed_figures(alias, company_id):
    """SQL of the six figures of ``alias`` as EBMO ``company_id`` reads them (scores
    to a millionth)."""
    key = f"'{int(company_id)}'"
    return ", ".join(
        [
            f"COALESCE(({alias}.engagement_services->>{key})::int, 0)",
            f"COALESCE(({alias}.engagement_events->>{key})::int, 0)",
            f"COALESCE(({alias}.engagement_answers->>{key})::int, 0)",
            f"round(COALESCE(({alias}.engagement_score->>{key})::numeric, 0), 6)",
            f"COALESCE({alias}.engagement_level->>{key}, '0')",
            f"({alias}.last_interaction_date->>{key})::timestamp",
        ]
    )


# Companies whose figures differ from a snapshot.
DIFFER_SQL = """
SELECT p.id
  FROM res_partner p
  JOIN %s s ON s.id = p.id
 WHERE ({p}) IS DISTINCT FROM ({s})
"""


say = Say("engagement")


@contextmanager
def pinned_now(now):
    """``fields.Datetime.now()`` returns ``now`` in the block: ours and the ORM way
    score with the same window."""
    from odoo import fields  # noqa: PLC0415

    with mock.patch.object(fields.Datetime, "now", staticmethod(lambda *_args: now)):
        yield


# ---------------------------------------------------------------------------
# Activity data
# ---------------------------------------------------------------------------


class Activity:
    """The bench companies, their persons and how much each one uses the services,
    drawn once from the seed."""

    def __init__(self, env, seed):
        self.seed = seed
        sizes = {
            env.ref(f"eboc_membership.size_class_{code}").id: code
            for code in ("micro", "small", "medium", "large")
        }
        env.cr.execute(
            "SELECT id, size_class_id FROM res_partner "
            "WHERE is_company AND active AND size_class_id IS NOT NULL ORDER BY id"
        )
        companies = env.cr.fetchall()
        env.cr.execute(
            "SELECT parent_id, array_agg(id ORDER BY id) FROM res_partner "
            "WHERE parent_id IS NOT NULL AND NOT is_company AND active GROUP BY parent_id"
        )
        self.persons = dict(env.cr.fetchall())
        rng = self.rng("companies")
        self.company_ids = []
        self.cum_weights = []
        total = 0.0
        for company_id, size_class_id in companies:
            if rng.random() < NO_SERVICE_SHARE:
                continue
            total += SIZE_USE.get(sizes.get(size_class_id), 1.0) * rng.lognormvariate(0, 0.75)
            self.company_ids.append(company_id)
            self.cum_weights.append(total)
        self.companies = len(companies)
        self.uid = env.uid
        self.company = env.company.id

    def rng(self, name):
        """One random stream per kind of record: each is the same for the same seed,
        whichever others are generated in the same run."""
        return random.Random(f"{self.seed}-{name}")

    def draw_companies(self, rng, count):
        return rng.choices(self.company_ids, cum_weights=self.cum_weights, k=count)

    def person(self, rng, company_id):
        persons = self.persons.get(company_id)
        return rng.choice(persons) if persons else None


def past_moment(rng, now, days=HISTORY_DAYS, at_least=60):
    """A moment of the last ``days`` days, in whole seconds, at least ``at_least``
    seconds ago."""
    return now - timedelta(seconds=rng.randint(at_least, days * 86400))


def generate_services(env, activity, count, now, first_number):
    check_columns(env.cr, "eboc_service_record", SERVICE_COLUMNS)
    rng = activity.rng(f"services-{first_number}")
    types = env["eboc.service.type"].search([])
    type_names = {service_type.id: service_type.name for service_type in types}
    users = env["res.users"].search([("share", "=", False)]).ids
    channels = [channel for channel, _weight in CHANNELS]
    channel_weights = [weight for _channel, weight in CHANNELS]
    # A first load gives each company that uses services one, the rest by weight.
    companies = activity.company_ids[:count] if first_number == 1 else []
    companies += activity.draw_companies(rng, count - len(companies))
    rows = []
    for company_id in companies:
        type_id = rng.choice(types.ids)
        channel = rng.choices(channels, weights=channel_weights)[0]
        contact_id = activity.person(rng, company_id) if rng.random() < 0.8 else None
        satisfaction = str(rng.randint(2, 5)) if rng.random() < 0.4 else None
        rows.append(
            (
                f"{type_names[type_id]} ({channel})",
                company_id,
                contact_id,
                type_id,
                channel,
                rng.choice(users),
                past_moment(rng, now),
                rng.choice(DURATIONS),
                satisfaction,
                activity.company,
                activity.uid,
            )
        )
    return insert_rows(env, SERVICE_INSERT, SERVICE_ROW, rows)


def generate_events(env, activity, count, attendees, now, first_number):
    """``count`` past events through the ORM, then their registrations in SQL."""
    check_columns(env.cr, "event_registration", REGISTRATION_COLUMNS)
    rng = activity.rng(f"events-{first_number}")
    event_type = env.ref(EVENT_TYPE_XMLID, raise_if_not_found=False)
    stage_done = env.ref("event.event_stage_done", raise_if_not_found=False)
    vals_list = []
    for number in range(first_number, first_number + count):
        day = now - timedelta(days=rng.randint(1, HISTORY_DAYS))
        begin = day.replace(hour=rng.choice([7, 8, 12, 15]), minute=0, second=0)
        vals = {
            "name": EVENT_NAME % (number, rng.choice(EVENT_TOPICS)),
            "date_begin": begin,
            "date_end": begin + timedelta(hours=rng.choice([2, 3, 4, 6])),
            "seats_limited": False,
            "eboc_price_member": rng.choice([0.0, 0.0, 50.0]),
            "eboc_price_non_member": rng.choice([90.0, 150.0]),
        }
        if event_type:
            vals["event_type_id"] = event_type.id
        if stage_done:
            vals["stage_id"] = stage_done.id
        vals_list.append(vals)
    events = env["event.event"].with_context(**BULK_CONTEXT).create(vals_list)
    env.flush_all()
    env.cr.execute("SELECT barcode FROM event_registration WHERE barcode IS NOT NULL")
    barcodes = {barcode for (barcode,) in env.cr.fetchall()}
    states = [state for state, _weight in REGISTRATION_STATES]
    state_weights = [weight for _state, weight in REGISTRATION_STATES]
    rows = []
    for event in events:
        seen = set()
        tries = 0
        while len(seen) < attendees and tries < attendees * 20:
            tries += 1
            (company_id,) = activity.draw_companies(rng, 1)
            person = activity.person(rng, company_id)
            if person is None or person in seen:
                continue
            seen.add(person)
            barcode = str(rng.getrandbits(63))
            while barcode in barcodes:
                barcode = str(rng.getrandbits(63))
            barcodes.add(barcode)
            state = rng.choices(states, weights=state_weights)[0]
            registered = event.date_begin - timedelta(seconds=rng.randint(3600, 40 * 86400))
            closed = event.date_begin + timedelta(minutes=rng.randint(0, 30))
            rows.append(
                (
                    event.id,
                    person,
                    state,
                    barcode,
                    closed if state == "done" else None,
                    registered,
                    activity.uid,
                )
            )
    registrations = insert_rows(env, REGISTRATION_INSERT, REGISTRATION_ROW, rows)
    return len(events), registrations


def generate_answers(env, activity, count, now, first_number):
    check_columns(env.cr, "survey_user_input", ANSWER_COLUMNS)
    rng = activity.rng(f"answers-{first_number}")
    survey = env.ref(SURVEY_XMLID)
    rows = []
    while len(rows) < count:
        (company_id,) = activity.draw_companies(rng, 1)
        person = activity.person(rng, company_id)
        if person is None:
            continue
        ended = past_moment(rng, now)
        rows.append(
            (
                survey.id,
                person,
                access_token(rng),
                ended - timedelta(seconds=rng.randint(60, 900)),
                ended,
                activity.uid,
            )
        )
    return insert_rows(env, ANSWER_INSERT, ANSWER_ROW, rows)


def data_sizes(env):
    """What the database holds now."""
    cr = env.cr
    survey = env.ref(SURVEY_XMLID)
    queries = {
        "companies": "SELECT count(*) FROM res_partner WHERE is_company",
        "persons": "SELECT count(*) FROM res_partner WHERE parent_id IS NOT NULL",
        "services": "SELECT count(*) FROM eboc_service_record",
        "companies_with_services": "SELECT count(DISTINCT partner_id) FROM eboc_service_record",
        "events": "SELECT count(*) FROM event_event WHERE date_begin < now() AT TIME ZONE 'UTC'",
        "registrations": "SELECT count(*) FROM event_registration",
        "registrations_attended": "SELECT count(*) FROM event_registration WHERE state = 'done'",
    }
    sizes = count_rows(cr, queries)
    cr.execute(
        "SELECT count(*) FROM survey_user_input WHERE survey_id = %s AND state = 'done'",
        [survey.id],
    )
    sizes["answers"] = cr.fetchone()[0]
    return sizes


def ensure_activity(args, env, phases):
    """Bring the database to the asked numbers of services, past events and answers;
    returns what was generated."""
    now = env.cr.now().replace(microsecond=0)
    sizes = data_sizes(env)
    missing = {
        "services": max(args.services - sizes["services"], 0),
        "events": max(args.events - sizes["events"], 0),
        "answers": max(args.answers - sizes["answers"], 0),
    }
    if not any(missing.values()):
        say(
            f"activity already there: {sizes['services']} services, {sizes['events']} past "
            f"events, {sizes['answers']} answers"
        )
        return {"generated": False}
    say(
        f"generating {missing['services']} services, {missing['events']} events "
        f"({args.attendees_per_event} registrations each) and {missing['answers']} answers "
        f"(seed {args.seed})"
    )
    generated = {"generated": True}
    with phases("generate"):
        activity = Activity(env, args.seed)
        env.flush_all()
        if missing["services"]:
            generated["services"] = generate_services(
                env, activity, missing["services"], now, sizes["services"] + 1
            )
        if missing["events"]:
            generated["events"], generated["registrations"] = generate_events(
                env, activity, missing["events"], args.attendees_per_event, now, sizes["events"] + 1
            )
        if missing["answers"]:
            generated["answers"] = generate_answers(
                env, activity, missing["answers"], now, sizes["answers"] + 1
            )
        env.cr.commit()
        env.invalidate_all()
    generated.update(
        companies_drawn=len(activity.company_ids),
        bench_companies=activity.companies,
        seconds=round(phases.seconds["generate"], 2),
        cpu_seconds=round(phases.cpu["generate"], 2),
    )
    say(
        f"generated in {generated['seconds']:.1f}s (cpu {generated['cpu_seconds']:.1f}s): "
        + ", ".join(
            f"{generated[name]} {name}"
            for name in ("services", "events", "registrations", "answers")
            if name in generated
        )
        + f"; {len(activity.company_ids)} of {activity.companies} companies use services"
    )
    return generated


# ---------------------------------------------------------------------------
# Ours and the ORM way
# ---------------------------------------------------------------------------


def snapshot(cr, name):
    """Copy the companies' figures into the temporary table ``name``."""
    from odoo.tools import SQL  # noqa: PLC0415

    cr.execute(SQL("DROP TABLE IF EXISTS %s", SQL.identifier(name)))
    cr.execute(SQL(SNAPSHOT_SQL, SQL.identifier(name)))


def bench_ebmo(cr):
    """The EBMO (company) of the bench data: the database's first company."""
    cr.execute("SELECT MIN(id) FROM res_company")
    return cr.fetchone()[0]


def differing(cr, name):
    """Ids of the companies whose figures differ from the snapshot ``name``."""
    from odoo.tools import SQL  # noqa: PLC0415

    ebmo = bench_ebmo(cr)
    query = DIFFER_SQL.format(p=typed_figures("p", ebmo), s=typed_figures("s", ebmo))
    cr.execute(SQL(query, SQL.identifier(name)))
    return [row[0] for row in cr.fetchall()]


def levels(cr):
    level = f"COALESCE(engagement_level->>'{bench_ebmo(cr)}', '0')"
    cr.execute(f"SELECT {level}, count(*) FROM res_partner WHERE is_company GROUP BY 1 ORDER BY 1")
    return {level or "none": count for level, count in cr.fetchall()}


def bench_ours(env, phases, now):
    cr = env.cr
    Partner = env["res.partner"]
    snapshot(cr, "bench_engagement_before")
    result = {}
    for name in ("first", "second"):
        phase = f"ours_{name}"
        before = "bench_engagement_before" if name == "first" else "bench_engagement_ours"
        env.invalidate_all()
        # Timed with its commit, as the daily job commits it (the ORM way below is
        # timed with the commit hooks it would run).
        with pinned_now(now), phases(phase):
            Partner._eboc_update_all_engagement()
            cr.commit()
        changed = len(differing(cr, before))
        snapshot(cr, "bench_engagement_ours")
        cr.commit()
        result[name] = {**phases.figures(phase), "companies_changed": changed}
        say(
            f"ours ({name} run): {phases.seconds[phase]:.2f}s (cpu {phases.cpu[phase]:.2f}s, "
            f"{phases.queries[phase]} queries), {changed} companies changed"
        )
    result["levels"] = levels(cr)
    say("levels after ours: " + ", ".join(f"{k}: {v}" for k, v in result["levels"].items()))
    return result


def engagement_level(score, config):
    """The level of ``score``, as ENGAGEMENT_SQL sets it."""
    if score <= 0:
        return "0"
    if score < config["level_medium"]:
        return "1"
    if score < config["level_high"]:
        return "2"
    return "3"


def orm_way(env, company_ids, now):
    """The conventional implementation: grouped reads per batch of companies, the
    score in Python, one write() per company."""
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415

    record = env["eboc.engagement.config"]._get()
    config = {
        name: record[name]
        for name in ("window_months", "weight_event", "weight_answer", "level_medium", "level_high")
    }
    start = now - relativedelta(months=config["window_months"])
    Service = env["eboc.service.record"]
    Registration = env["event.registration"]
    Answer = env["survey.user_input"]
    Partner = env["res.partner"].with_context(active_test=False)
    written = 0
    progress = Progress(say, "ORM way", len(company_ids))
    for offset in range(0, len(company_ids), ORM_BATCH):
        batch = company_ids[offset : offset + ORM_BATCH]
        figures = {
            company_id: {"services": 0, "points": 0.0, "events": 0, "answers": 0, "last": None}
            for company_id in batch
        }

        def saw(company_id, when, figures=figures):
            entry = figures[company_id]
            if when and (entry["last"] is None or when > entry["last"]):
                entry["last"] = when

        # Services in the window, by company and type: each weighs its type's points.
        for partner, service_type, count, last in Service._read_group(
            [("partner_id", "in", batch), ("date", ">=", start), ("date", "<=", now)],
            ["partner_id", "service_type_id"],
            ["__count", "date:max"],
        ):
            figures[partner.id]["services"] += count
            figures[partner.id]["points"] += count * service_type.engagement_weight
            saw(partner.id, last)
        # Attended registrations by company and event: each event counts once.
        for company, event in Registration._read_group(
            [
                ("eboc_company_id", "in", batch),
                ("state", "=", "done"),
                ("event_id.date_begin", "<=", now),
            ],
            ["eboc_company_id", "event_id"],
        ):
            if event.date_begin >= start:
                figures[company.id]["events"] += 1
            saw(company.id, event.date_begin)
        # Completed questionnaires by person, brought to the person's company.
        for partner, count, last in Answer._read_group(
            [
                ("partner_id.commercial_partner_id", "in", batch),
                ("state", "=", "done"),
                ("test_entry", "!=", True),
                ("end_datetime", ">=", start),
                ("end_datetime", "<=", now),
            ],
            ["partner_id"],
            ["__count", "end_datetime:max"],
        ):
            company_id = partner.commercial_partner_id.id
            figures[company_id]["answers"] += count
            saw(company_id, last)
        # The last interaction of the companies with none in the window lies before it.
        quiet = [
            company_id
            for company_id, entry in figures.items()
            if entry["last"] is None or entry["last"] < start
        ]
        if quiet:
            for partner, last in Service._read_group(
                [("partner_id", "in", quiet), ("date", "<", start)],
                ["partner_id"],
                ["date:max"],
            ):
                saw(partner.id, last)
            for partner, last in Answer._read_group(
                [
                    ("partner_id.commercial_partner_id", "in", quiet),
                    ("state", "=", "done"),
                    ("test_entry", "!=", True),
                    ("end_datetime", "<", start),
                ],
                ["partner_id"],
                ["end_datetime:max"],
            ):
                saw(partner.commercial_partner_id.id, last)
        for partner in Partner.browse(batch):
            entry = figures[partner.id]
            score = float(
                entry["points"]
                + config["weight_event"] * entry["events"]
                + config["weight_answer"] * entry["answers"]
            )
            partner.write(
                {
                    "engagement_services": entry["services"],
                    "engagement_events": entry["events"],
                    "engagement_answers": entry["answers"],
                    "engagement_score": score,
                    "engagement_level": engagement_level(score, config),
                    "last_interaction_date": entry["last"] or False,
                }
            )
            written += 1
        env.flush_all()
        env.invalidate_all()
        if written % (5 * ORM_BATCH) == 0 or written == len(company_ids):
            progress(written)
    return written


def read_figures(cr, ids):
    cr.execute(
        f"SELECT p.id, {typed_figures('p', bench_ebmo(cr))} FROM res_partner p "
        "WHERE p.id = ANY(%s)",
        [ids],
    )
    return {row[0]: row[1:] for row in cr.fetchall()}


def bench_orm_way(env, phases, now, sample_size, seed):
    """The ORM way in a savepoint, from the figures before ours' first run; checked
    against ours, rolled back."""
    cr = env.cr
    company_ids = (
        env["res.partner"]
        .with_context(active_test=False)
        .search([("is_company", "=", True)], order="id")
        .ids
    )
    sample = sorted(
        random.Random(f"{seed}-sample").sample(company_ids, min(sample_size, len(company_ids)))
    )
    ours = read_figures(cr, sample)
    cr.execute("SAVEPOINT bench_orm_way")
    try:
        cr.execute(RESTORE_BEFORE_SQL)
        env.invalidate_all()
        to_change = len(differing(cr, "bench_engagement_ours"))
        say(
            f"ORM way: {len(company_ids)} companies in batches of {ORM_BATCH}, "
            f"{to_change} with figures to change (as for ours' first run)"
        )
        with pinned_now(now), phases("orm_way_write"):
            written = orm_way(env, company_ids, now)
        # What committing would still run: mail.thread's tracking of every partner
        # write() touched (the companies and, through the commercial-field sync,
        # their persons), kept in memory until then.
        tracked = len(cr.precommit.data.get("mail.tracking.res.partner", ()))
        with phases("orm_way_commit_hooks"):
            cr.precommit.run()
            env.flush_all()
        theirs = read_figures(cr, sample)
        mismatches = [
            {"id": company_id, "ours": ours[company_id], "orm_way": theirs.get(company_id)}
            for company_id in sample
            if theirs.get(company_id) != ours[company_id]
        ]
        all_mismatches = len(differing(cr, "bench_engagement_ours"))
    finally:
        cr.execute("ROLLBACK TO SAVEPOINT bench_orm_way")
        cr.precommit.clear()
        cr.postcommit.clear()
        env.invalidate_all()
    for mismatch in mismatches:
        say(
            f"MISMATCH company {mismatch['id']}: ours {mismatch['ours']}, "
            f"ORM way {mismatch['orm_way']}"
        )
    rolled_back = len(differing(cr, "bench_engagement_ours"))
    cr.commit()
    write = phases.figures("orm_way_write")
    hooks = phases.figures("orm_way_commit_hooks")
    result = {
        **{name: round(write[name] + hooks[name], 3) for name in write},
        "write": write,
        "commit_hooks": hooks,
        "companies": len(company_ids),
        "companies_written": written,
        "companies_to_change": to_change,
        "partners_tracked": tracked,
        "sample": len(sample),
        "sample_mismatches": len(mismatches),
        "mismatches": mismatches[:20],
        "all_mismatches": all_mismatches,
        "differs_after_rollback": rolled_back,
    }
    say(
        f"ORM way: {result['seconds']:.2f}s (cpu {result['cpu_seconds']:.2f}s, "
        f"{result['queries']} queries): write() of {written} companies {write['seconds']:.2f}s "
        f"(cpu {write['cpu_seconds']:.2f}s, {write['queries']} queries), commit hooks "
        f"(tracking of {tracked} partners) {hooks['seconds']:.2f}s (cpu "
        f"{hooks['cpu_seconds']:.2f}s, {hooks['queries']} queries)"
    )
    say(
        f"check on {len(sample)} companies: {len(mismatches)} mismatches (all companies: "
        f"{all_mismatches}); rolled back ({rolled_back} companies differ from ours afterwards)"
    )
    return result


def bench_at_risk(env, phases):
    """The Members at Risk list: count, then the first page and its fields."""
    Partner = env["res.partner"]
    domain = [("engagement_at_risk", "=", True), ("is_company", "=", True)]
    env.invalidate_all()
    with phases("at_risk_count"):
        count = Partner.search_count(domain)
    env.invalidate_all()
    with phases("at_risk_search"):
        partners = Partner.search(domain, limit=LIST_LIMIT)
    with phases("at_risk_read"):
        rows = partners.read(LIST_FIELDS)
    result = {
        "count": count,
        "rows": len(rows),
        "count_query": phases.figures("at_risk_count"),
        "search": phases.figures("at_risk_search"),
        "read": phases.figures("at_risk_read"),
        "with_services": sum(1 for row in rows if row["service_count"]),
    }
    say(
        f"at risk: {count} companies; search_count {phases.seconds['at_risk_count']:.3f}s "
        f"({phases.queries['at_risk_count']} queries), search limit {LIST_LIMIT} "
        f"{phases.seconds['at_risk_search']:.3f}s ({phases.queries['at_risk_search']} queries), "
        f"read of {len(LIST_FIELDS)} fields {phases.seconds['at_risk_read']:.3f}s "
        f"({phases.queries['at_risk_read']} queries)"
    )
    return result


def bench(args, phases):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    # The install of eboc_events scores the companies already there.
    registry = ensure_module(args.database, phases, say, EVENTS_MODULE)
    result = {"database": args.database}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        result["activity"] = ensure_activity(args, env, phases)
        result["data"] = data_sizes(env)
        say.figures("data", result["data"])
        if args.from_zero:
            cr.execute(RESET_SQL)
            reset = cr.rowcount
            cr.commit()
            say(f"--from-zero: the figures of {reset} companies set back to zero")
        now = env.cr.now().replace(microsecond=0)
        rss = {"before": current_rss_mb()}
        # The daily job's context: no bulk flags.
        result["ours"] = bench_ours(env, phases, now)
        rss["after_ours"] = current_rss_mb()
        result["orm_way"] = bench_orm_way(env, phases, now, args.sample, args.seed)
        rss["after_orm_way"] = current_rss_mb()
        result["at_risk"] = bench_at_risk(env, phases)
        result["rss_mb"] = rss
        say(
            "rss: "
            + ", ".join(f"{name} {value} MB" for name, value in rss.items())
            + f", peak {peak_rss_mb()} MB"
        )
        cr.execute("DROP TABLE IF EXISTS bench_engagement_before, bench_engagement_ours")
        cr.commit()
    return result


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def comparison(result):
    ours = result["ours"]["first"]
    second = result["ours"]["second"]
    theirs = result["orm_way"]
    risk = result["at_risk"]
    # Ours spends next to no CPU in Odoo (the work is PostgreSQL's): no CPU ratio then.
    ratios = figure_ratios(ours, theirs)
    rows = [
        ("companies scored", theirs["companies"], theirs["companies"], ""),
        ("companies changed", ours["companies_changed"], theirs["companies_to_change"], ""),
        ("seconds", ours["seconds"], theirs["seconds"], times(ratios["seconds"])),
        (
            "CPU seconds (Odoo's process)",
            ours["cpu_seconds"],
            theirs["cpu_seconds"],
            times(ratios.get("cpu_seconds")),
        ),
        ("SQL queries", ours["queries"], theirs["queries"], times(ratios["queries"])),
        (
            "ORM way: write() / commit hooks",
            "-",
            f"{theirs['write']['seconds']}s / {theirs['commit_hooks']['seconds']}s",
            "",
        ),
        (
            "second run, nothing changes",
            f"{second['seconds']}s, {second['queries']} queries, "
            f"{second['companies_changed']} changed",
            "-",
            "",
        ),
        (
            "check on a sample",
            "",
            f"{theirs['sample_mismatches']} of {theirs['sample']} differ "
            f"(all: {theirs['all_mismatches']})",
            "",
        ),
        (
            "at risk: search_count",
            f"{risk['count']} in {risk['count_query']['seconds']}s, "
            f"{risk['count_query']['queries']} queries",
            "-",
            "",
        ),
        (
            f"at risk: first {LIST_LIMIT}, search + read",
            f"{round(risk['search']['seconds'] + risk['read']['seconds'], 3)}s, "
            f"{risk['search']['queries'] + risk['read']['queries']} queries",
            "-",
            "",
        ),
    ]
    return rows, ratios


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def parse_args(argv=None):
    parser = bench_parser(
        __doc__, "database made by generate.py; eboc_events is installed in it when missing"
    )
    parser.add_argument(
        "--services",
        type=int,
        default=120000,
        help="service records the database should hold (default 120000)",
    )
    parser.add_argument(
        "--events", type=int, default=200, help="past events the database should hold (default 200)"
    )
    parser.add_argument(
        "--attendees-per-event",
        type=int,
        default=60,
        help="registrations of each generated event (default 60)",
    )
    parser.add_argument(
        "--answers",
        type=int,
        default=10000,
        help="completed feedback answers the database should hold (default 10000)",
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument(
        "--sample",
        type=int,
        default=200,
        help="companies on which the ORM way's figures are checked against ours (default 200)",
    )
    parser.add_argument(
        "--from-zero",
        action="store_true",
        help="first set every company's figures back to zero, as the install leaves them, "
        "so that a repeated run times the full rescore again",
    )
    parser.add_argument("--log-level", default="warn", help="Odoo log level (default warn)")
    args = parser.parse_args(argv)
    if min(args.services, args.events, args.attendees_per_event, args.answers, args.sample) < 0:
        parser.error("counts must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    phases = Phases()
    started = time.perf_counter()
    odoo = load_odoo(args)
    result = bench(args, phases)
    rows, ratios = comparison(result)
    result.update(ratio=ratios, **run_totals(args, phases, started, odoo))
    say("side by side:")
    say.table(("", "ours (one UPDATE)", "ORM way (read_group + write)", "ratio"), rows)
    say.figures("seconds", result["seconds"])
    say.figures("queries", result["queries"])
    print_result(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
