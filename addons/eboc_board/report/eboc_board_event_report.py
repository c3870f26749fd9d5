from odoo import fields, models


class EbocBoardEventReport(models.Model):
    """Event attendance as the board reads it: the figures of ``eboc.event.report``
    (same statement, one rule in one place) without who attended.

    ``eboc_events`` keeps its report, which names every attendee, to event users; the
    board's dashboard is for every EBMO user, who already sees on a company's form how
    many events it attended. This model lends them the counts and rates per event and
    company, and keeps the attendee and the registration to event users.
    """

    _name = "eboc.board.event.report"
    _inherit = "eboc.event.report"
    _description = "Event Attendance for the Board"
    _auto = False
    _log_access = False

    partner_id = fields.Many2one(groups="event.group_event_user")
    registration_id = fields.Many2one(groups="event.group_event_user")
