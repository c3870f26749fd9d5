from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .test_dues_light import FIRST_RED_DAY, DuesInvoicedCase


@tagged("post_install", "-at_install")
class TestDuesOnThePortal(DuesInvoicedCase, HttpCase):
    """A member's contact sees each membership's dues light and what is due, and gets
    no certificate while its dues are red; another company's dues stay out of sight."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        contact = cls.env["res.partner"].create(
            {"name": "Stella Steel", "parent_id": cls.steel.id, "email": "stella@steel.example.com"}
        )
        new_test_user(
            cls.env,
            login="steel_dues_portal",
            password="steel_dues_portal_pw",
            name="Stella Steel",
            email="stella@steel.example.com",
            groups="base.group_portal",
            partner_id=contact.id,
            company_ids=[Command.set(cls.env.company.ids)],
        )

    def test_the_membership_pages_show_the_dues_light(self):
        self.authenticate("steel_dues_portal", "steel_dues_portal_pw")
        page = self.url_open("/my/memberships").text
        self.assertIn(">Due<", page)
        self.assertIn(self.env.company.currency_id.symbol, page)
        page = self.url_open(f"/my/memberships/{self.m_steel.id}").text
        self.assertIn("See and pay the invoices", page)
        self.assertIn("Membership Certificate", page, "amber is in good standing")
        # The forge's dues (same association, another company) are not its business.
        response = self.url_open(f"/my/memberships/{self.m_forge.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        with freeze_time(FIRST_RED_DAY):
            self.env["eboc.dues.line"]._recompute_lights()
            page = self.url_open(f"/my/memberships/{self.m_steel.id}").text
            self.assertIn(">Overdue<", page)
            self.assertIn("overdue since", page)
            self.assertNotIn("/certificate", page)
            self.assertIn("dues of this membership are overdue", page)
