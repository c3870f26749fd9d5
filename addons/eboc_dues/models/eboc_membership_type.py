from odoo import fields, models


class EbocMembershipType(models.Model):
    _inherit = "eboc.membership.type"

    dues_exempt = fields.Boolean(
        "Exempt from Dues", help="Memberships of this type pay no dues (for example honorary)."
    )
