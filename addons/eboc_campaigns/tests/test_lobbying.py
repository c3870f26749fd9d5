import io

import openpyxl

from odoo.exceptions import UserError

from .common import EbocCampaignsCase


class TestLobbying(EbocCampaignsCase):
    """Four HR contacts in three companies of two sectors and three size classes are
    asked; three answer."""

    def _run_questionnaire(self, anonymous=False, min_respondents=1):
        self._membership(self.steel, self.metal, state="active", date_start="2025-01-01")
        self._membership(self.inn, self.hotel, state="active", date_start="2025-01-01")
        campaign = self._campaign(
            contact_role_ids=[self.role_hr.id],
            survey_id=self.survey.id,
            anonymous=anonymous,
            # Every group shown unless a test says otherwise: see test_anonymity.
            anonymous_min_respondents=min_respondents,
        ).with_user(self.communication)
        campaign.action_start()
        answers = self._invite(campaign).sudo()
        by_partner = {answer.partner_id: answer for answer in answers}
        self._answer(by_partner[self.steel_hr], self.answer_yes, 5)
        self._answer(by_partner[self.steel_hr_deputy], self.answer_no, 2)
        self._answer(by_partner[self.inn_hr], self.answer_yes, 0)
        return campaign, answers

    def test_invitations_carry_the_respondent_profile(self):
        campaign, answers = self._run_questionnaire()
        self.assertEqual(
            answers.partner_id, self.steel_hr | self.steel_hr_deputy | self.forge_hr | self.inn_hr
        )
        steel_answer = answers.filtered(lambda a: a.partner_id == self.steel_hr)
        self.assertEqual(steel_answer.eboc_company_id, self.steel)
        self.assertEqual(steel_answer.eboc_industry_id, self.sector_metal)
        self.assertEqual(steel_answer.eboc_region_id, self.north)
        self.assertEqual(steel_answer.eboc_size_class_id, self.steel.size_class_id)
        self.assertEqual(steel_answer.eboc_association_id, self.metal)
        self.assertEqual(campaign.invited_partner_ids, answers.partner_id)
        self.assertEqual((campaign.invited_count, campaign.answered_count), (4, 3))
        self.assertEqual(campaign.response_rate, 75.0)
        self.assertEqual(campaign.result_count, 3)
        # Sending again reaches only contacts who joined the audience since.
        newcomer = self.env["res.partner"].create(
            {
                "name": "Hetty Forge",
                "parent_id": self.forge.id,
                "email": "hetty@forge.example.com",
                "contact_role_ids": [self.role_hr.id],
            }
        )
        answers = self._invite(campaign)
        self.assertEqual(len(answers), 5)
        self.assertEqual(answers.sudo().filtered(lambda a: a.partner_id == newcomer).state, "new")

    def test_breakdown_by_sector_and_size(self):
        campaign, _answers = self._run_questionnaire()
        self.env.flush_all()
        responses = (
            self.env["eboc.campaign.response.report"]
            .with_user(self.user)
            ._read_group(
                [("campaign_id", "=", campaign.id)],
                ["industry_id"],
                ["invited:sum", "answered:sum", "response_rate:avg"],
            )
        )
        self.assertEqual(
            {sector: (invited, answered, rate) for sector, invited, answered, rate in responses},
            {self.sector_metal: (3, 2, 100.0 * 2 / 3), self.sector_hotel: (1, 1, 100.0)},
        )
        Answers = self.env["eboc.campaign.answer.report"].with_user(self.user)
        by_sector = Answers._read_group(
            [("campaign_id", "=", campaign.id), ("question_id", "=", self.question_choice.id)],
            ["industry_id", "answer_id"],
            ["answer_count:sum"],
        )
        self.assertEqual(
            {(sector, answer): count for sector, answer, count in by_sector},
            {
                (self.sector_metal, self.answer_yes): 1,
                (self.sector_metal, self.answer_no): 1,
                (self.sector_hotel, self.answer_yes): 1,
            },
        )
        by_size = Answers._read_group(
            [("campaign_id", "=", campaign.id), ("question_id", "=", self.question_scale.id)],
            ["size_class_id"],
            ["value:avg"],
        )
        self.assertEqual(
            dict(by_size), {self.steel.size_class_id: 3.5, self.inn.size_class_id: 0.0}
        )
        self.assertNotEqual(self.steel.size_class_id, self.inn.size_class_id)

    def test_results_export_for_a_position_paper(self):
        campaign, _answers = self._run_questionnaire()
        workbook = openpyxl.load_workbook(io.BytesIO(campaign._render_results_xlsx()))
        self.assertEqual(
            workbook.sheetnames,
            ["Summary", "By Sector", "By Region", "By Size Class", "By Association"],
        )
        sheet = workbook["By Sector"]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        header = rows[2]
        metal_col = header.index("Test Metalworking")
        hotel_col = header.index("Test Accommodation")
        total_col = header.index("Total")
        labels = [row[0] for row in rows]
        answered = rows[labels.index("Answered (response rate)")]
        self.assertEqual(answered[metal_col : metal_col + 2], [2, 66.7])
        self.assertEqual(answered[total_col : total_col + 2], [3, 75.0])
        yes = rows[labels.index("Yes")]
        no = rows[labels.index("No")]
        self.assertEqual(yes[metal_col : metal_col + 2], [1, 50.0])
        self.assertEqual(no[metal_col : metal_col + 2], [1, 50.0])
        self.assertEqual(yes[hotel_col : hotel_col + 2], [1, 100.0])
        self.assertEqual(yes[total_col : total_col + 2], [2, 66.7])
        # A 0 on the scale is an answer: it counts in the averages.
        average = rows[labels.index("How hard do they hit you? (average)")]
        self.assertEqual(average[metal_col], 3.5)
        self.assertEqual(average[hotel_col], 0)
        self.assertEqual(average[total_col], 2.33)

    def test_anonymous_answers_are_unlinked_everywhere(self):
        campaign, answers = self._run_questionnaire(anonymous=True)
        done = answers.filtered(lambda a: a.state == "done")
        self.assertEqual(len(done), 3)
        self.assertFalse(done.partner_id)
        self.assertFalse(any(done.mapped("email")))
        self.assertFalse(done.eboc_company_id)
        # The breakdowns survive the unlinking.
        self.assertEqual(
            set(done.mapped("eboc_industry_id")), {self.sector_metal, self.sector_hotel}
        )
        self.env.flush_all()
        for model in ("eboc.campaign.answer.report", "eboc.campaign.response.report"):
            rows = self.env[model].search([("campaign_id", "=", campaign.id)])
            self.assertTrue(rows)
            # Not even the contacts who did not answer are named: that would tell
            # who did.
            self.assertFalse(rows.partner_id, model)
            self.assertFalse(rows.respondent_company_id, model)
        # Nothing posted on the survey names a respondent.
        self.survey.message_subscribe(partner_ids=self.communication.partner_id.ids)
        last = answers.filtered(lambda a: a.state != "done")
        self._answer(last, self.answer_no, 1)
        self.assertFalse(last.partner_id)
        self.assertNotIn("Harry Forge", "".join(last.message_ids.mapped("body")))
        workbook = openpyxl.load_workbook(io.BytesIO(campaign._render_results_xlsx()))
        text = " ".join(
            str(cell)
            for sheet in workbook
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell
        )
        for name in ("Steel", "Forge", "Inn", "Hanna", "Harry", "Helen"):
            self.assertNotIn(name, text)

    def test_anonymity_cannot_change_once_sent(self):
        campaign, _answers = self._run_questionnaire(anonymous=True)
        with self.assertRaises(UserError):
            campaign.anonymous = False
        other_survey = self.env["survey.survey"].create({"title": "Another questionnaire"})
        with self.assertRaises(UserError):
            campaign.survey_id = other_survey

    def test_participations_stay_within_the_campaigns_association(self):
        """A federation campaign's participations are not a metal officer's to read,
        whatever survey rights the officer holds."""
        campaign, answers = self._run_questionnaire()
        self.env.flush_all()
        Answer = self.env["survey.user_input"].with_user(self.restricted_communication)
        mine = [("eboc_campaign_id", "=", campaign.id)]
        self.assertEqual(Answer.with_user(self.communication).search(mine), answers)
        self.assertFalse(Answer.search(mine))
        self.assertEqual(Answer.search_count(mine), 0)
        self.assertFalse(Answer._read_group(mine, ["partner_id"], ["__count"]))
