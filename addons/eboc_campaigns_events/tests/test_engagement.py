from odoo.tests import tagged

from .common import EbocCampaignsEventsCase


@tagged("post_install", "-at_install")
class TestEngagementOfCampaignAnswers(EbocCampaignsEventsCase):
    def test_a_campaign_questionnaire_counts_for_the_campaigns_ebmo_only(self):
        """Two EBMOs: an answer to the first one's campaign is engagement with it, and
        none with the second."""
        ebmo_b = self.env["res.company"].create({"name": "Chamber of Crafts"})
        campaign = self._campaign(contact_role_ids=[self.role_hr.id], survey_id=self.survey.id)
        campaign.action_start()
        answers = self._invite(campaign).sudo()
        steel_answer = answers.filtered(lambda a: a.partner_id.commercial_partner_id == self.steel)
        self.assertTrue(steel_answer)
        self._answer(steel_answer[:1], self.answer_yes, 3)
        self.env["res.partner"]._eboc_update_all_engagement()
        self.assertEqual(self.steel.engagement_answers, 1)
        self.assertEqual(self.steel.with_company(ebmo_b).engagement_answers, 0)
