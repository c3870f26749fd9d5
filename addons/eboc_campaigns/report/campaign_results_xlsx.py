import io

import xlsxwriter

from odoo import models

from ..models import campaign_rules


class EbocCampaign(models.Model):
    _inherit = "eboc.campaign"

    def _get_results_breakdowns(self):
        """Return (field name, sheet title) of each breakdown of the results export."""
        return [
            ("sector_id", self.env._("By Sector")),
            ("region_id", self.env._("By Region")),
            ("size_class_id", self.env._("By Size Class")),
            ("member_association_id", self.env._("By Association")),
        ]

    def _get_results_data(self, field_name):
        """Return the columns and the figures of one breakdown, in four grouped reads
        of the report views, so that the export withholds what they withhold."""
        self.ensure_one()
        self.env.flush_all()  # the report views read answers not yet written
        domain = [("campaign_id", "=", self.id)]
        Answers = self.env["eboc.campaign.answer.report"]
        responses = {
            column: (invited, answered)
            for column, invited, answered in self.env["eboc.campaign.response.report"]._read_group(
                domain, [field_name], ["invited:sum", "answered:sum"]
            )
        }
        answers = {
            ((question, row), option, column): count
            for question, row, option, column, count in Answers._read_group(
                [*domain, ("answer_id", "!=", False)],
                ["question_id", "matrix_row_id", "answer_id", field_name],
                ["__count"],
            )
        }
        respondents = {}
        for question, row, column, count in Answers._read_group(
            domain, ["question_id", "matrix_row_id", field_name], ["respondent_key:count_distinct"]
        ):
            respondents[(question, row), column] = count
        # Scale and numeric answers are the lines without a chosen answer; select them
        # so, not by value: 0 is an answer too.
        averages = {
            (question, column): value
            for question, column, value in Answers._read_group(
                [*domain, ("answer_id", "=", False)], ["question_id", field_name], ["value:avg"]
            )
        }
        for question, value in Answers._read_group(
            [*domain, ("answer_id", "=", False)], ["question_id"], ["value:avg"]
        ):
            averages[question, None] = value
        found = set(responses) | {column for (_q, _o, column) in answers}
        comodel = self.env[Answers._fields[field_name].comodel_name]
        # In the order of the model (size classes by size, sectors by code), unset last.
        columns = list(comodel.union(*found).sorted())
        if comodel in found:
            columns.append(comodel)
        return columns, responses, answers, respondents, averages

    def _render_results_xlsx(self):
        """Return the questionnaire results as an XLSX file (bytes): a summary, then one
        sheet per breakdown with the response rate and, per question, the count and
        share of respondents of each answer."""
        self.ensure_one()
        _ = self.env._
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        title = workbook.add_format({"bold": True, "font_size": 13})
        bold = workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "text_wrap": True})
        question_format = workbook.add_format({"bold": True, "italic": True})
        percent = workbook.add_format({"num_format": "0.0"})

        summary = workbook.add_worksheet(_("Summary"))
        summary.set_column(0, 0, 28)
        summary.set_column(1, 1, 40)
        summary_rows = [
            (_("Campaign"), self.title),
            (_("Questionnaire"), self.survey_id.title or ""),
            (_("Association"), self.association_id.display_name or ""),
            (_("Target Segment"), self.segment_id.name or ""),
            (_("Anonymous Answers"), _("Yes") if self.anonymous else _("No")),
            (_("Invited"), self.invited_count),
            (_("Answered"), self.answered_count),
            (_("Response Rate (%)"), campaign_rules.ratio(self.answered_count, self.invited_count)),
        ]
        if self.anonymous:
            summary_rows.append((_("Smallest Group Shown"), self.anonymous_min_respondents))
        summary.write(0, 0, self.title, title)
        for row, (label, value) in enumerate(summary_rows, start=2):
            summary.write(row, 0, label, bold)
            summary.write(row, 1, value)

        for field_name, sheet_title in self._get_results_breakdowns():
            columns, responses, answers, respondents, averages = self._get_results_data(field_name)
            table = campaign_rules.breakdown_table(columns, responses, answers, respondents)
            sheet = workbook.add_worksheet(sheet_title[:31])
            sheet.set_column(0, 0, 45)
            sheet.set_column(1, 2 * len(columns) + 2, 9)
            sheet.write(0, 0, f"{self.title}: {sheet_title}", title)
            # The report views withhold the profiles of small groups of anonymous
            # respondents: they come out unset.
            unset = _("Not Set or Withheld") if self.anonymous else _("Not Set")
            headers = [column.display_name if column else unset for column in columns]
            headers.append(_("Total"))
            for index, header in enumerate(headers):
                sheet.merge_range(2, 1 + 2 * index, 2, 2 + 2 * index, header, bold)
                sheet.write(3, 1 + 2 * index, _("Count"), bold)
                sheet.write(3, 2 + 2 * index, _("%"), bold)
            sheet.write(2, 0, "", bold)
            sheet.write(3, 0, "", bold)
            row = 4
            invited = [responses.get(column, (0, 0))[0] for column in columns]
            sheet.write(row, 0, _("Invited"))
            for index, count in enumerate([*invited, sum(invited)]):
                sheet.write(row, 1 + 2 * index, count)
            row += 1
            sheet.write(row, 0, _("Answered (response rate)"))
            for index, (count, share) in enumerate(table["response"]):
                sheet.write(row, 1 + 2 * index, count)
                sheet.write(row, 2 + 2 * index, share, percent)
            row += 2
            questions = sorted(
                table["questions"].items(),
                key=lambda item: (item[0][0].sequence, item[0][0].id, item[0][1].sequence),
            )
            for (question, matrix_row), options in questions:
                label = question.title
                if matrix_row:
                    label = f"{label}: {matrix_row.value}"
                sheet.write(row, 0, label, question_format)
                row += 1
                for option, cells in sorted(
                    options.items(), key=lambda i: (i[0].sequence, i[0].id)
                ):
                    sheet.write(row, 0, option.value)
                    for index, (count, share) in enumerate(cells):
                        sheet.write(row, 1 + 2 * index, count)
                        sheet.write(row, 2 + 2 * index, share, percent)
                    row += 1
                row += 1
            numeric = sorted(
                {question for (question, _column) in averages}, key=lambda q: q.sequence
            )
            for question in numeric:
                sheet.write(
                    row, 0, _("%(question)s (average)", question=question.title), question_format
                )
                # The last column, None, is the total.
                for index, column in enumerate([*columns, None]):
                    if (question, column) in averages:
                        sheet.write(row, 1 + 2 * index, round(averages[question, column], 2))
                row += 1
            sheet.freeze_panes(4, 1)
        workbook.close()
        return buffer.getvalue()
