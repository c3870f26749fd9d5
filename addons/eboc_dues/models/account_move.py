from odoo import api, fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    eboc_membership_id = fields.Many2one(
        "eboc.membership", string="Membership", index="btree_not_null", readonly=True, copy=False
    )
    eboc_dues_period_id = fields.Many2one(
        "eboc.dues.period", string="Dues Period", readonly=True, copy=False
    )
    eboc_association_id = fields.Many2one(
        "eboc.association", string="Association", readonly=True, copy=False
    )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") in ("draft", "cancel"):
            # Cancelled or reset to draft: nothing is due any more on this invoice.
            self._eboc_reinstate_paid()
        return res

    def _eboc_reinstate_paid(self):
        """Reinstate the memberships suspended for dues whose invoices are settled,
        whichever way accounting settled them."""
        dues_moves = self.filtered("eboc_membership_id")
        if dues_moves:
            dues_moves.eboc_membership_id.sudo()._reinstate_paid()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_dues_invoice(self):
        billed = self.env["eboc.dues.line"].sudo().search([("move_id", "in", self.ids)], limit=1)
        if billed:
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s bills the dues of %(company)s for %(period)s: cancel "
                    "it or issue a credit note instead of deleting it, so that the dues line "
                    "keeps the record of the bill.",
                    invoice=billed.move_id.display_name,
                    company=billed.partner_id.display_name,
                    period=billed.period_id.display_name,
                )
            )


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def reconcile(self):
        """Payments, credit notes and bank reconciliations all end here: reinstate the
        memberships suspended for dues once their invoices are settled."""
        results = super().reconcile()
        self.move_id._eboc_reinstate_paid()
        return results
