from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.eboc_membership.models import lifecycle

# First key of the advisory locks that let one preview of a period run at a time
# (the second key is the period's id): "EBOC" in ASCII.
PREVIEW_LOCK = 0x45424F43


class EbocDuesRun(models.Model):
    """A dues run: the memberships of some associations, or of a segment, priced for
    a period. The preview shows every amount and warning before anything is billed."""

    _name = "eboc.dues.run"
    _description = "Dues Run"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    period_id = fields.Many2one(
        "eboc.dues.period", required=True, tracking=True, check_company=True
    )
    association_ids = fields.Many2many(
        "eboc.association",
        string="Associations",
        help="Memberships of these associations, and of those below them. Leave empty "
        "for every association.",
    )
    segment_id = fields.Many2one(
        "eboc.segment",
        domain=[("target", "=", "company")],
        help="Only the companies of this segment.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("preview", "Previewed"),
            ("invoicing", "Invoicing"),
            ("done", "Invoiced"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("eboc.dues.line", "run_id", string="Lines", copy=False)
    line_count = fields.Integer(compute="_compute_totals", string="Memberships")
    warning_count = fields.Integer(compute="_compute_totals", string="Warnings")
    amount_total = fields.Monetary(compute="_compute_totals", string="Total")
    batch_size = fields.Integer(
        default=200,
        help="Invoices created and posted per transaction. A run with more lines than "
        "this is invoiced by a background job that commits after each batch.",
    )
    invoiced_count = fields.Integer(compute="_compute_totals", string="Invoiced")
    invoice_date = fields.Date(
        default=fields.Date.context_today,
        help="Date of the invoices; their due date follows the payment terms.",
    )
    date_due = fields.Date(
        "Due Date",
        help="One due date for every invoice of the run, instead of the payment terms.",
    )
    send_invoices = fields.Boolean(
        "Email the Invoices",
        help="Send each invoice, with its PDF, to the company once posted. Accounting "
        "sends them in the background, as with its own Send button.",
    )
    skipped_count = fields.Integer(
        "Already in Another Run",
        readonly=True,
        copy=False,
        help="Memberships left out because another run already has them for this period.",
    )

    @api.depends("line_ids.amount_total", "line_ids.has_warning", "line_ids.move_id")
    def _compute_totals(self):
        groups = self.env["eboc.dues.line"]._read_group(
            [("run_id", "in", self.ids)],
            ["run_id", "has_warning", "move_id"],
            ["__count", "amount_total:sum"],
        )
        totals = {run.id: [0, 0, 0, 0.0] for run in self}
        for run, has_warning, move, count, amount in groups:
            total = totals[run.id]
            total[0] += count
            total[1] += count if has_warning else 0
            total[2] += count if move else 0
            total[3] += amount
        for run in self:
            run.line_count, run.warning_count, run.invoiced_count, run.amount_total = totals[run.id]

    @api.onchange("period_id")
    def _onchange_period_id(self):
        if self.period_id and not self.name:
            self.name = self.env._("Dues %(period)s", period=self.period_id.name)

    def _get_memberships_domain(self):
        """Domain of the memberships this run bills; a seam for other addons."""
        self.ensure_one()
        domain = [
            ("state", "in", lifecycle.MEMBER_STATES),
            ("company_id", "=", self.company_id.id),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", self.period_id.date_to),
        ]
        if self.association_ids:
            domain.append(("association_id", "child_of", self.association_ids.ids))
        if self.segment_id:
            domain.append(("partner_id", "in", self.segment_id._get_records().ids))
        return domain

    def action_preview(self):
        """Price every membership of the run and show it, billing nothing."""
        self._check_open()
        for run in self:
            run._lock_period()
            run.line_ids.unlink()
            memberships = self.env["eboc.membership"].search(run._get_memberships_domain())
            taken = self.env["eboc.dues.line"].search(
                [("period_id", "=", run.period_id.id), ("membership_id", "in", memberships.ids)]
            )
            free = memberships - taken.membership_id
            prices = self.env["eboc.fee.rule"]._price_memberships(free, run.period_id)
            self.env["eboc.dues.line"].create(
                [run._prepare_line_vals(membership, prices[membership.id]) for membership in free]
            )
            run.write({"state": "preview", "skipped_count": len(taken.membership_id)})
        return True

    def _lock_period(self):
        """Take the period's preview lock until the transaction ends, or refuse.

        Two previews of one period at once would both price the same memberships; the
        unique index on (membership, period) stops the second at the database, with a
        raw error. With the lock, the second is told to wait, and its next try sees the
        first one's lines and leaves those memberships to it.
        """
        self.env.cr.execute(
            SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", PREVIEW_LOCK, self.period_id.id)
        )
        if not self.env.cr.fetchone()[0]:
            raise UserError(
                self.env._(
                    "Another dues run for %(period)s is being previewed at this moment. "
                    "Preview this run again in a moment: the memberships the other run "
                    "takes will be left out of this one.",
                    period=self.period_id.display_name,
                )
            )
        # A preview whose transaction began (took its snapshot) before another preview
        # of the period committed cannot see that one's lines, and would bill those
        # memberships again. Every preview touches the period's row: on such an old
        # snapshot, the database refuses the touch with a serialization failure, which
        # Odoo's request handler retries on a fresh snapshot, where the lines are seen.
        self.env.cr.execute(
            SQL(
                "UPDATE eboc_dues_period SET write_date = write_date WHERE id = %s",
                self.period_id.id,
            ),
            log_exceptions=False,
        )

    def _prepare_line_vals(self, membership, price):
        """Values of the dues line of ``membership``, priced as ``price``."""
        labels = self.env["eboc.fee.rule"]._warning_labels(price["warnings"])
        return {
            "run_id": self.id,
            "membership_id": membership.id,
            "period_id": self.period_id.id,
            "invoice_partner_id": (membership.paying_partner_id or membership.partner_id).id,
            "fee_rule_id": price["rule"].id,
            "amount_dues": price["dues"],
            "amount_entrance": price["entrance"],
            "warnings": ", ".join(labels) or False,
        }

    def action_reset(self):
        """Drop the preview, so that its memberships can go in another run."""
        if any(run.state not in ("draft", "preview") for run in self):
            raise UserError(self.env._("A run that has invoiced cannot go back to draft."))
        self.line_ids.unlink()
        self.write({"state": "draft", "skipped_count": 0})

    def action_confirm(self):
        """Invoice the previewed lines: at once for a small run, else in the background."""
        for run in self:
            if run.state != "preview":
                raise UserError(self.env._("Preview the run before invoicing it."))
            run.state = "invoicing"
            if len(run._get_lines_to_invoice()) <= run.batch_size:
                run._invoice_batch()
            else:
                self.env.ref("eboc_dues.ir_cron_eboc_dues_invoice")._trigger()
        return True

    def _get_lines_to_invoice(self, limit=None):
        """Lines with something to bill and no invoice yet: what a rerun resumes."""
        return self.env["eboc.dues.line"].search(
            [("run_id", "in", self.ids), ("move_id", "=", False), ("amount_total", ">", 0)],
            limit=limit,
            order="id",
        )

    def _invoice_batch(self):
        """Create and post the invoices of the next batch of lines; return their number.

        Invoices are created with one ``create`` and posted with one ``action_post``;
        a line gets its invoice in the same transaction, so a batch that fails leaves
        neither, and the next call starts again from the lines without an invoice.
        """
        self.ensure_one()
        lines = self._get_lines_to_invoice(limit=self.batch_size)
        # The run is the invoices' history: no "created" note in each one's chatter.
        Move = self.env["account.move"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, mail_notrack=True
        )
        moves = Move.create([line._prepare_invoice_vals() for line in lines])
        moves.action_post()
        moves = moves.with_env(self.env)
        # The superuser writes the invoice on its line: no one else may (billed_once).
        for line, move in zip(lines.sudo(), moves, strict=True):
            line.move_id = move
        if self.send_invoices:
            self._send_invoices(moves)
        if not self._get_lines_to_invoice(limit=1):
            self.state = "done"
        return len(lines)

    def _send_invoices(self, moves):
        """Hand the invoices to accounting's background sending, as its Send button
        does for many invoices: PDF attached, email to the partner, chatter log."""
        moves.sending_data = {
            "author_user_id": self.env.user.id,
            "author_partner_id": self.env.user.partner_id.id,
        }
        self.env.ref("account.ir_cron_account_move_send")._trigger()

    @api.model
    def _cron_invoice(self):
        """Invoice one batch of a run waiting for it; the cron calls again while work
        remains, committing in between."""
        run = self.search([("state", "=", "invoicing")], limit=1, order="id")
        done = run._invoice_batch() if run else 0
        remaining = self.env["eboc.dues.line"].search_count(
            [
                ("run_id.state", "=", "invoicing"),
                ("move_id", "=", False),
                ("amount_total", ">", 0),
            ]
        )
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    def _register_demo_payments(self):
        """Demo data: members settle the run's invoices through accounting's payment
        wizard, as an accountant records them: six in ten pay in full on the due
        date, one pays half, three have not paid."""
        today = fields.Date.context_today(self)
        for index, move in enumerate(self.line_ids.move_id.sorted("id")):
            slot = index % 10
            if slot > 6:
                continue
            amount = (
                move.amount_residual
                if slot < 6
                else move.currency_id.round(move.amount_residual / 2)
            )
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=move.ids
            ).create(
                {
                    "payment_date": min(move.invoice_date_due, today),
                    "amount": amount,
                    "payment_difference_handling": "open",
                }
            )._create_payments()

    def action_open_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", self.line_ids.move_id.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action

    def action_open_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("eboc_dues.eboc_dues_line_action")
        action["domain"] = [("run_id", "=", self.id)]
        return action
