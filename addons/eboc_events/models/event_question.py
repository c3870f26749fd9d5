from odoo import fields, models


class EventQuestion(models.Model):
    _inherit = "event.question"

    eboc_practical_need = fields.Boolean(
        "Practical Need",
        help="Answers to this question (dietary requirements, access needs) are summed up "
        "on the event for the organisers and shown on each attendee.",
    )
