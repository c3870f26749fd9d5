#!/usr/bin/env python3
"""Time the hot paths of eboc_campaigns on the bench data set, each side by side with
the naive or stock Odoo way on the same data.

Run it with the interpreter of the Odoo 18 installation (``./eboc bench campaigns``
does this for you), on a database made by ``bench/generate.py``::

    python bench/generate.py -c odoo.conf -d bench_campaigns --companies 24000 --create-db
    python bench/campaigns.py -c odoo.conf -d bench_campaigns

Setup (committed once, found again by later runs; not part of the comparison):
installs ``eboc_campaigns`` when it is not installed; opts ``--opt-out`` of the
persons out of campaigns and blacklists the addresses of ``--blacklist`` of them;
makes two segments (companies with a membership; active members), a lobbying
questionnaire with a choice and a scale question (Odoo's default scale, 0 to 10), and
a lobbying campaign of the federation to the key contacts of the active members,
started with ``action_start``; then ``--invitations`` invitations to it among its
recipients, ``--answers`` of them completed with a line per question (5 % skip the
scale), written in bulk SQL with the profile columns the addon fills at invitation
(the company, its sector, region, size class and member association).

Then, each timed (wall clock, CPU of this process, SQL queries) and rolled back:

* start: a recruitment campaign of the federation over the companies with a
  membership (about all of them). Ours: ``action_start()`` (one grouped read of the
  memberships, one batched ``create`` of the targets with their stored compute
  ``date_converted``). Naive: per company, ``search`` its memberships in the
  federation, its status from them, ``create`` of one target. Same targets?
* conversions: ``--activations`` memberships (prospects, applicants, suspended) are
  activated with ``action_activate()`` while the campaign runs, once without the
  campaign (baseline) and once with it: the difference is what our stored compute
  costs on the write path. Ours then reads the count from the campaign's statistics
  (the SQL view ``eboc.campaign.report``); the naive way loops over the targets and
  searches each candidate company's memberships activated during the campaign.
  Same conversions?
* recipients: ``_get_recipient_domain()`` with ``search_count`` and ``search`` (one
  query with an ``any`` subdomain on res.partner) for three audiences, against
  reading the segment's companies and filtering their contacts in Python. Same
  contacts?
* results: ``_render_results_xlsx()`` of the lobbying campaign (four grouped reads
  per breakdown over the SQL views), against the stock way: the campaign's
  ``survey.user_input`` and ``survey.user_input.line`` records grouped in Python by
  the respondent company's sector, region, size class and association, each group
  through survey's own ``_prepare_statistics``, rendered into the same workbook.
  Same figures, same cells?

The last line is ``BENCH_RESULT {json}`` for scripts.
"""

import io
import json
import os
import random
import sys
import time
from collections import defaultdict
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
    print_result,
    run_totals,
    times,
)

CAMPAIGNS_MODULE = "eboc_campaigns"
SEGMENT_ALL = "Bench: companies with a membership"
SEGMENT_ALL_DOMAIN = "[('membership_ids', '!=', False)]"
SEGMENT_MEMBERS = "Bench: active members"
SEGMENT_MEMBERS_DOMAIN = "[('member_state', '=', 'active')]"
SURVEY_TITLE = "Bench: energy prices and investment"
LOBBYING_TITLE = "Bench lobbying: energy prices"
RECRUITMENT_TITLE = "Bench recruitment drive"
CHOICE_QUESTION = "Do energy prices threaten your planned investments?"
CHOICES = ["Yes, we postpone them", "Yes, we cancel some", "No", "We do not know yet"]
SCALE_QUESTION = "How hard do energy prices hit your company?"
# Answers to the choice question by size class: large companies feel it most.
CHOICE_WEIGHTS = {
    "micro": [25, 10, 45, 20],
    "small": [30, 12, 40, 18],
    "medium": [38, 15, 32, 15],
    "large": [45, 20, 25, 10],
}
SCALE_SKIPPED = 0.05
ACTIVATED_STATES = ("prospect", "applicant", "suspended")
# The audiences of the recipients phase: (name, role codes, key contacts only).
AUDIENCES = [
    ("all contacts", (), False),
    ("HR contacts", ("HR",), False),
    ("key contacts, CEO or HR", ("CEO", "HR"), True),
]
PROGRESS_EVERY = 5000

