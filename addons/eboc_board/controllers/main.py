from odoo import http
from odoo.http import content_disposition, request


class DensityExport(http.Controller):
    @http.route("/eboc_board/density/<int:dataset_id>/xlsx", type="http", auth="user")
    def density_xlsx(self, dataset_id, association=None):
        dataset = request.env["eboc.statistic.dataset"].browse(dataset_id).exists()
        if not dataset:
            raise request.not_found()
        dataset.check_access("read")
        scopes = request.env["eboc.association"]
        if association:
            # Only an association whose figures the reader may read: not even the name
            # of another one goes into a workbook.
            readable = scopes.search(
                [("id", "child_of", request.env["eboc.density.report"]._reader_scopes().ids)]
            )
            scopes = readable.filtered(lambda scope: str(scope.id) == association)
            if not scopes:
                raise request.not_found()
        content = dataset._render_density_xlsx(scopes)
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(f"{dataset.display_name}.xlsx")),
            ],
        )
