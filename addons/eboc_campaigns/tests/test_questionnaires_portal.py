import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import EbocCampaignsCase


@tagged("post_install", "-at_install")
class TestQuestionnairesOnThePortal(EbocCampaignsCase, HttpCase):
    """A member's contact finds the questionnaires sent to it, open or answered, with
    their links; an anonymous one says so and stays out of reach over RPC; the
    contact opts out of campaigns (and back in), its own choice only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._membership(cls.steel, cls.metal, state="active", date_start="2025-01-01")
        cls.portal_user = new_test_user(
            cls.env,
            login="steel_questionnaires",
            password="steel_questionnaires",
            groups="base.group_portal",
            partner_id=cls.steel_hr.id,
        )
        campaign = cls._campaign(
            contact_role_ids=[cls.role_hr.id], survey_id=cls.survey.id, anonymous=True
        ).with_user(cls.communication)
        campaign.action_start()
        cls.answers = cls._invite(campaign).sudo()
        cls.mine = cls.answers.filtered(lambda a: a.partner_id == cls.steel_hr)
        cls.deputys = cls.answers.filtered(lambda a: a.partner_id == cls.steel_hr_deputy)

    def test_the_contact_finds_its_own_questionnaires_with_their_links(self):
        self.authenticate("steel_questionnaires", "steel_questionnaires")
        page = self.url_open("/my/questionnaires").text
        self.assertIn(self.survey.title, page)
        self.assertIn(self.mine.access_token, page)
        self.assertIn("To answer", page)
        self.assertIn("Anonymous: once you submit", page)
        self.assertNotIn(self.deputys.access_token, page, "a colleague's link is its own")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["eboc_questionnaire_count"]}
        )
        self.assertEqual(counters, {"eboc_questionnaire_count": 1})
        # Answered anonymously: the answer no longer names the contact, the page no
        # longer lists it, and the counter drops.
        self._answer(self.mine, self.answer_yes, 4)
        self.assertNotIn(self.survey.title, self.url_open("/my/questionnaires").text)

    def test_no_participation_is_reachable_over_rpc(self):
        Answer = self.env["survey.user_input"].with_user(self.portal_user)
        with self.assertRaises(AccessError):
            Answer.search([])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.portal_user).read(["state"])
        with self.assertRaises(AccessError):
            self.env["survey.user_input.line"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            Answer.read_group([], ["eboc_company_id"], ["eboc_company_id"])
        with self.assertRaises(UserError):  # AccessError is one too; no export right
            self.deputys.with_user(self.portal_user).export_data(["partner_id", "state"])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.portal_user).unlink()

    def test_the_contact_opts_out_and_back_in_its_own_name_only(self):
        reachable = self.env["res.partner"]._eboc_get_reachable_domain()
        self.authenticate("steel_questionnaires", "steel_questionnaires")
        page = self.url_open("/my/questionnaires").text
        csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        # A forged partner id is ignored: the choice is the user's own contact's.
        response = self.url_open(
            "/my/questionnaires/preferences",
            data={"opt_out": "1", "partner_id": self.steel_hr_deputy.id, "csrf_token": csrf},
        )
        self.assertIn("no longer receive campaigns", response.text)
        self.assertTrue(self.steel_hr.eboc_opt_out)
        self.assertEqual(self.steel_hr.eboc_opt_out_source, "portal")
        self.assertFalse(self.steel_hr_deputy.eboc_opt_out)
        self.assertNotIn(self.steel_hr, self.env["res.partner"].search(reachable))
        self.assertTrue(
            self.steel_hr.message_ids.filtered(lambda m: "Opted out of campaigns" in str(m.body))
        )
        self.url_open("/my/questionnaires/preferences", data={"opt_out": "0", "csrf_token": csrf})
        self.assertFalse(self.steel_hr.eboc_opt_out)
        self.assertIn(self.steel_hr, self.env["res.partner"].search(reachable))

    def test_the_contact_opts_out_from_its_company_profile_too(self):
        self.authenticate("steel_questionnaires", "steel_questionnaires")
        page = self.url_open("/my/company").text
        self.assertIn('id="eboc_campaign_preferences"', page)
        csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        response = self.url_open(
            "/my/questionnaires/preferences",
            data={"opt_out": "1", "back": "/my/company", "csrf_token": csrf},
        )
        self.assertTrue(response.url.endswith("/my/company?campaigns=out"), response.url)
        self.assertIn("no longer receive campaigns", response.text)
        self.assertTrue(self.steel_hr.eboc_opt_out)
        # The form returns to one of the pages that show it, never elsewhere.
        response = self.url_open(
            "/my/questionnaires/preferences",
            data={"opt_out": "0", "back": "https://evil.example.com/", "csrf_token": csrf},
        )
        self.assertTrue(response.url.endswith("/my/questionnaires?campaigns=in"), response.url)
        self.assertFalse(self.steel_hr.eboc_opt_out)

    def test_the_questionnaires_page_costs_the_same_for_one_or_many(self):
        self.authenticate("steel_questionnaires", "steel_questionnaires")

        def queries():
            return self._page_queries("/my/questionnaires")

        one = queries()
        self.assertGreater(one, 0, "the page's queries are counted")
        for _n in range(3):
            self.survey._create_answer(partner=self.steel_hr, check_attempts=False)
        self.env.flush_all()
        self.assertEqual(queries(), one)

    def test_opening_the_questionnaire_in_chromium(self):
        self.start_tour("/my", "eboc_campaigns_questionnaires_tour", login="steel_questionnaires")
