from odoo import fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    eboc_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Price Currency"
    )
    eboc_price_member = fields.Monetary(
        "Member Price",
        currency_field="eboc_currency_id",
        help="Price of a registration for a company with an active or suspended membership.",
    )
    eboc_price_non_member = fields.Monetary(
        "Non-member Price",
        currency_field="eboc_currency_id",
        help="Price of a registration for anyone else.",
    )
    eboc_price_association_id = fields.Many2one(
        "eboc.association",
        string="Own Price for Members of",
        help="Members of this association (and of those below it) pay their own price.",
    )
    eboc_price_association = fields.Monetary("Their Price", currency_field="eboc_currency_id")

    def _eboc_price_for(self, status):
        """The price of a registration with the member status ``status``."""
        self.ensure_one()
        return {
            "association": self.eboc_price_association,
            "member": self.eboc_price_member,
        }.get(status, self.eboc_price_non_member)
