from odoo.exceptions import ValidationError
from odoo.tests import tagged, users

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestPartnerProfile(EbocMembershipCase):
    def test_size_class_follows_employee_count(self):
        micro = self.env.ref("eboc_membership.size_class_micro")
        small = self.env.ref("eboc_membership.size_class_small")
        medium = self.env.ref("eboc_membership.size_class_medium")
        large = self.env.ref("eboc_membership.size_class_large")
        self.assertEqual(self.forge.size_class_id, micro)
        self.assertEqual(self.inn.size_class_id, small)
        self.assertEqual(self.steel.size_class_id, medium)
        self.steel.employee_count = 250
        self.assertEqual(self.steel.size_class_id, large)
        self.steel.employee_count = 249
        self.assertEqual(self.steel.size_class_id, medium)

    def test_changing_the_bands_reclassifies_the_companies(self):
        medium = self.env.ref("eboc_membership.size_class_medium")
        large = self.env.ref("eboc_membership.size_class_large")
        # A national definition moves "large" down to 100 employees: 120 is large now.
        medium.max_employees = 99
        self.assertFalse(self.steel.size_class_id, "between the bands for a moment")
        large.min_employees = 100
        self.assertEqual(self.steel.size_class_id, large)
        self.assertEqual(self.inn.size_class_id.code, "SMALL", "unchanged band, same class")
        large.min_employees = 150
        mid_large = self.env["eboc.size.class"].create(
            {"name": "Mid-large", "min_employees": 100, "max_employees": 149}
        )
        self.assertEqual(self.steel.size_class_id, mid_large, "a new band sizes too")
        mid_large.unlink()
        self.assertFalse(self.steel.size_class_id, "no band left for 120 employees")

    def test_size_class_can_be_set_by_hand_when_count_unknown(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Unknown Size Co",
                "is_company": True,
                "size_class_id": self.env.ref("eboc_membership.size_class_large").id,
            }
        )
        self.assertEqual(partner.size_class_id.code, "LARGE")

    def test_overlapping_size_classes_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self.env["eboc.size.class"].create(
                {"name": "Odd", "min_employees": 40, "max_employees": 60}
            )

    def test_isic_sectors_form_a_tree(self):
        manufacturing = self.env.ref("base.res_partner_industry_C")
        self.assertEqual(manufacturing.code, "C")
        metals = self.env["res.partner.industry"].search([("code", "=", "25")])
        self.assertEqual(metals.parent_id, manufacturing)
        self.assertEqual(len(manufacturing.child_ids), 24)
        self.assertEqual(
            self.env["res.partner.industry"].search_count([("code", "!=", False)]), 21 + 88
        )
        self.steel.industry_id = metals
        found = self.env["res.partner"].search([("industry_id", "child_of", manufacturing.id)])
        self.assertIn(self.steel, found)

    @users("eboc_officer")
    def test_one_key_contact_per_role_and_company(self):
        Partner = self.env["res.partner"]
        ceo = Partner.create(
            {"name": "Ada CEO", "parent_id": self.steel.id, "key_role_ids": [self.role_ceo.id]}
        )
        self.assertEqual(ceo.contact_role_ids, self.role_ceo, "A key role implies the role")
        self.assertEqual(self.steel.key_contact_ids, ceo)
        with self.assertRaisesRegex(ValidationError, "already has a key contact"):
            Partner.create(
                {
                    "name": "Bob Deputy",
                    "parent_id": self.steel.id,
                    "key_role_ids": [self.role_ceo.id],
                }
            )
        # The same role at another company, or a plain (non-key) CEO, is fine.
        Partner.create(
            {"name": "Cy CEO", "parent_id": self.forge.id, "key_role_ids": [self.role_ceo.id]}
        )
        Partner.create(
            {
                "name": "Di Deputy",
                "parent_id": self.steel.id,
                "contact_role_ids": [self.role_ceo.id],
            }
        )

    @users("eboc_officer")
    def test_key_role_must_be_a_held_role(self):
        person = self.env["res.partner"].create(
            {"name": "Eve HR", "parent_id": self.steel.id, "contact_role_ids": [self.role_hr.id]}
        )
        with self.assertRaisesRegex(ValidationError, "only be key contact for a role they hold"):
            person.key_role_ids = self.role_ceo

    def test_members_created_or_imported_as_active_get_a_number(self):
        self._membership(self.steel, self.metal, state="active", date_start="2020-01-01")
        self._membership(
            self.forge, self.metal, state="lapsed", date_start="2019-01-01", date_end="2020-01-01"
        )
        self._membership(self.inn, self.metal)
        self.assertTrue(self.steel.member_number)
        self.assertTrue(self.forge.member_number, "a former member keeps a number")
        self.assertFalse(self.inn.member_number, "a prospect has none yet")

    def test_member_numbers_are_unique_and_kept(self):
        self._membership(self.steel, self.metal, state="applicant").action_activate()
        self._membership(self.forge, self.metal, state="applicant").action_activate()
        number = self.steel.member_number
        self.assertNotEqual(number, self.forge.member_number)
        self._membership(self.steel, self.hotel, state="applicant").action_activate()
        self.assertEqual(self.steel.member_number, number, "A second membership keeps the number")

    def test_member_numbers_are_reserved_in_one_go(self):
        Partner = self.env["res.partner"].with_context(tracking_disable=True)

        def admit(count):
            companies = Partner.create(
                [{"name": f"Batch {index}", "is_company": True} for index in range(count)]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            # Read the companies, find and read the sequence, take its numbers, one
            # batched UPDATE of the company-dependent column (with its fallbacks, read
            # once), one uniqueness check for all: the same queries for 3 companies as
            # for 12.
            with self.assertQueryCount(__system__=9):
                companies._assign_member_number()
                self.env.flush_all()
            return companies.mapped("member_number")

        numbers = admit(3) + admit(12)
        values = [int(number.removeprefix("M")) for number in numbers]
        self.assertEqual(values, list(range(values[0], values[0] + 15)), "consecutive, in order")
        self.assertEqual(numbers[0], f"M{values[0]:06d}")

    def test_sequence_without_gaps_reserves_its_range(self):
        Sequence = self.env["ir.sequence"]
        sequence = Sequence.create(
            {
                "name": "Test numbers",
                "code": "eboc.test.no.gap",
                "implementation": "no_gap",
                "prefix": "T",
                "padding": 3,
                "number_next": 41,
                "number_increment": 2,
            }
        )
        self.assertEqual(
            Sequence._eboc_next_by_code_multi("eboc.test.no.gap", 3), ["T041", "T043", "T045"]
        )
        self.assertEqual(Sequence.next_by_code("eboc.test.no.gap"), "T047")
        self.assertEqual(sequence.number_next, 49)
        self.assertEqual(Sequence._eboc_next_by_code_multi("eboc.test.no.gap", 0), [])
