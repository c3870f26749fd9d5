from urllib.parse import urlencode

from odoo import fields, http
from odoo.http import request

from odoo.addons.eboc_membership.models import lifecycle
from odoo.addons.portal.controllers.portal import CustomerPortal


class EventsPortal(CustomerPortal):
    """Events on the member portal (/my/events): the upcoming events a member's contact
    may join, at its company's price, its company's registrations, and its own
    feedback questionnaires. Portal users have no access to events or registrations:
    every read is done as superuser within the portal user's own company, and every
    registration or cancellation is checked against it here before it is made."""

    def _eboc_company(self):
        return request.env.user.partner_id.commercial_partner_id.sudo()

    def _eboc_open_events(self, company, domain=()):
        """Upcoming events this company's contacts may register for: those one of its
        contacts is invited to, and, for members, those open to members (narrowed by
        ``domain``)."""
        Event = request.env["event.event"].sudo()
        invited = (
            request.env["eboc.event.invitation"]
            .sudo()
            ._read_group([("company_partner_id", "=", company.id)], [], ["event_id:array_agg"])[0][
                0
            ]
        )
        visibility = [("id", "in", invited or [])]
        if company.membership_ids.filtered(lambda m: m.state in lifecycle.MEMBER_STATES):
            visibility = ["|", ("eboc_portal_open", "=", True), *visibility]
        return Event.search(
            [
                ("date_end", ">=", fields.Datetime.now()),
                ("stage_id.pipe_end", "=", False),
                *visibility,
                *domain,
            ]
        )

    def _eboc_registrations(self, company, domain=()):
        return (
            request.env["event.registration"]
            .sudo()
            .search(
                [("eboc_company_id", "=", company.id), *domain],
                order="create_date desc, id desc",
            )
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "eboc_event_count" in counters:
            values["eboc_event_count"] = len(self._eboc_open_events(self._eboc_company()))
        return values

    @http.route("/my/events", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_events(self, **kw):
        company = self._eboc_company()
        person = request.env.user.partner_id
        events = self._eboc_open_events(company)
        registrations = self._eboc_registrations(company)
        feedback = registrations.filtered(
            lambda r: (
                r.partner_id == person
                and r.eboc_feedback_input_id
                and r.eboc_feedback_input_id.state != "done"
            )
        )
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="eboc_events",
            events=events,
            quotes=events._eboc_quotes(company),
            registrations=registrations,
            registered={
                (r.event_id.id, r.partner_id.id) for r in registrations if r.state != "cancel"
            },
            feedback=feedback,
            contacts=company.child_ids.filtered(lambda c: c.type == "contact" and c.active),
            person=person,
            now=fields.Datetime.now(),
            message=kw.get("message"),
            error=kw.get("error"),
        )
        return request.render("eboc_events.portal_my_events", values)

    @http.route(
        "/my/events/<int:event_id>/register",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_events_register(self, event_id, partner_id=None, **kw):
        company = self._eboc_company()
        event = self._eboc_open_events(company, [("id", "=", event_id)])
        attendee = company.child_ids.filtered(
            lambda c: c.type == "contact" and str(c.id) == str(partner_id)
        )
        env = request.env
        if not event:
            return self._eboc_back(error=env._("This event is not open to your company."))
        if not attendee:
            return self._eboc_back(error=env._("Choose one of your company's contacts."))
        taken = self._eboc_registrations(
            company,
            [
                ("event_id", "=", event.id),
                ("partner_id", "=", attendee.id),
                ("state", "!=", "cancel"),
            ],
        )
        if taken:
            return self._eboc_back(
                error=env._("%(name)s is already registered.", name=attendee.name)
            )
        if not event.event_registrations_open:
            return self._eboc_back(error=env._("Registrations for this event are closed."))
        if event.seats_limited and event.seats_available <= 0:
            return self._eboc_back(error=env._("This event is full."))
        registration = (
            env["event.registration"]
            .sudo()
            .create(
                {
                    "event_id": event.id,
                    "partner_id": attendee.id,
                    "name": attendee.name,
                    "email": attendee.email,
                    "phone": attendee.phone or attendee.mobile,
                }
            )
        )
        registration.message_post(
            body=env._(
                "Registered on the member portal by %(person)s.", person=env.user.partner_id.name
            )
        )
        return self._eboc_back(
            message=env._(
                "%(name)s is registered for %(event)s.", name=attendee.name, event=event.name
            )
        )

    @http.route(
        "/my/events/registration/<int:registration_id>/cancel",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_events_cancel(self, registration_id, **kw):
        company = self._eboc_company()
        registration = self._eboc_registrations(company, [("id", "=", registration_id)])
        env = request.env
        if not registration or registration.state == "cancel":
            return self._eboc_back(error=env._("There is no such registration of your company."))
        if registration.event_id.date_begin <= fields.Datetime.now():
            return self._eboc_back(
                error=env._("The event has started: it can no longer be cancelled.")
            )
        registration.action_cancel()
        registration.message_post(
            body=env._(
                "Cancelled on the member portal by %(person)s.", person=env.user.partner_id.name
            )
        )
        return self._eboc_back(
            message=env._(
                "The registration of %(name)s is cancelled.", name=registration.partner_id.name
            )
        )

    def _eboc_back(self, **params):
        return request.redirect(f"/my/events?{urlencode(params)}")
