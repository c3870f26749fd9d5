from odoo import fields, models


class EbocMembershipEndWizard(models.TransientModel):
    """Ends memberships (lapse or resignation) with the date and reason they need."""

    _name = "eboc.membership.end.wizard"
    _description = "End Membership"

    membership_ids = fields.Many2many("eboc.membership", required=True)
    end_state = fields.Selection(
        [("lapsed", "Lapsed"), ("resigned", "Resigned")], required=True, default="resigned"
    )
    date_end = fields.Date("End Date", required=True, default=fields.Date.context_today)
    leaving_reason_id = fields.Many2one("eboc.leaving.reason", string="Reason for Leaving")
    leaving_note = fields.Text("Details")

    def action_confirm(self):
        self.ensure_one()
        self.membership_ids._change_state(
            self.end_state,
            {
                "date_end": self.date_end,
                "leaving_reason_id": self.leaving_reason_id.id,
                "leaving_note": self.leaving_note,
            },
        )
        if self.leaving_note:
            for membership in self.membership_ids:
                membership.message_post(body=self.leaving_note)
        return {"type": "ir.actions.act_window_close"}
