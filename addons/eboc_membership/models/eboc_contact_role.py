from odoo import fields, models

PORTAL_RIGHTS = ("pays_dues", "edits_profile")


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
    # What a contact with this role may do for its company on the member portal. Every
    # contact with portal access sees the company's pages; these rights add actions.
    portal_pays_dues = fields.Boolean(
        "Pays Dues Online",
        help="Contacts with this role pay their company's dues invoices online on the "
        "member portal.",
    )
    portal_edits_profile = fields.Boolean(
        "Edits the Company Profile",
        help="Contacts with this role update their company's profile on the member portal "
        "(some changes wait for an officer's approval).",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "A contact role code must be unique."),
    ]

    def _grants(self, right):
        """Whether one of these roles grants ``right`` (one of ``PORTAL_RIGHTS``) on the
        member portal. The roles say it, so that an EBMO configures who pays and who
        edits from the Contact Roles menu; a person has the rights of all its roles."""
        if right not in PORTAL_RIGHTS:
            raise ValueError(right)
        return any(self.sudo().mapped(f"portal_{right}"))
