from odoo import api, models
from odoo.exceptions import UserError


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_eboc_campaign_answers(self):
        # Deleting a survey deletes its answers with it (in the database, past any
        # check on the answers themselves).
        if self.env.su:
            return
        sent = (
            self.env["survey.user_input"]
            .sudo()
            .search([("survey_id", "in", self.ids), ("eboc_campaign_id", "!=", False)], limit=1)
        )
        if sent:
            raise UserError(
                self.env._(
                    "Questionnaire %(survey)s has been sent by campaign %(campaign)s: its "
                    "answers must be kept. Archive the questionnaire instead of deleting it.",
                    survey=sent.survey_id.display_name,
                    campaign=sent.eboc_campaign_id.display_name,
                )
            )