USER_INPUT_INSERT = """
INSERT INTO survey_user_input (
    survey_id, partner_id, email, state, test_entry, access_token, start_datetime,
    end_datetime, scoring_percentage, scoring_total, scoring_success, survey_first_submitted,
    is_session_answer, eboc_campaign_id, eboc_company_id, eboc_industry_id, eboc_region_id,
    eboc_size_class_id, eboc_association_id, create_uid, create_date, write_uid, write_date)
SELECT v.survey_id, p.id, p.email, v.state, FALSE, v.token, v.started, v.ended,
       0, 0, FALSE, v.state = 'done', FALSE, v.campaign_id, c.id, c.industry_id,
       c.region_id, c.size_class_id,
       -- As survey.user_input._eboc_prepare_profile_vals: the first association (in
       -- eboc.association's order) the company is a member of in the federation.
       (SELECT a.id
          FROM eboc_membership m
          JOIN eboc_association a ON a.id = m.association_id
         WHERE m.partner_id = c.id AND m.is_member
           AND starts_with(a.parent_path, root.parent_path)
      ORDER BY a.complete_name, a.id
         LIMIT 1),
       v.uid, v.invited, v.uid, COALESCE(v.ended, v.invited)
  FROM (VALUES %s) AS v(survey_id, campaign_id, partner_id, state, token, invited, started,
                        ended, uid)
  JOIN res_partner p ON p.id = v.partner_id
  JOIN res_partner c ON c.id = p.commercial_partner_id
  JOIN eboc_campaign campaign ON campaign.id = v.campaign_id
  JOIN eboc_association root ON root.id = campaign.association_id
RETURNING id, state
"""
USER_INPUT_ROW = "(%s, %s, %s, %s, %s, %s::timestamp, %s::timestamp, %s::timestamp, %s)"
USER_INPUT_COLUMNS = """
    survey_id partner_id email state test_entry access_token start_datetime end_datetime
    scoring_percentage scoring_total scoring_success survey_first_submitted is_session_answer
    eboc_campaign_id eboc_company_id eboc_industry_id eboc_region_id eboc_size_class_id
    eboc_association_id create_uid create_date write_uid write_date
""".split()

LINE_INSERT = """
INSERT INTO survey_user_input_line (
    user_input_id, survey_id, question_id, question_sequence, skipped, answer_type,
    suggested_answer_id, value_scale, answer_score, answer_is_correct,
    create_uid, create_date, write_uid, write_date)
SELECT u.id, u.survey_id, q.id, q.sequence, v.skipped, v.answer_type,
       v.suggested_answer_id, v.value_scale, 0, FALSE,
       v.uid, u.end_datetime, v.uid, u.end_datetime
  FROM (VALUES %s) AS v(user_input_id, question_id, skipped, answer_type,
                        suggested_answer_id, value_scale, uid)
  JOIN survey_user_input u ON u.id = v.user_input_id
  JOIN survey_question q ON q.id = v.question_id
"""
LINE_ROW = "(%s, %s, %s, %s::varchar, %s::int4, %s::int4, %s)"
LINE_COLUMNS = """
    user_input_id survey_id question_id question_sequence skipped answer_type
    suggested_answer_id value_scale answer_score answer_is_correct create_uid create_date
    write_uid write_date
""".split()

INVITED_INSERT = """
INSERT INTO eboc_campaign_invited_partner_rel (campaign_id, partner_id)
VALUES %s ON CONFLICT DO NOTHING
"""


say = Say("campaigns")


@contextmanager
def rolled_back(env):
    """Run the block in a savepoint and roll it back, with what it left in memory: the
    cache, the pending computations and the commit hooks (mail tracking)."""
    savepoint = env.cr.savepoint()  # flushes first
    try:
        yield
    finally:
        savepoint.close(rollback=True)  # clears the transaction and the precommit hooks
        env.cr.postcommit.clear()
        env.invalidate_all()


@contextmanager
def timed(phases, model, method, phase, calls=None):
    """Time each call of ``method`` of ``model`` (a record or class) in ``phase``;
    ``calls`` collects the number of records of each call."""
    cls = type(model) if not isinstance(model, type) else model
    original = getattr(cls, method)

    def wrapper(records, *args, **kwargs):
        if calls is not None:
            calls.append(len(records))
        with phases(phase):
            return original(records, *args, **kwargs)

    with mock.patch.object(cls, method, wrapper):
        yield


# ---------------------------------------------------------------------------
# Setup data (committed once)
# ---------------------------------------------------------------------------


def persons(cr):
    cr.execute(
        "SELECT id, email FROM res_partner "
        "WHERE parent_id IS NOT NULL AND NOT is_company AND active ORDER BY id"
    )
    return cr.fetchall()


def ensure_opt_outs(env, args):
    """Opt ``--opt-out`` of the persons out of campaigns (as an import would) and
    blacklist the addresses of ``--blacklist`` of them, once."""
    cr = env.cr
    done = {}
    cr.execute("SELECT count(*) FROM res_partner WHERE eboc_opt_out")
    opted_out = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mail_blacklist WHERE active")
    blacklisted = cr.fetchone()[0]
    people = None
    if not opted_out and args.opt_out:
        people = persons(cr)
        rng = random.Random(f"{args.seed}-opt-out")
        ids = [pid for pid, _email in people if rng.random() < args.opt_out]
        cr.execute(
            "UPDATE res_partner SET eboc_opt_out = TRUE, eboc_opt_out_source = 'import', "
            "eboc_opt_out_date = now() AT TIME ZONE 'UTC' WHERE id = ANY(%s)",
            [ids],
        )
        done["opted_out"] = len(ids)
    if not blacklisted and args.blacklist:
        people = people or persons(cr)
        rng = random.Random(f"{args.seed}-blacklist")
        emails = sorted(
            {email for _pid, email in people if email and rng.random() < args.blacklist}
        )
        env["mail.blacklist"].with_context(**BULK_CONTEXT).create(
            [{"email": email} for email in emails]
        )
        done["blacklisted"] = len(emails)
    return done


def ensure_segment(env, name, domain):
    Segment = env["eboc.segment"]
    segment = Segment.search([("name", "=", name)], limit=1)
    return segment or Segment.create({"name": name, "target": "company", "domain": domain})


