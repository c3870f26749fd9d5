from odoo.exceptions import AccessError
from odoo.tests import Form

from .common import EbocCampaignsCase


class TestAccess(EbocCampaignsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.metal_campaign = cls._campaign(
            "recruitment", association=cls.metal, title="Metal drive"
        )
        cls.hotel_campaign = cls._campaign(
            "retention", association=cls.hotel, title="Hotel renewal"
        )

    def test_communications_officer_creates_starts_and_sends(self):
        campaign = (
            self.env["eboc.campaign"]
            .with_user(self.communication)
            .create(
                {
                    "title": "Officer campaign",
                    "campaign_type": "lobbying",
                    "segment_id": self.segment_all.id,
                    "survey_id": self.survey.id,
                    "contact_role_ids": [self.role_hr.id],
                }
            )
        )
        # The top of the federation, for an officer not restricted to associations.
        self.assertFalse(campaign.association_id.parent_id)
        self.assertEqual(campaign.user_id, self.communication)
        campaign.action_start()
        self.assertEqual(len(self._invite(campaign)), 4)
        campaign.action_done()
        self.assertEqual(campaign.state, "done")

    def test_ebmo_user_reads_results_and_changes_nothing(self):
        campaign = self.metal_campaign.with_user(self.user)
        form = Form(campaign)
        self.assertEqual(form.title, "Metal drive")
        self.assertEqual(campaign.conversion_count, 0)
        self.assertTrue(self.env["eboc.campaign.report"].with_user(self.user).search([]))
        with self.assertRaises(AccessError):
            campaign.title = "Renamed"
        with self.assertRaises(AccessError):
            self.env["eboc.campaign"].with_user(self.user).create(
                {"title": "Nope", "campaign_type": "lobbying", "segment_id": self.segment_all.id}
            )
        with self.assertRaises(AccessError):
            campaign.action_start()

    def test_membership_officer_is_not_a_communications_officer(self):
        with self.assertRaises(AccessError):
            self.env["eboc.campaign"].with_user(self.officer).create(
                {"title": "Nope", "campaign_type": "lobbying", "segment_id": self.segment_all.id}
            )
        with self.assertRaises(AccessError):
            self.metal_campaign.with_user(self.officer).unlink()

    def test_association_restriction(self):
        Campaign = self.env["eboc.campaign"].with_user(self.restricted_communication)
        visible = Campaign.search([("id", "in", (self.metal_campaign | self.hotel_campaign).ids)])
        self.assertEqual(visible, self.metal_campaign)
        with self.assertRaises(AccessError):
            self.hotel_campaign.with_user(self.restricted_communication).title = "Mine now"
        self.assertEqual(Campaign.new({}).association_id, self.metal)
        report = self.env["eboc.campaign.report"].with_user(self.restricted_communication)
        self.assertEqual(
            report.search(
                [("campaign_id", "in", (self.metal_campaign | self.hotel_campaign).ids)]
            ).campaign_id,
            self.metal_campaign,
        )
        # Managers see every association's campaigns.
        self.assertEqual(
            self.env["eboc.campaign"]
            .with_user(self.manager)
            .search([("id", "in", (self.metal_campaign | self.hotel_campaign).ids)]),
            self.metal_campaign | self.hotel_campaign,
        )

    def test_started_campaigns_are_cancelled_not_deleted(self):
        campaign = self.metal_campaign.with_user(self.communication)
        campaign.action_start()
        with self.assertRaisesRegex(Exception, "cancel it instead"):
            campaign.unlink()
        campaign.action_cancel()
        campaign.action_draft()
        utm = campaign.utm_campaign_id
        campaign.unlink()
        self.assertFalse(utm.exists())
