from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

# The pages that show the campaign preferences, where the form returns.
PREFERENCE_PAGES = ("/my/questionnaires", "/my/company")


class QuestionnairesPortal(CustomerPortal):
    """The questionnaires sent to a member's contact (/my/questionnaires), and its
    choice to receive campaigns or not. Portal users have no access to participations
    (and nobody but the superuser reads an anonymous campaign's): the page reads, as
    superuser, the participations addressed to the user's own contact only, which
    its survey links (with their tokens) were sent to anyway."""

    def _eboc_questionnaires(self):
        return (
            request.env["survey.user_input"]
            .sudo()
            .search(
                [("partner_id", "=", request.env.user.partner_id.id), ("test_entry", "=", False)],
                order="create_date desc, id desc",
            )
        )

    @staticmethod
    def _eboc_is_open(answer):
        deadline_passed = answer.deadline and answer.deadline < fields.Datetime.now()
        return answer.state != "done" and answer.survey_id.active and not deadline_passed

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "eboc_questionnaire_count" in counters:
            values["eboc_questionnaire_count"] = len(
                self._eboc_questionnaires().filtered(self._eboc_is_open)
            )
        return values

    @http.route("/my/questionnaires", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_questionnaires(self, **kw):
        answers = self._eboc_questionnaires()
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="eboc_questionnaires",
            answers=answers,
            open_ids={answer.id for answer in answers if self._eboc_is_open(answer)},
        )
        return request.render("eboc_campaigns.portal_my_questionnaires", values)

    @http.route(
        "/my/questionnaires/preferences",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_campaign_preferences(self, opt_out=None, back=None, **kw):
        """The contact's own choice, never another's: the person is the user's. It
        returns to the page the form was on, one of ours only."""
        person = request.env.user.partner_id.sudo()
        wanted = opt_out == "1"
        if person.eboc_opt_out != wanted:
            person.write({"eboc_opt_out": wanted, "eboc_opt_out_source": "portal"})
            person.message_post(
                body=request.env._("Opted out of campaigns on the member portal.")
                if wanted
                else request.env._("Opted back in to campaigns on the member portal.")
            )
        page = back if back in PREFERENCE_PAGES else PREFERENCE_PAGES[0]
        return request.redirect(f"{page}?campaigns={'out' if wanted else 'in'}")
