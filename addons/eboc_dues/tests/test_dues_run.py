from unittest.mock import patch

import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users
from odoo.tools import mute_logger

from .common import EbocDuesCase, give_dues_product_an_income_account


@tagged("post_install", "-at_install")
class TestDuesRun(EbocDuesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.m_steel = cls._membership(cls.steel, cls.metal, state="active", date_start="2015-01-01")
        cls.m_forge = cls._membership(
            cls.forge, cls.metal_local, state="suspended", date_start="2015-01-01"
        )
        cls.m_inn = cls._membership(cls.inn, cls.hotel, state="active", date_start="2015-01-01")
        # Neither a prospect, nor a former member, nor one starting after the period pays.
        cls.m_prospect = cls._membership(cls.inn, cls.metal)
        cls.m_lapsed = cls._membership(
            cls.steel, cls.hotel, state="lapsed", date_start="2015-01-01", date_end="2030-06-30"
        )
        cls.later = cls.env["res.partner"].create({"name": "Later Co", "is_company": True})
        cls.m_later = cls._membership(cls.later, cls.metal, state="active", date_start="2032-02-01")

    def _run(self, **values):
        # Our own federation tree: the database may hold demo memberships too.
        return self.env["eboc.dues.run"].create(
            {
                "name": "Test run",
                "period_id": self.period.id,
                "association_ids": [(6, 0, self.federation.ids)],
                **values,
            }
        )

    @users("eboc_dues_officer")
    def test_preview_prices_members_of_the_associations_and_below(self):
        run = self._run(association_ids=[(6, 0, self.metal.ids)])
        run.action_preview()
        self.assertEqual(run.state, "preview")
        self.assertEqual(run.line_ids.membership_id, self.m_steel | self.m_forge)
        prices = self.env["eboc.fee.rule"]._price_memberships(
            self.m_steel | self.m_forge, self.period
        )
        for line in run.line_ids:
            self.assertEqual(line.amount_total, prices[line.membership_id.id]["dues"])
        self.assertEqual(run.amount_total, sum(run.line_ids.mapped("amount_total")))
        self.assertEqual(run.line_count, 2)
        # The port section has no fee rule: a warning, not a silent zero.
        forge_line = run.line_ids.filtered(lambda line: line.membership_id == self.m_forge)
        self.assertEqual(forge_line.warnings, "No fee rule applies")
        self.assertEqual(run.warning_count, 1)

    @users("eboc_dues_officer")
    def test_segment_narrows_the_run(self):
        segment = (
            self.env["eboc.segment"]
            .sudo()
            .create({"name": "Only the inn", "domain": f"[('id', '=', {self.inn.id})]"})
        )
        run = self._run(segment_id=segment.id)
        run.action_preview()
        self.assertEqual(run.line_ids.membership_id, self.m_inn)

    @users("eboc_dues_officer")
    def test_preview_again_replaces_the_lines(self):
        run = self._run()
        run.action_preview()
        first = run.line_ids
        self.steel.sudo().employee_count = 20  # medium -> small: 2,400 -> 900
        run.action_preview()
        self.assertEqual(len(run.line_ids), len(first))
        steel_line = run.line_ids.filtered(lambda line: line.membership_id == self.m_steel)
        self.assertEqual(steel_line.amount_dues, 900.0)

    @users("eboc_dues_officer")
    def test_a_membership_is_in_one_run_per_period(self):
        first = self._run(association_ids=[(6, 0, self.metal.ids)])
        first.action_preview()
        second = self._run()
        second.action_preview()
        self.assertEqual(second.line_ids.membership_id, self.m_inn)
        self.assertEqual(second.skipped_count, 2)
        first.action_reset()
        second.action_preview()
        self.assertEqual(second.line_ids.membership_id, self.m_steel | self.m_forge | self.m_inn)

    @mute_logger("odoo.sql_db")
    def test_database_refuses_a_second_line_for_a_membership_and_period(self):
        run = self._run()
        run.action_preview()
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            self.env["eboc.dues.line"].create(
                {
                    "run_id": self._run().id,
                    "membership_id": self.m_steel.id,
                    "period_id": self.period.id,
                }
            )

    def test_access_per_role(self):
        with self.assertRaises(AccessError):
            self._run().with_user(self.officer).action_preview()
        with self.assertRaises(AccessError):
            self.env["eboc.dues.run"].with_user(self.officer).create(
                {"name": "Mine", "period_id": self.period.id}
            )
        run = self._run()
        run.action_preview()
        self.assertEqual(run.with_user(self.user).line_count, 3, "EBMO users read the preview")

    @users("eboc_dues_officer")
    def test_run_form_as_a_person_would(self):
        form = Form(self.env["eboc.dues.run"])
        form.period_id = self.period
        form.association_ids.add(self.federation)
        self.assertEqual(form.name, "Dues 2031")
        run = form.save()
        run.action_preview()
        self.assertEqual(run.line_count, 3)
        self.assertEqual(run.action_open_lines()["domain"], [("run_id", "=", run.id)])


@tagged("post_install", "-at_install")
class TestDuesRunInvoicing(EbocDuesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        give_dues_product_an_income_account(cls.env)
        cls.payer = cls.env["res.partner"].create(
            {"name": "Steel Group Holding", "is_company": True}
        )
        cls.m_steel = cls._membership(
            cls.steel,
            cls.metal,
            state="active",
            date_start="2031-04-10",
            paying_partner_id=cls.payer.id,
        )
        cls.m_forge = cls._membership(cls.forge, cls.metal, state="active", date_start="2015-01-01")
        cls.m_exempt = cls._membership(
            cls.inn, cls.metal, state="active", date_start="2015-01-01", dues_exempt=True
        )
        cls.dues_run = cls.env["eboc.dues.run"].create(
            {
                "name": "Metal 2031",
                "period_id": cls.period.id,
                "association_ids": [(6, 0, cls.metal.ids)],
                "batch_size": 1,
            }
        )
        cls.dues_run.action_preview()

    def _invoices(self):
        return self.env["account.move"].search([("eboc_dues_period_id", "=", self.period.id)])

    def test_small_run_invoices_at_once_with_one_posted_invoice_per_line(self):
        self.dues_run.batch_size = 10
        self.dues_run.with_user(self.dues_officer).action_confirm()
        self.assertEqual(self.dues_run.state, "done")
        invoices = self._invoices()
        self.assertEqual(len(invoices), 2, "the exempt membership owes nothing: no invoice")
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        steel = invoices.filtered(lambda move: move.eboc_membership_id == self.m_steel)
        self.assertEqual(steel.partner_id, self.payer, "the paying partner is invoiced")
        self.assertEqual(steel.eboc_association_id, self.metal)
        self.assertEqual(steel.amount_total, 1800.0 + 250.0, "prorated dues and entrance fee")
        self.assertEqual(len(steel.invoice_line_ids), 2)
        self.assertEqual(self.dues_run.invoiced_count, 2)
        action = self.dues_run.action_open_invoices()
        self.assertEqual(self.env["account.move"].search(action["domain"]), invoices)

    def test_large_run_goes_to_the_background_job_batch_by_batch(self):
        self.dues_run.action_confirm()
        self.assertEqual(self.dues_run.state, "invoicing")
        self.assertFalse(self._invoices(), "nothing is billed in the web request")
        self.env["eboc.dues.run"]._cron_invoice()
        self.assertEqual(len(self._invoices()), 1)
        self.assertEqual(self.dues_run.state, "invoicing")
        self.env["eboc.dues.run"]._cron_invoice()
        self.assertEqual(len(self._invoices()), 2)
        self.assertEqual(self.dues_run.state, "done")

    def test_rerun_after_failure_half_way_bills_each_membership_once(self):
        self.dues_run.action_confirm()
        self.env["eboc.dues.run"]._cron_invoice()  # first batch committed
        with (
            patch.object(
                type(self.env["account.move"]),
                "action_post",
                side_effect=RuntimeError("server lost"),
            ),
            self.assertRaises(RuntimeError),
            self.cr.savepoint(),
        ):
            self.env["eboc.dues.run"]._cron_invoice()
        self.assertEqual(len(self._invoices()), 1, "the failed batch left nothing behind")
        self.env["eboc.dues.run"]._cron_invoice()
        self.env["eboc.dues.run"]._cron_invoice()
        invoices = self._invoices()
        self.assertEqual(len(invoices), 2)
        self.assertEqual(invoices.eboc_membership_id, self.m_steel | self.m_forge)
        self.assertEqual(self.dues_run.state, "done")
        with self.assertRaises(UserError):
            self.dues_run.action_confirm()
        with self.assertRaises(UserError):
            self.dues_run.action_reset()

    def test_membership_officer_cannot_invoice(self):
        with self.assertRaises(AccessError):
            self.dues_run.with_user(self.officer).action_confirm()
        self.assertFalse(self._invoices())
