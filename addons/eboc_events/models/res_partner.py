from collections import defaultdict

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    service_record_ids = fields.One2many("eboc.service.record", "partner_id", string="Services")
    service_count = fields.Integer("Services Used", compute="_compute_service_stats")
    service_last_date = fields.Datetime("Last Service", compute="_compute_service_stats")
    service_summary = fields.Char("Services by Type", compute="_compute_service_stats")
    event_attended_count = fields.Integer("Events Attended", compute="_compute_event_stats")
    event_last_attended = fields.Datetime("Last Event Attended", compute="_compute_event_stats")
    last_interaction_date = fields.Datetime(
        "Last Interaction",
        compute="_compute_event_stats",
        help="The last service given to the company or event it attended.",
    )

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

    @api.depends("service_last_date")
    def _compute_event_stats(self):
        """Events attended by the company's people, and the last interaction."""
        groups = (
            self.env["event.registration"]
            .sudo()
            ._read_group(
                [("eboc_company_id", "in", self._origin.ids), ("state", "=", "done")],
                ["eboc_company_id"],
                ["event_id:count_distinct", "date_closed:max"],
            )
        )
        stats = {company.id: (count, last) for company, count, last in groups}
        for partner in self:
            count, last = stats.get(partner._origin.id, (0, False))
            partner.event_attended_count = count
            partner.event_last_attended = last
            dates = [date for date in (last, partner.service_last_date) if date]
            partner.last_interaction_date = max(dates) if dates else False

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
