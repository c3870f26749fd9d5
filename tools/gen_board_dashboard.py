"""Write the EBMO dashboard of eboc_board: addons/eboc_board/data/files/ebmo_dashboard.json.

The dashboard is o-spreadsheet data (version 22, what Odoo 18 writes); editing the
layout by hand in that JSON is error-prone, so change this script and run it:

    python3 tools/gen_board_dashboard.py

eboc_board's test_dashboard checks every pivot, chart, filter and formula it writes.
"""

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "addons/eboc_board/data/files/ebmo_dashboard.json"

# Global filters
F_ASSOC = "6f1c2a0e-3b7d-4e52-9a41-0c5e8b7d2a11"
F_PERIOD = "a83d5f27-91c4-4b0e-8e6a-2f4d7c1b9e22"
F_REGION = "c2e94b18-5d6a-4f3c-b7e1-8a0f3d6c5b33"

COLS = [250, 120, 120, 120, 20, 250, 120, 120]  # A..H, E is a gutter
COL_LETTERS = "ABCDEFGH"

rows = {}  # 0-based row index -> size
cells = {}
styles_map = {}
formats_map = {}
borders_map = {}
merges = []
cond_formats = []
figures = []

# ---------------------------------------------------------------- styles
STYLES = {
    "title": {"textColor": "#01666b", "bold": True, "fontSize": 16, "verticalAlign": "bottom"},
    "note": {
        "textColor": "#8c8c8c",
        "italic": True,
        "fontSize": 9,
        "align": "right",
        "verticalAlign": "bottom",
    },
    "head": {"textColor": "#434343", "bold": True, "fontSize": 11, "verticalAlign": "middle"},
    "head_r": {
        "textColor": "#434343",
        "bold": True,
        "fontSize": 11,
        "align": "right",
        "verticalAlign": "middle",
    },
    "label": {"textColor": "#434343", "verticalAlign": "middle"},
    "value": {"textColor": "#434343", "verticalAlign": "middle"},
    "total": {"textColor": "#434343", "bold": True, "verticalAlign": "middle"},
    "kpi_label": {
        "textColor": "#434343",
        "bold": True,
        "fontSize": 10,
        "align": "center",
        "verticalAlign": "bottom",
        "fillColor": "#EFF6F6",
    },
    "kpi_value": {
        "textColor": "#01666b",
        "bold": True,
        "fontSize": 18,
        "align": "center",
        "verticalAlign": "middle",
        "fillColor": "#EFF6F6",
    },
    "kpi_hint": {
        "textColor": "#8c8c8c",
        "fontSize": 9,
        "align": "center",
        "verticalAlign": "top",
        "fillColor": "#EFF6F6",
    },
    "light_green": {"textColor": "#2E7D32", "bold": True, "verticalAlign": "middle"},
    "light_amber": {"textColor": "#B26A00", "bold": True, "verticalAlign": "middle"},
    "light_red": {"textColor": "#C62828", "bold": True, "verticalAlign": "middle"},
    "light_grey": {"textColor": "#757575", "bold": True, "verticalAlign": "middle"},
}
FORMATS = {
    "int": "#,##0",
    "signed": "+#,##0;-#,##0;0",
    "pct": "0.0%",
    # The reports give rates in percent (0-100): shown as they are, so that no
    # division hides an empty rate as 0%, and the cell stays one clickable value.
    "rate": '0.0"%"',
    "pct0": "0%",
    "hours": "#,##0.0",
    "score": '0.00" / 5"',
}
BORDERS = {
    "under": {"bottom": {"style": "thin", "color": "#CCCCCC"}},
    "over": {"top": {"style": "thin", "color": "#CCCCCC"}},
    "card": {
        "left": {"style": "thick", "color": "#FFFFFF"},
        "right": {"style": "thick", "color": "#FFFFFF"},
    },
}
style_ids = {name: str(i + 1) for i, name in enumerate(STYLES)}
format_ids = {name: str(i + 1) for i, name in enumerate(FORMATS)}
border_ids = {name: str(i + 1) for i, name in enumerate(BORDERS)}


def set_cell(xc, content, style=None, fmt=None, border=None):
    if content is not None:
        cells[xc] = {"content": content}
    if style:
        styles_map[xc] = style_ids[style]
    if fmt:
        formats_map[xc] = format_ids[fmt]
    if border:
        borders_map[xc] = border_ids[border]


