import re

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestCompanyProfileOnThePortal(EbocMembershipCase, HttpCase):
    """A member's CEO updates the company profile on the portal: the address applies at
    once with a trail, the employee count waits for an officer; contacts without the
    right, other companies and bad input change nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._membership(cls.steel, cls.metal, state="active")
        cls._membership(cls.forge, cls.hotel, state="active")
        Partner = cls.env["res.partner"]
        cls.steel.city = "Oldtown"
        cls.steel_ceo = Partner.create(
            {
                "name": "Stella Steel",
                "parent_id": cls.steel.id,
                "email": "stella@steel.example.com",
                "contact_role_ids": [Command.set(cls.role_ceo.ids)],
            }
        )
        cls.steel_hr = Partner.create(
            {
                "name": "Harry Steel",
                "parent_id": cls.steel.id,
                "email": "harry@steel.example.com",
                "contact_role_ids": [Command.set(cls.role_hr.ids)],
            }
        )
        cls.ceo_user = cls._portal(cls.steel_ceo, "steel_ceo")
        cls.hr_user = cls._portal(cls.steel_hr, "steel_hr")

    @classmethod
    def _portal(cls, person, login):
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            name=person.name,
            groups="base.group_portal",
            partner_id=person.id,
        )

    def _post(self, login, **values):
        """Post the profile form as ``login`` does in its browser, CSRF token included."""
        self.authenticate(login, login)
        page = self.url_open("/my/company?edit=1").text
        # The layout carries the session's token, with or without the form.
        csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        return self.url_open("/my/company", data={**values, "csrf_token": csrf})

    def _posts(self, text):
        return self.steel.message_ids.filtered(lambda message: text in str(message.body))

    def _requests(self):
        return self.env["eboc.profile.change"].search([("partner_id", "=", self.steel.id)])

    def test_the_address_applies_at_once_and_the_employees_wait(self):
        response = self._post("steel_ceo", city="Newport", employee_count="260")
        self.assertIn("wait for your association", response.text)
        self.assertEqual(self.steel.city, "Newport")
        trail = self._posts("Updated by Stella Steel on the member portal")
        self.assertIn("Oldtown", str(trail.body))
        self.assertIn("Newport", str(trail.body))
        self.assertEqual(self.steel.employee_count, 120, "employees drive the dues: they wait")
        request = self._requests()
        self.assertEqual(request.state, "pending")
        self.assertEqual((request.old_display, request.new_display), ("120", "260"))
        self.assertEqual(request.requested_by_id, self.steel_ceo)
        self.assertIn("eboc_profile_pending", self.url_open("/my/company").text)

    def test_an_officer_approves_or_refuses(self):
        self._post("steel_ceo", employee_count="260", turnover="1000000")
        employees, turnover = self._requests().sorted(lambda r: r.profile_field_id.name)
        employees.with_user(self.officer).action_approve()
        self.assertEqual(self.steel.employee_count, 260)
        self.assertEqual(self.steel.size_class_id.code, "LARGE")
        self.assertEqual(employees.state, "applied")
        self.assertEqual(employees.reviewed_by_id, self.officer)
        self.assertTrue(self._posts("approved by"))
        turnover.with_user(self.officer).action_refuse()
        self.assertEqual(turnover.state, "refused")
        self.assertTrue(self._posts("refused by"))
        self.assertFalse(self.steel.turnover)
        with self.assertRaises(UserError):
            employees.with_user(self.officer).action_approve()
        # What was asked is the request's record: no officer rewrites it over RPC.
        with self.assertRaises(UserError):
            turnover.with_user(self.officer).write({"new_value": "5"})

    def test_bad_input_changes_nothing(self):
        response = self._post(
            "steel_ceo", city="Newport", employee_count="-5", email="not-an-email"
        )
        self.assertIn("eboc_profile_error", response.text)
        self.assertIn("cannot be negative", response.text)
        self.assertIn("is not an email address", response.text)
        self.assertIn('value="Newport"', response.text, "what was typed is kept")
        self.assertEqual(self.steel.city, "Oldtown")
        self.assertFalse(self._requests())

    def test_a_contact_whose_roles_do_not_edit_changes_nothing(self):
        self.authenticate("steel_hr", "steel_hr")
        page = self.url_open("/my/company").text
        self.assertIn("Steel Test Works", page)
        self.assertNotIn("Update the Profile", page)
        response = self._post("steel_hr", city="Newport")
        self.assertIn("may not change this company", response.text)
        self.assertEqual(self.steel.city, "Oldtown")
        # The role decides: given the right, the same contact edits.
        self.role_hr.portal_edits_profile = True
        self._post("steel_hr", city="Newport")
        self.assertEqual(self.steel.city, "Newport")

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_portal_users_reach_no_request_and_no_other_company(self):
        self._post("steel_ceo", employee_count="260")
        Change = self.env["eboc.profile.change"].with_user(self.ceo_user)
        for operation in (
            lambda: Change.search([]),
            lambda: self._requests().with_user(self.ceo_user).read(["new_value"]),
            lambda: self._requests().with_user(self.ceo_user).action_approve(),
            lambda: Change.create({"partner_id": self.steel.id}),
        ):
            with self.assertRaises(AccessError):
                operation()
        with self.assertRaises(AccessError):
            self.env["eboc.profile.change"].with_user(self.ceo_user)._submit(
                self.forge, self.steel_ceo, {"city": "X"}
            )
        with self.assertRaises(AccessError):
            self.steel.with_user(self.ceo_user).write({"employee_count": 999})
        # A restricted officer reviews the requests of its associations' members only.
        self.assertTrue(self._requests().with_user(self.restricted_officer).read(["state"]))
        self.restricted_officer.eboc_association_ids = self.hotel
        self.assertFalse(
            self.env["eboc.profile.change"].with_user(self.restricted_officer).search([])
        )

    def test_the_ceo_asks_for_a_new_employee_count_in_chromium(self):
        self.start_tour("/my", "eboc_membership_profile_tour", login="steel_ceo")
        request = self._requests()
        self.assertEqual(request.new_display, "260")
        request.with_user(self.officer).action_approve()
        self.assertEqual(self.steel.employee_count, 260)

    def test_the_profile_page_costs_the_same_for_one_contact_or_many(self):
        """No query per contact or per waiting change on /my/company."""
        Change = self.env["eboc.profile.change"]
        Change._submit(self.steel, self.steel_ceo, {"employee_count": "200"})
        self.authenticate("steel_ceo", "steel_ceo")

        def queries():
            return self._page_queries("/my/company")

        one = queries()
        self.assertGreater(one, 0, "the page's queries are counted")
        self.env["res.partner"].create(
            [
                {
                    "name": f"Contact {n}",
                    "parent_id": self.steel.id,
                    "contact_role_ids": [Command.set((self.role_ceo | self.role_hr).ids)],
                    "key_role_ids": [Command.set(self.role_hr.ids)] if n == 1 else [],
                }
                for n in range(1, 4)
            ]
        )
        Change._submit(self.steel, self.steel_ceo, {"turnover": "5000", "vat": "BE0477472701"})
        self.env.flush_all()
        self.assertEqual(queries(), one)
