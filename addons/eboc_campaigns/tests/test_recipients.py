from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged

from .common import EbocCampaignsCase


class TestRecipients(EbocCampaignsCase):
    def test_roles_of_the_segment_companies(self):
        campaign = self._campaign(segment=self.segment_metal, contact_role_ids=[self.role_hr.id])
        # HR people of the two metal companies who have an email; not the CEO, not the
        # inn of another sector, not the HR contact without an address.
        self.assertEqual(
            campaign._get_recipients(), self.steel_hr | self.steel_hr_deputy | self.forge_hr
        )
        self.assertEqual(campaign.reachable_count, 3)
        campaign.key_contacts_only = True
        self.assertEqual(campaign._get_recipients(), self.steel_hr | self.forge_hr)
        campaign.contact_role_ids = False
        self.assertEqual(campaign._get_recipients(), self.steel_hr | self.steel_ceo | self.forge_hr)

    def test_segment_of_contacts(self):
        segment = self.env["eboc.segment"].create(
            {
                "name": "Test: people called H",
                "target": "contact",
                "domain": repr(
                    [
                        ("name", "=like", "H%"),
                        ("parent_id", "in", (self.steel | self.forge | self.inn).ids),
                    ]
                ),
            }
        )
        campaign = self._campaign(segment=segment, contact_role_ids=[self.role_hr.id])
        self.assertEqual(
            campaign._get_recipients(),
            self.steel_hr | self.steel_hr_deputy | self.forge_hr | self.inn_hr,
        )
        self.assertEqual(campaign._get_target_companies(), self.steel | self.forge | self.inn)

    def test_mailing_reaches_the_campaign_contacts_only(self):
        campaign = self._campaign(
            campaign_type="service_promotion",
            segment=self.segment_metal,
            contact_role_ids=[self.role_hr.id],
        ).with_user(self.communication)
        campaign.action_start()
        action = campaign.action_new_mailing()
        with Form(
            self.env["mailing.mailing"]
            .with_user(self.communication)
            .with_context(**action["context"])
        ) as form:
            form.subject = "Our new HR helpline"
            form.body_arch = "<p>Call us.</p>"
        mailing = form.record
        self.assertEqual(mailing.eboc_campaign_id, campaign)
        self.assertEqual(mailing.campaign_id, campaign.utm_campaign_id)
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        # Someone widens the filter by hand: the campaign's audience still holds.
        mailing.mailing_domain = "[]"
        self.assertEqual(
            set(mailing._get_recipients()),
            set((self.steel_hr | self.steel_hr_deputy | self.forge_hr).ids),
        )
        mailing.action_send_mail()
        traces = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(
            set(traces.mapped("res_id")),
            set((self.steel_hr | self.steel_hr_deputy | self.forge_hr).ids),
        )
        traces.filtered(lambda t: t.res_id == self.steel_hr.id).set_opened()
        traces.filtered(lambda t: t.res_id == self.forge_hr.id).set_clicked()
        self.assertEqual(campaign.mailing_count, 1)
        self.assertEqual(campaign.recipient_count, 3)
        self.assertEqual(campaign.opened_count, 1)
        self.assertEqual(campaign.clicked_count, 1)
        self.assertEqual(campaign.target_count, 2)

    def test_blacklist_and_opt_out_never_receive(self):
        campaign = self._campaign(
            campaign_type="service_promotion",
            segment=self.segment_metal,
            contact_role_ids=[self.role_hr.id],
        )
        campaign.action_start()
        self.env["mail.blacklist"]._add(self.steel_hr_deputy.email)
        self.forge_hr.eboc_opt_out = True
        self.assertEqual(campaign._get_recipients(), self.steel_hr)
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Helpline",
                "body_html": "<p>Call us.</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "eboc_campaign_id": campaign.id,
            }
        )
        mailing.action_send_mail()
        traces = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(traces.mapped("res_id"), self.steel_hr.ids)
        # The questionnaire obeys the same rules.
        campaign.survey_id = self.survey
        answers = self._invite(campaign)
        self.assertEqual(answers.partner_id, self.steel_hr)

    def test_nothing_is_sent_for_a_campaign_not_running(self):
        campaign = self._campaign(campaign_type="service_promotion", survey_id=self.survey.id)
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Too early",
                "body_html": "<p>Not yet.</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "eboc_campaign_id": campaign.id,
            }
        )
        with self.assertRaises(UserError):
            mailing.action_launch()
        with self.assertRaises(UserError):
            campaign.action_send_questionnaire()

    @freeze_time("2026-05-04 09:30:00")
    def test_opt_out_records_date_and_source(self):
        # Tracking compares with the values at the last commit: close the fixture's.
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.steel_hr.with_user(self.officer).eboc_opt_out = True
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking is written at commit
        self.assertEqual(self.steel_hr.eboc_opt_out_source, "staff")
        self.assertEqual(str(self.steel_hr.eboc_opt_out_date), "2026-05-04 09:30:00")
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "res.partner"),
                ("mail_message_id.res_id", "=", self.steel_hr.id),
            ]
        )
        self.assertIn("eboc_opt_out", tracked.field_id.mapped("name"))
        self.forge_hr.with_context(import_file=True).eboc_opt_out = True
        self.assertEqual(self.forge_hr.eboc_opt_out_source, "import")
        # Opting in again clears the record; the chatter keeps the history.
        self.steel_hr.eboc_opt_out = False
        self.assertFalse(self.steel_hr.eboc_opt_out_date)
        self.assertFalse(self.steel_hr.eboc_opt_out_source)


