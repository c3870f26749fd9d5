from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

# A field no person sees (hidden by the page's style): robots fill it in.
HONEYPOT = "eboc_company_fax"


class JoinPage(http.Controller):
    """The public Join page: a company applies for membership of an association.
    The work is done by ``eboc.membership.application``; the page only shows it."""

    def _render(self, **values):
        Application = request.env["eboc.membership.application"]
        return request.render(
            "eboc_membership.join_page",
            {**Application._join_options(), "post": {}, "honeypot": HONEYPOT, **values},
        )

    @http.route(
        "/eboc/join", type="http", auth="public", website=True, methods=["GET"], sitemap=True
    )
    def eboc_join(self, association=None, **kw):
        return self._render(post={"association_id": association or ""})

    @http.route("/eboc/join", type="http", auth="public", website=True, methods=["POST"])
    def eboc_join_submit(self, **post):
        if post.get(HONEYPOT):
            # Nothing is created, and nothing tells a robot why.
            return request.render("eboc_membership.join_thanks", {"membership": None})
        try:
            with request.env.cr.savepoint():
                membership = request.env["eboc.membership.application"]._apply(post)
        except ValidationError as error:
            return self._render(post=post, errors=error.args[0].split("\n"))
        return request.render("eboc_membership.join_thanks", {"membership": membership})
