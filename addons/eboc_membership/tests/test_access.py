from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestAccess(EbocMembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.metal_membership = cls._membership(
            cls.steel, cls.metal, state="active", date_start="2024-01-01"
        )
        cls.local_membership = cls._membership(
            cls.forge, cls.metal_local, state="active", date_start="2024-01-01"
        )
        cls.hotel_membership = cls._membership(
            cls.inn, cls.hotel, state="active", date_start="2024-01-01"
        )
        cls.inn_contact = cls.env["res.partner"].create(
            {"name": "Ina Innkeeper", "parent_id": cls.inn.id}
        )

    def test_user_reads_but_changes_nothing(self):
        env = self.env(user=self.user)
        memberships = env["eboc.membership"].search([("id", "in", self.metal_membership.ids)])
        self.assertEqual(memberships.state, "active")
        self.assertTrue(env["eboc.association"].search([]))
        with self.assertRaises(AccessError):
            memberships.write({"note": "changed"})
        with self.assertRaises(AccessError):
            env["eboc.membership"].create(
                {"partner_id": self.inn.id, "association_id": self.metal.id}
            )
        with self.assertRaises(AccessError):
            memberships.action_suspend()
        with self.assertRaises(AccessError):
            env["res.partner"].create({"name": "New Co", "is_company": True})
        with self.assertRaises(AccessError):
            env["eboc.segment"].create({"name": "Mine"})

    def test_officer_edits_memberships_but_does_not_configure(self):
        env = self.env(user=self.officer)
        company = env["res.partner"].create({"name": "Officer Co", "is_company": True})
        membership = env["eboc.membership"].create(
            {"partner_id": company.id, "association_id": self.hotel.id}
        )
        membership.action_apply()
        env["eboc.segment"].create({"name": "Officer segment"})
        with self.assertRaises(AccessError):
            membership.unlink()
        for model, values in [
            ("eboc.region", {"name": "Atlantis"}),
            ("eboc.size.class", {"name": "Giant", "min_employees": 100000}),
            ("eboc.membership.type", {"name": "Gold"}),
            ("eboc.contact.role", {"name": "Mascot"}),
            ("eboc.leaving.reason", {"name": "Moved away"}),
            ("eboc.legal.form", {"name": "Guild"}),
            ("eboc.association", {"name": "Splinter Group"}),
            ("res.partner.industry", {"name": "Space mining", "code": "XX"}),
        ]:
            with self.subTest(model=model), self.assertRaises(AccessError):
                env[model].create(values)

    def test_manager_configures(self):
        env = self.env(user=self.manager)
        region = env["eboc.region"].create({"name": "Atlantis"})
        env["eboc.association"].create({"name": "Atlantis Chamber", "association_type": "regional"})
        env["res.partner.industry"].create(
            {
                "name": "Space mining",
                "code": "XX",
                "parent_id": self.env.ref("base.res_partner_industry_B").id,
            }
        )
        self.hotel_membership.with_user(self.manager).unlink()
        region.with_user(self.manager).unlink()

    def test_restricted_officer_sees_own_association_subtree_only(self):
        env = self.env(user=self.restricted_officer)
        visible = env["eboc.membership"].search([])
        self.assertIn(self.metal_membership, visible)
        self.assertIn(self.local_membership, visible, "Sub-associations are included")
        self.assertNotIn(self.hotel_membership, visible)
        with self.assertRaises(AccessError):
            self.hotel_membership.with_user(self.restricted_officer).read(["state"])
        partners = env["res.partner"].search([("is_company", "=", True)])
        self.assertIn(self.steel, partners)
        self.assertNotIn(self.inn, partners, "Members of other associations are hidden")
        self.assertNotIn(self.inn_contact, env["res.partner"].search([]), "...and their contacts")
        with self.assertRaises(AccessError):
            env["eboc.membership"].create(
                {"partner_id": self.steel.id, "association_id": self.hotel.id}
            )

    def test_restriction_change_applies_at_once(self):
        env = self.env(user=self.restricted_officer)
        self.assertNotIn(self.hotel_membership, env["eboc.membership"].search([]))
        self.restricted_officer.eboc_association_ids = self.hotel
        self.assertIn(self.hotel_membership, env["eboc.membership"].search([]))
        self.restricted_officer.eboc_association_ids = False
        self.assertEqual(
            env["eboc.membership"].search_count(
                [("id", "in", (self.metal_membership | self.hotel_membership).ids)]
            ),
            2,
        )

    def test_restricted_manager_still_sees_everything(self):
        self.manager.eboc_association_ids = self.metal
        env = self.env(user=self.manager)
        self.assertIn(self.hotel_membership, env["eboc.membership"].search([]))

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Federation Inc"})
        association = self.env["eboc.association"].create(
            {"name": "Other Chamber", "association_type": "federation", "company_id": other.id}
        )
        membership = self._membership(self.steel, association)
        env = self.env(user=self.manager)
        self.assertNotIn(membership, env["eboc.membership"].search([]))
        self.manager.company_ids |= other
        env = self.env(
            user=self.manager, context={"allowed_company_ids": [self.env.company.id, other.id]}
        )
        self.assertIn(membership, env["eboc.membership"].search([]))
