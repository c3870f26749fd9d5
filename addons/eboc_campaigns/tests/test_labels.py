from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSelectionLabelsTranslate(TransactionCase):
    """Selections whose labels come from a function (the analysis's campaign type
    and stage, a target's status when targeted) show in the reader's language, as
    the web client asks for them through ``fields_get``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ("eboc_membership", "eboc_campaigns"))]
        )._update_translations(["fr_FR"])

    def _labels(self, model, field):
        description = self.env[model].with_context(lang="fr_FR").fields_get([field])
        return dict(description[field]["selection"])

    def test_function_selections_are_in_the_readers_language(self):
        self.assertEqual(
            self._labels("eboc.campaign", "campaign_type")["recruitment"], "Recrutement"
        )
        self.assertEqual(
            self._labels("eboc.campaign.report", "campaign_type")["recruitment"], "Recrutement"
        )
        self.assertEqual(self._labels("eboc.campaign.report", "state")["running"], "En cours")
        english = dict(
            self.env["res.partner"].fields_get(["member_state"])["member_state"]["selection"]
        )
        self.assertNotEqual(
            self._labels("eboc.campaign.target", "state_at_start")["active"], english["active"]
        )
        self.assertEqual(
            self._labels("eboc.campaign.target", "state_at_start")["active"],
            self._labels("res.partner", "member_state")["active"],
        )
