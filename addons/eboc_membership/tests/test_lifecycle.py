from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestMembershipLifecycle(EbocMembershipCase):
    @users("eboc_officer")
    @freeze_time("2026-03-15")
    def test_join_flow_prospect_applicant_active(self):
        membership = self._membership(self.steel, self.metal).with_user(self.env.user)
        self.assertEqual(membership.state, "prospect")
        self.assertEqual(self.steel.member_state, "prospect")
        membership.action_apply()
        self.assertEqual(membership.state, "applicant")
        membership.action_activate()
        self.assertEqual(membership.state, "active")
        self.assertEqual(str(membership.date_start), "2026-03-15")
        self.assertTrue(self.steel.member_number.startswith("M"))
        self.assertEqual(self.steel.member_state, "active")
        self.assertTrue(self.steel.is_member)
        self.assertEqual(self.steel.member_association_ids, self.metal)

    @users("eboc_officer")
    def test_state_changes_leave_history_in_chatter(self):
        membership = self._membership(self.steel, self.metal)
        self.env.cr.precommit.run()
        # Creating the membership, and each button, is its own transaction in the web
        # client. Tracking is written at commit time, and not for changes made in the
        # transaction that created the record, so run the pre-commit hooks after each step.
        membership.action_apply()
        self.env.cr.precommit.run()
        membership.action_activate()
        self.env.cr.precommit.run()
        membership.invalidate_recordset(["message_ids"])
        tracked = membership.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(sorted(tracked.mapped("new_value_char")), ["Active", "Applicant"], tracked)

    @users("eboc_officer")
    def test_illegal_transitions_are_refused(self):
        membership = self._membership(self.steel, self.metal)
        with self.assertRaisesRegex(UserError, "cannot become Suspended"):
            membership.action_suspend()
        with self.assertRaisesRegex(UserError, "cannot become Active"):
            self._membership(self.forge, self.metal, state="active").action_reinstate()
        self.assertEqual(membership.state, "prospect")

    @users("eboc_officer")
    def test_batch_transition_is_all_or_nothing(self):
        prospect = self._membership(self.steel, self.metal)
        active = self._membership(self.forge, self.metal, state="active", date_start="2025-01-01")
        with self.assertRaises(UserError):
            (prospect | active).action_apply()
        self.assertEqual(prospect.state, "prospect")

    @users("eboc_officer")
    def test_resignation_needs_date_and_reason(self):
        membership = self._membership(
            self.steel, self.metal, state="active", date_start="2025-01-01"
        )
        with self.assertRaisesRegex(UserError, "Reason for Leaving"):
            membership._change_state("resigned", {"date_end": "2026-06-30"})
        with self.assertRaisesRegex(UserError, "End Date"):
            membership._change_state("resigned", {"leaving_reason_id": self.reason_cost.id})
        with self.assertRaises(ValidationError):
            membership.write({"state": "resigned"})
        action = membership.action_resign()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
        wizard.date_end = "2026-06-30"
        wizard.leaving_reason_id = self.reason_cost
        wizard.leaving_note = "Budget cuts after the merger."
        wizard.save().action_confirm()
        self.assertEqual(membership.state, "resigned")
        self.assertEqual(membership.leaving_reason_id, self.reason_cost)
        self.assertEqual(self.steel.member_state, "resigned")
        self.assertFalse(self.steel.is_member)
        self.assertIn("Budget cuts", membership.message_ids[0].body)

    @users("eboc_officer")
    def test_lapse_needs_an_end_date_and_can_rejoin(self):
        membership = self._membership(
            self.steel, self.metal, state="active", date_start="2024-01-01"
        )
        with self.assertRaisesRegex(UserError, "End Date"):
            membership._change_state("lapsed", {})
        membership._change_state("lapsed", {"date_end": "2025-12-31"})
        self.assertEqual(membership.state, "lapsed")
        membership.action_reopen()
        self.assertEqual(membership.state, "applicant")
        self.assertFalse(membership.date_end)

    @users("eboc_officer")
    def test_suspend_and_reinstate(self):
        membership = self._membership(
            self.steel, self.metal, state="active", date_start="2024-01-01"
        )
        membership.action_suspend()
        self.assertEqual(self.steel.member_state, "suspended")
        self.assertTrue(self.steel.is_member, "A suspended member is still a member")
        membership.action_reinstate()
        self.assertEqual(membership.state, "active")

    @users("eboc_officer")
    def test_one_open_membership_per_company_and_association(self):
        self._membership(self.steel, self.metal)
        with self.assertRaisesRegex(ValidationError, "already has an open membership"):
            self._membership(self.steel, self.metal)
        # Another association, or a new membership after an ended one, is fine.
        self._membership(self.steel, self.hotel)
        ended = self._membership(
            self.forge,
            self.metal,
            state="resigned",
            date_start="2020-01-01",
            date_end="2021-01-01",
            leaving_reason_id=self.reason_cost.id,
        )
        self._membership(self.forge, self.metal)
        self.assertEqual(ended.state, "resigned")

    @users("eboc_officer")
    def test_end_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            self._membership(
                self.steel,
                self.metal,
                state="lapsed",
                date_start="2025-01-01",
                date_end="2024-01-01",
            )

    def test_only_companies_hold_memberships(self):
        person = self.env["res.partner"].create({"name": "Ann Person", "parent_id": self.steel.id})
        with self.assertRaises(ValidationError):
            self._membership(person, self.metal)

    @users("eboc_officer")
    def test_company_status_takes_most_engaged_membership_and_is_searched(self):
        self._membership(
            self.steel,
            self.metal,
            state="lapsed",
            date_start="2020-01-01",
            date_end="2022-01-01",
        )
        self._membership(self.steel, self.hotel, state="applicant")
        self.assertEqual(self.steel.member_state, "applicant")
        self._membership(self.steel, self.federation, state="active", date_start="2024-01-01")
        self.assertEqual(self.steel.member_state, "active")
        Partner = self.env["res.partner"]
        both = (self.steel | self.forge).ids
        found = Partner.search([("member_state", "=", "active"), ("id", "in", both)])
        self.assertEqual(found, self.steel)
        found = Partner.search([("member_state", "=", "none"), ("id", "in", both)])
        self.assertEqual(found, self.forge)
        found = Partner.search([("member_state", "!=", "active"), ("id", "in", both)])
        self.assertEqual(found, self.forge)
        found = Partner.search(
            [("member_state", "in", ["applicant", "lapsed"]), ("id", "in", both)]
        )
        self.assertFalse(found, "the most engaged membership makes the status")

    @users("eboc_officer")
    def test_membership_form_as_a_person_would(self):
        form = Form(self.env["eboc.membership"])
        form.partner_id = self.inn
        form.association_id = self.hotel
        form.membership_type_id = self.type_full
        membership = form.save()
        self.assertEqual(membership.state, "prospect")
        self.assertEqual(membership.display_name, "Harbour Test Inn in Test Hospitality Employers")
        self.assertEqual(membership.company_id, self.env.company)


