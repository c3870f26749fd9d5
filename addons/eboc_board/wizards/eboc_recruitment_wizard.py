from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


class EbocDensityReport(models.Model):
    _inherit = "eboc.density.report"

    def _cell_domain(self):
        """Companies of this row's cell, on res.partner (empty dimensions hold all)."""
        self.ensure_one()
        domain = []
        if self.industry_id:
            domain.append(("industry_id", "child_of", self.industry_id.id))
        if self.size_class_id:
            domain.append(("size_class_id", "=", self.size_class_id.id))
        if self.region_id:
            domain.append(("region_id", "child_of", self.region_id.id))
        return domain

    def _create_recruitment_segment(self, name=None):
        """A segment of the companies of these cells that are not members yet."""
        cells = self.filtered(lambda row: row.coverage == "known")
        if not cells:
            raise UserError(
                self.env._("Choose cells that have statistics to build a recruitment segment.")
            )
        domain = expression.AND(
            [
                [("is_member", "=", False)],
                expression.OR([cell._cell_domain() or [(1, "=", 1)] for cell in cells]),
            ]
        )
        scopes = cells.scope_association_id
        name = name or self.env._(
            "Recruitment: %(scope)s, %(count)s least covered cells (%(statistics)s)",
            scope=", ".join(scopes.mapped("name")),
            count=len(cells),
            statistics=", ".join(cells.dataset_id.mapped("display_name")),
        )
        lines = "\n".join(
            self.env._(
                "%(cell)s: %(members)s members of %(enterprises)s enterprises (%(density).1f%%)",
                cell=cell.line_id.display_name,
                members=cell.member_count,
                enterprises=cell.enterprise_count,
                density=cell.company_density or 0.0,
            )
            for cell in cells
        )
        return self.env["eboc.segment"].create(
            {
                "name": name,
                "target": "company",
                "domain": repr(domain),
                "description": lines,
                "company_id": scopes[:1].company_id.id or self.env.company.id,
            }
        )

    def action_create_recruitment_segment(self):
        return self._create_recruitment_segment().action_open_records()


class EbocRecruitmentWizard(models.TransientModel):
    """Pick the cells where an association is weakest and build the segment of the
    companies there that are not members yet: the list of a recruitment campaign."""

    _name = "eboc.recruitment.wizard"
    _description = "Build a Recruitment Segment"

    dataset_id = fields.Many2one(
        "eboc.statistic.dataset",
        string="Statistics",
        required=True,
        default=lambda self: self.env["eboc.statistic.dataset"].search([], limit=1),
    )
    association_id = fields.Many2one(
        "eboc.association",
        required=True,
        default=lambda self: self.env["eboc.density.report"]._reader_scopes()[:1],
        help="Its members, with those of the associations below it, are the members; the "
        "sectors and regions it covers (if set) bound the cells.",
    )
    measure = fields.Selection(
        [("company", "Density by companies"), ("employee", "Density by employees")],
        required=True,
        default="company",
    )
    cell_count = fields.Integer("Cells", default=5, required=True)
    min_enterprises = fields.Integer(
        "At Least (Enterprises)",
        default=10,
        help="Leave out cells with fewer enterprises than this: too small to recruit in.",
    )
    segment_name = fields.Char(
        help="Leave empty to name it after the association and the statistics."
    )
    preview = fields.Html(compute="_compute_preview")

    _sql_constraints = [
        ("cell_count_check", "CHECK(cell_count > 0)", "Choose at least one cell."),
    ]

    def _cells(self):
        self.ensure_one()
        Density = self.env["eboc.density.report"]
        domain = [
            ("dataset_id", "=", self.dataset_id.id),
            ("scope_association_id", "=", self.association_id.id),
            ("coverage", "=", "known"),
            ("enterprise_count", ">=", max(self.min_enterprises, 1)),
            ("non_member_count", ">", 0),
        ]
        if self.measure == "employee":
            domain.append(("persons_employed", ">", 0))
        association = self.association_id
        if association.industry_ids:
            domain.append(("industry_id", "child_of", association.industry_ids.ids))
        if association.region_ids:
            domain.append(("region_id", "child_of", association.region_ids.ids))
        order = "company_density" if self.measure == "company" else "employee_density"
        # Fetched with the search: read by id afterwards, the view (whose id is
        # computed) would be computed whole again.
        return Density.search_fetch(
            domain,
            [
                "dataset_id",
                "line_id",
                "scope_association_id",
                "industry_id",
                "size_class_id",
                "region_id",
                "coverage",
                "member_count",
                "enterprise_count",
                "company_density",
                "employee_density",
            ],
            order=f"{order}, non_member_count desc, id",
            limit=self.cell_count,
        )

    @api.depends("dataset_id", "association_id", "measure", "cell_count", "min_enterprises")
    def _compute_preview(self):
        for wizard in self:
            if not (wizard.dataset_id and wizard.association_id and wizard.cell_count > 0):
                wizard.preview = False
                continue
            cells = wizard._cells()
            wizard.preview = self.env["ir.qweb"]._render(
                "eboc_board.eboc_recruitment_wizard_preview", {"cells": cells, "wizard": wizard}
            )

    def action_create_segment(self):
        self.ensure_one()
        cells = self._cells()
        if not cells:
            raise UserError(
                self.env._(
                    "No cell of %(statistics)s qualifies for %(association)s: lower the "
                    "minimum number of enterprises, or check the sectors and regions the "
                    "association covers.",
                    statistics=self.dataset_id.display_name,
                    association=self.association_id.display_name,
                )
            )
        segment = cells._create_recruitment_segment(self.segment_name)
        return segment.action_open_records()
