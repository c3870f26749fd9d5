from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.eboc_service_record import CHANNELS


class EbocServiceReport(models.Model):
    """Services given, by type, sector, region, size class and staff member, with the
    time spent and the satisfaction the members reported (unrated services are left
    out of the average, not counted as zero)."""

    _name = "eboc.service.report"
    _description = "Services Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "service_type_id"

    date = fields.Datetime(readonly=True)
    service_type_id = fields.Many2one("eboc.service.type", readonly=True)
    category = fields.Selection(
        related="service_type_id.category", readonly=True, string="Service Category"
    )
    channel = fields.Selection(CHANNELS, readonly=True)
    user_id = fields.Many2one("res.users", string="Staff Member", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Served Company", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", string="Sector", readonly=True)
    region_id = fields.Many2one("eboc.region", readonly=True)
    size_class_id = fields.Many2one("eboc.size.class", readonly=True)
    is_member = fields.Boolean("Member at the Time", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    duration = fields.Float("Time Spent (Hours)", readonly=True)
    rated = fields.Integer("Rated Services", readonly=True)
    satisfaction = fields.Float(
        "Satisfaction (1-5)", readonly=True, aggregator="avg", digits=(3, 2)
    )

    def _query(self):
        return SQL(
            """
            SELECT r.id, r.date, r.service_type_id, r.channel, r.user_id, r.partner_id,
                   r.industry_id, r.region_id, r.size_class_id, r.is_member, r.company_id,
                   r.duration,
                   CASE WHEN r.satisfaction IS NULL THEN 0 ELSE 1 END AS rated,
                   r.satisfaction::float8 AS satisfaction
              FROM eboc_service_record r
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
