from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class EbocMembershipCase(TransactionCase):
    """A small federation of our own: tests never rely on demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.user = new_test_user(
            cls.env, login="eboc_user", groups="base.group_user,eboc_membership.group_eboc_user"
        )
        cls.officer = new_test_user(
            cls.env,
            login="eboc_officer",
            groups="base.group_user,eboc_membership.group_eboc_officer",
        )
        cls.manager = new_test_user(
            cls.env,
            login="eboc_manager",
            groups="base.group_user,eboc_membership.group_eboc_manager",
        )
        Association = cls.env["eboc.association"]
        cls.federation = Association.create(
            {"name": "Test Federation", "code": "TF", "association_type": "federation"}
        )
        cls.metal = Association.create(
            {
                "name": "Test Metal Employers",
                "code": "TM",
                "association_type": "sectoral",
                "parent_id": cls.federation.id,
            }
        )
        cls.metal_local = Association.create(
            {
                "name": "Test Metal Employers, Port Section",
                "code": "TMP",
                "association_type": "local",
                "parent_id": cls.metal.id,
            }
        )
        cls.hotel = Association.create(
            {
                "name": "Test Hospitality Employers",
                "code": "TH",
                "association_type": "sectoral",
                "parent_id": cls.federation.id,
            }
        )
        cls.restricted_officer = new_test_user(
            cls.env,
            login="eboc_restricted",
            groups="base.group_user,eboc_membership.group_eboc_officer",
        )
        cls.restricted_officer.eboc_association_ids = cls.metal
        cls.type_full = cls.env.ref("eboc_membership.membership_type_full")
        cls.role_ceo = cls.env.ref("eboc_membership.contact_role_ceo")
        cls.role_hr = cls.env.ref("eboc_membership.contact_role_hr")
        cls.reason_cost = cls.env.ref("eboc_membership.leaving_reason_cost")
        Partner = cls.env["res.partner"]
        cls.steel = Partner.create(
            {"name": "Steel Test Works", "is_company": True, "employee_count": 120}
        )
        cls.forge = Partner.create(
            {"name": "Forge Test Ltd", "is_company": True, "employee_count": 8}
        )
        cls.inn = Partner.create(
            {"name": "Harbour Test Inn", "is_company": True, "employee_count": 30}
        )

    @classmethod
    def _membership(cls, partner, association, state="prospect", **values):
        return cls.env["eboc.membership"].create(
            {
                "partner_id": partner.id,
                "association_id": association.id,
                "membership_type_id": cls.type_full.id,
                "state": state,
                **values,
            }
        )

    def _page_queries(self, url):
        """The SQL queries of one view of ``url`` by the authenticated user, after a
        first view has warmed the caches: what pins a portal page's cost (in the
        HttpCase tests of every eboc addon)."""
        self.url_open(url)
        before = self.cr.sql_log_count
        self.assertEqual(self.url_open(url).status_code, 200)
        return self.cr.sql_log_count - before