def t(text):
    return '=_t("%s")' % text


def pv(pivot, measure, *args):
    parts = [str(pivot), '"%s"' % measure] + [
        '"%s"' % a if not isinstance(a, int) else str(a) for a in args
    ]
    return "PIVOT.VALUE(%s)" % ",".join(parts)


def ph(pivot, *args):
    parts = [str(pivot)] + ['"%s"' % a if not isinstance(a, int) else str(a) for a in args]
    return "PIVOT.HEADER(%s)" % ",".join(parts)


def row_size(row, size):
    rows[str(row - 1)] = {"size": size}


def section(row, title, note=None):
    row_size(row, 40)
    set_cell(f"A{row}", t(title), "title")
    for col in "ABCDEFGH":
        borders_map[f"{col}{row}"] = border_ids["under"]
    if note:
        merges.append(f"F{row}:H{row}")
        set_cell(f"F{row}", t(note), "note")


def header(row, labels):
    """labels: {col: (text, right_aligned)}"""
    row_size(row, 29)
    for col, (text, right) in labels.items():
        set_cell(f"{col}{row}", t(text) if text else None, "head_r" if right else "head")


def body_rows(first, last, size=26):
    for r in range(first, last + 1):
        row_size(r, size)


def total_row(row, cols):
    row_size(row, 29)
    for col in cols:
        borders_map[f"{col}{row}"] = border_ids["over"]


def y_of(row):
    """Top pixel of a 1-based row."""
    return sum(rows.get(str(r), {"size": 23})["size"] for r in range(row - 1))


def x_of(col):
    return sum(COLS[: COL_LETTERS.index(col)])


def height_of(first, last):
    return y_of(last + 1) - y_of(first)


def width_of(first, last):
    return x_of(last) + COLS[COL_LETTERS.index(last)] - x_of(first)


# ---------------------------------------------------------------- field matching
def fm(assoc=None, assoc_type="many2one", period=None, period_type="date", offset=0, region=None):
    matching = {}
    if assoc:
        matching[F_ASSOC] = {"chain": assoc, "type": assoc_type}
    if period:
        matching[F_PERIOD] = {"chain": period, "type": period_type, "offset": offset}
    if region:
        matching[F_REGION] = {"chain": region, "type": "many2one"}
    return matching


FM_MEMBERS = fm("association_id", period="date", region="region_id")
FM_DUES = fm("association_id", period="invoice_date", region="region_id")
FM_DUES_PREV = fm("association_id", period="invoice_date", offset=-1, region="region_id")
FM_SERVICES = fm(
    "partner_id.membership_ids.association_id",
    period="date",
    period_type="datetime",
    region="region_id",
)
FM_EVENTS = fm(
    "attendee_company_id.membership_ids.association_id",
    period="date_begin",
    period_type="datetime",
    region="region_id",
)
FM_CAMPAIGNS = fm("association_id", period="date_start")  # no region on campaigns
FM_ENGAGEMENT = fm("member_association_ids", assoc_type="many2many", region="region_id")  # "now"
FM_MEMBERS_TREND = fm("association_id", region="region_id")  # every year: no period

# Representativeness reads the latest table of statistics (none named): national
# figures, not by period or region.
FM_DENSITY = fm("association_id")
DENSITY = ["member_count", "enterprise_count", "company_density", "employee_density"]

ENGAGED_MEMBERS = [["is_company", "=", True], ["is_member", "=", True]]


def measure(name):
    return {"id": name, "fieldName": name}


def pivot(pid, name, model, domain, measures, rows_=(), matching=None, sort=None):
    return {
        "type": "ODOO",
        "fieldMatching": matching or {},
        "context": {},
        "domain": domain,
        "id": str(pid),
        "measures": [measure(m) for m in measures],
        "model": model,
        "name": name,
        "sortedColumn": {"groupId": [[], []], "measure": sort, "order": "desc"} if sort else None,
        "formulaId": str(pid),
        "columns": [],
        "rows": [{"fieldName": r} for r in rows_],
    }


