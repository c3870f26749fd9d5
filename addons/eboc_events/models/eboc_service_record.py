from odoo import api, fields, models
from odoo.exceptions import ValidationError

CHANNELS = [
    ("phone", "Phone"),
    ("email", "Email"),
    ("visit", "Visit"),
    ("meeting", "Meeting"),
    ("web", "Web"),
    ("event", "Event"),
]
SATISFACTION = [
    ("1", "Very dissatisfied"),
    ("2", "Dissatisfied"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very satisfied"),
]


class EbocServiceRecord(models.Model):
    """A service given to a company: a call to the legal desk, a training seat, a
    certificate of origin. Logged by staff from the company in a few clicks."""

    _name = "eboc.service.record"
    _description = "Service Record"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char("Subject", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Served Company",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    contact_id = fields.Many2one(
        "res.partner",
        domain="[('parent_id', '=', partner_id), ('is_company', '=', False)]",
        help="The person of the company who asked for the service.",
    )
    service_type_id = fields.Many2one(
        "eboc.service.type", required=True, index=True, tracking=True, check_company=True
    )
    category = fields.Selection(related="service_type_id.category", store=True)
    channel = fields.Selection(CHANNELS, required=True, default="phone")
    user_id = fields.Many2one(
        "res.users",
        string="Staff Member",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    duration = fields.Float(help="Time spent, in hours.")
    description = fields.Html()
    outcome = fields.Text()
    satisfaction = fields.Selection(SATISFACTION, help="How satisfied the member said it was.")
    is_member = fields.Boolean(
        "Member at the Time",
        readonly=True,
        help="Whether the company was a member when the service was given.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # The company's profile, stored for the workload and service reports.
    industry_id = fields.Many2one(related="partner_id.industry_id", store=True, string="Sector")
    region_id = fields.Many2one(related="partner_id.region_id", store=True)
    size_class_id = fields.Many2one(related="partner_id.size_class_id", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        # "Member at the time" of the EBMO giving the service, whatever the officer
        # logging it may read: one query for the whole batch.
        partner_ids = {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        members = {
            (membership.partner_id.id, membership.company_id.id)
            for membership in self.env["eboc.membership"]
            .sudo()
            .search([("partner_id", "in", list(partner_ids)), ("is_member", "=", True)])
        }
        for vals in vals_list:
            company_id = vals.get("company_id") or self.env.company.id
            vals.setdefault("is_member", (vals.get("partner_id"), company_id) in members)
        records = super().create(vals_list)
        records.partner_id._eboc_update_engagement()
        return records

    def write(self, vals):
        engaged = ("partner_id", "date", "service_type_id")
        before = self.partner_id if any(field in vals for field in engaged) else None
        result = super().write(vals)
        if before is not None:
            (before | self.partner_id)._eboc_update_engagement()
        return result

    def unlink(self):
        partners = self.partner_id
        result = super().unlink()
        partners._eboc_update_engagement()
        return result

    @api.constrains("partner_id", "contact_id")
    def _check_contact(self):
        for record in self:
            if record.contact_id and record.contact_id.commercial_partner_id != record.partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s does not work for %(company)s.",
                        contact=record.contact_id.name,
                        company=record.partner_id.name,
                    )
                )

    @api.constrains("duration")
    def _check_duration(self):
        if any(record.duration < 0 for record in self):
            raise ValidationError(self.env._("The time spent on a service cannot be negative."))

    @api.onchange("contact_id")
    def _onchange_contact_id(self):
        if self.contact_id and not self.partner_id:
            self.partner_id = self.contact_id.commercial_partner_id
