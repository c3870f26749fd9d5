from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.eboc_membership.models import lifecycle

# Keys in the order of the levels, so that reports group them in that order.
ENGAGEMENT_NONE, ENGAGEMENT_LOW, ENGAGEMENT_MEDIUM, ENGAGEMENT_HIGH = "0", "1", "2", "3"
ENGAGEMENT_LEVELS = [
    (ENGAGEMENT_NONE, "None"),
    (ENGAGEMENT_LOW, "Low"),
    (ENGAGEMENT_MEDIUM, "Medium"),
    (ENGAGEMENT_HIGH, "High"),
]

# One statement scores every company (or the given ones) from its services, attended
# events and completed questionnaires, and writes only the rows that change.
ENGAGEMENT_SQL = """
WITH services AS (
    SELECT r.partner_id AS company_id,
           COUNT(*) FILTER (WHERE r.date >= %(start)s) AS n,
           COALESCE(SUM(t.engagement_weight) FILTER (WHERE r.date >= %(start)s), 0) AS points,
           MAX(r.date) AS last
      FROM eboc_service_record r
      JOIN eboc_service_type t ON t.id = r.service_type_id
     WHERE r.date <= %(now)s
       AND (%(all)s OR r.partner_id = ANY(%(ids)s))
  GROUP BY r.partner_id
), events AS (
    SELECT g.eboc_company_id AS company_id,
           COUNT(DISTINCT g.event_id) FILTER (WHERE e.date_begin >= %(start)s) AS n,
           MAX(e.date_begin) AS last
      FROM event_registration g
      JOIN event_event e ON e.id = g.event_id
     WHERE g.state = 'done'
       AND e.date_begin <= %(now)s
       AND (%(all)s OR g.eboc_company_id = ANY(%(ids)s))
  GROUP BY g.eboc_company_id
), answers AS (
    SELECT p.commercial_partner_id AS company_id,
           COUNT(*) FILTER (WHERE u.end_datetime >= %(start)s) AS n,
           MAX(u.end_datetime) AS last
      FROM survey_user_input u
      JOIN res_partner p ON p.id = u.partner_id
     WHERE u.state = 'done'
       AND u.test_entry IS NOT TRUE
       AND u.end_datetime <= %(now)s
       AND (%(all)s OR p.commercial_partner_id = ANY(%(ids)s))
  GROUP BY p.commercial_partner_id
), totals AS (
    SELECT c.id,
           COALESCE(s.n, 0) AS services,
           COALESCE(v.n, 0) AS events,
           COALESCE(a.n, 0) AS answers,
           (COALESCE(s.points, 0) + %(weight_event)s * COALESCE(v.n, 0)
            + %(weight_answer)s * COALESCE(a.n, 0))::float8 AS score,
           GREATEST(s.last, v.last, a.last) AS last
      FROM res_partner c
 LEFT JOIN services s ON s.company_id = c.id
 LEFT JOIN events v ON v.company_id = c.id
 LEFT JOIN answers a ON a.company_id = c.id
     WHERE c.is_company
       AND (%(all)s OR c.id = ANY(%(ids)s))
), scores AS (
    SELECT totals.*,
           CASE WHEN score <= 0 THEN '0'
                WHEN score < %(level_medium)s THEN '1'
                WHEN score < %(level_high)s THEN '2'
                ELSE '3'
           END AS level
      FROM totals
)
UPDATE res_partner p
   SET engagement_services = x.services,
       engagement_events = x.events,
       engagement_answers = x.answers,
       engagement_score = x.score,
       engagement_level = x.level,
       last_interaction_date = x.last
  FROM scores x
 WHERE p.id = x.id
   AND (p.engagement_score IS DISTINCT FROM x.score
        OR p.engagement_level IS DISTINCT FROM x.level
        OR p.engagement_services IS DISTINCT FROM x.services
        OR p.engagement_events IS DISTINCT FROM x.events
        OR p.engagement_answers IS DISTINCT FROM x.answers
        OR p.last_interaction_date IS DISTINCT FROM x.last)
"""
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
    last_interaction_date = fields.Datetime(
        "Last Interaction",
        readonly=True,
        index=True,
        help="The last service given to the company, event its people attended or "
        "questionnaire they answered.",
    )
    engagement_score = fields.Float(
        readonly=True,
        default=0.0,
        aggregator="avg",
        help="Points for the services used, events attended and questionnaires answered "
        "in the engagement window (Membership > Configuration > Engagement Scoring).",
    )
    engagement_level = fields.Selection(
        ENGAGEMENT_LEVELS, readonly=True, default=ENGAGEMENT_NONE, index=True
    )
    engagement_services = fields.Integer(
        "Services in Window", readonly=True, help="Services used in the engagement window."
    )
    engagement_events = fields.Integer(
        "Events in Window", readonly=True, help="Events attended in the engagement window."
    )
    engagement_answers = fields.Integer(
        "Answers in Window",
        readonly=True,
        help="Questionnaires answered in the engagement window.",
    )
    engagement_at_risk = fields.Boolean(
        "At Risk",
        compute="_compute_engagement_at_risk",
        search="_search_engagement_at_risk",
        help="An active member with no interaction in the months set in the engagement scoring.",
    )

    def _compute_service_stats(self):
        """Counts per service type and the last service, for all companies at once."""
        groups = self.env["eboc.service.record"]._read_group(
            [("partner_id", "in", self._origin.ids)],
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

    def _compute_event_stats(self):
        """Events attended by the company's people."""
        groups = (
            self.env["event.registration"]
            .sudo()
            ._read_group(
                [("eboc_company_id", "in", self._origin.ids), ("state", "=", "done")],
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
    def _compute_engagement_at_risk(self):
        cutoff = self._eboc_at_risk_cutoff()
        for partner in self:
            last = partner.last_interaction_date
            partner.engagement_at_risk = partner.member_state == lifecycle.ACTIVE and (
                not last or last < cutoff
            )

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
            ENGAGEMENT_SQL,
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
