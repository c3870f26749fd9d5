from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.eboc_dues.tests.test_dues_light import DUE, DuesInvoicedCase


@tagged("post_install", "-at_install")
class TestMemberValue(DuesInvoicedCase):
    """Steel pays its whole invoice and uses nothing; forge pays 100 and asks for three
    services; the exempt inn pays nothing and asks for one; one service of forge falls
    outside the period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        legal = cls.env.ref("eboc_events.service_type_legal")
        Service = cls.env["eboc.service.record"]
        for partner, when in (
            (cls.forge, "2031-03-01 10:00:00"),
            (cls.forge, "2031-06-01 10:00:00"),
            (cls.forge, "2031-12-31 16:00:00"),
            (cls.forge, "2032-01-02 10:00:00"),
            (cls.inn, "2031-05-05 10:00:00"),
        ):
            Service.create(
                {
                    "name": "Dismissal question",
                    "partner_id": partner.id,
                    "service_type_id": legal.id,
                    "date": when,
                    "duration": 1.5,
                }
            )

    def _rows(self, user=None, association=None):
        Report = self.env["eboc.member.value.report"].with_user(user or self.officer)
        rows = Report.search(
            [
                ("period_id", "=", self.period.id),
                ("association_id", "=", (association or self.metal).id),
            ]
        )
        return {row.partner_id: row for row in rows}

    def test_members_ranked_by_services_and_dues(self):
        with freeze_time(DUE):
            self._pay(self.line_steel.move_id)
            self._pay(self.line_forge.move_id, amount=100.0)
        self.env.flush_all()
        rows = self._rows()
        steel, forge, inn = rows[self.steel], rows[self.forge], rows[self.inn]
        self.assertEqual((forge.service_count, inn.service_count, steel.service_count), (3, 1, 0))
        self.assertAlmostEqual(forge.service_hours, 4.5)
        self.assertEqual((forge.service_rank, inn.service_rank, steel.service_rank), (1, 2, 3))
        self.assertAlmostEqual(forge.service_share, 75.0)
        self.assertAlmostEqual(inn.service_cumulative_share, 100.0)
        self.assertEqual(
            (forge.service_class, inn.service_class, steel.service_class), ("top", "top", "rest")
        )
        self.assertEqual(steel.amount_paid, self.line_steel.move_id.amount_total)
        self.assertEqual(forge.amount_paid, 100.0)
        self.assertEqual((steel.dues_class, forge.dues_class), ("top", "rest"))
        self.assertEqual(
            (steel.value_profile, forge.value_profile, inn.value_profile),
            ("pays_only", "uses_only", "uses_only"),
        )
        groups = (
            self.env["eboc.member.value.report"]
            .with_user(self.officer)
            ._read_group(
                [("period_id", "=", self.period.id), ("association_id", "=", self.metal.id)],
                ["value_profile"],
                ["service_count:sum"],
            )
        )
        self.assertEqual(dict(groups), {"pays_only": 0, "uses_only": 4})

    def test_the_wall_holds(self):
        """The hotels' officer reads no metal member's dues or services."""
        self.restricted_officer.eboc_association_ids = self.hotel
        self.assertFalse(self._rows(self.restricted_officer))
        rows = self.env["eboc.member.value.report"].with_user(self.restricted_officer).search([])
        self.assertFalse(
            rows
            & self.env["eboc.member.value.report"].browse([row.id for row in self._rows().values()])
        )
        self.assertFalse(rows.filtered(lambda row: row.partner_id in (self.steel | self.forge)))
