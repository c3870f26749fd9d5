from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import lifecycle


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
    member_number = fields.Char(copy=False, tracking=True)  # indexed by its unique constraint
    account_manager_id = fields.Many2one(
        "res.users",
        domain=[("share", "=", False)],
        index=True,
        tracking=True,
    )
    membership_ids = fields.One2many("eboc.membership", "partner_id", string="Memberships")
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
        store=True,
        index=True,
        help="The most engaged state among the company's memberships.",
    )
    is_member = fields.Boolean(compute="_compute_member_state", store=True, index=True)
    member_association_ids = fields.Many2many(
        "eboc.association",
        "eboc_association_member_partner_rel",
        "partner_id",
        "association_id",
        string="Member of",
        compute="_compute_member_state",
        store=True,
        help="Associations in which the company holds an active or suspended membership.",
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

    _sql_constraints = [
        ("member_number_unique", "unique(member_number)", "A member number must be unique."),
    ]

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

    @api.depends("membership_ids.state", "membership_ids.association_id")
    def _compute_member_state(self):
        # Partners sharing a status and associations get them in one assignment: a
        # many2many is written at once, so assigning partner by partner would cost an
        # INSERT per member company on mass changes (imports, dues and lapse runs).
        groups = defaultdict(lambda: self.browse())
        for partner in self:
            memberships = partner.membership_ids
            state = lifecycle.overall_status(memberships.mapped("state"))
            associations = memberships.filtered("is_member").association_id
            groups[state, associations] |= partner
        for (state, associations), partners in groups.items():
            partners.member_state = state
            partners.is_member = state in lifecycle.MEMBER_STATES
            partners.member_association_ids = associations

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

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Odoo 18 does not flush the relation table of a computed many2many before a
        # search reads it: a membership changed earlier in the same transaction would
        # not be found through "Member of". Recompute it first (free when up to date).
        self.flush_model(["member_association_ids"])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _assign_member_number(self):
        """Give companies that have none the next member numbers, in the order they
        were created: the numbers are reserved in one go, not one query per company."""
        partners = self.filtered(lambda p: not p.member_number).sorted("id")
        numbers = self.env["ir.sequence"]._eboc_next_by_code_multi(
            "eboc.member.number", len(partners)
        )
        for partner, number in zip(partners, numbers, strict=True):
            partner.member_number = number

    def action_open_memberships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_membership.eboc_membership_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

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
