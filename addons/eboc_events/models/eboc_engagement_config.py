from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EbocEngagementConfig(models.Model):
    """How a member company's engagement is scored: one configuration for the
    database, edited by membership managers from the Configuration menu.

    A company scores, over the window, the weight of each service it used (set on
    the service type), plus a weight per event its people attended and per
    questionnaire they answered. An active member with no interaction at all in
    the last ``at_risk_months`` is "at risk"."""

    _name = "eboc.engagement.config"
    _description = "Engagement Scoring"
    _inherit = ["mail.thread"]

    name = fields.Char(required=True, default="Engagement Scoring", translate=True)
    window_months = fields.Integer(
        "Window (Months)",
        default=12,
        required=True,
        tracking=True,
        help="Services, events and answers of the last months that count in the score.",
    )
    weight_event = fields.Float(
        "Points per Event Attended",
        default=3.0,
        tracking=True,
        help="Counted once per event, however many of the company's people attended.",
    )
    weight_answer = fields.Float(
        "Points per Questionnaire Answered",
        default=2.0,
        tracking=True,
        help="Each completed questionnaire (survey) of a person of the company.",
    )
    level_medium = fields.Float(
        "Medium from", default=4.0, tracking=True, help="Score from which engagement is medium."
    )
    level_high = fields.Float(
        "High from", default=10.0, tracking=True, help="Score from which engagement is high."
    )
    at_risk_months = fields.Integer(
        "At Risk after (Months)",
        default=6,
        required=True,
        tracking=True,
        help="An active member with no service, event or answer in that many months is at risk.",
    )

    @api.constrains("window_months", "at_risk_months", "weight_event", "weight_answer")
    def _check_positive(self):
        for config in self:
            if config.window_months < 1 or config.at_risk_months < 1:
                raise ValidationError(
                    self.env._("The window and the at-risk delay are at least one month.")
                )
            if config.weight_event < 0 or config.weight_answer < 0:
                raise ValidationError(self.env._("Engagement weights cannot be negative."))

    @api.constrains("level_medium", "level_high")
    def _check_levels(self):
        for config in self:
            if not 0 < config.level_medium <= config.level_high:
                raise ValidationError(
                    self.env._(
                        "The medium level starts above zero and at most where the high "
                        "level starts."
                    )
                )

    @api.model
    def _get(self):
        """The configuration in force (the first one; installation creates it)."""
        config = self.sudo().search([], limit=1)
        return config or self.sudo().create({})

    def write(self, vals):
        result = super().write(vals)
        if {"window_months", "weight_event", "weight_answer", "level_medium", "level_high"} & set(
            vals
        ):
            self.env["res.partner"]._eboc_update_all_engagement()
        return result
