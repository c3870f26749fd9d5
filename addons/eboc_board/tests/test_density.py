import io

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.misc import file_open
from odoo.tools.safe_eval import safe_eval

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase

SUMS = ["member_count:sum", "enterprise_count:sum", "member_employees:sum", "persons_employed:sum"]
RATIOS = ["company_density", "employee_density"]


@tagged("post_install", "-at_install")
class TestDensity(EbocMembershipCase):
    """Hand-counted. Members: steel (basic metals, 120 employees: medium, East) in metal;
    forge (manufacturing, 8: micro, West) in metal's port section; inn (accommodation,
    30: small, East) in the hotels; quarry (mining, 60: medium) in the federation. The
    statistics: manufacturing medium (10 enterprises, 2,000 persons), manufacturing
    micro West (200, 500) and East (100, 250), accommodation all sizes (50, 1,000);
    nothing on mining."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Region = cls.env["eboc.region"]
        cls.country = Region.create({"name": "Testland"})
        cls.east = Region.create({"name": "East", "parent_id": cls.country.id})
        cls.west = Region.create({"name": "West", "parent_id": cls.country.id})
        cls.east_port = Region.create({"name": "East Port", "parent_id": cls.east.id})
        ref = cls.env.ref
        cls.sector_c = ref("base.res_partner_industry_C")
        cls.sector_i = ref("base.res_partner_industry_I")
        cls.micro = ref("eboc_membership.size_class_micro")
        cls.small = ref("eboc_membership.size_class_small")
        cls.medium = ref("eboc_membership.size_class_medium")
        cls.steel.write(
            {
                "industry_id": ref("eboc_membership.industry_isic_24").id,
                "region_id": cls.east_port.id,
            }
        )
        cls.forge.write({"industry_id": cls.sector_c.id, "region_id": cls.west.id})
        cls.inn.write(
            {"industry_id": ref("eboc_membership.industry_isic_55").id, "region_id": cls.east.id}
        )
        Partner = cls.env["res.partner"]
        cls.quarry = Partner.create(
            {
                "name": "Quarry Test",
                "is_company": True,
                "employee_count": 60,
                "industry_id": ref("base.res_partner_industry_B").id,
            }
        )
        cls._membership(cls.steel, cls.metal, state="active", date_start="2020-01-01")
        cls._membership(cls.forge, cls.metal_local, state="suspended", date_start="2020-01-01")
        cls._membership(cls.inn, cls.hotel, state="active", date_start="2020-01-01")
        cls._membership(cls.quarry, cls.federation, state="active", date_start="2020-01-01")
        # Not members: a former member and a prospect are recruitment targets.
        cls.tools_east = Partner.create(
            {
                "name": "East Tools Test",
                "is_company": True,
                "employee_count": 3,
                "industry_id": ref("eboc_membership.industry_isic_25").id,
                "region_id": cls.east_port.id,
            }
        )
        cls.tools_west = Partner.create(
            {
                "name": "West Tools Test",
                "is_company": True,
                "employee_count": 3,
                "industry_id": cls.sector_c.id,
                "region_id": cls.west.id,
            }
        )
        cls._membership(cls.tools_east, cls.metal, state="prospect")
        cls.dataset = cls.env["eboc.statistic.dataset"].create(
            {
                "name": "Testland register",
                "source": "Testland statistics office",
                "year": 2024,
                "line_ids": [
                    (0, 0, cls._cell(cls.sector_c, cls.medium, None, 10, 2000)),
                    (0, 0, cls._cell(cls.sector_c, cls.micro, cls.west, 200, 500)),
                    (0, 0, cls._cell(cls.sector_c, cls.micro, cls.east, 100, 250)),
                    (0, 0, cls._cell(cls.sector_i, None, None, 50, 1000)),
                ],
            }
        )
        cls.env.flush_all()

    @classmethod
    def _cell(cls, sector, size, region, enterprises, persons):
        return {
            "industry_id": sector.id,
            "size_class_id": size and size.id,
            "region_id": region and region.id,
            "enterprise_count": enterprises,
            "persons_employed": persons,
        }

    def _groups(self, groupby, association=None, user=None):
        Report = self.env["eboc.density.report"].with_user(user or self.manager)
        return Report.read_group(
            [
                ("dataset_id", "=", self.dataset.id),
                ("association_id", "=", (association or self.federation).id),
            ],
            SUMS + RATIOS,
            groupby,
            lazy=False,
        )

    def _check(self, group, members, enterprises, employees, persons, company, employee):
        self.assertEqual(
            tuple(
                group[name] or 0
                for name in (
                    "member_count",
                    "enterprise_count",
                    "member_employees",
                    "persons_employed",
                )
            ),
            (members, enterprises, employees, persons),
        )
        for name, expected in (("company_density", company), ("employee_density", employee)):
            if expected is None:
                self.assertIs(group[name], False, f"{name}: unknown (empty), not zero")
            else:
                self.assertAlmostEqual(group[name], expected, 4, name)

    def test_federation_density_is_a_ratio_of_sums(self):
        (total,) = self._groups([])
        # 3 members with statistics of 360 enterprises; quarry's sector has none.
        self._check(total, 4, 360, 218, 3750, 100 * 3 / 360, 100 * 158 / 3750)
        by_sector = {
            g["industry_id"][0] if g["industry_id"] else False: g
            for g in self._groups(["industry_id"])
        }
        self._check(by_sector[self.sector_c.id], 2, 310, 128, 2750, 100 * 2 / 310, 100 * 128 / 2750)
        self._check(by_sector[self.sector_i.id], 1, 50, 30, 1000, 2.0, 3.0)
        quarry = by_sector[self.quarry.industry_id.id]
        self._check(quarry, 1, 0, 60, 0, None, None)
        by_coverage = {g["coverage"]: g for g in self._groups(["coverage"])}
        self.assertEqual(by_coverage["unknown"]["member_count"], 1)

    def test_cells_and_subtrees(self):
        Report = self.env["eboc.density.report"].with_user(self.manager)
        rows = Report.search(
            [("dataset_id", "=", self.dataset.id), ("association_id", "=", self.metal.id)]
        )
        cells = {
            (row.size_class_id, row.region_id): row
            for row in rows
            if row.industry_id == self.sector_c
        }
        self.assertEqual(
            cells[(self.medium, self.env["eboc.region"])].member_count, 1, "steel, East Port"
        )
        self.assertEqual(
            cells[(self.micro, self.west)].member_count, 1, "forge, in the port section"
        )
        self.assertEqual(cells[(self.micro, self.east)].member_count, 0)
        self.assertEqual(cells[(self.micro, self.east)].non_member_count, 100)
        self.assertAlmostEqual(cells[(self.micro, self.west)].company_density, 0.5)
        hotel = {
            g["industry_id"][0]: g
            for g in self._groups(["industry_id"], self.hotel)
            if g["industry_id"]
        }
        self._check(hotel[self.sector_i.id], 1, 50, 30, 1000, 2.0, 3.0)
        self._check(hotel[self.sector_c.id], 0, 310, 0, 2750, 0.0, 0.0)

    def test_no_table_named_reads_the_latest_one(self):
        older = self.dataset.copy({"name": "Testland census", "year": 2019})
        Report = self.env["eboc.density.report"].with_user(self.manager)
        rows = Report.search([("association_id", "=", self.federation.id)])
        self.assertEqual(rows.dataset_id, self.dataset, "two tables never add up")
        rows = Report.search(
            [("association_id", "=", self.federation.id), ("dataset_id", "=", older.id)]
        )
        self.assertEqual(rows.dataset_id, older)

    def test_cells_of_a_table_may_not_overlap(self):
        Line = self.env["eboc.statistic.line"]
        division = self.env.ref("eboc_membership.industry_isic_24")
        with self.assertRaises(ValidationError):
            Line.create(
                {"dataset_id": self.dataset.id, **self._cell(division, self.medium, None, 1, 1)}
            )
        with self.assertRaises(ValidationError):
            Line.create(
                {
                    "dataset_id": self.dataset.id,
                    **self._cell(self.sector_i, self.small, self.east, 1, 1),
                }
            )
        with self.assertRaises(ValidationError):
            Line.create(
                {
                    "dataset_id": self.dataset.id,
                    **self._cell(self.sector_c, self.micro, self.east_port, 1, 1),
                }
            )
        # Large manufacturing, or anything in another table, is a cell of its own.
        large = self.env.ref("eboc_membership.size_class_large")
        Line.create(
            {"dataset_id": self.dataset.id, **self._cell(self.sector_c, large, None, 2, 900)}
        )
        other = self.dataset.copy({"name": "Copy", "year": 2023})
        self.assertEqual(other.line_count, 5)

    def test_recruitment_segment_from_the_least_covered_cells(self):
        wizard = Form(self.env["eboc.recruitment.wizard"].with_user(self.officer))
        wizard.dataset_id = self.dataset
        wizard.association_id = self.federation
        wizard.cell_count = 1
        wizard.min_enterprises = 20
        self.assertIn("East", wizard.preview)
        action = wizard.save().action_create_segment()
        segment = self.env["eboc.segment"].search([], order="id desc", limit=1)
        self.assertIn("Testland register", segment.name)
        self.assertEqual(safe_eval(str(action["domain"])), segment._get_domain())
        targets = segment.with_user(self.officer)._get_records()
        self.assertIn(self.tools_east, targets, "a non-member in the emptiest cell")
        self.assertNotIn(self.tools_west, targets, "another cell")
        self.assertFalse(targets & (self.steel | self.forge | self.inn), "members are not targets")
        # Selecting cells in the report's list builds the same kind of segment.
        Report = self.env["eboc.density.report"].with_user(self.officer)
        west = Report.search(
            [
                ("dataset_id", "=", self.dataset.id),
                ("association_id", "=", self.federation.id),
                ("region_id", "=", self.west.id),
            ]
        )
        west.action_create_recruitment_segment()
        segment = self.env["eboc.segment"].search([], order="id desc", limit=1)
        self.assertEqual(segment._get_records(), self.tools_west)
        unknown = Report.search(
            [("dataset_id", "=", self.dataset.id), ("coverage", "=", "unknown")]
        )
        with self.assertRaises(UserError):
            unknown.action_create_recruitment_segment()

    def test_the_wall_holds_on_every_path(self):
        restricted = self.restricted_officer
        restricted.groups_id += self.env.ref("base.group_allow_export")
        (total,) = self._groups([], self.federation, user=restricted)
        self.assertEqual(total["__count"], 0, "no federation figure")
        (metal,) = self._groups([], self.metal, user=restricted)
        self._check(metal, 2, 360, 128, 3750, 100 * 2 / 360, 100 * 128 / 3750)
        Report = self.env["eboc.density.report"].with_user(restricted)
        rows = Report.search([("dataset_id", "=", self.dataset.id)])
        self.assertEqual(rows.scope_association_id, self.metal, "no scope named: its own")
        exported = rows.export_data(["scope_association_id/id", "member_count"])["datas"]
        self.assertEqual(sum(int(row[1]) for row in exported), 2)
        hotel_row = (
            self.env["eboc.density.report"]
            .with_user(self.manager)
            .search(
                [("dataset_id", "=", self.dataset.id), ("association_id", "=", self.hotel.id)],
                limit=1,
            )
        )
        with self.assertRaises(AccessError):
            hotel_row.with_user(restricted).read(["member_count"])
        wizard = (
            self.env["eboc.recruitment.wizard"]
            .with_user(restricted)
            .create(
                {
                    "dataset_id": self.dataset.id,
                    "association_id": self.federation.id,
                    "min_enterprises": 1,
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_create_segment()
        # Statistics are the managers' to change.
        with self.assertRaises(AccessError):
            self.dataset.with_user(self.officer).write({"year": 2020})
        with self.assertRaises(AccessError):
            self.dataset.line_ids[:1].with_user(self.officer).unlink()

    def _import_figures(self, content, file_type="text/csv"):
        importer = (
            self.env["base_import.import"]
            .with_user(self.manager)
            .create(
                {
                    "res_model": "eboc.statistic.line",
                    "file": content,
                    "file_type": file_type,
                    "file_name": "figures.csv" if file_type == "text/csv" else "figures.xlsx",
                }
            )
        )
        options = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        preview = importer.parse_preview(options)
        self.assertNotIn("error", preview, preview.get("error"))
        fields = [(match or [""])[0] for match in preview["matches"].values()]
        self.assertEqual(
            fields,
            [
                "dataset_id",
                "industry_id",
                "size_class_id",
                "region_id",
                "enterprise_count",
                "persons_employed",
            ],
            "the template's columns map by themselves",
        )
        return importer.with_user(self.manager).execute_import(fields, preview["headers"], options)

    def test_figures_import_with_the_template_and_back_from_an_export(self):
        with file_open("eboc_board/static/xls/eboc_statistic_line.xlsx", "rb") as template:
            headers = openpyxl.load_workbook(template).active[1]
        self.assertEqual(
            [cell.value for cell in headers],
            ["Statistics", "Sector", "Size Class", "Region", "Enterprises", "Persons Employed"],
        )
        templates = self.env["eboc.statistic.line"].get_import_templates()
        self.assertEqual([t["template"][-4:] for t in templates], ["xlsx", ".csv"])
        with file_open("eboc_board/static/xls/eboc_statistic_line.csv", "rb") as template:
            self.assertTrue(template.read().startswith(b"Statistics,Sector,Size Class,Region,"))
        table = self.env["eboc.statistic.dataset"].create(
            {"name": "Imported register", "source": "Office", "year": 2023}
        )
        # Codes, names, and the names an export writes ("C - ...", "Micro (0-9)").
        content = "\n".join(
            [
                "Statistics,Sector,Size Class,Region,Enterprises,Persons Employed",
                "Imported register,C,MEDIUM,,12,2100",
                f"Imported register,{self.sector_c.display_name},"
                f"{self.micro.display_name},West,180,450",
                "Imported register,I,,,40,800",
            ]
        ).encode()
        result = self._import_figures(content)
        self.assertEqual(result["messages"], [])
        self.assertEqual(table.line_count, 3)
        self.assertEqual(table.enterprise_count, 232)
        micro = table.line_ids.filtered(lambda line: line.size_class_id == self.micro)
        self.assertEqual((micro.industry_id, micro.region_id), (self.sector_c, self.west))
        # An overlapping row is refused with the cells named, and nothing is kept.
        again = self._import_figures(
            b"Statistics,Sector,Size Class,Region,Enterprises,Persons Employed\n"
            b"Imported register,24,MEDIUM,,1,1\n"
        )
        self.assertFalse(again["ids"])
        self.assertIn("overlap", again["messages"][0]["message"])
        self.assertEqual(table.line_count, 3)

    def test_roles_may_only_what_they_should(self):
        """Statistics are the managers' to change (create is also the importer's path,
        copy the Action menu's); the wizard builds segments for officers; a user with no
        EBMO role reads no report."""
        line = self._cell(
            self.sector_c, self.env.ref("eboc_membership.size_class_large"), None, 1, 1
        )
        for user in (self.user, self.officer):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["eboc.statistic.dataset"].with_user(user).create(
                        {"name": "Mine", "source": "Me", "year": 2024}
                    )
                with self.assertRaises(AccessError):
                    self.env["eboc.statistic.line"].with_user(user).create(
                        dict(line, dataset_id=self.dataset.id)
                    )
                with self.assertRaises(AccessError):
                    self.dataset.with_user(user).copy()
        with self.assertRaises(AccessError):
            self.env["eboc.recruitment.wizard"].with_user(self.user).create(
                {"dataset_id": self.dataset.id, "association_id": self.federation.id}
            )
        outsider = new_test_user(self.env, login="board_outsider", groups="base.group_user")
        for model in ("eboc.density.report", "eboc.retention.report", "eboc.member.value.report"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(outsider).search([])

    def test_forged_cells_build_no_segment(self):
        """The list's button with another association's cells, as an RPC client would send
        them, is refused."""
        hotel_cells = (
            self.env["eboc.density.report"]
            .with_user(self.manager)
            .search([("dataset_id", "=", self.dataset.id), ("association_id", "=", self.hotel.id)])
        )
        segments = self.env["eboc.segment"].search_count([])
        with self.assertRaises(AccessError):
            hotel_cells.with_user(self.restricted_officer).action_create_recruitment_segment()
        self.assertEqual(self.env["eboc.segment"].search_count([]), segments)

    def test_a_table_of_another_organisation_stays_there(self):
        other = self.env["res.company"].create({"name": "Other EBMO"})
        theirs = self.dataset.copy({"name": "Their register", "year": 2100, "company_id": other.id})
        Dataset = self.env["eboc.statistic.dataset"].with_user(self.manager)
        self.assertFalse(Dataset.search([("id", "=", theirs.id)]))
        Report = self.env["eboc.density.report"].with_user(self.manager)
        self.assertFalse(Report.search([("dataset_id", "=", theirs.id)]))
        # Nor is it the "latest table" of the manager, though its year is the highest.
        rows = Report.search([("association_id", "=", self.federation.id)])
        self.assertNotIn(theirs, rows.dataset_id)

    def test_workbook_for_a_position_paper(self):
        content = self.dataset.with_user(self.manager)._render_density_xlsx(self.federation)
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
        text = "\n".join(str(value) for row in cells for value in row if value is not None)
        self.assertIn("Testland register (2024)", text)
        self.assertIn("Testland statistics office", text)
        rows = {row[0]: row[1:7] for row in cells if row and row[0]}
        self.assertEqual(rows["Total"][:2], [4, 360])
        self.assertAlmostEqual(rows["Total"][2], 100 * 3 / 360, 4)
        mining = rows[self.quarry.industry_id.display_name]
        self.assertEqual(mining[2], "unknown", "no statistics: unknown, not zero")
        self.assertEqual(
            cells[6][1:7],
            [
                "Member Companies",
                "Enterprises",
                "Density by Companies (%)",
                "Employees of Members",
                "Persons Employed",
                "Density by Employees (%)",
            ],
        )
        # Names Excel refuses, or that clash once cut to 31 characters, still make sheets.
        twins = self.env["eboc.association"].create(
            [
                {
                    "name": f"Regional Employers: Association of {town}",
                    "parent_id": self.federation.id,
                }
                for town in ("North Harbour", "North Hills")
            ]
        )
        book = openpyxl.load_workbook(io.BytesIO(self.dataset._render_density_xlsx(twins)))
        self.assertEqual(
            book.sheetnames,
            ["Regional Employers- Association", "Regional Employers- Associa (2)"],
        )
        # A restricted officer's workbook holds their association only.
        restricted = openpyxl.load_workbook(
            io.BytesIO(self.dataset.with_user(self.restricted_officer)._render_density_xlsx())
        )
        self.assertEqual(restricted.sheetnames, [self.metal.name])


@tagged("post_install", "-at_install")
class TestDensityWorkbookRoute(HttpCase):
    def test_route_downloads_the_workbook_of_a_readable_table(self):
        dataset = self.env["eboc.statistic.dataset"].create(
            {"name": "Route register", "source": "Office", "year": 2024}
        )
        self.authenticate("admin", "admin")
        response = self.url_open(f"/eboc_board/density/{dataset.id}/xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertIn("Route%20register", response.headers["Content-Disposition"])
        self.assertEqual(
            self.url_open(f"/eboc_board/density/{dataset.id + 1000}/xlsx").status_code, 404
        )

    def test_route_keeps_the_walls(self):
        dataset = self.env["eboc.statistic.dataset"].create(
            {"name": "Walled register", "source": "Office", "year": 2024}
        )
        Association = self.env["eboc.association"]
        federation = Association.create({"name": "Route Federation"})
        own = Association.create({"name": "Route Own", "parent_id": federation.id})
        other = Association.create({"name": "Route Other", "parent_id": federation.id})
        officer = new_test_user(
            self.env,
            login="route_officer",
            groups="base.group_user,eboc_membership.group_eboc_officer",
        )
        officer.eboc_association_ids = own
        new_test_user(self.env, login="route_internal", groups="base.group_user")
        url = f"/eboc_board/density/{dataset.id}/xlsx"
        self.authenticate("route_officer", "route_officer")
        self.assertEqual(self.url_open(f"{url}?association={own.id}").status_code, 200)
        for forged in (other.id, federation.id, "x"):
            with self.subTest(association=forged):
                self.assertEqual(self.url_open(f"{url}?association={forged}").status_code, 404)
        self.authenticate("route_internal", "route_internal")
        with mute_logger("odoo.http"):  # Odoo logs the refusal it answers with 403
            self.assertEqual(self.url_open(url).status_code, 403, "no EBMO role, no workbook")
