from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.eboc_events.models.res_partner import ENGAGEMENT_LEVELS

from .common import EbocEventsCase

NONE, LOW, MEDIUM, HIGH = (key for key, _label in ENGAGEMENT_LEVELS)


@tagged("post_install", "-at_install")
class TestEngagement(EbocEventsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config.write(
            {
                "window_months": 12,
                "weight_event": 3.0,
                "weight_answer": 2.0,
                "level_medium": 5.0,
                "level_high": 15.0,
                "at_risk_months": 6,
            }
        )
        cls.legal.engagement_weight = 2.0
        cls.training.engagement_weight = 1.0
        cls._membership(cls.steel, cls.metal, state="active", date_start="2020-01-01")
        cls._membership(cls.forge, cls.metal, state="active", date_start="2020-01-01")
        cls._membership(cls.inn, cls.hotel, state="active", date_start="2020-01-01")
        cls.survey = cls.env["survey.survey"].create(
            {"title": "Labour market barometer", "access_mode": "token"}
        )
        cls.companies = cls.steel | cls.forge | cls.inn

    def _answer_questionnaire(self, contact):
        answer = self.survey._create_answer(partner=contact, check_attempts=False)
        answer._mark_done()
        return answer

    def test_score_counts_the_window_with_the_weights(self):
        with freeze_time("2031-03-01 10:00"):
            self._service(self.steel, self.legal, "2031-03-01 09:00")
        self._service(self.steel, self.training, "2030-01-15 09:00")  # before the window
        event = self._event("2031-05-01 08:00")
        # Two people of the company at one event: one event attended.
        self._register(event, self.steel_hr, state="done")
        self._register(event, self.steel_ceo, state="done")
        with freeze_time("2031-05-02 16:00"):
            self._answer_questionnaire(self.steel_hr)
        with freeze_time("2031-06-01"):
            self.env["res.partner"]._cron_update_engagement()
            # legal 2 + one event 3 + one answer 2; the 2030 training is out of the window.
            self.assertEqual(self.steel.engagement_score, 7.0)
            self.assertEqual(self.steel.engagement_level, MEDIUM)
            self.assertEqual(
                (
                    self.steel.engagement_services,
                    self.steel.engagement_events,
                    self.steel.engagement_answers,
                ),
                (1, 1, 1),
            )
            self.assertEqual(str(self.steel.last_interaction_date), "2031-05-02 16:00:00")
            self.assertEqual(self.forge.engagement_level, NONE)
            self.assertFalse(self.forge.last_interaction_date)
        with freeze_time("2032-03-15"):
            # The service of 2031-03-01 has left the window; the event and answer count.
            self.env["res.partner"]._cron_update_engagement()
            self.assertEqual(self.steel.engagement_score, 5.0)
        with freeze_time("2032-05-15"):
            self.env["res.partner"]._cron_update_engagement()
            self.assertEqual(self.steel.engagement_score, 0.0)
            self.assertEqual(self.steel.engagement_level, NONE)
            # The last interaction is kept, whatever the window.
            self.assertEqual(str(self.steel.last_interaction_date), "2031-05-02 16:00:00")

    def test_score_follows_each_record_at_once(self):
        with freeze_time("2031-06-01"):
            service = self._service(self.forge, self.legal, "2031-05-20 09:00")
            self.assertEqual(self.forge.engagement_score, 2.0)
            self.assertEqual(self.forge.engagement_level, LOW)
            service.service_type_id = self.training
            self.assertEqual(self.forge.engagement_score, 1.0)
            # Moved to another company: both are rescored.
            service.partner_id = self.inn
            self.assertEqual(self.forge.engagement_score, 0.0)
            self.assertEqual(self.inn.engagement_score, 1.0)
            service.unlink()
            self.assertEqual(self.inn.engagement_score, 0.0)
            # Attendance counts when it is marked, not at registration.
            event = self._event("2031-05-25 08:00")
            registration = self._register(event, self.inn_hr)
            self.assertEqual(self.inn.engagement_score, 0.0)
            registration.action_set_done()
            self.assertEqual(self.inn.engagement_score, 3.0)

    def test_new_weights_rescore_every_company(self):
        with freeze_time("2031-06-01"):
            for _index in range(3):
                self._service(self.steel, self.legal, "2031-05-01 09:00")
            self._service(self.forge, self.training, "2031-05-01 09:00")
            self.assertEqual(self.companies.mapped("engagement_level"), [MEDIUM, LOW, NONE])
            self.legal.engagement_weight = 6.0
            self.assertEqual(self.steel.engagement_score, 18.0)
            self.assertEqual(self.steel.engagement_level, HIGH)
            self.config.level_high = 20.0
            self.assertEqual(self.steel.engagement_level, MEDIUM)

    def test_at_risk_filter(self):
        Partner = self.env["res.partner"]
        prospect = Partner.create({"name": "Prospect Test", "is_company": True})
        self._membership(prospect, self.metal, state="prospect")
        with freeze_time("2031-06-01"):
            self._service(self.steel, self.legal, "2030-10-15 09:00")  # 7.5 months ago
            self._service(self.forge, self.legal, "2031-05-01 09:00")  # 1 month ago
            # Inn: nothing ever. The prospect neither, but it is not a member.
            domain = [
                ("engagement_at_risk", "=", True),
                ("id", "in", (self.companies | prospect).ids),
            ]
            self.assertEqual(Partner.search(domain), self.steel | self.inn)
            self.assertEqual(
                (self.companies | prospect).mapped("engagement_at_risk"), [True, False, True, False]
            )
            not_at_risk = Partner.search(
                [("engagement_at_risk", "=", False), ("id", "in", (self.companies | prospect).ids)]
            )
            self.assertEqual(not_at_risk, self.forge | prospect)
            self.config.at_risk_months = 9
            self.assertEqual(Partner.search(domain), self.inn)
        with freeze_time("2031-08-01"):  # steel's service is now 9.5 months old
            self.assertEqual(Partner.search(domain), self.steel | self.inn)

    def test_scoring_is_set_based(self):
        """The nightly scoring is one UPDATE, however many companies there are."""
        self.env["res.partner"]._eboc_update_all_engagement()
        with self.assertQueryCount(2):  # the configuration, the UPDATE
            self.env["res.partner"]._eboc_update_all_engagement()
        Partner = self.env["res.partner"]
        companies = Partner.create(
            [{"name": f"Company {index}", "is_company": True} for index in range(30)]
        )
        with freeze_time("2031-06-01"):
            for company in companies:
                self._service(company, self.legal, "2031-05-01 09:00")
            companies.invalidate_recordset()
            with self.assertQueryCount(2):
                self.env["res.partner"]._eboc_update_all_engagement()
            self.assertEqual(set(companies.mapped("engagement_score")), {2.0})

    def test_configuration_access_and_checks(self):
        with self.assertRaises(AccessError):
            self.config.with_user(self.user).weight_event = 1.0
        with self.assertRaises(AccessError):
            self.config.with_user(self.officer).weight_event = 1.0
        self.config.with_user(self.manager).weight_event = 4.0
        with self.assertRaises(AccessError):
            self.legal.with_user(self.officer).engagement_weight = 5.0
        # Everyone in the EBMO reads the settings and the scores.
        self.assertEqual(self.config.with_user(self.user).at_risk_months, 6)
        self.assertEqual(self.steel.with_user(self.user).engagement_level, NONE)
        with self.assertRaises(ValidationError):
            self.config.level_medium = 20.0  # above the high level
        with self.assertRaises(ValidationError):
            self.config.window_months = 0
        with self.assertRaises(ValidationError):
            self.legal.engagement_weight = -1.0


@tagged("post_install", "-at_install")
class TestEngagementPerEbmo(EbocEventsCase):
    """Two EBMOs in one database: each sees the engagement earned with it only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ebmo_a = cls.env.company
        cls.ebmo_b = cls.env["res.company"].create({"name": "Chamber of Crafts"})
        crafts = cls.env["eboc.association"].create(
            {"name": "Crafts Guild", "code": "CG", "company_id": cls.ebmo_b.id}
        )
        cls._membership(cls.steel, cls.metal, state="active", date_start="2020-01-01")
        cls._membership(cls.steel, crafts, state="active", date_start="2020-01-01")
        cls.officer_b = new_test_user(
            cls.env,
            login="eboc_events_officer_b",
            groups="base.group_user,eboc_membership.group_eboc_officer",
            company_id=cls.ebmo_b.id,
            company_ids=[Command.set(cls.ebmo_b.ids)],
        )

    def test_each_ebmo_sees_the_engagement_earned_with_it(self):
        with freeze_time("2031-06-01"):
            self._service(self.steel, self.legal, "2031-05-01 09:00")
            event = self._event("2031-05-10 08:00")
            self._register(event, self.steel_hr, state="done")
            self._answer_feedback(event)
            self.env["res.partner"]._cron_update_engagement()
            steel_a = self.steel.with_user(self.officer)
            self.assertGreater(steel_a.engagement_score, 0)
            self.assertEqual(
                (
                    steel_a.engagement_services,
                    steel_a.engagement_events,
                    steel_a.engagement_answers,
                ),
                (1, 1, 1),
            )
            self.assertTrue(steel_a.last_interaction_date)
            steel_b = self.steel.with_user(self.officer_b).with_company(self.ebmo_b)
            self.assertEqual(steel_b.engagement_score, 0.0, "nothing earned with B")
            self.assertEqual(steel_b.engagement_level, NONE)
            self.assertEqual(
                (
                    steel_b.engagement_services,
                    steel_b.engagement_events,
                    steel_b.engagement_answers,
                ),
                (0, 0, 0),
            )
            self.assertFalse(steel_b.last_interaction_date)
            self.assertEqual((steel_b.service_count, steel_b.event_attended_count), (0, 0))
            self.assertEqual((steel_a.service_count, steel_a.event_attended_count), (1, 1))
            self.assertTrue(steel_b.engagement_at_risk, "an active member of B, silent with B")
            self.assertFalse(steel_a.engagement_at_risk)
            Partner_b = self.env["res.partner"].with_user(self.officer_b).with_company(self.ebmo_b)
            ids = [("id", "=", self.steel.id)]
            self.assertFalse(Partner_b.search([*ids, ("engagement_level", "!=", NONE)]))
            self.assertTrue(Partner_b.search([*ids, ("engagement_at_risk", "=", True)]))
            self.assertEqual(
                Partner_b._read_group(ids, ["engagement_level"], ["__count"]), [(NONE, 1)]
            )
            Partner_a = self.env["res.partner"].with_user(self.officer)
            self.assertTrue(Partner_a.search([*ids, ("engagement_level", "!=", NONE)]))
            # Services given by B count for B only.
            legal_b = self.legal.copy({"company_id": self.ebmo_b.id})
            self._service(self.steel, legal_b, "2031-05-20 09:00", company_id=self.ebmo_b.id)
            self.assertEqual(steel_b.engagement_services, 1)
            self.assertEqual(steel_a.engagement_services, 1)

    def test_the_average_score_counts_the_companies_an_ebmo_never_scored(self):
        with freeze_time("2031-06-01"):
            self._service(self.steel, self.legal, "2031-05-01 09:00")
            self.env["res.partner"]._cron_update_engagement()
        Partner = self.env["res.partner"].with_user(self.officer)
        both = [("id", "in", (self.steel | self.forge).ids)]
        [(average,)] = Partner._read_group(both, [], ["engagement_score:avg"])
        self.assertEqual(average, self.steel.engagement_score / 2, "forge counts as 0")
        self.assertEqual(Partner.search([*both, ("engagement_score", "=", 0)]), self.forge)
        Partner_b = self.env["res.partner"].with_user(self.officer_b).with_company(self.ebmo_b)
        [(average_b,)] = Partner_b._read_group(both, [], ["engagement_score:avg"])
        self.assertEqual(average_b, 0.0)

    def _answer_feedback(self, event):
        answer = self.feedback_survey._create_answer(
            partner=self.steel_hr, check_attempts=False, eboc_event_id=event.id
        )
        answer._mark_done()
        return answer
