from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

CERTIFICATE_REPORT = "eboc_membership.action_report_membership_certificate"


class MembershipPortal(CustomerPortal):
    """A member's contacts see their company's memberships under /my, and print the
    membership certificate. The record rules give a portal user its own company's
    memberships only; every page reads through them."""

    def _eboc_memberships_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.commercial_partner_id.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "eboc_membership_count" in counters:
            Membership = request.env["eboc.membership"]
            values["eboc_membership_count"] = (
                Membership.search_count(self._eboc_memberships_domain())
                if Membership.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/memberships", "/my/memberships/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_memberships(self, page=1, **kw):
        Membership = request.env["eboc.membership"]
        domain = self._eboc_memberships_domain()
        count = Membership.search_count(domain)
        pager = portal_pager(
            url="/my/memberships", total=count, page=page, step=self._items_per_page
        )
        memberships = Membership.search(
            domain,
            order="state, date_join desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            memberships=memberships,
            page_name="eboc_memberships",
            pager=pager,
            default_url="/my/memberships",
        )
        return request.render("eboc_membership.portal_my_memberships", values)

    def _eboc_membership_or_redirect(self, membership_id):
        try:
            return self._document_check_access("eboc.membership", membership_id), None
        except (AccessError, MissingError):
            return None, request.redirect("/my")

    @http.route("/my/memberships/<int:membership_id>", type="http", auth="user", website=True)
    def portal_my_membership(self, membership_id, **kw):
        membership, redirect = self._eboc_membership_or_redirect(membership_id)
        if redirect:
            return redirect
        values = self._prepare_portal_layout_values()
        values.update(
            membership=membership,
            page_name="eboc_membership",
            certificate_refusal=membership._eboc_certificate_refusal(),
            error=kw.get("error"),
        )
        return request.render("eboc_membership.portal_my_membership", values)

    @http.route(
        "/my/memberships/<int:membership_id>/certificate", type="http", auth="user", website=True
    )
    def portal_my_membership_certificate(self, membership_id, **kw):
        membership, redirect = self._eboc_membership_or_redirect(membership_id)
        if redirect:
            return redirect
        if membership._eboc_certificate_refusal():
            return request.redirect(f"/my/memberships/{membership.id}?error=certificate")
        membership._eboc_prepare_certificate()
        return self._show_report(membership, "pdf", CERTIFICATE_REPORT, download=True)

    @http.route("/eboc/certificate/<string:code>", type="http", auth="public", website=True)
    def eboc_certificate_check(self, code, **kw):
        """Anyone holding a certificate checks it here: valid or not, and the few facts
        printed on it, nothing more."""
        membership = (
            request.env["eboc.membership"].sudo().search([("certificate_code", "=", code)], limit=1)
            if code
            else request.env["eboc.membership"]
        )
        valid = bool(membership) and not membership._eboc_certificate_refusal()
        return request.render(
            "eboc_membership.certificate_check",
            {"membership": membership, "valid": valid, "page_name": "eboc_certificate"},
        )
