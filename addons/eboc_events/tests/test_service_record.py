from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged, users

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestServiceRecord(EbocMembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env,
            login="eboc_service_staff",
            groups="base.group_user,eboc_events.group_eboc_service_staff",
        )
        cls.legal = cls.env.ref("eboc_events.service_type_legal")
        cls.training = cls.env.ref("eboc_events.service_type_training")
        cls._membership(cls.steel, cls.metal, state="active", date_start="2020-01-01")
        cls._membership(cls.inn, cls.hotel, state="active", date_start="2020-01-01")
        cls.steel_hr = cls.env["res.partner"].create(
            {"name": "Hanna Rusk", "parent_id": cls.steel.id}
        )

    def _log(self, partner, service_type, **values):
        return self.env["eboc.service.record"].create(
            {
                "name": "Question",
                "partner_id": partner.id,
                "service_type_id": service_type.id,
                **values,
            }
        )

    @users("eboc_service_staff")
    def test_log_a_service_from_the_company_form(self):
        steel = self.steel.with_user(self.env.user)
        action = steel.action_log_service()
        self.assertEqual(action["target"], "new")
        view = self.env["ir.ui.view"].browse(action["views"][0][0])
        record_form = Form(
            self.env["eboc.service.record"].with_context(**action["context"]), view=view
        )
        record_form.contact_id = self.steel_hr
        record_form.service_type_id = self.legal
        record_form.name = "Dismissal during the trial period"
        record_form.duration = 0.5
        record_form.satisfaction = "5"
        record = record_form.save()
        self.assertEqual(record.partner_id, self.steel)
        self.assertEqual(record.user_id, self.staff, "logged by the staff member")
        self.assertTrue(record.is_member, "a member when the service was given")
        self.assertEqual(record.industry_id, self.steel.industry_id)
        self.assertEqual(steel.service_count, 1)
        self.assertEqual(steel.service_summary, "Legal advice (1)")
        self.assertEqual(steel.service_last_date, record.date)

    def test_non_member_services_are_marked(self):
        record = self._log(self.forge, self.legal)
        self.assertFalse(record.is_member)

    def test_company_statistics_in_grouped_queries(self):
        for partner in (self.steel, self.forge, self.inn):
            self._log(partner, self.legal)
            self._log(partner, self.training)
        self._log(self.steel, self.training)
        partners = self.steel | self.forge | self.inn
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=2):  # one grouped query, one name read
            summaries = partners.mapped("service_summary")
        self.assertEqual(summaries[0], "Training (2), Legal advice (1)")
        self.assertEqual(partners.mapped("service_count"), [3, 2, 2])

    def test_contact_must_work_for_the_company(self):
        stranger = self.env["res.partner"].create({"name": "Stranger", "parent_id": self.inn.id})
        with self.assertRaises(ValidationError):
            self._log(self.steel, self.legal, contact_id=stranger.id)
        with self.assertRaises(ValidationError):
            self._log(self.steel, self.legal, duration=-1.0)

    def test_access_per_role(self):
        record = self._log(self.steel, self.legal)
        # EBMO users read services; they do not log them.
        self.assertEqual(record.with_user(self.user).name, "Question")
        with self.assertRaises(AccessError):
            self.env["eboc.service.record"].with_user(self.user).create(
                {"name": "X", "partner_id": self.steel.id, "service_type_id": self.legal.id}
            )
        # Service staff log and correct them, but neither delete them nor edit the catalogue.
        own = (
            self.env["eboc.service.record"]
            .with_user(self.staff)
            .create({"name": "X", "partner_id": self.steel.id, "service_type_id": self.legal.id})
        )
        own.outcome = "Advised to extend the trial period."
        with self.assertRaises(AccessError):
            own.unlink()
        with self.assertRaises(AccessError):
            self.legal.with_user(self.staff).price_non_member = 1.0
        # Managers configure the catalogue and may delete.
        self.legal.with_user(self.manager).price_non_member = 130.0
        own.with_user(self.manager).unlink()

    def test_restricted_officer_sees_services_of_own_associations(self):
        steel_service = self._log(self.steel, self.legal)
        inn_service = self._log(self.inn, self.legal)
        Record = self.env["eboc.service.record"].with_user(self.restricted_officer)
        visible = Record.search([("id", "in", (steel_service | inn_service).ids)])
        self.assertEqual(visible, steel_service)

    def test_services_analysis(self):
        self.steel.industry_id = self.env.ref("base.res_partner_industry_C")
        self.inn.industry_id = self.env.ref("base.res_partner_industry_I")
        self._log(self.steel, self.legal, satisfaction="5", duration=1.0)
        self._log(self.steel, self.legal, satisfaction="3", duration=0.5)
        self._log(self.steel, self.legal, duration=2.0)  # not rated: not a zero
        self._log(self.inn, self.training, satisfaction="4", user_id=self.staff.id)
        Report = self.env["eboc.service.report"].with_user(self.user)
        groups = {
            (group["service_type_id"][0], group["industry_id"][0]): group
            for group in Report.read_group(
                [("partner_id", "in", (self.steel | self.inn).ids)],
                ["duration", "satisfaction", "rated"],
                ["service_type_id", "industry_id"],
                lazy=False,
            )
        }
        legal = groups[self.legal.id, self.steel.industry_id.id]
        self.assertEqual((legal["__count"], legal["rated"], legal["duration"]), (3, 2, 3.5))
        self.assertAlmostEqual(legal["satisfaction"], 4.0)
        by_staff = Report.read_group(
            [("partner_id", "in", (self.steel | self.inn).ids)], ["duration"], ["user_id"]
        )
        self.assertEqual(
            {group["user_id"][0]: group["user_id_count"] for group in by_staff},
            {self.env.user.id: 3, self.staff.id: 1},
        )
        # Users restricted to the metal association see only its members' services.
        restricted = self.env["eboc.service.report"].with_user(self.restricted_officer)
        self.assertEqual(
            restricted.search([("partner_id", "in", (self.steel | self.inn).ids)]).partner_id,
            self.steel,
        )
