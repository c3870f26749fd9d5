from odoo import fields, models, tools
from odoo.tools import SQL


class EbocCampaignAnswerReport(models.Model):
    """Questionnaire results of campaigns, one row per answer given to a choice,
    scale or numeric question of a completed questionnaire.

    Count the answers by question and answer, across sector, region, size class or
    association; average the scale and numeric values. For an anonymous campaign no
    row names a contact or a company, and the profiles and answers of too few
    respondents are withheld (see eboc.campaign.respondent).
    """

    _name = "eboc.campaign.answer.report"
    _inherit = ["eboc.campaign.respondent"]
    _description = "Questionnaire Results"
    _auto = False
    _order = "campaign_id desc, question_sequence, id"
    _rec_name = "question_id"

    user_input_id = fields.Many2one(
        "survey.user_input",
        string="Response",
        readonly=True,
        help="Empty for an anonymous campaign: nobody but the superuser reads its answers.",
    )
    respondent_key = fields.Integer(
        readonly=True,
        aggregator=None,
        help="Tells the answers of one respondent from another's, to count respondents; "
        "for an anonymous campaign it leads to no participation.",
    )
    question_id = fields.Many2one("survey.question", readonly=True)
    question_sequence = fields.Integer(readonly=True)
    answer_id = fields.Many2one("survey.question.answer", readonly=True)
    matrix_row_id = fields.Many2one("survey.question.answer", string="Row", readonly=True)
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
            SELECT CASE WHEN campaign.anonymous THEN %s ELSE line.id END AS id, %s,
                   CASE WHEN campaign.anonymous THEN NULL ELSE answer.id END
                       AS user_input_id,
                   answer.eboc_key AS respondent_key,
                   line.question_id, line.question_sequence,
                   line.suggested_answer_id AS answer_id, line.matrix_row_id,
                   1 AS answer_count,
                   CASE line.answer_type
                        WHEN 'scale' THEN line.value_scale::numeric
                        WHEN 'numerical_box' THEN line.value_numerical_box::numeric
                   END AS value
              FROM survey_user_input_line line
              JOIN %s answer ON answer.id = line.user_input_id
              %s
             WHERE answer.state = 'done'
               AND answer.test_entry IS NOT TRUE
               AND NOT answer.eboc_left_out
               AND line.skipped IS NOT TRUE
               AND line.answer_type IN ('suggestion', 'scale', 'numerical_box')
            """,
            self._opaque_id(SQL("answer.access_token || '-' || line.id")),
            self._respondent_columns(),
            self._respondent_source(),
            self._respondent_joins(),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
