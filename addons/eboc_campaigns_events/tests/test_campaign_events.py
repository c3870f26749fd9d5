from odoo.tests import Form

from .common import EbocCampaignsEventsCase


class TestCampaignEvents(EbocCampaignsEventsCase):
    def test_officer_links_the_events_a_campaign_promotes(self):
        campaign = self._campaign("event_promotion", goal=10).with_user(self.communication)
        with Form(campaign) as form:
            form.event_ids.add(self.hr_day)
            form.event_ids.add(self.safety_day)
        self.assertEqual(campaign.event_ids, self.hr_day | self.safety_day)
        self.assertEqual(campaign.event_count, 2)
        action = campaign.action_open_events()
        self.assertEqual(
            self.env["event.event"].search(action["domain"]), self.hr_day | self.safety_day
        )
        # The event shows the campaigns that promote it.
        event = self.hr_day.with_user(self.event_ebmo_user)
        self.assertEqual(event.eboc_campaign_count, 1)
        self.assertEqual(self.safety_day.eboc_campaign_count, 1)
        action = event.action_eboc_open_campaigns()
        self.assertEqual(self.env["eboc.campaign"].search(action["domain"]), campaign)
        self.assertEqual(action["context"]["default_event_ids"], self.hr_day.ids)

    def test_only_event_promotions_offer_the_events_field_at_first(self):
        lobbying = self._campaign("lobbying").with_user(self.communication)
        with Form(lobbying) as form, self.assertRaises(AssertionError):
            form.event_ids.add(self.hr_day)  # invisible until the type is event promotion
        with Form(lobbying) as form:
            form.campaign_type = "event_promotion"
            form.event_ids.add(self.hr_day)
            form.campaign_type = "lobbying"  # the link stays, and so does the field
        self.assertEqual(lobbying.event_ids, self.hr_day)

    def test_registrations_through_the_campaign_are_counted(self):
        campaign = self._campaign("event_promotion", event_ids=self.hr_day.ids)
        other = self._campaign("service_promotion", event_ids=self.hr_day.ids)
        registered = self._register(self.hr_day, self.steel_hr, campaign)
        attended = self._register(self.hr_day, self.forge_hr, campaign, state="done")
        self._register(self.hr_day, self.inn_hr, campaign, state="cancel")
        self._register(self.hr_day, self.steel_ceo, campaign, state="draft")
        elsewhere = self._register(self.safety_day, self.steel_hr, campaign)
        self._register(self.hr_day, self.steel_hr_deputy, other)
        self._register(self.hr_day, self.inn_hr)
        self.assertEqual(campaign.registration_count, 2)
        self.assertEqual(other.registration_count, 1)
        action = campaign.action_open_registrations()
        self.assertEqual(
            self.env["event.registration"].search(action["domain"]), registered | attended
        )
        self.assertEqual(action["context"]["default_utm_campaign_id"], campaign.utm_campaign_id.id)
        # Linking the other event brings its registrations through the campaign in.
        campaign.event_ids += self.safety_day
        self.assertEqual(campaign.registration_count, 3)
        self.assertEqual(
            self.env["event.registration"].search(campaign.action_open_registrations()["domain"]),
            registered | attended | elsewhere,
        )

    def test_mailing_links_carry_the_campaign(self):
        """What tags a registration made from a mailing link: the link's UTM campaign,
        which is the campaign's own."""
        campaign = self._campaign("event_promotion", event_ids=self.hr_day.ids)
        campaign.action_start()
        context = campaign.action_new_mailing()["context"]
        mailing = (
            self.env["mailing.mailing"]
            .with_context(**context)
            .create(
                {
                    "subject": "HR Day",
                    "body_html": '<p><a href="https://example.com/hr">Join</a></p>',
                }
            )
        )
        self.assertEqual(
            mailing._get_link_tracker_values()["campaign_id"], campaign.utm_campaign_id.id
        )

    def test_event_promotion_counts_registrations_toward_its_goal(self):
        campaign = self._campaign(
            "event_promotion",
            segment=self.segment_metal,
            contact_role_ids=[self.role_hr.id],
            event_ids=self.hr_day.ids,
            goal=4,
        )
        service = self._campaign(
            "service_promotion",
            segment=self.segment_metal,
            contact_role_ids=[self.role_hr.id],
            event_ids=self.hr_day.ids,
            goal=4,
        )
        lobbying = self._campaign("lobbying", event_ids=self.hr_day.ids, goal=4)
        for promotion in campaign | service:
            promotion.action_start()
            mailing = self.env["mailing.mailing"].create(
                {
                    "subject": "HR Day",
                    "body_html": "<p>Join us.</p>",
                    "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "eboc_campaign_id": promotion.id,
                }
            )
            mailing.action_send_mail()
            self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])[
                :1
            ].set_clicked()
        self._register(self.hr_day, self.steel_hr, campaign)
        self._register(self.hr_day, self.forge_hr, campaign, state="done")
        self._register(self.hr_day, self.steel_ceo, service)
        self._register(self.hr_day, self.inn_hr, lobbying)
        # An event promotion counts its registrations, not its clicks.
        self.assertEqual(campaign.clicked_count, 1)
        self.assertEqual(campaign.registration_count, 2)
        self.assertEqual(campaign.result_count, 2)
        self.assertEqual(campaign.goal_progress, 50.0)
        # Other types keep their own measure; their registrations are shown all the same.
        self.assertEqual(service.registration_count, 1)
        self.assertEqual(service.result_count, 1)  # its one click
        self.assertEqual(lobbying.registration_count, 1)
        self.assertEqual(lobbying.result_count, 0)  # no answered questionnaire
        self.assertEqual(lobbying.goal_progress, 0.0)
        # The campaign analysis says the same.
        rows = {
            row["campaign_id"][0]: row
            for row in self.env["eboc.campaign.report"].search_read(
                [("campaign_id", "in", (campaign | service | lobbying).ids)],
                ["campaign_id", "registration_count", "result_count", "goal_progress"],
            )
        }
        self.assertEqual(
            [
                (rows[c.id]["registration_count"], rows[c.id]["result_count"])
                for c in (campaign, service, lobbying)
            ],
            [(2, 2), (1, 1), (1, 0)],
        )
        self.assertEqual(rows[campaign.id]["goal_progress"], 50.0)

    def test_registration_counts_take_the_same_queries_for_one_or_many_campaigns(self):
        campaigns = self.env["eboc.campaign"]
        for index in range(4):
            campaign = self._campaign(
                "event_promotion", title=f"Drive {index}", event_ids=self.hr_day.ids
            )
            self._register(self.hr_day, self.steel_hr, campaign)
            campaigns |= campaign
        for records in (campaigns[:1], campaigns):
            self.env.invalidate_all()
            # The campaigns, their events, the registrations grouped.
            with self.assertQueryCount(4):
                counts = records.mapped("registration_count")
            self.assertEqual(counts, [1] * len(records))
