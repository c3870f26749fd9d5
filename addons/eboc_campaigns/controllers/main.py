from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.mass_mailing.controllers.main import MassMailController


class EbocMassMailController(MassMailController):
    def _mailing_unsubscribe_from_document(self, mailing, document_id, email, hash_token):
        # Odoo blacklists the address; a campaign also records the contact's opt-out,
        # with its date and the mailing it came from.
        response = super()._mailing_unsubscribe_from_document(
            mailing, document_id, email, hash_token
        )
        if mailing.eboc_campaign_id and mailing.mailing_model_real == "res.partner" and document_id:
            partner = request.env["res.partner"].sudo().browse(int(document_id)).exists()
            if partner:
                partner._eboc_opt_out_from_mailing(mailing)
        return response


class CampaignResultsExport(http.Controller):
    @http.route("/eboc_campaigns/campaign/<int:campaign_id>/results.xlsx", type="http", auth="user")
    def campaign_results_xlsx(self, campaign_id):
        campaign = request.env["eboc.campaign"].browse(campaign_id).exists()
        if not campaign:
            raise request.not_found()
        campaign.check_access("read")
        content = campaign._render_results_xlsx()
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(f"{campaign.title}.xlsx")),
            ],
        )
