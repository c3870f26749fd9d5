from datetime import timedelta

from odoo import fields

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase


class EbocEventsCase(EbocMembershipCase):
    """Companies with one contact each, and helpers to give them services, events
    and questionnaire answers at chosen dates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.steel_hr = Partner.create(
            {"name": "Hanna Steel", "parent_id": cls.steel.id, "email": "hanna@steel.example.com"}
        )
        cls.steel_ceo = Partner.create(
            {"name": "Carl Steel", "parent_id": cls.steel.id, "email": "carl@steel.example.com"}
        )
        cls.forge_hr = Partner.create(
            {"name": "Harry Forge", "parent_id": cls.forge.id, "email": "harry@forge.example.com"}
        )
        cls.inn_hr = Partner.create(
            {"name": "Helen Inn", "parent_id": cls.inn.id, "email": "helen@inn.example.com"}
        )
        cls.legal = cls.env.ref("eboc_events.service_type_legal")
        cls.training = cls.env.ref("eboc_events.service_type_training")
        cls.config = cls.env.ref("eboc_events.eboc_engagement_config_default")
        cls.feedback_survey = cls.env.ref("eboc_events.survey_event_feedback")
        cls.satisfaction_question = cls.env.ref("eboc_events.survey_event_feedback_q_satisfaction")

    @classmethod
    def _service(cls, partner, service_type, date, **values):
        return cls.env["eboc.service.record"].create(
            {
                "name": "Question",
                "partner_id": partner.id,
                "service_type_id": service_type.id,
                "date": fields.Datetime.to_datetime(date),
                **values,
            }
        )

    @classmethod
    def _event(cls, date, hours=4, **values):
        start = fields.Datetime.to_datetime(date)
        return cls.env["event.event"].create(
            {
                "name": f"Seminar of {start:%Y-%m-%d}",
                "date_begin": start,
                "date_end": start + timedelta(hours=hours),
                **values,
            }
        )

    @classmethod
    def _register(cls, event, partner=None, state="open", **values):
        registration = cls.env["event.registration"].create(
            {"event_id": event.id, "partner_id": partner.id if partner else False, **values}
        )
        if state != "open":
            registration.state = state
        return registration

    def _answer(self, answer, score):
        """Complete a feedback answer with ``score`` on the satisfaction question."""
        answer.user_input_line_ids = [
            (
                0,
                0,
                {
                    "question_id": self.satisfaction_question.id,
                    "answer_type": "scale",
                    "value_scale": score,
                },
            )
        ]
        answer._mark_done()
