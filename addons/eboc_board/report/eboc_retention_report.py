from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.eboc_membership.models import lifecycle


class EbocRetentionReport(models.Model):
    """Members gained, kept and lost, per year and association scope.

    One row per calendar year, scope and company that was a member in that scope at
    some time of the year (a membership counts from its start date to its end date, in
    any state it reached as a member: active, suspended, and then lapsed or resigned).
    The measures are 0 or 1 per row, so that any grouping adds them up: members at the
    start of the year, joined, left, retained and members at its end. The retention
    rate is an average over the members at the start only (the other rows hold no
    value), so it stays a true rate in any grouping, and is empty for a group that had
    no member at its start.

    The cohort is the year the company's current run of membership in the scope began:
    grouped by cohort and years since joining, the rows are the cohort table.

    Set-based: one statement, no query per member. Filters on the year and the scope
    reach into the statement (no window function above them), so a year of one scope
    reads only that year's memberships.
    """

    _name = "eboc.retention.report"
    _inherit = ["eboc.scoped.report"]
    _description = "Membership Retention"
    _auto = False
    _order = "date desc, partner_id"
    _rec_name = "partner_id"

    date = fields.Date("Year", readonly=True, help="The first day of the year the row counts.")
    partner_id = fields.Many2one("res.partner", string="Member Company", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", string="Sector", readonly=True)
    region_id = fields.Many2one("eboc.region", readonly=True)
    size_class_id = fields.Many2one("eboc.size.class", readonly=True)
    member_at_start = fields.Integer("Members at Start", readonly=True)
    joined = fields.Integer(readonly=True)
    left_count = fields.Integer("Left", readonly=True)
    retained = fields.Integer(readonly=True)
    member_at_end = fields.Integer("Members at End", readonly=True)
    net_change = fields.Integer("Net Growth", readonly=True)
    retention_rate = fields.Float(
        "Retention Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="Of the members at the start of the year, the share still members at its end.",
    )
    date_left = fields.Date("Left On", readonly=True)
    leaving_reason_id = fields.Many2one(
        "eboc.leaving.reason", string="Reason for Leaving", readonly=True
    )
    cohort_date = fields.Date(
        "Cohort",
        readonly=True,
        help="The year the company's current run of membership in the scope began.",
    )
    years_member = fields.Integer("Years Since Joining", readonly=True, aggregator="max")

    def _query(self):
        member_states = lifecycle.MEMBER_STATES + lifecycle.ENDED_STATES
        return SQL(
            """
            WITH span AS (
                SELECT scope.id AS scope_association_id,
                       scope.parent_id IS NULL AS scope_is_top,
                       scope.company_id, m.partner_id,
                       m.date_start, m.date_end, m.leaving_reason_id
                  FROM eboc_membership AS m
                  JOIN eboc_association AS own ON own.id = m.association_id
                  JOIN eboc_association AS scope
                    ON starts_with(own.parent_path, scope.parent_path)
                 WHERE m.state IN %(states)s
                   AND m.date_start IS NOT NULL
                   AND (m.date_end IS NULL OR m.date_end >= m.date_start)
                   -- an ended membership with no end date cannot say when it ended
                   AND (m.date_end IS NOT NULL OR m.state IN %(open_states)s)
            ), years AS (
                SELECT make_date(y::int, 1, 1) AS date,
                       make_date(y::int, 12, 31) AS date_last
                  FROM generate_series(
                       (SELECT EXTRACT(YEAR FROM MIN(date_start)) FROM eboc_membership),
                       EXTRACT(YEAR FROM CURRENT_DATE)) AS y
            ), agg AS (
                SELECT years.date, span.scope_association_id, span.scope_is_top,
                       span.company_id, span.partner_id,
                       BOOL_OR(span.date_start < years.date) AS at_start,
                       BOOL_OR(span.date_end IS NULL OR span.date_end > years.date_last)
                           AS at_end,
                       MAX(span.date_end) AS date_end,
                       (ARRAY_AGG(span.leaving_reason_id
                                  ORDER BY span.date_end DESC NULLS FIRST))[1]
                           AS leaving_reason_id,
                       MIN(span.date_start) AS date_first
                  FROM years
                  JOIN span ON span.date_start <= years.date_last
                           AND (span.date_end IS NULL OR span.date_end >= years.date)
              GROUP BY years.date, span.scope_association_id, span.scope_is_top,
                       span.company_id, span.partner_id
            )
            SELECT -- one id per year, scope and company, without a window function
                   (agg.partner_id::bigint * 10000 + agg.scope_association_id) * 1000
                       + (EXTRACT(YEAR FROM agg.date)::int - 1900) AS id,
                   agg.date, agg.scope_association_id, agg.scope_is_top, agg.company_id,
                   agg.partner_id, partner.industry_id, partner.region_id,
                   partner.size_class_id,
                   agg.at_start::int AS member_at_start,
                   (NOT agg.at_start)::int AS joined,
                   (NOT agg.at_end)::int AS left_count,
                   (agg.at_start AND agg.at_end)::int AS retained,
                   agg.at_end::int AS member_at_end,
                   agg.at_end::int - agg.at_start::int AS net_change,
                   CASE WHEN agg.at_start THEN 100.0 * agg.at_end::int END AS retention_rate,
                   CASE WHEN NOT agg.at_end THEN agg.date_end END AS date_left,
                   CASE WHEN NOT agg.at_end THEN agg.leaving_reason_id END
                       AS leaving_reason_id,
                   make_date(EXTRACT(YEAR FROM agg.date_first)::int, 1, 1) AS cohort_date,
                   EXTRACT(YEAR FROM agg.date)::int - EXTRACT(YEAR FROM agg.date_first)::int
                       AS years_member
              FROM agg
              -- LEFT: a read that needs no profile column skips the join
         LEFT JOIN res_partner AS partner ON partner.id = agg.partner_id
            """,
            states=member_states,
            open_states=lifecycle.MEMBER_STATES,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
