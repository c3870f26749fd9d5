# Copyright 2026 EBMO CRM developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EBMO Board View",
    "summary": "The board's questions answered: an EBMO dashboard, retention and "
    "cohorts, members ranked by services and dues, and representativeness against "
    "national business statistics",
    "version": "18.0.1.0.0",
    "category": "Membership",
    "website": "https://github.com/ebmo-crm/ebmo-crm",
    "author": "EBMO CRM developers",
    "maintainers": ["ebmo-crm"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["eboc_dues", "eboc_events", "eboc_campaigns", "spreadsheet_dashboard"],
    "data": [
        "security/eboc_board_security.xml",
        "security/ir.model.access.csv",
        "wizards/eboc_recruitment_wizard_views.xml",
        "views/eboc_statistic_views.xml",
        "report/eboc_retention_report_views.xml",
        "report/eboc_density_report_views.xml",
        "report/eboc_member_value_report_views.xml",
        "views/eboc_board_menus.xml",
        "data/eboc_board_dashboard.xml",
    ],
    "demo": [
        "demo/eboc_statistic_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "eboc_board/static/src/tours/*.js",
        ],
    },
    "auto_install": ["eboc_dues", "eboc_events", "eboc_campaigns"],
    "installable": True,
}
