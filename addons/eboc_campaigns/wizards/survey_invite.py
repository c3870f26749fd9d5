from odoo import api, fields, models


class SurveyInvite(models.TransientModel):
    _inherit = "survey.invite"

    eboc_campaign_id = fields.Many2one(
        "eboc.campaign",
        string="Campaign",
        help="The questionnaire goes to the contacts of this campaign who have not "
        "received it yet.",
    )
    eboc_recipient_count = fields.Integer(
        "Contacts to Invite", compute="_compute_eboc_recipient_count"
    )

    @api.depends("eboc_campaign_id")
    def _compute_eboc_recipient_count(self):
        for invite in self:
            invite.eboc_recipient_count = (
                len(invite.eboc_campaign_id._get_questionnaire_recipients())
                if invite.eboc_campaign_id
                else 0
            )

    def _get_answers_values(self):
        values = super()._get_answers_values()
        if self.eboc_campaign_id:
            values["eboc_campaign_id"] = self.eboc_campaign_id.id
        return values

    def action_invite(self):
        campaign = self.eboc_campaign_id
        if not campaign:
            return super().action_invite()
        campaign._check_running()
        recipients = campaign._get_questionnaire_recipients()
        self.write({"partner_ids": [fields.Command.set(recipients.ids)], "existing_mode": "new"})
        invite = self.with_context(mail_notify_author=False)
        if campaign.anonymous:
            # Nobody but the superuser reads the participations of an anonymous
            # campaign, the sender included: survey creates and mails them so.
            invite = invite.sudo()
        result = super(SurveyInvite, invite).action_invite()
        campaign.sudo().invited_partner_ids = [fields.Command.link(p.id) for p in recipients]
        return result
