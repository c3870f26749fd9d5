from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.eboc_campaigns.models import campaign_rules

from ..models.eboc_campaign import REGISTRATION_STATES


class EbocCampaignReport(models.Model):
    _inherit = "eboc.campaign.report"

    registration_count = fields.Integer("Registrations", readonly=True)

    def _get_extra_figures(self):
        """The registrations to the campaign's events that came through it, as the
        campaign counts them (``eboc.campaign._get_registration_domain``)."""
        events = self.env["eboc.campaign"]._fields["event_ids"]
        return {
            **super()._get_extra_figures(),
            "registration_count": SQL(
                """(SELECT COUNT(*)
                      FROM event_registration registration
                      JOIN %(rel)s campaign_event
                        ON campaign_event.%(event)s = registration.event_id
                     WHERE campaign_event.%(campaign)s = campaign.id
                       AND registration.utm_campaign_id = campaign.utm_campaign_id
                       AND registration.state IN %(states)s)""",
                rel=SQL.identifier(events.relation),
                event=SQL.identifier(events.column2),
                campaign=SQL.identifier(events.column1),
                states=REGISTRATION_STATES,
            ),
        }

    def _get_result_measures(self):
        """An event promotion counts the registrations it brought, not the clicks."""
        return {
            **super()._get_result_measures(),
            campaign_rules.EVENT_PROMOTION: "registration_count",
        }