def ensure_survey(env):
    Survey = env["survey.survey"]
    survey = Survey.search([("title", "=", SURVEY_TITLE)], limit=1)
    if survey:
        return survey
    survey = Survey.with_context(**BULK_CONTEXT).create(
        {"title": SURVEY_TITLE, "access_mode": "token"}
    )
    env["survey.question"].create(
        [
            {
                "survey_id": survey.id,
                "title": CHOICE_QUESTION,
                "question_type": "simple_choice",
                "sequence": 1,
                "suggested_answer_ids": [
                    (0, 0, {"value": value, "sequence": sequence})
                    for sequence, value in enumerate(CHOICES, start=1)
                ],
            },
            # Odoo's default scale: 0 to 10.
            {
                "survey_id": survey.id,
                "title": SCALE_QUESTION,
                "question_type": "scale",
                "sequence": 2,
            },
        ]
    )
    return survey


def federation(env):
    return env["eboc.association"].search([("parent_id", "=", False)], order="id", limit=1)


def new_campaign(env, title, campaign_type, segment, **values):
    return env["eboc.campaign"].create(
        {
            "title": title,
            "campaign_type": campaign_type,
            "segment_id": segment.id,
            "association_id": federation(env).id,
            **values,
        }
    )


def ensure_lobbying(env, phases, survey, segment):
    Campaign = env["eboc.campaign"]
    campaign = Campaign.search([("title", "=", LOBBYING_TITLE)], limit=1)
    if campaign:
        return campaign
    campaign = new_campaign(
        env,
        LOBBYING_TITLE,
        "lobbying",
        segment,
        survey_id=survey.id,
        key_contacts_only=True,
        goal=5000,
    )
    with phases("setup_lobbying_start"):
        campaign.action_start()
        env.flush_all()
    say(
        f"lobbying campaign started: {len(campaign.target_ids)} targets in "
        f"{phases.seconds['setup_lobbying_start']:.1f}s"
    )
    return campaign


def generate_answers(env, args, campaign, survey, now):
    """Invitations to the lobbying questionnaire among its recipients, the first
    ``--answers`` of them completed, in bulk SQL."""
    cr = env.cr
    check_columns(cr, "survey_user_input", USER_INPUT_COLUMNS)
    check_columns(cr, "survey_user_input_line", LINE_COLUMNS)
    cr.execute(
        "SELECT count(*), count(*) FILTER (WHERE state = 'done') FROM survey_user_input "
        "WHERE eboc_campaign_id = %s",
        [campaign.id],
    )
    invited, answered = cr.fetchone()
    to_invite = max(args.invitations - invited, 0)
    to_answer = min(max(args.answers - answered, 0), to_invite)
    if not to_invite:
        return {"generated": False, "invited": invited, "answered": answered}
    rng = random.Random(f"{args.seed}-answers-{invited}")
    recipients = sorted((campaign._get_recipients() - campaign.invited_partner_ids).ids)
    chosen = sorted(rng.sample(recipients, min(to_invite, len(recipients))))
    done = set(rng.sample(chosen, min(to_answer, len(chosen))))
    rows = []
    for partner_id in chosen:
        invited_at = now - timedelta(days=rng.randint(20, 30), seconds=rng.randint(0, 86400))
        started = ended = None
        if partner_id in done:
            started = invited_at + timedelta(seconds=rng.randint(600, 15 * 86400))
            ended = started + timedelta(seconds=rng.randint(60, 900))
        rows.append(
            (
                survey.id,
                campaign.id,
                partner_id,
                "done" if ended else "new",
                access_token(rng),
                invited_at,
                started,
                ended,
                env.uid,
            )
        )
    created = insert_rows(env, USER_INPUT_INSERT, USER_INPUT_ROW, rows, fetch=True)
    insert_rows(env, INVITED_INSERT, None, [(campaign.id, partner_id) for partner_id in chosen])
    choice, scale = survey.question_ids.sorted("sequence")
    options = choice.suggested_answer_ids.sorted("sequence").ids
    done_ids = sorted(input_id for input_id, state in created if state == "done")
    cr.execute(
        "SELECT u.id, s.code FROM survey_user_input u "
        "LEFT JOIN eboc_size_class s ON s.id = u.eboc_size_class_id WHERE u.id = ANY(%s)",
        [done_ids],
    )
    sizes = dict(cr.fetchall())
    lines = []
    for input_id in done_ids:
        size = (sizes.get(input_id) or "micro").lower()
        pick = rng.choices(options, weights=CHOICE_WEIGHTS.get(size, CHOICE_WEIGHTS["micro"]))
        lines.append((input_id, choice.id, False, "suggestion", pick[0], None, env.uid))
        if rng.random() < SCALE_SKIPPED:
            lines.append((input_id, scale.id, True, None, None, None, env.uid))
        else:
            # Heavier for larger companies; zero for a few.
            base = {"micro": 4, "small": 5, "medium": 6, "large": 7}.get(size, 4)
            value = max(scale.scale_min, min(scale.scale_max, round(rng.gauss(base, 2.5))))
            lines.append((input_id, scale.id, False, "scale", None, value, env.uid))
    insert_rows(env, LINE_INSERT, LINE_ROW, lines)
    return {
        "generated": True,
        "invitations": len(rows),
        "answers": len(done_ids),
        "lines": len(lines),
        "invited": invited + len(rows),
        "answered": answered + len(done_ids),
    }


