from odoo import api, fields, models
from odoo.osv import expression


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    eboc_campaign_id = fields.Many2one(
        "eboc.campaign",
        string="EBMO Campaign",
        index="btree_not_null",
        ondelete="set null",
        help="The mailing goes to the contacts this campaign reaches: the chosen roles of "
        "its segment's companies, never to blacklisted or opted-out contacts.",
    )

    @api.depends(
        "eboc_campaign_id.segment_id.domain",
        "eboc_campaign_id.segment_id.target",
        "eboc_campaign_id.contact_role_ids",
        "eboc_campaign_id.key_contacts_only",
    )
    def _compute_mailing_domain(self):
        campaign_mailings = self.filtered(
            lambda m: m.eboc_campaign_id and m.mailing_model_name == "res.partner"
        )
        for mailing in campaign_mailings:
            if mailing.state != "draft" and mailing.mailing_domain:
                # A mailing sent keeps the audience it was sent to.
                mailing.mailing_domain = mailing.mailing_domain
            else:
                mailing.mailing_domain = repr(mailing.eboc_campaign_id._get_recipient_domain())
        return super(MailingMailing, self - campaign_mailings)._compute_mailing_domain()

    @api.onchange("eboc_campaign_id")
    def _onchange_eboc_campaign_id(self):
        if self.eboc_campaign_id:
            self.campaign_id = self.eboc_campaign_id.utm_campaign_id

    def _get_recipients_domain(self):
        # The campaign's consent rules hold at sending, whatever the domain was edited to.
        domain = super()._get_recipients_domain()
        if self.eboc_campaign_id and self.mailing_model_real == "res.partner":
            domain = expression.AND([domain, self.eboc_campaign_id._get_recipient_domain()])
        return domain

    def action_put_in_queue(self):
        # Every way of sending (now, scheduled, from the schedule wizard) comes here.
        self.eboc_campaign_id._check_running()
        return super().action_put_in_queue()
