import importlib.util

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools.misc import file_path

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestEbmosApart(EbocMembershipCase):
    """Two EBMOs (two Odoo companies) in one database: a company is a member of one
    and a prospect of the other, and each EBMO's staff see their own view of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ebmo_a = cls.env.company
        cls.ebmo_b = cls.env["res.company"].create({"name": "Chamber of Crafts"})
        cls.crafts = cls.env["eboc.association"].create(
            {"name": "Crafts Guild", "code": "CG", "company_id": cls.ebmo_b.id}
        )
        cls.m_steel_a = cls._membership(cls.steel, cls.metal, state="active")
        cls.m_steel_b = cls._membership(cls.steel, cls.crafts)  # a prospect of B
        cls.officer_b = new_test_user(
            cls.env,
            login="eboc_officer_b",
            groups="base.group_user,eboc_membership.group_eboc_officer,base.group_allow_export",
            company_id=cls.ebmo_b.id,
            company_ids=[Command.set(cls.ebmo_b.ids)],
        )
        cls.officer_ab = new_test_user(
            cls.env,
            login="eboc_officer_ab",
            groups="base.group_user,eboc_membership.group_eboc_officer",
            company_id=cls.ebmo_a.id,
            company_ids=[Command.set((cls.ebmo_a | cls.ebmo_b).ids)],
        )

    def _as(self, user, company):
        return self.steel.with_user(user).with_company(company)

    def test_each_ebmo_sees_its_own_status(self):
        steel_a = self._as(self.officer, self.ebmo_a)
        self.assertEqual(steel_a.member_state, "active")
        self.assertTrue(steel_a.is_member)
        self.assertEqual(steel_a.member_association_ids, self.metal)
        steel_b = self._as(self.officer_b, self.ebmo_b)
        self.assertEqual(steel_b.member_state, "prospect", "a prospect of B")
        self.assertFalse(steel_b.is_member)
        self.assertFalse(steel_b.member_association_ids)
        # One officer working for both sees the EBMO it works in.
        self.assertEqual(self._as(self.officer_ab, self.ebmo_a).member_state, "active")
        self.assertEqual(self._as(self.officer_ab, self.ebmo_b).member_state, "prospect")

    def test_another_ebmos_members_are_not_found_as_members(self):
        Partner = self.env["res.partner"].with_user(self.officer_b).with_company(self.ebmo_b)
        self.assertNotIn(self.steel, Partner.search([("is_member", "=", True)]))
        self.assertIn(self.steel, Partner.search([("member_state", "=", "prospect")]))
        self.assertNotIn(self.steel, Partner.search([("member_state", "=", "active")]))
        self.assertNotIn(self.steel, Partner.search([("member_association_ids", "!=", False)]))
        rows = Partner.search([("id", "=", self.steel.id)]).export_data(
            ["member_state", "member_number", "member_association_ids"]
        )["datas"]
        self.assertEqual(rows, [["Prospect", "", ""]])
        Partner_a = self.env["res.partner"].with_user(self.officer).with_company(self.ebmo_a)
        self.assertIn(self.steel, Partner_a.search([("is_member", "=", True)]))
        self.assertNotIn(self.steel, Partner_a.search([("member_state", "=", "prospect")]))

    def test_member_numbers_are_per_ebmo(self):
        number_a = self._as(self.officer, self.ebmo_a).member_number
        self.assertTrue(number_a, "a member of A has A's number")
        self.assertFalse(self._as(self.officer_b, self.ebmo_b).member_number, "none in B")
        self.assertEqual(self.m_steel_a.member_number, number_a)
        self.assertFalse(self.m_steel_b.member_number)
        self.m_steel_b.with_company(self.ebmo_b).action_activate()
        number_b = self._as(self.officer_b, self.ebmo_b).member_number
        self.assertTrue(number_b)
        self.assertNotEqual(number_a, number_b, "each EBMO numbers its own members")
        self.assertEqual(self._as(self.officer, self.ebmo_a).member_number, number_a)
        self.assertEqual(self.m_steel_b.member_number, number_b)
        # The same number may be used by both EBMOs, but only once within each.
        self.forge.with_company(self.ebmo_b).member_number = number_a
        with self.assertRaises(ValidationError):
            self.forge.with_company(self.ebmo_a).member_number = number_a

    def test_a_restricted_officer_sees_the_status_of_its_associations_only(self):
        self._membership(self.forge, self.metal)  # a prospect of metal
        self._membership(self.forge, self.hotel, state="active")
        forge = self.forge.with_user(self.restricted_officer)
        self.assertEqual(forge.member_state, "prospect", "hotel's membership is not theirs")
        self.assertFalse(forge.is_member)
        self.assertFalse(forge.member_association_ids)
        Partner = self.env["res.partner"].with_user(self.restricted_officer)
        self.assertNotIn(self.forge, Partner.search([("is_member", "=", True)]))
        self.assertIn(self.forge, Partner.search([("member_state", "=", "prospect")]))
        # The manager sees the federation's view.
        self.assertEqual(self.forge.with_user(self.manager).member_state, "active")
        self.assertEqual(self.forge.with_user(self.manager).member_association_ids, self.hotel)

    def test_the_state_search_and_the_compute_agree(self):
        # One rule in two forms: the search domains are built from the same priority
        # as lifecycle.overall_status; check them against each other on every state.
        for partner, association, state in [
            (self.forge, self.metal, "applicant"),
            (self.inn, self.hotel, "active"),
        ]:
            self._membership(partner, association, state=state)
        self._membership(self.inn, self.metal_local, state="prospect")
        Partner = self.env["res.partner"].with_user(self.officer)
        companies = self.steel | self.forge | self.inn
        states = dict(Partner._fields["member_state"].selection)
        for state in states:
            found = Partner.search([("id", "in", companies.ids), ("member_state", "=", state)])
            computed = companies.with_user(self.officer).filtered(
                lambda p, state=state: p.member_state == state
            )
            self.assertEqual(sorted(found.ids), sorted(computed.ids), state)

    def test_an_existing_database_migrates(self):
        """18.0.1.2.0: the stored status columns go and the one member number becomes
        the number in each EBMO where the company is or was a member."""
        spec = importlib.util.spec_from_file_location(
            "eboc_membership_pre_18_0_1_2_0",
            file_path("eboc_membership/migrations/18.0.1.2.0/pre-migration.py"),
        )
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        self.m_steel_b.with_company(self.ebmo_b).action_activate()
        self.env.flush_all()
        cr = self.env.cr
        # Back to the 18.0.1.1.0 columns, with the one number of those days.
        cr.execute(
            """
            ALTER TABLE res_partner
                ALTER COLUMN member_number TYPE varchar USING member_number->>%s,
                ADD COLUMN member_state varchar,
                ADD COLUMN is_member boolean
            """,
            [str(self.ebmo_a.id)],
        )
        cr.execute("UPDATE res_partner SET member_number = 'HAND-1' WHERE id = %s", [self.inn.id])
        cr.execute("SELECT member_number FROM res_partner WHERE id = %s", [self.steel.id])
        (old_number,) = cr.fetchone()
        migration.migrate(cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(self.steel.with_company(self.ebmo_a).member_number, old_number)
        self.assertEqual(self.steel.with_company(self.ebmo_b).member_number, old_number)
        self.assertFalse(self.forge.with_company(self.ebmo_a).member_number)
        self.assertEqual(self.inn.with_company(self.ebmo_a).member_number, "HAND-1")
        self.assertFalse(self.inn.with_company(self.ebmo_b).member_number)
        cr.execute(
            """SELECT column_name FROM information_schema.columns
                WHERE table_name = 'res_partner' AND column_name IN ('member_state', 'is_member')"""
        )
        self.assertFalse(cr.fetchall(), "the stored status columns are gone")
