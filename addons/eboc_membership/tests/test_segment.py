import io

import openpyxl

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged, users

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestSegment(EbocMembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._membership(cls.steel, cls.metal, state="active", date_start="2024-01-01")
        cls._membership(cls.forge, cls.metal, state="applicant")
        cls.ceo = cls.env["res.partner"].create(
            {
                "name": "Ada CEO",
                "parent_id": cls.steel.id,
                "email": "ada@steel.example",
                "key_role_ids": [cls.role_ceo.id],
            }
        )
        cls.hr = cls.env["res.partner"].create(
            {"name": "Hal HR", "parent_id": cls.forge.id, "contact_role_ids": [cls.role_hr.id]}
        )

    @users("eboc_officer")
    def test_company_segment_counts_live(self):
        segment = self.env["eboc.segment"].create(
            {
                "name": "Metal members",
                "target": "company",
                "domain": f"[('member_association_ids', 'in', [{self.metal.id}])]",
            }
        )
        self.assertEqual(segment.record_count, 1)
        self.assertEqual(segment._get_records(), self.steel)
        self.env["eboc.membership"].search([("partner_id", "=", self.forge.id)]).action_activate()
        segment.invalidate_recordset(["record_count"])
        self.assertEqual(segment.record_count, 2)

    @users("eboc_officer")
    def test_contact_segment_holds_persons_only(self):
        segment = self.env["eboc.segment"].create(
            {
                "name": "Contacts of metal members and applicants",
                "target": "contact",
                "domain": (
                    "[('commercial_partner_id.membership_ids.association_id', '=', "
                    f"{self.metal.id})]"
                ),
            }
        )
        self.assertEqual(segment._get_records(), self.ceo | self.hr)

    @users("eboc_officer")
    def test_invalid_filter_is_refused_with_a_clear_error(self):
        with self.assertRaisesRegex(ValidationError, "filter of segment Broken is not valid"):
            self.env["eboc.segment"].create(
                {"name": "Broken", "domain": "[('no_such_field', '=', 1)]"}
            )

    @users("eboc_officer")
    def test_open_records_action_uses_segment_domain(self):
        segment = self.env["eboc.segment"].create({"name": "All companies", "domain": "[]"})
        action = segment.action_open_records()
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(self.env["res.partner"].search(action["domain"]), segment._get_records())

    @users("eboc_user")
    def test_xlsx_export_has_profile_and_key_contacts(self):
        segment = (
            self.env["eboc.segment"]
            .sudo()
            .create({"name": "Steel", "domain": f"[('id', '=', {self.steel.id})]"})
            .with_user(self.env.user)
        )
        workbook = openpyxl.load_workbook(io.BytesIO(segment._render_xlsx()))
        rows = list(workbook.active.values)
        header, row = rows[0], rows[1]
        values = dict(zip(header, row, strict=True))
        self.assertEqual(values["Company"], "Steel Test Works")
        self.assertEqual(values["Membership Status"], "Active Member")
        self.assertEqual(values["Employees"], 120)
        self.assertIn("Ada CEO", values["Key Contacts"])
        self.assertIn("ada@steel.example", values["Key Contacts"])
        self.assertEqual(len(rows), 2)


@tagged("post_install", "-at_install")
class TestSegmentExportController(HttpCase):
    def test_download_as_user_and_refused_without_access(self):
        from odoo.tests import new_test_user

        new_test_user(
            self.env,
            login="seg_user",
            password="seg_user_pw1",
            groups="base.group_user,eboc_membership.group_eboc_user",
        )
        new_test_user(
            self.env, login="seg_outsider", password="seg_outsider_pw1", groups="base.group_user"
        )
        segment = self.env["eboc.segment"].create({"name": "Everyone", "domain": "[]"})
        self.authenticate("seg_user", "seg_user_pw1")
        response = self.url_open(f"/eboc_membership/segment/{segment.id}/xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(workbook.active.cell(1, 2).value, "Company")
        self.authenticate("seg_outsider", "seg_outsider_pw1")
        with self.assertLogs("odoo.http", level="WARNING"):
            response = self.url_open(f"/eboc_membership/segment/{segment.id}/xlsx")
        self.assertEqual(response.status_code, 403)
