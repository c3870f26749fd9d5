from odoo import Command, api, models


class EbocEventsDemo(models.AbstractModel):
    """The demo's event story, played by demo/event_demo.xml through Odoo's own
    actions: kept here, out of the business models."""

    _name = "eboc.events.demo"
    _description = "EBMO Services and Events: Demo Story"

    @api.model
    def _generate(self):
        """Demo data: some attendees' practical needs, the feedback questionnaire sent
        after the two past events and answered by four attendees in five, then the
        engagement scores. Deterministic, so the demo tells the same story each time."""
        events = self.env.ref("eboc_events.event_osh_workshop_demo") | self.env.ref(
            "eboc_events.event_labour_law_spring_demo"
        )
        upcoming = self.env.ref("eboc_events.event_labour_law_autumn_demo")
        diets = ["Vegetarian", "Halal", "Vegan", "Gluten-free"]
        for event in events | upcoming:
            dietary = event.question_ids.filtered(
                lambda q: q.eboc_practical_need and q.question_type == "simple_choice"
            )[:1]
            access = event.question_ids.filtered(
                lambda q: q.eboc_practical_need and q.question_type == "text_box"
            )[:1]
            for index, registration in enumerate(event.registration_ids.sorted("id")):
                answers = []
                if dietary and index % 3 == 1:
                    choice = dietary.answer_ids.filtered(
                        lambda a, name=diets[index % 4]: a.name == name
                    )[:1]
                    if choice:
                        answers.append({"question_id": dietary.id, "value_answer_id": choice.id})
                if access and index == 4:
                    answers.append(
                        {"question_id": access.id, "value_text_box": "Wheelchair access"}
                    )
                if answers:
                    registration.registration_answer_ids = [
                        Command.create(vals) for vals in answers
                    ]
        scores = [5, 4, 4, 3, 5, 4, 2, 5, 4, 5]
        for event in events:
            event.action_eboc_send_feedback()
            survey = event.eboc_survey_id
            satisfaction = survey.question_ids.filtered("eboc_satisfaction")[:1]
            useful = survey.question_ids.filtered(lambda q: q.question_type == "simple_choice")[:1]
            for index, registration in enumerate(
                event.registration_ids.filtered("eboc_feedback_input_id").sorted("id")
            ):
                if index % 5 == 4:
                    continue  # one attendee in five does not answer
                answer = registration.eboc_feedback_input_id
                score = scores[index % len(scores)]
                lines = [
                    Command.create(
                        {
                            "question_id": satisfaction.id,
                            "answer_type": "scale",
                            "value_scale": score,
                        }
                    )
                ]
                if useful:
                    lines.append(
                        Command.create(
                            {
                                "question_id": useful.id,
                                "answer_type": "suggestion",
                                "suggested_answer_id": useful.suggested_answer_ids[
                                    0 if score >= 4 else 1
                                ].id,
                            }
                        )
                    )
                answer.user_input_line_ids = lines
                answer._mark_done()
        self.env["res.partner"]._eboc_update_all_engagement()