PIVOTS = [
    pivot(
        1,
        "Members",
        "eboc.retention.report",
        [],
        [
            "member_at_start",
            "joined",
            "left_count",
            "retained",
            "member_at_end",
            "net_change",
            "retention_rate",
        ],
        matching=FM_MEMBERS,
    ),
    pivot(
        2,
        "Members who left, by reason",
        "eboc.retention.report",
        [["left_count", ">", 0]],
        ["left_count"],
        ["leaving_reason_id"],
        FM_MEMBERS,
        sort="left_count",
    ),
    pivot(
        3,
        "Dues of the period",
        "eboc.dues.line",
        [["move_state", "=", "posted"]],
        ["amount_invoiced", "amount_paid", "amount_residual"],
        ["light"],
        FM_DUES,
    ),
    pivot(
        4,
        "Dues of the previous period",
        "eboc.dues.line",
        [["move_state", "=", "posted"]],
        ["amount_invoiced", "amount_paid", "amount_residual"],
        ["light"],
        FM_DUES_PREV,
    ),
    pivot(
        5,
        "Services by type",
        "eboc.service.report",
        [],
        ["__count", "duration", "satisfaction"],
        ["service_type_id"],
        FM_SERVICES,
        sort="__count",
    ),
    pivot(
        6,
        "Events",
        "eboc.board.event.report",
        [],
        ["registered", "attended", "attendance_rate", "satisfaction"],
        ["event_id"],
        FM_EVENTS,
        sort="registered",
    ),
    pivot(
        7,
        "Campaigns by type",
        "eboc.campaign.report",
        [],
        ["__count", "invited_count", "answered_count", "response_rate", "conversion_count"],
        ["campaign_type"],
        FM_CAMPAIGNS,
    ),
    pivot(
        8,
        "Members by engagement",
        "res.partner",
        ENGAGED_MEMBERS,
        ["__count"],
        ["engagement_level"],
        FM_ENGAGEMENT,
    ),
    pivot(
        9,
        "Members at risk",
        "res.partner",
        ENGAGED_MEMBERS + [["engagement_at_risk", "=", True]],
        ["__count"],
        (),
        FM_ENGAGEMENT,
    ),
    pivot(
        10,
        "Representativeness by sector",
        "eboc.density.report",
        [],
        DENSITY,
        ["industry_id"],
        FM_DENSITY,
        sort="member_count",
    ),
    pivot(
        11,
        "Representativeness by size class",
        "eboc.density.report",
        [],
        DENSITY,
        ["size_class_id"],
        FM_DENSITY,
    ),
    pivot(
        12,
        "Statistics",
        "eboc.density.report",
        [],
        ["enterprise_count"],
        ["dataset_id"],
        FM_DENSITY,
    ),
]
for p in PIVOTS:
    if p["sortedColumn"] is None:
        del p["sortedColumn"]

# ---------------------------------------------------------------- key figures
section(1, "Key figures", "For the period, association and region chosen above")
KPIS = [
    (
        2,
        [
            # Year-end counts do not add up over years: no count when the period is cleared.
            (
                "A",
                "Members",
                '=IF(ODOO.FILTER.VALUE("Period")="",_t("Choose a year"),%s)'
                % pv(1, "member_at_end"),
                "int",
                "at the end of the period",
            ),
            ("B", "Joined", "=" + pv(1, "joined"), "int", "new members"),
            ("C", "Left", "=" + pv(1, "left_count"), "int", "members who left"),
            ("D", "Net growth", "=" + pv(1, "net_change"), "signed", "joined minus left"),
            (
                "F",
                "Retention rate",
                "=" + pv(1, "retention_rate"),
                "rate",
                "of the members at the start",
            ),
            ("G", "Members at risk", "=" + pv(9, "__count"), "int", "no recent interaction"),
            (
                "H",
                "Highly engaged",
                "=" + pv(8, "__count", "engagement_level", "3") + "+0",
                "int",
                "members, today",
            ),
        ],
    ),
    (
        5,
        [
            (
                "A",
                "Dues invoiced",
                "=FORMAT.LARGE.NUMBER(" + pv(3, "amount_invoiced") + ")",
                None,
                "posted dues invoices",
            ),
            (
                "B",
                "Dues collected",
                "=FORMAT.LARGE.NUMBER(" + pv(3, "amount_paid") + ")",
                None,
                "paid so far",
            ),
            (
                "C",
                "Collection rate",
                '=IFERROR(%s/%s,"")' % (pv(3, "amount_paid"), pv(3, "amount_invoiced")),
                "pct",
                "collected / invoiced",
            ),
            (
                "D",
                "Year before",
                '=IFERROR(%s/%s,"")' % (pv(4, "amount_paid"), pv(4, "amount_invoiced")),
                "pct",
                "its collection rate",
            ),
            ("F", "Services given", "=" + pv(5, "__count"), "int", "to companies"),
            (
                "G",
                "Event attendance",
                "=" + pv(6, "attendance_rate"),
                "rate",
                "of the registrations",
            ),
            ("H", "Response rate", "=" + pv(7, "response_rate"), "rate", "of questionnaires"),
        ],
    ),
]
for label_row, kpis in KPIS:
    row_size(label_row, 26)
    row_size(label_row + 1, 40)
    row_size(label_row + 2, 22)
    for col, label, formula, fmt, hint in kpis:
        set_cell(f"{col}{label_row}", t(label), "kpi_label", border="card")
        set_cell(f"{col}{label_row + 1}", formula, "kpi_value", fmt, border="card")
        set_cell(f"{col}{label_row + 2}", t(hint), "kpi_hint", border="card")
