from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.eboc_campaigns.tests.common import EbocCampaignsCase


class EbocCampaignsEventsCase(EbocCampaignsCase):
    """The campaigns' federation, companies and contacts, with two events, an event
    user who is not an EBMO user and one who is."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_user = new_test_user(
            cls.env,
            login="eboc_event_user",
            groups="base.group_user,event.group_event_user",
        )
        cls.event_ebmo_user = new_test_user(
            cls.env,
            login="eboc_event_ebmo_user",
            groups="base.group_user,event.group_event_user,eboc_membership.group_eboc_user",
        )
        cls.hr_day = cls._event("HR Day", "2031-06-10 08:00")
        cls.safety_day = cls._event("Safety Day", "2031-06-24 08:00")

    @classmethod
    def _event(cls, name, date, hours=8):
        start = fields.Datetime.to_datetime(date)
        return cls.env["event.event"].create(
            {"name": name, "date_begin": start, "date_end": start + timedelta(hours=hours)}
        )

    @classmethod
    def _register(cls, event, partner, campaign=None, state="open"):
        """Register ``partner`` to ``event``, through ``campaign`` when given: what a
        registration made from a link of the campaign's mailings carries."""
        registration = cls.env["event.registration"].create(
            {
                "event_id": event.id,
                "partner_id": partner.id,
                "utm_campaign_id": campaign.utm_campaign_id.id if campaign else False,
            }
        )
        if state != "open":
            registration.state = state
        return registration
