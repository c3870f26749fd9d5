from odoo import fields, models, tools
from odoo.tools import SQL


class EbocCampaignAnswerReport(models.Model):
    """Questionnaire results of campaigns, one row per answer given to a choice,
    scale or numeric question of a completed questionnaire.

    Count the answers by question and answer, across sector, region, size class or
    association; average the scale and numeric values. For an anonymous campaign no
    row names a contact or a company.
    """

    _name = "eboc.campaign.answer.report"
    _description = "Questionnaire Results"
    _auto = False
    _order = "campaign_id desc, question_sequence, id"
    _rec_name = "question_id"

    campaign_id = fields.Many2one("eboc.campaign", readonly=True)
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    anonymous = fields.Boolean("Anonymous Answers", readonly=True)
    user_input_id = fields.Many2one("survey.user_input", string="Response", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    question_sequence = fields.Integer(readonly=True)
    answer_id = fields.Many2one("survey.question.answer", readonly=True)
    matrix_row_id = fields.Many2one("survey.question.answer", string="Row", readonly=True)
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
    answer_count = fields.Integer("Answers", readonly=True)
    value = fields.Float(
        "Average Value",
        readonly=True,
        aggregator="avg",
        digits=(12, 2),
        help="The value given to a scale or numeric question.",
    )

    def _query(self):
        return SQL(
            """
            SELECT line.id, answer.eboc_campaign_id AS campaign_id, answer.survey_id,
                   campaign.anonymous, answer.id AS user_input_id, line.question_id,
                   line.question_sequence, line.suggested_answer_id AS answer_id,
                   line.matrix_row_id,
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
                   1 AS answer_count,
                   CASE line.answer_type
                        WHEN 'scale' THEN line.value_scale::numeric
                        WHEN 'numerical_box' THEN line.value_numerical_box::numeric
                   END AS value
              FROM survey_user_input_line line
              JOIN survey_user_input answer ON answer.id = line.user_input_id
              JOIN eboc_campaign campaign ON campaign.id = answer.eboc_campaign_id
         LEFT JOIN res_partner_industry industry ON industry.id = answer.eboc_industry_id
             WHERE answer.state = 'done'
               AND answer.test_entry IS NOT TRUE
               AND line.skipped IS NOT TRUE
               AND line.answer_type IN ('suggestion', 'scale', 'numerical_box')
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
