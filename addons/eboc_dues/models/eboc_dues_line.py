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
    move_id = fields.Many2one(
        "account.move", string="Invoice", readonly=True, copy=False, index="btree_not_null"
    )
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

    def _prepare_invoice_vals(self):
        """Values of the customer invoice of this dues line; a seam for other addons."""
        self.ensure_one()
        membership = self.membership_id
        rule = self.fee_rule_id
        lines = [self._prepare_invoice_line_vals(rule.product_id, self.amount_dues)]
        if self.amount_entrance:
            product = rule.entrance_product_id or rule.product_id
            lines.append(self._prepare_invoice_line_vals(product, self.amount_entrance))
        return {
            "move_type": "out_invoice",
            "partner_id": self.invoice_partner_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.run_id.name,
            "eboc_membership_id": membership.id,
            "eboc_dues_period_id": self.period_id.id,
            "eboc_association_id": membership.association_id.id,
            "invoice_line_ids": [(0, 0, vals) for vals in lines if vals["price_unit"]],
        }

    def _prepare_invoice_line_vals(self, product, amount):
        vals = {
            "product_id": product.id,
            "name": f"{product.name} {self.period_id.name} - {self.association_id.name}",
            "quantity": 1.0,
            "price_unit": amount,
        }
        if self.fee_rule_id.account_id:
            vals["account_id"] = self.fee_rule_id.account_id.id
        if self.fee_rule_id.tax_ids:
            vals["tax_ids"] = [(6, 0, self.fee_rule_id.tax_ids.ids)]
        return vals
