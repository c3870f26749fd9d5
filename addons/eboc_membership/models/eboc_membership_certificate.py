import secrets
from datetime import date

from odoo import fields, models
from odoo.exceptions import UserError

from . import lifecycle


class EbocMembership(models.Model):
    """The membership certificate: a PDF for active members in good standing, with a
    code that anyone holding it can check on the EBMO's website."""

    _inherit = "eboc.membership"

    certificate_code = fields.Char(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Printed on the membership certificate: the certificate is checked at "
        "/eboc/certificate/<code> on the EBMO's website.",
    )

    def _eboc_certificate_refusal(self):
        """Why this membership gets no certificate today, or None. Other addons add
        their conditions (dues paid)."""
        self.ensure_one()
        if self.state != lifecycle.ACTIVE:
            return self.env._(
                "A membership certificate is issued to active members only; this "
                "membership is %(state)s.",
                state=dict(self._fields["state"]._description_selection(self.env))[self.state],
            )
        return None

    def _eboc_certificate_valid_until(self):
        """The end of the current year, or the membership's end when sooner."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        year_end = date(today.year, 12, 31)
        return min(self.date_end, year_end) if self.date_end else year_end

    def _eboc_prepare_certificate(self):
        """Refuse with the reason, or give the memberships their verification codes
        (as superuser: a member's contact prints its own certificate)."""
        for membership in self:
            refusal = membership._eboc_certificate_refusal()
            if refusal:
                raise UserError(refusal)
        for membership in self.sudo().filtered(lambda m: not m.certificate_code):
            membership.certificate_code = secrets.token_urlsafe(12)
        return self

    def action_print_certificate(self):
        self._eboc_prepare_certificate()
        return self.env.ref("eboc_membership.action_report_membership_certificate").report_action(
            self
        )

    def _eboc_certificate_url(self):
        self.ensure_one()
        base = self.get_base_url()
        return f"{base}/eboc/certificate/{self.certificate_code}"

    def _get_report_base_filename(self):
        """The certificate's file name, when downloaded from the portal."""
        self.ensure_one()
        return self.env._(
            "Membership Certificate %(company)s %(association)s",
            company=self.partner_id.name,
            association=self.association_id.name,
        )
