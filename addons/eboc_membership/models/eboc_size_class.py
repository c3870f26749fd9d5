from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .lifecycle import match_band


class EbocSizeClass(models.Model):
    """A band of employees (micro, small, medium, large) that sizes a company."""

    _name = "eboc.size.class"
    _description = "Size Class"
    _order = "sequence, min_employees"
    _rec_names_search = ["name", "code"]

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

    @api.model
    def _search_display_name(self, operator, value):
        # What Odoo shows ("Small (10-49)") finds the class again: an export imports back.
        if operator == "=" and isinstance(value, str) and value.endswith(")") and " (" in value:
            value = value.rsplit(" (", 1)[0]
        return super()._search_display_name(operator, value)

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

    @api.model_create_multi
    def create(self, vals_list):
        sizes = super().create(vals_list)
        self._reclassify_companies()
        return sizes

    def write(self, vals):
        res = super().write(vals)
        if {"min_employees", "max_employees", "active"} & vals.keys():
            self._reclassify_companies()
        return res

    def unlink(self):
        res = super().unlink()
        self._reclassify_companies()
        return res

    @api.model
    def _reclassify_companies(self):
        """Size every company with an employee count again by the bands as they are
        now: "by size class" dues and the reports must not use the old bands. The
        recomputation is the stored field's own, batched by the ORM."""
        self.flush_model()  # the overlap check and the search see the new bands
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        companies = Partner.search([("employee_count", ">", 0)])
        self.env.add_to_compute(Partner._fields["size_class_id"], companies)
        companies.flush_recordset(["size_class_id"])

    @api.model
    def _get_for_employees(self, employee_counts):
        """Return a dict {employee count: size class} for the counts given.

        One search for any number of counts, so that a batch of companies is sized
        without a query each.
        """
        bands = self.search([])
        table = [(band, band.min_employees, band.max_employees) for band in bands]
        return {count: match_band(table, count) or self.browse() for count in set(employee_counts)}
