from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged, users

from .common import EbocDuesCase


@tagged("post_install", "-at_install")
class TestDuesPeriod(EbocDuesCase):
    @users("eboc_dues_officer")
    def test_wizard_creates_quarters_and_halves(self):
        wizard = Form(self.env["eboc.dues.period.wizard"])
        wizard.year = 2033
        wizard.periodicity = "quarter"
        action = wizard.save().action_create()
        quarters = self.env["eboc.dues.period"].search(action["domain"], order="date_from")
        self.assertEqual(quarters.mapped("name"), ["2033 Q1", "2033 Q2", "2033 Q3", "2033 Q4"])
        self.assertEqual(str(quarters[1].date_from), "2033-04-01")
        self.assertEqual(str(quarters[1].date_to), "2033-06-30")
        wizard = Form(self.env["eboc.dues.period.wizard"])
        wizard.year = 2034
        wizard.periodicity = "half"
        halves = self.env["eboc.dues.period"].search(wizard.save().action_create()["domain"])
        self.assertEqual(sorted(halves.mapped("name")), ["2034 H1", "2034 H2"])

    @users("eboc_dues_officer")
    def test_periods_cannot_overlap(self):
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self.env["eboc.dues.period"].create(
                {"name": "2031 H2", "date_from": "2031-07-01", "date_to": "2031-12-31"}
            )
        wizard = self.env["eboc.dues.period.wizard"].create({"year": 2031, "periodicity": "year"})
        with self.assertRaises(ValidationError):
            wizard.action_create()

    def test_period_for_a_date(self):
        Period = self.env["eboc.dues.period"]
        self.assertEqual(Period._get_period_for("2031-02-28"), self.period)
        self.assertFalse(Period._get_period_for("2041-02-28"))

    def test_membership_officer_cannot_create_periods(self):
        with self.assertRaises(AccessError):
            self.env["eboc.dues.period"].with_user(self.officer).create(
                {"name": "2035", "date_from": "2035-01-01", "date_to": "2035-12-31"}
            )