def ensure_setup(env, args, phases):
    """Opt-outs, segments, questionnaire, lobbying campaign and its answers."""
    now = env.cr.now().replace(microsecond=0)
    with phases("setup"):
        opt_outs = ensure_opt_outs(env, args)
        segment_all = ensure_segment(env, SEGMENT_ALL, SEGMENT_ALL_DOMAIN)
        segment_members = ensure_segment(env, SEGMENT_MEMBERS, SEGMENT_MEMBERS_DOMAIN)
        survey = ensure_survey(env)
        lobbying = ensure_lobbying(env, phases, survey, segment_members)
        answers = generate_answers(env, args, lobbying, survey, now)
        env.flush_all()
        env.cr.commit()
        env.invalidate_all()
    setup = {
        **opt_outs,
        **answers,
        "seconds": round(phases.seconds["setup"], 2),
        "cpu_seconds": round(phases.cpu["setup"], 2),
    }
    say.figures("setup", setup)
    return segment_all, lobbying, setup


def data_sizes(env, lobbying):
    cr = env.cr
    queries = {
        "companies": "SELECT count(*) FROM res_partner WHERE is_company",
        "persons": "SELECT count(*) FROM res_partner WHERE parent_id IS NOT NULL",
        "memberships": "SELECT count(*) FROM eboc_membership",
        "opted_out": "SELECT count(*) FROM res_partner WHERE eboc_opt_out",
        "blacklisted": "SELECT count(*) FROM mail_blacklist WHERE active",
        "campaign_targets": "SELECT count(*) FROM eboc_campaign_target",
    }
    sizes = count_rows(cr, queries)
    cr.execute(
        "SELECT count(*), count(*) FILTER (WHERE state = 'done') FROM survey_user_input "
        "WHERE eboc_campaign_id = %s",
        [lobbying.id],
    )
    sizes["invitations"], sizes["answers"] = cr.fetchone()
    cr.execute(
        "SELECT count(*) FROM survey_user_input_line l JOIN survey_user_input u "
        "ON u.id = l.user_input_id WHERE u.eboc_campaign_id = %s",
        [lobbying.id],
    )
    sizes["answer_lines"] = cr.fetchone()[0]
    cr.execute("SELECT state, count(*) FROM eboc_membership GROUP BY state ORDER BY state")
    sizes["memberships_by_state"] = dict(cr.fetchall())
    return sizes


# ---------------------------------------------------------------------------
# 1. Starting a campaign
# ---------------------------------------------------------------------------


def targets_of(cr, campaign_id):
    cr.execute(
        "SELECT partner_id, state_at_start, date_converted, industry_id, region_id, "
        "size_class_id FROM eboc_campaign_target WHERE campaign_id = %s",
        [campaign_id],
    )
    return {row[0]: row[1:] for row in cr.fetchall()}


def naive_start(campaign):
    """The naive way: per company, search its memberships, take its status from
    them, create its target."""
    from odoo import fields  # noqa: PLC0415

    from odoo.addons.eboc_membership.models import lifecycle  # noqa: PLC0415

    env = campaign.env
    campaign.write({"state": "running", "date_start": fields.Date.context_today(campaign)})
    association_ids = (
        env["eboc.association"].search([("id", "child_of", campaign.association_id.id)]).ids
    )
    Membership = env["eboc.membership"]
    Target = env["eboc.campaign.target"]
    companies = campaign._get_target_companies()
    progress = Progress(say, "start, naive", len(companies))
    for done, company in enumerate(companies, start=1):
        if done % PROGRESS_EVERY == 0:
            progress(done)
        memberships = Membership.search(
            [("partner_id", "=", company.id), ("association_id", "in", association_ids)]
        )
        Target.create(
            {
                "campaign_id": campaign.id,
                "partner_id": company.id,
                "state_at_start": lifecycle.overall_status(memberships.mapped("state")),
            }
        )
    env.flush_all()


def bench_start(env, phases, segment):
    result = {}
    snapshots = {}
    for way in ("ours", "naive"):
        phase = f"start_{way}"
        with rolled_back(env):
            campaign = new_campaign(env, RECRUITMENT_TITLE, "recruitment", segment)
            env.flush_all()
            env.invalidate_all()
            if way == "ours":
                Target = env["eboc.campaign.target"]
                with (
                    timed(phases, campaign, "_get_target_companies", "start_ours_segment"),
                    timed(phases, campaign, "_get_start_states", "start_ours_states"),
                    timed(phases, Target, "create", "start_ours_create"),
                    phases(phase),
                ):
                    campaign.action_start()
                    with phases("start_ours_flush"):
                        env.flush_all()
            else:
                with phases(phase):
                    naive_start(campaign)
            snapshots[way] = targets_of(env.cr, campaign.id)
        result[way] = {**phases.figures(phase), "targets": len(snapshots[way])}
        say(
            f"start, {way}: {len(snapshots[way])} targets in {phases.seconds[phase]:.2f}s "
            f"(cpu {phases.cpu[phase]:.2f}s, {phases.queries[phase]} queries)"
        )
    differ = [
        pid
        for pid in snapshots["ours"].keys() | snapshots["naive"].keys()
        if snapshots["ours"].get(pid) != snapshots["naive"].get(pid)
    ]
    states = defaultdict(int)
    for state, *_rest in snapshots["ours"].values():
        states[state] += 1
    result["ours"]["of_which"] = {
        name: phases.figures(f"start_ours_{name}")
        for name in ("segment", "states", "create", "flush")
    }
    result.update(states_at_start=dict(sorted(states.items())), mismatches=len(differ))
    say(
        "start, ours: "
        + ", ".join(
            f"{name} {values['seconds']:.2f}s ({values['queries']} queries)"
            for name, values in result["ours"]["of_which"].items()
        )
    )
    say(
        f"start: {len(differ)} targets differ between ours and the naive way; states at "
        f"start {result['states_at_start']}"
    )
    return result


