from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from odoo.addons.eboc_dues.models import lights

from .test_dues_light import DUE, FIRST_RED_DAY, DuesInvoicedCase


@tagged("post_install", "-at_install")
class TestDuesFollowUp(DuesInvoicedCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Red from 18 March; 30 days later, on 17 April, red for more than 30 days.
        cls.rule_metal.suspend_after_days = 30
        cls.steel.email = "accounts@steel.example.com"
        cls.forge.email = "office@forge.example.com"
        Step = cls.env["eboc.dues.reminder.step"]
        Step.search([("company_id", "=", cls.env.company.id)]).active = False
        cls.step_before = Step.create(
            {
                "name": "Soon due",
                "days": -15,
                "template_id": cls.env.ref("eboc_dues.mail_template_dues_upcoming").id,
            }
        )
        cls.step_30 = Step.create(
            {
                "name": "Overdue",
                "days": 30,
                "template_id": cls.env.ref("eboc_dues.mail_template_dues_overdue").id,
            }
        )
        cls.step_60 = Step.create(
            {
                "name": "Final",
                "days": 60,
                "template_id": cls.env.ref("eboc_dues.mail_template_dues_final").id,
            }
        )

    def _mails(self, move):
        return self.env["mail.mail"].search(
            [("model", "=", "account.move"), ("res_id", "=", move.id)]
        )

    def test_reminders_follow_the_steps_once_each(self):
        Step = self.env["eboc.dues.reminder.step"]
        steel_move = self.line_steel.move_id
        with freeze_time("2031-01-30"):  # 16 days before the due date
            self.env["eboc.dues.line"]._recompute_lights()
            self.assertFalse(Step._send_reminders() & self.dues_run.line_ids)
        with freeze_time("2031-01-31"):  # 15 days before
            sent = Step._send_reminders()
            self.assertEqual(sent & self.dues_run.line_ids, self.line_steel | self.line_forge)
            self.assertEqual(self.line_steel.reminder_step_id, self.step_before)
            self.assertEqual(self.line_steel.reminder_date, date(2031, 1, 31))
            mails = self._mails(steel_move)
            self.assertEqual(len(mails), 1)
            self.assertIn(steel_move.name, mails.subject)
            self.assertIn("due on", str(mails.body_html))
            self.assertEqual(mails.recipient_ids, self.steel)
            self.assertIn(
                mails.mail_message_id, steel_move.message_ids, "logged in the invoice's chatter"
            )
            self.assertFalse(Step._send_reminders() & self.dues_run.line_ids, "sent once")
        self._pay(self.line_forge.move_id, on="2031-02-10")
        with freeze_time("2031-04-20"):  # 64 days after the due date: the final notice only
            self.env["eboc.dues.line"]._recompute_lights()
            sent = Step._send_reminders()
            self.assertEqual(sent & self.dues_run.line_ids, self.line_steel, "the forge paid")
            self.assertEqual(self.line_steel.reminder_step_id, self.step_60)
            self.assertEqual(len(self._mails(steel_move)), 2, "not the 30-day one as well")
            self.assertIn("final notice", self._mails(steel_move)[0].subject)

    def test_red_for_too_long_suspends_and_payment_reinstates(self):
        Line = self.env["eboc.dues.line"]
        with freeze_time("2031-04-16"):  # red for 30 days: not yet
            Line._cron_follow_up()
            self.assertEqual(self.m_steel.state, "active")
        with freeze_time("2031-04-17"):
            Line._cron_follow_up()
            self.assertEqual(self.m_steel.state, "suspended")
            self.assertTrue(self.m_steel.dues_suspended)
            self.assertEqual(self.steel.member_state, "suspended")
            self.assertIn("Suspended automatically", self.m_steel.message_ids[0].body)
            self.assertEqual(self.m_forge.state, "suspended")
            self.assertEqual(self.m_exempt.state, "active", "nothing due, nothing to suspend")
            # An accountant, with no EBMO rights, registers the steel company's payment
            # in accounting: the membership is reinstated at once.
            accountant = new_test_user(
                self.env, login="eboc_accountant", groups="account.group_account_invoice"
            )
            self._pay(self.line_steel.move_id, on="2031-04-17", user=accountant)
            self.assertEqual(self.m_steel.state, "active")
            self.assertFalse(self.m_steel.dues_suspended)
            self.assertIn("Reinstated automatically", self.m_steel.message_ids[0].body)
            self.assertEqual(self.m_steel.dues_light, lights.GREEN)
            self.assertEqual(self.m_forge.state, "suspended", "the forge has not paid")

    def test_no_suspension_without_a_delay_on_the_rule(self):
        self.rule_metal.suspend_after_days = 0
        with freeze_time("2031-12-31"):
            self.env["eboc.dues.line"]._cron_follow_up()
        self.assertEqual(self.line_steel.light, lights.RED)
        self.assertEqual(self.m_steel.state, "active")

    def test_suspended_by_hand_is_not_reinstated_by_a_payment(self):
        self.m_steel.action_suspend()
        self._pay(self.line_steel.move_id, on=DUE)
        self.assertEqual(self.m_steel.state, "suspended")
        self.m_steel.action_reinstate()
        self.assertFalse(self.m_steel.dues_suspended)

    def test_reinstating_by_hand_clears_the_dues_suspension(self):
        with freeze_time("2031-05-01"):
            self.env["eboc.dues.line"]._cron_follow_up()
        self.assertTrue(self.m_steel.dues_suspended)
        self.m_steel.action_reinstate()
        self.assertFalse(self.m_steel.dues_suspended)
        with freeze_time(FIRST_RED_DAY):
            self.env["eboc.dues.line"]._cron_follow_up()
        self.assertEqual(self.m_steel.state, "active", "30 days in red are not over yet")

    def _suspend_steel(self):
        with freeze_time("2031-05-01"):
            self.env["eboc.dues.line"]._cron_follow_up()
        self.assertEqual(self.m_steel.state, "suspended")
        self.assertTrue(self.m_steel.dues_suspended)

    def test_an_invoice_reset_to_draft_reinstates(self):
        self._suspend_steel()
        self.line_steel.move_id.button_draft()
        self.assertEqual(self.line_steel.light, lights.GREY, "nothing is due on a draft")
        self.assertEqual(self.m_steel.state, "active")
        self.assertFalse(self.m_steel.dues_suspended)
        self.assertEqual(self.m_forge.state, "suspended")

    def test_a_cancelled_invoice_leaves_the_member_reinstated(self):
        self._suspend_steel()
        move = self.line_steel.move_id
        move.button_draft()
        move.button_cancel()
        self.assertEqual(self.m_steel.state, "active")
        self.assertIn("Reinstated automatically", self.m_steel.message_ids[0].body)

    def test_a_full_credit_note_reinstates(self):
        self._suspend_steel()
        with freeze_time("2031-05-01"):
            self._credit_note(self.line_steel.move_id, on="2031-05-01")
        self.assertEqual(self.m_steel.state, "active")

    def test_the_nightly_job_corrects_a_status_that_no_longer_matches_the_dues(self):
        self._suspend_steel()
        self._pay(self.line_steel.move_id, on="2031-05-01")
        self.assertEqual(self.m_steel.state, "active")
        # Something bypassed the ORM: the member is suspended for dues it has paid,
        # and its stored light is stale (and with it the company's).
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE eboc_membership SET state = 'suspended', dues_suspended = TRUE, "
            "dues_light = 'red' WHERE id = %s",
            [self.m_steel.id],
        )
        self.env.invalidate_all()
        with freeze_time("2031-05-02"):
            self.env["eboc.dues.line"]._cron_follow_up()
        self.assertEqual(self.m_steel.dues_light, lights.GREEN)
        self.assertEqual(self.steel.dues_light, lights.GREEN)
        self.assertEqual(self.m_steel.state, "active")
        self.assertEqual(self.m_forge.state, "suspended", "the forge still owes")
