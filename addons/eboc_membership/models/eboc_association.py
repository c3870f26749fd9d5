from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .lifecycle import MEMBER_STATES


class EbocAssociation(models.Model):
    """An organisation that has members: the federation and the associations below it."""

    _name = "eboc.association"
    _description = "Association"
    _inherit = ["mail.thread"]
    _parent_store = True
    _order = "complete_name"
    _rec_names_search = ["complete_name", "code"]

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(tracking=True)
    association_type = fields.Selection(
        [
            ("federation", "National Federation"),
            ("sectoral", "Sectoral Association"),
            ("regional", "Regional Association"),
            ("local", "Local Association"),
        ],
        string="Type",
        required=True,
        default="sectoral",
        tracking=True,
    )
    parent_id = fields.Many2one(
        "eboc.association",
        string="Parent Association",
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    child_ids = fields.One2many("eboc.association", "parent_id", string="Member Associations")
    parent_path = fields.Char(index=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        help="The association's own company record: its address, and the memberships it "
        "holds itself in its parent association.",
        ondelete="restrict",
        domain=[("is_company", "=", True)],
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    manager_id = fields.Many2one("res.users", domain=[("share", "=", False)])
    accepts_applications = fields.Boolean(
        "Accepts Online Applications",
        help="Companies apply for membership of this association on the public Join page "
        "(/eboc/join); each application becomes an applicant membership for the "
        "association's manager to review.",
    )
    industry_ids = fields.Many2many("res.partner.industry", string="Sectors Covered")
    region_ids = fields.Many2many("eboc.region", string="Regions Covered")
    description = fields.Html()
    active = fields.Boolean(default=True)
    color = fields.Integer()
    membership_ids = fields.One2many("eboc.membership", "association_id", string="Memberships")
    member_count = fields.Integer(
        compute="_compute_member_counts",
        string="Members",
        help="Companies with an active or suspended membership in this association.",
    )
    member_count_total = fields.Integer(
        compute="_compute_member_counts",
        string="Total Members",
        help="Distinct companies that are members of this association or of any "
        "association below it.",
    )
    applicant_count = fields.Integer(compute="_compute_member_counts", string="Applicants")

    _sql_constraints = [
        ("code_company_unique", "unique(code, company_id)", "An association code must be unique."),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for association in self:
            if association.parent_id:
                association.complete_name = (
                    f"{association.parent_id.complete_name} / {association.name}"
                )
            else:
                association.complete_name = association.name

    @api.depends("membership_ids.state", "child_ids")
    def _compute_member_counts(self):
        """Count members per association and up the tree, in two grouped queries."""
        subtrees = self.with_context(active_test=False).search([("id", "child_of", self.ids)])
        groups = self.env["eboc.membership"]._read_group(
            [
                ("association_id", "in", subtrees.ids),
                ("state", "in", [*MEMBER_STATES, "applicant"]),
            ],
            ["association_id", "state"],
            ["partner_id:array_agg"],
        )
        members = {}
        applicants = {}
        for association, state, partner_ids in groups:
            bucket = applicants if state == "applicant" else members
            bucket.setdefault(association.id, set()).update(partner_ids)
        paths = {association.id: association.parent_path for association in subtrees}
        for association in self:
            own_path = association.parent_path or ""
            below = [
                other_id
                for other_id, path in paths.items()
                if own_path and (path or "").startswith(own_path)
            ]
            association.member_count = len(members.get(association.id, ()))
            association.applicant_count = len(applicants.get(association.id, ()))
            association.member_count_total = len(
                set().union(*(members.get(other_id, set()) for other_id in below))
            )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An association cannot be its own ancestor."))

    @api.model_create_multi
    def create(self, vals_list):
        associations = super().create(vals_list)
        associations.filtered(lambda a: not a.partner_id)._create_partners()
        return associations

    def _create_partners(self):
        """Give each association its own company record, so that it can hold a
        membership in its parent association."""
        partners = self.env["res.partner"].create(
            [self._prepare_partner_vals(association) for association in self]
        )
        for association, partner in zip(self, partners, strict=True):
            association.partner_id = partner

    @api.model
    def _prepare_partner_vals(self, association):
        return {
            "name": association.name,
            "is_company": True,
            "company_id": association.company_id.id,
        }

    def action_open_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_membership.eboc_membership_action"
        )
        action["domain"] = [("association_id", "child_of", self.id)]
        action["context"] = {
            "default_association_id": self.id,
            "search_default_filter_member": 1,
        }
        return action
