from odoo import fields, models


class SurveyInvite(models.TransientModel):
    _inherit = "survey.invite"

    eboc_event_id = fields.Many2one(
        "event.event", string="Event", help="The answers created give feedback on this event."
    )

    def _get_answers_values(self):
        values = super()._get_answers_values()
        if self.eboc_event_id:
            values["eboc_event_id"] = self.eboc_event_id.id
        return values
