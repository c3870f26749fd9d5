from odoo import api, fields, models

from ..models import fees


class EbocDuesPeriodWizard(models.TransientModel):
    """Creates the dues periods of a year: one year, two halves or four quarters."""

    _name = "eboc.dues.period.wizard"
    _description = "Create Dues Periods"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    periodicity = fields.Selection(
        [("year", "Calendar year"), ("half", "Half-years"), ("quarter", "Quarters")],
        required=True,
        default="year",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model
    def _prepare_period_vals(self, year, periodicity, company):
        """Values of the periods of ``year``; a seam to name periods otherwise."""
        return [
            {
                "name": f"{year} {suffix}".strip(),
                "date_from": date_from,
                "date_to": date_to,
                "periodicity": periodicity,
                "company_id": company.id,
            }
            for suffix, date_from, date_to in fees.period_bounds(year, periodicity)
        ]

    def action_create(self):
        self.ensure_one()
        periods = self.env["eboc.dues.period"].create(
            self._prepare_period_vals(self.year, self.periodicity, self.company_id)
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dues Periods"),
            "res_model": "eboc.dues.period",
            "view_mode": "list",
            "domain": [("id", "in", periods.ids)],
        }
