from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class ServicesPortal(CustomerPortal):
    """The services a member company received, under /my/services, to show its
    contacts what the membership gives them. Portal users have no access to service
    records (their subjects and outcomes are staff's notes): the page reads, as
    superuser, only the date, type and staff member of the company's own services."""

    def _eboc_services_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.commercial_partner_id.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "eboc_service_count" in counters:
            values["eboc_service_count"] = (
                request.env["eboc.service.record"].sudo().search_count(self._eboc_services_domain())
            )
        return values

    @http.route(
        ["/my/services", "/my/services/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_services(self, page=1, **kw):
        Service = request.env["eboc.service.record"].sudo()
        domain = self._eboc_services_domain()
        pager = portal_pager(
            url="/my/services",
            total=Service.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        services = Service.search(
            domain, order="date desc, id desc", limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            services=[
                {
                    "date": service.date,
                    "type": service.service_type_id.name,
                    "staff": service.user_id.name,
                }
                for service in services
            ],
            page_name="eboc_services",
            pager=pager,
            default_url="/my/services",
        )
        return request.render("eboc_events.portal_my_services", values)