# ---------------------------------------------------------------------------
# 2. Conversions
# ---------------------------------------------------------------------------


def memberships_to_activate(env, args, segment):
    """``--activations`` memberships of the segment's companies that can become
    active: prospects, applicants, suspended."""
    companies = segment._get_records()
    memberships = env["eboc.membership"].search(
        [("partner_id", "in", companies.ids), ("state", "in", ACTIVATED_STATES)], order="id"
    )
    rng = random.Random(f"{args.seed}-activations")
    ids = sorted(rng.sample(memberships.ids, min(args.activations, len(memberships))))
    chosen = env["eboc.membership"].browse(ids)
    by_state = defaultdict(int)
    for membership in chosen:
        by_state[membership.state] += 1
    env.invalidate_all()
    return ids, dict(sorted(by_state.items()))


def naive_conversions(campaign):
    """The naive way: loop over the targets, search each candidate company's
    memberships activated during the campaign."""
    env = campaign.env
    start_states = campaign._get_conversion_start_states()
    association_ids = (
        env["eboc.association"].search([("id", "child_of", campaign.association_id.id)]).ids
    )
    Membership = env["eboc.membership"]
    converted = {}
    for target in campaign.target_ids:
        if target.state_at_start not in start_states:
            continue
        domain = [
            ("partner_id", "=", target.partner_id.id),
            ("association_id", "in", association_ids),
            ("activation_date", ">=", campaign.date_start),
        ]
        if campaign.date_end:
            domain.append(("activation_date", "<=", campaign.date_end))
        memberships = Membership.search(domain)
        if memberships:
            converted[target.partner_id.id] = min(memberships.mapped("activation_date"))
    return converted


def bench_conversions(env, args, phases, segment):
    ids, by_state = memberships_to_activate(env, args, segment)
    Membership = env["eboc.membership"]
    with rolled_back(env):
        with phases("activate_baseline"):
            Membership.browse(ids).action_activate()
            env.flush_all()
    result = {"activated": len(ids), "activated_from": by_state}
    with rolled_back(env):
        campaign = new_campaign(env, RECRUITMENT_TITLE, "recruitment", segment)
        campaign.action_start()
        env.flush_all()
        targets = len(campaign.target_ids)
        env.invalidate_all()
        recomputed = []
        Target = env["eboc.campaign.target"]
        with (
            timed(phases, Target, "_compute_date_converted", "stored_compute", recomputed),
            phases("activate_ours"),
        ):
            Membership.browse(ids).action_activate()
            env.flush_all()
        env.invalidate_all()
        with phases("count_ours"):
            count = campaign.conversion_count
        cr = env.cr
        cr.execute(
            "SELECT partner_id, date_converted FROM eboc_campaign_target "
            "WHERE campaign_id = %s AND date_converted IS NOT NULL",
            [campaign.id],
        )
        ours = dict(cr.fetchall())
        env.invalidate_all()
        with phases("count_naive"):
            naive = naive_conversions(campaign)
    baseline = phases.figures("activate_baseline")
    with_campaign = phases.figures("activate_ours")
    result.update(
        targets=targets,
        activate_baseline=baseline,
        activate_ours=with_campaign,
        stored_compute={
            **phases.figures("stored_compute"),
            "calls": len(recomputed),
            "targets": sum(recomputed),
        },
        count_ours={**phases.figures("count_ours"), "conversions": count},
        count_naive={**phases.figures("count_naive"), "conversions": len(naive)},
        converted_rows=len(ours),
        mismatches=len(
            {pid for pid in ours.keys() | naive.keys() if ours.get(pid) != naive.get(pid)}
        )
        + (count != len(ours)),
    )
    say(
        f"conversions: {len(ids)} memberships activated ({by_state}); activation "
        f"{baseline['seconds']:.2f}s without the campaign, {with_campaign['seconds']:.2f}s with "
        f"its {targets} targets ({baseline['queries']} / {with_campaign['queries']} queries)"
    )
    say(
        f"conversions: the stored compute ran {len(recomputed)} times over {sum(recomputed)} "
        f"targets in the activation: {result['stored_compute']['seconds']:.3f}s "
        f"({result['stored_compute']['queries']} queries)"
    )
    say(
        f"conversions: ours {count} ({result['count_ours']['seconds']:.3f}s, "
        f"{result['count_ours']['queries']} queries), naive {len(naive)} "
        f"({result['count_naive']['seconds']:.2f}s, {result['count_naive']['queries']} "
        f"queries); {result['mismatches']} mismatches"
    )
    return result


