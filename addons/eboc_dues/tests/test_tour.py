from odoo.tests import HttpCase, new_test_user, tagged

from .common import give_dues_product_an_income_account


@tagged("post_install", "-at_install")
class TestDuesTour(HttpCase):
    def test_dues_officer_runs_dues_for_a_small_association(self):
        new_test_user(
            self.env,
            login="tour_dues_officer",
            groups="base.group_user,eboc_dues.group_eboc_dues_officer",
        )
        give_dues_product_an_income_account(self.env)
        period = self.env["eboc.dues.period"].create(
            {"name": "Tour 2032", "date_from": "2032-01-01", "date_to": "2032-12-31"}
        )
        association = self.env["eboc.association"].create(
            {"name": "Tour Small Employers", "association_type": "local"}
        )
        self.env["eboc.fee.rule"].create(
            {"name": "Tour flat", "association_id": association.id, "amount_flat": 650.0}
        )
        for name in ("Tour Bakery", "Tour Garage"):
            partner = self.env["res.partner"].create({"name": name, "is_company": True})
            self.env["eboc.membership"].create(
                {
                    "partner_id": partner.id,
                    "association_id": association.id,
                    "state": "active",
                    "date_start": "2020-01-01",
                }
            )
        self.start_tour(
            "/odoo/action-eboc_dues.eboc_dues_run_action",
            "eboc_dues_run_tour",
            login="tour_dues_officer",
        )
        run = self.env["eboc.dues.run"].search([("period_id", "=", period.id)])
        self.assertEqual(run.state, "done")
        invoices = run.line_ids.move_id
        self.assertEqual(len(invoices), 2)
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        self.assertEqual(len(invoices.filtered(lambda m: m.payment_state == "not_paid")), 1)
        self.assertEqual(sum(invoices.mapped("amount_total")), 1300.0)
        self.assertEqual(invoices.eboc_association_id, association)
        bakery = run.line_ids.filtered(lambda line: line.partner_id.name == "Tour Bakery")
        self.assertIn(bakery.move_id.payment_state, ("in_payment", "paid"))
        self.assertEqual(bakery.light, "green")
        self.assertEqual(bakery.partner_id.dues_light, "green")
