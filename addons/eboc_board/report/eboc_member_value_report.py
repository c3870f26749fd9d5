from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.eboc_membership.models import lifecycle

PARETO = [("top", "Top: 80%"), ("rest", "Other members: 20%")]


class EbocMemberValueReport(models.Model):
    """What each member pays and what it uses, per dues period and scope: the 80/20 of
    services next to the 80/20 of dues.

    One row per dues period, scope (an association and the ones below it) and company
    that was a member of the scope at some time of the period. Dues are the posted
    dues invoiced to it by the scope's associations and what of them it paid; services
    are the services the organisation recorded for it within the period. Each measure
    ranks the members of the scope; *top* are the fewest members who together make 80%
    of it. The profile crosses both: members who pay much and use little (the ones to
    show what they get), and the reverse (the ones the dues do not pay for).
    """

    _name = "eboc.member.value.report"
    _inherit = ["eboc.scoped.report"]
    _description = "Members by Dues and Services"
    _auto = False
    _order = "period_id desc, service_rank"
    _rec_name = "partner_id"

    period_id = fields.Many2one("eboc.dues.period", readonly=True)
    date = fields.Date("Period Start", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Member Company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    industry_id = fields.Many2one("res.partner.industry", string="Sector", readonly=True)
    region_id = fields.Many2one("eboc.region", readonly=True)
    size_class_id = fields.Many2one("eboc.size.class", readonly=True)
    amount_invoiced = fields.Monetary("Dues Invoiced", readonly=True)
    amount_paid = fields.Monetary("Dues Collected", readonly=True)
    service_count = fields.Integer("Services Used", readonly=True)
    service_hours = fields.Float("Staff Hours", readonly=True, digits=(16, 1))
    service_rank = fields.Integer("Rank by Services", readonly=True, aggregator="min")
    service_share = fields.Float("Share of Services (%)", readonly=True, digits=(16, 2))
    service_cumulative_share = fields.Float(
        "Cumulative Share of Services (%)", readonly=True, digits=(16, 2), aggregator="max"
    )
    service_class = fields.Selection(PARETO, string="By Services", readonly=True)
    dues_rank = fields.Integer("Rank by Dues", readonly=True, aggregator="min")
    dues_share = fields.Float("Share of Dues (%)", readonly=True, digits=(16, 2))
    dues_class = fields.Selection(PARETO, string="By Dues", readonly=True)
    value_profile = fields.Selection(
        [
            ("pays_uses", "Pays much, uses much"),
            ("pays_only", "Pays much, uses little"),
            ("uses_only", "Pays little, uses much"),
            ("neither", "Pays little, uses little"),
        ],
        string="Profile",
        readonly=True,
        help="Much: among the fewest members who make 80% of the scope's collected dues "
        "(or of its services) in the period.",
    )

    def _query(self):
        return SQL(
            """
            WITH member AS (
                SELECT DISTINCT period.id AS period_id, period.date_from, period.date_to,
                       scope.id AS scope_association_id,
                       scope.parent_id IS NULL AS scope_is_top, scope.company_id,
                       m.partner_id
                  FROM eboc_dues_period AS period
                  JOIN eboc_membership AS m
                    ON m.company_id = period.company_id
                   AND m.state IN %(states)s
                   AND m.date_start <= period.date_to
                   AND (m.date_end IS NULL OR m.date_end >= period.date_from)
                  JOIN eboc_association AS own ON own.id = m.association_id
                  JOIN eboc_association AS scope
                    ON starts_with(own.parent_path, scope.parent_path)
            ), dues AS (
                SELECT line.period_id, scope.id AS scope_association_id, line.partner_id,
                       SUM(line.amount_invoiced) AS invoiced, SUM(line.amount_paid) AS paid
                  FROM eboc_dues_line AS line
                  JOIN eboc_association AS own ON own.id = line.association_id
                  JOIN eboc_association AS scope
                    ON starts_with(own.parent_path, scope.parent_path)
                 WHERE line.move_state = 'posted'
              GROUP BY line.period_id, scope.id, line.partner_id
            ), used AS (
                SELECT period.id AS period_id, service.partner_id,
                       COUNT(*) AS services, SUM(service.duration) AS hours
                  FROM eboc_dues_period AS period
                  JOIN eboc_service_record AS service
                    ON service.company_id = period.company_id
                   AND service.date >= period.date_from
                   AND service.date < period.date_to + 1
              GROUP BY period.id, service.partner_id
            ), base AS (
                SELECT member.*,
                       COALESCE(dues.invoiced, 0) AS amount_invoiced,
                       COALESCE(dues.paid, 0) AS amount_paid,
                       COALESCE(used.services, 0) AS service_count,
                       COALESCE(used.hours, 0) AS service_hours
                  FROM member
             LEFT JOIN dues ON dues.period_id = member.period_id
                           AND dues.scope_association_id = member.scope_association_id
                           AND dues.partner_id = member.partner_id
             LEFT JOIN used ON used.period_id = member.period_id
                           AND used.partner_id = member.partner_id
            ), ranked AS (
                SELECT base.*,
                       ROW_NUMBER() OVER by_services AS service_rank,
                       SUM(service_count) OVER scope AS services_total,
                       SUM(service_count) OVER (by_services ROWS UNBOUNDED PRECEDING)
                           AS services_running,
                       ROW_NUMBER() OVER by_dues AS dues_rank,
                       SUM(amount_paid) OVER scope AS dues_total,
                       SUM(amount_paid) OVER (by_dues ROWS UNBOUNDED PRECEDING) AS dues_running
                  FROM base
                WINDOW scope AS (PARTITION BY period_id, scope_association_id),
                       by_services AS (scope ORDER BY service_count DESC, partner_id),
                       by_dues AS (scope ORDER BY amount_paid DESC, partner_id)
            ), classed AS (
                SELECT ranked.*,
                       CASE WHEN services_total > 0
                             AND services_running - service_count < 0.8 * services_total
                            THEN 'top' ELSE 'rest' END AS service_class,
                       CASE WHEN dues_total > 0 AND dues_running - amount_paid < 0.8 * dues_total
                            THEN 'top' ELSE 'rest' END AS dues_class
                  FROM ranked
            )
            SELECT (classed.partner_id::bigint * 10000 + classed.scope_association_id) * 1000
                       + mod(classed.period_id, 1000) AS id,
                   classed.period_id, classed.date_from AS date,
                   classed.scope_association_id, classed.scope_is_top, classed.company_id,
                   classed.partner_id, partner.industry_id, partner.region_id,
                   partner.size_class_id,
                   classed.amount_invoiced, classed.amount_paid,
                   classed.service_count, classed.service_hours,
                   classed.service_rank, classed.dues_rank,
                   CASE WHEN services_total > 0
                        THEN 100.0 * service_count / services_total ELSE 0 END AS service_share,
                   CASE WHEN services_total > 0
                        THEN 100.0 * services_running / services_total ELSE 0 END
                       AS service_cumulative_share,
                   CASE WHEN dues_total > 0
                        THEN 100.0 * amount_paid / dues_total ELSE 0 END AS dues_share,
                   service_class, dues_class,
                   CASE WHEN dues_class = 'top' AND service_class = 'top' THEN 'pays_uses'
                        WHEN dues_class = 'top' THEN 'pays_only'
                        WHEN service_class = 'top' THEN 'uses_only'
                        ELSE 'neither' END AS value_profile
              FROM classed
              JOIN res_partner AS partner ON partner.id = classed.partner_id
            """,
            states=lifecycle.MEMBER_STATES + lifecycle.ENDED_STATES,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
