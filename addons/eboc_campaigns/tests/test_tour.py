from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCampaignTour(HttpCase):
    def test_officer_creates_a_campaign_for_a_segment(self):
        new_test_user(
            self.env,
            login="tour_communication",
            email="tour.communication@example.com",
            groups="base.group_user,eboc_campaigns.group_eboc_communication",
        )
        company = self.env["res.partner"].create(
            {"name": "Tour Prospect Works", "is_company": True}
        )
        self.env["res.partner"].create(
            {
                "name": "Tour HR Contact",
                "parent_id": company.id,
                "email": "hr@tourprospect.example.com",
                "key_role_ids": [self.env.ref("eboc_membership.contact_role_hr").id],
            }
        )
        self.env["eboc.segment"].create(
            {"name": "Tour Prospects", "domain": repr([("id", "=", company.id)])}
        )
        self.start_tour(
            "/odoo/action-eboc_campaigns.eboc_campaign_action",
            "eboc_campaign_tour",
            login="tour_communication",
        )
        campaign = self.env["eboc.campaign"].search([("title", "=", "Tour recruitment drive")])
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.campaign_type, "recruitment")
        self.assertEqual(campaign.goal, 5)
        self.assertEqual(campaign.target_ids.partner_id, company)
        self.assertEqual(campaign.target_ids.state_at_start, "none")
        self.assertEqual(campaign.reachable_count, 1)
