from odoo import api, fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    eboc_satisfaction = fields.Boolean(
        "Measures Satisfaction",
        help="The answers to this scale question make the satisfaction shown on events, "
        "brought to a score out of 5.",
    )


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    eboc_event_id = fields.Many2one(
        "event.event",
        string="Event",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The event this answer gives feedback on.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        answers = super().create(vals_list)
        answers.filtered(lambda answer: answer.state == "done").partner_id._eboc_update_engagement()
        return answers

    def write(self, vals):
        result = super().write(vals)
        if "state" in vals:
            self.partner_id._eboc_update_engagement()
        return result
