from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .test_dues_light import DuesInvoicedCase

SUSPENDED_DAY = "2031-04-17"  # red for 30 days: the rule below suspends


@tagged("post_install", "-at_install")
class TestDuesPaidOnline(DuesInvoicedCase, HttpCase):
    """A member's finance contact pays the dues invoice online with Odoo's payment
    providers (the demo provider here): accounting's own flow posts and reconciles the
    payment, and the dues light turns green with no staff step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        # ./eboc installs Odoo's payment_demo with the addons (tools: DEMO_EXTRAS).
        assert cls.provider.code == "demo" and cls.provider.state == "test", "install payment_demo"
        cls.demo_method = cls.env.ref("payment_demo.payment_method_demo")
        cls.fin = cls.env.ref("eboc_membership.contact_role_fin")
        cls.osh = cls.env.ref("eboc_membership.contact_role_osh")
        cls.invoice = cls.line_steel.move_id
        cls._portal_user(cls.steel, "steel_finance", "Frida Finance", cls.fin)
        cls._portal_user(cls.steel, "steel_safety", "Oscar Safety", cls.osh)
        cls._portal_user(cls.forge, "forge_finance", "Fiona Forge", cls.fin)

    @classmethod
    def _portal_user(cls, company, login, name, role):
        person = cls.env["res.partner"].create(
            {
                "name": name,
                "parent_id": company.id,
                "email": f"{login}@example.com",
                "contact_role_ids": [Command.set(role.ids)],
            }
        )
        new_test_user(
            cls.env,
            login=login,
            password=f"{login}_pw",
            name=name,
            groups="base.group_portal",
            partner_id=person.id,
            company_ids=[Command.set(cls.env.company.ids)],
        )

    def _pay_online(self, invoice, login):
        """What the portal's payment form does: create the transaction, let the demo
        provider confirm it, then poll the status page, which post-processes it."""
        self.authenticate(login, f"{login}_pw")
        processing = self.make_jsonrpc_request(
            f"/invoice/transaction/{invoice.id}",
            {
                "access_token": invoice._portal_ensure_token(),
                "provider_id": self.provider.id,
                "payment_method_id": self.demo_method.id,
                "token_id": None,
                "amount": invoice.amount_residual,
                "flow": "direct",
                "tokenization_requested": False,
                "landing_route": invoice.get_portal_url(),
            },
        )
        self.make_jsonrpc_request(
            "/payment/demo/simulate_payment",
            {
                "reference": processing["reference"],
                "payment_details": "4242",
                "simulated_state": "done",
            },
        )
        status = self.make_jsonrpc_request("/payment/status/poll", {})
        self.assertEqual(status["state"], "done")

    def test_the_finance_contact_pays_online_and_the_light_turns_green(self):
        self.assertEqual(self.m_steel.dues_light, "amber")
        self.authenticate("steel_finance", "steel_finance_pw")
        page = self.url_open(f"/my/invoices/{self.invoice.id}").text
        self.assertIn("Pay Now", page)
        self.assertIn('id="eboc_invoice_dues_light"', page)
        self._pay_online(self.invoice, "steel_finance")
        self.assertIn(self.invoice.payment_state, ("paid", "in_payment"))
        payment = self.invoice.transaction_ids.payment_id
        self.assertTrue(payment, "accounting's own flow registered the payment")
        self.assertEqual(self.line_steel.light, "green")
        self.assertEqual(self.m_steel.dues_light, "green")
        self.assertEqual(self.m_forge.dues_light, "amber", "the forge has not paid")
        self.assertIn(">Paid<", self.url_open("/my/memberships").text)

    def test_a_suspended_member_paying_online_is_reinstated(self):
        self.rule_metal.suspend_after_days = 30
        with freeze_time(SUSPENDED_DAY):
            self.env["eboc.dues.line"]._cron_follow_up()
            self.assertEqual(self.m_steel.state, "suspended")
            self._pay_online(self.invoice, "steel_finance")
            self.assertEqual(self.m_steel.state, "active")
            self.assertFalse(self.m_steel.dues_suspended)
            self.assertEqual(self.m_steel.dues_light, "green")

    @mute_logger("odoo.http")
    def test_a_contact_whose_roles_do_not_pay_is_refused(self):
        self.authenticate("steel_safety", "steel_safety_pw")
        page = self.url_open(f"/my/invoices/{self.invoice.id}").text
        self.assertNotIn("Pay Now", page)
        self.assertIn('id="eboc_pay_refusal"', page)
        self.assertIn("Finance Manager", page, "it is told who pays")
        with self.assertRaises(JsonRpcException, msg="odoo.exceptions.ValidationError"):
            self._pay_online(self.invoice, "steel_safety")
        self.assertFalse(self.invoice.transaction_ids)
        self.assertEqual(self.invoice.payment_state, "not_paid")
        # The role decides: given the right, the same contact pays.
        self.osh.portal_pays_dues = True
        self._pay_online(self.invoice, "steel_safety")
        self.assertEqual(self.line_steel.light, "green")

    @mute_logger("odoo.http")
    def test_another_company_neither_sees_nor_pays_the_invoice(self):
        self.authenticate("forge_finance", "forge_finance_pw")
        response = self.url_open(f"/my/invoices/{self.invoice.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        forge_invoice = self.line_forge.move_id
        with self.assertRaises(JsonRpcException, msg="odoo.exceptions.ValidationError"):
            self.make_jsonrpc_request(
                f"/invoice/transaction/{self.invoice.id}",
                {
                    "access_token": forge_invoice._portal_ensure_token(),
                    "provider_id": self.provider.id,
                    "payment_method_id": self.demo_method.id,
                    "token_id": None,
                    "amount": self.invoice.amount_residual,
                    "flow": "direct",
                    "tokenization_requested": False,
                    "landing_route": "/my",
                },
            )
        self.assertFalse(self.invoice.transaction_ids)
        # Over RPC too: no dues lines, no other company's invoice.
        forge_user = self.env["res.users"].search([("login", "=", "forge_finance")])
        env = self.env(user=forge_user)
        self.assertFalse(env["account.move"].search([("id", "=", self.invoice.id)]))
        self.assertEqual(env["account.move"].search([]), forge_invoice)
        self.assertFalse(env["eboc.dues.line"].has_access("read"))

    def test_paying_in_chromium_turns_the_light_green(self):
        self.start_tour("/my/invoices", "eboc_dues_pay_online_tour", login="steel_finance")
        self.assertIn(self.invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.m_steel.dues_light, "green")

    def test_the_invoices_page_costs_the_same_for_one_dues_invoice_or_many(self):
        """The dues light of the invoices on /my/invoices is read once for the page."""
        self.authenticate("steel_finance", "steel_finance_pw")

        def queries():
            return self._page_queries("/my/invoices")

        one = queries()
        self.assertGreater(one, 0, "the page's queries are counted")
        for year in ("2032", "2033"):
            period = self.env["eboc.dues.period"].create(
                {"name": year, "date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}
            )
            run = self.env["eboc.dues.run"].create(
                {
                    "name": f"Metal {year}",
                    "period_id": period.id,
                    "association_ids": [Command.set(self.metal.ids)],
                    "invoice_date": f"{year}-01-15",
                    "date_due": f"{year}-02-15",
                }
            )
            with freeze_time(f"{year}-01-15"):
                run.action_preview()
                run.action_confirm()
        self.env.flush_all()
        self.assertEqual(
            len(self.env["account.move"].search([("partner_id", "=", self.steel.id)])), 3
        )
        self.assertEqual(queries(), one)
