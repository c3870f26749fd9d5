from odoo import fields, models


class EbocMembershipType(models.Model):
    _name = "eboc.membership.type"
    _description = "Membership Type"
    _order = "sequence, name"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    voting_rights = fields.Boolean(
        default=True, help="Members of this type vote in the general assembly."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A membership type code must be unique."),
    ]
