from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase

MEASURES = ["member_at_start", "joined", "left_count", "retained", "member_at_end"]


@tagged("post_install", "-at_install")
class TestRetention(EbocMembershipCase):
    """Hand-counted on a small federation:

    * steel: metal from 2020-03-01, still active; hotel from 2021-06-01, resigned
      2023-05-31 (too expensive);
    * forge: metal's port section from 2022-01-01, lapsed 2024-12-31 (too expensive);
    * inn: hotel from 2023-01-01, active.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._membership(cls.steel, cls.metal, state="active", date_start="2020-03-01")
        cls._membership(
            cls.steel,
            cls.hotel,
            state="resigned",
            date_start="2021-06-01",
            date_end="2023-05-31",
            leaving_reason_id=cls.reason_cost.id,
        )
        cls._membership(
            cls.forge,
            cls.metal_local,
            state="lapsed",
            date_start="2022-01-01",
            date_end="2024-12-31",
            leaving_reason_id=cls.reason_cost.id,
        )
        cls._membership(cls.inn, cls.hotel, state="active", date_start="2023-01-01")
        # Never a member: an application and a prospect count nowhere.
        cls.quarry = cls.env["res.partner"].create({"name": "Quarry Test", "is_company": True})
        cls._membership(cls.quarry, cls.federation, state="applicant")
        cls.env.flush_all()

    def _figures(self, association, user=None, year_from=2019):
        """{year: (at start, joined, left, retained, at end, retention rate)}, read the
        way the pivot and the dashboard read them."""
        Report = self.env["eboc.retention.report"].with_user(user or self.manager)
        groups = Report.read_group(
            [
                ("association_id", "child_of", association.id),
                ("date", ">=", f"{year_from}-01-01"),
                ("date", "<=", "2026-12-31"),
            ],
            MEASURES + ["retention_rate"],
            ["date:year"],
            lazy=False,
        )
        return {
            int(group["date:year"]): tuple(group[name] for name in MEASURES)
            + (group["retention_rate"] and round(group["retention_rate"], 1),)
            for group in groups
        }

    def test_federation_counts_each_company_once(self):
        # year: at start, joined, left, retained, at end, retention rate
        self.assertEqual(
            self._figures(self.federation),
            {
                2020: (0, 1, 0, 0, 1, False),  # no member at the start: no rate
                2021: (1, 0, 0, 1, 1, 100.0),  # steel's second membership is no join
                2022: (1, 1, 0, 1, 2, 100.0),
                2023: (2, 1, 0, 2, 3, 100.0),  # steel left the hotels, not the federation
                2024: (3, 0, 1, 2, 2, 66.7),
                2025: (2, 0, 0, 2, 2, 100.0),
                2026: (2, 0, 0, 2, 2, 100.0),
            },
        )

    def test_a_year_without_members_at_its_start_has_no_rate(self):
        # Empty (False), not 0 %: nobody could be retained. 2024's rate is 2 of 3.
        figures = self._figures(self.federation)
        self.assertIs(figures[2020][5], False)
        self.assertIs(self._figures(self.hotel)[2021][5], False)
        self.assertEqual(figures[2024][5], 66.7)

    def test_an_association_counts_its_own_subtree(self):
        hotel = self._figures(self.hotel)
        self.assertEqual(hotel[2021], (0, 1, 0, 0, 1, False))
        self.assertEqual(hotel[2023], (1, 1, 1, 0, 1, 0.0), "steel left, the inn joined")
        metal = self._figures(self.metal)
        self.assertEqual(metal[2022], (1, 1, 0, 1, 2, 100.0), "the port section is below metal")
        self.assertEqual(metal[2024], (2, 0, 1, 1, 1, 50.0))

    def test_reasons_and_cohorts(self):
        Report = self.env["eboc.retention.report"].with_user(self.manager)
        left = Report.search([("association_id", "=", self.federation.id), ("left_count", "=", 1)])
        self.assertEqual(left.partner_id, self.forge)
        self.assertEqual(left.leaving_reason_id, self.reason_cost)
        self.assertEqual(str(left.date_left), "2024-12-31")
        hotel_left = Report.search([("association_id", "=", self.hotel.id), ("left_count", "=", 1)])
        self.assertEqual(
            (hotel_left.partner_id, hotel_left.leaving_reason_id), (self.steel, self.reason_cost)
        )
        cohorts = Report._read_group(
            [("association_id", "=", self.federation.id), ("date", "=", "2026-01-01")],
            ["cohort_date:year", "years_member"],
            ["member_at_end:sum"],
        )
        self.assertEqual(
            {(cohort.year, years): count for cohort, years, count in cohorts},
            {(2020, 6): 1, (2023, 3): 1},
            "2026: steel (joined 2020) and the inn (2023) are still members; forge is not",
        )

    def test_no_scope_reads_the_readers_own_top_scopes(self):
        Report = self.env["eboc.retention.report"]
        manager_scopes = Report.with_user(self.manager)._reader_scopes()
        self.assertIn(self.federation, manager_scopes)
        self.assertNotIn(self.metal, manager_scopes)
        rows = Report.with_user(self.manager).search([("partner_id", "=", self.forge.id)])
        self.assertEqual(rows.scope_association_id, self.federation, "not also metal's rows")
        restricted = Report.with_user(self.restricted_officer)
        self.assertEqual(restricted._reader_scopes(), self.metal)
        rows = restricted.search([("partner_id", "in", (self.steel | self.forge).ids)])
        self.assertEqual(rows.scope_association_id, self.metal)

    def test_the_wall_holds_on_every_path(self):
        """An officer restricted to metal reads no figure of the federation or the
        hotels: not by search, read_group, export or read by id, and writes nothing."""
        self.restricted_officer.groups_id += self.env.ref("base.group_allow_export")
        Report = self.env["eboc.retention.report"].with_user(self.restricted_officer)
        for association in (self.federation, self.hotel):
            self.assertFalse(Report.search([("association_id", "=", association.id)]))
            self.assertFalse(
                Report._read_group([("association_id", "=", association.id)], [], ["__count"])[0][0]
            )
        exported = Report.search([]).export_data(["scope_association_id/id", "partner_id/name"])
        self.assertTrue(exported["datas"])
        self.assertEqual({row[1] for row in exported["datas"]}, {self.steel.name, self.forge.name})
        federation_row = (
            self.env["eboc.retention.report"]
            .with_user(self.manager)
            .search([("association_id", "=", self.federation.id)], limit=1)
        )
        with self.assertRaises(AccessError):
            federation_row.with_user(self.restricted_officer).read(["member_at_end"])
        metal_row = Report.search([], limit=1)
        with self.assertRaises(AccessError):
            metal_row.write({"joined": 5})
        with self.assertRaises(AccessError):
            metal_row.unlink()
