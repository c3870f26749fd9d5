from datetime import timedelta

from odoo import Command, fields
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.eboc_dues.tests.test_dues_light import DuesInvoicedCase

EMPLOYEES_BEFORE = 120
EMPLOYEES_AFTER = 260
MEMBER_PRICE = 80.0


@tagged("post_install", "-at_install")
class TestMemberJourney(DuesInvoicedCase, HttpCase):
    """A member's whole journey, end to end in Chromium: an officer invites the
    company's CEO from the company form; she accepts the invitation and sets her
    password, pays the amber dues invoice online with the demo provider and sees the
    light turn green, downloads the membership certificate, asks for a new employee
    count, registers for an event at the member price and answers the federation's
    questionnaire; then the officer approves the employee count in the web client (a
    second tour). Each step is then checked in the database, where staff see it with
    no retyping."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # ./eboc installs Odoo's payment_demo with the addons (tools: DEMO_EXTRAS).
        provider = cls.env.ref("payment.payment_provider_demo")
        assert provider.state == "test", "install payment_demo"
        ceo = cls.env.ref("eboc_membership.contact_role_ceo")
        cls.steel.employee_count = EMPLOYEES_BEFORE
        cls.stella = cls.env["res.partner"].create(
            {
                "name": "Stella Steel",
                "parent_id": cls.steel.id,
                "email": "stella@steel.example.com",
                "contact_role_ids": [Command.set(ceo.ids)],
                "key_role_ids": [Command.set(ceo.ids)],
            }
        )
        start = fields.Datetime.now().replace(hour=8, minute=0, second=0) + timedelta(days=20)
        cls.event = cls.env["event.event"].create(
            {
                "name": "Journey Seminar on Collective Bargaining",
                "date_begin": start,
                "date_end": start + timedelta(hours=4),
                "eboc_portal_open": True,
                "eboc_price_member": MEMBER_PRICE,
                "eboc_price_non_member": 200.0,
            }
        )
        cls.campaign = cls._campaign_with_questionnaire(ceo)

    @classmethod
    def _campaign_with_questionnaire(cls, role):
        survey = cls.env["survey.survey"].create(
            {"title": "Journey Consultation on Apprenticeships", "access_mode": "token"}
        )
        question = cls.env["survey.question"].create(
            {
                "survey_id": survey.id,
                "title": "Should apprenticeship grants be doubled?",
                "question_type": "simple_choice",
                "suggested_answer_ids": [
                    Command.create({"value": "Yes, for every trade"}),
                    Command.create({"value": "No"}),
                ],
            }
        )
        cls.question = question
        segment = cls.env["eboc.segment"].create(
            {
                "name": "Journey: the steel works",
                "target": "company",
                "domain": f"[('id', '=', {cls.steel.id})]",
            }
        )
        campaign = cls.env["eboc.campaign"].create(
            {
                "title": "Journey consultation",
                "campaign_type": "lobbying",
                "segment_id": segment.id,
                "association_id": cls.metal.id,
                "contact_role_ids": [Command.set(role.ids)],
                "survey_id": survey.id,
            }
        )
        campaign.action_start()
        action = campaign.action_send_questionnaire()
        Form(
            campaign.env[action["res_model"]].with_context(**action["context"]),
            view="survey.survey_invite_view_form",
        ).save().action_invite()
        return campaign

    def _invite_from_the_company_form(self):
        """What the officer does: Portal Access on the company form, then Grant
        Access for the CEO in Odoo's own portal wizard."""
        action = self.steel.with_user(self.officer).action_eboc_portal_access()
        wizard = self.env["portal.wizard"].with_user(self.officer).browse(action["res_id"])
        line = wizard.user_ids.filtered(lambda line: line.partner_id == self.stella)
        self.assertTrue(line, "the CEO pays the dues and edits the profile: she is invited")
        line.action_grant_access()
        self.assertTrue(self.stella.user_ids._is_portal())
        # The link of the invitation email: sign up (choose a password), land on /my.
        return self.stella.with_context(relative_url=True)._get_signup_url_for_action(url="/my")[
            self.stella.id
        ]

    def test_the_members_journey_on_the_portal(self):
        signup_url = self._invite_from_the_company_form()
        self.assertEqual(self.m_steel.dues_light, "amber")
        self.start_tour(signup_url, "eboc_portal_member_journey_tour")

        # Paid online: accounting's own payment, reconciled; the light is green.
        invoice = self.line_steel.move_id
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertTrue(invoice.transaction_ids.payment_id)
        self.assertEqual(self.m_steel.dues_light, "green")
        # The employee count waits for the officer, who approves it.
        self.assertEqual(self.steel.employee_count, EMPLOYEES_BEFORE)
        change = self.env["eboc.profile.change"].search(
            [("partner_id", "=", self.steel.id), ("state", "=", "pending")]
        )
        self.assertEqual(change.requested_by_id, self.stella)
        self.start_tour(
            "/odoo/action-eboc_membership.eboc_profile_change_action",
            "eboc_portal_officer_approves_tour",
            login="eboc_officer",
        )
        self.assertEqual(change.state, "applied")
        self.assertEqual(change.reviewed_by_id, self.officer)
        self.assertEqual(self.steel.employee_count, EMPLOYEES_AFTER)
        # Registered at the member price.
        registration = self.event.registration_ids
        self.assertEqual(registration.partner_id, self.stella)
        self.assertEqual(registration.eboc_price, MEMBER_PRICE)
        # The questionnaire is answered, in the campaign's results.
        answer = self.env["survey.user_input"].search(
            [("eboc_campaign_id", "=", self.campaign.id), ("partner_id", "=", self.stella.id)]
        )
        self.assertEqual(answer.state, "done")
        self.assertEqual(
            answer.user_input_line_ids.suggested_answer_id.value, "Yes, for every trade"
        )
