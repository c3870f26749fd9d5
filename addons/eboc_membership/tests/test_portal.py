from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestMembershipPortal(EbocMembershipCase, HttpCase):
    """A member's contact on the portal: its own company's memberships, over RPC and
    by URL, and the certificate; nothing of another company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.m_steel = cls._membership(cls.steel, cls.metal, state="active")
        cls.m_steel.note = "<p>Difficult payer, handle with care</p>"
        cls.m_forge = cls._membership(cls.forge, cls.hotel, state="active")
        Partner = cls.env["res.partner"]
        cls.steel_ceo = Partner.create(
            {
                "name": "Stella Steel",
                "parent_id": cls.steel.id,
                "email": "stella@steel.example.com",
                "contact_role_ids": [Command.set(cls.role_ceo.ids)],
                "key_role_ids": [Command.set(cls.role_ceo.ids)],
            }
        )
        cls.steel_clerk = Partner.create(
            {"name": "Clark Steel", "parent_id": cls.steel.id, "email": "clark@steel.example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="steel_portal",
            password="steel_portal",
            name="Stella Steel",
            email="stella@steel.example.com",
            groups="base.group_portal",
            partner_id=cls.steel_ceo.id,
        )

    def test_a_portal_user_reads_its_own_companys_memberships_only(self):
        Membership = self.env["eboc.membership"].with_user(self.portal_user)
        self.assertEqual(Membership.search([]), self.m_steel)
        self.assertEqual(Membership.search_count([("partner_id", "=", self.forge.id)]), 0)
        self.assertEqual(Membership._read_group([], ["partner_id"], ["__count"]), [(self.steel, 1)])
        with self.assertRaises(AccessError):
            self.m_forge.with_user(self.portal_user).read(["state"])
        with self.assertRaises(AccessError):
            self.m_steel.with_user(self.portal_user).read(["note"])  # staff's own notes
        with self.assertRaises(AccessError):
            self.m_steel.with_user(self.portal_user).write({"state": "resigned"})
        Association = self.env["eboc.association"].with_user(self.portal_user)
        self.assertEqual(Association.search([]), self.metal)
        self.assertEqual(
            self.m_steel.with_user(self.portal_user).member_number, self.m_steel.member_number
        )

    def test_the_portal_pages_show_the_own_company_only(self):
        self.authenticate("steel_portal", "steel_portal")
        response = self.url_open("/my/memberships")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Test Metal Employers", response.text)
        self.assertIn(self.m_steel.member_number, response.text)
        self.assertNotIn("Test Hospitality Employers", response.text)
        response = self.url_open(f"/my/memberships/{self.m_steel.id}")
        self.assertIn("Membership Certificate", response.text)
        self.assertNotIn("Difficult payer", response.text)
        # Another company's membership, by URL: back to the portal's home.
        response = self.url_open(f"/my/memberships/{self.m_forge.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        response = self.url_open(
            f"/my/memberships/{self.m_forge.id}/certificate", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertFalse(self.m_forge.certificate_code)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["eboc_membership_count"]}
        )
        self.assertEqual(counters, {"eboc_membership_count": 1})

    def test_the_certificate_is_issued_in_good_standing_and_checked_by_anyone(self):
        self.authenticate("steel_portal", "steel_portal")
        response = self.url_open(f"/my/memberships/{self.m_steel.id}/certificate")
        self.assertEqual(response.status_code, 200)
        code = self.m_steel.certificate_code
        self.assertTrue(code)
        self.authenticate(None, None)
        response = self.url_open(f"/eboc/certificate/{code}")
        self.assertIn("This certificate is valid.", response.text)
        self.assertIn("Steel Test Works", response.text)
        self.assertIn("not valid", self.url_open("/eboc/certificate/unknown-code").text)
        # Suspended: the certificate no longer checks out, and none is issued.
        self.m_steel.action_suspend()
        self.assertIn("not valid", self.url_open(f"/eboc/certificate/{code}").text)
        self.authenticate("steel_portal", "steel_portal")
        response = self.url_open(f"/my/memberships/{self.m_steel.id}/certificate")
        self.assertIn("issued to active members only", response.text)
        with self.assertRaisesRegex(Exception, "active members only"):
            self.m_steel.with_user(self.officer).action_print_certificate()

    def test_the_memberships_page_costs_the_same_for_one_or_many(self):
        """No query per membership on the list page: the same count for one as for four."""
        self.authenticate("steel_portal", "steel_portal")

        def queries():
            return self._page_queries("/my/memberships")

        one = queries()
        self.assertGreater(one, 0, "the page's queries are counted")
        for association in (self.federation, self.hotel, self.metal_local):
            self._membership(self.steel, association, state="active")
        self.env.flush_all()
        self.assertEqual(queries(), one)

    def test_portal_tour(self):
        """In Chromium: from the portal's home to the membership and its certificate."""
        self.start_tour("/my", "eboc_membership_portal_tour", login="steel_portal")

    def test_officers_invite_the_key_contacts_to_the_portal(self):
        action = self.steel.with_user(self.officer).action_eboc_portal_access()
        wizard = self.env["portal.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.user_ids.partner_id, self.steel_ceo, "the key contacts")
        # The finance contact pays the dues online: it is invited with the key contacts.
        self.steel_clerk.contact_role_ids = self.env.ref("eboc_membership.contact_role_fin")
        action = self.steel.with_user(self.officer).action_eboc_portal_access()
        wizard = self.env["portal.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.user_ids.partner_id, self.steel_ceo | self.steel_clerk)
        self.steel_clerk.contact_role_ids = False
        self.steel_ceo.key_role_ids = False
        self.steel_ceo.contact_role_ids = False
        action = self.steel.with_user(self.officer).action_eboc_portal_access()
        wizard = self.env["portal.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.user_ids.partner_id, self.steel_ceo | self.steel_clerk)
