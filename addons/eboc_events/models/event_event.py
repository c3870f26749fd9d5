from odoo import fields, models

from .eboc_event_invitation import INVITATION_STATES


class EventEvent(models.Model):
    _inherit = "event.event"

    eboc_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Price Currency"
    )
    eboc_price_member = fields.Monetary(
        "Member Price",
        currency_field="eboc_currency_id",
        help="Price of a registration for a company with an active or suspended membership.",
    )
    eboc_price_non_member = fields.Monetary(
        "Non-member Price",
        currency_field="eboc_currency_id",
        help="Price of a registration for anyone else.",
    )
    eboc_price_association_id = fields.Many2one(
        "eboc.association",
        string="Own Price for Members of",
        help="Members of this association (and of those below it) pay their own price.",
    )
    eboc_price_association = fields.Monetary("Their Price", currency_field="eboc_currency_id")

    eboc_invitation_ids = fields.One2many("eboc.event.invitation", "event_id", string="Invitations")
    eboc_invited_count = fields.Integer("Invited", compute="_compute_eboc_invitation_counts")
    eboc_invitation_summary = fields.Char(
        "Invitations by Status", compute="_compute_eboc_invitation_counts"
    )

    def _compute_eboc_invitation_counts(self):
        groups = self.env["eboc.event.invitation"]._read_group(
            [("event_id", "in", self.ids)], ["event_id", "state"], ["__count"]
        )
        Invitation = self.env["eboc.event.invitation"]
        labels = dict(Invitation._fields["state"]._description_selection(self.env))
        counts = {}
        for event, state, count in groups:
            counts.setdefault(event.id, {})[state] = count
        for event in self:
            by_state = counts.get(event.id, {})
            event.eboc_invited_count = sum(by_state.values())
            event.eboc_invitation_summary = ", ".join(
                f"{labels[state]} {by_state[state]}"
                for state, _label in INVITATION_STATES
                if by_state.get(state)
            )

    def action_open_eboc_invitations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "eboc_events.eboc_event_invitation_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {"default_event_id": self.id}
        return action

    def action_eboc_invite_segment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invite a Segment"),
            "res_model": "eboc.event.invite.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.id},
        }

    def _eboc_price_for(self, status):
        """The price of a registration with the member status ``status``."""
        self.ensure_one()
        return {
            "association": self.eboc_price_association,
            "member": self.eboc_price_member,
        }.get(status, self.eboc_price_non_member)
