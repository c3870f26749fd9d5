import json

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

FROZEN = {
    "partner_id",
    "requested_by_id",
    "profile_field_id",
    "old_display",
    "new_display",
    "new_value",
}


class EbocProfileChange(models.Model):
    """A change a member's contact asked for on the portal, waiting for an officer.
    Approving writes it on the company as the officer, so their rights apply and the
    company's chatter keeps the trail; refusing says why to nobody but the chatter."""

    _name = "eboc.profile.change"
    _description = "Profile Change Request"
    _order = "create_date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Company",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    requested_by_id = fields.Many2one(
        "res.partner", required=True, readonly=True, ondelete="restrict"
    )
    profile_field_id = fields.Many2one(
        "eboc.profile.field", required=True, readonly=True, ondelete="cascade"
    )
    old_display = fields.Char("Current Value", readonly=True)
    new_display = fields.Char("Requested Value", readonly=True)
    new_value = fields.Char(readonly=True, help="The value to write, as JSON.")
    state = fields.Selection(
        [("pending", "Waiting for Approval"), ("applied", "Applied"), ("refused", "Refused")],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True)
    date_reviewed = fields.Datetime("Reviewed On", readonly=True)

    @api.model
    def _request(self, company, person, changes):
        """Record ``changes`` ({profile field: parsed value}) asked by ``person``.
        Superuser: portal contacts have no access to requests, the controller has
        checked the person's right on its own company before calling this."""
        return self.sudo().create(
            [
                {
                    "partner_id": company.id,
                    "requested_by_id": person.id,
                    "profile_field_id": line.id,
                    "old_display": line._display(company, line._current(company)),
                    "new_display": line._display(company, value),
                    "new_value": json.dumps(value),
                }
                for line, value in changes.items()
            ]
        )

    def action_approve(self):
        self._check_pending()
        for change in self:
            field = change.profile_field_id
            change.partner_id.write({field.name: json.loads(change.new_value)})
            change.partner_id.message_post(
                body=self.env._(
                    "%(field)s changed from “%(old)s” to “%(new)s”, as %(person)s asked on "
                    "the member portal; approved by %(officer)s.",
                    field=field.label,
                    old=change.old_display or "-",
                    new=change.new_display or "-",
                    person=change.requested_by_id.name,
                    officer=self.env.user.name,
                )
            )
        self._reviewed("applied")
        return True

    def action_refuse(self):
        self._check_pending()
        for change in self:
            change.partner_id.message_post(
                body=self.env._(
                    "%(person)s asked on the member portal to change %(field)s to “%(new)s”: "
                    "refused by %(officer)s.",
                    person=change.requested_by_id.name,
                    field=change.profile_field_id.label,
                    new=change.new_display or "-",
                    officer=self.env.user.name,
                )
            )
        self._reviewed("refused")
        return True

    def _reviewed(self, state):
        self.write(
            {"state": state, "reviewed_by_id": self.env.uid, "date_reviewed": fields.Datetime.now()}
        )

    def write(self, vals):
        # What was asked and by whom is the request's record: only its review changes.
        if FROZEN & set(vals) and not self.env.su:
            raise UserError(
                self.env._("A change request keeps what was asked: approve or refuse it.")
            )
        return super().write(vals)

    def _check_pending(self):
        done = self.filtered(lambda change: change.state != "pending")
        if done:
            raise UserError(
                self.env._(
                    "%(company)s: this change was already reviewed.",
                    company=done[0].partner_id.display_name,
                )
            )

    @api.model
    def _submit(self, company, person, posted):
        """Apply what ``person`` posted on the portal for ``company``: fields that
        apply at once are written (as superuser: portal users write no company) with a
        trail in the chatter, the others become requests for an officer. Everything
        is checked before anything is written, so bad input changes nothing.

        :param person: the portal user's contact; it must hold the right to edit
        :param posted: {field name: text} as the form posts it
        :return: (names of the fields applied, requests created)
        """
        company = company.sudo()
        if person.commercial_partner_id != company or not person.contact_role_ids._grants(
            "edits_profile"
        ):
            raise AccessError(self.env._("You may not change this company's profile."))
        changes = {}
        errors = []
        for line in self.env["eboc.profile.field"].sudo().search([]):
            if line.name not in posted:
                continue
            try:
                value = line._parse(company, posted[line.name])
            except ValidationError as error:
                errors.append(error.args[0])
                continue
            if (line._current(company) or False) != (value or False):
                changes[line] = value
        if errors:
            raise ValidationError("\n".join(errors))
        at_once = {line: value for line, value in changes.items() if not line.needs_approval}
        waiting = {line: value for line, value in changes.items() if line.needs_approval}
        if at_once:
            trail = [
                self.env._(
                    "%(field)s: “%(old)s” → “%(new)s”",
                    field=line.label,
                    old=line._display(company, line._current(company)) or "-",
                    new=line._display(company, value) or "-",
                )
                for line, value in at_once.items()
            ]
            company.write({line.name: value for line, value in at_once.items()})
            company.message_post(
                body=self.env._("Updated by %(person)s on the member portal:", person=person.name)
                + Markup("<br/>")
                + Markup("<br/>").join(trail)
            )
        requests = self._request(company, person, waiting) if waiting else self.browse()
        return [line.name for line in at_once], requests
