import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import EbocEventsCase


@tagged("post_install", "-at_install")
class TestEventsOnThePortal(EbocEventsCase, HttpCase):
    """A member's contact finds the events open to its company at its own price,
    registers its colleagues, cancels, and finds its feedback questionnaire; nothing
    of another company, and no registration a form could forge."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._membership(cls.steel, cls.metal, state="active", date_start="2020-01-01")
        soon = fields.Datetime.now() + timedelta(days=30)
        prices = {
            "eboc_price_member": 80,
            "eboc_price_non_member": 200,
            "eboc_price_association_id": cls.metal.id,
            "eboc_price_association": 50,
        }
        cls.open_event = cls._event(soon, name="Open Seminar", eboc_portal_open=True, **prices)
        cls.invited_event = cls._event(soon, name="Invitation Only Dinner", **prices)
        cls.env["eboc.event.invitation"].create(
            {"event_id": cls.invited_event.id, "partner_id": cls.forge_hr.id}
        )
        cls.steel_user = cls._portal(cls.steel_hr, "steel_events")
        cls.forge_user = cls._portal(cls.forge_hr, "forge_events")

    @classmethod
    def _portal(cls, person, login):
        return new_test_user(
            cls.env, login=login, password=login, groups="base.group_portal", partner_id=person.id
        )

    def _post(self, login, url, **values):
        self.authenticate(login, login)
        page = self.url_open("/my/events").text
        csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        return self.url_open(url, data={**values, "csrf_token": csrf})

    def _registrations(self, event):
        return self.env["event.registration"].search([("event_id", "=", event.id)])

    def test_each_company_sees_its_events_at_its_price(self):
        self.authenticate("steel_events", "steel_events")
        page = self.url_open("/my/events").text
        self.assertIn("Open Seminar", page)
        self.assertIn("your association", page)
        self.assertIn("50.00", page)
        self.assertNotIn("Invitation Only Dinner", page, "nobody of the steel works is invited")
        self.authenticate("forge_events", "forge_events")
        page = self.url_open("/my/events").text
        self.assertIn("Invitation Only Dinner", page)
        self.assertIn("non-member price", page)
        self.assertIn("200.00", page)
        self.assertNotIn("Open Seminar", page, "open to members, and the forge is not one")

    def test_a_contact_registers_a_colleague_at_the_company_price(self):
        response = self._post(
            "steel_events",
            f"/my/events/{self.open_event.id}/register",
            partner_id=self.steel_ceo.id,
        )
        self.assertIn("Carl Steel is registered", response.text)
        registration = self._registrations(self.open_event)
        self.assertEqual(registration.partner_id, self.steel_ceo)
        self.assertEqual(registration.eboc_price, 50)
        self.assertEqual(registration.eboc_member_status, "association")
        self.assertIn(registration.state, ("open", "draft"))
        # The same colleague twice, another company's contact, an event not open to it:
        # refused, nothing created.
        for url, partner, message in (
            (f"/my/events/{self.open_event.id}/register", self.steel_ceo, "already registered"),
            (
                f"/my/events/{self.open_event.id}/register",
                self.forge_hr,
                "Choose one of your company",
            ),
            (
                f"/my/events/{self.invited_event.id}/register",
                self.steel_hr,
                "not open to your company",
            ),
        ):
            response = self._post("steel_events", url, partner_id=partner.id)
            self.assertIn(message, response.text)
        self.assertEqual(len(self._registrations(self.open_event)), 1)
        self.assertFalse(self._registrations(self.invited_event))

    def test_a_contact_cancels_its_companys_registration_only(self):
        mine = self._register(self.open_event, self.steel_hr)
        theirs = self._register(self.invited_event, self.forge_hr)
        response = self._post("forge_events", f"/my/events/registration/{mine.id}/cancel")
        self.assertIn("no such registration", response.text)
        self.assertNotEqual(mine.state, "cancel")
        response = self._post("steel_events", f"/my/events/registration/{mine.id}/cancel")
        self.assertIn("is cancelled", response.text)
        self.assertEqual(mine.state, "cancel")
        self.assertNotEqual(theirs.state, "cancel")
        # Over RPC, a portal user reaches no event data at all.
        for model in ("event.registration", "eboc.event.invitation"):
            Model = self.env[model].with_user(self.steel_user)
            with self.assertRaises(AccessError):
                Model.search([])
            with self.assertRaises(AccessError):
                Model.read_group([], ["create_date:max"], [])
        with self.assertRaises(UserError):  # AccessError is one too; no export right
            theirs.with_user(self.steel_user).export_data(["partner_id", "state"])
        with self.assertRaises(AccessError):
            theirs.with_user(self.steel_user).write({"state": "cancel"})

    def test_the_attendee_finds_its_feedback_questionnaire(self):
        past = self._event(fields.Datetime.now() - timedelta(days=3), name="Past Workshop")
        registration = self._register(past, self.steel_hr, state="done")
        answer = self.feedback_survey._create_answer(partner=self.steel_hr, check_attempts=False)
        registration.eboc_feedback_input_id = answer
        colleague = self._register(past, self.steel_ceo, state="done")
        colleague.eboc_feedback_input_id = self.feedback_survey._create_answer(
            partner=self.steel_ceo, check_attempts=False
        )
        self.authenticate("steel_events", "steel_events")
        page = self.url_open("/my/events").text
        self.assertIn(answer.access_token, page)
        self.assertNotIn(colleague.eboc_feedback_input_id.access_token, page, "its own only")

    def test_the_events_page_costs_the_same_for_one_event_or_many(self):
        self.authenticate("steel_events", "steel_events")

        def queries():
            return self._page_queries("/my/events")

        self._register(self.open_event, self.steel_ceo)
        one = queries()
        self.assertGreater(one, 0, "the page's queries are counted")
        for n in range(3):
            event = self._event(
                fields.Datetime.now() + timedelta(days=40 + n),
                name=f"More {n}",
                eboc_portal_open=True,
                eboc_price_member=10,
            )
            self._register(event, self.steel_hr)
        self.env.flush_all()
        self.assertEqual(queries(), one)

    def test_registering_in_chromium_at_the_member_price(self):
        self.start_tour("/my", "eboc_events_portal_tour", login="steel_events")
        registration = self._registrations(self.open_event)
        self.assertEqual(registration.partner_id, self.steel_hr)
        self.assertEqual(registration.eboc_price, 50)
