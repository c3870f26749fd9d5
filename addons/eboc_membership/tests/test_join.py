import re

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestJoinPage(EbocMembershipCase, HttpCase):
    """A company applies for membership on the public Join page: good input creates the
    company, its contact and an applicant membership (matching a known company rather
    than duplicating it); bad or robot input creates nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.metal.write({"accepts_applications": True, "manager_id": cls.officer.id})
        cls.full = cls.env.ref("eboc_membership.membership_type_full")
        cls.steel.write({"vat": "BE 0477.472.701", "company_registry": "RC-100"})

    def _form(self, **values):
        return {
            "association_id": self.metal.id,
            "membership_type_id": self.full.id,
            "name": "Newco Fasteners",
            "vat": "FR40303265045",
            "street": "1 Bolt Street",
            "city": "Rivetville",
            "employee_count": "35",
            "contact_name": "Nina Newco",
            "contact_function": "Managing Director",
            "email": "nina@newco.example.com",
            **values,
        }

    def _post(self, **values):
        page = self.url_open("/eboc/join").text
        csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        return self.url_open("/eboc/join", data={**self._form(**values), "csrf_token": csrf})

    def _counts(self):
        Partner = self.env["res.partner"].with_context(active_test=False)
        return Partner.search_count([]), self.env["eboc.membership"].search_count([])

    def test_a_new_company_applies(self):
        response = self._post()
        self.assertIn("eboc_join_thanks", response.text)
        company = self.env["res.partner"].search([("name", "=", "Newco Fasteners")])
        self.assertTrue(company.is_company)
        self.assertEqual(company.employee_count, 35)
        contact = company.child_ids
        self.assertEqual((contact.name, contact.email), ("Nina Newco", "nina@newco.example.com"))
        membership = company.membership_ids
        self.assertEqual(membership.state, "applicant")
        self.assertEqual(membership.association_id, self.metal)
        self.assertEqual(membership.activity_ids.user_id, self.officer, "the manager reviews it")
        mails = self.env["mail.mail"].search(
            [("model", "=", "eboc.membership"), ("res_id", "=", membership.id)]
        )
        confirmation = mails.filtered(lambda m: "nina@newco.example.com" in (m.email_to or ""))
        self.assertIn("Your application to", confirmation.subject)

    def test_a_known_company_is_matched_by_vat_or_registry_number(self):
        for values in ({"vat": "be0477472701"}, {"vat": "", "company_registry": "rc 100"}):
            self.steel.membership_ids.unlink()
            before = self._counts()
            self._post(name="Steel Works (typo)", employee_count="999", **values)
            self.assertEqual(self.steel.membership_ids.state, "applicant")
            self.assertEqual(self.steel.name, "Steel Test Works", "staff's data stays")
            self.assertEqual(self.steel.employee_count, 120)
            self.assertTrue(
                self.steel.message_ids.filtered(lambda m: "999" in str(m.body)),
                "what the applicant said is in the chatter",
            )
            # One contact more, one membership more, no new company.
            self.assertEqual(self._counts(), (before[0] + 1, before[1] + 1))
            self.steel.child_ids.unlink()

    def test_bad_input_creates_nothing(self):
        before = self._counts()
        for values, message in (
            ({"name": ""}, "Give your company"),
            ({"email": "not-an-email"}, "valid email"),
            ({"vat": "", "company_registry": ""}, "VAT or registry number"),
            ({"employee_count": "-3"}, "whole number"),
            ({"association_id": self.hotel.id}, "choose a value from the list"),
            ({"membership_type_id": "abc"}, "choose a value from the list"),
            ({"city": "x" * 300}, "at most 256"),
        ):
            response = self._post(**values)
            self.assertIn("eboc_join_errors", response.text, values)
            self.assertIn(message, response.text, values)
            self.assertIn('value="Nina Newco"', response.text, "what was typed is kept")
        self.assertEqual(self._counts(), before)

    def test_an_existing_membership_is_not_applied_for_twice(self):
        self._membership(self.steel, self.metal, state="active")
        before = self._counts()
        response = self._post(vat="BE0477472701")
        self.assertIn("already has a membership", response.text)
        self.assertEqual(self._counts(), before)

    @mute_logger("odoo.http")
    def test_robots_and_forged_requests_create_nothing(self):
        before = self._counts()
        page = self.url_open("/eboc/join").text
        csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        response = self.url_open(
            "/eboc/join", data={**self._form(), "eboc_company_fax": "spam", "csrf_token": csrf}
        )
        self.assertIn("eboc_join_thanks", response.text, "a robot learns nothing")
        response = self.url_open("/eboc/join", data=self._form())  # no CSRF token
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._counts(), before)

    def test_the_join_page_costs_the_same_queries_each_time(self):
        self.url_open("/eboc/join")
        before = self.cr.sql_log_count
        self.url_open("/eboc/join")
        first = self.cr.sql_log_count - before
        self.env["eboc.association"].create({"name": "Test Crafts", "accepts_applications": True})
        self.env.flush_all()
        self.url_open("/eboc/join")
        before = self.cr.sql_log_count
        self.assertEqual(self.url_open("/eboc/join").status_code, 200)
        self.assertEqual(self.cr.sql_log_count - before, first)

    def test_applying_in_chromium(self):
        self.start_tour("/eboc/join", "eboc_membership_join_tour")
        company = self.env["res.partner"].search([("name", "=", "Tour Tools Ltd")])
        self.assertEqual(company.membership_ids.state, "applicant")
