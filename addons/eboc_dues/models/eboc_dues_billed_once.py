"""Billed once per period, by any path.

A dues line is the record that a membership was billed for a period; the unique
index on (membership, period) stops a second line, and the guards below stop the
first one from being removed, rewired or emptied while its invoice exists: from the
buttons, the Action menu (delete, duplicate), an import, or any RPC call with a dues
officer's rights. Undoing a bill goes through accounting (a credit note, or the
cancellation of the invoice); billing the membership again for that period is then
:meth:`EbocDuesLine.action_bill_again`, a deliberate and logged action.

The guards lift only for the superuser, which is how the run's own invoicing writes
the invoice on its lines: a context key would not do, since any RPC client can send one.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

# What says which membership was billed what, for which period, on which invoice.
BILLING_FIELDS = frozenset(
    {
        "run_id",
        "membership_id",
        "period_id",
        "invoice_partner_id",
        "fee_rule_id",
        "amount_dues",
        "amount_entrance",
        "move_id",
        "previous_move_ids",
    }
)
OPEN_RUN_STATES = ("draft", "preview")


class EbocDuesRun(models.Model):
    _inherit = "eboc.dues.run"

    def _check_open(self):
        """Refuse to change the lines of a run that has started invoicing."""
        closed = self.filtered(lambda run: run.state not in OPEN_RUN_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "Dues run %(run)s has invoiced: its lines can no longer change. To undo "
                    "a bill, issue a credit note in Accounting, then use Bill Again on the "
                    "dues line.",
                    run=closed[0].display_name,
                )
            )

    def write(self, vals):
        self.check_access("write")
        # Once invoicing, a run only goes forward (invoicing -> invoiced) and keeps the
        # period and company it billed.
        if not self.env.su and (
            vals.get("state") in OPEN_RUN_STATES or {"period_id", "company_id"} & set(vals)
        ):
            closed = self.filtered(lambda run: run.state not in OPEN_RUN_STATES)
            closed.filtered(
                lambda run: (
                    vals.get("state", run.state) in OPEN_RUN_STATES
                    or any(
                        name in vals and run[name].id != vals[name]
                        for name in ("period_id", "company_id")
                    )
                )
            )._check_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        billed = self.filtered(lambda run: run.state not in OPEN_RUN_STATES or run.line_ids.move_id)
        if billed:
            raise UserError(
                self.env._(
                    "Dues run %(run)s has invoiced and cannot be deleted: it is the record "
                    "of who was billed for %(period)s. To undo a bill, issue a credit note in "
                    "Accounting.",
                    run=billed[0].display_name,
                    period=billed[0].period_id.display_name,
                )
            )


class EbocDuesLine(models.Model):
    _inherit = "eboc.dues.line"

    previous_move_ids = fields.Many2many(
        "account.move",
        "eboc_dues_line_previous_move_rel",
        "line_id",
        "move_id",
        string="Earlier Invoices",
        readonly=True,
        copy=False,
        help="Invoices of this membership and period that were credited or cancelled "
        "before it was billed again.",
    )
    can_bill_again = fields.Boolean(compute="_compute_can_bill_again")

    @api.depends("move_id.state", "amount_invoiced", "amount_credited")
    def _compute_can_bill_again(self):
        for line in self:
            line.can_bill_again = line._is_undone()

    def _is_undone(self):
        """The invoice was cancelled, or fully credited by posted credit notes."""
        self.ensure_one()
        move = self.move_id
        if move.state == "cancel":
            return True
        credited = move.state == "posted" and self.amount_invoiced
        return bool(credited) and (
            move.currency_id.compare_amounts(self.amount_credited, self.amount_invoiced) >= 0
        )

    def _locked(self):
        return self.filtered(
            lambda line: (
                line.move_id or line.previous_move_ids or line.run_id.state not in OPEN_RUN_STATES
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        if not self.env.su:
            if any(vals.get("move_id") or vals.get("previous_move_ids") for vals in vals_list):
                raise UserError(self.env._("A dues line gets its invoice from its dues run."))
            runs = self.env["eboc.dues.run"].browse(
                {vals["run_id"] for vals in vals_list if vals.get("run_id")}
            )
            runs._check_open()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        if BILLING_FIELDS.intersection(vals) and not self.env.su:
            locked = self._locked()
            if locked:
                locked.run_id._check_open()
                raise UserError(self.env._("A dues line gets its invoice from its dues run."))
            if vals.get("move_id") or vals.get("previous_move_ids"):
                raise UserError(self.env._("A dues line gets its invoice from its dues run."))
            if "run_id" in vals:
                self.env["eboc.dues.run"].browse(vals["run_id"])._check_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_billed(self):
        locked = self._locked()
        if locked:
            line = locked[0]
            raise UserError(
                self.env._(
                    "The dues of %(company)s for %(period)s were billed in run %(run)s: the "
                    "line is the record of it and cannot be deleted. To undo the bill, issue "
                    "a credit note in Accounting, then use Bill Again if it must be billed "
                    "anew.",
                    company=line.partner_id.display_name,
                    period=line.period_id.display_name,
                    run=line.run_id.display_name,
                )
            )

    def action_bill_again(self):
        """Bill the membership again for the period, at today's price, once its invoice
        has been cancelled or fully credited in accounting; logged on the membership and
        on the run."""
        self.check_access("write")
        not_undone = self.filtered(lambda line: not line._is_undone())
        if not_undone:
            line = not_undone[0]
            raise UserError(
                self.env._(
                    "The dues of %(company)s for %(period)s are still billed by invoice "
                    "%(invoice)s. Cancel it or issue a credit note for its full amount in "
                    "Accounting first: a membership is billed once per period.",
                    company=line.partner_id.display_name,
                    period=line.period_id.display_name,
                    invoice=line.move_id.display_name or "-",
                )
            )
        FeeRule = self.env["eboc.fee.rule"]
        today = fields.Date.context_today(self)
        for line in self:
            membership = line.membership_id
            price = FeeRule._price_memberships(membership, line.period_id)[membership.id]
            if not price["dues"] + price["entrance"]:
                raise UserError(
                    self.env._(
                        "The dues of %(company)s for %(period)s come to nothing today: "
                        "there is nothing to bill again.",
                        company=line.partner_id.display_name,
                        period=line.period_id.display_name,
                    )
                )
            old_move = line.move_id
            line.sudo().write(
                {
                    "fee_rule_id": price["rule"].id,
                    "amount_dues": price["dues"],
                    "amount_entrance": price["entrance"],
                    "warnings": ", ".join(FeeRule._warning_labels(price["warnings"])) or False,
                    "previous_move_ids": [fields.Command.link(old_move.id)],
                    "move_id": False,
                }
            )
            vals = line._prepare_invoice_vals()
            # Dated today, due by the payment terms: not by the first run's dates.
            for name in ("invoice_date_due", "invoice_payment_term_id"):
                vals.pop(name, None)
            vals["invoice_date"] = today
            move = self.env["account.move"].create(vals)
            move.action_post()
            line.sudo().move_id = move
            body = self.env._(
                "Billed again for %(period)s by %(user)s: invoice %(invoice)s replaces "
                "%(old)s, which was cancelled or credited in accounting.",
                period=line.period_id.display_name,
                user=self.env.user.display_name,
                invoice=move.display_name,
                old=old_move.display_name,
            )
            membership.message_post(body=body)
            line.run_id.message_post(body=body)
        return True
