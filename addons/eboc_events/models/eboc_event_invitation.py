from odoo import api, fields, models

INVITATION_STATES = [
    ("invited", "Invited"),
    ("registered", "Registered"),
    ("confirmed", "Confirmed"),
    ("attended", "Attended"),
    ("cancelled", "Cancelled"),
]
# event.registration state -> invitation state
REGISTRATION_TO_INVITATION = {
    "draft": "registered",
    "open": "confirmed",
    "done": "attended",
    "cancel": "cancelled",
}


class EbocEventInvitation(models.Model):
    """An invitation of a company's contact to an event, followed from invited to
    attended through the contact's registration."""

    _name = "eboc.event.invitation"
    _description = "Event Invitation"
    _order = "event_id, company_partner_id, id"
    _rec_name = "partner_id"

    event_id = fields.Many2one("event.event", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(
        "res.partner", string="Invitee", required=True, index=True, ondelete="cascade"
    )
    company_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, string="Company", index=True
    )
    email = fields.Char(related="partner_id.email")
    registration_id = fields.Many2one("event.registration", index="btree_not_null", readonly=True)
    state = fields.Selection(
        INVITATION_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        default="invited",
    )
    date_invited = fields.Datetime("Invited On", default=fields.Datetime.now, readonly=True)

    _sql_constraints = [
        (
            "event_partner_unique",
            "unique(event_id, partner_id)",
            "A contact is invited once to an event.",
        ),
    ]

    @api.depends("registration_id.state")
    def _compute_state(self):
        for invitation in self:
            registration = invitation.registration_id
            invitation.state = REGISTRATION_TO_INVITATION.get(registration.state, "invited")

    @api.model
    def _link_registrations(self, registrations):
        """Attach new registrations to the invitations of their event and person."""
        invitations = self.search(
            [
                ("event_id", "in", registrations.event_id.ids),
                ("partner_id", "in", registrations.partner_id.ids),
                ("registration_id", "=", False),
            ]
        )
        by_key = {(inv.event_id.id, inv.partner_id.id): inv for inv in invitations}
        for registration in registrations:
            invitation = by_key.pop((registration.event_id.id, registration.partner_id.id), None)
            if invitation:
                invitation.registration_id = registration
