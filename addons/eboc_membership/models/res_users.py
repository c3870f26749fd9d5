from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    eboc_association_ids = fields.Many2many(
        "eboc.association",
        "eboc_association_restricted_user_rel",
        "user_id",
        "association_id",
        string="Restricted to Associations",
        help="When set, this user sees only the memberships and member companies of "
        "these associations and of the associations below them. Leave empty for all.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "eboc_association_ids" in vals:
            # Record rules read this field: their cached domains are now stale.
            self.env.registry.clear_cache()
        return res
