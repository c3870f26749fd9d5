from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged, users

from .common import EbocDuesCase


@tagged("post_install", "-at_install")
class TestFeeRule(EbocDuesCase):
    def test_flat_and_type_specific_rule_wins(self):
        Rule = self.env["eboc.fee.rule"]
        Rule.create(
            {"name": "Local flat", "association_id": self.metal_local.id, "amount_flat": 300}
        )
        Rule.create(
            {
                "name": "Local associates",
                "association_id": self.metal_local.id,
                "amount_flat": 120,
                "membership_type_ids": [(6, 0, self.type_associate.ids)],
                "sequence": 50,
            }
        )
        full = self._membership(
            self.steel, self.metal_local, state="active", date_start="2020-01-01"
        )
        associate = self._membership(
            self.forge,
            self.metal_local,
            state="active",
            date_start="2020-01-01",
            membership_type_id=self.type_associate.id,
        )
        prices = self._price(full | associate)
        self.assertEqual(prices[full.id]["dues"], 300.0)
        self.assertEqual(prices[associate.id]["dues"], 120.0, "the rule for its type wins")

    def test_by_size_class_with_entrance_fee_and_month_proration(self):
        # Medium company joining on 10 April 2031: April to December = 9/12 of 2,400.
        joining = self._membership(self.steel, self.metal, state="active", date_start="2031-04-10")
        # Micro company, member for years: full dues, no entrance fee.
        veteran = self._membership(self.forge, self.metal, state="active", date_start="2015-01-01")
        prices = self._price(joining | veteran)
        self.assertEqual(prices[joining.id]["dues"], 1800.0)
        self.assertEqual(prices[joining.id]["entrance"], 250.0)
        self.assertEqual(prices[veteran.id]["dues"], 300.0)
        self.assertEqual(prices[veteran.id]["entrance"], 0.0)
        self.assertEqual(prices[veteran.id]["rule"], self.rule_metal)

    def test_size_class_missing_from_table_warns(self):
        self.steel.employee_count = 400  # large: no line in the metal table
        membership = self._membership(
            self.steel, self.metal, state="active", date_start="2015-01-01"
        )
        price = self._price(membership)[membership.id]
        self.assertEqual(price["dues"], 0.0)
        self.assertEqual(price["warnings"], ("no_size_amount",))

    def test_per_employee_with_minimum_and_maximum(self):
        memberships = self.env["eboc.membership"]
        for partner, employees in [(self.forge, 8), (self.inn, 30), (self.steel, 120)]:
            partner.employee_count = employees
            memberships |= self._membership(
                partner, self.federation, state="active", date_start="2015-01-01"
            )
        prices = self._price(memberships)
        self.assertEqual(
            [prices[m.id]["dues"] for m in memberships],
            [250.0, 300.0, 1000.0],
            "8 x 10 is raised to the minimum, 120 x 10 capped at the maximum",
        )

    def test_percentage_of_turnover_with_day_proration(self):
        self.inn.turnover = 2_000_000.0
        member = self._membership(self.inn, self.hotel, state="active", date_start="2015-01-01")
        joining = self._membership(self.steel, self.hotel, state="active", date_start="2031-07-01")
        self.steel.turnover = 500_000.0
        prices = self._price(member | joining)
        self.assertEqual(prices[member.id]["dues"], 2000.0)
        # 500 a year (at the minimum: 0.1 % of 500,000 = 500), 184 of 365 days.
        self.assertEqual(prices[joining.id]["dues"], round(500.0 * 184 / 365, 2))

    def test_missing_data_warns_before_billing(self):
        no_employees = self.env["res.partner"].create({"name": "Blank Co", "is_company": True})
        no_turnover = self.env["res.partner"].create({"name": "Quiet Co", "is_company": True})
        m1 = self._membership(
            no_employees, self.federation, state="active", date_start="2015-01-01"
        )
        m2 = self._membership(no_turnover, self.hotel, state="active", date_start="2015-01-01")
        m3 = self._membership(self.inn, self.metal_local, state="active", date_start="2015-01-01")
        prices = self._price(m1 | m2 | m3)
        self.assertEqual(prices[m1.id]["warnings"], ("no_employee_count",))
        self.assertEqual(prices[m1.id]["dues"], 250.0, "the minimum still applies")
        self.assertEqual(prices[m2.id]["warnings"], ("no_turnover",))
        self.assertEqual(prices[m3.id]["warnings"], ("no_rule",))
        self.assertEqual(
            self.env["eboc.fee.rule"]._warning_labels(prices[m3.id]["warnings"]),
            ["No fee rule applies"],
        )

    def test_exemptions_and_negotiated_amount(self):
        honorary = self._membership(
            self.steel,
            self.metal,
            state="active",
            date_start="2015-01-01",
            membership_type_id=self.type_honorary.id,
        )
        exempt = self._membership(
            self.forge, self.metal, state="active", date_start="2015-01-01", dues_exempt=True
        )
        negotiated = self._membership(
            self.inn,
            self.metal,
            state="active",
            date_start="2031-10-01",
            dues_negotiated=True,
            dues_amount=1200.0,
        )
        free = self._membership(
            self.inn,
            self.federation,
            state="active",
            date_start="2015-01-01",
            dues_negotiated=True,
            dues_amount=0.0,
        )
        prices = self._price(honorary | exempt | negotiated | free)
        self.assertEqual((prices[honorary.id]["dues"], prices[honorary.id]["entrance"]), (0.0, 0.0))
        self.assertEqual(prices[exempt.id]["dues"], 0.0)
        self.assertEqual(prices[negotiated.id]["dues"], 300.0, "1,200 prorated to 3/12")
        self.assertEqual(prices[negotiated.id]["entrance"], 250.0)
        self.assertEqual(prices[free.id]["dues"], 0.0, "a negotiated 0 is a real amount")

    def test_pricing_is_set_based(self):
        memberships = self.env["eboc.membership"]
        for index in range(30):
            partner = self.env["res.partner"].create(
                {"name": f"Batch Co {index}", "is_company": True, "employee_count": 5 + index}
            )
            memberships |= self._membership(
                partner, self.metal, state="active", date_start="2015-01-01"
            )
        memberships.invalidate_recordset()
        self.env.invalidate_all()
        with self.assertQueryCount(12):
            prices = self._price(memberships)
        self.assertEqual(len(prices), 30)

    @freeze_time("2031-06-15")
    @users("eboc_officer")
    def test_membership_shows_its_dues_for_the_current_period(self):
        membership = self._membership(
            self.steel, self.metal, state="active", date_start="2015-01-01"
        )
        membership = membership.with_user(self.env.user)
        self.assertEqual(membership.dues_period_id, self.period)
        self.assertEqual(membership.fee_rule_id, self.rule_metal)
        self.assertEqual(membership.dues_estimate, 2400.0)
        self.assertFalse(membership.dues_warnings)
        self.assertFalse(membership.can_edit_dues)

    def test_negative_amounts_are_refused(self):
        with self.assertRaises(ValidationError):
            self.env["eboc.fee.rule"].create(
                {
                    "name": "Odd",
                    "association_id": self.metal.id,
                    "amount_min": 500,
                    "amount_max": 100,
                }
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.steel.employee_count = -3
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["eboc.fee.rule"].create(
                {"name": "Refund", "association_id": self.metal.id, "amount_flat": -5}
            )

    def test_access_per_role(self):
        membership = self._membership(
            self.steel, self.metal, state="active", date_start="2015-01-01"
        )
        # Membership officers read rules and dues but neither configure nor exempt.
        officer_rule = self.rule_metal.with_user(self.officer)
        self.assertEqual(officer_rule.method, "size")
        with self.assertRaises(AccessError):
            officer_rule.amount_min = 10
        with self.assertRaises(AccessError):
            membership.with_user(self.officer).dues_exempt = True
        membership.with_user(self.officer).note = "Officers still edit the rest."
        # Dues officers exempt and negotiate, but do not configure rules.
        membership.with_user(self.dues_officer).write({"dues_negotiated": True, "dues_amount": 50})
        with self.assertRaises(AccessError):
            self.env["eboc.fee.rule"].with_user(self.dues_officer).create(
                {"name": "Mine", "association_id": self.metal.id}
            )
        # Managers configure.
        rule = (
            self.env["eboc.fee.rule"]
            .with_user(self.manager)
            .create({"name": "Manager's rule", "association_id": self.hotel.id, "amount_flat": 10})
        )
        rule.with_user(self.manager).unlink()

    @users("eboc_manager")
    def test_rule_form_as_a_person_would(self):
        form = Form(self.env["eboc.fee.rule"])
        form.name = "Hotels flat"
        form.association_id = self.hotel
        form.method = "flat"
        form.amount_flat = 420
        rule = form.save()
        self.assertEqual(rule.product_id, self.env.ref("eboc_dues.product_membership_dues"))
        self.assertEqual(rule.currency_id, self.env.company.currency_id)