# ---------------------------------------------------------------------------
# 3. Recipients
# ---------------------------------------------------------------------------


def naive_recipients(campaign):
    """The naive way: the segment's companies, then their contacts filtered in
    Python."""
    roles = campaign.contact_role_ids
    key_only = campaign.key_contacts_only

    def reached(person):
        if not person.email_normalized or person.is_blacklisted or person.eboc_opt_out:
            return False
        if roles:
            return bool((person.key_role_ids if key_only else person.contact_role_ids) & roles)
        return bool(person.key_role_ids) if key_only else True

    companies = campaign.segment_id._get_records()
    return companies.child_ids.filtered(lambda p: not p.is_company and reached(p))


def bench_recipients(env, phases, segment):
    Role = env["eboc.contact.role"]
    Partner = env["res.partner"]
    result = []
    with rolled_back(env):
        for name, codes, key_only in AUDIENCES:
            roles = Role.search([("code", "in", codes)]) if codes else Role
            if len(roles) != len(codes):
                raise SystemExit(f"contact roles {codes} not found: {roles.mapped('code')}")
            campaign = new_campaign(
                env,
                f"Bench audience: {name}",
                "service_promotion",
                segment,
                contact_role_ids=[(6, 0, roles.ids)],
                key_contacts_only=key_only,
            )
            env.flush_all()
            tag = name.split()[0].lower() + ("_key" if key_only else "")
            env.invalidate_all()
            with phases(f"recipients_count_{tag}"):
                count = Partner.search_count(campaign._get_recipient_domain())
            env.invalidate_all()
            with phases(f"recipients_search_{tag}"):
                ours = campaign._get_recipients()
            env.invalidate_all()
            with phases(f"recipients_naive_{tag}"):
                naive = naive_recipients(campaign)
            same = set(ours.ids) == set(naive.ids) and count == len(ours)
            entry = {
                "audience": name,
                "count": count,
                "naive_count": len(naive),
                "same": same,
                "ours_count": phases.figures(f"recipients_count_{tag}"),
                "ours_search": phases.figures(f"recipients_search_{tag}"),
                "naive": phases.figures(f"recipients_naive_{tag}"),
            }
            result.append(entry)
            say(
                f"recipients, {name}: {count}; search_count {entry['ours_count']['seconds']:.3f}s "
                f"({entry['ours_count']['queries']} queries), search "
                f"{entry['ours_search']['seconds']:.3f}s, naive {len(naive)} in "
                f"{entry['naive']['seconds']:.2f}s ({entry['naive']['queries']} queries); "
                + ("same contacts" if same else "DIFFERENT contacts")
            )
    return result


# ---------------------------------------------------------------------------
# 4. Lobbying results
# ---------------------------------------------------------------------------


def stock_columns(campaign):
    """How the stock way finds a respondent's column for each breakdown of the
    export: from the respondent's company, as it is now."""
    association_ids = set(
        campaign.env["eboc.association"]
        .search([("id", "child_of", campaign.association_id.id)])
        .ids
    )

    def member_association(company):
        # The first association of the campaign's federation the company is a member
        # of, as the addon records it at invitation: in the associations' order
        # (member_association_ids is computed per reader, in id order).
        return company.member_association_ids.filtered(lambda a: a.id in association_ids).sorted()[
            :1
        ]

    return {
        "industry_id": lambda company: company.industry_id,
        "sector_id": lambda company: company.industry_id.parent_id or company.industry_id,
        "region_id": lambda company: company.region_id,
        "size_class_id": lambda company: company.size_class_id,
        "member_association_id": member_association,
    }


def stock_results_data(campaign, field_name, columns_of):
    """The figures of one breakdown, the stock way: the questionnaire's answers and
    their lines read as records, grouped in Python by the respondent company's
    column, each group through survey's ``_prepare_statistics``. Returns what
    ``_get_results_data`` returns."""
    env = campaign.env
    column_of = columns_of[field_name]
    survey = campaign.survey_id
    inputs = env["survey.user_input"].search(
        [("survey_id", "=", survey.id), ("test_entry", "=", False)]
    )
    input_column = {}
    responses = defaultdict(lambda: [0, 0])
    for user_input in inputs:
        column = column_of(user_input.partner_id.commercial_partner_id)
        input_column[user_input.id] = column
        responses[column][0] += 1
        responses[column][1] += user_input.state == "done"
    done = inputs.filtered(lambda i: i.state == "done")
    lines = env["survey.user_input.line"].search([("user_input_id", "in", done.ids)])
    questions = survey.question_ids
    no_row = env["survey.question.answer"]
    answers, respondents, averages = {}, {}, {}

    def statistics(column_lines):
        for data in questions._prepare_statistics(column_lines):
            question = data["question"]
            if data.get("answer_input_done_ids"):
                yield question, data

    for column, column_lines in lines.grouped(
        lambda line: input_column[line.user_input_id.id]
    ).items():
        for question, data in statistics(column_lines):
            respondents[(question, no_row), column] = len(data["answer_input_done_ids"])
            if question.question_type == "scale":
                averages[question, column] = data["numerical_average"]
            else:
                for row in data["table_data"]:
                    if row["count"]:
                        answers[(question, no_row), row["suggested_answer"], column] = row["count"]
    for question, data in statistics(lines):
        if question.question_type == "scale":
            averages[question, None] = data["numerical_average"]
    found = set(responses) | {column for (_q, _o, column) in answers}
    comodel = env[env["eboc.campaign.answer.report"]._fields[field_name].comodel_name]
    columns = list(comodel.union(*found).sorted())
    if comodel in found:
        columns.append(comodel)
    return (
        columns,
        {column: tuple(counts) for column, counts in responses.items()},
        answers,
        respondents,
        averages,
    )


