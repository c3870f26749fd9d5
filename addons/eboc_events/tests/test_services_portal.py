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
