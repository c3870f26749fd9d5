from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from . import lights
from .eboc_dues_line import LIGHT_SELECTION


class ResPartner(models.Model):
    """A company's dues as its reader may see them.

    The figures are stored per membership (one association in one EBMO); a company's
    light, outstanding dues and arrears add up the memberships *the reader* can read,
    so that the association walls and the EBMO (company) walls of the membership
    rules hold in them too: an officer of one association never sees the dues of
    another in a company's totals. Being per reader, they are not stored: the lists
    that sort or group by dues do so on the memberships (Members in Arrears).
    """

    _inherit = "res.partner"

    dues_line_ids = fields.One2many("eboc.dues.line", "partner_id", string="Dues Lines")
    dues_light = fields.Selection(
        LIGHT_SELECTION,
        compute="_compute_dues_status",
        search="_search_dues_light",
        help="The worst light of the company's dues in the associations you work for: "
        "grey nothing due, green paid, amber due, red overdue beyond the grace period.",
    )
    dues_outstanding = fields.Monetary(
        compute="_compute_dues_status",
        help="What the company's posted dues invoices of your associations still ask for.",
    )
    dues_arrears = fields.Monetary(
        "Arrears",
        compute="_compute_dues_status",
        help="What is still open on the company's red dues invoices of your associations.",
    )
    dues_overdue_since = fields.Date(
        "Overdue Since",
        compute="_compute_dues_status",
        help="Due date of the oldest red dues invoice of your associations.",
    )
    dues_days_overdue = fields.Integer("Days Overdue", compute="_compute_dues_days_overdue")

    @api.depends(
        "membership_ids.dues_light",
        "membership_ids.dues_outstanding",
        "membership_ids.dues_arrears",
        "membership_ids.dues_overdue_since",
    )
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_dues_status(self):
        # One grouped query for the companies, with the reader's rights: the
        # membership rules (association and company) are the walls. Who may not read
        # memberships (an accountant without EBMO rights) sees nothing due.
        Membership = self.env["eboc.membership"]
        if not Membership.has_access("read"):
            self.update(
                {
                    "dues_light": lights.GREY,
                    "dues_outstanding": 0.0,
                    "dues_arrears": 0.0,
                    "dues_overdue_since": False,
                }
            )
            return
        groups = Membership._read_group(
            [("partner_id", "in", self._origin.ids)],
            ["partner_id"],
            [
                "dues_light:array_agg",
                "dues_outstanding:sum",
                "dues_arrears:sum",
                "dues_overdue_since:min",
            ],
        )
        status = {partner.id: rest for partner, *rest in groups}
        for partner in self:
            light_list, outstanding, arrears, since = status.get(
                partner._origin.id, ((), 0.0, 0.0, False)
            )
            partner.dues_light = lights.worst(light for light in light_list if light)
            partner.dues_outstanding = outstanding
            partner.dues_arrears = arrears
            partner.dues_overdue_since = since

    def _search_dues_light(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Dues lights are searched by equality only."))
        wanted = [value] if operator in ("=", "!=") else list(value)
        domain = expression.OR([self._dues_light_domain(light) for light in wanted])
        return ["!", *domain] if operator in ("!=", "not in") else domain

    @api.model
    def _dues_light_domain(self, light):
        """Companies whose worst readable membership light is ``light``: one of their
        memberships has it, none has a worse one (the subqueries apply the rules)."""
        severity = lights.SEVERITY[light]
        worse = [other for other in lights.LIGHTS if lights.SEVERITY[other] > severity]
        domain = [("membership_ids", "not any", [("dues_light", "in", worse)])] if worse else []
        if light != lights.GREY:
            domain = [("membership_ids", "any", [("dues_light", "=", light)]), *domain]
        return domain or [(1, "=", 1)]

    @api.depends("dues_overdue_since")
    def _compute_dues_days_overdue(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.dues_days_overdue = lights.days_overdue(partner.dues_overdue_since, today)
