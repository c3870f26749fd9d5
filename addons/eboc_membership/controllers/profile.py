from odoo import http
from odoo.exceptions import AccessError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class CompanyProfilePortal(CustomerPortal):
    """The company profile under /my/company: every contact of the company sees it;
    contacts whose roles edit the profile change it. Portal users have no access to
    other companies' partners beyond Odoo's own portal rules, and none to change
    requests: the page reads the user's own commercial partner as superuser and
    the model checks the right before writing anything."""

    def _eboc_profile_values(self, **extra):
        person = request.env.user.partner_id
        company = person.commercial_partner_id.sudo()
        lines = request.env["eboc.profile.field"].sudo().search([])
        Change = request.env["eboc.profile.change"].sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            company=company,
            profile_lines=lines,
            contacts=company.child_ids.filtered(lambda c: c.active and c.type == "contact"),
            pending=Change.search([("partner_id", "=", company.id), ("state", "=", "pending")]),
            may_edit=company.is_company and person.contact_role_ids._grants("edits_profile"),
            page_name="eboc_company",
            **extra,
        )
        return values

    @http.route("/my/company", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_company(self, **kw):
        return request.render(
            "eboc_membership.portal_my_company",
            self._eboc_profile_values(saved=kw.get("saved"), editing=bool(kw.get("edit"))),
        )

    @http.route("/my/company", type="http", auth="user", website=True, methods=["POST"])
    def portal_my_company_save(self, **post):
        person = request.env.user.partner_id
        company = person.commercial_partner_id
        try:
            applied, requests = request.env["eboc.profile.change"]._submit(company, person, post)
        except (AccessError, ValidationError) as error:
            return request.render(
                "eboc_membership.portal_my_company",
                self._eboc_profile_values(error=error.args[0], editing=True, posted=post),
            )
        saved = "pending" if requests else ("applied" if applied else "unchanged")
        return request.redirect(f"/my/company?saved={saved}")