row_size(8, 16)

# ---------------------------------------------------------------- members
section(9, "Members")
header(10, {"F": ("Reason for leaving", False), "G": ("Left", True), "H": ("Share", True)})
body_rows(11, 18)
for i in range(1, 9):
    r = 10 + i
    set_cell(f"F{r}", "=" + ph(2, "#leaving_reason_id", i), "label")
    set_cell(f"G{r}", "=" + pv(2, "left_count", "#leaving_reason_id", i), "value", "int")
    set_cell(f"H{r}", f'=IF(G{r}="","",IFERROR(G{r}/G$19,""))', "value", "pct0")
total_row(19, "FGH")
set_cell("F19", t("Total"), "total")
set_cell("G19", "=" + pv(2, "left_count"), "total", "int")
cond_formats.append(
    {
        "rule": {"type": "DataBarRule", "color": 15726335, "rangeValues": "G11:G18"},
        "id": "b5a2c1d4-0e3f-4a6b-9c8d-7e1f2a3b4c01",
        "ranges": ["F11:F18"],
    }
)
row_size(20, 16)

# ---------------------------------------------------------------- dues
section(21, "Dues")
header(
    22,
    {
        "A": ("Status", False),
        "B": ("Invoiced", True),
        "C": ("Collected", True),
        "D": ("Outstanding", True),
        "F": ("", False),
        "G": ("Period", True),
        "H": ("Year before", True),
    },
)
body_rows(23, 26)
# Fixed rows: a header formula would say "None" for a light no line has yet.
for r, (light, label, style) in enumerate(
    [
        ("green", "Paid", "light_green"),
        ("amber", "Due", "light_amber"),
        ("red", "Overdue", "light_red"),
        ("grey", "Nothing due", "light_grey"),
    ],
    start=23,
):
    set_cell(f"A{r}", t(label), style)
    set_cell(f"B{r}", "=" + pv(3, "amount_invoiced", "light", light), "value")
    set_cell(f"C{r}", "=" + pv(3, "amount_paid", "light", light), "value")
    set_cell(f"D{r}", "=" + pv(3, "amount_residual", "light", light), "value")
total_row(27, "ABCD")
set_cell("A27", t("Total"), "total")
set_cell("B27", "=" + pv(3, "amount_invoiced"), "total")
set_cell("C27", "=" + pv(3, "amount_paid"), "total")
set_cell("D27", "=" + pv(3, "amount_residual"), "total")
for r, (label, m) in enumerate(
    [
        ("Invoiced", "amount_invoiced"),
        ("Collected", "amount_paid"),
        ("Outstanding", "amount_residual"),
    ],
    start=23,
):
    set_cell(f"F{r}", t(label), "label")
    set_cell(f"G{r}", "=" + pv(3, m), "value")
    set_cell(f"H{r}", "=" + pv(4, m), "value")
set_cell("F26", t("Collection rate"), "total", border="over")
set_cell("G26", '=IFERROR(G24/G23,"")', "total", "pct", border="over")
set_cell("H26", '=IFERROR(H24/H23,"")', "total", "pct", border="over")
row_size(28, 16)

# ---------------------------------------------------------------- services
section(29, "Services")
header(
    30,
    {
        "A": ("Service type", False),
        "B": ("Services", True),
        "C": ("Hours", True),
        "D": ("Satisfaction", True),
    },
)
body_rows(31, 38)
for i in range(1, 9):
    r = 30 + i
    set_cell(f"A{r}", "=" + ph(5, "#service_type_id", i), "label")
    set_cell(f"B{r}", "=" + pv(5, "__count", "#service_type_id", i), "value", "int")
    set_cell(f"C{r}", "=" + pv(5, "duration", "#service_type_id", i), "value", "hours")
    set_cell(f"D{r}", "=" + pv(5, "satisfaction", "#service_type_id", i), "value", "score")
