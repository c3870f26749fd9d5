from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    eboc_opt_out = fields.Boolean(
        "Opted Out of Campaigns",
        tracking=True,
        copy=False,
        help="The contact asked not to receive campaign mailings and questionnaires. "
        "Blacklisted email addresses never receive them either.",
    )
    eboc_opt_out_date = fields.Datetime("Opted Out On", readonly=True, copy=False)
    eboc_opt_out_source = fields.Selection(
        [
            ("link", "Unsubscribe Link"),
            ("staff", "Asked Staff"),
            ("import", "Import"),
            ("portal", "Member Portal"),
        ],
        string="Opt-out Source",
        readonly=True,
        copy=False,
        tracking=True,
    )
    eboc_opt_out_mailing_id = fields.Many2one(
        "mailing.mailing",
        string="Opted Out From",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The campaign mailing whose unsubscribe link the contact followed.",
    )

    @api.model
    def _eboc_get_reachable_domain(self):
        """Return the domain of the contacts a campaign may write to."""
        return [
            ("email_normalized", "!=", False),
            ("is_blacklisted", "=", False),
            ("eboc_opt_out", "=", False),
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("eboc_opt_out"):
                vals.update(self._eboc_opt_out_vals(vals))
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("eboc_opt_out"):
            # Record when and how each contact opted out, once: the first time.
            opting_out = self.filtered(lambda p: not p.eboc_opt_out)
            if self - opting_out:
                super(ResPartner, self - opting_out).write(vals)
            if opting_out:
                super(ResPartner, opting_out).write({**vals, **self._eboc_opt_out_vals(vals)})
            return True
        if "eboc_opt_out" in vals:
            vals = {
                **vals,
                "eboc_opt_out_date": False,
                "eboc_opt_out_source": False,
                "eboc_opt_out_mailing_id": False,
            }
        return super().write(vals)

    def _eboc_opt_out_vals(self, vals):
        """Return the date and source recorded with an opt-out given in ``vals``."""
        source = vals.get("eboc_opt_out_source") or (
            "import" if self.env.context.get("import_file") else "staff"
        )
        return {
            "eboc_opt_out_date": vals.get("eboc_opt_out_date") or fields.Datetime.now(),
            "eboc_opt_out_source": source,
        }

    def _eboc_opt_out_from_mailing(self, mailing):
        """Record that these contacts followed the unsubscribe link of ``mailing``."""
        self.filtered(lambda p: not p.eboc_opt_out).write(
            {
                "eboc_opt_out": True,
                "eboc_opt_out_source": "link",
                "eboc_opt_out_mailing_id": mailing.id,
            }
        )
