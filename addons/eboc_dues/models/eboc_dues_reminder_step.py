import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import lights


class EbocDuesReminderStep(models.Model):
    """A reminder sent a number of days before or after the due date of unpaid dues.

    Each dues line remembers the last step it got, so a step is sent once, and a line
    that reaches several steps at once (an invoice posted late) gets only the latest.
    """

    _name = "eboc.dues.reminder.step"
    _description = "Dues Reminder Step"
    _order = "company_id, days, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    days = fields.Integer(
        "Days After Due Date",
        required=True,
        help="Negative before the due date, 0 on it, positive after it.",
    )
    template_id = fields.Many2one(
        "mail.template",
        string="Email Template",
        required=True,
        domain=[("model", "=", "account.move")],
        help="Rendered on the dues invoice and logged in its chatter.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    line_count = fields.Integer("Sent", compute="_compute_line_count")

    @api.constrains("days", "company_id", "active")
    def _check_days_unique(self):
        for step in self:
            twins = self.search_count(
                [
                    ("company_id", "=", step.company_id.id),
                    ("days", "=", step.days),
                    ("id", "!=", step.id),
                ]
            )
            if twins:
                raise ValidationError(
                    self.env._(
                        "Reminder step %(name)s: another step is already sent %(days)s days "
                        "after the due date.",
                        name=step.name,
                        days=step.days,
                    )
                )

    def _compute_line_count(self):
        groups = self.env["eboc.dues.line"]._read_group(
            [("reminder_step_id", "in", self.ids)], ["reminder_step_id"], ["__count"]
        )
        counts = {step.id: count for step, count in groups}
        for step in self:
            step.line_count = counts.get(step.id, 0)

    def _get_lines_to_remind(self, today):
        """Open dues lines that reached this step and did not get it or a later one."""
        self.ensure_one()
        return self.env["eboc.dues.line"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("light", "in", (lights.AMBER, lights.RED)),
                ("invoice_date", "<", today),
                ("invoice_date_due", "<=", today - datetime.timedelta(days=self.days)),
                "|",
                ("reminder_step_id", "=", False),
                ("reminder_step_id.days", "<", self.days),
            ]
        )

    def _send(self, lines, today):
        """Email the step's template for the lines' invoices, in one mass mailing."""
        self.ensure_one()
        composer = self.env["mail.compose.message"].create(
            {
                "composition_mode": "mass_mail",
                "force_send": False,
                "model": "account.move",
                "res_ids": lines.move_id.ids,
                "template_id": self.template_id.id,
                "auto_delete_keep_log": True,
            }
        )
        composer._action_send_mail()
        lines.write({"reminder_step_id": self.id, "reminder_date": today})

    @api.model
    def _send_reminders(self, today=None):
        """Send every step that is due; the latest steps first."""
        today = today or fields.Date.context_today(self)
        sent = self.env["eboc.dues.line"]
        for step in self.search([], order="days desc"):
            lines = step._get_lines_to_remind(today)
            if lines:
                step._send(lines, today)
                sent |= lines
        return sent