total_row(39, "ABCD")
set_cell("A39", t("Total"), "total")
set_cell("B39", "=" + pv(5, "__count"), "total", "int")
set_cell("C39", "=" + pv(5, "duration"), "total", "hours")
set_cell("D39", "=" + pv(5, "satisfaction"), "total", "score")
cond_formats.append(
    {
        "rule": {"type": "DataBarRule", "color": 16775149, "rangeValues": "B31:B38"},
        "id": "b5a2c1d4-0e3f-4a6b-9c8d-7e1f2a3b4c02",
        "ranges": ["A31:A38"],
    }
)
row_size(40, 16)

# ---------------------------------------------------------------- events
section(41, "Events")
header(
    42,
    {
        "A": ("Event", False),
        "B": ("Registrations", True),
        "C": ("Attendees", True),
        "D": ("Satisfaction", True),
        "F": ("All events of the period", False),
    },
)
body_rows(43, 50)
for i in range(1, 9):
    r = 42 + i
    set_cell(f"A{r}", "=" + ph(6, "#event_id", i), "label")
    set_cell(f"B{r}", "=" + pv(6, "registered", "#event_id", i), "value", "int")
    set_cell(f"C{r}", "=" + pv(6, "attended", "#event_id", i), "value", "int")
    set_cell(f"D{r}", "=" + pv(6, "satisfaction", "#event_id", i), "value", "score")
total_row(51, "ABCD")
set_cell("A51", t("Total"), "total")
set_cell("B51", "=" + pv(6, "registered"), "total", "int")
set_cell("C51", "=" + pv(6, "attended"), "total", "int")
set_cell("D51", "=" + pv(6, "satisfaction"), "total", "score")
for r, (label, formula, fmt) in enumerate(
    [
        ("Registrations", "=" + pv(6, "registered"), "int"),
        ("Attendees", "=" + pv(6, "attended"), "int"),
        ("Attendance rate", "=" + pv(6, "attendance_rate"), "rate"),
        ("Satisfaction", "=" + pv(6, "satisfaction"), "score"),
    ],
    start=43,
):
    merges.append(f"F{r}:G{r}")
    set_cell(f"F{r}", t(label), "label")
    set_cell(f"H{r}", formula, "value", fmt)
cond_formats.append(
    {
        "rule": {"type": "DataBarRule", "color": 15531509, "rangeValues": "B43:B50"},
        "id": "b5a2c1d4-0e3f-4a6b-9c8d-7e1f2a3b4c03",
        "ranges": ["A43:A50"],
    }
)
row_size(52, 16)

# ---------------------------------------------------------------- campaigns
section(53, "Campaigns", "Not by region: campaigns have none")
header(
    54,
    {
        "A": ("Campaign type", False),
        "B": ("Invited", True),
        "C": ("Answered", True),
        "D": ("Response rate", True),
        "F": ("Campaign type", False),
        "G": ("Campaigns", True),
        "H": ("Conversions", True),
    },
)
body_rows(55, 59)
for i in range(1, 6):
    r = 54 + i
    set_cell(f"A{r}", "=" + ph(7, "#campaign_type", i), "label")
    set_cell(f"B{r}", "=" + pv(7, "invited_count", "#campaign_type", i), "value", "int")
    set_cell(f"C{r}", "=" + pv(7, "answered_count", "#campaign_type", i), "value", "int")
    set_cell(f"D{r}", "=" + pv(7, "response_rate", "#campaign_type", i), "value", "rate")
    set_cell(f"F{r}", "=" + ph(7, "#campaign_type", i), "label")
    set_cell(f"G{r}", "=" + pv(7, "__count", "#campaign_type", i), "value", "int")
    set_cell(f"H{r}", "=" + pv(7, "conversion_count", "#campaign_type", i), "value", "int")
total_row(60, "ABCDFGH")
set_cell("A60", t("Total"), "total")
set_cell("B60", "=" + pv(7, "invited_count"), "total", "int")
set_cell("C60", "=" + pv(7, "answered_count"), "total", "int")
set_cell("D60", "=" + pv(7, "response_rate"), "total", "rate")
set_cell("F60", t("Total"), "total")
set_cell("G60", "=" + pv(7, "__count"), "total", "int")
set_cell("H60", "=" + pv(7, "conversion_count"), "total", "int")
row_size(61, 16)

