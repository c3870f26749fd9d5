from odoo import fields, models, tools
from odoo.tools import SQL

from ..models import campaign_rules


class EbocCampaignReport(models.Model):
    """Campaigns side by side, one row per campaign: reach, engagement, conversions
    and the goal. The campaign form reads its figures from here too."""

    _name = "eboc.campaign.report"
    _description = "Campaign Analysis"
    _auto = False
    _order = "date_start desc, id desc"
    _rec_name = "campaign_id"

    campaign_id = fields.Many2one("eboc.campaign", readonly=True)
    # Function selections are not translated by Odoo: they ask the campaign's fields
    # for their labels in the reader's language.
    campaign_type = fields.Selection(
        lambda self: (
            self.env["eboc.campaign"]._fields["campaign_type"]._description_selection(self.env)
        ),
        string="Type",
        readonly=True,
    )
    state = fields.Selection(
        lambda self: self.env["eboc.campaign"]._fields["state"]._description_selection(self.env),
        string="Campaign Stage",
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="Owner", readonly=True)
    segment_id = fields.Many2one("eboc.segment", string="Target Segment", readonly=True)
    association_id = fields.Many2one("eboc.association", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_start = fields.Date("Start Date", readonly=True)
    date_end = fields.Date("End Date", readonly=True)
    goal = fields.Integer(readonly=True)
    target_count = fields.Integer("Target Companies", readonly=True)
    recipient_count = fields.Integer("Recipients", readonly=True)
    sent_count = fields.Integer("Sent", readonly=True)
    delivered_count = fields.Integer("Delivered", readonly=True)
    opened_count = fields.Integer("Opened", readonly=True)
    clicked_count = fields.Integer("Clicked", readonly=True)
    replied_count = fields.Integer("Replied", readonly=True)
    bounced_count = fields.Integer("Bounced", readonly=True)
    unsubscribed_count = fields.Integer("Unsubscribed", readonly=True)
    invited_count = fields.Integer("Invited", readonly=True)
    answered_count = fields.Integer("Answered", readonly=True)
    conversion_count = fields.Integer("Conversions", readonly=True)
    result_count = fields.Integer("Result", readonly=True)
    open_rate = fields.Float("Open Rate (%)", readonly=True, aggregator="avg", digits=(5, 1))
    click_rate = fields.Float("Click Rate (%)", readonly=True, aggregator="avg", digits=(5, 1))
    response_rate = fields.Float(
        "Response Rate (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    goal_progress = fields.Float("Goal Reached (%)", readonly=True, aggregator="avg", digits=(5, 1))

    def _get_extra_figures(self):
        """Return {column: SQL} of further figures per campaign, each an expression
        over ``campaign`` (the eboc_campaign row), such as a correlated subquery.
        Each becomes a column of the view, to be declared as a field by the addon that
        adds it, and may be named in ``_get_result_measures``."""
        return {}

    def _get_result_measures(self):
        """Return {campaign type: name of the figure its goal counts}."""
        return dict(campaign_rules.RESULT_MEASURE)

    def _result_sql(self):
        """Return the SQL CASE that picks, per type, what the goal counts."""
        whens = SQL(" ").join(
            SQL("WHEN %s THEN %s", campaign_type, SQL.identifier(measure))
            for campaign_type, measure in self._get_result_measures().items()
        )
        return SQL("CASE figures.campaign_type %s ELSE 0 END", whens)

    def _query(self):
        extra = self._get_extra_figures()
        return SQL(
            """
            WITH traces AS (
                SELECT mailing.eboc_campaign_id AS campaign_id,
                       COUNT(*) FILTER (WHERE trace.trace_status != 'cancel') AS recipient_count,
                       COUNT(trace.sent_datetime) AS sent_count,
                       COUNT(*) FILTER (WHERE trace.trace_status IN ('sent', 'open', 'reply'))
                           AS delivered_count,
                       COUNT(*) FILTER (WHERE trace.trace_status IN ('open', 'reply'))
                           AS opened_count,
                       COUNT(trace.links_click_datetime) AS clicked_count,
                       COUNT(*) FILTER (WHERE trace.trace_status = 'reply') AS replied_count,
                       COUNT(*) FILTER (WHERE trace.trace_status = 'bounce') AS bounced_count
                  FROM mailing_trace trace
                  JOIN mailing_mailing mailing ON mailing.id = trace.mass_mailing_id
                 WHERE mailing.eboc_campaign_id IS NOT NULL
              GROUP BY mailing.eboc_campaign_id
            ), unsubscribed AS (
                SELECT mailing.eboc_campaign_id AS campaign_id,
                       COUNT(*) AS unsubscribed_count
                  FROM res_partner partner
                  JOIN mailing_mailing mailing ON mailing.id = partner.eboc_opt_out_mailing_id
                 WHERE partner.eboc_opt_out AND mailing.eboc_campaign_id IS NOT NULL
              GROUP BY mailing.eboc_campaign_id
            ), answers AS (
                SELECT eboc_campaign_id AS campaign_id,
                       COUNT(*) AS invited_count,
                       COUNT(*) FILTER (WHERE state = 'done') AS answered_count
                  FROM survey_user_input
                 WHERE eboc_campaign_id IS NOT NULL AND test_entry IS NOT TRUE
              GROUP BY eboc_campaign_id
            ), targets AS (
                SELECT campaign_id,
                       COUNT(*) AS target_count,
                       COUNT(date_converted) AS conversion_count
                  FROM eboc_campaign_target
              GROUP BY campaign_id
            ), figures AS (
                SELECT campaign.id, campaign.campaign_type, campaign.goal,
                       COALESCE(targets.target_count, 0) AS target_count,
                       COALESCE(traces.recipient_count, 0) AS recipient_count,
                       COALESCE(traces.sent_count, 0) AS sent_count,
                       COALESCE(traces.delivered_count, 0) AS delivered_count,
                       COALESCE(traces.opened_count, 0) AS opened_count,
                       COALESCE(traces.clicked_count, 0) AS clicked_count,
                       COALESCE(traces.replied_count, 0) AS replied_count,
                       COALESCE(traces.bounced_count, 0) AS bounced_count,
                       COALESCE(unsubscribed.unsubscribed_count, 0) AS unsubscribed_count,
                       COALESCE(answers.invited_count, 0) AS invited_count,
                       COALESCE(answers.answered_count, 0) AS answered_count,
                       COALESCE(targets.conversion_count, 0) AS conversion_count%s
                  FROM eboc_campaign campaign
             LEFT JOIN traces ON traces.campaign_id = campaign.id
             LEFT JOIN unsubscribed ON unsubscribed.campaign_id = campaign.id
             LEFT JOIN answers ON answers.campaign_id = campaign.id
             LEFT JOIN targets ON targets.campaign_id = campaign.id
            )
            SELECT campaign.id, campaign.id AS campaign_id, campaign.campaign_type,
                   campaign.state, utm.user_id, campaign.segment_id, campaign.association_id,
                   campaign.company_id, campaign.date_start, campaign.date_end,
                   campaign.goal, figures.target_count, figures.recipient_count,
                   figures.sent_count, figures.delivered_count, figures.opened_count,
                   figures.clicked_count, figures.replied_count, figures.bounced_count,
                   figures.unsubscribed_count, figures.invited_count,
                   figures.answered_count, figures.conversion_count,%s
                   figures.result_count,
                   CASE WHEN figures.delivered_count > 0
                        THEN 100.0 * figures.opened_count / figures.delivered_count END
                       AS open_rate,
                   CASE WHEN figures.delivered_count > 0
                        THEN 100.0 * figures.clicked_count / figures.delivered_count END
                       AS click_rate,
                   CASE WHEN figures.invited_count > 0
                        THEN 100.0 * figures.answered_count / figures.invited_count END
                       AS response_rate,
                   CASE WHEN campaign.goal > 0
                        THEN 100.0 * figures.result_count / campaign.goal END
                       AS goal_progress
              FROM eboc_campaign campaign
              JOIN utm_campaign utm ON utm.id = campaign.utm_campaign_id
              JOIN (SELECT figures.*, %s AS result_count FROM figures
                   ) figures ON figures.id = campaign.id
            """,
            SQL("").join(
                SQL(", %s AS %s", expression, SQL.identifier(name))
                for name, expression in extra.items()
            ),
            SQL("").join(SQL(" figures.%s,", SQL.identifier(name)) for name in extra),
            self._result_sql(),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
