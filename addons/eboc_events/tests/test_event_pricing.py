from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestEventPricing(EbocMembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.m_steel = cls._membership(cls.steel, cls.metal, state="active", date_start="2020-01-01")
        cls._membership(cls.inn, cls.hotel, state="active", date_start="2020-01-01")
        Partner = cls.env["res.partner"]
        cls.steel_ceo = Partner.create({"name": "Stella Steel", "parent_id": cls.steel.id})
        cls.inn_ceo = Partner.create({"name": "Ian Inn", "parent_id": cls.inn.id})
        cls.forge_ceo = Partner.create({"name": "Fiona Forge", "parent_id": cls.forge.id})
        cls.private = Partner.create({"name": "Pat Private"})
        start = datetime.now() + timedelta(days=30)
        cls.event = cls.env["event.event"].create(
            {
                "name": "Labour Law Update",
                "date_begin": start,
                "date_end": start + timedelta(hours=3),
                "eboc_price_member": 80.0,
                "eboc_price_non_member": 200.0,
                "eboc_price_association_id": cls.federation.id,
                "eboc_price_association": 50.0,
            }
        )

    def _register(self, *partners):
        return self.env["event.registration"].create(
            [{"event_id": self.event.id, "partner_id": partner.id} for partner in partners]
        )

    def test_registrations_are_priced_by_membership(self):
        self.event.eboc_price_association_id = self.metal
        steel, inn, forge, private = self._register(
            self.steel_ceo, self.inn_ceo, self.forge_ceo, self.private
        )
        self.assertEqual(steel.eboc_company_id, self.steel)
        self.assertEqual((steel.eboc_member_status, steel.eboc_price), ("association", 50.0))
        self.assertEqual((inn.eboc_member_status, inn.eboc_price), ("member", 80.0))
        self.assertEqual((forge.eboc_member_status, forge.eboc_price), ("non_member", 200.0))
        self.assertFalse(private.eboc_company_id, "a private person has no company")
        self.assertEqual(private.eboc_price, 200.0)

    def test_association_price_covers_the_associations_below_it(self):
        (steel,) = self._register(self.steel_ceo)  # metal is below the federation
        self.assertEqual(steel.eboc_member_status, "association")

    def test_price_is_the_one_at_registration_time(self):
        (steel,) = self._register(self.steel_ceo)
        self.m_steel.action_suspend()
        self.m_steel._change_state(
            "lapsed", {"date_end": "2030-01-01", "leaving_reason_id": self.reason_cost.id}
        )
        self.assertFalse(self.steel.is_member)
        self.assertEqual(steel.eboc_price, 50.0, "the price does not follow later changes")
        (again,) = self._register(self.steel_ceo)
        self.assertEqual((again.eboc_member_status, again.eboc_price), ("non_member", 200.0))

    def test_company_counts_events_attended_and_last_interaction(self):
        steel, _inn = self._register(self.steel_ceo, self.inn_ceo)
        self.assertEqual(self.steel.event_attended_count, 0)
        steel.action_set_done()
        self.env.invalidate_all()
        self.assertEqual(self.steel.event_attended_count, 1)
        # The event has not taken place yet: it is no interaction until its day.
        self.assertFalse(self.steel.last_interaction_date)
        with freeze_time(self.event.date_begin + timedelta(hours=1)):
            self.env["res.partner"]._cron_update_engagement()
            # Stored per EBMO (company-dependent), to the second as Odoo keeps those.
            self.assertEqual(
                self.steel.last_interaction_date, self.event.date_begin.replace(microsecond=0)
            )
        self.assertEqual(self.inn.event_attended_count, 0, "registered is not attended")

    def test_a_member_of_another_ebmo_pays_the_non_member_price(self):
        """Two EBMOs in one database: membership of the first does not make a
        company a member at the second's events."""
        other_ebmo = self.env["res.company"].create({"name": "Chamber of Crafts"})
        start = datetime.now() + timedelta(days=40)
        event = self.env["event.event"].create(
            {
                "name": "Crafts Fair",
                "company_id": other_ebmo.id,
                "date_begin": start,
                "date_end": start + timedelta(hours=3),
                "eboc_price_member": 80.0,
                "eboc_price_non_member": 200.0,
            }
        )
        steel = self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.steel_ceo.id}
        )
        self.assertTrue(self.steel.is_member, "a member of this EBMO")
        self.assertEqual((steel.eboc_member_status, steel.eboc_price), ("non_member", 200.0))
        crafts = self.env["eboc.association"].create(
            {"name": "Crafts Guild", "company_id": other_ebmo.id}
        )
        self._membership(self.steel, crafts, state="active", date_start="2020-01-01")
        again = self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.steel_ceo.id}
        )
        self.assertEqual((again.eboc_member_status, again.eboc_price), ("member", 80.0))