def normalised(data):
    """The figures of a breakdown with records as ids and averages to 2 decimals."""
    columns, responses, answers, respondents, averages = data

    def key(value):
        if value is None:
            return None
        if isinstance(value, tuple):
            return tuple(key(item) for item in value)
        return value.id or 0

    return {
        "columns": [key(column) for column in columns],
        "responses": {key(c): tuple(v) for c, v in responses.items()},
        "answers": {key(k): v for k, v in answers.items()},
        "respondents": {key(k): v for k, v in respondents.items()},
        "averages": {key(k): round(v, 2) for k, v in averages.items()},
    }


def compare(ours, stock):
    """Names of the parts that differ, with how many keys differ in each."""
    differences = {}
    for part in ours:
        mine, theirs = ours[part], stock[part]
        if part == "columns":
            if mine != theirs:
                differences[part] = {"ours": mine, "stock": theirs}
            continue
        keys = [k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)]
        if keys:
            differences[part] = {
                "keys": len(keys),
                "examples": [
                    {"key": str(k), "ours": mine.get(k), "stock": theirs.get(k)} for k in keys[:3]
                ],
            }
    return differences


def workbook_cells(content):
    import openpyxl  # noqa: PLC0415

    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return {
        (sheet.title, cell.coordinate): cell.value
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }


def bench_results(env, phases, campaign):
    Campaign = type(env["eboc.campaign"])
    breakdowns = [name for name, _title in campaign._get_results_breakdowns()]
    columns_of = stock_columns(campaign)
    unknown = set(breakdowns) - set(columns_of)
    if unknown:
        raise SystemExit(f"the stock way does not know the breakdowns {sorted(unknown)}")
    env.invalidate_all()
    with phases("results_ours"):
        ours_xlsx = campaign._render_results_xlsx()
    env.invalidate_all()
    with (
        phases("results_stock"),
        mock.patch.object(
            Campaign,
            "_get_results_data",
            lambda self, field_name: stock_results_data(self, field_name, columns_of),
        ),
    ):
        stock_xlsx = campaign._render_results_xlsx()
    # The figures side by side, untimed.
    differences = {}
    env.invalidate_all()
    for name in breakdowns:
        diff = compare(
            normalised(campaign._get_results_data(name)),
            normalised(stock_results_data(campaign, name, columns_of)),
        )
        if diff:
            differences[name] = diff
    ours_cells, stock_cells = workbook_cells(ours_xlsx), workbook_cells(stock_xlsx)
    cells_differ = sorted(
        k for k in ours_cells.keys() | stock_cells.keys() if ours_cells.get(k) != stock_cells.get(k)
    )
    result = {
        "ours": {**phases.figures("results_ours"), "bytes": len(ours_xlsx)},
        "stock": {**phases.figures("results_stock"), "bytes": len(stock_xlsx)},
        "breakdowns": breakdowns,
        "cells": len(ours_cells),
        "cells_differ": len(cells_differ),
        "cells_differ_examples": [
            {
                "cell": f"{sheet}!{coordinate}",
                "ours": ours_cells.get((sheet, coordinate)),
                "stock": stock_cells.get((sheet, coordinate)),
            }
            for sheet, coordinate in cells_differ[:10]
        ],
        "figures_differ": differences,
    }
    ours, stock = result["ours"], result["stock"]
    say(
        f"results: ours {ours['seconds']:.2f}s (cpu {ours['cpu_seconds']:.2f}s, "
        f"{ours['queries']} queries), stock {stock['seconds']:.2f}s (cpu "
        f"{stock['cpu_seconds']:.2f}s, {stock['queries']} queries); "
        f"{len(cells_differ)} of {len(ours_cells)} cells differ"
    )
    for name, diff in differences.items():
        say(f"results, {name}: figures differ: {json.dumps(diff, default=str)}")
    for example in result["cells_differ_examples"]:
        say(
            f"results: cell {example['cell']}: ours {example['ours']!r}, stock {example['stock']!r}"
        )
    return result


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def bench(args, phases):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    registry = ensure_module(args.database, phases, say, CAMPAIGNS_MODULE)
    result = {"database": args.database}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        segment, lobbying, result["setup"] = ensure_setup(env, args, phases)
        result["data"] = data_sizes(env, lobbying)
        say.figures("data", result["data"])
        rss = {"before": current_rss_mb()}
        result["start"] = bench_start(env, phases, segment)
        rss["after_start"] = current_rss_mb()
        result["conversions"] = bench_conversions(env, args, phases, segment)
        rss["after_conversions"] = current_rss_mb()
        result["recipients"] = bench_recipients(env, phases, segment)
        rss["after_recipients"] = current_rss_mb()
        result["results"] = bench_results(env, phases, lobbying)
        rss["after_results"] = current_rss_mb()
        result["rss_mb"] = rss
        cr.rollback()
    return result


