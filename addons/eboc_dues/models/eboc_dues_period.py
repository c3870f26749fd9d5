from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EbocDuesPeriod(models.Model):
    """A period members pay dues for: a calendar year, a half-year or a quarter."""

    _name = "eboc.dues.period"
    _description = "Dues Period"
    _order = "date_from desc"
    _check_company_auto = True

    name = fields.Char(required=True)
    date_from = fields.Date("Start", required=True)
    date_to = fields.Date("End", required=True)
    periodicity = fields.Selection(
        [("year", "Year"), ("half", "Half-year"), ("quarter", "Quarter")],
        required=True,
        default="year",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("date_from", "date_to", "company_id")
    def _check_dates(self):
        for period in self:
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._("The dues period %(name)s ends before it starts.", name=period.name)
                )
            overlapping = self.search_count(
                [
                    ("id", "!=", period.id),
                    ("company_id", "=", period.company_id.id),
                    ("date_from", "<=", period.date_to),
                    ("date_to", ">=", period.date_from),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The dues period %(name)s overlaps another period of the same company.",
                        name=period.name,
                    )
                )

    @api.model
    def _get_period_for(self, date, company=None):
        """Return the period of ``company`` (default: the current one) holding ``date``."""
        company = company or self.env.company
        return self.search(
            [
                ("company_id", "=", company.id),
                ("date_from", "<=", date),
                ("date_to", ">=", date),
            ],
            limit=1,
        )
