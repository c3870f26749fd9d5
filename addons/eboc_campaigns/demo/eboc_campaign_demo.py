from datetime import timedelta

from odoo import Command, api, fields, models


class EbocCampaignsDemo(models.AbstractModel):
    """The demo's campaign story, played by demo/eboc_campaign_demo.xml through
    Odoo's own actions: kept here, out of the business models."""

    _name = "eboc.campaigns.demo"
    _description = "EBMO Campaigns: Demo Story"

    @api.model
    def _generate(self):
        """Demo data: the energy survey running for a month and answered by five key
        contacts in eight, a recruitment drive that has won three prospects, a win-back
        campaign with one member back, and an HR helpline promotion done last quarter.
        Deterministic, so the demo tells the same story each time."""
        today = fields.Date.context_today(self)
        energy = self.env.ref("eboc_campaigns.eboc_campaign_energy_demo")
        recruitment = self.env.ref("eboc_campaigns.eboc_campaign_recruitment_demo")
        winback = self.env.ref("eboc_campaigns.eboc_campaign_winback_demo")
        helpline = self.env.ref("eboc_campaigns.eboc_campaign_hr_helpline_demo")
        for campaign, days in ((energy, 30), (recruitment, 45), (winback, 20), (helpline, 120)):
            campaign.date_start = today - timedelta(days=days)
            campaign.action_start()
        helpline.date_end = today - timedelta(days=60)
        helpline.action_done()

        self._answers(energy)
        self._mailing(recruitment, "Why employers join the federation", today - timedelta(days=40))
        self._mailing(helpline, "Your new HR helpline", today - timedelta(days=110))

        # Three prospects join, one former member comes back.
        Membership = self.env["eboc.membership"]
        joining = Membership.search(
            [
                ("partner_id", "in", recruitment.target_ids.partner_id.ids),
                ("state", "in", ("prospect", "applicant")),
            ],
            order="id",
            limit=3,
        )
        joining.action_activate()
        returning = Membership.search(
            [("partner_id", "in", winback.target_ids.partner_id.ids), ("state", "=", "lapsed")],
            order="id",
            limit=1,
        )
        returning.action_reopen()
        returning.action_activate()

    def _mailing(self, campaign, subject, sent_on):
        """Demo data: a campaign mailing already sent, with believable traces."""
        campaign.ensure_one()
        recipients = campaign._get_recipients().sorted("id")
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": subject,
                "body_html": f"<p>{subject}</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "eboc_campaign_id": campaign.id,
                "campaign_id": campaign.utm_campaign_id.id,
                "user_id": campaign.user_id.id,
                "state": "done",
                "sent_date": fields.Datetime.to_datetime(sent_on),
            }
        )
        sent = fields.Datetime.to_datetime(sent_on)
        vals_list = []
        for index, partner in enumerate(recipients):
            status = ("open", "sent", "open", "reply", "sent", "open", "bounce", "sent")[index % 8]
            vals = {
                "mass_mailing_id": mailing.id,
                "model": "res.partner",
                "res_id": partner.id,
                "email": partner.email_normalized,
                "trace_status": status,
                "sent_datetime": sent,
            }
            if status in ("open", "reply"):
                vals["open_datetime"] = sent + timedelta(hours=index % 30)
            if status == "reply":
                vals["reply_datetime"] = sent + timedelta(days=1)
            if index % 8 in (0, 3):
                vals["links_click_datetime"] = sent + timedelta(hours=2 + index % 30)
            if status == "bounce":
                vals.update(sent_datetime=False, failure_type="mail_bounce")
            vals_list.append(vals)
        self.env["mailing.trace"].create(vals_list)
        return mailing

    def _answers(self, campaign):
        """Demo data: the questionnaire sent to every contact of the campaign, and
        answered by five in eight, with answers that differ by sector and size."""
        campaign.ensure_one()
        survey = campaign.survey_id
        costs, ask, threat, comment = survey.question_ids.sorted("sequence")
        recipients = campaign._get_recipients().sorted("id")
        answers = self.env["survey.user_input"]
        for partner in recipients:
            answers |= survey._create_answer(
                partner=partner, check_attempts=False, eboc_campaign_id=campaign.id
            )
        campaign.invited_partner_ids = recipients
        for index, answer in enumerate(answers):
            # Contacts with a portal login answer on the portal themselves (the
            # portal's "member" finds the questionnaire open there).
            if index % 8 >= 5 or answer.partner_id.user_ids:
                continue
            company = answer.partner_id.commercial_partner_id
            section = (company.industry_id.parent_id or company.industry_id).code
            heavy = section in ("B", "C", "D", "H") or company.size_class_id.code == "LARGE"
            # Energy-intensive and large companies are hit hardest and want grid
            # charges capped; the others ask for lower taxes or efficiency grants.
            if heavy:
                cost_choice = 1 if index % 7 == 3 else 0
                ask_choice = 2 if index % 4 == 0 else 0
            else:
                cost_choice = 3 if index % 11 == 10 else 2 if index % 5 == 4 else 1
                ask_choice = 3 if index % 3 == 0 else 1
            lines = [
                {
                    "question_id": costs.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": costs.suggested_answer_ids.sorted("sequence")[
                        cost_choice
                    ].id,
                },
                {
                    "question_id": ask.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": ask.suggested_answer_ids.sorted("sequence")[
                        ask_choice
                    ].id,
                },
                {
                    "question_id": threat.id,
                    "answer_type": "scale",
                    "value_scale": max(1, min(5, (4 if heavy else 2) + index % 3 - 1)),
                },
            ]
            if index % 6 == 0:
                lines.append(
                    {
                        "question_id": comment.id,
                        "answer_type": "text_box",
                        "value_text_box": "Grid charges now cost us more than the energy itself.",
                    }
                )
            answer.user_input_line_ids = [Command.create(vals) for vals in lines]
            answer._mark_done()
