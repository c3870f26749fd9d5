from odoo import api, fields, models
from odoo.exceptions import UserError


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
        # Whoever answers (a portal contact too), the association is found among the
        # company's memberships in the campaign's federation, not through the reader.
        associations = (
            self.env["eboc.membership"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", company.id),
                    ("is_member", "=", True),
                    ("association_id", "child_of", campaign.association_id.id),
                ],
                order="association_id",
            )
            .association_id
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
        campaigns = Campaign.sudo().browse(
            [vals["eboc_campaign_id"] for vals in vals_list if vals.get("eboc_campaign_id")]
        )
        if any(campaigns.mapped("anonymous")):
            # Nobody follows an anonymous participation: its followers would be told
            # of it, and they could read its messages.
            self = self.with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
        for vals in vals_list:
            if vals.get("eboc_campaign_id") and vals.get("partner_id"):
                vals.update(
                    self._eboc_prepare_profile_vals(
                        Partner.browse(vals["partner_id"]),
                        Campaign.browse(vals["eboc_campaign_id"]),
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if "eboc_campaign_id" in vals and not self.env.su:
            moved = self.sudo().filtered(
                lambda a: a.eboc_campaign_id.id != (vals["eboc_campaign_id"] or False)
            )
            if moved:
                raise UserError(
                    self.env._(
                        "A questionnaire answer stays with the campaign that sent it. "
                        "Send the questionnaire again from the other campaign instead."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_eboc_not_anonymised(self):
        self._eboc_check_deletable()

    def _eboc_check_deletable(self):
        """Refuse deleting (the participations, or their answer lines) while answers of
        an anonymous campaign are not anonymised yet (not completed)."""
        if self.env.su:
            return
        kept = self.sudo().filtered(lambda a: a.eboc_campaign_id.anonymous and a.state != "done")
        if kept:
            raise UserError(
                self.env._(
                    "The answers to the anonymous campaign %(name)s cannot be deleted before "
                    "they are anonymised: cancel or close the campaign instead, the "
                    "unanswered invitations then simply stay unanswered.",
                    name=kept.eboc_campaign_id[:1].display_name,
                )
            )

    def _message_auto_subscribe(self, updated_values, followers_existing_policy="skip"):
        # The questionnaire's followers follow its participations: not those of an
        # anonymous campaign.
        return super(
            SurveyUserInput, self.filtered(lambda a: not a.sudo().eboc_campaign_id.anonymous)
        )._message_auto_subscribe(updated_values, followers_existing_policy)

    def _notify_new_participation_subscribers(self):
        # A message per anonymous participation, with its date and its record, would
        # tell its readers when each invited contact answered.
        return super(
            SurveyUserInput, self.filtered(lambda a: not a.sudo().eboc_campaign_id.anonymous)
        )._notify_new_participation_subscribers()

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


class SurveyUserInputLine(models.Model):
    _inherit = "survey.user_input.line"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_eboc_not_anonymised(self):
        self.sudo().user_input_id.with_env(self.env)._eboc_check_deletable()
