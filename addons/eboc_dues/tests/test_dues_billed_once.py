from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_dues_light import DuesInvoicedCase


@tagged("post_install", "-at_install")
class TestBilledOnce(DuesInvoicedCase):
    """A membership is billed once per period, whatever path a dues officer takes:
    the Action menu's delete and duplicate, a list edit or import (``write``), or any
    RPC call. Undoing a bill goes through accounting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_period = cls.env["eboc.dues.period"].create(
            {"name": "2032", "date_from": "2032-01-01", "date_to": "2032-12-31"}
        )
        cls.later_company = cls.env["res.partner"].create({"name": "Late Co", "is_company": True})

    def _officer(self, records):
        return records.with_user(self.dues_officer)

    def _invoices(self, membership):
        return self.env["account.move"].search(
            [
                ("eboc_membership_id", "=", membership.id),
                ("eboc_dues_period_id", "=", self.period.id),
                ("move_type", "=", "out_invoice"),
            ]
        )

    def test_an_invoiced_run_and_its_lines_cannot_be_deleted(self):
        run = self._officer(self.dues_run)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            run.unlink()
        with self.assertRaisesRegex(UserError, "credit note"):
            run.line_ids.unlink()
        with self.assertRaises(UserError, msg="the exempt line records a bill of nothing"):
            self._officer(self.line_exempt).unlink()
        self.assertEqual(len(self.dues_run.line_ids), 3)

    def test_an_invoiced_line_cannot_be_rewired_or_emptied(self):
        other_run = self._officer(self.env["eboc.dues.run"]).create(
            {"name": "Other", "period_id": self.other_period.id}
        )
        line = self._officer(self.line_steel)
        attempts = [
            {"move_id": False},
            {"period_id": self.other_period.id},
            {"membership_id": self.m_exempt.id},
            {"run_id": other_run.id},
            {"amount_dues": 0.0},
        ]
        for vals in attempts:
            with self.subTest(vals=vals), self.assertRaises(UserError):
                line.write(vals)
        self.assertEqual(self.line_steel.move_id, self._invoices(self.m_steel))

    def test_an_invoiced_run_goes_neither_back_nor_through_a_new_preview(self):
        run = self._officer(self.dues_run)
        with self.assertRaisesRegex(UserError, "has invoiced"):
            run.write({"state": "draft"})  # an import or RPC client, not the buttons
        with self.assertRaisesRegex(UserError, "has invoiced"):
            run.write({"period_id": self.other_period.id})
        with self.assertRaisesRegex(UserError, "has invoiced"):
            run.action_preview()
        self.assertEqual(len(self.dues_run.line_ids), 3)
        # Duplicated from the Action menu, the run bills nobody a second time.
        copy = run.copy()
        self.assertEqual((copy.state, copy.line_ids), ("draft", self.env["eboc.dues.line"]))
        copy.action_preview()
        self.assertFalse(copy.line_ids)
        self.assertEqual(copy.skipped_count, 3)

    def test_no_line_slips_into_an_invoiced_run_or_brings_its_own_invoice(self):
        Line = self._officer(self.env["eboc.dues.line"])
        late = self._membership(self.later_company, self.metal, state="active")
        with self.assertRaisesRegex(UserError, "has invoiced"):
            Line.create(
                {"run_id": self.dues_run.id, "membership_id": late.id, "period_id": self.period.id}
            )
        draft_run = self._officer(self.env["eboc.dues.run"]).create(
            {"name": "Draft", "period_id": self.other_period.id}
        )
        with self.assertRaisesRegex(UserError, "from its dues run"):
            Line.create(
                {
                    "run_id": draft_run.id,
                    "membership_id": late.id,
                    "period_id": self.other_period.id,
                    "move_id": self.line_steel.move_id.id,
                }
            )

    def test_a_dues_invoice_is_cancelled_or_credited_not_deleted(self):
        move = self.line_steel.move_id
        move.button_draft()
        with self.assertRaisesRegex(UserError, "instead of deleting it"):
            move.unlink()
        self.assertEqual(self.line_steel.move_id, move)

    def test_billing_again_needs_the_bill_undone_in_accounting_and_is_logged(self):
        line = self._officer(self.line_steel)
        first = line.move_id
        with self.assertRaisesRegex(UserError, "still billed"):
            line.action_bill_again()
        self._credit_note(first, amount=100.0)
        self.assertFalse(line.can_bill_again, "a partial credit note leaves the bill standing")
        with self.assertRaisesRegex(UserError, "still billed"):
            line.action_bill_again()
        self._credit_note(first, amount=first.amount_residual)
        self.assertTrue(line.can_bill_again)
        line.action_bill_again()
        self.assertNotEqual(line.move_id, first)
        self.assertEqual(line.move_id.state, "posted")
        self.assertEqual(line.previous_move_ids, first)
        self.assertEqual(self._invoices(self.m_steel), first | line.move_id)
        self.assertIn("Billed again", self.m_steel.message_ids[0].body)
        self.assertIn(self.dues_officer.name, self.dues_run.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "still billed"):
            line.action_bill_again()

    def test_a_cancelled_invoice_can_be_billed_again(self):
        move = self.line_forge.move_id
        move.button_draft()
        move.button_cancel()
        line = self._officer(self.line_forge)
        line.action_bill_again()
        self.assertEqual(line.move_id.state, "posted")
        self.assertEqual(line.previous_move_ids, move)
        self.assertEqual(line.move_id.amount_untaxed, line.amount_total)

    def test_a_draft_run_can_still_be_deleted(self):
        run = self._officer(self.env["eboc.dues.run"]).create(
            {
                "name": "Try",
                "period_id": self.other_period.id,
                "association_ids": [Command.set(self.metal.ids)],
            }
        )
        run.action_preview()
        self.assertTrue(run.line_ids)
        run.line_ids[0].write({"amount_dues": 10.0})  # a preview may be corrected
        run.line_ids.unlink()
        run.unlink()
        self.assertFalse(run.exists())
