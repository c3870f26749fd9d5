from odoo import fields, models


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


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def reconcile(self):
        """Payments, credit notes and bank reconciliations all end here: reinstate the
        memberships suspended for dues once their invoices are settled."""
        results = super().reconcile()
        dues_moves = self.move_id.filtered("eboc_membership_id")
        if dues_moves:
            dues_moves.eboc_membership_id.sudo()._reinstate_paid()
        return results