# ---------------------------------------------------------------- engagement
section(62, "Engagement", "Today: not by period")
header(63, {"A": ("Engagement level", False), "B": ("Members", True), "C": ("Share", True)})
body_rows(64, 67)
for r, (level, label) in enumerate(
    [("3", "High"), ("2", "Medium"), ("1", "Low"), ("0", "None")], start=64
):
    set_cell(f"A{r}", t(label), "label")
    set_cell(f"B{r}", "=" + pv(8, "__count", "engagement_level", level), "value", "int")
    set_cell(f"C{r}", f'=IF(B{r}="","",IFERROR(B{r}/B$68,""))', "value", "pct0")
total_row(68, "ABC")
set_cell("A68", t("Total"), "total")
set_cell("B68", "=" + pv(8, "__count"), "total", "int")
row_size(69, 29)
set_cell("A69", t("Members at risk"), "light_red")
set_cell("B69", "=" + pv(9, "__count"), "light_red", "int")
set_cell("C69", '=IFERROR(B69/B$68,"")', "light_red", "pct0")
body_rows(70, 73)

# ---------------------------------------------------------------- representativeness
section(75, "Representativeness", "Latest statistics: not by period or region")
row_size(76, 26)
merges.append("A76:D76")
set_cell("A76", '=IFERROR(_t("Statistics")&": "&' + ph(12, "#dataset_id", 1) + ',"")', "label")
set_cell("F76", t("Enterprises counted"), "label")
set_cell("H76", "=" + pv(12, "enterprise_count"), "value", "int")
header(
    77,
    {
        "A": ("Sector", False),
        "B": ("Members", True),
        "C": ("Enterprises", True),
        "D": ("Density", True),
        "F": ("Size class", False),
        "G": ("Density", True),
        "H": ("By employees", True),
    },
)
body_rows(78, 85)
for i in range(1, 9):
    r = 77 + i
    set_cell(f"A{r}", "=" + ph(10, "#industry_id", i), "label")
    set_cell(f"B{r}", "=" + pv(10, "member_count", "#industry_id", i), "value", "int")
    set_cell(f"C{r}", "=" + pv(10, "enterprise_count", "#industry_id", i), "value", "int")
    set_cell(f"D{r}", "=" + pv(10, "company_density", "#industry_id", i), "value", "rate")
for i in range(1, 5):
    r = 77 + i
    set_cell(f"F{r}", "=" + ph(11, "#size_class_id", i), "label")
    set_cell(f"G{r}", "=" + pv(11, "company_density", "#size_class_id", i), "value", "rate")
    set_cell(f"H{r}", "=" + pv(11, "employee_density", "#size_class_id", i), "value", "rate")
total_row(86, "ABCDFGH")
set_cell("A86", t("All sectors"), "total")
set_cell("B86", "=" + pv(10, "member_count"), "total", "int")
set_cell("C86", "=" + pv(10, "enterprise_count"), "total", "int")
set_cell("D86", "=" + pv(10, "company_density"), "total", "rate")
set_cell("F86", t("All sizes"), "total")
set_cell("G86", "=" + pv(11, "company_density"), "total", "rate")
set_cell("H86", "=" + pv(11, "employee_density"), "total", "rate")
row_size(87, 22)
merges.append("A87:H87")
set_cell(
    "A87",
    t(
        "Density: member companies out of all enterprises; by employees: their employees out of "
        "all persons employed. Empty: no statistics (unknown, not zero)."
    ),
    "kpi_hint",
)


# ---------------------------------------------------------------- charts
def odoo_chart(
    fid,
    ctype,
    title,
    model,
    group_by,
    measure_,
    domain,
    matching,
    first_row,
    last_row,
    first_col,
    last_col,
    legend="none",
    extra=None,
):
    data = {
        "title": {"text": title},
        "background": "#FFFFFF",
        "legendPosition": legend,
        "metaData": {
            "groupBy": group_by,
            "measure": measure_,
            "order": None,
            "resModel": model,
            "mode": ctype.replace("odoo_", ""),
        },
        "searchParams": {
            "comparison": None,
            "context": {},
            "domain": domain,
            "groupBy": group_by,
            "orderBy": [],
        },
        "type": ctype,
    }
    data.update(extra or {})
    data["fieldMatching"] = matching
    return {
        "id": fid,
        "x": x_of(first_col),
        "y": y_of(first_row),
        "width": width_of(first_col, last_col),
        "height": height_of(first_row, last_row),
        "tag": "chart",
        "data": data,
    }


