import io
import re

import xlsxwriter

from odoo import fields, models

# The workbook's columns, in order.
MEASURES = [
    "member_count",
    "enterprise_count",
    "company_density",
    "member_employees",
    "persons_employed",
    "employee_density",
]


class EbocStatisticDataset(models.Model):
    _inherit = "eboc.statistic.dataset"

    def _render_density_xlsx(self, scopes=None):
        """The density of each scope by sector, by size class and by region, as a
        workbook for a position paper: one sheet per association, the source and year
        on top, unknown densities written as such. Read with the reader's rights, so
        a restricted officer's workbook holds their associations only."""
        self.ensure_one()
        Density = self.env["eboc.density.report"]
        scopes = scopes or Density._reader_scopes()
        env = self.env
        # The report's own labels, in the reader's language.
        headers = [Density._fields[name]._description_string(env) for name in MEASURES]
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        bold = workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "text_wrap": True})
        total_format = workbook.add_format({"bold": True, "top": 1})
        percent = workbook.add_format({"num_format": "0.0"})
        muted = workbook.add_format({"italic": True, "font_color": "#777777"})
        sheet_names = set()
        for scope in scopes:
            sheet = workbook.add_worksheet(self._sheet_name(scope, sheet_names))
            sheet.set_column(0, 0, 42)
            sheet.set_column(1, len(headers), 16)
            sheet.write(0, 0, env._("Representativeness of %s", scope.display_name), title)
            sheet.write(1, 0, env._("Statistics"))
            sheet.write(1, 1, self.display_name)
            sheet.write(2, 0, env._("Source"))
            sheet.write(2, 1, f"{self.source}{' - ' + self.url if self.url else ''}")
            sheet.write(3, 0, env._("Members on"))
            sheet.write(3, 1, fields.Date.to_string(fields.Date.context_today(self)))
            sheet.write(
                4,
                0,
                env._(
                    "Members are counted once, with those of the associations below. "
                    "Unknown: the statistics have no figure for them."
                ),
                muted,
            )
            row = 6
            domain = [("dataset_id", "=", self.id), ("association_id", "=", scope.id)]
            (total,) = Density.read_group(domain, MEASURES, [], lazy=False)
            for label, groupby in (
                (env._("Sector"), "industry_id"),
                (env._("Size Class"), "size_class_id"),
                (env._("Region"), "region_id"),
            ):
                sheet.write(row, 0, label, bold)
                for col, header in enumerate(headers, start=1):
                    sheet.write(row, col, header, bold)
                row += 1
                for group in Density.read_group(domain, MEASURES, [groupby], lazy=False):
                    name = group[groupby][1] if group[groupby] else env._("All / not given")
                    self._write_density_row(sheet, row, name, group, (None, percent, muted))
                    row += 1
                formats = (total_format, percent, muted)
                self._write_density_row(sheet, row, env._("Total"), total, formats)
                row += 2
        workbook.close()
        return buffer.getvalue()

    @staticmethod
    def _sheet_name(scope, taken):
        """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique."""
        base = re.sub(r"[\[\]:*?/\\]", "-", scope.name)[:31]
        name, number = base, 1
        while name.lower() in taken:
            number += 1
            suffix = f" ({number})"
            name = base[: 31 - len(suffix)] + suffix
        taken.add(name.lower())
        return name

    def _write_density_row(self, sheet, row, name, group, formats):
        text, percent, muted = formats
        sheet.write(row, 0, name, text)
        for col, measure in enumerate(MEASURES, start=1):
            number = group.get(measure)
            if not measure.endswith("density"):
                sheet.write_number(row, col, number or 0)
            elif number is False or number is None:
                sheet.write(row, col, self.env._("unknown"), muted)
            else:
                sheet.write_number(row, col, number, percent)
