import io

import openpyxl

from odoo.exceptions import AccessError, UserError

from .common import EbocCampaignsCase


class TestLobbying(EbocCampaignsCase):
    """Four HR contacts in three companies of two sectors and three size classes are
    asked; three answer."""

    def _run_questionnaire(self, anonymous=False, **values):
        self._membership(self.steel, self.metal, state="active", date_start="2025-01-01")
        self._membership(self.inn, self.hotel, state="active", date_start="2025-01-01")
        campaign = self._campaign(
            contact_role_ids=[self.role_hr.id],
            survey_id=self.survey.id,
            anonymous=anonymous,
            **values,
        ).with_user(self.communication)
        campaign.action_start()
        answers = self._invite(campaign).sudo()
        by_partner = {answer.partner_id: answer for answer in answers}
        self._answer(by_partner[self.steel_hr], self.answer_yes, 5)
        self._answer(by_partner[self.steel_hr_deputy], self.answer_no, 2)
        self._answer(by_partner[self.inn_hr], self.answer_yes, 0)
        return campaign, answers

    @staticmethod
    def _xlsx_text(campaign):
        """Every cell of the campaign's results export, as one text."""
        workbook = openpyxl.load_workbook(io.BytesIO(campaign._render_results_xlsx()))
        return " ".join(
            str(cell)
            for sheet in workbook
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell
        )

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
        text = self._xlsx_text(campaign)
        for name in ("Steel", "Forge", "Inn", "Hanna", "Harry", "Helen"):
            self.assertNotIn(name, text)

    def test_anonymity_cannot_change_once_sent(self):
        campaign, _answers = self._run_questionnaire(anonymous=True)
        with self.assertRaises(UserError):
            campaign.anonymous = False
        other_survey = self.env["survey.survey"].create({"title": "Another questionnaire"})
        with self.assertRaises(UserError):
            campaign.survey_id = other_survey

    def test_campaign_staff_cannot_tell_who_answered_an_anonymous_campaign(self):
        """Before and after answering, no list, count, export or chatter of the
        participations tells a communications officer who answered."""
        campaign, answers = self._run_questionnaire(anonymous=True)
        self.env.flush_all()
        comms = self.env(user=self.communication)
        comms.user.groups_id += self.env.ref("base.group_allow_export")
        Answer = comms["survey.user_input"]
        Line = comms["survey.user_input.line"]
        mine = [("eboc_campaign_id", "=", campaign.id)]
        self.assertFalse(Answer.search(mine), "not even who has not answered yet")
        self.assertEqual(Answer.search_count(mine), 0)
        self.assertFalse(Answer._read_group(mine, ["partner_id"], ["__count"]))
        self.assertFalse(Answer.search([("survey_id", "=", self.survey.id)]))
        pending = answers.filtered(lambda a: a.state != "done")
        self.assertTrue(pending.partner_id, "the pending invitation still names its contact")
        with self.assertRaises(AccessError):
            pending.with_env(comms).read(["partner_id", "state"])
        with self.assertRaises(AccessError):
            pending.with_env(comms).export_data(["partner_id"])
        self.assertFalse(Line.search([("user_input_id", "in", answers.ids)]))
        # The campaign still shows how many answered, counted by the system.
        self.assertEqual(campaign.with_env(comms).answered_count, 3)
        # Not anonymous: the officer follows the participations as usual.
        other = self._campaign(
            contact_role_ids=[self.role_hr.id], survey_id=self.survey.id
        ).with_user(self.communication)
        other.action_start()
        other_answers = self._invite(other)
        self.assertTrue(other_answers)
        self.assertEqual(Answer.search([("eboc_campaign_id", "=", other.id)]), other_answers)

    def test_nothing_of_a_campaigns_answers_is_deleted_or_detached(self):
        campaign, answers = self._run_questionnaire(anonymous=True)
        pending = answers.filtered(lambda a: a.state != "done").with_user(self.communication)
        with self.assertRaises(AccessError):
            pending.unlink()
        with self.assertRaises(AccessError):
            pending.write({"eboc_campaign_id": False})
        campaign.action_cancel()
        with self.assertRaisesRegex(UserError, "has sent its questionnaire"):
            campaign.unlink()
        self.assertEqual(answers.exists(), answers)
        self.assertEqual(answers.eboc_campaign_id, campaign)

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

    def _breakdowns(self, campaign, user):
        mine = [("campaign_id", "=", campaign.id)]
        found = {}
        for model in ("eboc.campaign.answer.report", "eboc.campaign.response.report"):
            Report = self.env[model].with_user(user)
            for field in ("sector_id", "industry_id", "size_class_id", "member_association_id"):
                groups = Report._read_group(mine, [field], ["__count"])
                found[model, field] = {value for value, _count in groups}
        return found

    def test_small_cells_of_anonymous_answers_are_withheld(self):
        """Three respondents, two in metal and one in hotels: with the default minimum
        of five, no sector, size or association is shown, in the reports or the
        export; the totals are."""
        campaign, _answers = self._run_questionnaire(anonymous=True)
        self.assertEqual(campaign.min_respondents, 5)
        self.env.flush_all()
        for key, values in self._breakdowns(campaign, self.communication).items():
            self.assertEqual(len(values), 1, key)
            self.assertFalse(next(iter(values)), key)
        Responses = self.env["eboc.campaign.response.report"].with_user(self.communication)
        [(answered,)] = Responses._read_group(
            [("campaign_id", "=", campaign.id)], [], ["answered:sum"]
        )
        self.assertEqual(answered, 3)
        text = self._xlsx_text(campaign)
        for name in (self.sector_metal.name, self.sector_hotel.name):
            self.assertNotIn(name, text)
        with self.assertRaises(UserError):
            campaign.min_respondents = 1

    def test_anonymous_answers_are_read_as_totals_one_breakdown_at_a_time(self):
        campaign, _answers = self._run_questionnaire(anonymous=True, min_respondents=1)
        self.env.flush_all()
        found = self._breakdowns(campaign, self.communication)
        self.assertEqual(
            found["eboc.campaign.answer.report", "industry_id"],
            {self.sector_metal, self.sector_hotel},
            "a minimum of one shows every sector",
        )
        Answers = self.env["eboc.campaign.answer.report"].with_user(self.communication)
        mine = [("campaign_id", "=", campaign.id)]
        with self.assertRaisesRegex(UserError, "one of sector"):
            Answers._read_group(mine, ["industry_id", "size_class_id"], ["__count"])
        rows = Answers.search(mine)
        self.assertTrue(rows)
        with self.assertRaises(AccessError):
            rows.read(["industry_id", "size_class_id"])
        self.assertFalse(Answers.search_read(mine, ["industry_id"]), "left out of lists")
        self.communication.groups_id += self.env.ref("base.group_allow_export")
        with self.assertRaises(AccessError):
            rows.export_data(["industry_id", "size_class_id"])

    def test_with_two_in_metal_and_one_in_hotels_no_sector_shows_at_two(self):
        """A minimum of two keeps the metal cell alone, but the hotel respondent
        would then be the total minus metal: the whole breakdown is withheld."""
        campaign, _answers = self._run_questionnaire(anonymous=True, min_respondents=2)
        self.env.flush_all()
        found = self._breakdowns(campaign, self.communication)
        self.assertEqual(
            found["eboc.campaign.answer.report", "industry_id"], {self.env["res.partner.industry"]}
        )
