from collections import defaultdict

from odoo import api, fields, models

# The registrations a campaign counts: registered or attended, neither unconfirmed nor
# cancelled. The campaign analysis (report/eboc_campaign_report.py) counts the same.
REGISTRATION_STATES = ("open", "done")


class EbocCampaign(models.Model):
    _inherit = "eboc.campaign"

    event_ids = fields.Many2many(
        "event.event",
        "eboc_campaign_event_event_rel",
        "campaign_id",
        "event_id",
        string="Events",
        check_company=True,
        help="The events the campaign promotes. Registrations to them that came through "
        "the campaign are its registrations; for an event promotion they are its result.",
    )
    event_count = fields.Integer(compute="_compute_event_count")
    registration_count = fields.Integer(
        "Registrations",
        compute="_compute_registration_count",
        help="Registrations to the campaign's events, registered or attended, that came "
        "through the campaign: made from a link of its mailings, or entered with the "
        "campaign as their UTM campaign.",
    )

    @api.depends("event_ids")
    def _compute_event_count(self):
        for campaign in self:
            campaign.event_count = len(campaign.event_ids)

    @api.depends("event_ids")
    def _compute_registration_count(self):
        """Count in one grouped query for all the campaigns, as superuser: they are
        figures, and reading registrations is for event staff."""
        groups = (
            self.env["event.registration"]
            .sudo()
            ._read_group(
                self._get_registration_domain(), ["utm_campaign_id", "event_id"], ["__count"]
            )
        )
        counts = defaultdict(int)
        for utm_campaign, event, count in groups:
            counts[utm_campaign.id, event.id] = count
        for campaign in self:
            campaign.registration_count = sum(
                counts[campaign.utm_campaign_id.id, event.id] for event in campaign.event_ids
            )

    def _get_registration_domain(self):
        """Return the domain of the registrations that came through the campaign: to
        one of its events, with its UTM campaign, registered or attended. For several
        campaigns it also matches one campaign's UTM on another's events: group by
        both to count per campaign."""
        return [
            ("utm_campaign_id", "in", self.utm_campaign_id.ids),
            ("event_id", "in", self.event_ids.ids),
            ("state", "in", REGISTRATION_STATES),
        ]

    def action_open_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("event.action_event_view")
        action["domain"] = [("id", "in", self.event_ids.ids)]
        action["context"] = {}
        return action

    def action_open_registrations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Registrations"),
            "res_model": "event.registration",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": self._get_registration_domain(),
            # Registrations entered from here (by phone, say) are the campaign's too.
            "context": {"default_utm_campaign_id": self.utm_campaign_id.id},
        }
