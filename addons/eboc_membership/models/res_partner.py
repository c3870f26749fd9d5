from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from . import lifecycle

# Set on the cursor while member numbers are given in one go (see _assign_member_number).
BATCH_NUMBERING = "eboc_membership.batch_numbering"


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Company profile. The sector is Odoo's own industry_id, turned into a tree.
    region_id = fields.Many2one("eboc.region", index=True, tracking=True)
    employee_count = fields.Integer("Employees", tracking=True, aggregator="sum")
    size_class_id = fields.Many2one(
        "eboc.size.class",
        compute="_compute_size_class_id",
        store=True,
        readonly=False,
        index=True,
        help="Set from the number of employees; can be set by hand when the count is unknown.",
    )
    turnover = fields.Monetary(
        "Annual Turnover", currency_field="turnover_currency_id", aggregator="sum"
    )
    turnover_currency_id = fields.Many2one("res.currency", compute="_compute_turnover_currency_id")
    legal_form_id = fields.Many2one("eboc.legal.form")
    founding_year = fields.Integer("Founded In")
    member_number = fields.Char(
        company_dependent=True,
        copy=False,
        tracking=True,
        help="The company's number in the EBMO you work in: each EBMO numbers its own members.",
    )
    account_manager_id = fields.Many2one(
        "res.users",
        domain=[("share", "=", False)],
        index=True,
        tracking=True,
    )
    membership_ids = fields.One2many("eboc.membership", "partner_id", string="Memberships")
    # The status is the EBMO's view of the company, as its reader may see it: computed
    # from the memberships the reader can read in the EBMO (company) they work in, so
    # that the membership rules (association and EBMO walls) hold in it. Not stored,
    # hence searched but not grouped: reports group memberships instead.
    member_state = fields.Selection(
        [
            (lifecycle.NO_MEMBERSHIP, "Not a Member"),
            (lifecycle.PROSPECT, "Prospect"),
            (lifecycle.APPLICANT, "Applicant"),
            (lifecycle.ACTIVE, "Active Member"),
            (lifecycle.SUSPENDED, "Suspended"),
            (lifecycle.LAPSED, "Lapsed"),
            (lifecycle.RESIGNED, "Resigned"),
        ],
        string="Membership Status",
        compute="_compute_member_state",
        search="_search_member_state",
        help="The most engaged state among the company's memberships in the EBMO you work "
        "in, within the associations you work for.",
    )
    is_member = fields.Boolean(compute="_compute_member_state", search="_search_is_member")
    member_association_ids = fields.Many2many(
        "eboc.association",
        string="Member of",
        compute="_compute_member_state",
        search="_search_member_association_ids",
        help="Associations in which the company holds an active or suspended membership, "
        "among those you work for in the current EBMO.",
    )
    membership_count = fields.Integer(compute="_compute_membership_count")
    # Persons: roles they play for their company.
    contact_role_ids = fields.Many2many(
        "eboc.contact.role",
        "eboc_contact_role_partner_rel",
        "partner_id",
        "role_id",
        string="Roles",
    )
    key_role_ids = fields.Many2many(
        "eboc.contact.role",
        "eboc_contact_key_role_partner_rel",
        "partner_id",
        "role_id",
        string="Key Contact for",
        help="Roles for which this person is the company's key contact: mailings and "
        "questionnaires for that role go to them.",
    )
    key_contact_ids = fields.One2many(
        "res.partner",
        compute="_compute_key_contact_ids",
        string="Key Contacts",
    )

    @api.depends("employee_count")
    def _compute_size_class_id(self):
        with_count = self.filtered("employee_count")
        sizes = self.env["eboc.size.class"]._get_for_employees(with_count.mapped("employee_count"))
        for partner in with_count:
            partner.size_class_id = sizes[partner.employee_count]

    @api.depends("company_id")
    def _compute_turnover_currency_id(self):
        for partner in self:
            partner.turnover_currency_id = (
                partner.company_id.currency_id or self.env.company.currency_id
            )

    @api.model
    def _eboc_membership_scope(self):
        """The memberships a company's status is made of: those of the EBMO the reader
        works in (searched with the reader's rights, so within their associations)."""
        return [("company_id", "=", self.env.company.id)]

    @api.depends("membership_ids.state", "membership_ids.association_id")
    @api.depends_context("uid", "company", "allowed_company_ids")
    def _compute_member_state(self):
        Membership = self.env["eboc.membership"]
        groups = []
        if Membership.has_access("read"):
            groups = Membership._read_group(
                [("partner_id", "in", self._origin.ids), *self._eboc_membership_scope()],
                ["partner_id", "state"],
                ["association_id:array_agg"],
            )
        states = defaultdict(list)
        associations = defaultdict(set)
        for partner, state, association_ids in groups:
            states[partner.id].append(state)
            if state in lifecycle.MEMBER_STATES:
                associations[partner.id].update(association_ids)
        for partner in self:
            state = lifecycle.overall_status(states[partner._origin.id])
            partner.member_state = state
            partner.is_member = state in lifecycle.MEMBER_STATES
            partner.member_association_ids = [(6, 0, sorted(associations[partner._origin.id]))]

    def _search_member_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Membership statuses are searched by equality only."))
        wanted = [value] if operator in ("=", "!=") else list(value)
        domain = expression.OR([self._member_state_domain(state) for state in wanted]) or [
            (0, "=", 1)
        ]
        return ["!", *domain] if operator in ("!=", "not in") else domain

    @api.model
    def _member_state_domain(self, state):
        """Companies whose most engaged readable membership is in ``state``: one has
        it, none is more engaged (the same priority as lifecycle.overall_status, from
        which it is built; the subqueries apply the membership rules)."""
        scope = self._eboc_membership_scope()
        if state not in lifecycle.STATUS_PRIORITY:
            return [("membership_ids", "not any", scope)]
        above = lifecycle.STATUS_PRIORITY[: lifecycle.STATUS_PRIORITY.index(state)]
        domain = [("membership_ids", "any", [("state", "=", state), *scope])]
        if above:
            domain.append(("membership_ids", "not any", [("state", "in", above), *scope]))
        return domain

    def _search_is_member(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Membership is searched as true or false only."))
        return self._search_member_state(
            "in" if (operator == "=") == value else "not in", list(lifecycle.MEMBER_STATES)
        )

    def _search_member_association_ids(self, operator, value):
        memberships = [
            ("state", "in", list(lifecycle.MEMBER_STATES)),
            *self._eboc_membership_scope(),
        ]
        if operator in ("=", "!=") and not value:
            # "Member of" is set / not set: a member somewhere, or nowhere.
            return [("membership_ids", "any" if operator == "!=" else "not any", memberships)]
        if operator in expression.NEGATIVE_TERM_OPERATORS:
            # "Not a member of X": no membership in X makes the company a member.
            positive = expression.TERM_OPERATORS_NEGATION[operator]
            memberships.append(("association_id", positive, value))
            return [("membership_ids", "not any", memberships)]
        memberships.append(("association_id", operator, value))
        return [("membership_ids", "any", memberships)]

    def _compute_membership_count(self):
        groups = self.env["eboc.membership"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.membership_count = counts.get(partner.id, 0)

    @api.depends("child_ids.key_role_ids")
    def _compute_key_contact_ids(self):
        for partner in self:
            partner.key_contact_ids = partner.child_ids.filtered("key_role_ids")

    @api.constrains("employee_count", "turnover")
    def _check_profile_figures(self):
        for partner in self:
            if partner.employee_count < 0 or partner.turnover < 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: employees and turnover cannot be negative.",
                        name=partner.display_name,
                    )
                )

    @api.constrains("key_role_ids", "contact_role_ids", "parent_id")
    def _check_key_roles(self):
        for person in self.filtered("key_role_ids"):
            if person.key_role_ids - person.contact_role_ids:
                raise ValidationError(
                    self.env._(
                        "%(name)s can only be key contact for a role they hold.",
                        name=person.display_name,
                    )
                )
        companies = self.filtered("key_role_ids").commercial_partner_id
        if not companies:
            return
        self.flush_model(["key_role_ids", "commercial_partner_id"])
        groups = self._read_group(
            [("commercial_partner_id", "in", companies.ids), ("key_role_ids", "!=", False)],
            ["commercial_partner_id", "key_role_ids"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if groups:
            company, role, _count = groups[0]
            raise ValidationError(
                self.env._(
                    "%(company)s already has a key contact for the role %(role)s.",
                    company=company.display_name,
                    role=role.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # A key role implies the role itself, so that imports need one column.
            if vals.get("key_role_ids") and not vals.get("contact_role_ids"):
                vals["contact_role_ids"] = vals["key_role_ids"]
        return super().create(vals_list)

    @api.constrains("member_number")
    def _check_member_number(self):
        """A number is unique within an EBMO (the company written in)."""
        if self.env.cr.cache.get(BATCH_NUMBERING):
            return
        numbers = [number for number in self.mapped("member_number") if number]
        if not numbers:
            return
        self.flush_model(["member_number"])
        taken = self.sudo()._read_group(
            [("member_number", "in", numbers)],
            ["member_number"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if taken:
            raise ValidationError(
                self.env._(
                    "The member number %(number)s is already given to another company in %(ebmo)s.",
                    number=taken[0][0],
                    ebmo=self.env.company.name,
                )
            )

    def _assign_member_number(self):
        """Give companies that have none in the current EBMO its next member numbers,
        in the order they were created: the numbers are reserved in one go, not one
        query per company."""
        partners = self.filtered(lambda p: not p.member_number).sorted("id")
        numbers = self.env["ir.sequence"]._eboc_next_by_code_multi(
            "eboc.member.number", len(partners)
        )
        # Each assignment is a write, which would check uniqueness company by company:
        # check once for all of them instead. The flag lives on the cursor, out of
        # reach of a client's context, so no write can skip the check.
        self.env.cr.cache[BATCH_NUMBERING] = True
        try:
            for partner, number in zip(partners, numbers, strict=True):
                partner.member_number = number
        finally:
            self.env.cr.cache.pop(BATCH_NUMBERING, None)
        partners._check_member_number()

    def action_open_memberships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_membership.eboc_membership_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    def action_eboc_portal_access(self):
        """Odoo's portal invitation for the company's key contacts and the contacts
        whose roles act on the portal (pay the dues, edit the profile); all its
        contacts when there are none: each gets its own login, and every contact of
        the company sees its membership pages."""
        self.ensure_one()
        people = self.commercial_partner_id.child_ids.filtered(lambda p: p.type == "contact")
        contacts = (
            people.filtered(
                lambda p: (
                    p.key_role_ids
                    or p.contact_role_ids._grants("pays_dues")
                    or p.contact_role_ids._grants("edits_profile")
                )
            )
            or people
        )
        return (
            self.env["portal.wizard"]
            .with_context(default_partner_ids=contacts.ids, active_ids=contacts.ids)
            .action_open_wizard()
        )

    @api.model
    def get_import_templates(self):
        templates = super().get_import_templates()
        if self.env.context.get("eboc_member_import"):
            templates = [
                {
                    "label": self.env._("Import Template for Member Companies"),
                    "template": "/eboc_membership/static/import/member_companies.csv",
                },
                {
                    "label": self.env._("Import Template for Member Contacts"),
                    "template": "/eboc_membership/static/import/member_contacts.csv",
                },
            ]
        return templates
