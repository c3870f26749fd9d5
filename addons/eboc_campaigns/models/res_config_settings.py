from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import campaign_rules


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    eboc_anonymous_min_respondents = fields.Integer(
        "Smallest Group Shown in Anonymous Results",
        config_parameter=campaign_rules.MIN_RESPONDENTS_PARAM,
        default=campaign_rules.DEFAULT_MIN_RESPONDENTS,
        help="The default for new anonymous campaigns: a breakdown with fewer respondents "
        "is withheld from the questionnaire reports and exports.",
    )

    @api.constrains("eboc_anonymous_min_respondents")
    def _check_eboc_anonymous_min_respondents(self):
        for settings in self:
            if settings.eboc_anonymous_min_respondents < 1:
                raise ValidationError(
                    self.env._("The smallest group shown in anonymous results must be at least 1.")
                )
