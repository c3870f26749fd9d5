from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase


@tagged("post_install", "-at_install")
class TestEventInvitation(EbocMembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_user = new_test_user(
            cls.env,
            login="eboc_event_user",
            groups="base.group_user,event.group_event_user,eboc_membership.group_eboc_user",
        )
        Partner = cls.env["res.partner"]
        for company in (cls.steel, cls.forge, cls.inn):
            company.industry_id = cls.env.ref("base.res_partner_industry_C")
        cls.inn.industry_id = cls.env.ref("base.res_partner_industry_I")

        def contact(name, company, roles, email=True):
            return Partner.create(
                {
                    "name": name,
                    "parent_id": company.id,
                    "email": f"{name.split()[0].lower()}@example.com" if email else False,
                    "contact_role_ids": [(6, 0, roles.ids)],
                    "key_role_ids": [(6, 0, roles.ids)],
                }
            )

        cls.steel_hr = contact("Hanna Steel", cls.steel, cls.role_hr)
        cls.steel_ceo = contact("Carl Steel", cls.steel, cls.role_ceo)
        cls.forge_hr = contact("Harry Forge", cls.forge, cls.role_hr)
        cls.forge_hr_no_mail = contact("Nomail Forge", cls.forge, cls.env["eboc.contact.role"])
        cls.inn_hr = contact("Helen Inn", cls.inn, cls.role_hr)
        cls.segment = cls.env["eboc.segment"].create(
            {
                "name": "Manufacturing",
                "target": "company",
                "domain": "[('industry_id', 'child_of', %d), ('id', 'in', %s)]"
                % (cls.env.ref("base.res_partner_industry_C").id, (cls.steel | cls.forge).ids),
            }
        )
        start = datetime.now() + timedelta(days=20)
        cls.event = cls.env["event.event"].create(
            {"name": "HR Day", "date_begin": start, "date_end": start + timedelta(hours=4)}
        )

    def _invite(self, roles=None, user=None):
        env = self.env(user=user) if user else self.env
        action = self.event.with_env(env).action_eboc_invite_segment()
        wizard_form = Form(env[action["res_model"]].with_context(**action["context"]))
        wizard_form.segment_id = self.segment
        for role in roles or ():
            wizard_form.role_ids.add(role)
        wizard = wizard_form.save()
        return wizard, wizard.action_invite()

    def test_invite_the_hr_managers_of_a_segment(self):
        wizard, action = self._invite(self.role_hr, user=self.event_user)
        invitations = self.event.eboc_invitation_ids
        self.assertEqual(invitations.partner_id, self.steel_hr | self.forge_hr)
        self.assertEqual(set(invitations.mapped("state")), {"invited"})
        self.assertEqual(invitations.company_partner_id, self.steel | self.forge)
        self.assertEqual(action["domain"], [("event_id", "=", self.event.id)])
        mails = self.env["mail.mail"].search(
            [("model", "=", "eboc.event.invitation"), ("res_id", "in", invitations.ids)]
        )
        self.assertEqual(len(mails), 2)
        self.assertIn("HR Day", mails[0].subject)
        # Inviting again adds nobody twice.
        with self.assertRaises(UserError):
            self._invite(self.role_hr)
        self._invite()  # every key contact: the CEO is new
        self.assertEqual(
            self.event.eboc_invitation_ids.partner_id,
            self.steel_hr | self.forge_hr | self.steel_ceo,
        )
        self.assertEqual(self.event.eboc_invited_count, 3)

    def test_invitation_follows_the_registration(self):
        self._invite(self.role_hr)
        invitation = self.event.eboc_invitation_ids.filtered(
            lambda inv: inv.partner_id == self.steel_hr
        )
        registration = self.env["event.registration"].create(
            {"event_id": self.event.id, "partner_id": self.steel_hr.id}
        )
        self.assertEqual(invitation.registration_id, registration)
        self.assertEqual(invitation.state, "confirmed")
        registration.action_set_done()
        self.assertEqual(invitation.state, "attended")
        self.assertIn("Attended 1", self.event.eboc_invitation_summary)
        self.assertIn("Invited 1", self.event.eboc_invitation_summary)

    def test_only_event_users_invite(self):
        with self.assertRaises(AccessError):
            self._invite(self.role_hr, user=self.user)
        self.assertFalse(self.event.eboc_invitation_ids)
