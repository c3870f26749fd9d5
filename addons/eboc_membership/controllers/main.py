from odoo import http
from odoo.http import content_disposition, request


class SegmentExport(http.Controller):
    @http.route("/eboc_membership/segment/<int:segment_id>/xlsx", type="http", auth="user")
    def segment_xlsx(self, segment_id):
        segment = request.env["eboc.segment"].browse(segment_id).exists()
        if not segment:
            raise request.not_found()
        segment.check_access("read")
        content = segment._render_xlsx()
        filename = f"{segment.name}.xlsx"
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
