from collections import Counter, defaultdict

from odoo import Command, fields, models
from odoo.exceptions import UserError

from .eboc_event_invitation import INVITATION_STATES


class EventEvent(models.Model):
    _inherit = "event.event"

    eboc_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Price Currency"
    )
    eboc_price_member = fields.Monetary(
        "Member Price",
        currency_field="eboc_currency_id",
        help="Price of a registration for a company with an active or suspended membership.",
    )
    eboc_price_non_member = fields.Monetary(
        "Non-member Price",
        currency_field="eboc_currency_id",
        help="Price of a registration for anyone else.",
    )
    eboc_price_association_id = fields.Many2one(
        "eboc.association",
        string="Own Price for Members of",
        help="Members of this association (and of those below it) pay their own price.",
    )
    eboc_price_association = fields.Monetary("Their Price", currency_field="eboc_currency_id")

    eboc_portal_open = fields.Boolean(
        "Open to Members on the Portal",
        help="Contacts of member companies find this event on the member portal and "
        "register there, at their company's price. Invited contacts find it either way.",
    )

    eboc_invitation_ids = fields.One2many("eboc.event.invitation", "event_id", string="Invitations")
    eboc_invited_count = fields.Integer("Invited", compute="_compute_eboc_invitation_counts")
    eboc_invitation_summary = fields.Char(
        "Invitations by Status", compute="_compute_eboc_invitation_counts"
    )

    eboc_needs_summary = fields.Char("Practical Needs", compute="_compute_eboc_needs_summary")

    # Feedback: a questionnaire sent to the attendees after the event.
    eboc_survey_id = fields.Many2one(
        "survey.survey",
        string="Feedback Questionnaire",
        default=lambda self: self.env.ref(
            "eboc_events.survey_event_feedback", raise_if_not_found=False
        ),
        help="Sent to the attendees after the event, with Send Feedback Questionnaire.",
    )
    eboc_feedback_sent = fields.Integer("Feedback Sent", compute="_compute_eboc_feedback")
    eboc_feedback_done = fields.Integer("Feedback Received", compute="_compute_eboc_feedback")
    eboc_feedback_rate = fields.Float("Response Rate (%)", compute="_compute_eboc_feedback")
    eboc_satisfaction = fields.Float(
        "Satisfaction (out of 5)",
        compute="_compute_eboc_feedback",
        digits=(3, 1),
        help="The average answer to the questionnaire's satisfaction questions, brought to "
        "a score out of 5.",
    )

    def _compute_eboc_needs_summary(self):
        """Practical needs of the registrations still on, by answer: one grouped query."""
        groups = (
            self.env["event.registration.answer"]
            .sudo()
            ._read_group(
                [
                    ("registration_id.event_id", "in", self.ids),
                    ("registration_id.state", "!=", "cancel"),
                    ("question_id.eboc_practical_need", "=", True),
                ],
                ["registration_id", "question_id", "value_answer_id"],
                ["__count"],
            )
        )
        needs = defaultdict(Counter)
        for registration, question, answer, count in groups:
            needs[registration.event_id.id][answer.name or question.title] += count
        for event in self:
            event.eboc_needs_summary = ", ".join(
                f"{label} {count}" for label, count in sorted(needs[event.id].items())
            )

    def _compute_eboc_feedback(self):
        """The event's feedback figures, from the attendance report: one grouped query,
        read as superuser since they are figures, not anyone's answers."""
        for model in ("event.registration", "survey.user_input", "survey.user_input.line"):
            self.env[model].flush_model()
        groups = (
            self.env["eboc.event.report"]
            .sudo()
            ._read_group(
                [("event_id", "in", self.ids)],
                ["event_id"],
                ["feedback_sent:sum", "feedback_done:sum", "satisfaction:avg"],
            )
        )
        figures = {event.id: (sent, done, score) for event, sent, done, score in groups}
        for event in self:
            sent, done, score = figures.get(event.id, (0, 0, 0.0))
            event.eboc_feedback_sent = sent
            event.eboc_feedback_done = done
            event.eboc_feedback_rate = 100.0 * done / sent if sent else 0.0
            event.eboc_satisfaction = score or 0.0

    def action_eboc_send_feedback(self):
        """Send the feedback questionnaire to the attendees who have not had it yet,
        through the survey's own invitation (one personal link each). Organisers
        (who may edit the event) send it, without needing rights on surveys."""
        self.ensure_one()
        self.check_access("write")
        if not self.eboc_survey_id:
            raise UserError(self.env._("Choose the feedback questionnaire of the event first."))
        if self.date_end > fields.Datetime.now():
            raise UserError(self.env._("Feedback is asked for once the event is over."))
        attendees = self.registration_ids.filtered(
            lambda reg: reg.state == "done" and not reg.eboc_feedback_input_id
        )
        with_partner = attendees.filtered("partner_id")
        by_email = (attendees - with_partner).filtered("email")
        if not with_partner and not by_email:
            raise UserError(
                self.env._(
                    "Every attendee with an email has had the questionnaire. Mark the "
                    "attendance first if it is not done."
                )
            )
        self.env["survey.invite"].sudo().create(
            {
                "survey_id": self.eboc_survey_id.id,
                "partner_ids": [Command.set(with_partner.partner_id.ids)],
                "emails": "\n".join(by_email.mapped("email")),
                "existing_mode": "new",
                "template_id": self.env.ref("survey.mail_template_user_input_invite").id,
                "eboc_event_id": self.id,
            }
        ).action_invite()
        self._eboc_link_feedback(with_partner | by_email)
        self.message_post(
            body=self.env._(
                "Feedback questionnaire %(survey)s sent to %(count)s attendees.",
                survey=self.eboc_survey_id.title,
                count=len(with_partner | by_email),
            )
        )
        return True

    def _eboc_link_feedback(self, registrations):
        """Give each registration its own feedback answer, by person or email."""
        self.ensure_one()
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .search([("eboc_event_id", "=", self.id)], order="id desc")
        )
        linked = set(self.registration_ids.eboc_feedback_input_id.ids)
        free = [answer for answer in answers if answer.id not in linked]
        for registration in registrations:
            answer = next(
                (
                    answer
                    for answer in free
                    if (registration.partner_id and answer.partner_id == registration.partner_id)
                    or (not registration.partner_id and answer.email == registration.email)
                ),
                None,
            )
            if answer:
                free.remove(answer)
                registration.sudo().eboc_feedback_input_id = answer

    def action_eboc_open_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_events.survey_user_input_line_action_event"
        )
        action["domain"] = [("user_input_id.eboc_event_id", "=", self.id)]
        action["display_name"] = self.env._("Feedback: %s", self.name)
        return action

    def action_eboc_open_needs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "event.action_event_registration_report"
        )
        action["domain"] = [
            ("event_id", "=", self.id),
            ("question_id.eboc_practical_need", "=", True),
        ]
        action["context"] = {"group_by": ["question_id"]}
        return action

    def _compute_eboc_invitation_counts(self):
        groups = self.env["eboc.event.invitation"]._read_group(
            [("event_id", "in", self.ids)], ["event_id", "state"], ["__count"]
        )
        Invitation = self.env["eboc.event.invitation"]
        labels = dict(Invitation._fields["state"]._description_selection(self.env))
        counts = {}
        for event, state, count in groups:
            counts.setdefault(event.id, {})[state] = count
        for event in self:
            by_state = counts.get(event.id, {})
            event.eboc_invited_count = sum(by_state.values())
            event.eboc_invitation_summary = ", ".join(
                f"{labels[state]} {by_state[state]}"
                for state, _label in INVITATION_STATES
                if by_state.get(state)
            )

    def action_open_eboc_invitations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_events.eboc_event_invitation_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {"default_event_id": self.id}
        return action

    def action_eboc_invite_segment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invite a Segment"),
            "res_model": "eboc.event.invite.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.id},
        }

    def _eboc_quotes(self, company):
        """{event id: (member status, price)} a registration of ``company`` would get
        now, by the rule that prices registrations: one computation for all events."""
        Registration = self.env["event.registration"].sudo()
        probes = Registration.browse()
        for event in self:
            probes |= Registration.new({"event_id": event.id, "partner_id": company.id})
        return {
            registration.event_id.id: key
            for key, registrations in probes._eboc_statuses().items()
            for registration in registrations
        }

    def _eboc_price_for(self, status):
        """The price of a registration with the member status ``status``."""
        self.ensure_one()
        return {
            "association": self.eboc_price_association,
            "member": self.eboc_price_member,
        }.get(status, self.eboc_price_non_member)
