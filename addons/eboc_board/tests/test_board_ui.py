from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestBoardInTheWebClient(HttpCase):
    """Each report of the board's view opens in Chromium, in every view, as an EBMO
    user restricted to one association and as a manager; the recruitment wizard builds
    its segment from the Reporting menu."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        Association = cls.env["eboc.association"]
        cls.federation = Association.create({"name": "Board Tour Federation"})
        cls.local = Association.create({"name": "Board Tour Local", "parent_id": cls.federation.id})
        Region = cls.env["eboc.region"]
        cls.east = Region.create({"name": "Board Tour East"})
        Partner = cls.env["res.partner"]
        values = {
            "is_company": True,
            "employee_count": 5,
            "industry_id": ref("base.res_partner_industry_C").id,
            "region_id": cls.east.id,
        }
        member = Partner.create(dict(values, name="Board Tour Works"))
        unknown = Partner.create(
            dict(values, name="Board Tour Farm", industry_id=ref("base.res_partner_industry_A").id)
        )
        cls.prospect = Partner.create(dict(values, name="Board Tour Prospect"))
        Membership = cls.env["eboc.membership"]
        for partner in (member, unknown):
            Membership.create(
                {
                    "partner_id": partner.id,
                    "association_id": cls.local.id,
                    "state": "active",
                    "date_start": "2021-01-01",
                }
            )
        # A member who left, and a dues period: every report has rows.
        leaver = Partner.create(dict(values, name="Board Tour Leaver"))
        Membership.create(
            {
                "partner_id": leaver.id,
                "association_id": cls.local.id,
                "state": "resigned",
                "date_start": "2021-01-01",
                "date_end": "2022-06-30",
                "leaving_reason_id": ref("eboc_membership.leaving_reason_cost").id,
            }
        )
        cls.env["eboc.dues.period"].create(
            {"name": "Board Tour 2021", "date_from": "2021-01-01", "date_to": "2021-12-31"}
        )
        cls.dataset = cls.env["eboc.statistic.dataset"].create(
            {
                "name": "Board Tour Register",
                "source": "Tour office",
                "year": 2100,  # the latest table: what a search naming none reads
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "industry_id": ref("base.res_partner_industry_C").id,
                            "size_class_id": ref("eboc_membership.size_class_micro").id,
                            "region_id": cls.east.id,
                            "enterprise_count": 40,
                            "persons_employed": 90,
                        },
                    )
                ],
            }
        )
        cls.restricted = new_test_user(
            cls.env,
            login="board_tour_officer",
            groups="base.group_user,eboc_membership.group_eboc_officer",
        )
        cls.restricted.eboc_association_ids = cls.local
        cls.manager = new_test_user(
            cls.env,
            login="board_tour_manager",
            groups="base.group_user,eboc_membership.group_eboc_manager",
        )

    def test_every_report_opens_in_every_view(self):
        actions = [
            "eboc_board.eboc_retention_report_action",
            "eboc_board.eboc_retention_report_action_cohort",
            "eboc_board.eboc_retention_report_action_reason",
            "eboc_board.eboc_density_report_action",
            "eboc_board.eboc_member_value_report_action",
        ]
        for login in ("board_tour_officer", "board_tour_manager"):
            for action in actions:
                with self.subTest(login=login, action=action):
                    self.start_tour(f"/odoo/action-{action}", "eboc_board_report_tour", login=login)

    def test_recruitment_segment_from_the_menu(self):
        self.start_tour(
            "/odoo/action-eboc_board.eboc_recruitment_wizard_action",
            "eboc_board_recruitment_tour",
            login="board_tour_officer",
        )
        segment = self.env["eboc.segment"].search([], order="id desc", limit=1)
        self.assertIn("Board Tour Local", segment.name)
        # The prospect and the former member: not members, in the cell.
        self.assertEqual(
            segment._get_records().mapped("name"), ["Board Tour Leaver", "Board Tour Prospect"]
        )