@tagged("post_install", "-at_install")
class TestLifecycleOnEveryPath(EbocMembershipCase):
    """The lifecycle holds on the paths that are not buttons: the kanban's drag and
    drop and a list edit are a ``write``, an import is a ``load``, an API client calls
    ``write`` or ``create`` directly."""

    @users("eboc_officer")
    def test_a_write_cannot_skip_the_lifecycle(self):
        membership = self._membership(self.steel, self.metal)
        with self.assertRaisesRegex(UserError, "cannot become Suspended"):
            membership.write({"state": "suspended"})  # a drag to the Suspended column
        self.assertEqual(membership.state, "prospect")
        self.assertFalse(self.steel.member_number, "no member number for a skipped lifecycle")
        with self.assertRaisesRegex(UserError, "cannot become Lapsed"):
            membership.write({"state": "lapsed", "date_end": "2026-01-31"})
        with self.assertRaisesRegex(UserError, "not a membership state"):
            membership.write({"state": "honorary"})

    @users("eboc_officer")
    @freeze_time("2026-05-04")
    def test_a_drag_to_active_does_what_the_button_does(self):
        membership = self._membership(self.steel, self.metal, state="applicant")
        membership.write({"state": "active"})
        self.assertEqual(str(membership.date_start), "2026-05-04")
        self.assertEqual(str(membership.activation_date), "2026-05-04")
        self.assertTrue(self.steel.member_number)

    @users("eboc_officer")
    def test_ending_by_write_needs_what_the_wizard_asks_for(self):
        membership = self._membership(
            self.steel, self.metal, state="active", date_start="2025-01-01"
        )
        with self.assertRaisesRegex(UserError, "needs"):
            membership.write({"state": "resigned", "date_end": "2026-06-30"})
        membership.write(
            {
                "state": "resigned",
                "date_end": "2026-06-30",
                "leaving_reason_id": self.reason_cost.id,
            }
        )
        # Back as an applicant, by a write: the end of the old membership is cleared.
        membership.write({"state": "applicant"})
        self.assertFalse(membership.date_end)
        self.assertFalse(membership.leaving_reason_id)

    @users("eboc_officer")
    def test_an_import_cannot_skip_the_lifecycle(self):
        membership = self._membership(self.steel, self.metal)
        result = self.env["eboc.membership"].load(
            [".id", "state"], [[str(membership.id), "suspended"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("cannot become Suspended", result["messages"][0]["message"])
        self.assertEqual(membership.state, "prospect")

    @users("eboc_officer")
    @freeze_time("2026-05-04")
    def test_created_in_a_member_state_it_gets_what_activation_sets(self):
        membership = self.env["eboc.membership"].create(
            {
                "partner_id": self.forge.id,
                "association_id": self.metal.id,
                "membership_type_id": self.type_full.id,
                "state": "suspended",
            }
        )
        self.assertEqual(str(membership.date_start), "2026-05-04")
        self.assertEqual(str(membership.activation_date), "2026-05-04")
        self.assertTrue(self.forge.member_number)
