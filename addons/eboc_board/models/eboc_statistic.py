from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class EbocStatisticDataset(models.Model):
    """One table of reference statistics: a source's count of enterprises and persons
    employed for a year, broken down by sector, size class and region."""

    _name = "eboc.statistic.dataset"
    _description = "Reference Statistics"
    _inherit = ["mail.thread"]
    _order = "year desc, name"

    name = fields.Char(
        required=True, tracking=True, help="For example: Structural business statistics 2023."
    )
    source = fields.Char(
        required=True,
        tracking=True,
        help="Who published the figures: Eurostat, the national statistics office, the "
        "business register...",
    )
    year = fields.Integer(required=True, tracking=True, help="The year the figures describe.")
    url = fields.Char("Source Link")
    country_id = fields.Many2one("res.country")
    note = fields.Text("Notes", help="Coverage, definitions, what the source leaves out.")
    company_id = fields.Many2one(
        "res.company",
        string="Organisation",
        index=True,
        help="Leave empty to share the statistics with every organisation of the database.",
    )
    line_ids = fields.One2many("eboc.statistic.line", "dataset_id", string="Figures", copy=True)
    line_count = fields.Integer("Cells", compute="_compute_totals")
    enterprise_count = fields.Integer("Enterprises", compute="_compute_totals")
    persons_employed = fields.Integer(compute="_compute_totals")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("year_check", "CHECK(year > 1900 AND year < 2200)", "Give the year as four digits."),
    ]

    @api.depends("line_ids.enterprise_count", "line_ids.persons_employed")
    def _compute_totals(self):
        groups = self.env["eboc.statistic.line"]._read_group(
            [("dataset_id", "in", self.ids)],
            ["dataset_id"],
            ["__count", "enterprise_count:sum", "persons_employed:sum"],
        )
        totals = {dataset: (count, ent, pers) for dataset, count, ent, pers in groups}
        for dataset in self:
            count, ent, pers = totals.get(dataset, (0, 0, 0))
            dataset.line_count = count
            dataset.enterprise_count = ent
            dataset.persons_employed = pers

    @api.depends("name", "year")
    def _compute_display_name(self):
        for dataset in self:
            if dataset.year and str(dataset.year) not in (dataset.name or ""):
                dataset.display_name = f"{dataset.name} ({dataset.year})"
            else:
                dataset.display_name = dataset.name

    def action_open_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_board.eboc_statistic_line_action"
        )
        action["domain"] = [("dataset_id", "=", self.id)]
        action["context"] = {"default_dataset_id": self.id}
        action["display_name"] = self.display_name
        return action

    def action_open_density(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_board.eboc_density_report_action"
        )
        action["domain"] = [("dataset_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_export_density_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/eboc_board/density/{self.id}/xlsx",
            "target": "download",
        }


class EbocStatisticLine(models.Model):
    """One cell of a table: enterprises and persons employed in a sector, size class and
    region. An empty sector, size class or region means all of them."""

    _name = "eboc.statistic.line"
    _description = "Reference Statistics Figure"
    _order = "dataset_id, industry_id, size_class_id, region_id, id"

    dataset_id = fields.Many2one(
        "eboc.statistic.dataset", string="Statistics", required=True, index=True, ondelete="cascade"
    )
    year = fields.Integer(related="dataset_id.year", store=True)
    industry_id = fields.Many2one(
        "res.partner.industry",
        string="Sector",
        ondelete="restrict",
        help="An ISIC/NACE section or division; its sub-sectors are counted in it. Leave "
        "empty for all sectors.",
    )
    size_class_id = fields.Many2one(
        "eboc.size.class", ondelete="restrict", help="Leave empty for all sizes."
    )
    region_id = fields.Many2one(
        "eboc.region",
        ondelete="restrict",
        help="A region counts its sub-regions. Leave empty for the whole country.",
    )
    enterprise_count = fields.Integer("Enterprises", aggregator="sum")
    persons_employed = fields.Integer(
        aggregator="sum", help="Employees and working proprietors, as the source counts them."
    )

    _sql_constraints = [
        (
            "counts_check",
            "CHECK(enterprise_count >= 0 AND persons_employed >= 0)",
            "Enterprises and persons employed cannot be negative.",
        ),
    ]

    @api.depends("industry_id", "size_class_id", "region_id")
    def _compute_display_name(self):
        for line in self:
            parts = [
                line.industry_id.display_name or self.env._("All sectors"),
                line.size_class_id.name or self.env._("all sizes"),
                line.region_id.display_name or self.env._("whole country"),
            ]
            line.display_name = ", ".join(parts)

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Reference Statistics"),
                "template": "/eboc_board/static/xls/eboc_statistic_line.xlsx",
            },
            {
                "label": self.env._("Import Template for Reference Statistics (CSV)"),
                "template": "/eboc_board/static/xls/eboc_statistic_line.csv",
            },
        ]

    @api.constrains("dataset_id", "industry_id", "size_class_id", "region_id")
    def _check_no_overlap(self):
        """A member must fall in one cell at most, or the density report would count it
        twice: two cells of a table may not share a sector (or one hold the other's
        sub-sector), a size class and a region. One query for the whole batch."""
        self.flush_model()
        self.env["res.partner.industry"].flush_model(["parent_path"])
        self.env["eboc.region"].flush_model(["parent_path"])
        self.env.cr.execute(
            SQL(
                """
                SELECT a.id, b.id
                  FROM eboc_statistic_line AS a
                  JOIN eboc_statistic_line AS b
                    ON b.dataset_id = a.dataset_id AND b.id != a.id
             LEFT JOIN res_partner_industry AS ia ON ia.id = a.industry_id
             LEFT JOIN res_partner_industry AS ib ON ib.id = b.industry_id
             LEFT JOIN eboc_region AS ra ON ra.id = a.region_id
             LEFT JOIN eboc_region AS rb ON rb.id = b.region_id
                 WHERE a.id IN %(ids)s
                   AND (a.industry_id IS NULL OR b.industry_id IS NULL
                        OR starts_with(ia.parent_path, ib.parent_path)
                        OR starts_with(ib.parent_path, ia.parent_path))
                   AND (a.size_class_id IS NULL OR b.size_class_id IS NULL
                        OR a.size_class_id = b.size_class_id)
                   AND (a.region_id IS NULL OR b.region_id IS NULL
                        OR starts_with(ra.parent_path, rb.parent_path)
                        OR starts_with(rb.parent_path, ra.parent_path))
                 LIMIT 1
                """,
                ids=tuple(self.ids),
            )
        )
        clash = self.env.cr.fetchone()
        if clash:
            first, second = self.browse(clash)
            raise ValidationError(
                self.env._(
                    "In %(dataset)s, the figures for %(first)s and for %(second)s overlap: a "
                    "company would be counted in both. Give each sector, size class and "
                    "region once, at one level of detail.",
                    dataset=first.dataset_id.display_name,
                    first=first.display_name,
                    second=second.display_name,
                )
            )
