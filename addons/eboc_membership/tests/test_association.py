from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestAssociation(EbocMembershipCase):
    def test_member_counts_roll_up_the_tree(self):
        self._membership(self.steel, self.metal, state="active", date_start="2024-01-01")
        self._membership(self.forge, self.metal_local, state="suspended", date_start="2024-01-01")
        self._membership(self.inn, self.hotel, state="active", date_start="2024-01-01")
        self._membership(self.inn, self.federation, state="applicant")
        # The steelworks is also a direct member of the federation: counted once.
        self._membership(self.steel, self.federation, state="active", date_start="2024-01-01")
        associations = self.federation | self.metal | self.metal_local | self.hotel
        associations.invalidate_recordset()
        self.assertEqual(self.metal_local.member_count, 1)
        self.assertEqual(self.metal_local.member_count_total, 1)
        self.assertEqual(self.metal.member_count, 1)
        self.assertEqual(self.metal.member_count_total, 2)
        self.assertEqual(self.federation.member_count, 1)
        self.assertEqual(self.federation.member_count_total, 3)
        self.assertEqual(self.federation.applicant_count, 1)

    def test_ended_and_prospect_memberships_do_not_count(self):
        self._membership(self.steel, self.metal)
        self._membership(
            self.forge, self.metal, state="lapsed", date_start="2020-01-01", date_end="2021-01-01"
        )
        self.metal.invalidate_recordset()
        self.assertEqual(self.metal.member_count, 0)
        self.assertEqual(self.federation.member_count_total, 0)

    def test_counts_for_many_associations_in_constant_queries(self):
        for partner, association in [(self.steel, self.metal), (self.forge, self.hotel)]:
            self._membership(partner, association, state="active", date_start="2024-01-01")
        associations = self.federation | self.metal | self.metal_local | self.hotel
        associations.invalidate_recordset()
        with self.assertQueryCount(4):
            associations.mapped("member_count_total")

    def test_association_has_own_company_and_can_be_member_of_parent(self):
        self.assertTrue(self.metal.partner_id.is_company)
        self.assertEqual(self.metal.partner_id.name, "Test Metal Employers")
        self._membership(
            self.metal.partner_id, self.federation, state="active", date_start="2024-01-01"
        )
        self.federation.invalidate_recordset()
        self.assertEqual(self.federation.member_count, 1)
        self.assertEqual(self.metal.partner_id.member_state, "active")

    def test_tree_cannot_loop(self):
        with self.assertRaisesRegex(UserError, "Recursion"):
            self.federation.parent_id = self.metal_local

    def test_open_members_action(self):
        action = self.metal.action_open_members()
        self.assertEqual(action["res_model"], "eboc.membership")
        self.assertIn(("association_id", "child_of", self.metal.id), action["domain"])
