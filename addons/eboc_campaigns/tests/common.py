from odoo.tests import Form, new_test_user

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase


class EbocCampaignsCase(EbocMembershipCase):
    """Two sectors, two regions and three companies with contacts in roles, a
    communications officer (one of them restricted to the metal association) and a
    questionnaire with a choice and a scale question."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.communication = new_test_user(
            cls.env,
            login="eboc_communication",
            email="communication@federation.example.com",
            groups="base.group_user,eboc_campaigns.group_eboc_communication",
        )
        cls.restricted_communication = new_test_user(
            cls.env,
            login="eboc_communication_metal",
            email="metal.communication@federation.example.com",
            groups="base.group_user,eboc_campaigns.group_eboc_communication",
        )
        cls.restricted_communication.eboc_association_ids = cls.metal
        Industry = cls.env["res.partner.industry"]
        cls.sector_metal = Industry.create({"name": "Test Metalworking"})
        cls.sector_hotel = Industry.create({"name": "Test Accommodation"})
        Region = cls.env["eboc.region"]
        cls.north = Region.create({"name": "Test North"})
        cls.south = Region.create({"name": "Test South"})
        cls.steel.write({"industry_id": cls.sector_metal.id, "region_id": cls.north.id})
        cls.forge.write({"industry_id": cls.sector_metal.id, "region_id": cls.south.id})
        cls.inn.write({"industry_id": cls.sector_hotel.id, "region_id": cls.south.id})
        Partner = cls.env["res.partner"]
        roles_hr = [cls.role_hr.id]
        cls.steel_hr = Partner.create(
            {
                "name": "Hanna Steel",
                "parent_id": cls.steel.id,
                "email": "hanna@steel.example.com",
                "key_role_ids": roles_hr,
            }
        )
        cls.steel_hr_deputy = Partner.create(
            {
                "name": "Hugo Steel",
                "parent_id": cls.steel.id,
                "email": "hugo@steel.example.com",
                "contact_role_ids": roles_hr,
            }
        )
        cls.steel_ceo = Partner.create(
            {
                "name": "Carl Steel",
                "parent_id": cls.steel.id,
                "email": "carl@steel.example.com",
                "key_role_ids": [cls.role_ceo.id],
            }
        )
        cls.forge_hr = Partner.create(
            {
                "name": "Harry Forge",
                "parent_id": cls.forge.id,
                "email": "harry@forge.example.com",
                "key_role_ids": roles_hr,
            }
        )
        cls.forge_no_email = Partner.create(
            {"name": "Nora Forge", "parent_id": cls.forge.id, "contact_role_ids": roles_hr}
        )
        cls.inn_hr = Partner.create(
            {
                "name": "Helen Inn",
                "parent_id": cls.inn.id,
                "email": "helen@inn.example.com",
                "key_role_ids": roles_hr,
            }
        )
        Segment = cls.env["eboc.segment"]
        cls.segment_all = Segment.create(
            {
                "name": "Test: our three companies",
                "domain": repr([("id", "in", (cls.steel | cls.forge | cls.inn).ids)]),
            }
        )
        cls.segment_metal = Segment.create(
            {
                "name": "Test: metalworking companies",
                "domain": repr([("industry_id", "=", cls.sector_metal.id)]),
            }
        )
        cls.survey = cls.env["survey.survey"].create(
            {"title": "Test energy prices", "access_mode": "token"}
        )
        cls.question_choice, cls.question_scale = cls.env["survey.question"].create(
            [
                {
                    "survey_id": cls.survey.id,
                    "title": "Do energy prices threaten your investments?",
                    "question_type": "simple_choice",
                    "sequence": 1,
                    "suggested_answer_ids": [
                        (0, 0, {"value": "Yes", "sequence": 1}),
                        (0, 0, {"value": "No", "sequence": 2}),
                    ],
                },
                {
                    "survey_id": cls.survey.id,
                    "title": "How hard do they hit you?",
                    "question_type": "scale",
                    "sequence": 2,
                    "scale_min": 0,
                    "scale_max": 5,
                },
            ]
        )
        cls.answer_yes, cls.answer_no = cls.question_choice.suggested_answer_ids

    @classmethod
    def _campaign(cls, campaign_type="lobbying", segment=None, association=None, **values):
        return cls.env["eboc.campaign"].create(
            {
                "title": f"Test {campaign_type} campaign",
                "campaign_type": campaign_type,
                "segment_id": (segment or cls.segment_all).id,
                "association_id": (association or cls.federation).id,
                **values,
            }
        )

    @classmethod
    def _invite(cls, campaign):
        """Send the campaign's questionnaire through the invitation wizard."""
        action = campaign.action_send_questionnaire()
        wizard = Form(
            campaign.env[action["res_model"]].with_context(**action["context"]),
            view="survey.survey_invite_view_form",
        ).save()
        wizard.action_invite()
        # As the superuser: nobody else reads the participations of an anonymous
        # campaign.
        return (
            campaign.env["survey.user_input"]
            .sudo()
            .search([("eboc_campaign_id", "=", campaign.id)])
            .with_env(campaign.env)
        )

    @classmethod
    def _answer(cls, user_input, choice, scale):
        """Complete ``user_input`` with a choice and a scale value."""
        user_input.user_input_line_ids = [
            (
                0,
                0,
                {
                    "question_id": cls.question_choice.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": choice.id,
                },
            ),
            (
                0,
                0,
                {
                    "question_id": cls.question_scale.id,
                    "answer_type": "scale",
                    "value_scale": scale,
                },
            ),
        ]
        user_input._mark_done()
