from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.eboc_membership.models import lifecycle

# Keys in the order of the levels, so that reports group them in that order.
ENGAGEMENT_NONE, ENGAGEMENT_LOW, ENGAGEMENT_MEDIUM, ENGAGEMENT_HIGH = "0", "1", "2", "3"
ENGAGEMENT_LEVELS = [
    (ENGAGEMENT_NONE, "None"),
    (ENGAGEMENT_LOW, "Low"),
    (ENGAGEMENT_MEDIUM, "Medium"),
    (ENGAGEMENT_HIGH, "High"),
]

# One statement scores every company (or the given ones) in each EBMO (res.company)
# from its services, attended events and completed questionnaires there, and writes
# only the rows that change. The figures are company-dependent (jsonb by EBMO): an
# EBMO sees the engagement earned with it only. Events and answers that belong to no
# EBMO (an event without company, a questionnaire of no event or campaign) are shared
# and count in each, as they are visible to each.
ENGAGEMENT_SQL = """
WITH services AS (
    SELECT r.partner_id, r.company_id AS ebmo_id,
           COUNT(*) FILTER (WHERE r.date >= %(start)s) AS n,
           COALESCE(SUM(t.engagement_weight) FILTER (WHERE r.date >= %(start)s), 0) AS points,
           MAX(r.date) AS last
      FROM eboc_service_record r
      JOIN eboc_service_type t ON t.id = r.service_type_id
     WHERE r.date <= %(now)s
       AND (%(all)s OR r.partner_id = ANY(%(ids)s))
  GROUP BY r.partner_id, r.company_id
), events AS (
    SELECT g.eboc_company_id AS partner_id, c.id AS ebmo_id,
           COUNT(DISTINCT g.event_id) FILTER (WHERE e.date_begin >= %(start)s) AS n,
           MAX(e.date_begin) AS last
      FROM event_registration g
      JOIN event_event e ON e.id = g.event_id
      JOIN res_company c ON c.id = e.company_id OR e.company_id IS NULL
     WHERE g.state = 'done'
       AND e.date_begin <= %(now)s
       AND g.eboc_company_id IS NOT NULL
       AND (%(all)s OR g.eboc_company_id = ANY(%(ids)s))
  GROUP BY g.eboc_company_id, c.id
), answers AS (
    SELECT p.commercial_partner_id AS partner_id, c.id AS ebmo_id,
           COUNT(*) FILTER (WHERE u.end_datetime >= %(start)s) AS n,
           MAX(u.end_datetime) AS last
      FROM survey_user_input u
      JOIN res_partner p ON p.id = u.partner_id
      LEFT JOIN event_event answer_event ON answer_event.id = u.eboc_event_id
      JOIN res_company c ON c.id = %(answer_ebmo)s OR %(answer_ebmo)s IS NULL
     WHERE u.state = 'done'
       AND u.test_entry IS NOT TRUE
       AND u.end_datetime <= %(now)s
       AND (%(all)s OR p.commercial_partner_id = ANY(%(ids)s))
  GROUP BY p.commercial_partner_id, c.id
), pairs AS (
    SELECT partner_id, ebmo_id FROM services
     UNION SELECT partner_id, ebmo_id FROM events
     UNION SELECT partner_id, ebmo_id FROM answers
), totals AS (
    SELECT k.partner_id, k.ebmo_id,
           COALESCE(s.n, 0) AS services,
           COALESCE(v.n, 0) AS events,
           COALESCE(a.n, 0) AS answers,
           (COALESCE(s.points, 0) + %(weight_event)s * COALESCE(v.n, 0)
            + %(weight_answer)s * COALESCE(a.n, 0))::float8 AS score,
           GREATEST(s.last, v.last, a.last) AS last
      FROM pairs k
 LEFT JOIN services s ON s.partner_id = k.partner_id AND s.ebmo_id = k.ebmo_id
 LEFT JOIN events v ON v.partner_id = k.partner_id AND v.ebmo_id = k.ebmo_id
 LEFT JOIN answers a ON a.partner_id = k.partner_id AND a.ebmo_id = k.ebmo_id
), scores AS (
    SELECT totals.*,
           CASE WHEN score <= 0 THEN '0'
                WHEN score < %(level_medium)s THEN '1'
                WHEN score < %(level_high)s THEN '2'
                ELSE '3'
           END AS level
      FROM totals
), figures AS (
    SELECT c.id,
           jsonb_object_agg(x.ebmo_id::text, x.services) FILTER (WHERE x.ebmo_id IS NOT NULL)
               AS services,
           jsonb_object_agg(x.ebmo_id::text, x.events) FILTER (WHERE x.ebmo_id IS NOT NULL)
               AS events,
           jsonb_object_agg(x.ebmo_id::text, x.answers) FILTER (WHERE x.ebmo_id IS NOT NULL)
               AS answers,
           jsonb_object_agg(x.ebmo_id::text, x.score) FILTER (WHERE x.ebmo_id IS NOT NULL)
               AS score,
           jsonb_object_agg(x.ebmo_id::text, x.level) FILTER (WHERE x.ebmo_id IS NOT NULL)
               AS level,
           jsonb_object_agg(
               x.ebmo_id::text, to_char(x.last, 'YYYY-MM-DD HH24:MI:SS')
           ) FILTER (WHERE x.ebmo_id IS NOT NULL AND x.last IS NOT NULL) AS last
      FROM res_partner c
 LEFT JOIN scores x ON x.partner_id = c.id
     WHERE c.is_company
       AND (%(all)s OR c.id = ANY(%(ids)s))
  GROUP BY c.id
)
UPDATE res_partner p
   SET engagement_services = x.services,
       engagement_events = x.events,
       engagement_answers = x.answers,
       engagement_score = x.score,
       engagement_level = x.level,
       last_interaction_date = x.last
  FROM figures x
 WHERE p.id = x.id
   AND (p.engagement_score IS DISTINCT FROM x.score
        OR p.engagement_level IS DISTINCT FROM x.level
        OR p.engagement_services IS DISTINCT FROM x.services
        OR p.engagement_events IS DISTINCT FROM x.events
        OR p.engagement_answers IS DISTINCT FROM x.answers
        OR p.last_interaction_date IS DISTINCT FROM x.last)
"""
# The company-dependent numbers that read as 0 when an EBMO never scored a company.
ENGAGEMENT_NUMBERS = (
    "engagement_services",
    "engagement_events",
    "engagement_answers",
    "engagement_score",
)
ENGAGEMENT_FIELDS = [
    "engagement_services",
    "engagement_events",
    "engagement_answers",
    "engagement_score",
    "engagement_level",
    "last_interaction_date",
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    service_record_ids = fields.One2many("eboc.service.record", "partner_id", string="Services")
    service_count = fields.Integer("Services Used", compute="_compute_service_stats")
    service_last_date = fields.Datetime("Last Service", compute="_compute_service_stats")
    service_summary = fields.Char("Services by Type", compute="_compute_service_stats")
    event_attended_count = fields.Integer("Events Attended", compute="_compute_event_stats")
    event_last_attended = fields.Datetime("Last Event Attended", compute="_compute_event_stats")
    # Engagement: written by _eboc_update_engagement, in SQL, never by the client.
    # Company-dependent: each EBMO (Odoo company) has the figures earned with it.
    last_interaction_date = fields.Datetime(
        "Last Interaction",
        company_dependent=True,
        readonly=True,
        help="The last service the EBMO gave the company, event of the EBMO its people "
        "attended or questionnaire of the EBMO they answered.",
    )
    engagement_score = fields.Float(
        company_dependent=True,
        readonly=True,
        aggregator="avg",
        help="Points for the services used, events attended and questionnaires answered "
        "in the engagement window (Membership > Configuration > Engagement Scoring), "
        "with the EBMO you work in.",
    )
    engagement_level = fields.Selection(
        ENGAGEMENT_LEVELS, company_dependent=True, readonly=True
    )  # "None" when never scored: see the ir.default in data/eboc_engagement_data.xml
    engagement_services = fields.Integer(
        "Services in Window",
        company_dependent=True,
        readonly=True,
        help="Services used in the engagement window.",
    )
    engagement_events = fields.Integer(
        "Events in Window",
        company_dependent=True,
        readonly=True,
        help="Events attended in the engagement window.",
    )
    engagement_answers = fields.Integer(
        "Answers in Window",
        company_dependent=True,
        readonly=True,
        help="Questionnaires answered in the engagement window.",
    )
    engagement_at_risk = fields.Boolean(
        "At Risk",
        compute="_compute_engagement_at_risk",
        search="_search_engagement_at_risk",
        help="An active member with no interaction in the months set in the engagement scoring.",
    )

    @api.depends_context("uid", "company")
    def _compute_service_stats(self):
        """Counts per service type and the last service, for all companies at once:
        the services the EBMO the reader works in gave, as far as the reader sees."""
        groups = self.env["eboc.service.record"]._read_group(
            [("partner_id", "in", self._origin.ids), ("company_id", "=", self.env.company.id)],
            ["partner_id", "service_type_id"],
            ["__count", "date:max"],
        )
        stats = defaultdict(lambda: {"count": 0, "last": False, "types": []})
        for partner, service_type, count, last in groups:
            entry = stats[partner.id]
            entry["count"] += count
            entry["last"] = max(entry["last"] or last, last)
            entry["types"].append((count, service_type.name))
        for partner in self:
            entry = stats[partner._origin.id]
            partner.service_count = entry["count"]
            partner.service_last_date = entry["last"]
            partner.service_summary = ", ".join(
                f"{name} ({count})" for count, name in sorted(entry["types"], reverse=True)
            )

    @api.depends_context("company")
    def _compute_event_stats(self):
        """Events of the EBMO the reader works in (or shared ones) attended by the
        company's people: figures, read as superuser, never another EBMO's."""
        groups = (
            self.env["event.registration"]
            .sudo()
            ._read_group(
                [
                    ("eboc_company_id", "in", self._origin.ids),
                    ("state", "=", "done"),
                    ("event_id.company_id", "in", [self.env.company.id, False]),
                ],
                ["eboc_company_id"],
                ["event_id:count_distinct", "date_closed:max"],
            )
        )
        stats = {company.id: (count, last) for company, count, last in groups}
        for partner in self:
            count, last = stats.get(partner._origin.id, (0, False))
            partner.event_attended_count = count
            partner.event_last_attended = last

    @api.model
    def _eboc_at_risk_cutoff(self):
        months = self.env["eboc.engagement.config"]._get().at_risk_months
        return fields.Datetime.now() - relativedelta(months=months)

    @api.depends("member_state", "last_interaction_date")
    @api.depends_context("uid", "company", "allowed_company_ids")  # as member_state
    def _compute_engagement_at_risk(self):
        cutoff = self._eboc_at_risk_cutoff()
        for partner in self:
            last = partner.last_interaction_date
            partner.engagement_at_risk = partner.member_state == lifecycle.ACTIVE and (
                not last or last < cutoff
            )

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # A company-dependent number with no value for the current EBMO reads as 0 but
        # is NULL in SQL (Odoo coalesces only non-zero fallbacks): say 0 in SQL too, so
        # that an average score counts the companies the EBMO has not scored, and a
        # search for a score of 0 finds them.
        sql = super()._field_to_sql(alias, fname, query, flush)
        if fname in ENGAGEMENT_NUMBERS:
            sql = SQL("COALESCE(%s, 0)", sql)
        return sql

    def _search_engagement_at_risk(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = [
            "&",
            ("member_state", "=", lifecycle.ACTIVE),
            "|",
            ("last_interaction_date", "=", False),
            ("last_interaction_date", "<", self._eboc_at_risk_cutoff()),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    def _eboc_update_engagement(self):
        """Score the engagement of these partners' companies."""
        companies = self.commercial_partner_id
        if companies:
            self._eboc_score_engagement(companies.ids)

    @api.model
    def _eboc_update_all_engagement(self):
        self._eboc_score_engagement(None)

    @api.model
    def _eboc_score_engagement(self, company_ids):
        """Score the companies ``company_ids`` (every company for None) from their
        services, attended events and completed questionnaires: one UPDATE, which
        writes only the companies whose figures change."""
        config = self.env["eboc.engagement.config"]._get()
        now = fields.Datetime.now()
        self.env.flush_all()
        self.env.cr.execute(
            ENGAGEMENT_SQL.replace("%(answer_ebmo)s", self._eboc_answer_ebmo_sql()),
            {
                "now": now,
                "start": now - relativedelta(months=config.window_months),
                "all": company_ids is None,
                "ids": company_ids or [],
                "weight_event": config.weight_event,
                "weight_answer": config.weight_answer,
                "level_medium": config.level_medium,
                "level_high": config.level_high,
            },
        )
        self.env["res.partner"].invalidate_model(ENGAGEMENT_FIELDS)

    @api.model
    def _eboc_answer_ebmo_sql(self):
        """The SQL expression of the EBMO a completed questionnaire ``u`` counts for
        (NULL: every EBMO): the company of the event it gives feedback on. The bridge
        with campaigns adds the campaign's."""
        return "answer_event.company_id"

    @api.model
    def _cron_update_engagement(self):
        """Daily: the window slides, so yesterday's services may stop counting."""
        self._eboc_update_all_engagement()

    def action_log_service(self):
        """Open a new service record for this company, in a dialog."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a Service"),
            "res_model": "eboc.service.record",
            "view_mode": "form",
            "views": [(self.env.ref("eboc_events.eboc_service_record_view_form_quick").id, "form")],
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }

    def action_open_services(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_events.eboc_service_record_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
