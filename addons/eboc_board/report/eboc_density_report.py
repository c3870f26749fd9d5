from odoo import api, fields, models, tools
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.eboc_membership.models import lifecycle

# The fields through which a domain names the table(s) of statistics it reads.
DATASET_FIELDS = ("dataset_id", "year", "line_id", "id")


class EbocDensityReport(models.Model):
    """Representativeness: member companies and their employees against all enterprises
    and all persons employed, per cell of a table of reference statistics and per scope.

    A row is a cell (sector, size class, region) of a table for one scope (an
    association with the ones below it; a company member of two of them counts once).
    Members no cell of the table covers (a sector the source leaves out, no sector on
    the company) have rows of their own with no statistics: their density is unknown,
    never zero. Densities are ratios of sums, computed again for every group (see
    :meth:`read_group`), so a sector's density is its members over its enterprises and
    not an average of its cells' densities.

    Members are today's (active and suspended memberships); the statistics are those of
    the table's year, which the report shows with its source.
    """

    _name = "eboc.density.report"
    _inherit = ["eboc.scoped.report"]
    _description = "Representativeness"
    _auto = False
    _order = "dataset_id, scope_association_id, industry_id, size_class_id, region_id"
    _rec_name = "industry_id"
    # Densities of a group are its members with statistics over its enterprises (its
    # persons employed): unknown when the group has no statistics at all.
    _ratios = {
        "company_density": ("member_count_known", "enterprise_count"),
        "employee_density": ("member_employees_known", "persons_employed"),
    }

    dataset_id = fields.Many2one("eboc.statistic.dataset", string="Statistics", readonly=True)
    year = fields.Integer("Statistics Year", readonly=True, aggregator=None)
    line_id = fields.Many2one("eboc.statistic.line", string="Figure", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", string="Sector", readonly=True)
    size_class_id = fields.Many2one("eboc.size.class", readonly=True)
    region_id = fields.Many2one("eboc.region", readonly=True)
    coverage = fields.Selection(
        [("known", "Statistics Available"), ("unknown", "No Statistics")],
        readonly=True,
        help="No Statistics: members the table has no figure for; their density is unknown.",
    )
    member_count = fields.Integer("Member Companies", readonly=True)
    member_employees = fields.Integer("Employees of Members", readonly=True)
    member_count_known = fields.Integer("Members with Statistics", readonly=True)
    member_employees_known = fields.Integer("Employees of Members with Statistics", readonly=True)
    enterprise_count = fields.Integer("Enterprises", readonly=True)
    persons_employed = fields.Integer(readonly=True)
    non_member_count = fields.Integer(
        "Enterprises Not Members",
        readonly=True,
        help="Enterprises of the cell that are not (yet) members: the recruitment potential.",
    )
    company_density = fields.Float(
        "Density by Companies (%)",
        readonly=True,
        digits=(5, 1),
        help="Member companies out of all enterprises. Empty when the statistics have "
        "no figure: unknown, not zero.",
    )
    employee_density = fields.Float(
        "Density by Employees (%)",
        readonly=True,
        digits=(5, 1),
        help="Employees of member companies out of all persons employed. Empty when "
        "the statistics have no figure.",
    )

    def _query(self):
        return SQL(
            """
            WITH base AS MATERIALIZED (
                -- today's memberships with their company's profile: read once
                SELECT m.association_id, partner.id AS partner_id, partner.industry_id,
                       partner.size_class_id, partner.region_id,
                       COALESCE(partner.employee_count, 0) AS employees
                  FROM eboc_membership AS m
                  JOIN res_partner AS partner ON partner.id = m.partner_id
                 WHERE m.state IN %(member_states)s
            ), member AS NOT MATERIALIZED (
                -- per scope: the membership's association and those above it, joined
                -- by equality, which the planner estimates (starts_with() made it
                -- expect 1 association in 35: 219 members instead of 39,417)
                SELECT DISTINCT scope.id AS scope_association_id,
                       scope.parent_id IS NULL AS scope_is_top, scope.company_id,
                       base.partner_id, base.industry_id, base.size_class_id,
                       base.region_id, base.employees
                  FROM base
                  JOIN eboc_association AS own ON own.id = base.association_id
                  CROSS JOIN LATERAL UNNEST(
                       string_to_array(rtrim(own.parent_path, '/'), '/')::int[]) AS above
                  JOIN eboc_association AS scope ON scope.id = above
            ), cell AS NOT MATERIALIZED (
                -- inlined: the filter on the table reaches eboc_statistic_line and its
                -- statistics (a CTE is guessed at 1 row, and the cells were then
                -- joined to "matched" in a nested loop that aggregated it 504 times)
                SELECT line.*, dataset.company_id AS dataset_company_id
                  FROM eboc_statistic_line AS line
                  JOIN eboc_statistic_dataset AS dataset
                    ON dataset.id = line.dataset_id AND dataset.active
            ), profile AS MATERIALIZED (
                -- the few distinct (sector, size, region) the members have
                SELECT DISTINCT industry_id, size_class_id, region_id FROM base
            ), profile_cell AS MATERIALIZED (
                -- the cell of each table a profile falls in (cells never overlap): the
                -- cell keyed by one of its sector's ancestors (or none: all sectors),
                -- its size (or none) and one of its region's ancestors (or none)
                SELECT ARRAY[COALESCE(profile.industry_id, 0),
                             COALESCE(profile.size_class_id, 0),
                             COALESCE(profile.region_id, 0)] AS profile_key,
                       cell.id AS line_id, cell.dataset_id
                  FROM profile
             LEFT JOIN res_partner_industry AS sector ON sector.id = profile.industry_id
             LEFT JOIN eboc_region AS region ON region.id = profile.region_id
                 CROSS JOIN LATERAL UNNEST(
                       string_to_array(rtrim(sector.parent_path, '/'), '/')::int[] || 0
                       ) AS sector_key
                 CROSS JOIN LATERAL UNNEST(
                       CASE WHEN profile.size_class_id IS NULL THEN ARRAY[0]
                            ELSE ARRAY[profile.size_class_id, 0] END
                       ) AS size_key
                 CROSS JOIN LATERAL UNNEST(
                       string_to_array(rtrim(region.parent_path, '/'), '/')::int[] || 0
                       ) AS region_key
                  JOIN cell ON COALESCE(cell.industry_id, 0) = sector_key
                           AND COALESCE(cell.size_class_id, 0) = size_key
                           AND COALESCE(cell.region_id, 0) = region_key
            ), profile_line AS MATERIALIZED (
                -- every profile for every table, with its cell or none (NULL): by
                -- aggregation, not NOT EXISTS, whose anti-join PostgreSQL misjudges
                -- into a nested loop over every member and every cell
                SELECT found.profile_key, found.dataset_id, MAX(found.line_id) AS line_id
                  FROM (SELECT profile_key, dataset_id, line_id FROM profile_cell
                        UNION ALL
                        SELECT ARRAY[COALESCE(profile.industry_id, 0),
                                     COALESCE(profile.size_class_id, 0),
                                     COALESCE(profile.region_id, 0)],
                               dataset.id, NULL
                          FROM profile
                         CROSS JOIN eboc_statistic_dataset AS dataset
                         WHERE dataset.active) AS found
              GROUP BY found.profile_key, found.dataset_id
            ), matched AS (
                SELECT profile_line.line_id, member.scope_association_id,
                       COUNT(*) AS members, SUM(member.employees) AS employees
                  FROM member
                  JOIN profile_line
                    ON profile_line.profile_key = ARRAY[COALESCE(member.industry_id, 0),
                                                        COALESCE(member.size_class_id, 0),
                                                        COALESCE(member.region_id, 0)]
                 WHERE profile_line.line_id IS NOT NULL
              GROUP BY profile_line.line_id, member.scope_association_id
            )
            SELECT cell.id::bigint * 10000 + scope.id AS id,
                   cell.dataset_id, cell.year, cell.id AS line_id,
                   scope.id AS scope_association_id,
                   scope.parent_id IS NULL AS scope_is_top, scope.company_id,
                   cell.industry_id, cell.size_class_id, cell.region_id,
                   'known' AS coverage,
                   COALESCE(matched.members, 0) AS member_count,
                   COALESCE(matched.employees, 0) AS member_employees,
                   COALESCE(matched.members, 0) AS member_count_known,
                   COALESCE(matched.employees, 0) AS member_employees_known,
                   cell.enterprise_count, cell.persons_employed,
                   GREATEST(cell.enterprise_count - COALESCE(matched.members, 0), 0)
                       AS non_member_count,
                   CASE WHEN cell.enterprise_count > 0
                        THEN 100.0 * COALESCE(matched.members, 0) / cell.enterprise_count
                   END AS company_density,
                   CASE WHEN cell.persons_employed > 0
                        THEN 100.0 * COALESCE(matched.employees, 0) / cell.persons_employed
                   END AS employee_density
              FROM cell
              JOIN eboc_association AS scope
                ON cell.dataset_company_id IS NULL OR cell.dataset_company_id = scope.company_id
         LEFT JOIN matched
                ON matched.line_id = cell.id AND matched.scope_association_id = scope.id
             WHERE scope.active
            UNION ALL
            SELECT -- no cell: one row per sector, size and region the members have
                   -(MIN(member.partner_id)::bigint * 10000 + member.scope_association_id)
                       * 1000 - mod(dataset.id, 1000) AS id,
                   dataset.id, dataset.year, NULL,
                   member.scope_association_id, member.scope_is_top, member.company_id,
                   member.industry_id, member.size_class_id, member.region_id,
                   'unknown', COUNT(*), SUM(member.employees), 0, 0,
                   NULL, NULL, NULL, NULL, NULL
              FROM member
              JOIN profile_line
                ON profile_line.profile_key = ARRAY[COALESCE(member.industry_id, 0),
                                                    COALESCE(member.size_class_id, 0),
                                                    COALESCE(member.region_id, 0)]
               AND profile_line.line_id IS NULL
              JOIN eboc_statistic_dataset AS dataset
                ON dataset.id = profile_line.dataset_id
               AND (dataset.company_id IS NULL OR dataset.company_id = member.company_id)
          GROUP BY dataset.id, dataset.year, member.scope_association_id,
                   member.scope_is_top, member.company_id, member.industry_id,
                   member.size_class_id, member.region_id
            """,
            member_states=lifecycle.MEMBER_STATES,
        )

    @api.model
    def _default_domain(self, domain):
        # Two tables never add up: a search that names none reads the latest one, so
        # that the menu and the dashboard show one table's densities.
        defaults = super()._default_domain(domain)
        if self._names(domain, DATASET_FIELDS):
            return defaults
        latest = self.env["eboc.statistic.dataset"].search([], order="year desc, id desc", limit=1)
        return expression.AND([defaults, [("dataset_id", "=", latest.id)]])

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
