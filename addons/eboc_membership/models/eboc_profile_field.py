from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize

# The company fields a member may be offered on the portal, and how each is checked:
# what the form posts is text; these turn it into the value written.
PORTAL_FIELD_TYPES = ("char", "integer", "float", "monetary", "many2one")
MAX_CHAR = 256


class EbocProfileField(models.Model):
    """A field of the company profile that members update on the portal, and whether
    a change waits for an officer (employees and turnover drive the dues: they wait)."""

    _name = "eboc.profile.field"
    _description = "Portal Profile Field"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    field_id = fields.Many2one(
        "ir.model.fields",
        required=True,
        ondelete="cascade",
        domain=[
            ("model", "=", "res.partner"),
            ("ttype", "in", PORTAL_FIELD_TYPES),
            ("store", "=", True),
        ],
    )
    name = fields.Char(related="field_id.name", string="Technical Name")
    label = fields.Char(related="field_id.field_description", string="Label")
    needs_approval = fields.Boolean(
        help="A change made on the portal waits for an officer's approval before it applies.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("field_unique", "unique(field_id)", "Each field is offered on the portal once."),
    ]

    @api.constrains("field_id")
    def _check_field_id(self):
        for line in self:
            field = line.field_id
            if field.model != "res.partner" or field.ttype not in PORTAL_FIELD_TYPES:
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be offered on the portal: choose a text, number "
                        "or single-choice field of the company.",
                        field=field.field_description,
                    )
                )
            if field.readonly or field.name in ("name", "parent_id", "company_id", "user_id"):
                # Read-only, or a field that moves the company between owners.
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be changed by members.", field=field.field_description
                    )
                )

    # What the portal posts, turned into values --------------------------------------

    def _current(self, partner):
        """The field's value on ``partner``, as ``_parse`` gives it (an id for a choice)."""
        self.ensure_one()
        value = partner[self.name]
        return value.id if self.field_id.ttype == "many2one" else value

    def _parse(self, partner, text):
        """The value to write for the posted ``text``, or a translated ValidationError."""
        self.ensure_one()
        field = partner._fields[self.name]
        text = (text or "").strip()
        label = self.label
        if len(text) > MAX_CHAR:
            raise ValidationError(
                self.env._("%(field)s: at most %(max)s characters.", field=label, max=MAX_CHAR)
            )
        if field.type == "char":
            if text and self.name == "email" and not email_normalize(text):
                raise ValidationError(
                    self.env._(
                        "%(field)s: %(value)s is not an email address.", field=label, value=text
                    )
                )
            return text or False
        if field.type == "many2one":
            if not text:
                return False
            Comodel = self.env[field.comodel_name].sudo()
            record = Comodel.browse(int(text)).exists() if text.isdigit() else Comodel
            if not record:
                raise ValidationError(
                    self.env._("%(field)s: choose a value from the list.", field=label)
                )
            return record.id
        try:
            value = int(text or 0) if field.type == "integer" else float(text or 0)
        except ValueError:
            raise ValidationError(
                self.env._("%(field)s: %(value)s is not a number.", field=label, value=text)
            ) from None
        if value < 0:
            raise ValidationError(self.env._("%(field)s cannot be negative.", field=label))
        return value

    def _display(self, partner, value):
        """``value`` of this field as a person reads it."""
        self.ensure_one()
        field = partner._fields[self.name]
        if field.type == "many2one":
            return self.env[field.comodel_name].sudo().browse(value).display_name if value else ""
        if value is False or value is None:
            return ""
        if field.type in ("float", "monetary"):
            return f"{value:.2f}".rstrip("0").rstrip(".")
        return str(value)

    def _options(self):
        """(id, name) pairs of a single-choice field, for the portal's select."""
        self.ensure_one()
        field = self.env["res.partner"]._fields[self.name]
        if field.type != "many2one":
            return []
        return [(r.id, r.display_name) for r in self.env[field.comodel_name].sudo().search([])]
