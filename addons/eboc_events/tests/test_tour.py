from datetime import datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestServiceTour(HttpCase):
    def test_staff_logs_a_service_from_the_company_form(self):
        staff = new_test_user(
            self.env,
            login="tour_service_staff",
            groups="base.group_user,eboc_events.group_eboc_service_staff",
        )
        company = self.env["res.partner"].create({"name": "Tour Caller Works", "is_company": True})
        contact = self.env["res.partner"].create(
            {"name": "Tour Caller Contact", "parent_id": company.id}
        )
        association = self.env["eboc.association"].create({"name": "Tour Chamber"})
        self.env["eboc.membership"].create(
            {
                "partner_id": company.id,
                "association_id": association.id,
                "state": "active",
                "date_start": "2020-01-01",
            }
        )
        self.start_tour(
            "/odoo/action-eboc_membership.res_partner_action_member",
            "eboc_service_log_tour",
            login="tour_service_staff",
        )
        record = self.env["eboc.service.record"].search([("partner_id", "=", company.id)])
        self.assertEqual(len(record), 1)
        self.assertEqual(record.contact_id, contact)
        self.assertEqual(record.service_type_id, self.env.ref("eboc_events.service_type_legal"))
        self.assertEqual(record.user_id, staff)
        self.assertIn("statutory interest", record.outcome)


@tagged("post_install", "-at_install")
class TestEventFeedbackTour(HttpCase):
    def test_organiser_marks_attendance_and_asks_feedback(self):
        new_test_user(
            self.env,
            login="tour_event_user",
            email="events@tour.example.com",
            groups="base.group_user,event.group_event_user",
        )
        start = datetime.now() - timedelta(days=1)
        event = self.env["event.event"].create(
            {"name": "Tour Seminar", "date_begin": start, "date_end": start + timedelta(hours=3)}
        )
        came, stayed_away = self.env["event.registration"].create(
            [
                {"event_id": event.id, "name": "Tour Attendee Came", "email": "came@example.com"},
                {"event_id": event.id, "name": "Tour Attendee Away", "email": "away@example.com"},
            ]
        )
        self.start_tour(
            f"/odoo/action-event.action_event_view/{event.id}",
            "eboc_event_feedback_tour",
            login="tour_event_user",
        )
        self.assertEqual(came.state, "done")
        self.assertEqual(came.eboc_feedback_input_id.email, "came@example.com")
        self.assertEqual(came.eboc_feedback_input_id.eboc_event_id, event)
        self.assertFalse(stayed_away.eboc_feedback_input_id)
