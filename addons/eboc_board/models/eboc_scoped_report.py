from odoo import api, fields, models
from odoo.osv import expression

# The fields through which a domain names the scope it reads, or the rows themselves
# (access checks and reads by id name rows: they get exactly those).
SCOPE_FIELDS = ("scope_association_id", "association_id", "id")


class EbocScopedReport(models.AbstractModel):
    """A report whose rows are counted per *scope*: an association and everything below it.

    A company that is a member of two associations of the federation is one member of
    the federation: each scope counts it once, so the rows of two scopes must never be
    added up. The mixin keeps that promise on every path:

    * ``association_id`` is the scope as filters name it ("Association, with the ones
      below it"): searched with ``=``, ``in`` or ``child_of``, it selects the rows *of*
      those scopes, which already hold their subtree, instead of adding sub-scopes;
    * a search that names no scope (a menu, the dashboard with no association chosen, an
      RPC client) reads the reader's own top scopes, the way a search without
      ``active`` reads active records: the whole federation for its managers, their own
      associations for officers restricted to some. Record rules (see
      ``eboc_board_security.xml``) keep the wall; this keeps the figures true.
    """

    _name = "eboc.scoped.report"
    _description = "Report Counted per Association Scope"
    # Rates of a group are the ratio of its sums, not an average of its rows' rates:
    # {rate field: (numerator field, denominator field)}, in percent; no denominator
    # (nothing to rate) gives an empty value, never 0.
    _ratios = {}

    scope_association_id = fields.Many2one(
        "eboc.association",
        string="Scope",
        readonly=True,
        help="The association whose members, with those of the associations below it, "
        "the row counts; a company in two of them is counted once.",
    )
    scope_is_top = fields.Boolean(
        "Top-Level Scope", readonly=True, help="The scope is an association with no parent."
    )
    association_id = fields.Many2one(
        "eboc.association",
        compute="_compute_association_id",
        search="_search_association_id",
        help="Filter on an association to read its figures, sub-associations included.",
    )
    company_id = fields.Many2one("res.company", string="Organisation", readonly=True)

    def _compute_association_id(self):
        for row in self:
            row.association_id = row.scope_association_id

    def _search_association_id(self, operator, value):
        # "child_of X" and "in X" both mean: the figures of X, which hold its subtree.
        if operator in ("=", "child_of", "in"):
            ids = value if isinstance(value, (list, tuple)) else [value]
            return [("scope_association_id", "in", [i for i in ids if i])]
        if operator in ("!=", "not in"):
            ids = value if isinstance(value, (list, tuple)) else [value]
            return [("scope_association_id", "not in", [i for i in ids if i])]
        return [("scope_association_id", operator, value)]

    @api.model
    def _reader_scopes(self):
        """The associations whose rows a search naming no scope reads: the highest ones
        the reader may read reports of (their restriction, or every top association of
        the organisations they work in)."""
        Association = self.env["eboc.association"]
        user = self.env.user
        restricted = user.eboc_association_ids and not user.has_group(
            "eboc_membership.group_eboc_manager"
        )
        domain = [("company_id", "in", self.env.companies.ids)]
        if restricted:
            domain.append(("id", "child_of", user.eboc_association_ids.ids))
        visible = Association.sudo().search(domain)
        return visible.filtered(lambda association: association.parent_id not in visible)

    @api.model
    def _names(self, domain, fields):
        """Whether a leaf of ``domain`` is on one of ``fields`` (or a path from one)."""
        return any(
            isinstance(leaf, (list, tuple)) and str(leaf[0]).split(".")[0] in fields
            for leaf in domain or []
        )

    @api.model
    def _default_domain(self, domain):
        """What a search reads when its domain leaves a dimension out, the way a search
        without ``active`` reads active records: here, the reader's own top scopes.
        Reports add their own defaults (calling super)."""
        if self._names(domain, SCOPE_FIELDS):
            return []
        return [("scope_association_id", "in", self._reader_scopes().ids)]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        defaults = self._default_domain(domain)
        if defaults:
            domain = expression.AND([domain or [], defaults])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        names = {spec.split(":")[0] for spec in fields}
        wanted = [name for name in self._ratios if name in names]
        extra = [
            f"{part}:sum" for name in wanted for part in self._ratios[name] if part not in names
        ]
        groups = super().read_group(
            domain,
            list(fields) + extra,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        for group in groups:
            for name in wanted:
                numerator, denominator = (group.get(part) for part in self._ratios[name])
                # Empty is False, as Odoo reads an empty value (the pivot shows it blank).
                group[name] = 100.0 * (numerator or 0) / denominator if denominator else False
        return groups
