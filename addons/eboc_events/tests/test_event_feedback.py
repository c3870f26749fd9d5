from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import EbocEventsCase


@tagged("post_install", "-at_install")
class TestEventFeedback(EbocEventsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Event users run events; they need no right on surveys to ask for feedback.
        cls.event_user = new_test_user(
            cls.env,
            login="eboc_feedback_event_user",
            email="events@federation.example.com",
            groups="base.group_user,event.group_event_user",
        )
        cls._membership(cls.steel, cls.metal, state="active", date_start="2020-01-01")
        cls._membership(cls.forge, cls.metal, state="active", date_start="2020-01-01")
        event = cls.event = cls._event("2031-03-10 08:00")
        cls.steel_hr_reg = cls._register(event, cls.steel_hr, "done")
        cls.steel_ceo_reg = cls._register(event, cls.steel_ceo, "done")
        cls.inn_reg = cls._register(event, cls.inn_hr, "done")  # a non-member
        cls.walk_in = cls._register(event, None, "done", name="Walk-in", email="walkin@example.com")
        cls.forge_reg = cls._register(event, cls.forge_hr, "cancel")
        cls.no_show = cls._register(event, None, "open", name="No Show", email="noshow@example.com")

    def _send(self, user=None):
        with freeze_time("2031-03-11 09:00"):
            return self.event.with_user(user or self.event_user).action_eboc_send_feedback()

    def test_feedback_goes_to_each_attendee_once(self):
        self.assertEqual(self.event.eboc_survey_id, self.feedback_survey)
        with freeze_time("2031-03-10 10:00"), self.assertRaises(UserError):
            self.event.with_user(self.event_user).action_eboc_send_feedback()  # not over
        self._send()
        attendees = self.steel_hr_reg | self.steel_ceo_reg | self.inn_reg | self.walk_in
        answers = attendees.eboc_feedback_input_id
        self.assertEqual(len(answers), 4, "one personal answer per attendee")
        self.assertFalse((self.forge_reg | self.no_show).eboc_feedback_input_id)
        self.assertEqual(answers.eboc_event_id, self.event)
        self.assertEqual(self.steel_hr_reg.eboc_feedback_input_id.partner_id, self.steel_hr)
        self.assertEqual(self.walk_in.eboc_feedback_input_id.email, "walkin@example.com")
        mails = self.env["mail.mail"].search([("body_html", "ilike", answers[0].access_token)])
        self.assertEqual(len(mails), 1, "the link is personal")
        self.assertEqual((self.event.eboc_feedback_sent, self.event.eboc_feedback_done), (4, 0))
        with self.assertRaises(UserError):
            self._send()  # nobody new
        # A late attendance marking: only the newcomer gets the questionnaire.
        self.no_show.action_set_done()
        self._send()
        self.assertEqual(self.event.eboc_feedback_sent, 5)
        self.assertEqual(self.no_show.eboc_feedback_input_id.email, "noshow@example.com")

    def test_attendance_and_satisfaction_figures(self):
        self._send()
        with freeze_time("2031-03-12 09:00"):
            self._answer(self.steel_hr_reg.eboc_feedback_input_id, 5)
            self._answer(self.inn_reg.eboc_feedback_input_id, 3)
            self._answer(self.walk_in.eboc_feedback_input_id, 2)
        self.event.invalidate_recordset()
        self.assertEqual(self.event.eboc_feedback_sent, 4)
        self.assertEqual(self.event.eboc_feedback_done, 3)
        self.assertAlmostEqual(self.event.eboc_feedback_rate, 75.0)
        self.assertAlmostEqual(self.event.eboc_satisfaction, 3.3)  # 10 / 3, to one decimal

        Report = self.env["eboc.event.report"].with_user(self.event_user)
        [totals] = Report.read_group(
            [("event_id", "=", self.event.id)],
            [
                "registered",
                "attended",
                "attendance_rate",
                "feedback_sent",
                "feedback_done",
                "response_rate",
                "satisfaction",
                "revenue",
            ],
            [],
        )
        self.assertEqual((totals["registered"], totals["attended"]), (6, 4))
        # Cancelled registrations are left out of the attendance rate: 4 of 5.
        self.assertAlmostEqual(totals["attendance_rate"], 80.0)
        self.assertEqual((totals["feedback_sent"], totals["feedback_done"]), (4, 3))
        self.assertAlmostEqual(totals["response_rate"], 75.0)
        self.assertAlmostEqual(totals["satisfaction"], 10 / 3)
        by_status = {
            group["member_status"]: group
            for group in Report.read_group(
                [("event_id", "=", self.event.id)],
                ["attended", "satisfaction"],
                ["member_status"],
            )
        }
        self.assertEqual(by_status["member"]["attended"], 2)
        self.assertAlmostEqual(by_status["member"]["satisfaction"], 5.0)  # one answer of two
        self.assertAlmostEqual(by_status["non_member"]["satisfaction"], 2.5)

    def test_satisfaction_on_another_scale_is_brought_to_five(self):
        survey = self.feedback_survey.copy({"title": "Ten-point feedback"})
        question = survey.question_ids.filtered("eboc_satisfaction")
        question.write({"scale_min": 0, "scale_max": 10})
        self.event.eboc_survey_id = survey
        self._send()
        answer = self.steel_hr_reg.eboc_feedback_input_id
        answer.user_input_line_ids = [
            (0, 0, {"question_id": question.id, "answer_type": "scale", "value_scale": 8})
        ]
        answer._mark_done()
        self.event.invalidate_recordset()
        self.assertAlmostEqual(self.event.eboc_satisfaction, 4.0)

    def test_answering_raises_the_company_engagement(self):
        self._send()
        with freeze_time("2031-03-12 09:00"):
            self.env["res.partner"]._eboc_update_all_engagement()
            before = self.steel.engagement_answers
            self._answer(self.steel_hr_reg.eboc_feedback_input_id, 4)
            self.assertEqual(self.steel.engagement_answers, before + 1)
            self.assertEqual(self.steel.engagement_events, 1)

    def test_access_per_role(self):
        # EBMO users without an event role neither send feedback nor read the report.
        with self.assertRaises(AccessError):
            self.event.with_user(self.user).action_eboc_send_feedback()
        with self.assertRaises(AccessError):
            self.env["eboc.event.report"].with_user(self.user).search([])
        # The registration desk marks attendance; it does not send questionnaires.
        desk = new_test_user(
            self.env,
            login="eboc_feedback_desk",
            groups="base.group_user,event.group_event_registration_desk",
        )
        with freeze_time("2031-03-11 09:00"), self.assertRaises(AccessError):
            self.event.with_user(desk).action_eboc_send_feedback()
        # Event users see the figures, not the answers themselves.
        self._send()
        self.assertEqual(self.event.with_user(self.event_user).eboc_feedback_sent, 4)
        with self.assertRaises(AccessError):
            self.env["survey.user_input"].with_user(self.event_user).search(
                [("eboc_event_id", "=", self.event.id)]
            )

    def test_attendance_report_keeps_within_the_readers_associations(self):
        """An event user restricted to the hotel association sees its members and the
        private and non-member attendees, not the metal members' attendance."""
        self._membership(self.inn, self.hotel, state="active", date_start="2020-01-01")
        reader = new_test_user(
            self.env,
            login="eboc_hotel_event_reader",
            groups="base.group_user,event.group_event_user,eboc_membership.group_eboc_officer,"
            "base.group_allow_export",
        )
        reader.eboc_association_ids = self.hotel
        self.env.flush_all()
        Report = self.env["eboc.event.report"].with_user(reader)
        mine = [("event_id", "=", self.event.id)]
        rows = Report.search(mine)
        self.assertEqual(
            rows.registration_id, self.inn_reg | self.walk_in | self.no_show, "no metal member"
        )
        self.assertEqual(Report.search_count(mine), 3)
        groups = Report._read_group(mine, ["attendee_company_id"], ["registered:sum"])
        self.assertEqual(
            {company for company, _count in groups}, {self.inn, self.env["res.partner"]}
        )
        exported = rows.export_data(["attendee_company_id"])["datas"]
        self.assertNotIn([self.steel.display_name], exported)
        with self.assertRaises(AccessError):
            self.env["eboc.event.report"].browse(
                self.env["eboc.event.report"]
                .search([("registration_id", "=", self.steel_hr_reg.id)])
                .ids
            ).with_user(reader).read(["attendee_company_id"])
