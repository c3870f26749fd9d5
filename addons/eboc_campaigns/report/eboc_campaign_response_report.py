from odoo import fields, models, tools
from odoo.tools import SQL


class EbocCampaignResponseReport(models.Model):
    """Questionnaire response rates, one row per contact invited by a campaign.

    The response rate is an average of 0 and 100 per invitation, so the pivot shows it
    right at any grouping. For an anonymous campaign no row names a contact or a
    company: only the sector, region, size class and association remain.
    """

    _name = "eboc.campaign.response.report"
    _description = "Questionnaire Response Rates"
    _auto = False
    _order = "campaign_id desc, id"
    _rec_name = "campaign_id"

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
    invited = fields.Integer(readonly=True)
    answered = fields.Integer(readonly=True)
    response_rate = fields.Float(
        "Response Rate (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )

    def _query(self):
        return SQL(
            """
            SELECT answer.id, answer.eboc_campaign_id AS campaign_id, answer.survey_id,
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
                   campaign.association_id, campaign.company_id,
                   1 AS invited,
                   CASE WHEN answer.state = 'done' THEN 1 ELSE 0 END AS answered,
                   CASE WHEN answer.state = 'done' THEN 100.0 ELSE 0.0 END AS response_rate
              FROM survey_user_input answer
              JOIN eboc_campaign campaign ON campaign.id = answer.eboc_campaign_id
         LEFT JOIN res_partner_industry industry ON industry.id = answer.eboc_industry_id
             WHERE answer.test_entry IS NOT TRUE
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
