from odoo import api, fields, models

from odoo.addons.eboc_membership.models import lifecycle


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
        [("draft", "Draft"), ("preview", "Previewed")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("eboc.dues.line", "run_id", string="Lines", copy=False)
    line_count = fields.Integer(compute="_compute_totals", string="Memberships")
    warning_count = fields.Integer(compute="_compute_totals", string="Warnings")
    amount_total = fields.Monetary(compute="_compute_totals", string="Total")
    skipped_count = fields.Integer(
        "Already in Another Run",
        readonly=True,
        copy=False,
        help="Memberships left out because another run already has them for this period.",
    )

    @api.depends("line_ids.amount_total", "line_ids.has_warning")
    def _compute_totals(self):
        groups = self.env["eboc.dues.line"]._read_group(
            [("run_id", "in", self.ids)],
            ["run_id", "has_warning"],
            ["__count", "amount_total:sum"],
        )
        totals = {run.id: [0, 0, 0.0] for run in self}
        for run, has_warning, count, amount in groups:
            totals[run.id][0] += count
            totals[run.id][1] += count if has_warning else 0
            totals[run.id][2] += amount
        for run in self:
            run.line_count, run.warning_count, run.amount_total = totals[run.id]

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
        for run in self:
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
        self.line_ids.unlink()
        self.write({"state": "draft", "skipped_count": 0})

    def action_open_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("eboc_dues.eboc_dues_line_action")
        action["domain"] = [("run_id", "=", self.id)]
        return action
