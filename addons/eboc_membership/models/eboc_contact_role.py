from odoo import fields, models


class EbocContactRole(models.Model):
    """A role a person plays for a member company: CEO, HR manager, OSH specialist..."""

    _name = "eboc.contact.role"
    _description = "Contact Role"
    _order = "sequence, name"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A contact role code must be unique."),
    ]
