from odoo import api, fields, models


class EbocDuesLine(models.Model):
    """What one membership owes for one period: one line, whatever happens.

    The unique constraint on (membership, period) is the database's guarantee that a
    membership is never billed twice for a period, even by two runs at once.
    """

    _name = "eboc.dues.line"
    _description = "Dues Line"
    _order = "run_id, partner_id, id"
    _check_company_auto = True

    run_id = fields.Many2one("eboc.dues.run", required=True, index=True, ondelete="cascade")
    membership_id = fields.Many2one("eboc.membership", required=True, ondelete="restrict")
    period_id = fields.Many2one("eboc.dues.period", required=True, ondelete="restrict")
    partner_id = fields.Many2one(related="membership_id.partner_id", store=True, index=True)
    invoice_partner_id = fields.Many2one(
        "res.partner", string="Invoiced To", help="The company, or who pays for it."
    )
    association_id = fields.Many2one(related="membership_id.association_id", store=True)
    fee_rule_id = fields.Many2one("eboc.fee.rule")
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_dues = fields.Monetary("Dues")
    amount_entrance = fields.Monetary("Entrance Fee")
    amount_total = fields.Monetary("Total", compute="_compute_amount_total", store=True)
    warnings = fields.Char()
    has_warning = fields.Boolean(compute="_compute_amount_total", store=True)

    _sql_constraints = [
        (
            "membership_period_unique",
            "unique(membership_id, period_id)",
            "A membership has one dues line per period.",
        ),
    ]

    @api.depends("amount_dues", "amount_entrance", "warnings")
    def _compute_amount_total(self):
        for line in self:
            line.amount_total = line.amount_dues + line.amount_entrance
            line.has_warning = bool(line.warnings)