@tagged("post_install", "-at_install")
class TestUnsubscribeLink(HttpCase):
    def test_unsubscribe_link_records_the_opt_out(self):
        association = self.env["eboc.association"].create({"name": "Link Chamber"})
        company = self.env["res.partner"].create({"name": "Link Works", "is_company": True})
        contact = self.env["res.partner"].create(
            {"name": "Lina Link", "parent_id": company.id, "email": "lina@link.example.com"}
        )
        segment = self.env["eboc.segment"].create(
            {"name": "Link", "domain": repr([("id", "=", company.id)])}
        )
        campaign = self.env["eboc.campaign"].create(
            {
                "title": "Link campaign",
                "campaign_type": "service_promotion",
                "segment_id": segment.id,
                "association_id": association.id,
            }
        )
        campaign.action_start()
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Hello",
                "body_html": "<p>Hello</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "eboc_campaign_id": campaign.id,
            }
        )
        response = self.url_open(mailing._get_unsubscribe_url(contact.email, contact.id))
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertTrue(contact.eboc_opt_out)
        self.assertEqual(contact.eboc_opt_out_source, "link")
        self.assertEqual(contact.eboc_opt_out_mailing_id, mailing)
        self.assertTrue(contact.eboc_opt_out_date)
        self.assertTrue(contact.is_blacklisted)
        self.assertEqual(campaign.unsubscribed_count, 1)


class TestSentMailingKeepsItsAudience(EbocCampaignsCase):
    def test_segment_change_after_sending(self):
        campaign = self._campaign(campaign_type="service_promotion", segment=self.segment_metal)
        campaign.action_start()
        draft, sent = self.env["mailing.mailing"].create(
            [
                {
                    "subject": subject,
                    "body_html": "<p>Hello</p>",
                    "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "eboc_campaign_id": campaign.id,
                }
                for subject in ("Draft", "Sent")
            ]
        )
        sent.action_send_mail()
        sent_domain = sent.mailing_domain
        self.segment_metal.domain = repr([("id", "=", self.inn.id)])
        self.assertIn(f"('id', '=', {self.inn.id})", draft.mailing_domain)
        self.assertEqual(sent.mailing_domain, sent_domain)
