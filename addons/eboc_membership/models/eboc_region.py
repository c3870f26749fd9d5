from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EbocRegion(models.Model):
    _name = "eboc.region"
    _description = "Region"
    _parent_store = True
    _order = "complete_name"
    _rec_names_search = ["complete_name", "name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    parent_id = fields.Many2one(
        "eboc.region", string="Parent Region", index=True, ondelete="restrict"
    )
    child_ids = fields.One2many("eboc.region", "parent_id", string="Sub-regions")
    parent_path = fields.Char(index=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    country_id = fields.Many2one("res.country")
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for region in self:
            if region.parent_id:
                region.complete_name = f"{region.parent_id.complete_name} / {region.name}"
            else:
                region.complete_name = region.name

    @api.depends("complete_name")
    def _compute_display_name(self):
        for region in self:
            region.display_name = region.complete_name

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A region cannot be its own ancestor."))
