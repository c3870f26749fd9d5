from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import lifecycle

# What ending a membership asks for (see lifecycle.missing_for_transition).
END_FIELDS = ("date_end", "leaving_reason_id")


class EbocMembership(models.Model):
    """One company in one association, with a type, a state and its history."""

    _name = "eboc.membership"
    _description = "Membership"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_join desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Member Company",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    association_id = fields.Many2one(
        "eboc.association",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
        help="The association the company is a member of. The membership belongs to the "
        "association's Odoo company.",
    )
    membership_type_id = fields.Many2one(
        "eboc.membership.type", string="Type", tracking=True, ondelete="restrict"
    )
    state = fields.Selection(
        [
            (lifecycle.PROSPECT, "Prospect"),
            (lifecycle.APPLICANT, "Applicant"),
            (lifecycle.ACTIVE, "Active"),
            (lifecycle.SUSPENDED, "Suspended"),
            (lifecycle.LAPSED, "Lapsed"),
            (lifecycle.RESIGNED, "Resigned"),
        ],
        required=True,
        default=lifecycle.PROSPECT,
        index=True,
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
        help="Prospect: recruitment target, no application yet. Applicant: applied, not yet "
        "admitted. Active: a member. Suspended: still a member, rights on hold (for example "
        "unpaid dues). Lapsed: ended because it was not renewed or paid. Resigned: ended at the "
        "member's request.",
    )
    date_join = fields.Date(
        "Join Date",
        default=fields.Date.context_today,
        tracking=True,
        help="When the company applied or was recruited.",
    )
    date_start = fields.Date(
        "Start Date", tracking=True, copy=False, help="First day of active membership."
    )
    date_end = fields.Date("End Date", tracking=True, copy=False)
    activation_date = fields.Date(
        "Last Activated On",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The last day the membership became active: when the company joined, or "
        "when it was reinstated or came back after lapsing. Campaigns count their "
        "conversions with it.",
    )
    leaving_reason_id = fields.Many2one(
        "eboc.leaving.reason", string="Reason for Leaving", tracking=True, copy=False
    )
    leaving_note = fields.Text(
        "Leaving Details", copy=False, groups="eboc_membership.group_eboc_user"
    )
    paying_partner_id = fields.Many2one(
        "res.partner",
        string="Paid by",
        tracking=True,
        help="Leave empty when the company pays its own dues; set a group head office "
        "or another payer otherwise.",
    )
    company_id = fields.Many2one(
        related="association_id.company_id", store=True, index=True, precompute=True
    )
    # Staff's own: never shown to the member's contacts on the portal.
    note = fields.Html(groups="eboc_membership.group_eboc_user")
    color = fields.Integer(groups="eboc_membership.group_eboc_user")
    # Profile of the company, stored so that lists, pivots and graphs group by it.
    industry_id = fields.Many2one(related="partner_id.industry_id", store=True, string="Sector")
    region_id = fields.Many2one(related="partner_id.region_id", store=True)
    size_class_id = fields.Many2one(related="partner_id.size_class_id", store=True)
    employee_count = fields.Integer(
        related="partner_id.employee_count", store=True, aggregator="sum"
    )
    account_manager_id = fields.Many2one(related="partner_id.account_manager_id", store=True)
    member_number = fields.Char(
        compute="_compute_member_number",
        search="_search_member_number",
        compute_sudo=True,  # the EBMO's number, read in the membership's EBMO
        help="The company's number in the membership's EBMO.",
    )
    is_member = fields.Boolean(compute="_compute_is_member", store=True)

    @api.depends("partner_id.member_number", "company_id")
    def _compute_member_number(self):
        # A number is the EBMO's (company-dependent): read it in the membership's.
        for company, memberships in self.grouped("company_id").items():
            for membership in memberships:
                membership.member_number = membership.partner_id.with_company(company).member_number

    def _search_member_number(self, operator, value):
        return [("partner_id.member_number", operator, value)]

    @api.depends("state")
    def _compute_is_member(self):
        for membership in self:
            membership.is_member = membership.state in lifecycle.MEMBER_STATES

    @api.depends("partner_id", "association_id")
    def _compute_display_name(self):
        for membership in self:
            membership.display_name = self.env._(
                "%(company)s in %(association)s",
                company=membership.partner_id.name or "",
                association=membership.association_id.name or "",
            )

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    @api.constrains("partner_id", "association_id", "state")
    def _check_single_open_membership(self):
        groups = self._read_group(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("association_id", "in", self.association_id.ids),
                ("state", "in", lifecycle.OPEN_STATES),
            ],
            ["partner_id", "association_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if groups:
            partner, association, _count = groups[0]
            raise ValidationError(
                self.env._(
                    "%(company)s already has an open membership in %(association)s. End it "
                    "before opening another one.",
                    company=partner.display_name,
                    association=association.display_name,
                )
            )

    @api.constrains("state", "date_start", "date_end", "leaving_reason_id")
    def _check_dates_and_reason(self):
        for membership in self:
            if (
                membership.date_start
                and membership.date_end
                and membership.date_end < membership.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The membership %(name)s cannot end before it starts.",
                        name=membership.display_name,
                    )
                )
            missing = lifecycle.missing_for_transition(
                membership.state,
                {
                    "date_end": membership.date_end,
                    "leaving_reason_id": membership.leaving_reason_id,
                },
            )
            if missing:
                raise ValidationError(membership._missing_values_message(membership.state, missing))

    @api.constrains("partner_id")
    def _check_partner_is_company(self):
        for membership in self:
            if not membership.partner_id.is_company:
                raise ValidationError(
                    self.env._(
                        "Only companies can hold a membership; %(name)s is a person.",
                        name=membership.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # A new membership starts as a prospect; created in another state (an import
        # of existing members, a data file), it gets what the transitions to that
        # state would have set.
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("state") in lifecycle.MEMBER_STATES:
                vals["date_start"] = vals.get("date_start") or today
                if not vals.get("activation_date"):
                    vals["activation_date"] = vals["date_start"]
        memberships = super().create(vals_list)
        memberships._assign_member_numbers()
        return memberships

    def write(self, vals):
        """Every change of state goes through the lifecycle, whatever the path: the
        buttons, the kanban's drag and drop, an import or an RPC call."""
        if "state" not in vals:
            res = super().write(vals)
        else:
            self.check_access("write")  # who may not write learns nothing of the lifecycle
            target = vals["state"]
            moving = self.filtered(lambda m: m.state != target)
            moving._check_transition(target, vals)
            res = super(EbocMembership, self - moving).write(vals)
            by_values = defaultdict(lambda: self.browse())
            for membership in moving:
                extra = membership._transition_values(target)
                by_values[tuple(sorted(extra.items()))] |= membership
            for extra, memberships in by_values.items():
                super(EbocMembership, memberships).write({**dict(extra), **vals})
        if {"state", "partner_id", "date_start"} & vals.keys():
            self._assign_member_numbers()
        return res

    def _check_transition(self, target, vals):
        """Refuse, naming every membership concerned, a move the lifecycle does not
        allow or that lacks what the target state needs; nothing changes half-way."""
        state_labels = dict(self._fields["state"]._description_selection(self.env))
        if target not in state_labels:
            raise UserError(self.env._("%(state)s is not a membership state.", state=target))
        blocked = self.filtered(lambda m: not lifecycle.can_transition(m.state, target))
        if blocked:
            raise UserError(
                self.env._(
                    "These memberships cannot become %(target)s:\n%(names)s\nUse the "
                    "buttons of the membership form: they offer the moves its state allows.",
                    target=state_labels[target],
                    names="\n".join(
                        f"- {m.display_name} ({state_labels[m.state]})" for m in blocked
                    ),
                )
            )
        for membership in self:
            missing = lifecycle.missing_for_transition(
                target, {name: vals.get(name, membership[name]) for name in END_FIELDS}
            )
            if missing:
                raise ValidationError(self._missing_values_message(target, missing))

    def _transition_values(self, target):
        """What moving this membership to ``target`` sets, besides the state."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        values = {}
        if target == lifecycle.ACTIVE:
            values["activation_date"] = today
            if not self.date_start:
                values["date_start"] = today
            if self.state in lifecycle.ENDED_STATES:
                values.update(date_end=False, leaving_reason_id=False)
        elif target == lifecycle.APPLICANT:
            values.update(date_end=False, leaving_reason_id=False)
        return values

    def _assign_member_numbers(self):
        """Number the companies of memberships that are or were active, however they
        got there: a button, an import of existing members, or a data file."""
        members = self.filtered(
            lambda m: (
                m.state in lifecycle.MEMBER_STATES
                or (m.state in lifecycle.ENDED_STATES and m.date_start)
            )
        )
        # Each EBMO numbers its own members, from its own sequence when it has one.
        for company, memberships in members.grouped("company_id").items():
            memberships.partner_id.with_company(company)._assign_member_number()

    # ------------------------------------------------------------------
    # State changes
    # ------------------------------------------------------------------

    def action_apply(self):
        return self._change_state(lifecycle.APPLICANT)

    def action_activate(self):
        return self._change_state(lifecycle.ACTIVE)

    def action_suspend(self):
        return self._change_state(lifecycle.SUSPENDED)

    def action_reinstate(self):
        return self._change_state(lifecycle.ACTIVE)

    def action_lapse(self):
        return self._open_end_wizard(lifecycle.LAPSED)

    def action_resign(self):
        return self._open_end_wizard(lifecycle.RESIGNED)

    def action_reopen(self):
        return self._change_state(lifecycle.APPLICANT)

    def _open_end_wizard(self, end_state):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("End Membership"),
            "res_model": "eboc.membership.end.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_membership_ids": self.ids,
                "default_end_state": end_state,
            },
        }

    def _change_state(self, target, values=None):
        """Move the memberships to ``target``; ``values`` carries what the transition
        needs (``date_end``, ``leaving_reason_id``, ``leaving_note``). :meth:`write`
        checks the lifecycle and sets what the transition implies; a membership
        already in ``target`` is refused too, as its button should not be there."""
        values = {**(values or {}), "state": target}
        self._check_transition(target, values)
        self.write(values)
        return True

    def _missing_values_message(self, target, missing):
        state_labels = dict(self._fields["state"]._description_selection(self.env))
        field_labels = [self._fields[name].get_description(self.env)["string"] for name in missing]
        return self.env._(
            "A membership that becomes %(state)s needs: %(fields)s.",
            state=state_labels[target],
            fields=", ".join(field_labels),
        )
