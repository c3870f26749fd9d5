from freezegun import freeze_time

from .common import EbocCampaignsCase


class TestConversions(EbocCampaignsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bolt = cls.env["res.partner"].create(
            {"name": "Bolt Test Works", "is_company": True, "industry_id": cls.sector_metal.id}
        )

    def _start(self, campaign, day):
        with freeze_time(day):
            campaign.action_start()

    def test_recruitment_counts_prospects_who_join_during_the_campaign(self):
        with freeze_time("2026-01-10"):
            steel = self._membership(
                self.steel, self.metal, state="active", date_start="2025-01-01"
            )
            forge = self._membership(self.forge, self.metal)
            bolt = self._membership(self.bolt, self.metal)
        campaign = self._campaign(
            "recruitment", segment=self.segment_metal, association=self.metal, goal=4
        )
        self._start(campaign, "2026-03-01")
        self.assertEqual(campaign.date_start.isoformat(), "2026-03-01")
        targets = {t.partner_id: t for t in campaign.target_ids}
        self.assertEqual(targets[self.steel].state_at_start, "active")
        self.assertEqual(targets[self.forge].state_at_start, "prospect")
        with freeze_time("2026-03-15"):
            forge.action_apply()
            forge.action_activate()
            # Already a member when the campaign started: not a conversion.
            steel.action_suspend()
            steel.action_reinstate()
        self.assertEqual(targets[self.forge].date_converted.isoformat(), "2026-03-15")
        self.assertFalse(targets[self.steel].converted)
        self.assertFalse(targets[self.bolt].converted)
        # The prospect segment it left does not matter: the campaign remembers it.
        self.segment_metal.domain = repr([("member_state", "=", "prospect")])
        self.assertEqual(campaign.conversion_count, 1)
        self.assertEqual(campaign.result_count, 1)
        self.assertEqual(campaign.goal_progress, 25.0)
        with freeze_time("2026-04-01"):
            campaign.action_done()
        self.assertEqual(campaign.date_end.isoformat(), "2026-04-01")
        # Joining after the campaign ended is not one of its conversions.
        with freeze_time("2026-04-20"):
            bolt.action_activate()
        self.assertFalse(targets[self.bolt].converted)
        self.assertEqual(campaign.conversion_count, 1)

    def test_recruitment_counts_only_the_campaign_association(self):
        with freeze_time("2026-01-10"):
            inn_hotel = self._membership(self.inn, self.hotel)
            inn_metal = self._membership(self.inn, self.metal_local)
        campaign = self._campaign("recruitment", association=self.metal)
        self._start(campaign, "2026-02-01")
        target = campaign.target_ids.filtered(lambda t: t.partner_id == self.inn)
        with freeze_time("2026-02-10"):
            inn_hotel.action_activate()
        self.assertFalse(target.converted)
        with freeze_time("2026-02-12"):
            # A section below the metal association counts for it.
            inn_metal.action_activate()
        self.assertEqual(target.date_converted.isoformat(), "2026-02-12")

    def test_retention_counts_lapsed_and_suspended_members_who_come_back(self):
        with freeze_time("2025-01-01"):
            inn = self._membership(self.inn, self.hotel, state="active", date_start="2024-01-01")
            steel = self._membership(
                self.steel, self.hotel, state="active", date_start="2024-01-01"
            )
            forge = self._membership(
                self.forge, self.hotel, state="active", date_start="2024-01-01"
            )
        with freeze_time("2025-12-31"):
            inn._change_state("lapsed", {"date_end": "2025-12-31"})
            steel.action_suspend()
        campaign = self._campaign("retention", association=self.hotel, goal=2)
        self._start(campaign, "2026-02-01")
        states = {t.partner_id: t.state_at_start for t in campaign.target_ids}
        self.assertEqual(
            states, {self.inn: "lapsed", self.steel: "suspended", self.forge: "active"}
        )
        with freeze_time("2026-02-20"):
            inn.action_activate()
            steel.action_reinstate()
            forge.action_suspend()
            forge.action_reinstate()
        converted = campaign.target_ids.filtered("converted")
        self.assertEqual(converted.partner_id, self.inn | self.steel)
        self.assertEqual(set(converted.mapped("date_converted")), {inn.activation_date})
        self.assertEqual(inn.activation_date.isoformat(), "2026-02-20")
        self.assertEqual(campaign.conversion_count, 2)
        self.assertEqual(campaign.goal_progress, 100.0)

    def test_update_targets_adds_newcomers_once(self):
        campaign = self._campaign("recruitment", segment=self.segment_metal)
        self._start(campaign, "2026-02-01")
        self.assertEqual(campaign.target_ids.partner_id, self.steel | self.forge | self.bolt)
        newcomer = self.env["res.partner"].create(
            {"name": "Newcomer Metal", "is_company": True, "industry_id": self.sector_metal.id}
        )
        campaign.action_update_targets()
        campaign.action_update_targets()
        self.assertEqual(len(campaign.target_ids), 4)
        self.assertIn(newcomer, campaign.target_ids.partner_id)
        self.assertEqual(
            campaign.target_ids.filtered(lambda t: t.partner_id == newcomer).state_at_start, "none"
        )

    def test_activation_date_only_when_a_membership_becomes_active(self):
        with freeze_time("2026-01-10"):
            membership = self._membership(self.forge, self.metal)
            self.assertFalse(membership.activation_date)
            created_active = self._membership(
                self.steel, self.metal, state="active", date_start="2025-06-01"
            )
            membership.action_activate()
        self.assertEqual(created_active.activation_date.isoformat(), "2025-06-01")
        self.assertEqual(membership.activation_date.isoformat(), "2026-01-10")
        with freeze_time("2026-02-10"):
            # Writing the state again does not move the date.
            membership.state = "active"
        self.assertEqual(membership.activation_date.isoformat(), "2026-01-10")
