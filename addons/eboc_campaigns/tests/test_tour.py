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


@tagged("post_install", "-at_install")
class TestLobbyingTour(HttpCase):
    def test_officer_sends_a_lobbying_questionnaire(self):
        new_test_user(
            self.env,
            login="tour_lobbyist",
            email="tour.lobbyist@example.com",
            groups="base.group_user,eboc_campaigns.group_eboc_communication",
        )
        company = self.env["res.partner"].create({"name": "Tour Member Works", "is_company": True})
        ceo = self.env["res.partner"].create(
            {
                "name": "Tour Member CEO",
                "parent_id": company.id,
                "email": "ceo@tourmember.example.com",
                "key_role_ids": [self.env.ref("eboc_membership.contact_role_ceo").id],
            }
        )
        segment = self.env["eboc.segment"].create(
            {"name": "Tour Members", "domain": repr([("id", "=", company.id)])}
        )
        survey = self.env["survey.survey"].create(
            {
                "title": "Tour energy questionnaire",
                "access_mode": "token",
                "question_and_page_ids": [
                    (
                        0,
                        0,
                        {
                            "title": "Are energy prices a threat?",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                (0, 0, {"value": "Yes"}),
                                (0, 0, {"value": "No"}),
                            ],
                        },
                    ),
                ],
            }
        )
        campaign = self.env["eboc.campaign"].create(
            {
                "title": "Tour energy survey",
                "campaign_type": "lobbying",
                "segment_id": segment.id,
                "contact_role_ids": [self.env.ref("eboc_membership.contact_role_ceo").id],
                "key_contacts_only": True,
                "survey_id": survey.id,
                "anonymous": True,
            }
        )
        self.start_tour(
            f"/odoo/action-eboc_campaigns.eboc_campaign_action/{campaign.id}",
            "eboc_lobbying_tour",
            login="tour_lobbyist",
        )
        self.assertEqual(campaign.state, "running")
        answer = self.env["survey.user_input"].search([("eboc_campaign_id", "=", campaign.id)])
        self.assertEqual(answer.partner_id, ceo)
        self.assertEqual(campaign.invited_partner_ids, ceo)
