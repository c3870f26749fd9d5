from collections import defaultdict

from odoo import api, fields, models

from . import lights
from .eboc_dues_line import LIGHT_SELECTION


class ResPartner(models.Model):
    _inherit = "res.partner"

    dues_line_ids = fields.One2many("eboc.dues.line", "partner_id", string="Dues Lines")
    dues_light = fields.Selection(
        LIGHT_SELECTION,
        compute="_compute_dues_status",
        store=True,
        index=True,
        help="The worst light of the company's dues: grey nothing due, green paid, amber "
        "due, red overdue beyond the grace period.",
    )
    dues_outstanding = fields.Monetary(
        compute="_compute_dues_status",
        store=True,
        help="What the company's posted dues invoices still ask for.",
    )
    dues_arrears = fields.Monetary(
        "Arrears",
        compute="_compute_dues_status",
        store=True,
        help="What is still open on the company's dues invoices that are red.",
    )
    dues_overdue_since = fields.Date(
        "Overdue Since",
        compute="_compute_dues_status",
        store=True,
        help="Due date of the oldest red dues invoice.",
    )
    dues_days_overdue = fields.Integer("Days Overdue", compute="_compute_dues_days_overdue")

    @api.depends("dues_line_ids.light", "dues_line_ids.amount_residual")
    def _compute_dues_status(self):
        # One grouped query for all the companies; as superuser, because a stored
        # light must not depend on who triggered its computation.
        groups = (
            self.env["eboc.dues.line"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self._origin.ids)],
                ["partner_id", "light"],
                ["amount_residual:sum", "invoice_date_due:min"],
            )
        )
        status = defaultdict(lambda: {"lights": [], "outstanding": 0.0, "arrears": 0.0})
        for partner, light, residual, date_due in groups:
            entry = status[partner.id]
            entry["lights"].append(light)
            if light in (lights.AMBER, lights.RED):
                entry["outstanding"] += residual
            if light == lights.RED:
                entry["arrears"] += residual
                entry["since"] = date_due
        for partner in self:
            entry = status.get(partner._origin.id, {})
            partner.dues_light = lights.worst(entry.get("lights", ()))
            partner.dues_outstanding = entry.get("outstanding", 0.0)
            partner.dues_arrears = entry.get("arrears", 0.0)
            partner.dues_overdue_since = entry.get("since", False)

    @api.depends("dues_overdue_since")
    def _compute_dues_days_overdue(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.dues_days_overdue = lights.days_overdue(partner.dues_overdue_since, today)
