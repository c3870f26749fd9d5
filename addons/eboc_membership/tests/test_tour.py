from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMembershipTour(HttpCase):
    def test_officer_registers_member_company_in_web_client(self):
        new_test_user(
            self.env,
            login="tour_officer",
            groups="base.group_user,eboc_membership.group_eboc_officer",
        )
        self.env["eboc.association"].create(
            {"name": "Tour Metal Employers", "association_type": "sectoral"}
        )
        self.start_tour(
            "/odoo/action-eboc_membership.res_partner_action_member",
            "eboc_membership_new_member_tour",
            login="tour_officer",
        )
        company = self.env["res.partner"].search([("name", "=", "Tour Robotics Ltd")])
        self.assertEqual(len(company), 1)
        self.assertTrue(company.is_company)
        self.assertEqual(company.employee_count, 42)
        self.assertEqual(company.size_class_id.code, "SMALL")
        self.assertEqual(company.membership_ids.association_id.name, "Tour Metal Employers")
        self.assertEqual(company.member_state, "prospect")
        self.assertEqual(company.child_ids.name, "Tess Tourist")
        self.assertEqual(company.child_ids.contact_role_ids.code, "CEO")
