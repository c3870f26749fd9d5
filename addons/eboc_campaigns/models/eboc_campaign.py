from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.eboc_membership.models import lifecycle

from . import campaign_rules

# Figures read from the campaign analysis view (eboc.campaign.report).
STATISTICS = (
    "target_count",
    "recipient_count",
    "sent_count",
    "delivered_count",
    "opened_count",
    "clicked_count",
    "replied_count",
    "bounced_count",
    "unsubscribed_count",
    "invited_count",
    "answered_count",
    "conversion_count",
    "result_count",
)


class EbocCampaign(models.Model):
    """A campaign over a segment: its mailings, its questionnaire and its results.

    Each campaign is also a UTM campaign (delegation), so that its mass mailings,
    their links and the traces they leave are Odoo's own.
    """

    _name = "eboc.campaign"
    _description = "Campaign"
    _inherits = {"utm.campaign": "utm_campaign_id"}
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _rec_name = "title"
    _check_company_auto = True

    utm_campaign_id = fields.Many2one(
        "utm.campaign", required=True, ondelete="cascade", index=True, auto_join=True
    )
    campaign_type = fields.Selection(
        [
            (campaign_rules.LOBBYING, "Lobbying"),
            (campaign_rules.SERVICE_PROMOTION, "Service Promotion"),
            (campaign_rules.RECRUITMENT, "Recruitment"),
            (campaign_rules.RETENTION, "Retention and Renewal"),
            (campaign_rules.EVENT_PROMOTION, "Event Promotion"),
        ],
        string="Type",
        required=True,
        tracking=True,
        help="Lobbying: a questionnaire to the key contacts of a segment. Recruitment: "
        "prospects who become members. Retention and Renewal: lapsed or suspended members "
        "who come back. Promotions: mailings about services or events.",
    )
    goal = fields.Integer(
        tracking=True,
        help="The number to reach: new members for recruitment, members won back for "
        "retention, answered questionnaires for lobbying, recipients who clicked a link "
        "for promotions; with EBMO Campaigns and Events, registrations through the "
        "campaign for event promotions.",
    )
    segment_id = fields.Many2one(
        "eboc.segment",
        string="Target Segment",
        required=True,
        tracking=True,
        check_company=True,
        help="The companies (or contacts) the campaign is for.",
    )
    contact_role_ids = fields.Many2many(
        "eboc.contact.role",
        "eboc_campaign_contact_role_rel",
        "campaign_id",
        "role_id",
        string="Contact Roles",
        help="Only the contacts with one of these roles receive the campaign's mailings "
        "and questionnaire. Leave empty for every contact of the segment's companies.",
    )
    key_contacts_only = fields.Boolean(
        help="Only the key contacts of each company: for the chosen roles, or for any role "
        "when none is chosen.",
    )
    association_id = fields.Many2one(
        "eboc.association",
        required=True,
        tracking=True,
        index=True,
        default=lambda self: self._default_association_id(),
        domain="[('company_id', 'in', allowed_company_ids)]",
        help="The association that runs the campaign. Recruitment and retention count the "
        "memberships of this association and of the associations below it; users "
        "restricted to associations see the campaigns of their own.",
    )
    company_id = fields.Many2one(
        related="association_id.company_id", store=True, index=True, precompute=True
    )
    date_start = fields.Date("Start Date", tracking=True, copy=False)
    date_end = fields.Date("End Date", tracking=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Campaign Stage",
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    description = fields.Html()
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        tracking=True,
        help="Sent to the campaign's contacts with Send Questionnaire; its answers are "
        "broken down by sector, region, size class and association.",
    )
    anonymous = fields.Boolean(
        "Anonymous Answers",
        tracking=True,
        help="Once a contact completes the questionnaire, the answers are unlinked from "
        "the contact and the company: reports show them by sector, region, size class "
        "and association only.",
    )
    anonymous_min_respondents = fields.Integer(
        "Smallest Group Shown",
        default=lambda self: self._default_anonymous_min_respondents(),
        tracking=True,
        help="For anonymous answers: a breakdown (a combination of activity, region, "
        "size class and association) with fewer respondents than this is withheld from "
        "the reports and the export, so that nobody is recognised by their profile. "
        "The default is set in the Email Marketing settings.",
    )
    invited_partner_ids = fields.Many2many(
        "res.partner",
        "eboc_campaign_invited_partner_rel",
        "campaign_id",
        "partner_id",
        string="Invited Contacts",
        readonly=True,
        copy=False,
        help="Contacts who received the questionnaire: each is invited once.",
    )
    mailing_ids = fields.One2many("mailing.mailing", "eboc_campaign_id", string="Mailings")
    mailing_count = fields.Integer(compute="_compute_mailing_count")
    target_ids = fields.One2many("eboc.campaign.target", "campaign_id", string="Targets")
    reachable_count = fields.Integer(
        "Contacts to Reach",
        compute="_compute_reachable_count",
        help="Contacts of the segment with the chosen roles who can receive mail today: "
        "with an email, not blacklisted and not opted out.",
    )
    target_count = fields.Integer("Target Companies", compute="_compute_statistics")
    recipient_count = fields.Integer("Recipients", compute="_compute_statistics")
    sent_count = fields.Integer("Sent", compute="_compute_statistics")
    delivered_count = fields.Integer("Delivered", compute="_compute_statistics")
    opened_count = fields.Integer("Opened", compute="_compute_statistics")
    clicked_count = fields.Integer("Clicked", compute="_compute_statistics")
    replied_count = fields.Integer("Replied", compute="_compute_statistics")
    bounced_count = fields.Integer("Bounced", compute="_compute_statistics")
    unsubscribed_count = fields.Integer("Unsubscribed", compute="_compute_statistics")
    invited_count = fields.Integer("Invited", compute="_compute_statistics")
    answered_count = fields.Integer("Answered", compute="_compute_statistics")
    response_rate = fields.Float("Response Rate (%)", compute="_compute_statistics")
    conversion_count = fields.Integer("Conversions", compute="_compute_statistics")
    result_count = fields.Integer(
        "Result", compute="_compute_statistics", help="What the goal counts, for this type."
    )
    goal_progress = fields.Float("Goal Reached (%)", compute="_compute_statistics")

    @api.model
    def _default_association_id(self):
        """The user's own association when restricted, else the top of the federation."""
        user_associations = self.env.user.eboc_association_ids
        if user_associations:
            return user_associations[:1]
        return self.env["eboc.association"].search(
            [("parent_id", "=", False), ("company_id", "in", self.env.companies.ids)],
            limit=1,
        )

    @api.model
    def _default_anonymous_min_respondents(self):
        """The smallest group shown by default, from the settings (5 if unset)."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(campaign_rules.MIN_RESPONDENTS_PARAM, "")
        )
        try:
            return max(1, int(value))
        except ValueError:
            return campaign_rules.DEFAULT_MIN_RESPONDENTS

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    def _compute_mailing_count(self):
        groups = (
            self.env["mailing.mailing"]
            .sudo()
            ._read_group([("eboc_campaign_id", "in", self.ids)], ["eboc_campaign_id"], ["__count"])
        )
        counts = {campaign.id: count for campaign, count in groups}
        for campaign in self:
            campaign.mailing_count = counts.get(campaign.id, 0)

    @api.depends("segment_id", "contact_role_ids", "key_contacts_only")
    def _compute_reachable_count(self):
        for campaign in self:
            campaign.reachable_count = (
                self.env["res.partner"].search_count(campaign._get_recipient_domain())
                if campaign.segment_id
                else 0
            )

    def _compute_statistics(self):
        report = self.env["eboc.campaign.report"]
        self.env.flush_all()  # the view reads traces, answers and targets
        rows = {
            row["id"]: row
            for row in report.sudo().search_read(
                [("id", "in", self.ids)], [*STATISTICS, "response_rate", "goal_progress"]
            )
        }
        for campaign in self:
            row = rows.get(campaign.id, {})
            for name in (*STATISTICS, "response_rate", "goal_progress"):
                campaign[name] = row.get(name, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for campaign in self:
            if (
                campaign.date_start
                and campaign.date_end
                and campaign.date_end < campaign.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The campaign %(name)s cannot end before it starts.",
                        name=campaign.display_name,
                    )
                )

    @api.constrains("goal")
    def _check_goal(self):
        for campaign in self:
            if campaign.goal < 0:
                raise ValidationError(
                    self.env._(
                        "The goal of campaign %(name)s cannot be negative.",
                        name=campaign.display_name,
                    )
                )

    @api.constrains("anonymous_min_respondents")
    def _check_anonymous_min_respondents(self):
        for campaign in self:
            if campaign.anonymous_min_respondents < 1:
                raise ValidationError(
                    self.env._(
                        "The smallest group shown for campaign %(name)s must be at least 1.",
                        name=campaign.display_name,
                    )
                )

    def write(self, vals):
        if "anonymous" in vals or "survey_id" in vals or "anonymous_min_respondents" in vals:
            sent = (
                self.env["survey.user_input"]
                .sudo()
                ._read_group([("eboc_campaign_id", "in", self.ids)], ["eboc_campaign_id"])
            )
            changed = [
                campaign
                for (campaign,) in sent
                if ("anonymous" in vals and bool(vals["anonymous"]) != campaign.anonymous)
                or ("survey_id" in vals and vals["survey_id"] != campaign.survey_id.id)
                or (
                    "anonymous_min_respondents" in vals
                    and campaign.anonymous
                    and vals["anonymous_min_respondents"] != campaign.anonymous_min_respondents
                )
            ]
            if changed:
                raise UserError(
                    self.env._(
                        "The questionnaire of campaign %(name)s has been sent: neither the "
                        "questionnaire, nor whether its answers are anonymous, nor the "
                        "smallest group shown can change. Start a new campaign instead.",
                        name=changed[0].display_name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        started = self.filtered(lambda c: c.state in ("running", "done"))
        if started:
            raise UserError(
                self.env._(
                    "Campaign %(name)s has started: cancel it instead of deleting it.",
                    name=started[0].display_name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_questionnaire_sent(self):
        # Deleting the campaign would detach its answers (their campaign is set
        # empty) before they are anonymised, and lose what the campaign asked.
        if self.env.su:
            return
        sent = (
            self.env["survey.user_input"]
            .sudo()
            .search([("eboc_campaign_id", "in", self.ids)], limit=1)
        )
        if sent:
            raise UserError(
                self.env._(
                    "Campaign %(name)s has sent its questionnaire: its answers must be "
                    "kept. Cancel or archive the campaign instead of deleting it.",
                    name=sent.eboc_campaign_id.display_name,
                )
            )

    def unlink(self):
        # The UTM campaign exists only for this campaign; whoever may delete the
        # campaign may delete it, UTM rights or not.
        utm_campaigns = self.utm_campaign_id
        res = super().unlink()
        utm_campaigns.sudo().unlink()
        return res

    # ------------------------------------------------------------------
    # Stages
    # ------------------------------------------------------------------

    def action_start(self):
        not_draft = self.filtered(lambda c: c.state != "draft")
        if not_draft:
            raise UserError(
                self.env._(
                    "Only draft campaigns can start; %(name)s is not a draft.",
                    name=not_draft[0].display_name,
                )
            )
        today = fields.Date.context_today(self)
        for campaign in self:
            vals = {"state": "running"}
            if not campaign.date_start:
                vals["date_start"] = today
            campaign.write(vals)
        self._add_targets()
        return True

    def action_done(self):
        running = self.filtered(lambda c: c.state == "running")
        for campaign in running:
            vals = {"state": "done"}
            if not campaign.date_end:
                vals["date_end"] = max(fields.Date.context_today(self), campaign.date_start)
            campaign.write(vals)
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        self.filtered(lambda c: c.state == "cancelled").write({"state": "draft"})
        return True

    def action_update_targets(self):
        self._add_targets()
        return True

    # ------------------------------------------------------------------
    # Audience
    # ------------------------------------------------------------------

    def _get_recipient_domain(self):
        """Return the domain of the contacts (res.partner) the campaign reaches: the
        persons of the segment's companies (or the segment's contacts) with one of the
        chosen roles, who have an email and are neither blacklisted nor opted out."""
        self.ensure_one()
        segment = self.segment_id.sudo()
        segment_domain = segment._get_domain()
        if segment.target == "company":
            domain = [
                ("is_company", "=", False),
                ("commercial_partner_id", "any", segment_domain),
            ]
        else:
            domain = segment_domain
        role_field = "key_role_ids" if self.key_contacts_only else "contact_role_ids"
        if self.contact_role_ids:
            domain = expression.AND([domain, [(role_field, "in", self.contact_role_ids.ids)]])
        elif self.key_contacts_only:
            domain = expression.AND([domain, [("key_role_ids", "!=", False)]])
        return expression.AND([domain, self.env["res.partner"]._eboc_get_reachable_domain()])

    def _get_recipients(self):
        """Return the contacts the campaign reaches today."""
        self.ensure_one()
        return self.env["res.partner"].search(self._get_recipient_domain())

    def _get_target_companies(self):
        """Return the companies of the segment today."""
        self.ensure_one()
        records = self.segment_id._get_records()
        return records if self.segment_id.target == "company" else records.commercial_partner_id

    def _get_start_states(self, companies):
        """Return {company id: membership status} within the campaign's association and
        the associations below it, in one grouped read."""
        self.ensure_one()
        groups = (
            self.env["eboc.membership"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", companies.ids),
                    ("association_id", "child_of", self.association_id.id),
                ],
                ["partner_id"],
                ["state:array_agg"],
            )
        )
        states = {partner.id: lifecycle.overall_status(agg) for partner, agg in groups}
        return {
            company.id: states.get(company.id, lifecycle.NO_MEMBERSHIP) for company in companies
        }

    def _prepare_target_vals(self, company, start_state):
        """Return the values of the target created for ``company``."""
        self.ensure_one()
        return {"campaign_id": self.id, "partner_id": company.id, "state_at_start": start_state}

    def _add_targets(self):
        """Record the segment's companies not targeted yet, with their membership
        status now: conversions are counted against it."""
        vals_list = []
        for campaign in self:
            companies = campaign._get_target_companies() - campaign.target_ids.partner_id
            states = campaign._get_start_states(companies)
            vals_list += [
                campaign._prepare_target_vals(company, states[company.id]) for company in companies
            ]
        return self.env["eboc.campaign.target"].create(vals_list)

    def _get_conversion_start_states(self):
        self.ensure_one()
        return campaign_rules.conversion_start_states(self.campaign_type)

    # ------------------------------------------------------------------
    # Mailings and questionnaire
    # ------------------------------------------------------------------

    def _check_running(self):
        for campaign in self:
            if campaign.state != "running":
                raise UserError(
                    self.env._(
                        "Start campaign %(name)s before sending anything for it.",
                        name=campaign.display_name,
                    )
                )

    def action_new_mailing(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Mailing"),
            "res_model": "mailing.mailing",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "default_eboc_campaign_id": self.id,
                "default_campaign_id": self.utm_campaign_id.id,
                "default_mailing_type": "mail",
                "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "default_subject": self.title,
            },
        }

    def action_open_mailings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mass_mailing.mailing_mailing_action_mail"
        )
        action["domain"] = [("eboc_campaign_id", "=", self.id)]
        action["context"] = {
            "default_eboc_campaign_id": self.id,
            "default_campaign_id": self.utm_campaign_id.id,
            "default_mailing_type": "mail",
            "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
        }
        return action

    def action_open_recipients(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Contacts to Reach"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": self._get_recipient_domain(),
        }

    def action_open_targets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Target Companies"),
            "res_model": "eboc.campaign.target",
            "view_mode": "list,pivot,graph",
            "domain": [("campaign_id", "=", self.id)],
            "context": {"default_campaign_id": self.id},
        }

    def action_open_conversions(self):
        action = self.action_open_targets()
        action["name"] = self.env._("Conversions")
        action["domain"] = [("campaign_id", "=", self.id), ("converted", "=", True)]
        return action

    def _get_questionnaire_recipients(self):
        """Return the contacts the questionnaire has not been sent to yet."""
        self.ensure_one()
        return self._get_recipients() - self.invited_partner_ids

    def action_send_questionnaire(self):
        self.ensure_one()
        self._check_running()
        if not self.survey_id:
            raise UserError(
                self.env._(
                    "Choose the questionnaire of campaign %(name)s first.", name=self.display_name
                )
            )
        if not self._get_questionnaire_recipients():
            raise UserError(
                self.env._(
                    "Every contact campaign %(name)s reaches has received the questionnaire.",
                    name=self.display_name,
                )
            )
        action = self.survey_id.action_send_survey()
        action["context"] = dict(
            action.get("context", {}),
            default_eboc_campaign_id=self.id,
            default_partner_ids=[],
            default_send_email=True,
        )
        return action

    def action_open_answers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_campaigns.eboc_campaign_answer_report_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"search_default_filter_choice": 1}
        return action

    def action_open_responses(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_campaigns.eboc_campaign_response_report_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        return action

    def action_export_results(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/eboc_campaigns/campaign/{self.id}/results.xlsx",
            "target": "download",
        }
