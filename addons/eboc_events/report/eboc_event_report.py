from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.event_registration import MEMBER_STATUS


class EbocEventReport(models.Model):
    """Event attendance and satisfaction, one row per registration.

    The rates are averages of 0 and 100 per registration, so the pivot shows them
    right at any grouping: the attendance rate over the registrations not
    cancelled, the response rate over the attendees asked for feedback, and the
    satisfaction (out of 5) over those who answered.
    """

    _name = "eboc.event.report"
    _description = "Event Attendance and Satisfaction"
    _auto = False
    _order = "date_begin desc, event_id"
    _rec_name = "event_id"

    event_id = fields.Many2one("event.event", readonly=True)
    event_type_id = fields.Many2one("event.type", string="Event Template", readonly=True)
    date_begin = fields.Datetime("Event Date", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    registration_id = fields.Many2one("event.registration", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Attendee", readonly=True)
    attendee_company_id = fields.Many2one("res.partner", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", string="Sector", readonly=True)
    region_id = fields.Many2one("eboc.region", readonly=True)
    size_class_id = fields.Many2one("eboc.size.class", readonly=True)
    member_status = fields.Selection(MEMBER_STATUS, readonly=True)
    state = fields.Selection(
        [
            ("draft", "Unconfirmed"),
            ("open", "Registered"),
            ("done", "Attended"),
            ("cancel", "Cancelled"),
        ],
        string="Registration Status",
        readonly=True,
    )
    registered = fields.Integer("Registrations", readonly=True)
    attended = fields.Integer("Attendees", readonly=True)
    attendance_rate = fields.Float(
        "Attendance Rate (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    revenue = fields.Float("Registration Fees", readonly=True)
    feedback_sent = fields.Integer(readonly=True)
    feedback_done = fields.Integer("Feedback Received", readonly=True)
    response_rate = fields.Float(
        "Response Rate (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    satisfaction = fields.Float(
        "Satisfaction (out of 5)", readonly=True, aggregator="avg", digits=(3, 2)
    )

    def _query(self):
        return SQL(
            """
            WITH satisfaction AS (
                SELECT line.user_input_id,
                       AVG(5.0 * line.value_scale / NULLIF(question.scale_max, 0)) AS score
                  FROM survey_user_input_line line
                  JOIN survey_question question ON question.id = line.question_id
                 WHERE question.eboc_satisfaction
                   AND line.answer_type = 'scale'
                   AND line.skipped IS NOT TRUE
              GROUP BY line.user_input_id
            )
            SELECT reg.id, reg.event_id, event.event_type_id, event.date_begin,
                   event.company_id, reg.id AS registration_id, reg.partner_id,
                   reg.eboc_company_id AS attendee_company_id, company.industry_id,
                   company.region_id, company.size_class_id,
                   reg.eboc_member_status AS member_status, reg.state,
                   1 AS registered,
                   CASE WHEN reg.state = 'done' THEN 1 ELSE 0 END AS attended,
                   CASE WHEN reg.state = 'cancel' THEN NULL
                        WHEN reg.state = 'done' THEN 100.0 ELSE 0.0 END AS attendance_rate,
                   CASE WHEN reg.state = 'cancel' THEN 0
                        ELSE COALESCE(reg.eboc_price, 0) END AS revenue,
                   CASE WHEN answer.id IS NULL THEN 0 ELSE 1 END AS feedback_sent,
                   CASE WHEN answer.state = 'done' THEN 1 ELSE 0 END AS feedback_done,
                   CASE WHEN answer.id IS NULL THEN NULL
                        WHEN answer.state = 'done' THEN 100.0 ELSE 0.0 END AS response_rate,
                   CASE WHEN answer.state = 'done' THEN satisfaction.score END
                       AS satisfaction
              FROM event_registration reg
              JOIN event_event event ON event.id = reg.event_id
         LEFT JOIN res_partner company ON company.id = reg.eboc_company_id
         LEFT JOIN survey_user_input answer ON answer.id = reg.eboc_feedback_input_id
         LEFT JOIN satisfaction ON satisfaction.user_input_id = answer.id
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
