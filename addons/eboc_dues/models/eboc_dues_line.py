import logging

from odoo import api, fields, models
from odoo.tools import SQL

from . import lights

_logger = logging.getLogger(__name__)

LIGHT_SELECTION = [
    (lights.GREY, "Nothing due"),
    (lights.GREEN, "Paid"),
    (lights.AMBER, "Due"),
    (lights.RED, "Overdue"),
]
AGING_SELECTION = [
    (lights.NOT_DUE, "Not yet due"),
    ("1_30", "1-30 days"),
    ("31_60", "31-60 days"),
    ("61_90", "61-90 days"),
    ("90_plus", "Over 90 days"),
]


class EbocDuesLine(models.Model):
    """What one membership owes for one period: one line, whatever happens.

    The unique constraint on (membership, period) is the database's guarantee that a
    membership is never billed twice for a period, even by two runs at once.
    """

    _name = "eboc.dues.line"
    _description = "Dues Line"
    _order = "run_id, partner_id, id"
    _check_company_auto = True

    run_id = fields.Many2one("eboc.dues.run", required=True, index=True, ondelete="cascade")
    membership_id = fields.Many2one("eboc.membership", required=True, ondelete="restrict")
    period_id = fields.Many2one("eboc.dues.period", required=True, ondelete="restrict")
    partner_id = fields.Many2one(related="membership_id.partner_id", store=True, index=True)
    invoice_partner_id = fields.Many2one(
        "res.partner", string="Invoiced To", help="The company, or who pays for it."
    )
    association_id = fields.Many2one(related="membership_id.association_id", store=True)
    fee_rule_id = fields.Many2one("eboc.fee.rule")
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_dues = fields.Monetary("Dues")
    amount_entrance = fields.Monetary("Entrance Fee")
    amount_total = fields.Monetary("Total", compute="_compute_amount_total", store=True)
    move_id = fields.Many2one(
        "account.move", string="Invoice", readonly=True, copy=False, index="btree_not_null"
    )
    warnings = fields.Char()
    has_warning = fields.Boolean(compute="_compute_amount_total", store=True)

    # What the invoice says, stored so that the light follows every payment,
    # reconciliation and credit note made in accounting, and so that the scheduled
    # job can turn lights red with one UPDATE.
    move_state = fields.Selection(related="move_id.state", store=True, string="Invoice Status")
    payment_state = fields.Selection(related="move_id.payment_state", store=True)
    invoice_date = fields.Date(related="move_id.invoice_date", store=True)
    invoice_date_due = fields.Date(
        related="move_id.invoice_date_due", store=True, string="Due Date"
    )
    amount_invoiced = fields.Monetary(
        compute="_compute_amounts_invoiced", store=True, help="Total of the posted invoice."
    )
    amount_residual = fields.Monetary(
        "Outstanding", compute="_compute_amounts_invoiced", store=True
    )
    amount_credited = fields.Monetary("Credited", compute="_compute_amounts_invoiced", store=True)
    amount_paid = fields.Monetary("Collected", compute="_compute_amounts_invoiced", store=True)
    date_overdue = fields.Date(
        "Overdue From",
        compute="_compute_dates",
        store=True,
        help="The light turns red the day after this date: due date plus the grace days.",
    )
    date_suspend = fields.Date(
        "Suspension From",
        compute="_compute_dates",
        store=True,
        help="An active membership still in arrears after this date is suspended "
        "automatically, when its fee rule asks for it.",
    )
    light = fields.Selection(
        LIGHT_SELECTION,
        compute="_compute_light",
        store=True,
        default=lights.GREY,
        help="Grey: nothing due. Green: paid. Amber: not yet due, within the grace "
        "period, or partly paid within it. Red: overdue beyond the grace period.",
    )
    aging = fields.Selection(
        AGING_SELECTION,
        compute="_compute_light",
        store=True,
        help="Days past the due date of what is still open.",
    )
    days_overdue = fields.Integer(compute="_compute_days_overdue")
    reminder_step_id = fields.Many2one(
        "eboc.dues.reminder.step", string="Last Reminder", readonly=True, copy=False
    )
    reminder_date = fields.Date("Reminded On", readonly=True, copy=False)
    # Profile of the company at the time of reporting, for the dues reports.
    industry_id = fields.Many2one(related="partner_id.industry_id", store=True, string="Sector")
    region_id = fields.Many2one(related="partner_id.region_id", store=True)
    size_class_id = fields.Many2one(related="partner_id.size_class_id", store=True)

    _sql_constraints = [
        (
            "membership_period_unique",
            "unique(membership_id, period_id)",
            "A membership has one dues line per period.",
        ),
    ]

    @api.depends("amount_dues", "amount_entrance", "warnings")
    def _compute_amount_total(self):
        for line in self:
            line.amount_total = line.amount_dues + line.amount_entrance
            line.has_warning = bool(line.warnings)

    @api.depends(
        "move_id.state",
        "move_id.amount_total",
        "move_id.amount_residual",
        "move_id.reversal_move_ids.state",
        "move_id.reversal_move_ids.amount_total",
    )
    def _compute_amounts_invoiced(self):
        for line in self:
            move = line.move_id
            if move.state != "posted":
                line.amount_invoiced = line.amount_residual = 0.0
                line.amount_credited = line.amount_paid = 0.0
                continue
            credit_notes = move.reversal_move_ids.filtered(lambda m: m.state == "posted")
            credited = min(sum(credit_notes.mapped("amount_total")), move.amount_total)
            line.amount_invoiced = move.amount_total
            line.amount_residual = move.amount_residual
            line.amount_credited = credited
            line.amount_paid = max(move.amount_total - move.amount_residual - credited, 0.0)

    @api.depends("invoice_date_due", "fee_rule_id.grace_days", "fee_rule_id.suspend_after_days")
    def _compute_dates(self):
        for line in self:
            rule = line.fee_rule_id
            line.date_overdue = lights.shift(line.invoice_date_due, rule.grace_days)
            line.date_suspend = (
                lights.shift(line.date_overdue, rule.suspend_after_days)
                if rule.suspend_after_days
                else False
            )

    @api.depends("move_state", "payment_state", "date_overdue", "invoice_date_due")
    def _compute_light(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.light = lights.line_light(
                line.move_state, line.payment_state, line.date_overdue, today
            )
            line.aging = lights.aging_bucket(
                line.move_state, line.payment_state, line.invoice_date_due, today
            )

    @api.depends("invoice_date_due", "light")
    def _compute_days_overdue(self):
        today = fields.Date.context_today(self)
        for line in self:
            open_ = line.light in (lights.AMBER, lights.RED)
            line.days_overdue = lights.days_overdue(line.invoice_date_due, today) if open_ else 0

    # ------------------------------------------------------------------
    # Date-driven changes
    # ------------------------------------------------------------------

    @api.model
    def _recompute_lights(self, today=None):
        """Bring every dues line's light and aging up to ``today`` with one UPDATE,
        then the status of the memberships whose lights changed with one more.

        The payment side needs no call: the stored fields follow the invoices. This
        is what changes by the calendar alone (amber becoming red, aging buckets), for
        every line at once; returns the lines that changed.
        """
        today = today or fields.Date.context_today(self)
        self.flush_model()
        query = SQL(
            """
            UPDATE eboc_dues_line AS line
               SET light = fresh.light, aging = fresh.aging
              FROM (SELECT l.id, l.light AS old_light, %(light)s AS light, %(aging)s AS aging
                      FROM eboc_dues_line AS l, (SELECT %(today)s::date AS today) AS params
                   ) AS fresh
             WHERE fresh.id = line.id
               AND (line.light IS DISTINCT FROM fresh.light
                    OR line.aging IS DISTINCT FROM fresh.aging)
         RETURNING line.id, line.membership_id,
                   fresh.old_light IS DISTINCT FROM fresh.light
            """,
            light=SQL(lights.light_sql("l", "params.today")),
            aging=SQL(lights.aging_sql("l", "params.today")),
            today=today,
        )
        self.env.cr.execute(query)
        rows = self.env.cr.fetchall()
        changed = self.browse(row[0] for row in rows)
        self.invalidate_model(["light", "aging", "days_overdue"])
        lit = [row for row in rows if row[2]]
        if lit:
            self._update_dues_status_sql({row[1] for row in lit})
        _logger.info("Dues lights: %d lines changed, %d lights", len(changed), len(lit))
        return changed

    @api.model
    def _update_dues_status_sql(self, membership_ids=None):
        """Memberships' dues status from their lines, in one UPDATE: the set-based
        twin of their computed fields for the nightly job, which a test compares with
        the ORM's computation. ``None`` means every membership with dues lines; only
        rows whose status differs are written. (A company's figures are not stored:
        they add up the memberships their reader may see.)"""
        outstanding = f"('{lights.AMBER}', '{lights.RED}')"
        self.env.cr.execute(
            SQL(
                """
                UPDATE eboc_membership AS membership
                   SET dues_light = status.light, dues_outstanding = status.outstanding,
                       dues_arrears = status.arrears, dues_overdue_since = status.since
                  FROM (SELECT membership_id, %(worst)s AS light,
                               COALESCE(SUM(amount_residual) FILTER (
                                   WHERE light IN %(outstanding)s), 0) AS outstanding,
                               COALESCE(SUM(amount_residual) FILTER (
                                   WHERE light = %(red)s), 0) AS arrears,
                               MIN(invoice_date_due) FILTER (WHERE light = %(red)s) AS since
                          FROM eboc_dues_line
                         WHERE %(memberships)s::int[] IS NULL
                            OR membership_id = ANY(%(memberships)s)
                      GROUP BY membership_id) AS status
                 WHERE membership.id = status.membership_id
                   AND (membership.dues_light IS DISTINCT FROM status.light
                        OR membership.dues_outstanding IS DISTINCT FROM status.outstanding
                        OR membership.dues_arrears IS DISTINCT FROM status.arrears
                        OR membership.dues_overdue_since IS DISTINCT FROM status.since)
                """,
                worst=SQL(lights.worst_sql("light")),
                outstanding=SQL(outstanding),
                red=lights.RED,
                memberships=None if membership_ids is None else list(membership_ids),
            )
        )
        status_fields = ["dues_light", "dues_outstanding", "dues_arrears", "dues_overdue_since"]
        self.env["eboc.membership"].invalidate_model([*status_fields, "dues_days_overdue"])
        self.env["res.partner"].invalidate_model([*status_fields, "dues_days_overdue"])

    @api.model
    def _cron_follow_up(self):
        """Daily: lights by the calendar, then every status from its lines (a safety
        net for anything that bypassed the ORM), then reinstatements and suspensions,
        then reminders."""
        self._recompute_lights()
        self._update_dues_status_sql()
        Membership = self.env["eboc.membership"]
        Membership.search(
            [("dues_suspended", "=", True), ("state", "=", "suspended")]
        )._reinstate_paid()
        Membership._suspend_for_dues()
        self.env["eboc.dues.reminder.step"]._send_reminders()

    def _prepare_invoice_vals(self):
        """Values of the customer invoice of this dues line; a seam for other addons."""
        self.ensure_one()
        membership = self.membership_id
        rule = self.fee_rule_id
        lines = [self._prepare_invoice_line_vals(rule.product_id, self.amount_dues)]
        if self.amount_entrance:
            product = rule.entrance_product_id or rule.product_id
            lines.append(self._prepare_invoice_line_vals(product, self.amount_entrance))
        run = self.run_id
        vals = {
            "move_type": "out_invoice",
            "partner_id": self.invoice_partner_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.run_id.name,
            "eboc_membership_id": membership.id,
            "eboc_dues_period_id": self.period_id.id,
            "eboc_association_id": membership.association_id.id,
            "invoice_line_ids": [(0, 0, vals) for vals in lines if vals["price_unit"]],
        }
        if run.invoice_date:
            vals["invoice_date"] = run.invoice_date
        if run.date_due:
            vals.update(invoice_payment_term_id=False, invoice_date_due=run.date_due)
        return vals

    def _prepare_invoice_line_vals(self, product, amount):
        vals = {
            "product_id": product.id,
            "name": f"{product.name} {self.period_id.name} - {self.association_id.name}",
            "quantity": 1.0,
            "price_unit": amount,
        }
        if self.fee_rule_id.account_id:
            vals["account_id"] = self.fee_rule_id.account_id.id
        if self.fee_rule_id.tax_ids:
            vals["tax_ids"] = [(6, 0, self.fee_rule_id.tax_ids.ids)]
        return vals
