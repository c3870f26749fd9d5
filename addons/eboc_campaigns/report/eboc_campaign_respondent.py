from odoo import fields, models
from odoo.tools import SQL


class EbocCampaignRespondent(models.AbstractModel):
    """Who answered a campaign's questionnaire, as the questionnaire reports show it.

    The respondent's profile comes from the snapshot the answer took when it was
    sent. The anonymity rule lives here, once: for an anonymous campaign no report
    row names a contact or a company, whatever the answer still holds.
    """

    _name = "eboc.campaign.respondent"
    _description = "Campaign Questionnaire Respondent"

    campaign_id = fields.Many2one("eboc.campaign", readonly=True)
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    anonymous = fields.Boolean("Anonymous Answers", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Contact", readonly=True)
    respondent_company_id = fields.Many2one("res.partner", readonly=True)
    sector_id = fields.Many2one(
        "res.partner.industry",
        readonly=True,
        help="The sector section (ISIC letter) of the respondent's activity.",
    )
    industry_id = fields.Many2one("res.partner.industry", string="Activity", readonly=True)
    region_id = fields.Many2one("eboc.region", readonly=True)
    size_class_id = fields.Many2one("eboc.size.class", readonly=True)
    member_association_id = fields.Many2one("eboc.association", readonly=True)
    association_id = fields.Many2one(
        "eboc.association", string="Campaign Association", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)

    def _respondent_columns(self):
        """Return the SELECT columns of the fields above, over ``answer``
        (survey_user_input), ``campaign`` and ``industry`` (see _respondent_joins)."""
        return SQL(
            """
                   answer.eboc_campaign_id AS campaign_id, answer.survey_id,
                   campaign.anonymous,
                   CASE WHEN campaign.anonymous THEN NULL ELSE answer.partner_id END
                       AS partner_id,
                   CASE WHEN campaign.anonymous THEN NULL ELSE answer.eboc_company_id END
                       AS respondent_company_id,
                   COALESCE(industry.parent_id, industry.id) AS sector_id,
                   answer.eboc_industry_id AS industry_id,
                   answer.eboc_region_id AS region_id,
                   answer.eboc_size_class_id AS size_class_id,
                   answer.eboc_association_id AS member_association_id,
                   campaign.association_id, campaign.company_id
            """
        )

    def _respondent_joins(self):
        """Return the joins from ``answer`` (survey_user_input) that the columns need."""
        return SQL(
            """
              JOIN eboc_campaign campaign ON campaign.id = answer.eboc_campaign_id
         LEFT JOIN res_partner_industry industry ON industry.id = answer.eboc_industry_id
            """
        )
