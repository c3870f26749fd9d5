from odoo import fields, models


class EbocLegalForm(models.Model):
    _name = "eboc.legal.form"
    _description = "Legal Form"
    _order = "sequence, name"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short form, for example LLC, SA or GmbH.")
    sequence = fields.Integer(default=10)
    country_id = fields.Many2one("res.country", help="Leave empty when the form exists everywhere.")
    active = fields.Boolean(default=True)
