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
