from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user

from .common import EbocCampaignsEventsCase


class TestAccess(EbocCampaignsEventsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(
            "event_promotion", association=cls.metal, event_ids=cls.hr_day.ids, goal=2
        )
        cls._register(cls.hr_day, cls.steel_hr, cls.campaign)

    def _arch(self, model, user, view="form"):
        return self.env[model].with_user(user).get_views([(False, view)])["views"][view]["arch"]

    def test_communications_officer_links_events_without_event_rights(self):
        campaign = self.campaign.with_user(self.communication)
        Event = self.env["event.event"].with_user(self.communication)
        self.assertIn(self.safety_day.id, [id_ for id_, _name in Event.name_search("Safety")])
        # Search More lists the events with what an EBMO user may read.
        view = self.env.ref("eboc_campaigns_events.event_event_view_list_campaign")
        arch = Event.get_views([(view.id, "list"), (False, "search")])["views"]["list"]["arch"]
        names = etree.fromstring(arch).xpath("//field/@name")
        self.assertIn("date_begin", names)
        records = Event.web_search_read(
            [("id", "=", self.safety_day.id)],
            {
                name: {"fields": {"display_name": {}}} if name.endswith("_id") else {}
                for name in names
            },
        )["records"]
        self.assertEqual(records[0]["name"], "Safety Day")
        campaign.event_ids += self.safety_day
        self.assertEqual(campaign.event_ids, self.hr_day | self.safety_day)
        self.assertEqual(campaign.registration_count, 1)
        # Reading events is all: neither the events nor their registrations are theirs.
        with self.assertRaises(AccessError):
            self.safety_day.with_user(self.communication).name = "Renamed"
        with self.assertRaises(AccessError):
            self.env["event.registration"].with_user(self.communication).search([])
        self.assertNotIn(
            "action_open_registrations", self._arch("eboc.campaign", self.communication)
        )

    def test_ebmo_user_reads_the_events_and_changes_nothing(self):
        campaign = self.campaign.with_user(self.user)
        form = Form(campaign)
        self.assertEqual(form.event_ids[0].name, "HR Day")
        self.assertEqual(form.registration_count, 1)
        self.assertEqual(campaign.result_count, 1)
        with self.assertRaises(AccessError):
            campaign.event_ids += self.safety_day
        with self.assertRaises(AccessError):
            self.hr_day.with_user(self.user).name = "Renamed"
        # The smart buttons that open events and registrations are for event staff.
        arch = self._arch("eboc.campaign", self.user)
        self.assertNotIn("action_open_events", arch)
        self.assertNotIn("action_open_registrations", arch)
        desk = new_test_user(
            self.env,
            login="eboc_campaign_desk",
            groups="base.group_user,event.group_event_registration_desk,"
            "eboc_membership.group_eboc_user",
        )
        arch = self._arch("eboc.campaign", desk)
        self.assertIn("action_open_events", arch)
        self.assertIn("action_open_registrations", arch)
        registrations = self.env["event.registration"].with_user(desk)
        action = self.campaign.with_user(desk).action_open_registrations()
        self.assertEqual(registrations.search(action["domain"]).partner_id, self.steel_hr)

    def test_event_users_see_campaigns_only_as_ebmo_users(self):
        event = self.hr_day.with_user(self.event_user)
        with self.assertRaises(AccessError):
            event.read(["eboc_campaign_count"])
        with self.assertRaises(AccessError):
            self.env["eboc.campaign"].with_user(self.event_user).search([])
        self.assertNotIn("eboc_campaign_count", self._arch("event.event", self.event_user))
        self.assertEqual(Form(event).name, "HR Day")  # the form still opens
        # An event user who is also an EBMO user sees them and opens them.
        event = self.hr_day.with_user(self.event_ebmo_user)
        self.assertIn("eboc_campaign_count", self._arch("event.event", self.event_ebmo_user))
        self.assertEqual(Form(event).eboc_campaign_count, 1)
        action = event.action_eboc_open_campaigns()
        self.assertEqual(
            self.env["eboc.campaign"].with_user(self.event_ebmo_user).search(action["domain"]),
            self.campaign,
        )
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.event_ebmo_user).event_ids = False

    def test_restricted_users_count_the_campaigns_of_their_associations(self):
        self._campaign("event_promotion", association=self.hotel, event_ids=self.hr_day.ids)
        self.assertEqual(self.hr_day.with_user(self.manager).eboc_campaign_count, 2)
        self.assertEqual(
            self.hr_day.with_user(self.restricted_communication).eboc_campaign_count, 1
        )
