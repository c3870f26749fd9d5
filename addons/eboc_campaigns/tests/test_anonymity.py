import io

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .common import EbocCampaignsCase


class TestAnonymity(EbocCampaignsCase):
    """An anonymous questionnaire sent to four HR contacts of three companies; the two
    of the same company (the same profile) and the one of the inn answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey_manager = new_test_user(
            cls.env,
            login="eboc_survey_manager",
            groups="base.group_user,eboc_campaigns.group_eboc_communication,"
            "survey.group_survey_manager",
        )
        cls.staff = cls.communication | cls.manager | cls.survey_manager
        # Those allowed to export, to show that exporting gives nothing away either.
        cls.staff.groups_id = [Command.link(cls.env.ref("base.group_allow_export").id)]
        cls._membership(cls.steel, cls.metal, state="active", date_start="2025-01-01")
        cls._membership(cls.inn, cls.hotel, state="active", date_start="2025-01-01")

    def _run_questionnaire(self, anonymous=True, min_respondents=2):
        campaign = self._campaign(
            contact_role_ids=[self.role_hr.id],
            survey_id=self.survey.id,
            anonymous=anonymous,
            anonymous_min_respondents=min_respondents,
        ).with_user(self.communication)
        campaign.action_start()
        # The officer follows the questionnaire: survey tells its followers of each
        # participation.
        self.survey.message_subscribe(partner_ids=self.communication.partner_id.ids)
        answers = self._invite(campaign).sudo()
        by_partner = {answer.partner_id: answer for answer in answers}
        self._answer(by_partner[self.steel_hr], self.answer_yes, 5)
        self._answer(by_partner[self.steel_hr_deputy], self.answer_no, 2)
        self._answer(by_partner[self.inn_hr], self.answer_yes, 0)
        self.env.flush_all()
        return campaign, answers

    def test_staff_cannot_tell_who_answered(self):
        campaign, answers = self._run_questionnaire()
        pending = answers.filtered(lambda a: a.state != "done")
        self.assertEqual(pending.partner_id, self.forge_hr)
        lines = answers.user_input_line_ids
        self.assertTrue(lines)
        survey_domain = [("survey_id", "=", self.survey.id)]
        for user in self.staff:
            Answers = self.env["survey.user_input"].with_user(user)
            Lines = self.env["survey.user_input.line"].with_user(user)
            for domain in (survey_domain, [("eboc_campaign_id", "=", campaign.id)]):
                self.assertFalse(Answers.search(domain), user.login)
                self.assertEqual(Answers.search_count(domain), 0, user.login)
            self.assertEqual(Answers.read_group(survey_domain, ["state"], ["state"]), [])
            self.assertEqual(Answers._read_group(survey_domain, ["partner_id"], ["__count"]), [])
            self.assertFalse(Lines.search(survey_domain), user.login)
            self.assertEqual(Lines.search_count(survey_domain), 0, user.login)
            self.assertEqual(Lines._read_group(survey_domain, ["user_input_id"], ["__count"]), [])
            with self.assertRaises(AccessError):
                pending.with_user(user).read(["partner_id", "email", "state"])
            with self.assertRaises(AccessError):
                answers.with_user(user).export_data(["partner_id/name", "email", "state"])
            with self.assertRaises(AccessError):
                lines.with_user(user).read(["user_input_id", "suggested_answer_id"])
            with self.assertRaises(AccessError):
                lines.with_user(user).export_data(["user_input_id/partner_id/name"])
            # The questionnaire's own Participations button lists nobody.
            action = self.survey.with_user(user).action_survey_user_input()
            survey_id = action["context"]["search_default_survey_id"]
            self.assertFalse(Answers.search([("survey_id", "=", survey_id)]))
            # The campaign gives the figures.
            self.assertEqual(
                (campaign.with_user(user).invited_count, campaign.with_user(user).answered_count),
                (4, 3),
            )
        # Nobody follows the participations, and nothing is posted on them: no inbox
        # tells when which invitation was answered.
        followers = self.env["mail.followers"].search(
            [("res_model", "=", "survey.user_input"), ("res_id", "in", answers.ids)]
        )
        self.assertFalse(followers)
        messages = self.env["mail.message"].search(
            [("model", "=", "survey.user_input"), ("res_id", "in", answers.ids)]
        )
        self.assertFalse(messages)

    def test_report_rows_lead_to_no_participation(self):
        # Participations are numbered in the order of the invited contacts: a report
        # row carrying that number would tell whose it is.
        campaign, answers = self._run_questionnaire(min_respondents=1)
        domain = [("campaign_id", "=", campaign.id)]
        Responses = self.env["eboc.campaign.response.report"].with_user(self.communication)
        Results = self.env["eboc.campaign.answer.report"].with_user(self.communication)
        responses = Responses.search(domain)
        self.assertEqual(len(responses), 4)
        self.assertFalse(set(responses.ids) & set(answers.ids))
        results = Results.search(domain)
        self.assertEqual(len(results), 6)
        self.assertFalse(results.user_input_id)
        self.assertFalse(set(results.ids) & set(answers.user_input_line_ids.ids))
        self.assertFalse(set(results.mapped("respondent_key")) & set(answers.ids))
        # The rows still read whole, and the figures still add up.
        self.assertEqual(sum(responses.mapped("answered")), 3)
        self.assertEqual(len(responses.read(["answered", "sector_id"])), 4)
        self.assertEqual(len(set(results.mapped("respondent_key"))), 3)

    def test_participations_of_other_campaigns_stay_readable(self):
        campaign, answers = self._run_questionnaire(anonymous=False)
        Answers = self.env["survey.user_input"].with_user(self.communication)
        self.assertEqual(Answers.search([("eboc_campaign_id", "=", campaign.id)]), answers)
        self.assertEqual(
            answers.with_user(self.communication).mapped("partner_id"), answers.partner_id
        )

    def test_small_groups_are_withheld_in_the_reports(self):
        campaign, _answers = self._run_questionnaire(min_respondents=2)
        domain = [("campaign_id", "=", campaign.id)]
        Responses = self.env["eboc.campaign.response.report"].with_user(self.communication)
        rows = Responses.search(domain)
        self.assertEqual(len(rows), 4)
        # Only the steel company's two respondents share a profile: the forge's
        # (nobody answered) and the inn's (one answered) are withheld.
        self.assertEqual(sorted(rows.filtered("withheld").mapped("answered")), [0, 1])
        self.assertEqual(rows.sector_id, self.sector_metal)
        self.assertEqual(rows.region_id, self.north)
        self.assertEqual(rows.member_association_id, self.metal)
        for field_name in ("sector_id", "industry_id", "region_id", "size_class_id"):
            groups = Responses._read_group(domain, [field_name], ["invited:sum", "answered:sum"])
            self.assertEqual(
                {bool(column): (invited, answered) for column, invited, answered in groups},
                {True: (2, 2), False: (2, 1)},
                field_name,
            )
        exported = rows.export_data(["sector_id", "region_id", "answered"])["datas"]
        self.assertNotIn(self.sector_hotel.name, str(exported))
        # The inn's respondent is alone without a profile: the answer is left out.
        Results = self.env["eboc.campaign.answer.report"].with_user(self.communication)
        choices = Results._read_group(
            [*domain, ("question_id", "=", self.question_choice.id)],
            ["sector_id", "answer_id"],
            ["answer_count:sum"],
        )
        self.assertEqual(
            {(sector, answer): count for sector, answer, count in choices},
            {(self.sector_metal, self.answer_yes): 1, (self.sector_metal, self.answer_no): 1},
        )
        self.assertFalse(Results.search([*domain, ("withheld", "=", True)]))
        self.assertEqual(Results._read_group(domain, [], ["respondent_key:count_distinct"]), [(2,)])

    def test_withheld_respondents_together_keep_their_answers(self):
        # Three respondents, none in a profile of three: all three lose their profile,
        # together they are enough to be counted.
        campaign, _answers = self._run_questionnaire(min_respondents=3)
        Results = self.env["eboc.campaign.answer.report"].with_user(self.communication)
        rows = Results.search([("campaign_id", "=", campaign.id)])
        self.assertEqual(len(set(rows.mapped("respondent_key"))), 3)
        self.assertTrue(all(rows.mapped("withheld")))
        self.assertFalse(rows.sector_id | rows.industry_id)
        self.assertFalse(rows.region_id)

    def test_small_groups_are_withheld_in_the_export(self):
        campaign, _answers = self._run_questionnaire(min_respondents=2)
        workbook = openpyxl.load_workbook(io.BytesIO(campaign._render_results_xlsx()))
        Responses = self.env["eboc.campaign.response.report"].with_user(self.communication)
        for sheet_name, field_name in (
            ("By Sector", "sector_id"),
            ("By Region", "region_id"),
            ("By Size Class", "size_class_id"),
            ("By Association", "member_association_id"),
        ):
            rows = [list(row) for row in workbook[sheet_name].iter_rows(values_only=True)]
            header = rows[2]
            labels = [row[0] for row in rows]
            self.assertNotIn("Test Accommodation", header)
            self.assertNotIn("Test South", header)
            self.assertNotIn(self.hotel.display_name, header)
            # The export shows what the report shows, column by column.
            answered = rows[labels.index("Answered (response rate)")]
            for column, _invited, count in Responses._read_group(
                [("campaign_id", "=", campaign.id)], [field_name], ["invited:sum", "answered:sum"]
            ):
                name = column.display_name if column else "Not Set or Withheld"
                self.assertEqual(answered[header.index(name)], count, (sheet_name, name))
            total = header.index("Total")
            yes = rows[labels.index("Yes")]
            no = rows[labels.index("No")]
            self.assertEqual((yes[total], no[total]), (1, 1), sheet_name)
        summary = dict(row[:2] for row in workbook["Summary"].iter_rows(values_only=True) if row[0])
        self.assertEqual(summary["Smallest Group Shown"], 2)

    def test_answers_cannot_be_deleted_or_detached(self):
        campaign, answers = self._run_questionnaire()
        pending = answers.filtered(lambda a: a.state != "done")
        pending.user_input_line_ids = [
            Command.create(
                {
                    "question_id": self.question_choice.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": self.answer_no.id,
                }
            )
        ]
        pending._mark_in_progress()
        other = self._campaign(survey_id=self.survey.id, anonymous=False)
        for user in self.staff:
            with self.assertRaisesRegex(UserError, "before they are anonymised"):
                pending.with_user(user).unlink()
            # Only survey managers may delete answers at all.
            with self.assertRaisesRegex(
                UserError if user == self.survey_manager else AccessError,
                "before they are anonymised" if user == self.survey_manager else "not allowed",
            ):
                pending.user_input_line_ids.with_user(user).unlink()
            for value in (other.id, False):
                with self.assertRaisesRegex(UserError, "stays with the campaign"):
                    answers.with_user(user).write({"eboc_campaign_id": value})
            with self.assertRaisesRegex(UserError, "Cancel or archive the campaign"):
                campaign.with_user(user).unlink()
        self.assertEqual(pending.eboc_campaign_id, campaign)
        # Cancelled, the campaign is still not deleted.
        campaign.action_cancel()
        campaign.action_draft()
        with self.assertRaisesRegex(UserError, "Cancel or archive the campaign"):
            campaign.unlink()
        # Nor is the questionnaire, which would take its answers with it.
        with self.assertRaisesRegex(UserError, "Archive the questionnaire"):
            self.survey.with_user(self.survey_manager).unlink()
        self.assertEqual(len(answers.exists()), 4)

    def test_answers_of_any_campaign_stay_with_it(self):
        campaign, answers = self._run_questionnaire(anonymous=False)
        campaign.action_cancel()
        with self.assertRaisesRegex(UserError, "Cancel or archive the campaign"):
            campaign.unlink()
        with self.assertRaisesRegex(UserError, "stays with the campaign"):
            answers.with_user(self.communication).write({"eboc_campaign_id": False})

    def test_smallest_group_from_the_settings(self):
        self.assertEqual(self._campaign().anonymous_min_respondents, 5)
        self.env["res.config.settings"].create({"eboc_anonymous_min_respondents": 8}).execute()
        self.assertEqual(self._campaign().anonymous_min_respondents, 8)
        with self.assertRaises(ValidationError):
            self._campaign(anonymous_min_respondents=0)
        campaign, _answers = self._run_questionnaire(min_respondents=2)
        # Lowered once sent, it would show what was withheld.
        with self.assertRaisesRegex(UserError, "smallest group shown"):
            campaign.anonymous_min_respondents = 1
