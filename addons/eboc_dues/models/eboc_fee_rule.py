from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import LazyTranslate

from . import fees

_lt = LazyTranslate(__name__)

WARNING_LABELS = {
    "no_rule": _lt("No fee rule applies"),
    "no_size_class": _lt("No size class"),
    "no_size_amount": _lt("No amount for this size class"),
    "no_employee_count": _lt("No employee count"),
    "no_turnover": _lt("No turnover"),
}


class EbocFeeRule(models.Model):
    """How much a membership of an association (and type) pays per dues period."""

    _name = "eboc.fee.rule"
    _description = "Fee Rule"
    _inherit = ["mail.thread"]
    _order = "association_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    association_id = fields.Many2one(
        "eboc.association", required=True, index=True, tracking=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="association_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    membership_type_ids = fields.Many2many(
        "eboc.membership.type",
        string="Membership Types",
        help="Leave empty for every type. A rule naming the membership's type wins over "
        "a rule for every type.",
    )
    method = fields.Selection(
        [
            ("flat", "Flat amount"),
            ("size", "By size class"),
            ("employee", "Per employee"),
            ("turnover", "Percentage of turnover"),
        ],
        required=True,
        default="flat",
        tracking=True,
    )
    amount_flat = fields.Monetary("Amount", tracking=True)
    size_line_ids = fields.One2many("eboc.fee.rule.size", "rule_id", string="Amounts by Size")
    amount_per_employee = fields.Monetary("Per Employee", tracking=True)
    turnover_rate = fields.Float("Turnover Rate (%)", digits=(16, 4), tracking=True)
    amount_min = fields.Monetary("Minimum", tracking=True)
    amount_max = fields.Monetary("Maximum", tracking=True, help="0 means no maximum.")
    entrance_fee = fields.Monetary(tracking=True, help="Charged once, in the first period.")
    proration = fields.Selection(
        [("none", "No proration"), ("month", "By month"), ("day", "By day")],
        required=True,
        default="month",
        tracking=True,
        help="How members joining during a period pay for its remaining part. By month, "
        "the month of joining counts in full.",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Dues Product",
        required=True,
        default=lambda self: self.env.ref("eboc_dues.product_membership_dues", False),
        domain=[("type", "=", "service")],
        check_company=True,
    )
    entrance_product_id = fields.Many2one(
        "product.product",
        string="Entrance Fee Product",
        default=lambda self: self.env.ref("eboc_dues.product_entrance_fee", False),
        domain=[("type", "=", "service")],
        check_company=True,
    )
    account_id = fields.Many2one(
        "account.account",
        string="Income Account",
        check_company=True,
        domain=[("account_type", "in", ("income", "income_other"))],
        help="Leave empty to use the product's income account.",
    )
    tax_ids = fields.Many2many(
        "account.tax",
        string="Taxes",
        check_company=True,
        domain=[("type_tax_use", "=", "sale")],
        help="Leave empty to use the product's taxes.",
    )
    grace_days = fields.Integer(
        default=30,
        tracking=True,
        help="Days after the due date before an unpaid invoice turns the light red.",
    )
    suspend_after_days = fields.Integer(
        "Suspend After (Days)",
        tracking=True,
        help="Suspend an active membership automatically when its dues have been red "
        "for this many days; it is reinstated as soon as they are paid. 0 never "
        "suspends.",
    )
    note = fields.Text()

    @api.constrains(
        "grace_days",
        "suspend_after_days",
        "amount_flat",
        "amount_per_employee",
        "turnover_rate",
        "amount_min",
        "amount_max",
        "entrance_fee",
    )
    def _check_amounts(self):
        for rule in self:
            figures = (
                rule.grace_days,
                rule.suspend_after_days,
                rule.amount_flat,
                rule.amount_per_employee,
                rule.turnover_rate,
                rule.amount_min,
                rule.amount_max,
                rule.entrance_fee,
            )
            if any(figure < 0 for figure in figures):
                raise ValidationError(
                    self.env._(
                        "Fee rule %(name)s: amounts, rates and days cannot be negative.",
                        name=rule.name,
                    )
                )
            if rule.amount_max and rule.amount_min > rule.amount_max:
                raise ValidationError(
                    self.env._(
                        "The minimum of fee rule %(name)s is above its maximum.", name=rule.name
                    )
                )

    # ------------------------------------------------------------------
    # Pricing
    # ------------------------------------------------------------------

    @api.model
    def _get_rules(self, memberships):
        """Return {membership id: rule} for the memberships, in one search.

        A rule naming the membership's type wins over a rule for every type; then the
        lowest sequence wins.
        """
        rules = self.search([("association_id", "in", memberships.association_id.ids)])
        by_association = {}
        for rule in rules:
            by_association.setdefault(rule.association_id.id, []).append(rule)
        result = {}
        for membership in memberships:
            candidates = by_association.get(membership.association_id.id, [])
            typed = [
                r for r in candidates if membership.membership_type_id in r.membership_type_ids
            ]
            generic = [r for r in candidates if not r.membership_type_ids]
            chosen = (typed or generic or [None])[0]
            if chosen:
                result[membership.id] = chosen
        return result

    @api.model
    def _price_memberships(self, memberships, period):
        """Price the memberships for a dues period, without a query per membership.

        Return {membership id: {"rule", "dues", "entrance", "warnings"}}; ``warnings`` is a
        tuple of codes (see ``WARNING_LABELS``) that a preview shows before billing.
        """
        rules = self._get_rules(memberships)
        result = {}
        for membership in memberships:
            rule = rules.get(membership.id)
            exempt = membership.dues_exempt or membership.membership_type_id.dues_exempt
            override = membership.dues_amount if membership.dues_negotiated else None
            if not rule:
                result[membership.id] = {
                    "rule": self.browse(),
                    "dues": 0.0,
                    "entrance": 0.0,
                    "warnings": () if exempt else ("no_rule",),
                }
                continue
            amount, warnings = rule._rule_amount(membership.partner_id)
            if exempt or override is not None:
                warnings = ()
            start = membership.date_start or membership.date_join
            factor = fees.proration_factor(rule.proration, period.date_from, period.date_to, start)
            first_period = bool(start) and period.date_from <= start <= period.date_to
            dues, entrance = fees.dues_for_period(
                amount,
                factor,
                entrance_fee=rule.entrance_fee,
                first_period=first_period,
                exempt=exempt,
                override=override,
            )
            currency = rule.currency_id
            result[membership.id] = {
                "rule": rule,
                "dues": currency.round(dues),
                "entrance": currency.round(entrance),
                "warnings": warnings,
            }
        return result

    def _rule_amount(self, partner):
        """Amount of this rule for a company, before proration, and its warnings."""
        self.ensure_one()
        return fees.rule_amount(
            self.method,
            flat=self.amount_flat,
            size_amounts={line.size_class_id.id: line.amount for line in self.size_line_ids},
            size_key=partner.size_class_id.id or None,
            per_employee=self.amount_per_employee,
            employees=partner.employee_count or None,
            turnover_rate=self.turnover_rate,
            turnover=partner.turnover or None,
            minimum=self.amount_min,
            maximum=self.amount_max,
        )

    @api.model
    def _warning_labels(self, codes):
        return [self.env._(WARNING_LABELS[code]) for code in codes]


class EbocFeeRuleSize(models.Model):
    _name = "eboc.fee.rule.size"
    _description = "Fee by Size Class"
    _order = "rule_id, size_class_id"

    rule_id = fields.Many2one("eboc.fee.rule", required=True, ondelete="cascade", index=True)
    size_class_id = fields.Many2one("eboc.size.class", required=True, ondelete="restrict")
    currency_id = fields.Many2one(related="rule_id.currency_id")
    amount = fields.Monetary(required=True)

    @api.constrains("rule_id", "size_class_id", "amount")
    def _check_line(self):
        for line in self:
            if line.amount < 0:
                raise ValidationError(self.env._("A fee cannot be negative."))
            if (
                len(
                    line.rule_id.size_line_ids.filtered(
                        lambda other, line=line: other.size_class_id == line.size_class_id
                    )
                )
                > 1
            ):
                raise ValidationError(
                    self.env._(
                        "Fee rule %(name)s has two amounts for %(size)s.",
                        name=line.rule_id.name,
                        size=line.size_class_id.name,
                    )
                )
