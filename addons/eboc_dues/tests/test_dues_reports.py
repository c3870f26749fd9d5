from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .test_dues_light import DUE, DuesInvoicedCase


@tagged("post_install", "-at_install")
class TestDuesReports(DuesInvoicedCase):
    def test_dues_invoice_spells_its_total_in_the_members_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        move = self.line_steel.move_id
        move.partner_id.lang = "fr_FR"
        html = str(
            self.env["ir.actions.report"]._render_qweb_html("account.report_invoice", move.ids)[0]
        )
        words = move.with_context(lang="fr_FR").amount_total_words
        self.assertIn(words, html)
        english = move.currency_id.with_context(lang="en_US").amount_to_text(move.amount_total)
        self.assertNotEqual(words, english)
        self.assertIn("Mille", words, "French words")
        self.assertIn(self.metal.name, html)
        self.assertIn(self.period.name, html)
        # An ordinary invoice keeps the company's setting (off): no words.
        other = move.copy({"eboc_membership_id": False})
        other_html = str(
            self.env["ir.actions.report"]._render_qweb_html("account.report_invoice", other.ids)[0]
        )
        self.assertNotIn(other.with_context(lang="fr_FR").amount_total_words, other_html)

    def test_run_can_email_its_invoices_through_accounting(self):
        self.steel.email = "accounts@steel.example.com"
        company = self.env["res.partner"].create(
            {
                "name": "Mailed Metal",
                "is_company": True,
                "email": "office@mailed.example.com",
                "employee_count": 5,
            }
        )
        self._membership(company, self.metal, state="active", date_start="2015-01-01")
        period = self.env["eboc.dues.period"].create(
            {"name": "2032", "date_from": "2032-01-01", "date_to": "2032-12-31"}
        )
        run = self.env["eboc.dues.run"].create(
            {
                "name": "Mailed",
                "period_id": period.id,
                "association_ids": [Command.set(self.metal.ids)],
                "send_invoices": True,
            }
        )
        run.action_preview()
        run.action_confirm()
        moves = run.line_ids.move_id
        self.assertTrue(moves)
        self.assertTrue(all(moves.mapped("sending_data")), "queued for accounting's sender")
        self.env["account.move"]._cron_account_move_send(job_count=10)
        mailed = moves.filtered(lambda m: m.partner_id == company)
        self.assertFalse(mailed.sending_data, "sent, without error")
        messages = self.env["mail.message"].search(
            [("model", "=", "account.move"), ("res_id", "=", mailed.id)]
        )
        self.assertIn(company, messages.partner_ids, "the invoice was emailed to the company")

    def test_analysis_by_sector_and_ranking(self):
        with freeze_time(DUE):
            self._pay(self.line_steel.move_id)
            self._pay(self.line_forge.move_id, amount=100.0)
        Line = self.env["eboc.dues.line"].with_user(self.officer)
        mine = [("run_id", "=", self.dues_run.id)]
        groups = Line._read_group(
            mine, ["size_class_id"], ["amount_invoiced:sum", "amount_paid:sum"]
        )
        totals = {size: (invoiced, paid) for size, invoiced, paid in groups}
        steel_move = self.line_steel.move_id
        self.assertEqual(
            totals[self.steel.size_class_id], (steel_move.amount_total, steel_move.amount_total)
        )
        self.env.flush_all()
        ranking = (
            self.env["eboc.dues.ranking"]
            .with_user(self.officer)
            .search(
                [("period_id", "=", self.period.id), ("scope_association_id", "=", self.metal.id)],
                order="rank",
            )
        )
        self.assertEqual(ranking.partner_id.ids, [self.steel.id, self.forge.id])
        steel_rank, forge_rank = ranking
        total = steel_move.amount_total + 100.0
        self.assertAlmostEqual(steel_rank.share, 100.0 * steel_move.amount_total / total, 2)
        self.assertAlmostEqual(forge_rank.cumulative_share, 100.0, 2)
        self.assertEqual(steel_rank.pareto_class, "top")
        self.assertEqual(forge_rank.pareto_class, "rest")

    def test_the_ranking_keeps_within_the_readers_associations(self):
        """The steel company also pays the hotel association: an officer restricted
        to the metal association ranks and shares the metal dues only, and reads no
        federation-wide total."""
        self._membership(self.steel, self.hotel, state="active", date_start="2015-01-01")
        self.steel.turnover = 50000.0
        hotel_run = self.env["eboc.dues.run"].create(
            {
                "name": "Hotel 2031",
                "period_id": self.period.id,
                "association_ids": [Command.set(self.hotel.ids)],
                "invoice_date": "2031-01-15",
            }
        )
        hotel_run.action_preview()
        hotel_run.action_confirm()
        hotel_move = hotel_run.line_ids.filtered(lambda line: line.partner_id == self.steel).move_id
        self.assertTrue(hotel_move)
        with freeze_time(DUE):
            self._pay(self.line_steel.move_id)
            self._pay(self.line_forge.move_id, amount=100.0)
            self._pay(hotel_move)
        self.env.flush_all()
        self.restricted_officer.eboc_association_ids = self.metal
        Ranking = self.env["eboc.dues.ranking"].with_user(self.restricted_officer)
        rows = Ranking.search([("period_id", "=", self.period.id)])
        self.assertEqual(
            set(rows.scope_association_id.ids) - set(self.metal_local.ids), {self.metal.id}
        )
        steel_row = rows.filtered(
            lambda r: r.partner_id == self.steel and r.scope_association_id == self.metal
        )
        self.assertEqual(
            steel_row.amount_paid, self.line_steel.move_id.amount_total, "no hotel dues"
        )
        metal_rows = rows.filtered(lambda r: r.scope_association_id == self.metal)
        self.assertAlmostEqual(sum(metal_rows.mapped("share")), 100.0, 2)
        groups = Ranking._read_group([("period_id", "=", self.period.id)], [], ["amount_paid:sum"])
        self.assertAlmostEqual(groups[0][0], sum(rows.mapped("amount_paid")), 2)
        self.assertNotIn(
            hotel_move.amount_total + self.line_steel.move_id.amount_total,
            rows.mapped("amount_paid"),
        )
        # The federation's board ranks the steel company by both dues.
        board = (
            self.env["eboc.dues.ranking"]
            .with_user(self.officer)
            .search(
                [
                    ("period_id", "=", self.period.id),
                    ("scope_association_id", "=", self.federation.id),
                    ("partner_id", "=", self.steel.id),
                ]
            )
        )
        self.assertEqual(
            board.amount_paid, self.line_steel.move_id.amount_total + hotel_move.amount_total
        )
