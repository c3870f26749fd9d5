from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.eboc_membership.models import lifecycle

from . import lights
from .eboc_dues_line import LIGHT_SELECTION

DUES_FIELDS = ("dues_exempt", "dues_negotiated", "dues_amount")


class EbocMembership(models.Model):
    _inherit = "eboc.membership"

    dues_exempt = fields.Boolean(
        "Exempt from Dues",
        tracking=True,
        help="This membership pays no dues, whatever its fee rule.",
    )
    dues_negotiated = fields.Boolean(
        "Negotiated Dues",
        tracking=True,
        help="Replace the fee rule's amount by a negotiated one (proration still applies).",
    )
    dues_amount = fields.Monetary(
        "Negotiated Amount", currency_field="dues_currency_id", tracking=True
    )
    dues_currency_id = fields.Many2one(related="company_id.currency_id", string="Dues Currency")
    fee_rule_id = fields.Many2one("eboc.fee.rule", compute="_compute_dues_estimate")
    dues_period_id = fields.Many2one(
        "eboc.dues.period", compute="_compute_dues_estimate", string="Current Period"
    )
    dues_estimate = fields.Monetary(
        "Dues this Period",
        currency_field="dues_currency_id",
        compute="_compute_dues_estimate",
        help="What the fee rule asks for the current dues period, entrance fee excluded.",
    )
    entrance_fee_estimate = fields.Monetary(
        "Entrance Fee", currency_field="dues_currency_id", compute="_compute_dues_estimate"
    )
    dues_warnings = fields.Char("Pricing Warnings", compute="_compute_dues_estimate")
    can_edit_dues = fields.Boolean(compute="_compute_can_edit_dues")
    dues_line_ids = fields.One2many("eboc.dues.line", "membership_id", string="Dues Lines")
    dues_light = fields.Selection(
        LIGHT_SELECTION,
        compute="_compute_dues_status",
        store=True,
        index=True,
    )
    dues_outstanding = fields.Monetary(
        currency_field="dues_currency_id",
        compute="_compute_dues_status",
        store=True,
        help="What the membership's posted dues invoices still ask for.",
    )
    dues_arrears = fields.Monetary(
        "Arrears",
        currency_field="dues_currency_id",
        compute="_compute_dues_status",
        store=True,
        help="What is still open on the membership's red dues invoices.",
    )
    dues_overdue_since = fields.Date(
        "Overdue Since",
        compute="_compute_dues_status",
        store=True,
        help="Due date of the membership's oldest red dues invoice.",
    )
    dues_days_overdue = fields.Integer("Days Overdue", compute="_compute_dues_days_overdue")
    dues_suspended = fields.Boolean(
        "Suspended for Dues",
        readonly=True,
        copy=False,
        tracking=True,
        help="Suspended automatically for unpaid dues: reinstated automatically once paid.",
    )

    @api.depends("dues_line_ids.light", "dues_line_ids.amount_residual")
    def _compute_dues_status(self):
        # One grouped query; as superuser, because a stored status must not depend
        # on who triggered its computation. A membership is one association in one
        # EBMO: the company's figures add up the memberships its reader may see.
        groups = (
            self.env["eboc.dues.line"]
            .sudo()
            ._read_group(
                [("membership_id", "in", self._origin.ids)],
                ["membership_id", "light"],
                ["amount_residual:sum", "invoice_date_due:min"],
            )
        )
        status = defaultdict(lambda: {"lights": [], "outstanding": 0.0, "arrears": 0.0})
        for membership, light, residual, date_due in groups:
            entry = status[membership.id]
            entry["lights"].append(light)
            if light in (lights.AMBER, lights.RED):
                entry["outstanding"] += residual
            if light == lights.RED:
                entry["arrears"] += residual
                entry["since"] = date_due
        for membership in self:
            entry = status.get(membership._origin.id, {})
            membership.dues_light = lights.worst(entry.get("lights", ()))
            membership.dues_outstanding = entry.get("outstanding", 0.0)
            membership.dues_arrears = entry.get("arrears", 0.0)
            membership.dues_overdue_since = entry.get("since", False)

    @api.depends("dues_overdue_since")
    def _compute_dues_days_overdue(self):
        today = fields.Date.context_today(self)
        for membership in self:
            membership.dues_days_overdue = lights.days_overdue(membership.dues_overdue_since, today)

    # ------------------------------------------------------------------
    # Suspension for unpaid dues, and reinstatement on payment
    # ------------------------------------------------------------------

    @api.model
    def _suspend_for_dues(self, today=None):
        """Suspend the active memberships whose dues are red past their fee rule's
        suspension delay; one search, one state change for all of them."""
        today = today or fields.Date.context_today(self)
        lines = self.env["eboc.dues.line"].search(
            [
                ("light", "=", lights.RED),
                ("date_suspend", "!=", False),
                ("date_suspend", "<", today),
                ("membership_id.state", "=", lifecycle.ACTIVE),
            ]
        )
        memberships = lines.membership_id
        if not memberships:
            return memberships
        memberships._change_state(lifecycle.SUSPENDED, {"dues_suspended": True})
        for line in lines.grouped("membership_id").values():
            line = line[0]
            line.membership_id.message_post(
                body=self.env._(
                    "Suspended automatically: dues invoice %(invoice)s for %(period)s is "
                    "unpaid %(days)s days after its due date.",
                    invoice=line.move_id.name,
                    period=line.period_id.name,
                    days=line.days_overdue,
                ),
            )
        return memberships

    def _reinstate_paid(self):
        """Reinstate the memberships suspended for dues that have nothing red left."""
        paid = self.filtered(
            lambda m: (
                m.dues_suspended and m.state == lifecycle.SUSPENDED and m.dues_light != lights.RED
            )
        )
        if not paid:
            return paid
        paid._change_state(lifecycle.ACTIVE, {"dues_suspended": False})
        for membership in paid:
            membership.message_post(
                body=self.env._("Reinstated automatically: the overdue dues are paid.")
            )
        return paid

    @api.constrains("dues_amount")
    def _check_dues_amount(self):
        if any(membership.dues_amount < 0 for membership in self):
            raise ValidationError(self.env._("Negotiated dues cannot be negative."))

    @api.depends_context("uid")
    def _compute_can_edit_dues(self):
        self.can_edit_dues = self.env.user.has_group("eboc_dues.group_eboc_dues_officer")

    @api.depends(
        "association_id",
        "membership_type_id",
        "date_start",
        "date_join",
        "dues_exempt",
        "dues_negotiated",
        "dues_amount",
        "partner_id.size_class_id",
        "partner_id.employee_count",
        "partner_id.turnover",
    )
    @api.depends_context("company")
    def _compute_dues_estimate(self):
        today = fields.Date.context_today(self)
        period = self.env["eboc.dues.period"]._get_period_for(today)
        FeeRule = self.env["eboc.fee.rule"]
        prices = FeeRule._price_memberships(self, period) if period else {}
        for membership in self:
            price = prices.get(membership.id)
            membership.dues_period_id = period
            membership.fee_rule_id = price["rule"] if price else False
            membership.dues_estimate = price["dues"] if price else 0.0
            membership.entrance_fee_estimate = price["entrance"] if price else 0.0
            membership.dues_warnings = (
                ", ".join(FeeRule._warning_labels(price["warnings"])) if price else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        if any(name in vals for vals in vals_list for name in DUES_FIELDS):
            self._check_can_edit_dues()
        return super().create(vals_list)

    def write(self, vals):
        if any(name in vals for name in DUES_FIELDS):
            self._check_can_edit_dues()
        if vals.get("state") not in (None, lifecycle.SUSPENDED) and "dues_suspended" not in vals:
            # Reinstated or ended by hand: no longer waiting for a payment.
            vals = {**vals, "dues_suspended": False}
        return super().write(vals)

    def _check_can_edit_dues(self):
        """Exemptions and negotiated amounts are a dues officer's decision."""
        if not self.env.su and not self.env.user.has_group("eboc_dues.group_eboc_dues_officer"):
            raise AccessError(
                self.env._("Only dues officers can exempt a membership or negotiate its dues.")
            )

    def _eboc_certificate_refusal(self):
        """In good standing: no dues overdue beyond the grace period (a red light)."""
        refusal = super()._eboc_certificate_refusal()
        if refusal or self.dues_light != lights.RED:
            return refusal
        return self.env._(
            "A membership certificate is issued to members in good standing: dues of this "
            "membership are overdue. Once they are paid, the certificate can be downloaded."
        )
