from odoo import api, models


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    @api.model
    def _eboc_next_by_code_multi(self, code, count):
        """The next ``count`` values of the sequence ``code``, as ``next_by_code`` would
        give them one by one, reserved in one statement. Sequences by date range keep
        Odoo's own path, one value at a time."""
        if count <= 0:
            return []
        company_ids = [self.env.company.id, False]
        sequence = self.sudo().search(
            [("code", "=", code), ("company_id", "in", company_ids)], order="company_id", limit=1
        )
        if not sequence or sequence.use_date_range:
            return [self.next_by_code(code) for _index in range(count)]
        if sequence.implementation == "standard":
            self.env.cr.execute(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                [f"ir_sequence_{sequence.id:03d}", count],
            )
            numbers = sorted(row[0] for row in self.env.cr.fetchall())
        else:  # no gap: one UPDATE takes the row lock and the whole range
            sequence.flush_recordset(["number_next"])
            self.env.cr.execute(
                """UPDATE ir_sequence
                      SET number_next = number_next + number_increment * %s
                    WHERE id = %s
                RETURNING number_next, number_increment""",
                [count, sequence.id],
            )
            after, step = self.env.cr.fetchone()
            sequence.invalidate_recordset(["number_next"])
            first = after - step * count
            numbers = [first + step * index for index in range(count)]
        return [sequence.get_next_char(number) for number in numbers]
