from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request

from .eboc_dues_line import LIGHT_SELECTION


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
    eboc_dues_light = fields.Selection(
        LIGHT_SELECTION,
        string="Dues Light",
        compute="_compute_eboc_dues_light",
        compute_sudo=True,
        help="The light of the dues this invoice bills; empty on other invoices.",
    )

    def _compute_eboc_dues_light(self):
        # One read for a whole page of invoices; as superuser because a member's
        # contacts see their invoices, not the dues lines behind them.
        lines = self.env["eboc.dues.line"].search_read(
            [("move_id", "in", self.ids)], ["move_id", "light"]
        )
        light_by_move = {line["move_id"][0]: line["light"] for line in lines}
        for move in self:
            move.eboc_dues_light = light_by_move.get(move.id, False)

    def _has_to_be_paid(self):
        """A member's contact pays its company's dues online only when one of its
        roles lets it (the finance contact, by default): others see the invoice and
        who to ask. Anyone holding the invoice's own link (the emailed invoice) pays."""
        return super()._has_to_be_paid() and not self._eboc_portal_pay_refusal()

    def _eboc_portal_pay_refusal(self):
        """Why the current portal user may not pay this dues invoice online, or ''.
        Read as superuser: the invoice may be reached by its access token. The
        portal's controllers hand templates the invoice as superuser
        (``_document_check_access``), so the person is the request's user."""
        self.ensure_one()
        user = request.env.user if request else self.env.user
        invoice = self.sudo()
        if not invoice.eboc_membership_id or not user.share or user._is_public():
            return ""
        person = user.partner_id.sudo()
        if person.commercial_partner_id != invoice.commercial_partner_id:
            return ""
        if person.contact_role_ids._grants("pays_dues"):
            return ""
        roles = self.env["eboc.contact.role"].sudo().search([("portal_pays_dues", "=", True)])
        return self.env._(
            "Online payment of the dues is for your company's contacts in charge of them "
            "(%(roles)s). Please ask them, or your association.",
            roles=", ".join(roles.mapped("name")) or self.env._("no role yet"),
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
