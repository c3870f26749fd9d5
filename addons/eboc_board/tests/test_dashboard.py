import json
import re

from odoo import fields
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.eboc_membership.tests.common import EbocMembershipCase

# The version of o-spreadsheet's data and of Odoo's data in it that Odoo 18 writes
# (CURRENT_VERSION of o_spreadsheet.js, ODOO_VERSION of spreadsheet's migration.js):
# the shipped file loads without migration.
SPREADSHEET_VERSION = 22
ODOO_VERSION = 12

# The filters a source does not follow, on purpose: campaigns have no region, and
# engagement is today's (no period); the members chart draws every year.
UNMATCHED = {
    ("eboc.campaign.report", "Region"),
    ("res.partner", "Period"),
    # Representativeness sets today's members against national statistics.
    ("eboc.density.report", "Period"),
    ("eboc.density.report", "Region"),
}
UNMATCHED_CHARTS = {("Members at the end of each year", "Period")}

PIVOT_CALL = re.compile(r"PIVOT\.(VALUE|HEADER)\(([^()]*)\)")


def _args(text):
    return [arg.strip().strip('"') for arg in text.split(",")] if text else []


@tagged("post_install", "-at_install")
class TestDashboard(EbocMembershipCase):
    """The EBMO dashboard shipped for the Dashboards app: its JSON names real models
    and fields, every source follows the three global filters, and its figures read
    without error for the readers it is published to (and only for them)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref("eboc_board.spreadsheet_dashboard_ebmo")
        cls.data = json.loads(cls.dashboard.spreadsheet_data)
        cls.filters = {flt["label"]: flt for flt in cls.data["globalFilters"]}
        cls.pivots = cls.data["pivots"]
        cls.sheet = cls.data["sheets"][0]
        cls.charts = [
            figure["data"]
            for figure in cls.sheet["figures"]
            if figure["tag"] == "chart" and figure["data"]["type"].startswith("odoo_")
        ]
        # Readers of the EBMO groups only: no Events right is needed.
        cls.board_manager = new_test_user(
            cls.env,
            login="board_manager",
            groups="base.group_user,eboc_membership.group_eboc_manager",
        )
        cls.board_reader = new_test_user(
            cls.env,
            login="board_reader",
            groups="base.group_user,eboc_membership.group_eboc_user",
        )
        cls.board_reader.eboc_association_ids = cls.metal
        cls.plain_reader = new_test_user(
            cls.env,
            login="board_plain_reader",
            groups="base.group_user,eboc_membership.group_eboc_user",
        )
        cls.internal = new_test_user(cls.env, login="board_internal", groups="base.group_user")
        Region = cls.env["eboc.region"]
        cls.north = Region.create({"name": "Board Test North"})
        cls.harbour = Region.create({"name": "Board Test Harbour", "parent_id": cls.north.id})
        cls.steel.region_id = cls.harbour
        cls.inn.region_id = cls.north
        today = fields.Date.today()
        cls._membership(cls.steel, cls.metal, state="active", date_start="2020-03-01")
        cls._membership(
            cls.forge,
            cls.metal_local,
            state="lapsed",
            date_start="2021-01-01",
            date_end=today.replace(month=1, day=1),
            leaving_reason_id=cls.reason_cost.id,
        )
        cls._membership(
            cls.inn, cls.hotel, state="active", date_start=today.replace(month=1, day=1)
        )
        cls.env.flush_all()

    # ------------------------------------------------------------------ helpers

    def _field(self, model, chain):
        """The field at the end of ``chain`` from ``model``; fails on a broken link."""
        field = None
        for name in chain.split("."):
            self.assertIn(name, self.env[model]._fields, f"{model} has no field {name} ({chain})")
            field = self.env[model]._fields[name]
            if field.relational:
                model = field.comodel_name
        return field

    def _sources(self):
        """(name, model, domain, measures, groupbys, field matching) of every pivot
        and Odoo chart."""
        for pivot in self.pivots.values():
            yield (
                f"pivot {pivot['id']} ({pivot['name']})",
                pivot["model"],
                pivot["domain"],
                [measure["fieldName"] for measure in pivot["measures"]],
                [dim["fieldName"] for dim in pivot["rows"] + pivot["columns"]],
                pivot["fieldMatching"],
            )
        for chart in self.charts:
            meta = chart["metaData"]
            yield (
                f"chart {chart['title']['text']}",
                meta["resModel"],
                chart["searchParams"]["domain"],
                [meta["measure"]],
                meta["groupBy"],
                chart["fieldMatching"],
            )

    def _filter_domain(self, matching, values):
        """The domain the dashboard adds for the filter ``values`` ({label: value}):
        relations as child_of (the filters include sub-records), periods as the year
        moved by the matching's offset."""
        domains = []
        for label, value in values.items():
            flt = self.filters[label]
            match = matching.get(flt["id"])
            if not match or not match.get("chain"):
                continue
            chain = match["chain"]
            if flt["type"] == "relation":
                domains.append([(chain, "child_of", value.ids)])
            else:
                year = value + match.get("offset", 0)
                start, end = f"{year}-01-01", f"{year}-12-31"
                if match["type"] == "datetime":
                    start, end = f"{start} 00:00:00", f"{end} 23:59:59"
                domains.append([(chain, ">=", start), (chain, "<=", end)])
        return expression.AND(domains) if domains else []

    def _read_all(self, user, values):
        """Read every source the way the dashboard does (totals, then its groups), as
        ``user`` with the filter ``values``; return {source name: totals}."""
        results = {}
        for name, model, domain, measures, groupbys, matching in self._sources():
            Model = self.env[model].with_user(user)
            full_domain = expression.AND([domain, self._filter_domain(matching, values)])
            with self.subTest(source=name, user=user.login, filters=list(values)):
                totals = Model.read_group(full_domain, measures, [], lazy=False)
                if groupbys:
                    Model.read_group(full_domain, measures, groupbys, lazy=False)
                results[name] = totals[0] if totals else {}
        return results

    def _filter_values(self, association):
        return {
            "Association": association,
            "Period": fields.Date.today().year,
            "Region": self.north,
        }

    # ------------------------------------------------------------------ the record

    def test_dashboard_record(self):
        self.assertEqual(self.dashboard.name, "EBMO")
        self.assertTrue(self.dashboard.is_published)
        group = self.env.ref("eboc_board.spreadsheet_dashboard_group_ebmo")
        self.assertEqual(self.dashboard.dashboard_group_id, group)
        self.assertEqual(group.name, "Membership")
        self.assertEqual(self.dashboard.group_ids, self.env.ref("eboc_membership.group_eboc_user"))
        self.assertEqual(
            self.dashboard.main_data_model_ids.mapped("model"), ["eboc.retention.report"]
        )
        self.assertEqual(self.data["version"], SPREADSHEET_VERSION)
        self.assertEqual(self.data["odooVersion"], ODOO_VERSION)
        self.assertEqual(len(self.data["sheets"]), 1, "One sheet")

    def test_global_filters(self):
        self.assertEqual(list(self.filters), ["Association", "Period", "Region"])
        for label, model in (("Association", "eboc.association"), ("Region", "eboc.region")):
            flt = self.filters[label]
            self.assertEqual(flt["type"], "relation")
            self.assertEqual(flt["modelName"], model)
            self.assertIs(flt["includeChildren"], True, f"{label} includes the ones below")
            self.assertEqual(flt["defaultValue"], [])
        period = self.filters["Period"]
        self.assertEqual(period["type"], "date")
        self.assertEqual(period["rangeType"], "fixedPeriod")
        self.assertEqual(period["defaultValue"], "this_year")

    # ------------------------------------------------------------------ the data

    def test_sources_name_real_fields(self):
        for name, model, domain, measures, groupbys, _matching in self._sources():
            with self.subTest(source=name):
                self.assertIn(model, self.env)
                Model = self.env[model]
                for leaf in domain:
                    if isinstance(leaf, (list, tuple)):
                        self._field(model, leaf[0])
                for measure in measures:
                    if measure == "__count":
                        continue
                    field = self._field(model, measure)
                    self.assertTrue(field.aggregator, f"{model}.{measure} is no measure")
                for groupby in groupbys:
                    fname = groupby.split(":")[0]
                    self._field(model, fname)
                    self.assertTrue(
                        Model.fields_get([fname], ["groupable"])[fname]["groupable"],
                        f"{model}.{fname} cannot be grouped on",
                    )

    def test_every_source_follows_the_filters(self):
        for name, model, _domain, _measures, _groupbys, matching in self._sources():
            for label, flt in self.filters.items():
                with self.subTest(source=name, filter=label):
                    match = matching.get(flt["id"])
                    title = name.split(" ", 1)[1]
                    if (model, label) in UNMATCHED or (title, label) in UNMATCHED_CHARTS:
                        self.assertFalse(match, f"{name} should not follow {label}")
                        continue
                    self.assertTrue(match and match.get("chain"), f"{name} ignores {label}")
                    field = self._field(model, match["chain"])
                    self.assertEqual(field.type, match["type"])
                    if flt["type"] == "relation":
                        self.assertEqual(field.comodel_name, flt["modelName"])
                    else:
                        self.assertIn(field.type, ("date", "datetime"))
                    self.assertIn(match.get("offset", 0), (0, -1))

    def test_previous_period_is_the_same_pivot_a_year_earlier(self):
        current, previous = self.pivots["3"], self.pivots["4"]
        period = self.filters["Period"]["id"]
        self.assertEqual(current["fieldMatching"][period]["offset"], 0)
        self.assertEqual(previous["fieldMatching"][period]["offset"], -1)
        skip = ("fieldMatching", "id", "formulaId", "name")
        self.assertEqual(
            {k: v for k, v in current.items() if k not in skip},
            {k: v for k, v in previous.items() if k not in skip},
        )
        cells = self.sheet["cells"]
        self.assertEqual(
            cells["C6"]["content"],
            '=IFERROR(PIVOT.VALUE(3,"amount_paid")/PIVOT.VALUE(3,"amount_invoiced"),"")',
        )
        self.assertIn("PIVOT.VALUE(4,", cells["D6"]["content"])

    def test_formulas_name_pivot_measures_and_dimensions(self):
        by_formula_id = {pivot["formulaId"]: pivot for pivot in self.pivots.values()}
        calls = 0
        for xc, cell in self.sheet["cells"].items():
            for function, args in PIVOT_CALL.findall(cell.get("content", "")):
                calls += 1
                args = _args(args)
                with self.subTest(cell=xc):
                    self.assertIn(args[0], by_formula_id, f"{xc}: no pivot {args[0]}")
                    pivot = by_formula_id[args[0]]
                    if function == "VALUE":
                        measures = [measure["id"] for measure in pivot["measures"]]
                        self.assertIn(args[1], measures, f"{xc}: no measure {args[1]}")
                        dimensions = args[2:]
                    else:
                        dimensions = args[1:]
                    names = [dim["fieldName"] for dim in pivot["rows"] + pivot["columns"]]
                    for field in dimensions[::2]:
                        self.assertIn(field.lstrip("#").split(":")[0], names, f"{xc}: {field}")
        self.assertGreater(calls, 50)
        contents = " ".join(cell.get("content", "") for cell in self.sheet["cells"].values())
        for pivot in self.pivots.values():
            self.assertIn(f"PIVOT.VALUE({pivot['formulaId']},", contents, pivot["name"])

    # ------------------------------------------------------------------ reading it

    def test_manager_reads_every_figure(self):
        self._read_all(self.board_manager, {})
        self._read_all(self.board_manager, self._filter_values(self.federation))
        figures = self._read_all(
            self.board_manager, {"Association": self.metal, "Period": fields.Date.today().year}
        )
        members = figures["pivot 1 (Members)"]
        self.assertEqual(members["member_at_end"], 1, "steel; forge left")
        self.assertEqual(members["left_count"], 1)
        # Engagement counts the same members (the association's active ones).
        self.assertEqual(figures["pivot 8 (Members by engagement)"]["__count"], 1)

    def test_restricted_reader_reads_every_figure(self):
        self._read_all(self.board_reader, {})
        self._read_all(self.board_reader, self._filter_values(self.metal))
        self._read_all(self.board_reader, {"Association": self.metal_local})

    def test_restricted_reader_without_association_reads_own_scope(self):
        # With no association chosen, the figures are the reader's own associations':
        # the same as choosing them, never the federation's.
        period = {"Period": fields.Date.today().year}
        unfiltered = self._read_all(self.board_reader, period)["pivot 1 (Members)"]
        chosen = self._read_all(self.board_reader, dict(period, Association=self.metal))[
            "pivot 1 (Members)"
        ]
        for measure in ("member_at_end", "joined", "left_count", "__count"):
            self.assertEqual(unfiltered[measure], chosen[measure], measure)
        self.assertEqual(chosen["member_at_end"], 1)

    def test_reader_without_event_rights(self):
        # eboc_events keeps its report, which names the attendees, to event users
        # (test_event_feedback.test_access_per_role): the dashboard reads the board's
        # copy of its figures, which keeps who attended to event users.
        event_pivots = {p["id"] for p in self.pivots.values() if "event" in p["model"]}
        self.assertEqual(event_pivots, {"6"})
        self.assertEqual(self.pivots["6"]["model"], "eboc.board.event.report")
        for name, model, domain, measures, groupbys, _matching in self._sources():
            with self.subTest(source=name):
                self.env[model].with_user(self.plain_reader).read_group(
                    domain, measures, groupbys, lazy=False
                )
        Board = self.env["eboc.board.event.report"].with_user(self.plain_reader)
        self.assertNotIn("partner_id", Board.fields_get())
        self.assertNotIn("registration_id", Board.fields_get())
        event = self.env["event.event"].create(
            {
                "name": "Board test seminar",
                "date_begin": "2031-05-05 08:00:00",
                "date_end": "2031-05-05 12:00:00",
            }
        )
        self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.steel.id, "name": "Steel attendee"}
        )
        self.env.flush_all()
        rows = Board.search([("event_id", "=", event.id)])
        self.assertEqual(rows.mapped("registered"), [1])
        self.assertEqual(rows.attendee_company_id, self.steel)
        with self.assertRaises(AccessError):
            rows.read(["partner_id"])
        with self.assertRaises(AccessError):
            self.env["eboc.event.report"].with_user(self.plain_reader).search([])

    # ------------------------------------------------------------------ who sees it

    def _listed_dashboards(self, user):
        """The dashboards the Dashboards app lists for ``user``, by group: what its
        loader reads (groups with published dashboards, then those it may read), in a
        fresh cache as a request would (one2many values are cached for every user)."""
        self.env.invalidate_all()
        groups = (
            self.env["spreadsheet.dashboard.group"]
            .with_user(user)
            .web_search_read(
                [("published_dashboard_ids", "!=", False)],
                {"name": {}, "published_dashboard_ids": {"fields": {"name": {}}}},
            )["records"]
        )
        return {
            group["name"]: [dashboard["name"] for dashboard in group["published_dashboard_ids"]]
            for group in groups
            if group["published_dashboard_ids"]
        }

    def test_published_to_eboc_users_only(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        for reader in (self.board_reader, self.plain_reader, self.user):
            with self.subTest(reader=reader.login):
                self.assertEqual(
                    Dashboard.with_user(reader).search([("id", "=", self.dashboard.id)]),
                    self.dashboard,
                )
                self.assertEqual(self._listed_dashboards(reader).get("Membership"), ["EBMO"])
                snapshot = self.dashboard.with_user(reader).get_readonly_dashboard()["snapshot"]
                self.assertEqual(snapshot["version"], SPREADSHEET_VERSION)
        self.assertFalse(
            Dashboard.with_user(self.internal).search([("id", "=", self.dashboard.id)])
        )
        self.assertNotIn("Membership", self._listed_dashboards(self.internal))
        with self.assertRaises(AccessError):
            self.dashboard.with_user(self.internal).check_access("read")


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_board_reader_opens_the_ebmo_dashboard(self):
        new_test_user(
            self.env,
            login="board_tour_reader",
            groups="base.group_user,eboc_membership.group_eboc_user",
        )
        # A member of our own, so that the key figures have something to show
        # with or without demo data.
        association = self.env["eboc.association"].create(
            {"name": "Tour Board Employers", "association_type": "federation"}
        )
        company = self.env["res.partner"].create({"name": "Tour Board Works", "is_company": True})
        self.env["eboc.membership"].create(
            {
                "partner_id": company.id,
                "association_id": association.id,
                "state": "active",
                "date_start": "2020-01-01",
            }
        )
        self.start_tour(
            "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
            "eboc_board_dashboard_tour",
            login="board_tour_reader",
        )
