from odoo import api, fields, models


class EbocCampaignTarget(models.Model):
    """A company a campaign is for, with its membership status when it was targeted.

    Recruitment and retention count their conversions on these rows, so that a
    prospect who joins still counts although it has left a segment of prospects.
    """

    _name = "eboc.campaign.target"
    _description = "Campaign Target Company"
    _order = "campaign_id, id"
    _rec_name = "partner_id"

    campaign_id = fields.Many2one("eboc.campaign", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(
        "res.partner", string="Target Company", required=True, index=True, ondelete="cascade"
    )
    state_at_start = fields.Selection(
        # In the reader's language: a selection given by a function is not translated
        # by Odoo, so it asks the source field for its translated labels.
        lambda self: (
            self.env["res.partner"]._fields["member_state"]._description_selection(self.env)
        ),
        string="Status When Targeted",
        required=True,
        readonly=True,
        help="The company's membership status in the campaign's association when the "
        "campaign took it on.",
    )
    member_state = fields.Selection(related="partner_id.member_state")
    # Precomputed: a campaign of 20,000 companies inserts its targets whole, instead
    # of inserting them and then updating every row.
    industry_id = fields.Many2one(
        related="partner_id.industry_id", store=True, precompute=True, string="Sector"
    )
    region_id = fields.Many2one(related="partner_id.region_id", store=True, precompute=True)
    size_class_id = fields.Many2one(related="partner_id.size_class_id", store=True, precompute=True)
    association_id = fields.Many2one(
        related="campaign_id.association_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, precompute=True)
    date_converted = fields.Date(
        "Converted On",
        compute="_compute_date_converted",
        store=True,
        precompute=True,
        help="Recruitment: the day the company became an active member during the "
        "campaign. Retention and renewal: the day a lapsed or suspended member became "
        "active again during the campaign.",
    )
    converted = fields.Boolean(compute="_compute_date_converted", store=True, precompute=True)

    _sql_constraints = [
        (
            "campaign_partner_unique",
            "unique(campaign_id, partner_id)",
            "A company is targeted once per campaign.",
        ),
    ]

    @api.depends(
        "state_at_start",
        "campaign_id.campaign_type",
        "campaign_id.date_start",
        "campaign_id.date_end",
        "campaign_id.association_id",
        "partner_id.membership_ids.activation_date",
        "partner_id.membership_ids.association_id",
    )
    def _compute_date_converted(self):
        self.date_converted = False
        Membership = self.env["eboc.membership"].sudo()
        for campaign, targets in self.grouped("campaign_id").items():
            start_states = campaign._get_conversion_start_states()
            candidates = targets.filtered(lambda t, states=start_states: t.state_at_start in states)
            if not candidates or not campaign.date_start:
                continue
            domain = [
                ("partner_id", "in", candidates.partner_id.ids),
                ("association_id", "child_of", campaign.association_id.id),
                ("activation_date", ">=", campaign.date_start),
            ]
            if campaign.date_end:
                domain.append(("activation_date", "<=", campaign.date_end))
            groups = Membership._read_group(domain, ["partner_id"], ["activation_date:min"])
            converted = {partner.id: date for partner, date in groups}
            for target in candidates:
                target.date_converted = converted.get(target.partner_id.id, False)
        for target in self:
            target.converted = bool(target.date_converted)
