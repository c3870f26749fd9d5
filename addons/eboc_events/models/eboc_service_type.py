from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EbocServiceType(models.Model):
    """An entry of the service catalogue: what staff do for companies."""

    _name = "eboc.service.type"
    _description = "Service Type"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        [
            ("advice", "Advice"),
            ("training", "Training"),
            ("certificate", "Certificates and Documents"),
            ("information", "Information"),
            ("representation", "Representation"),
            ("other", "Other"),
        ],
        required=True,
        default="advice",
    )
    included = fields.Boolean(
        "Included in Membership",
        default=True,
        help="Members get this service without paying for it; non-members pay the "
        "non-member price.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    price_member = fields.Monetary("Member Price")
    price_non_member = fields.Monetary("Non-member Price")
    description = fields.Text(translate=True)
    color = fields.Integer()
    record_count = fields.Integer("Services Given", compute="_compute_record_count")
    engagement_weight = fields.Float(
        "Engagement Points",
        default=1.0,
        help="What one service of this type adds to the company's engagement score.",
    )

    @api.constrains("engagement_weight")
    def _check_engagement_weight(self):
        if any(service_type.engagement_weight < 0 for service_type in self):
            raise ValidationError(self.env._("Engagement points cannot be negative."))

    def write(self, vals):
        result = super().write(vals)
        if "engagement_weight" in vals:
            self.env["res.partner"]._eboc_update_all_engagement()
        return result

    @api.onchange("included")
    def _onchange_included(self):
        if self.included:
            self.price_member = 0.0

    def _compute_record_count(self):
        groups = self.env["eboc.service.record"]._read_group(
            [("service_type_id", "in", self.ids)], ["service_type_id"], ["__count"]
        )
        counts = {service_type.id: count for service_type, count in groups}
        for service_type in self:
            service_type.record_count = counts.get(service_type.id, 0)
