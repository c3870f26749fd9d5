from odoo import fields, models, tools
from odoo.tools import SQL


class EbocCampaignResponseReport(models.Model):
    """Questionnaire response rates, one row per contact invited by a campaign.

    The response rate is an average of 0 and 100 per invitation, so the pivot shows it
    right at any grouping. For an anonymous campaign no row names a contact or a
    company: only the sector, region, size class and association remain, and not
    even these for a profile with too few respondents (see eboc.campaign.respondent).
    """

    _name = "eboc.campaign.response.report"
    _inherit = ["eboc.campaign.respondent"]
    _description = "Questionnaire Response Rates"
    _auto = False
    _order = "campaign_id desc, id"
    _rec_name = "campaign_id"

    invited = fields.Integer(readonly=True)
    answered = fields.Integer(readonly=True)
    response_rate = fields.Float(
        "Response Rate (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )

    def _query(self):
        return SQL(
            """
            SELECT answer.eboc_key AS id, %s,
                   1 AS invited,
                   CASE WHEN answer.state = 'done' THEN 1 ELSE 0 END AS answered,
                   CASE WHEN answer.state = 'done' THEN 100.0 ELSE 0.0 END AS response_rate
              FROM %s answer
              %s
             WHERE answer.test_entry IS NOT TRUE
            """,
            self._respondent_columns(),
            self._respondent_source(),
            self._respondent_joins(),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
