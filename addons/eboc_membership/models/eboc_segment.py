from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval


class EbocSegment(models.Model):
    """A named, saved selection of companies or contacts ("smart group").

    Reports, invitations, campaigns and dues runs take a segment and call
    :meth:`_get_records` to know whom it holds today.
    """

    _name = "eboc.segment"
    _description = "Segment"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    description = fields.Text()
    target = fields.Selection(
        [("company", "Companies"), ("contact", "Contacts")],
        required=True,
        default="company",
        tracking=True,
        help="Companies, or the persons who work for them.",
    )
    domain = fields.Char(
        "Filter",
        default="[]",
        required=True,
        tracking=True,
        help="Which records belong to the segment, edited with the filter editor.",
    )
    model_name = fields.Char(default="res.partner", readonly=True, required=True)
    record_count = fields.Integer("Records", compute="_compute_record_count")
    user_id = fields.Many2one("res.users", string="Owner", default=lambda self: self.env.user)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    active = fields.Boolean(default=True)

    def _compute_record_count(self):
        for segment in self:
            segment.record_count = self.env[segment.model_name].search_count(segment._get_domain())

    @api.constrains("domain")
    def _check_domain(self):
        for segment in self:
            try:
                segment._get_records(limit=1)
            except Exception as error:  # any broken filter, whatever its kind
                raise ValidationError(
                    self.env._(
                        "The filter of segment %(name)s is not valid: %(error)s",
                        name=segment.name,
                        error=error,
                    )
                ) from error

    def _get_base_domain(self):
        """Return the part of the domain that the target implies."""
        self.ensure_one()
        return [("is_company", "=", self.target == "company")]

    def _get_domain(self):
        """Return the full domain of the segment: its target plus its filter."""
        self.ensure_one()
        user_domain = safe_eval(self.domain or "[]", {"uid": self.env.uid})
        return self._get_base_domain() + list(user_domain)

    def _get_records(self, limit=None):
        """Return the records the segment holds now, as the current user sees them."""
        self.ensure_one()
        return self.env[self.model_name].search(self._get_domain(), limit=limit)

    def action_open_records(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self.model_name,
            "view_mode": "list,kanban,form",
            "views": [(False, "list"), (False, "kanban"), (False, "form")],
            "domain": self._get_domain(),
            "context": {"default_is_company": self.target == "company"},
        }

    def action_export_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/eboc_membership/segment/{self.id}/xlsx",
            "target": "download",
        }
