from odoo.tests import new_test_user

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase


def give_dues_product_an_income_account(env):
    """Invoices need an income account; the test database's chart decides which."""
    income = env["account.account"].search(
        [("account_type", "=", "income"), ("company_ids", "in", env.company.ids)], limit=1
    )
    env.ref("eboc_dues.product_membership_dues").property_account_income_id = income


class EbocDuesCase(EbocMembershipCase):
    """Adds a dues officer, a calendar-year period and fee rules to the membership fixtures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dues_officer = new_test_user(
            cls.env,
            login="eboc_dues_officer",
            groups="base.group_user,eboc_dues.group_eboc_dues_officer",
        )
        Period = cls.env["eboc.dues.period"]
        # Our own periods, far from any demo period.
        cls.period = Period.create(
            {"name": "2031", "date_from": "2031-01-01", "date_to": "2031-12-31"}
        )
        cls.size = {
            code: cls.env.ref(f"eboc_membership.size_class_{code}")
            for code in ("micro", "small", "medium", "large")
        }
        cls.type_associate = cls.env.ref("eboc_membership.membership_type_associate")
        cls.type_honorary = cls.env.ref("eboc_membership.membership_type_honorary")
        Rule = cls.env["eboc.fee.rule"]
        cls.rule_metal = Rule.create(
            {
                "name": "Metal by size",
                "association_id": cls.metal.id,
                "method": "size",
                "entrance_fee": 250.0,
                "proration": "month",
                "size_line_ids": [
                    (0, 0, {"size_class_id": cls.size["micro"].id, "amount": 300.0}),
                    (0, 0, {"size_class_id": cls.size["small"].id, "amount": 900.0}),
                    (0, 0, {"size_class_id": cls.size["medium"].id, "amount": 2400.0}),
                ],
            }
        )
        cls.rule_hotel = Rule.create(
            {
                "name": "Hotels by turnover",
                "association_id": cls.hotel.id,
                "method": "turnover",
                "turnover_rate": 0.1,
                "amount_min": 200.0,
                "amount_max": 5000.0,
                "proration": "day",
            }
        )
        cls.rule_federation = Rule.create(
            {
                "name": "Federation per employee",
                "association_id": cls.federation.id,
                "method": "employee",
                "amount_per_employee": 10.0,
                "amount_min": 250.0,
                "amount_max": 1000.0,
                "proration": "none",
            }
        )

    def _price(self, memberships, period=None):
        return self.env["eboc.fee.rule"]._price_memberships(memberships, period or self.period)
