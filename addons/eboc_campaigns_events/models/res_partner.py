from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _eboc_answer_ebmo_sql(self):
        """A campaign's questionnaire counts in the engagement of the campaign's EBMO."""
        return (
            "COALESCE((SELECT campaign.company_id FROM eboc_campaign campaign"
            f" WHERE campaign.id = u.eboc_campaign_id), {super()._eboc_answer_ebmo_sql()})"
        )
