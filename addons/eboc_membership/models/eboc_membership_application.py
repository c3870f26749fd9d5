import re

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, email_normalize

from . import lifecycle

MAX_TEXT = 256
# Text fields of the company the Join form posts, and their labels.
COMPANY_TEXT = ("name", "vat", "company_registry", "street", "zip", "city", "phone", "website")
CONTACT_TEXT = ("contact_name", "contact_function", "contact_phone")


def identifier(value):
    """A VAT or registry number as compared: letters and digits only, upper case."""
    return re.sub(r"[^0-9A-Za-z]", "", value or "").upper()


class EbocMembershipApplication(models.AbstractModel):
    """An application for membership made on the public Join page: the company
    (matched by VAT or registry number rather than duplicated), its contact and an
    applicant membership for the association's manager to review. Everything is
    checked before anything is created; the public user creates nothing itself."""

    _name = "eboc.membership.application"
    _description = "Online Membership Application"

    @api.model
    def _join_options(self):
        """What the Join form offers: associations that accept applications, types,
        countries and sectors (as superuser: the visitor reads nothing itself)."""
        env = self.sudo().env
        return {
            "associations": env["eboc.association"].search([("accepts_applications", "=", True)]),
            "types": env["eboc.membership.type"].search([]),
            "countries": env["res.country"].search([]),
            "industries": env["res.partner.industry"].search([]),
        }

    @api.model
    def _check(self, post):
        """The application's values, or a ValidationError listing every problem."""
        _ = self.env._
        errors = []
        options = self._join_options()
        labels = {
            "name": _("Company name"),
            "vat": _("VAT number"),
            "company_registry": _("Registry number"),
            "street": _("Street"),
            "zip": _("Zip"),
            "city": _("City"),
            "phone": _("Phone"),
            "website": _("Website"),
            "contact_name": _("Contact person"),
            "contact_function": _("Function"),
            "contact_phone": _("Contact phone"),
        }
        text = {key: (post.get(key) or "").strip() for key in (*COMPANY_TEXT, *CONTACT_TEXT)}
        for key, value in text.items():
            if len(value) > MAX_TEXT:
                errors.append(
                    _("%(field)s: at most %(max)s characters.", field=labels[key], max=MAX_TEXT)
                )
        if not text["name"]:
            errors.append(_("Give your company's name."))
        if not text["contact_name"]:
            errors.append(_("Give the name of the contact person."))
        email = email_normalize(post.get("email") or "")
        if not email:
            errors.append(_("Give a valid email address for the contact person."))
        if not (text["vat"] or text["company_registry"]):
            errors.append(_("Give your company's VAT or registry number."))

        def pick(records, key, label, required=False):
            raw = str(post.get(key) or "")
            record = records.filtered(lambda r: str(r.id) == raw)
            if (raw or required) and not record:
                errors.append(_("%(field)s: choose a value from the list.", field=label))
            return record

        association = pick(options["associations"], "association_id", _("Association"), True)
        membership_type = pick(options["types"], "membership_type_id", _("Membership type"), True)
        country = pick(options["countries"], "country_id", _("Country"))
        industry = pick(options["industries"], "industry_id", _("Sector"))
        employees = (post.get("employee_count") or "0").strip()
        if not employees.isdigit():
            errors.append(_("Employees: give a whole number, 0 or more."))
        if errors:
            raise ValidationError("\n".join(errors))
        return {
            **text,
            "email": email,
            "association": association,
            "membership_type": membership_type,
            "country": country,
            "industry": industry,
            "employee_count": int(employees),
        }

    @api.model
    def _apply(self, post):
        """Record the application; return the applicant membership."""
        values = self._check(post)
        env = self.sudo().env
        company = self._match_company(values)
        association = values["association"]
        if company and env["eboc.membership"].search_count(
            [
                ("partner_id", "=", company.id),
                ("association_id", "=", association.id),
                ("state", "in", lifecycle.OPEN_STATES),
            ]
        ):
            raise ValidationError(
                self.env._(
                    "%(company)s already has a membership of %(association)s: please contact "
                    "the association.",
                    company=company.name,
                    association=association.name,
                )
            )
        company_values = {
            "name": values["name"],
            "vat": values["vat"] or False,
            "company_registry": values["company_registry"] or False,
            "street": values["street"] or False,
            "zip": values["zip"] or False,
            "city": values["city"] or False,
            "country_id": values["country"].id,
            "phone": values["phone"] or False,
            "website": values["website"] or False,
            "industry_id": values["industry"].id,
            "employee_count": values["employee_count"],
        }
        if company:
            # Staff's data stays: what the applicant says is kept in the chatter.
            company.message_post(body=self._summary(company_values, values))
        else:
            company = env["res.partner"].create({**company_values, "is_company": True})
        contact = company.child_ids.filtered(lambda c: c.email_normalized == values["email"])[:1]
        if not contact:
            contact = env["res.partner"].create(
                {
                    "name": values["contact_name"],
                    "parent_id": company.id,
                    "type": "contact",
                    "email": values["email"],
                    "function": values["contact_function"] or False,
                    "phone": values["contact_phone"] or False,
                }
            )
        membership = env["eboc.membership"].create(
            {
                "partner_id": company.id,
                "association_id": association.id,
                "membership_type_id": values["membership_type"].id,
                "state": lifecycle.APPLICANT,
                "date_join": fields.Date.context_today(self),
            }
        )
        membership.message_post(
            body=self.env._(
                "Applied online on the Join page by %(name)s (%(email)s).",
                name=values["contact_name"],
                email=values["email"],
            )
        )
        if association.manager_id:
            membership.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=association.manager_id.id,
                summary=self.env._("Review the online application"),
            )
        template = env.ref("eboc_membership.mail_template_application_received")
        template.send_mail(membership.id, email_values={"email_to": values["email"]})
        return membership

    @api.model
    def _match_company(self, values):
        """An existing company with the same VAT or registry number, or nothing.
        The SQL compares as ``identifier`` does (letters and digits, upper case);
        the tests match numbers typed with and without spaces, dots and dashes."""
        Partner = self.sudo().env["res.partner"]
        for field in ("vat", "company_registry"):
            wanted = identifier(values[field])
            if not wanted:
                continue
            self.env.cr.execute(
                SQL(
                    """SELECT id FROM res_partner
                        WHERE is_company AND active
                          AND upper(regexp_replace(%s, '[^0-9A-Za-z]', '', 'g')) = %s
                     ORDER BY id LIMIT 1""",
                    SQL.identifier(field),
                    wanted,
                )
            )
            row = self.env.cr.fetchone()
            if row:
                return Partner.browse(row[0])
        return Partner

    def _summary(self, company_values, values):
        lines = [
            self.env._(
                "Online application for %(association)s:", association=values["association"].name
            )
        ]
        shown = {"country_id": values["country"].name, "industry_id": values["industry"].name}
        fields_ = self.env["res.partner"]._fields
        for key, value in company_values.items():
            if value:
                label = fields_[key]._description_string(self.env)
                lines.append(f"{label}: {shown.get(key, value)}")
        return Markup("<br/>").join(lines)
