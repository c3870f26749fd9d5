import io

import xlsxwriter

from odoo import models


class EbocSegment(models.Model):
    _inherit = "eboc.segment"

    def _get_xlsx_columns(self):
        """Return (header, getter) pairs for the company export; a seam for other addons."""
        env = self.env
        return [
            (env._("Member Number"), lambda p: p.member_number or ""),
            (env._("Company"), lambda p: p.name or ""),
            (env._("Membership Status"), lambda p: self._selection_label(p, "member_state")),
            (env._("Member of"), lambda p: ", ".join(p.member_association_ids.mapped("name"))),
            (env._("Sector"), lambda p: p.industry_id.display_name or ""),
            (env._("Region"), lambda p: p.region_id.display_name or ""),
            (env._("Size Class"), lambda p: p.size_class_id.name or ""),
            (env._("Employees"), lambda p: p.employee_count or 0),
            (env._("Annual Turnover"), lambda p: p.turnover or 0.0),
            (env._("Legal Form"), lambda p: p.legal_form_id.name or ""),
            (env._("Founded In"), lambda p: p.founding_year or ""),
            (env._("Account Manager"), lambda p: p.account_manager_id.name or ""),
            (env._("Email"), lambda p: p.email or ""),
            (env._("Phone"), lambda p: p.phone or ""),
            (env._("City"), lambda p: p.city or ""),
            (env._("Country"), lambda p: p.country_id.name or ""),
            (env._("Key Contacts"), self._format_key_contacts),
        ]

    def _selection_label(self, record, field_name):
        selection = dict(record._fields[field_name]._description_selection(self.env))
        return selection.get(record[field_name], "")

    def _format_key_contacts(self, partner):
        return "\n".join(
            "{name} ({roles}) {email}".format(
                name=person.name,
                roles=", ".join(person.key_role_ids.mapped("name")),
                email=person.email or "",
            ).strip()
            for person in partner.key_contact_ids
        )

    def _render_xlsx(self):
        """Return the segment's records as an XLSX file (bytes)."""
        self.ensure_one()
        records = self._get_records()
        if self.target == "contact":
            columns = [
                (self.env._("Name"), lambda p: p.name or ""),
                (self.env._("Company"), lambda p: p.commercial_partner_id.name or ""),
                (self.env._("Roles"), lambda p: ", ".join(p.contact_role_ids.mapped("name"))),
                (self.env._("Key Contact for"), lambda p: ", ".join(p.key_role_ids.mapped("name"))),
                (self.env._("Job Position"), lambda p: p.function or ""),
                (self.env._("Email"), lambda p: p.email or ""),
                (self.env._("Phone"), lambda p: p.phone or p.mobile or ""),
            ]
        else:
            columns = self._get_xlsx_columns()
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(self.name[:31])
        bold = workbook.add_format({"bold": True, "bg_color": "#E8E8E8"})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        for col, (header, _getter) in enumerate(columns):
            sheet.write(0, col, header, bold)
            sheet.set_column(col, col, max(12, len(header) + 2))
        for row, record in enumerate(records, start=1):
            for col, (_header, getter) in enumerate(columns):
                sheet.write(row, col, getter(record), wrap)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(records), 1), len(columns) - 1)
        workbook.close()
        return buffer.getvalue()
