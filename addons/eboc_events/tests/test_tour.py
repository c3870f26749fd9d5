from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestServiceTour(HttpCase):
    def test_staff_logs_a_service_from_the_company_form(self):
        staff = new_test_user(
            self.env,
            login="tour_service_staff",
            groups="base.group_user,eboc_events.group_eboc_service_staff",
        )
        company = self.env["res.partner"].create({"name": "Tour Caller Works", "is_company": True})
        contact = self.env["res.partner"].create(
            {"name": "Tour Caller Contact", "parent_id": company.id}
        )
        association = self.env["eboc.association"].create({"name": "Tour Chamber"})
        self.env["eboc.membership"].create(
            {
                "partner_id": company.id,
                "association_id": association.id,
                "state": "active",
                "date_start": "2020-01-01",
            }
        )
        self.start_tour(
            "/odoo/action-eboc_membership.res_partner_action_member",
            "eboc_service_log_tour",
            login="tour_service_staff",
        )
        record = self.env["eboc.service.record"].search([("partner_id", "=", company.id)])
        self.assertEqual(len(record), 1)
        self.assertEqual(record.contact_id, contact)
        self.assertEqual(record.service_type_id, self.env.ref("eboc_events.service_type_legal"))
        self.assertEqual(record.user_id, staff)
        self.assertIn("statutory interest", record.outcome)
