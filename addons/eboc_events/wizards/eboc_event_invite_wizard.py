from odoo import api, fields, models
from odoo.exceptions import UserError


class EbocEventInviteWizard(models.TransientModel):
    """Invite the key contacts of a segment's companies, by role, to an event."""

    _name = "eboc.event.invite.wizard"
    _description = "Invite a Segment to an Event"

    event_id = fields.Many2one("event.event", required=True)
    segment_id = fields.Many2one("eboc.segment", required=True, domain=[("target", "=", "company")])
    role_ids = fields.Many2many(
        "eboc.contact.role",
        string="Key Contacts for",
        help="Invite the companies' key contacts for these roles; leave empty for every "
        "key contact.",
    )
    send_email = fields.Boolean("Email the Invitations", default=True)
    template_id = fields.Many2one(
        "mail.template",
        domain=[("model", "=", "eboc.event.invitation")],
        default=lambda self: self.env.ref(
            "eboc_events.mail_template_event_invitation", raise_if_not_found=False
        ),
    )
    invitee_count = fields.Integer("New Invitations", compute="_compute_invitees")

    @api.depends("segment_id", "role_ids", "event_id")
    def _compute_invitees(self):
        for wizard in self:
            wizard.invitee_count = len(wizard._get_invitees())

    def _get_invitees(self):
        """Key contacts (for the roles) of the segment's companies, not yet invited."""
        self.ensure_one()
        if not self.segment_id or not self.event_id:
            return self.env["res.partner"]
        companies = self.segment_id._get_records()
        domain = [
            ("parent_id", "in", companies.ids),
            ("key_role_ids", "!=", False),
            ("email", "!=", False),
        ]
        if self.role_ids:
            domain.append(("key_role_ids", "in", self.role_ids.ids))
        contacts = self.env["res.partner"].search(domain)
        invited = self.env["eboc.event.invitation"].search(
            [("event_id", "=", self.event_id._origin.id), ("partner_id", "in", contacts.ids)]
        )
        return contacts - invited.partner_id

    def action_invite(self):
        self.ensure_one()
        contacts = self._get_invitees()
        if not contacts:
            raise UserError(
                self.env._("Nobody new to invite: check the segment, the roles and the emails.")
            )
        invitations = self.env["eboc.event.invitation"].create(
            [{"event_id": self.event_id.id, "partner_id": contact.id} for contact in contacts]
        )
        if self.send_email and self.template_id:
            self.env["mail.compose.message"].create(
                {
                    "composition_mode": "mass_mail",
                    "force_send": False,
                    "model": invitations._name,
                    "res_ids": invitations.ids,
                    "template_id": self.template_id.id,
                }
            )._action_send_mail()
        return self.event_id.action_open_eboc_invitations()
