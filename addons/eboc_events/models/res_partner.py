from collections import defaultdict

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    service_record_ids = fields.One2many("eboc.service.record", "partner_id", string="Services")
    service_count = fields.Integer("Services Used", compute="_compute_service_stats")
    service_last_date = fields.Datetime("Last Service", compute="_compute_service_stats")
    service_summary = fields.Char("Services by Type", compute="_compute_service_stats")

    def _compute_service_stats(self):
        """Counts per service type and the last service, for all companies at once."""
        groups = self.env["eboc.service.record"]._read_group(
            [("partner_id", "in", self._origin.ids)],
            ["partner_id", "service_type_id"],
            ["__count", "date:max"],
        )
        stats = defaultdict(lambda: {"count": 0, "last": False, "types": []})
        for partner, service_type, count, last in groups:
            entry = stats[partner.id]
            entry["count"] += count
            entry["last"] = max(entry["last"] or last, last)
            entry["types"].append((count, service_type.name))
        for partner in self:
            entry = stats[partner._origin.id]
            partner.service_count = entry["count"]
            partner.service_last_date = entry["last"]
            partner.service_summary = ", ".join(
                f"{name} ({count})" for count, name in sorted(entry["types"], reverse=True)
            )

    def action_log_service(self):
        """Open a new service record for this company, in a dialog."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a Service"),
            "res_model": "eboc.service.record",
            "view_mode": "form",
            "views": [(self.env.ref("eboc_events.eboc_service_record_view_form_quick").id, "form")],
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }

    def action_open_services(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_events.eboc_service_record_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
