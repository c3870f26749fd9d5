from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

# The breakdowns of a respondent: report column -> SQL over ``answer``
# (survey_user_input) and ``industry`` (its activity).
BREAKDOWNS = {
    "sector_id": "COALESCE(industry.parent_id, industry.id)",
    "industry_id": "answer.eboc_industry_id",
    "region_id": "answer.eboc_region_id",
    "size_class_id": "answer.eboc_size_class_id",
    "member_association_id": "answer.eboc_association_id",
}
CELLS_VIEW = "eboc_campaign_anonymous_cell"


def cells_query():
    """Per participation of an anonymous campaign, whether each breakdown value may
    be shown: the written form of the rule "a cell has at least the campaign's
    minimum of respondents".

    A value is shown when at least ``min_respondents`` completed answers of the
    campaign share it, and when the answers withheld on that breakdown (unset or in
    a smaller cell) are none or at least the minimum too: otherwise the total minus
    the cells shown would reveal a small cell, and the whole breakdown is withheld.
    """
    counts = ",\n".join(
        f"COUNT(*) FILTER (WHERE done) OVER (PARTITION BY campaign_id, {name}) AS n_{name}"
        for name in BREAKDOWNS
    )
    withheld = ",\n".join(
        f"COUNT(*) FILTER (WHERE done AND ({name} IS NULL OR n_{name} < minimum))"
        f" OVER (PARTITION BY campaign_id) AS w_{name}"
        for name in BREAKDOWNS
    )
    keep = ",\n".join(
        f"({name} IS NOT NULL AND n_{name} >= minimum"
        f" AND (w_{name} = 0 OR w_{name} >= minimum)) AS keep_{name}"
        for name in BREAKDOWNS
    )
    values = ",\n".join(f"{expr} AS {name}" for name, expr in BREAKDOWNS.items())
    return SQL(
        f"""
        WITH answers AS (
            SELECT answer.id, answer.eboc_campaign_id AS campaign_id,
                   answer.state = 'done' AS done, campaign.min_respondents AS minimum,
                   {values}
              FROM survey_user_input answer
              JOIN eboc_campaign campaign
                ON campaign.id = answer.eboc_campaign_id AND campaign.anonymous
         LEFT JOIN res_partner_industry industry ON industry.id = answer.eboc_industry_id
             WHERE answer.test_entry IS NOT TRUE
        ), counted AS (
            SELECT answers.*, {counts} FROM answers
        ), withheld AS (
            SELECT counted.*, {withheld} FROM counted
        )
        SELECT id, {keep} FROM withheld
        """
    )


class EbocCampaignRespondent(models.AbstractModel):
    """Who answered a campaign's questionnaire, as the questionnaire reports show it.

    The respondent's profile comes from the snapshot the answer took when it was
    sent. The anonymity rules live here, once: for an anonymous campaign no report
    row names a contact or a company, whatever the answer still holds; a breakdown
    value shared by fewer respondents than the campaign's minimum is withheld
    (:func:`cells_query`); the rows are read only as totals, one breakdown at a time.
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
        (survey_user_input), ``campaign``, ``industry`` and ``cell`` (see
        _respondent_joins)."""
        breakdowns = ",\n".join(
            f"CASE WHEN cell.keep_{name} IS FALSE THEN NULL ELSE {expr} END AS {name}"
            for name, expr in BREAKDOWNS.items()
        )
        return SQL(
            f"""
                   answer.eboc_campaign_id AS campaign_id, answer.survey_id,
                   campaign.anonymous,
                   CASE WHEN campaign.anonymous THEN NULL ELSE answer.partner_id END
                       AS partner_id,
                   CASE WHEN campaign.anonymous THEN NULL ELSE answer.eboc_company_id END
                       AS respondent_company_id,
                   {breakdowns},
                   campaign.association_id, campaign.company_id
            """
        )

    def _respondent_joins(self):
        """Return the joins from ``answer`` (survey_user_input) that the columns need."""
        return SQL(
            f"""
              JOIN eboc_campaign campaign ON campaign.id = answer.eboc_campaign_id
         LEFT JOIN res_partner_industry industry ON industry.id = answer.eboc_industry_id
         LEFT JOIN {CELLS_VIEW} cell ON cell.id = answer.id
            """
        )

    def _create_cells_view(self):
        """The reports read the cells view; each report creates it before itself."""
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(CELLS_VIEW), cells_query())
        )

    # ------------------------------------------------------------------
    # Reading anonymous answers: totals only, one breakdown at a time
    # ------------------------------------------------------------------

    def _has_anonymous_rows(self, domain):
        return bool(self.search_count([*domain, ("anonymous", "=", True)], limit=1))

    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        broken_down = {spec.split(":")[0].split(".")[0] for spec in groupby} & set(BREAKDOWNS)
        if len(broken_down) > 1 and not self.env.su and self._has_anonymous_rows(domain):
            raise UserError(
                self.env._(
                    "Anonymous answers are broken down by one of sector, activity, region, "
                    "size class or association at a time: crossing two of them would show "
                    "groups too small to keep the respondents anonymous. Remove one of the "
                    "groupings, or filter on a campaign whose answers are not anonymous."
                )
            )
        return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)

    def _check_not_anonymous(self):
        """Rows of anonymous campaigns are not read one by one (their breakdowns
        together could single a respondent out): only totals, by _read_group."""
        if not self.env.su and any(self.sudo().mapped("anonymous")):
            raise AccessError(
                self.env._(
                    "The answers of anonymous campaigns are shown as totals only: use the "
                    "pivot or graph view, or the campaign's results export."
                )
            )

    def fetch(self, field_names=None):
        self._check_not_anonymous()
        return super().fetch(field_names)

    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        # A list of rows (the list view, search_read) leaves out the anonymous ones;
        # search() itself fetches nothing, and the pivot reads through _read_group.
        if field_names and not self.env.su:
            domain = [*domain, ("anonymous", "=", False)]
        return super().search_fetch(domain, field_names, offset, limit, order)
