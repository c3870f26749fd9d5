from odoo import api, fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    eboc_campaign_id = fields.Many2one(
        "eboc.campaign",
        string="Campaign",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The campaign that sent this questionnaire.",
    )
    # Who answered, as the breakdowns need it, kept when the answer is anonymised.
    eboc_company_id = fields.Many2one("res.partner", string="Respondent Company", readonly=True)
    eboc_industry_id = fields.Many2one("res.partner.industry", string="Sector", readonly=True)
    eboc_region_id = fields.Many2one("eboc.region", string="Region", readonly=True)
    eboc_size_class_id = fields.Many2one("eboc.size.class", string="Size Class", readonly=True)
    eboc_association_id = fields.Many2one(
        "eboc.association",
        string="Member Association",
        readonly=True,
        help="The association of the campaign's federation the company is a member of.",
    )

    @api.model
    def _eboc_prepare_profile_vals(self, partner, campaign):
        """Return the breakdown values of an answer by ``partner`` for ``campaign``."""
        company = partner.commercial_partner_id
        associations = company.member_association_ids.filtered_domain(
            [("id", "child_of", campaign.association_id.id)]
        )
        return {
            "eboc_company_id": company.id,
            "eboc_industry_id": company.industry_id.id,
            "eboc_region_id": company.region_id.id,
            "eboc_size_class_id": company.size_class_id.id,
            "eboc_association_id": associations[:1].id,
        }

    @api.model_create_multi
    def create(self, vals_list):
        Campaign = self.env["eboc.campaign"]
        Partner = self.env["res.partner"]
        for vals in vals_list:
            if vals.get("eboc_campaign_id") and vals.get("partner_id"):
                vals.update(
                    self._eboc_prepare_profile_vals(
                        Partner.browse(vals["partner_id"]),
                        Campaign.browse(vals["eboc_campaign_id"]),
                    )
                )
        return super().create(vals_list)

    def _mark_done(self):
        # Unlink anonymous answers before anything (survey's own notification
        # included) can name who gave them.
        self.filtered(lambda a: a.eboc_campaign_id.anonymous)._eboc_anonymise()
        return super()._mark_done()

    def _eboc_anonymise(self):
        """Cut the answers from the contact and the company that gave them."""
        self.sudo().write(
            {
                "partner_id": False,
                "email": False,
                "nickname": False,
                "eboc_company_id": False,
            }
        )
