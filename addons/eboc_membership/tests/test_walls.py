import io

import openpyxl

from odoo.tests import TransactionCase, new_test_user, tagged

# Models that point to associations without being an association's data, and why.
# Anything else that carries an association must have a wall: a record rule on the
# user's associations (res.users.eboc_association_ids).
NOT_ASSOCIATION_DATA = {
    "eboc.association": "the federation tree itself, which every officer navigates",
    "eboc.fee.rule": "the published dues scale, read by whoever prices a membership",
    "eboc.segment": "saved filters; the records they list keep their own walls",
    "event.event": "an event is open to every association's members; its price "
    "association only sets a price",
    "survey.user_input": "walled by its campaign's association (a global rule of "
    "eboc_campaigns); its own association field is the respondent's",
}
# The groups a restricted officer may hold, of the addons installed.
OFFICER_GROUPS = (
    "base.group_user",
    "base.group_allow_export",
    "eboc_membership.group_eboc_officer",
    "eboc_dues.group_eboc_dues_officer",
    "eboc_campaigns.group_eboc_communication",
    "event.group_event_user",
)


@tagged("post_install", "-at_install")
class TestAssociationWalls(TransactionCase):
    """Generated from the registry, so that a new model cannot be forgotten: every
    model carrying an association's data has a wall, and an officer restricted to
    one association gets nothing of another through search, search_count, read,
    read_group or export_data, on the demo data of every addon installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = [cls.env.ref(xmlid, raise_if_not_found=False) for xmlid in OFFICER_GROUPS]
        cls.metal = cls.env.ref("eboc_membership.association_metal_demo")
        cls.officer = new_test_user(
            cls.env,
            login="eboc_walls_officer",
            groups=",".join(g.get_external_id()[g.id] for g in groups if g),
        )
        cls.officer.eboc_association_ids = cls.metal
        cls.subtree = cls.env["eboc.association"].search([("id", "child_of", cls.metal.id)])

    def _association_models(self):
        """(model, association fields) of every stored model pointing to associations."""
        for name, model in sorted(self.env.registry.items()):
            if model._abstract or model._transient or name in NOT_ASSOCIATION_DATA:
                continue
            fields = [
                field.name
                for field in model._fields.values()
                if field.type == "many2one"
                and field.comodel_name == "eboc.association"
                and field.store
            ]
            if fields:
                yield name, fields

    def test_every_model_with_association_data_has_a_wall(self):
        unwalled = []
        for name, fields in self._association_models():
            rules = self.env["ir.rule"].sudo().search([("model_id.model", "=", name)])
            if not any("eboc_association_ids" in rule.domain_force for rule in rules):
                unwalled.append(f"{name} ({', '.join(fields)})")
        self.assertFalse(unwalled, "association data without a wall on the user's associations")

    def test_a_restricted_officer_gets_nothing_of_another_association(self):
        self.env.flush_all()
        checked = []
        for name, fields in self._association_models():
            field = "association_id" if "association_id" in fields else fields[0]
            outside = [(field, "!=", False), "!", (field, "child_of", self.metal.id)]
            Model = self.env[name].with_user(self.officer)
            if not self.env[name].sudo().search_count(outside) or not Model.has_access("read"):
                continue
            checked.append(name)
            with self.subTest(model=name):
                self.assertFalse(Model.search(outside), "search")
                self.assertEqual(Model.search_count(outside), 0, "search_count")
                groups = Model._read_group([(field, "!=", False)], [field], ["__count"])
                self.assertLessEqual({g.id for g, _count in groups}, set(self.subtree.ids))
                visible = Model.search([], limit=200)
                self.assertLessEqual(set(visible[field].ids), set(self.subtree.ids), "read")
                exported = visible.export_data([f"{field}/id"])["datas"]
                names = {row[0] for row in exported if row[0]}
                allowed = set(self.subtree.get_external_id().values())
                self.assertLessEqual(names, allowed, "export_data")
        # The demo data of the addons holds other associations' records for each of
        # these models: the check above is not empty.
        self.assertIn("eboc.membership", checked)
        if "eboc.dues.line" in self.env:
            self.assertIn("eboc.dues.line", checked)
        if "eboc.campaign" in self.env:
            self.assertIn("eboc.campaign", checked)

    def test_the_segment_xlsx_export_keeps_within_the_officers_associations(self):
        """The XLSX export of a segment of every company, made by the restricted
        officer, names no company that is a member of other associations only."""
        Membership = self.env["eboc.membership"].sudo()
        inside = Membership.search([("association_id", "child_of", self.metal.id)]).partner_id
        outside = Membership.search([]).partner_id - inside
        self.assertTrue(outside, "the demo data has members of other associations")
        segment = (
            self.env["eboc.segment"]
            .sudo()
            .create({"name": "Every company", "domain": "[]"})
            .with_user(self.officer)
        )
        workbook = openpyxl.load_workbook(io.BytesIO(segment._render_xlsx()))
        header = next(workbook.active.iter_rows(max_row=1, values_only=True))
        column = header.index("Company")
        names = {row[column] for row in workbook.active.iter_rows(min_row=2, values_only=True)}
        self.assertTrue(names & set(inside.mapped("name")))
        self.assertFalse(names & set(outside.mapped("name")))
