from odoo import fields, models
from odoo.tools import SQL


class EbocCampaignRespondent(models.AbstractModel):
    """Who answered a campaign's questionnaire, as the questionnaire reports show it.

    The respondent's profile comes from the snapshot the answer took when it was
    sent. The anonymity rules live here, once, and the results export reads these
    reports: for an anonymous campaign no report row names a contact or a company,
    whatever the answer still holds, and respondents whose profile (activity, region,
    size class and association together) is shared by fewer respondents than the
    campaign's smallest group shown lose their profile ("withheld"). When the withheld
    respondents are themselves fewer than that, their answers are left out too.
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
    withheld = fields.Boolean(
        "Withheld (Small Group)",
        readonly=True,
        help="Anonymous answers only: the respondent's profile is shared by too few "
        "respondents to be shown.",
    )

    def _respondent_source(self):
        """Return the rows of survey_user_input the reports read, to select ``FROM``
        as ``answer``, with two more columns: ``eboc_withheld`` (the profile is hidden)
        and ``eboc_left_out`` (the answers are left out as well), and ``eboc_key``:
        the answer's id, or for an anonymous campaign an opaque number instead (see
        _opaque_id), since ids follow the order of the invited contacts.

        The profile of an anonymous campaign's respondent is withheld when fewer than
        the campaign's smallest group shown completed the questionnaire with the same
        activity, region, size class and association: every combination of these
        left in a report then counts at least that many respondents, however the
        report is grouped. An invitation not answered is withheld with its profile's
        respondents. The withheld respondents of a campaign form one group without a
        profile; when it is smaller than the smallest group shown too, their answers
        are left out of the results (the response rates still count them)."""
        return SQL(
            """
            (SELECT profile.*,
                    profile.eboc_small_profile AND COUNT(*) FILTER (
                        WHERE profile.eboc_small_profile AND profile.eboc_respondent
                    ) OVER (PARTITION BY profile.eboc_campaign_id) < profile.eboc_min_respondents
                        AS eboc_left_out
               FROM (SELECT input.id, input.survey_id, input.eboc_campaign_id,
                            input.partner_id, input.eboc_company_id, input.eboc_industry_id,
                            input.eboc_region_id, input.eboc_size_class_id,
                            input.eboc_association_id, input.state, input.test_entry,
                            input.access_token,
                            CASE WHEN input_campaign.anonymous
                                 THEN %s
                                 ELSE input.id
                            END AS eboc_key,
                            input.state = 'done' AND input.test_entry IS NOT TRUE
                                AS eboc_respondent,
                            input_campaign.anonymous_min_respondents AS eboc_min_respondents,
                            COALESCE(input_campaign.anonymous, FALSE) AND COUNT(*) FILTER (
                                WHERE input.state = 'done' AND input.test_entry IS NOT TRUE
                            ) OVER (
                                PARTITION BY input.eboc_campaign_id, input.eboc_industry_id,
                                             input.eboc_region_id, input.eboc_size_class_id,
                                             input.eboc_association_id
                            ) < COALESCE(input_campaign.anonymous_min_respondents, 1)
                                AS eboc_small_profile
                       FROM survey_user_input input
                       JOIN eboc_campaign input_campaign
                         ON input_campaign.id = input.eboc_campaign_id
                    ) profile
            )
            """,
            self._opaque_id(SQL("input.access_token")),
        )

    def _opaque_id(self, token):
        """Return an SQL integer that stands for a row of an anonymous campaign: a hash
        of ``token`` (an SQL text expression, secret to staff), unlike an id, which
        follows the order in which contacts were invited or answered. 52 bits, so that
        the web client reads it whole."""
        return SQL("('x' || substr(md5(%s), 1, 13))::bit(52)::bigint", token)

    def _respondent_columns(self):
        """Return the SELECT columns of the fields above, over ``answer`` (see
        _respondent_source), ``campaign`` and ``industry`` (see _respondent_joins)."""
        return SQL(
            """
                   answer.eboc_campaign_id AS campaign_id, answer.survey_id,
                   campaign.anonymous,
                   CASE WHEN campaign.anonymous THEN NULL ELSE answer.partner_id END
                       AS partner_id,
                   CASE WHEN campaign.anonymous THEN NULL ELSE answer.eboc_company_id END
                       AS respondent_company_id,
                   CASE WHEN NOT answer.eboc_small_profile
                        THEN COALESCE(industry.parent_id, industry.id) END AS sector_id,
                   CASE WHEN NOT answer.eboc_small_profile
                        THEN answer.eboc_industry_id END AS industry_id,
                   CASE WHEN NOT answer.eboc_small_profile
                        THEN answer.eboc_region_id END AS region_id,
                   CASE WHEN NOT answer.eboc_small_profile
                        THEN answer.eboc_size_class_id END AS size_class_id,
                   CASE WHEN NOT answer.eboc_small_profile
                        THEN answer.eboc_association_id END AS member_association_id,
                   answer.eboc_small_profile AS withheld,
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
