from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import EbocEventsCase


@tagged("post_install", "-at_install")
class TestServicesOnThePortal(EbocEventsCase, HttpCase):
    """A member's contact sees the services its company received (date, type, staff),
    never their subjects or outcomes, nor another company's services."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._service(cls.steel, cls.legal, "2030-05-02 10:00", name="Dismissal of a night guard")
        cls._service(cls.forge, cls.training, "2030-05-03 10:00", name="Forge only")
        cls.portal_user = new_test_user(
            cls.env,
            login="steel_services_portal",
            password="steel_services_portal",
            name="Hanna Steel",
            email="hanna@steel.example.com",
            groups="base.group_portal",
            partner_id=cls.steel_hr.id,
        )

    def test_the_services_page_shows_the_own_companys_services_only(self):
        self.authenticate("steel_services_portal", "steel_services_portal")
        page = self.url_open("/my/services").text
        self.assertIn(self.legal.name, page)
        self.assertIn(self.env.user.name, page, "the staff member who gave it")
        self.assertNotIn("Dismissal of a night guard", page, "subjects are staff's notes")
        self.assertNotIn(self.training.name, page, "the forge's service")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["eboc_service_count"]})
        self.assertEqual(counters, {"eboc_service_count": 1})
        Service = self.env["eboc.service.record"].with_user(self.portal_user)
        with self.assertRaises(AccessError):
            Service.search([])

    def test_the_services_page_costs_the_same_for_one_or_many(self):
        """No query per service on /my/services: the same count for one service as for
        several, of other types and given by other staff."""
        self.authenticate("steel_services_portal", "steel_services_portal")

        def queries():
            return self._page_queries("/my/services")

        one = queries()
        self.assertGreater(one, 0, "the page's queries are counted")
        for day, service_type in enumerate((self.training, self.legal, self.training), start=4):
            staff = new_test_user(self.env, login=f"eboc_staff_{day}", name=f"Staff {day}")
            self._service(self.steel, service_type, f"2030-05-0{day} 10:00", user_id=staff.id)
        self.env.flush_all()
        self.assertEqual(queries(), one)
