from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.eboc_dues.models import lights

from .common import EbocDuesCase, give_dues_product_an_income_account

# The run of these tests: invoices dated 15 January, due 15 February, 30 grace days,
# so red from 18 March (17 March is the last day within the grace period).
INVOICE_DATE = "2031-01-15"
DUE = "2031-02-15"
LAST_AMBER_DAY = "2031-03-17"
FIRST_RED_DAY = "2031-03-18"


class DuesInvoicedCase(EbocDuesCase):
    """Two metal memberships invoiced for the period; the inn is exempt."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        give_dues_product_an_income_account(cls.env)
        cls.rule_metal.grace_days = 30
        cls.m_steel = cls._membership(cls.steel, cls.metal, state="active", date_start="2015-01-01")
        cls.m_forge = cls._membership(cls.forge, cls.metal, state="active", date_start="2015-01-01")
        cls.m_exempt = cls._membership(
            cls.inn, cls.metal, state="active", date_start="2015-01-01", dues_exempt=True
        )
        cls.dues_run = cls.env["eboc.dues.run"].create(
            {
                "name": "Metal 2031",
                "period_id": cls.period.id,
                "association_ids": [Command.set(cls.metal.ids)],
                "invoice_date": INVOICE_DATE,
                "date_due": DUE,
            }
        )
        with freeze_time(INVOICE_DATE):
            cls.dues_run.action_preview()
            cls.dues_run.action_confirm()
        cls.line_steel = cls._line(cls.m_steel)
        cls.line_forge = cls._line(cls.m_forge)
        cls.line_exempt = cls._line(cls.m_exempt)

    @classmethod
    def _line(cls, membership):
        return cls.dues_run.line_ids.filtered(lambda line: line.membership_id == membership)

    def _pay(self, move, amount=None, on=DUE, user=None):
        """Register a payment on the invoice as an accountant does, from the invoice."""
        values = {"payment_date": on}
        if amount is not None:
            values["amount"] = amount
        env = self.env(user=user) if user else self.env
        wizard = (
            env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create(values)
        )
        if amount is not None:
            wizard.payment_difference_handling = "open"
        return wizard._create_payments()

    def _credit_note(self, move, amount=None, on=DUE):
        """A credit note for the whole invoice (cancelling it), or for ``amount``."""
        if amount is None:
            wizard = (
                self.env["account.move.reversal"]
                .with_context(active_model="account.move", active_ids=move.ids)
                .create({"date": on, "journal_id": move.journal_id.id, "reason": "Left in 2030"})
            )
            wizard.refund_moves()
            wizard.new_move_ids.action_post()
            return wizard.new_move_ids
        refund = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": move.partner_id.id,
                "invoice_date": on,
                "reversed_entry_id": move.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.env.ref("eboc_dues.product_membership_dues").id,
                            "quantity": 1,
                            "price_unit": amount,
                        }
                    )
                ],
            }
        )
        refund.action_post()  # reconciled with the invoice it reverses
        return refund


@tagged("post_install", "-at_install")
class TestDuesLight(DuesInvoicedCase):
    def test_invoiced_lines_start_amber_and_the_exempt_one_grey(self):
        self.assertEqual(self.line_steel.light, lights.AMBER)
        self.assertEqual(self.line_steel.aging, lights.NOT_DUE)
        self.assertEqual(self.line_steel.invoice_date_due, date(2031, 2, 15))
        self.assertEqual(self.line_steel.date_overdue, date(2031, 3, 17))
        self.assertEqual(self.line_steel.amount_residual, self.line_steel.move_id.amount_total)
        self.assertEqual(self.line_exempt.light, lights.GREY, "nothing due")
        self.assertFalse(self.line_exempt.move_id)
        self.assertEqual(self.steel.dues_light, lights.AMBER)
        self.assertEqual(self.m_steel.dues_light, lights.AMBER)
        self.assertEqual(self.steel.dues_outstanding, self.line_steel.move_id.amount_total)
        self.assertFalse(self.steel.dues_arrears, "amber is due, not yet in arrears")
        company_without_dues = self.env["res.partner"].create({"name": "New", "is_company": True})
        self.assertEqual(company_without_dues.dues_light, lights.GREY)

    def test_amber_within_grace_red_after_it_by_the_scheduled_job(self):
        Line = self.env["eboc.dues.line"]
        with freeze_time(LAST_AMBER_DAY):
            Line._recompute_lights()
            self.assertEqual(self.line_steel.light, lights.AMBER, "last day of grace")
            self.assertEqual(self.line_steel.aging, "1_30")
            self.assertEqual(self.steel.dues_light, lights.AMBER)
        with freeze_time(FIRST_RED_DAY):
            changed = Line._recompute_lights()
            self.assertIn(self.line_steel, changed)
            self.assertEqual(self.line_steel.light, lights.RED)
            self.assertEqual(self.line_steel.aging, "31_60")
            self.assertEqual(self.steel.dues_light, lights.RED)
            self.assertEqual(self.m_steel.dues_light, lights.RED)
            self.assertEqual(self.steel.dues_arrears, self.line_steel.move_id.amount_total)
            self.assertEqual(self.steel.dues_overdue_since, date(2031, 2, 15))
            self.assertEqual(self.steel.dues_days_overdue, 31)
            self.assertEqual(self.line_steel.days_overdue, 31)
            self.assertFalse(Line._recompute_lights() & self.line_steel, "nothing left to do")
        with freeze_time("2031-05-20"):
            Line._recompute_lights()
            self.assertEqual(self.line_steel.aging, "90_plus")
            self.assertEqual(self.line_steel.light, lights.RED)

    def test_payment_in_accounting_turns_the_light_green_at_once(self):
        with freeze_time(FIRST_RED_DAY):
            self.env["eboc.dues.line"]._recompute_lights()
            self.assertEqual(self.steel.dues_light, lights.RED)
            self._pay(self.line_steel.move_id, on=FIRST_RED_DAY)
            # No job, no button: the stored light followed the reconciliation.
            self.assertEqual(self.line_steel.light, lights.GREEN)
            self.assertFalse(self.line_steel.aging)
            self.assertEqual(self.steel.dues_light, lights.GREEN)
            self.assertFalse(self.steel.dues_arrears)
            self.assertFalse(self.steel.dues_overdue_since)
            self.assertEqual(self.line_steel.amount_paid, self.line_steel.amount_invoiced)
            # The forge has not paid: red, and red stays the company's worst light.
            self.assertEqual(self.forge.dues_light, lights.RED)

    def test_no_certificate_while_dues_are_red(self):
        """In good standing: a member with red dues gets no membership certificate
        until it pays; amber (within grace) still gets one."""
        self.assertIsNone(self.m_steel._eboc_certificate_refusal(), "amber is in good standing")
        with freeze_time(FIRST_RED_DAY):
            self.env["eboc.dues.line"]._recompute_lights()
            self.assertIn(
                "dues of this membership are overdue", self.m_steel._eboc_certificate_refusal()
            )
            with self.assertRaisesRegex(UserError, "overdue"):
                self.m_steel.with_user(self.dues_officer).action_print_certificate()
            self._pay(self.line_steel.move_id, on=FIRST_RED_DAY)
            self.assertIsNone(self.m_steel._eboc_certificate_refusal())

    def test_partial_payment_is_amber_within_grace_then_red(self):
        move = self.line_steel.move_id
        with freeze_time(DUE):
            self._pay(move, amount=100.0)
            self.assertEqual(move.payment_state, "partial")
            self.assertEqual(self.line_steel.light, lights.AMBER)
            self.assertEqual(self.line_steel.amount_paid, 100.0)
            self.assertEqual(self.line_steel.amount_residual, move.amount_total - 100.0)
        with freeze_time(FIRST_RED_DAY):
            self.env["eboc.dues.line"]._recompute_lights()
            self.assertEqual(self.line_steel.light, lights.RED, "the rest is overdue")
            self.assertEqual(self.steel.dues_arrears, move.amount_total - 100.0)

    def test_credit_note_for_the_whole_invoice_leaves_nothing_due(self):
        with freeze_time(FIRST_RED_DAY):
            self.env["eboc.dues.line"]._recompute_lights()
            self._credit_note(self.line_steel.move_id, on=FIRST_RED_DAY)
            self.assertEqual(self.line_steel.move_id.payment_state, "reversed")
            self.assertEqual(self.line_steel.light, lights.GREY)
            self.assertEqual(self.line_steel.amount_credited, self.line_steel.amount_invoiced)
            self.assertFalse(self.line_steel.amount_paid, "a credit note collects nothing")
            self.assertEqual(self.steel.dues_light, lights.GREY)

    def test_partial_credit_note_then_payment_of_the_rest_is_green(self):
        move = self.line_steel.move_id
        with freeze_time(DUE):
            self._credit_note(move, amount=200.0)
            self.assertEqual(self.line_steel.light, lights.AMBER)
            self.assertEqual(self.line_steel.amount_residual, move.amount_total - 200.0)
            self._pay(move)
            self.assertEqual(self.line_steel.light, lights.GREEN)
            self.assertEqual(self.line_steel.amount_credited, 200.0)
            self.assertEqual(self.line_steel.amount_paid, move.amount_total - 200.0)

    def test_the_scheduled_update_and_the_stored_light_agree(self):
        """The one-UPDATE recompute and the ORM compute are the same rule."""
        move = self.line_steel.move_id
        self._pay(self.line_forge.move_id, amount=50.0)
        lines = self.line_steel | self.line_forge | self.line_exempt
        for day in (DUE, LAST_AMBER_DAY, FIRST_RED_DAY, "2031-06-30"):
            with freeze_time(day):
                self.env["eboc.dues.line"]._recompute_lights()
                by_sql = {line.id: (line.light, line.aging) for line in lines}
                lines.invalidate_recordset(["light", "aging"])
                self.env.add_to_compute(lines._fields["light"], lines)
                self.env.add_to_compute(lines._fields["aging"], lines)
                by_orm = {line.id: (line.light, line.aging) for line in lines}
                self.assertEqual(by_sql, by_orm, day)
                # The memberships' status, recomputed from the UPDATE's ids, is the
                # status the ORM computes from scratch.
                memberships = lines.membership_id
                fnames = ["dues_light", "dues_outstanding", "dues_arrears", "dues_overdue_since"]
                after_update = memberships.read(fnames)
                for fname in fnames:
                    self.env.add_to_compute(memberships._fields[fname], memberships)
                self.assertEqual(memberships.read(fnames), after_update, day)
        self.assertEqual(move.payment_state, "not_paid")

    def _queries_to_pay(self, move):
        self.env.invalidate_all()
        count0 = self.cr.sql_log_count
        self._pay(move, on=FIRST_RED_DAY)
        self.env.flush_all()
        return self.cr.sql_log_count - count0

    def test_one_payment_costs_a_bounded_number_of_queries(self):
        """From the accountant's payment to the member's light: the stored fields
        follow the invoice with grouped queries, none per member or per dues line.

        Paying a dues invoice is compared with paying the same invoice without its
        membership: the difference is what the light costs."""
        with freeze_time(FIRST_RED_DAY):
            self.env["eboc.dues.line"]._recompute_lights()
            plain = self.line_forge.move_id.copy({"eboc_membership_id": False})
            plain.action_post()
            plain_queries = self._queries_to_pay(plain)
            move = self.line_steel.move_id
            with self.assertQueryCount(__system__=141):
                self._pay(move, on=FIRST_RED_DAY)
                self.assertEqual(self.steel.dues_light, lights.GREEN)
            self._pay(self.line_forge.move_id.copy(), on=FIRST_RED_DAY)  # warm both paths
            dues_queries = self._queries_to_pay(self.line_forge.move_id)
            self.assertEqual(self.forge.dues_light, lights.GREEN)
            self.assertLessEqual(dues_queries - plain_queries, 25, "the light's own cost")

    def test_membership_officer_sees_lights_and_arrears_but_not_invoices(self):
        partner = self.steel.with_user(self.officer)
        self.assertEqual(partner.dues_light, lights.AMBER)
        self.assertTrue(partner.dues_outstanding)
        lines = (
            self.env["eboc.dues.line"]
            .with_user(self.officer)
            .search([("partner_id", "=", self.steel.id)])
        )
        self.assertEqual(lines, self.line_steel)
        with self.assertRaises(AccessError):
            self.line_steel.move_id.with_user(self.officer).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.env["account.move"].with_user(self.officer).create(
                {"move_type": "out_invoice", "partner_id": self.steel.id}
            )
        with self.assertRaises(AccessError):
            self.line_steel.with_user(self.officer).write({"amount_dues": 1.0})

    def test_restricted_officer_sees_dues_of_own_associations_only(self):
        self.restricted_officer.eboc_association_ids = self.hotel
        lines = (
            self.env["eboc.dues.line"]
            .with_user(self.restricted_officer)
            .search([("run_id", "=", self.dues_run.id)])
        )
        self.assertFalse(lines)

    def test_a_companys_dues_stay_within_the_readers_associations(self):
        """The steel company is a member of the metal and the hotel associations; its
        metal dues are due: an officer restricted to the hotel association sees
        nothing due on the company, by any path."""
        self._membership(self.steel, self.hotel, state="active", date_start="2015-01-01")
        Partner = self.env["res.partner"]
        self.assertEqual(self.steel.with_user(self.officer).dues_light, lights.AMBER)
        self.restricted_officer.eboc_association_ids = self.hotel
        self.restricted_officer.groups_id += self.env.ref("base.group_allow_export")
        hotel_officer = Partner.with_user(self.restricted_officer)
        steel = self.steel.with_user(self.restricted_officer)
        self.assertEqual(steel.dues_light, lights.GREY)
        self.assertFalse(steel.dues_outstanding)
        fnames = ["dues_light", "dues_outstanding", "dues_arrears", "dues_overdue_since"]
        self.assertEqual(
            steel.read(fnames)[0],
            {
                "id": self.steel.id,
                "dues_light": lights.GREY,
                "dues_outstanding": 0.0,
                "dues_arrears": 0.0,
                "dues_overdue_since": False,
            },
        )
        exported = steel.export_data(["dues_light", "dues_outstanding"])["datas"]
        self.assertEqual(
            exported,
            [["Nothing due", "0.0"]] if exported[0][1] == "0.0" else [["Nothing due", 0.0]],
        )
        self.assertFalse(
            hotel_officer.search([("id", "=", self.steel.id), ("dues_light", "=", "amber")])
        )
        # Back to the metal association: the company's dues are there again.
        self.restricted_officer.eboc_association_ids = self.metal
        self.env.invalidate_all()
        self.assertEqual(steel.dues_light, lights.AMBER)
        self.assertEqual(
            hotel_officer.search([("id", "=", self.steel.id), ("dues_light", "=", "amber")]),
            self.steel,
        )

    def test_a_restricted_dues_officer_sees_no_other_associations_runs_or_invoices(self):
        """The metal run and its invoices are not a hotel dues officer's to read, in the
        CRM or in Accounting, by search, read, read_group or export."""
        hotel_officer = new_test_user(
            self.env,
            login="eboc_hotel_dues_officer",
            groups="base.group_user,eboc_dues.group_eboc_dues_officer,base.group_allow_export",
        )
        hotel_officer.eboc_association_ids = self.hotel
        moves = self.dues_run.line_ids.move_id
        self.assertTrue(moves)
        Run = self.env["eboc.dues.run"].with_user(hotel_officer)
        Move = self.env["account.move"].with_user(hotel_officer)
        self.assertFalse(Run.search([("id", "=", self.dues_run.id)]))
        self.assertFalse(Move.search([("id", "in", moves.ids)]))
        self.assertEqual(Move.search_count([("eboc_dues_period_id", "=", self.period.id)]), 0)
        self.assertFalse(Move._read_group([("id", "in", moves.ids)], ["partner_id"], ["__count"]))
        with self.assertRaises(AccessError):
            moves[0].with_user(hotel_officer).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.dues_run.with_user(hotel_officer).read(["name"])
        # Nor their journal items (Accounting > Journal Items, a partner ledger).
        lines = moves.line_ids
        Line = self.env["account.move.line"].with_user(hotel_officer)
        self.assertFalse(Line.search([("id", "in", lines.ids)]))
        self.assertFalse(
            Line._read_group([("id", "in", lines.ids)], ["account_id"], ["balance:sum"])
        )
        with self.assertRaises(AccessError):
            lines[0].with_user(hotel_officer).read(["balance"])
        # The metal dues officer keeps them.
        self.restricted_officer.groups_id += self.env.ref("eboc_dues.group_eboc_dues_officer")
        self.restricted_officer.eboc_association_ids = self.metal
        metal = self.env["account.move"].with_user(self.restricted_officer)
        self.assertEqual(metal.search([("id", "in", moves.ids)]), moves)
        metal_lines = self.env["account.move.line"].with_user(self.restricted_officer)
        self.assertEqual(metal_lines.search([("id", "in", lines.ids)]), lines)

    def test_another_ebmos_officer_sees_none_of_these_dues(self):
        """Two EBMOs in one database: an officer of the other company does not see
        this EBMO's dues in the company's figures."""
        other_ebmo = self.env["res.company"].create({"name": "Other Employers' Federation"})
        other_officer = new_test_user(
            self.env,
            login="eboc_other_ebmo_officer",
            groups="base.group_user,eboc_membership.group_eboc_officer",
            company_id=other_ebmo.id,
            company_ids=[Command.set(other_ebmo.ids)],
        )
        steel = self.steel.with_user(other_officer).with_company(other_ebmo)
        self.assertEqual(steel.dues_light, lights.GREY)
        self.assertFalse(steel.dues_outstanding)

    def test_company_filters_and_arrears_list(self):
        with freeze_time(FIRST_RED_DAY):
            self.env["eboc.dues.line"]._recompute_lights()
            self._pay(self.line_forge.move_id, on=FIRST_RED_DAY)
            Partner = self.env["res.partner"].with_user(self.officer)
            mine = [("id", "in", (self.steel | self.forge | self.inn).ids)]
            self.assertEqual(Partner.search([*mine, ("dues_light", "=", "red")]), self.steel)
            self.assertEqual(Partner.search([*mine, ("dues_light", "=", "green")]), self.forge)
            self.assertEqual(Partner.search([*mine, ("dues_light", "=", "grey")]), self.inn)
            self.assertEqual(
                Partner.search([*mine, ("dues_light", "!=", "red")]), self.forge | self.inn
            )
            # Members in Arrears: one line per membership, largest arrears first.
            Membership = self.env["eboc.membership"].with_user(self.officer)
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "eboc_dues.eboc_membership_action_arrears"
            )
            domain = safe_eval(action["domain"])
            ours = [("id", "in", (self.m_steel | self.m_forge | self.m_exempt).ids)]
            self.assertEqual(Membership.search([*ours, *domain]), self.m_steel)
            groups = Membership._read_group(ours, ["dues_light"], ["__count"])
            self.assertEqual(dict(groups), {"red": 1, "green": 1, "grey": 1})

    def test_fee_rule_grace_and_suspension_days_in_the_form(self):
        with Form(self.rule_metal.with_user(self.manager)) as form:
            form.grace_days = 45
            form.suspend_after_days = 60
        self.assertEqual(self.line_steel.date_overdue, date(2031, 4, 1))
        self.assertEqual(self.line_steel.date_suspend, date(2031, 5, 31))
