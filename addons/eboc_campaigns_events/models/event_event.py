from odoo import api, fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    eboc_campaign_count = fields.Integer(
        "Campaigns",
        compute="_compute_eboc_campaign_count",
        groups="eboc_membership.group_eboc_user",
        help="The campaigns that promote this event, among those you may see.",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_eboc_campaign_count(self):
        """One grouped query, under the user's own rights: a user restricted to some
        associations counts the campaigns of those associations only."""
        groups = self.env["eboc.campaign"]._read_group(
            [("event_ids", "in", self.ids)], ["event_ids"], ["__count"]
        )
        counts = {event.id: count for event, count in groups}
        for event in self:
            event.eboc_campaign_count = counts.get(event.id, 0)

    def action_eboc_open_campaigns(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_campaigns.eboc_campaign_action"
        )
        action["domain"] = [("event_ids", "in", self.ids)]
        action["context"] = {
            "default_event_ids": self.ids,
            "default_campaign_type": "event_promotion",
        }
        return action
