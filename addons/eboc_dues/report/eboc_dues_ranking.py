from odoo import fields, models, tools
from odoo.tools import SQL


class EbocDuesRanking(models.Model):
    """Members ranked by the dues they paid in a period: the 80/20 view.

    One row per company, period and *scope*: an association and everything below
    it. A company is ranked within each scope by the dues of that scope's
    memberships only, and its shares are of that scope's total: the federation's
    board reads the federation's scope, an officer restricted to one association
    reads its own scope (the record rules give it nothing else), and no figure of
    a row adds up dues of another association. The cumulative share tells how much
    of the scope's collected dues the companies ranked so far bring in.
    """

    _name = "eboc.dues.ranking"
    _description = "Members Ranked by Dues Paid"
    _auto = False
    _order = "period_id desc, rank"
    _rec_name = "partner_id"

    period_id = fields.Many2one("eboc.dues.period", readonly=True)
    scope_association_id = fields.Many2one(
        "eboc.association",
        string="Ranked Within",
        readonly=True,
        help="The association whose members (with those of the associations below it) "
        "are ranked, by their dues to it and below it.",
    )
    scope_is_top = fields.Boolean(
        "Top-Level Scope", readonly=True, help="The scope is an association with no parent."
    )
    partner_id = fields.Many2one("res.partner", string="Member", readonly=True)
    company_id = fields.Many2one("res.company", string="Organisation", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    industry_id = fields.Many2one("res.partner.industry", string="Sector", readonly=True)
    region_id = fields.Many2one("eboc.region", readonly=True)
    size_class_id = fields.Many2one("eboc.size.class", readonly=True)
    amount_invoiced = fields.Monetary("Invoiced", readonly=True)
    amount_paid = fields.Monetary("Collected", readonly=True)
    rank = fields.Integer(readonly=True, aggregator="min")
    share = fields.Float("Share (%)", readonly=True, digits=(16, 2))
    cumulative_share = fields.Float(
        "Cumulative Share (%)", readonly=True, digits=(16, 2), aggregator="max"
    )
    pareto_class = fields.Selection(
        [("top", "Top: 80% of the dues"), ("rest", "Other members: 20%")],
        string="Class",
        readonly=True,
        help="Top: the fewest members who together paid 80% of the period's collected dues.",
    )

    def _query(self):
        return SQL(
            """
            WITH paid AS (
                SELECT line.period_id, scope.id AS scope_association_id,
                       scope.parent_id IS NULL AS scope_is_top,
                       line.partner_id, line.company_id,
                       MIN(line.industry_id) AS industry_id,
                       MIN(line.region_id) AS region_id,
                       MIN(line.size_class_id) AS size_class_id,
                       SUM(line.amount_invoiced) AS amount_invoiced,
                       SUM(line.amount_paid) AS amount_paid
                  FROM eboc_dues_line AS line
                  JOIN eboc_association AS own ON own.id = line.association_id
                  JOIN eboc_association AS scope
                    ON own.parent_path LIKE scope.parent_path || '%%'
                 WHERE line.move_state = 'posted'
              GROUP BY line.period_id, scope.id, line.partner_id, line.company_id
            ), ranked AS (
                SELECT paid.*,
                       ROW_NUMBER() OVER w AS rank,
                       SUM(paid.amount_paid) OVER scope AS total,
                       SUM(paid.amount_paid) OVER (w ROWS UNBOUNDED PRECEDING) AS running
                  FROM paid
                WINDOW scope AS (PARTITION BY period_id, company_id, scope_association_id),
                       w AS (scope ORDER BY amount_paid DESC, partner_id)
            )
            SELECT ROW_NUMBER() OVER (
                       ORDER BY period_id, company_id, scope_association_id, rank
                   ) AS id,
                   period_id, scope_association_id, scope_is_top, partner_id, company_id,
                   industry_id, region_id, size_class_id,
                   amount_invoiced, amount_paid, rank,
                   CASE WHEN total > 0 THEN 100.0 * amount_paid / total ELSE 0 END AS share,
                   CASE WHEN total > 0 THEN 100.0 * running / total ELSE 0 END
                       AS cumulative_share,
                   CASE WHEN total > 0 AND running - amount_paid < 0.8 * total
                        THEN 'top' ELSE 'rest' END AS pareto_class
              FROM ranked
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
