from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.eboc_membership.models import lifecycle

MEMBER_STATUS = [
    ("association", "Member of the Association"),
    ("member", "Member"),
    ("non_member", "Non-member"),
]


class EventRegistration(models.Model):
    _inherit = "event.registration"

    eboc_company_id = fields.Many2one(
        "res.partner",
        string="Attendee Company",
        compute="_compute_eboc_company_id",
        store=True,
        index=True,
    )
    eboc_member_status = fields.Selection(
        MEMBER_STATUS,
        string="Member Status",
        readonly=True,
        help="The company's membership when the registration was made; it sets the price.",
    )
    eboc_currency_id = fields.Many2one(related="event_id.eboc_currency_id")
    eboc_price = fields.Monetary(
        "Price",
        currency_field="eboc_currency_id",
        readonly=True,
        help="Priced by the company's membership status at registration time.",
    )

    eboc_practical_needs = fields.Char(
        "Practical Needs",
        compute="_compute_eboc_practical_needs",
        help="The attendee's answers to the event's practical questions (dietary, access).",
    )
    eboc_feedback_input_id = fields.Many2one(
        "survey.user_input",
        string="Feedback",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The attendee's feedback questionnaire for this event.",
    )
    eboc_feedback_state = fields.Selection(
        related="eboc_feedback_input_id.state", string="Feedback Status"
    )

    @api.depends("registration_answer_ids.question_id.eboc_practical_need")
    def _compute_eboc_practical_needs(self):
        for registration in self:
            answers = registration.registration_answer_ids.filtered(
                lambda answer: answer.question_id.eboc_practical_need
            )
            registration.eboc_practical_needs = "; ".join(
                f"{answer.question_id.title}: {answer.display_name}" for answer in answers
            )

    @api.depends("partner_id.commercial_partner_id")
    def _compute_eboc_company_id(self):
        for registration in self:
            company = registration.partner_id.commercial_partner_id
            registration.eboc_company_id = company if company.is_company else False

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        registrations._eboc_price_by_status()
        self.env["eboc.event.invitation"].sudo()._link_registrations(registrations)
        registrations.filtered(
            lambda r: r.state == "done"
        ).eboc_company_id._eboc_update_engagement()
        return registrations

    def write(self, vals):
        before = self.eboc_company_id if "state" in vals or "partner_id" in vals else None
        result = super().write(vals)
        if before is not None:
            (before | self.eboc_company_id)._eboc_update_engagement()
        return result

    def _eboc_price_by_status(self):
        """Price the registrations by their company's membership, as it is now, in
        the EBMO (Odoo company) that organises the event: a member of another EBMO
        pays the non-member price."""
        for (status, price), registrations in self._eboc_statuses().items():
            registrations.write({"eboc_member_status": status, "eboc_price": price})

    def _eboc_statuses(self):
        """{(member status, price): registrations}: the rule that prices a registration,
        also used to quote the price before registering (on unsaved registrations).
        One membership query and one subtree search per event with an association
        price, none per registration."""
        subtrees = {}
        for event in self.event_id.filtered("eboc_price_association_id"):
            subtrees[event.id] = set(
                self.env["eboc.association"]
                .search([("id", "child_of", event.eboc_price_association_id.id)])
                .ids
            )
        # company -> EBMO -> associations it is a member of
        member_of = defaultdict(lambda: defaultdict(set))
        memberships = (
            self.env["eboc.membership"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.eboc_company_id.ids),
                    ("state", "in", lifecycle.MEMBER_STATES),
                ],
                ["partner_id", "company_id", "association_id"],
            )
        )
        for company, ebmo, association in memberships:
            member_of[company.id][ebmo.id].add(association.id)
        priced = defaultdict(lambda: self.browse())
        for registration in self:
            event = registration.event_id
            by_ebmo = member_of[registration.eboc_company_id.id]
            if event.company_id:
                associations = by_ebmo.get(event.company_id.id, set())
            else:
                associations = set().union(*by_ebmo.values())
            if not associations:
                status = "non_member"
            elif subtrees.get(event.id, set()) & associations:
                status = "association"
            else:
                status = "member"
            priced[status, event._eboc_price_for(status)] |= registration
        return priced
