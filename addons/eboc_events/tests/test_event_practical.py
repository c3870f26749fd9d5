from freezegun import freeze_time

from odoo.tests import tagged

from .common import EbocEventsCase


@tagged("post_install", "-at_install")
class TestEventPractical(EbocEventsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seminar_type = cls.env.ref("eboc_events.event_type_member_seminar")

    def test_member_seminar_template(self):
        event = self._event("2031-04-20 08:00", event_type_id=self.seminar_type.id)
        needs = event.question_ids.filtered("eboc_practical_need")
        self.assertEqual(sorted(needs.mapped("title")), ["Access needs", "Dietary requirements"])
        reminders = event.event_mail_ids.filtered(lambda m: m.interval_type == "before_event")
        self.assertEqual(sorted(reminders.mapped("interval_nbr")), [1, 7])

    def test_practical_needs_summed_up_on_the_event(self):
        event = self._event("2031-04-20 08:00", event_type_id=self.seminar_type.id)
        dietary = event.question_ids.filtered(lambda q: q.question_type == "simple_choice")
        access = event.question_ids.filtered(
            lambda q: q.eboc_practical_need and q.question_type == "text_box"
        )
        choice = {answer.name: answer for answer in dietary.answer_ids}

        def register(partner, diet=None, access_need=None, state="open"):
            answers = []
            if diet:
                answers.append(
                    (0, 0, {"question_id": dietary.id, "value_answer_id": choice[diet].id})
                )
            if access_need:
                answers.append((0, 0, {"question_id": access.id, "value_text_box": access_need}))
            return self._register(event, partner, state=state, registration_answer_ids=answers)

        hanna = register(self.steel_hr, diet="Vegetarian", access_need="Wheelchair access")
        register(self.steel_ceo, diet="Vegetarian")
        register(self.forge_hr, diet="Halal")
        register(self.inn_hr, diet="Vegan", state="cancel")  # cancelled: not counted
        self.assertEqual(event.eboc_needs_summary, "Access needs 1, Halal 1, Vegetarian 2")
        self.assertEqual(
            hanna.eboc_practical_needs,
            "Dietary requirements: Vegetarian; Access needs: Wheelchair access",
        )
        action = event.action_eboc_open_needs()
        self.assertEqual(self.env["event.registration.answer"].search_count(action["domain"]), 5)

    def test_reminders_go_to_confirmed_attendees(self):
        with freeze_time("2031-04-01 08:00"):
            event = self._event("2031-04-20 08:00", event_type_id=self.seminar_type.id)
            self._register(event, self.steel_hr)
            self._register(event, self.forge_hr, state="cancel")
        week_before = event.event_mail_ids.filtered(
            lambda m: m.interval_type == "before_event" and m.interval_nbr == 7
        )
        with freeze_time("2031-04-12 09:00"):  # eight days before: not yet
            self.env["event.mail"].schedule_communications()
            self.assertFalse(week_before.mail_done)
        with freeze_time("2031-04-13 09:00"):
            self.env["event.mail"].schedule_communications()
        self.assertTrue(week_before.mail_done)
        self.assertEqual(week_before.mail_count_done, 1, "the cancelled registration is skipped")
        day_before = event.event_mail_ids.filtered(
            lambda m: m.interval_type == "before_event" and m.interval_nbr == 1
        )
        self.assertFalse(day_before.mail_done)
