from odoo import fields, models


class EbocLeavingReason(models.Model):
    _name = "eboc.leaving.reason"
    _description = "Reason for Leaving"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
