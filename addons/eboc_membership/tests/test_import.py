from odoo.tests import tagged, users
from odoo.tools.misc import file_open

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestImport(EbocMembershipCase):
    """The shipped sample files load with Odoo's own import; a bad row loads nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Region = cls.env["eboc.region"]
        for name in ("North", "Coast", "Central"):
            if not Region.search([("name", "=", name)]):
                Region.create({"name": name})

    def _import(self, path, content=None):
        if content is None:
            with file_open(path, "rb") as sample:
                content = sample.read()
        importer = self.env["base_import.import"].create(
            {
                "res_model": "res.partner",
                "file": content,
                "file_type": "text/csv",
                "file_name": "import.csv",
            }
        )
        options = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        preview = importer.parse_preview(options)
        self.assertNotIn("error", preview, preview.get("error"))
        headers = preview["headers"]
        return importer.execute_import(headers, headers, options)

    def _sample(self, name):
        with file_open(f"eboc_membership/static/import/{name}", "rb") as sample:
            return sample.read()

    @users("eboc_officer")
    def test_sample_files_import(self):
        result = self._import("eboc_membership/static/import/member_companies.csv")
        self.assertEqual(result["messages"], [])
        companies = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(len(companies), 4)
        aldermoor = companies.filtered(lambda p: p.name == "Aldermoor Precision Castings")
        self.assertEqual(aldermoor.industry_id.code, "24")
        self.assertEqual(aldermoor.region_id.name, "North")
        self.assertEqual(aldermoor.size_class_id.code, "MEDIUM")
        self.assertEqual(aldermoor.legal_form_id.code, "LLC")
        result = self._import("eboc_membership/static/import/member_contacts.csv")
        self.assertEqual(result["messages"], [])
        self.assertEqual(len(result["ids"]), 6)
        self.assertEqual(
            sorted(aldermoor.key_contact_ids.mapped("name")),
            ["Marta Okafor", "Priya Raman", "Tomasz Lindqvist"],
        )

    @users("eboc_officer")
    def test_broken_rows_are_all_listed_and_nothing_is_committed(self):
        lines = self._sample("member_companies.csv").decode().splitlines()
        # Row 3: an employee count that is not a number; row 5: a sector that does not exist.
        lines[2] = lines[2].replace(",38,", ",about forty,")
        lines[4] = lines[4].replace(",55,", ",Z9,", 1)
        before = self.env["res.partner"].search_count([])
        result = self._import(None, content="\n".join(lines).encode())
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertFalse(result["ids"])
        self.assertEqual(self.env["res.partner"].search_count([]), before, "nothing is committed")
        self.assertEqual(len(errors), 2, errors)
        messages = " ".join(m["message"] for m in errors)
        self.assertIn("about forty", messages)
        self.assertIn("Z9", messages)
        self.assertEqual(sorted(m["rows"]["from"] for m in errors), [1, 3])

    @users("eboc_officer")
    def test_second_key_contact_for_a_role_is_listed_and_nothing_committed(self):
        self._import("eboc_membership/static/import/member_companies.csv")
        lines = self._sample("member_contacts.csv").decode().splitlines()
        # Row 4 makes the safety engineer a second key CEO of the same company.
        lines[3] = lines[3].replace(",OSH,OSH", ',"OSH,CEO",CEO')
        before = self.env["res.partner"].search_count([("is_company", "=", False)])
        result = self._import(None, content="\n".join(lines).encode())
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertFalse(result["ids"])
        self.assertTrue(errors)
        self.assertIn("already has a key contact", errors[0]["message"])
        self.assertEqual(self.env["res.partner"].search_count([("is_company", "=", False)]), before)

    @users("eboc_officer")
    def test_import_templates_are_offered(self):
        templates = (
            self.env["res.partner"].with_context(eboc_member_import=True).get_import_templates()
        )
        self.assertEqual(
            [t["template"] for t in templates],
            [
                "/eboc_membership/static/import/member_companies.csv",
                "/eboc_membership/static/import/member_contacts.csv",
            ],
        )
