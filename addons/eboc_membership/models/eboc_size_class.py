from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .lifecycle import match_band


class EbocSizeClass(models.Model):
    """A band of employees (micro, small, medium, large) that sizes a company."""

    _name = "eboc.size.class"
    _description = "Size Class"
    _order = "sequence, min_employees"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    min_employees = fields.Integer("From (employees)", default=0)
    max_employees = fields.Integer("To (employees)", help="Leave 0 for no upper bound.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "range_check",
            "CHECK(min_employees >= 0 AND (max_employees = 0 OR max_employees >= min_employees))",
            "A size class needs a positive range: 'To' is 0 (no bound) or at least 'From'.",
        ),
    ]

    @api.depends("name", "min_employees", "max_employees")
    def _compute_display_name(self):
        for size in self:
            if size.max_employees:
                bounds = f"{size.min_employees}-{size.max_employees}"
            else:
                bounds = f"{size.min_employees}+"
            size.display_name = f"{size.name} ({bounds})"

    @api.constrains("min_employees", "max_employees", "active")
    def _check_overlap(self):
        bands = self.search([])
        for size in bands:
            for other in bands - size:
                upper = size.max_employees or float("inf")
                other_upper = other.max_employees or float("inf")
                if size.min_employees <= other_upper and other.min_employees <= upper:
                    raise ValidationError(
                        self.env._(
                            "Size classes %(first)s and %(second)s overlap.",
                            first=size.display_name,
                            second=other.display_name,
                        )
                    )

    @api.model
    def _get_for_employees(self, employee_counts):
        """Return a dict {employee count: size class} for the counts given.

        One search for any number of counts, so that a batch of companies is sized
        without a query each.
        """
        bands = self.search([])
        table = [(band, band.min_employees, band.max_employees) for band in bands]
        return {count: match_band(table, count) or self.browse() for count in set(employee_counts)}