figures.append(
    odoo_chart(
        "e1b0c7a2-4d5e-4f60-8a71-9b2c3d4e5f01",
        "odoo_line",
        "Members at the end of each year",
        "eboc.retention.report",
        ["date:year"],
        "member_at_end",
        [],
        FM_MEMBERS_TREND,
        10,
        19,
        "A",
        "D",
        extra={
            "verticalAxisPosition": "left",
            "stacked": False,
            "fillArea": True,
            "cumulative": False,
        },
    )
)
figures.append(
    odoo_chart(
        "e1b0c7a2-4d5e-4f60-8a71-9b2c3d4e5f02",
        "odoo_bar",
        "Staff workload (hours)",
        "eboc.service.report",
        ["user_id"],
        "duration",
        [],
        FM_SERVICES,
        30,
        39,
        "F",
        "H",
        extra={"verticalAxisPosition": "left", "stacked": False},
    )
)
figures.append(
    odoo_chart(
        "e1b0c7a2-4d5e-4f60-8a71-9b2c3d4e5f03",
        "odoo_pie",
        "Members by engagement level",
        "res.partner",
        ["engagement_level"],
        "__count",
        ENGAGED_MEMBERS,
        FM_ENGAGEMENT,
        63,
        73,
        "F",
        "H",
        legend="right",
    )
)

# ---------------------------------------------------------------- assemble
last_row = 87
sheet = {
    "id": "ebmo-dashboard-sheet",
    "name": "Dashboard",
    "colNumber": len(COLS),
    "rowNumber": last_row,
    "rows": dict(sorted(rows.items(), key=lambda kv: int(kv[0]))),
    "cols": {str(i): {"size": size} for i, size in enumerate(COLS)},
    "merges": merges,
    "cells": cells,
    "styles": styles_map,
    "formats": formats_map,
    "borders": borders_map,
    "conditionalFormats": cond_formats,
    "figures": figures,
    "tables": [],
    "areGridLinesVisible": False,
    "isVisible": True,
    "headerGroups": {"ROW": [], "COL": []},
    "dataValidationRules": [],
    "comments": {},
}
data = {
    "version": int(sys.argv[1]) if len(sys.argv) > 1 else 22,
    "sheets": [sheet],
    "styles": {style_ids[k]: v for k, v in STYLES.items()},
    "formats": {format_ids[k]: v for k, v in FORMATS.items()},
    "borders": {border_ids[k]: v for k, v in BORDERS.items()},
    "revisionId": "START_REVISION",
    "uniqueFigureIds": True,
    "settings": {
        "locale": {
            "name": "English (US)",
            "code": "en_US",
            "thousandsSeparator": ",",
            "decimalSeparator": ".",
            "dateFormat": "mm/dd/yyyy",
            "timeFormat": "hh:mm:ss",
            "formulaArgSeparator": ",",
            "weekStart": 7,
        }
    },
    "pivots": {p["id"]: p for p in PIVOTS},
    "pivotNextId": len(PIVOTS) + 1,
    "customTableStyles": {},
    "odooVersion": 12,
    "globalFilters": [
        {
            "id": F_ASSOC,
            "type": "relation",
            "label": "Association",
            "modelName": "eboc.association",
            "defaultValue": [],
            "defaultValueDisplayNames": [],
            "includeChildren": True,
        },
        {
            "id": F_PERIOD,
            "type": "date",
            "label": "Period",
            "rangeType": "fixedPeriod",
            "defaultValue": "this_year",
            "disabledPeriods": ["quarter", "month"],
        },
        {
            "id": F_REGION,
            "type": "relation",
            "label": "Region",
            "modelName": "eboc.region",
            "defaultValue": [],
            "defaultValueDisplayNames": [],
            "includeChildren": True,
        },
    ],
    "lists": {},
    "listNextId": 1,
    "chartOdooMenusReferences": {},
}

with open(OUT, "w") as f:
    json.dump(data, f, indent=2, ensure_ascii=False)
    f.write("\n")
print("written", OUT, len(cells), "cells")