def comparison(result):
    """Rows of the side-by-side table, and the ratios (naive or stock over ours)."""
    start, conv, results = result["start"], result["conversions"], result["results"]
    ratios = {}
    rows = []

    def add(label, ours, theirs, key):
        ratios[key] = figure_ratios(ours, theirs)
        rows.append(
            (
                label,
                f"{ours['seconds']}s, cpu {ours['cpu_seconds']}s, {ours['queries']} q",
                f"{theirs['seconds']}s, cpu {theirs['cpu_seconds']}s, {theirs['queries']} q",
                times(ratios[key]["seconds"]),
            )
        )

    add(f"start: {start['ours']['targets']} targets", start["ours"], start["naive"], "start")
    rows.append(
        (
            "  of which segment / states / create / flush",
            " / ".join(f"{part['seconds']}s" for part in start["ours"]["of_which"].values()),
            "",
            "",
        )
    )
    rows.append(("  same targets", "", f"{start['mismatches']} differ", ""))
    activate = conv["activate_ours"]
    rows.append(
        (
            f"activate {conv['activated']}: without / with campaign",
            f"{conv['activate_baseline']['seconds']}s / {activate['seconds']}s "
            f"({conv['activate_baseline']['queries']} / {activate['queries']} q)",
            "",
            "",
        )
    )
    stored = conv["stored_compute"]
    rows.append(
        (
            f"  of which our stored compute ({stored['targets']} targets)",
            f"{stored['seconds']}s, cpu {stored['cpu_seconds']}s, {stored['queries']} q",
            "",
            "",
        )
    )
    add(
        f"count {conv['count_ours']['conversions']} conversions",
        conv["count_ours"],
        conv["count_naive"],
        "conversions",
    )
    rows.append(
        (
            "  same conversions",
            f"{conv['count_ours']['conversions']}",
            f"{conv['count_naive']['conversions']} ({conv['mismatches']} differ)",
            "",
        )
    )
    for entry in result["recipients"]:
        ours = entry["ours_search"]
        count = entry["ours_count"]
        add(
            f"recipients, {entry['audience']}: {entry['count']}",
            {name: round(ours[name] + count[name], 3) for name in ours},
            entry["naive"],
            f"recipients {entry['audience']}",
        )
        rows.append(
            (
                "  search_count / search",
                f"{count['seconds']}s / {ours['seconds']}s",
                "same" if entry["same"] else "DIFFERENT",
                "",
            )
        )
    add("results XLSX", results["ours"], results["stock"], "results")
    rows.append(
        (
            "  same figures / cells",
            "",
            f"{len(results['figures_differ'])} breakdowns differ, "
            f"{results['cells_differ']} of {results['cells']} cells",
            "",
        )
    )
    return rows, ratios


def parse_args(argv=None):
    parser = bench_parser(
        __doc__, "database made by generate.py; eboc_campaigns is installed in it when missing"
    )
    parser.add_argument(
        "--invitations",
        type=int,
        default=25000,
        help="invitations to the lobbying questionnaire the database should hold (default 25000)",
    )
    parser.add_argument(
        "--answers",
        type=int,
        default=10000,
        help="completed questionnaires the database should hold (default 10000)",
    )
    parser.add_argument(
        "--activations",
        type=int,
        default=500,
        help="memberships activated during the recruitment campaign (default 500)",
    )
    parser.add_argument(
        "--opt-out",
        type=float,
        default=0.02,
        help="share of the persons opted out of campaigns, set once (default 0.02)",
    )
    parser.add_argument(
        "--blacklist",
        type=float,
        default=0.01,
        help="share of the persons whose address is blacklisted, set once (default 0.01)",
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--log-level", default="warn", help="Odoo log level (default warn)")
    args = parser.parse_args(argv)
    if min(args.invitations, args.answers, args.activations) < 0:
        parser.error("counts must be positive")
    if args.answers > args.invitations:
        parser.error("--answers cannot exceed --invitations")
    if not (0 <= args.opt_out <= 1 and 0 <= args.blacklist <= 1):
        parser.error("--opt-out and --blacklist are shares between 0 and 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    phases = Phases()
    started = time.perf_counter()
    odoo = load_odoo(args)
    result = bench(args, phases)
    rows, ratios = comparison(result)
    result.update(
        ratio=ratios,
        load_average=[round(value, 2) for value in os.getloadavg()],
        **run_totals(args, phases, started, odoo),
    )
    say("side by side (q = SQL queries; ratio of wall time, naive or stock over ours):")
    say.table(("", "ours", "naive / stock way", "ratio"), rows)
    checks = [
        result["start"]["mismatches"] == 0,
        result["conversions"]["mismatches"] == 0,
        all(entry["same"] for entry in result["recipients"]),
        not result["results"]["figures_differ"] and not result["results"]["cells_differ"],
    ]
    result["same_numbers"] = all(checks)
    say(
        "check: both ways give the same numbers"
        if all(checks)
        else "check: the ways DIFFER (see the lines above)"
    )
    say(f"load average {result['load_average']}, peak RSS {result['peak_rss_mb']} MB")
    print_result(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
