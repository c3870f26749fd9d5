from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartnerIndustry(models.Model):
    """Odoo's industries become the sector tree: ISIC Rev.4 sections and divisions.

    Odoo ships the 21 ISIC/NACE sections as industries; this module gives them a code
    and a parent so that divisions hang below their section, and every Odoo app that
    already shows ``industry_id`` keeps working.
    """

    _inherit = "res.partner.industry"
    _parent_store = True
    _order = "complete_code, name"
    _rec_names_search = ["name", "full_name", "code"]

    code = fields.Char(
        index=True,
        help="ISIC Rev.4 code: a letter for a section, two digits for a division.",
    )
    parent_id = fields.Many2one(
        "res.partner.industry", string="Parent Sector", index=True, ondelete="restrict"
    )
    child_ids = fields.One2many("res.partner.industry", "parent_id", string="Sub-sectors")
    parent_path = fields.Char(index=True)
    complete_code = fields.Char(
        compute="_compute_complete_code",
        store=True,
        recursive=True,
        help="Codes of the sector and its parents, used to sort the tree.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "A sector code must be unique."),
    ]

    @api.depends("code", "parent_id.complete_code")
    def _compute_complete_code(self):
        for industry in self:
            parts = [industry.parent_id.complete_code, industry.code]
            industry.complete_code = "/".join(part for part in parts if part)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for industry in self:
            industry.display_name = (
                f"{industry.code} - {industry.name}" if industry.code else industry.name
            )

    @api.model
    def _search_display_name(self, operator, value):
        # What Odoo shows ("C - Manufacturing") finds the sector again by its code:
        # an export imports back.
        if operator == "=" and isinstance(value, str) and " - " in value:
            code, _name = value.split(" - ", 1)
            if self.search_count([("code", "=", code)], limit=1):
                return [("code", "=", code)]
        return super()._search_display_name(operator, value)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A sector cannot be its own ancestor."))
