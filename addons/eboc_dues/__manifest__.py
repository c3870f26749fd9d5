# Copyright 2026 EBMO CRM developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EBMO Dues",
    "summary": "Membership dues as ordinary Odoo invoices: fee rules, dues runs, a "
    "traffic light that follows payments, reminders, suspension and dues reports",
    "version": "18.0.1.2.0",
    "category": "Membership",
    "website": "https://github.com/ebmo-crm/ebmo-crm",
    "author": "EBMO CRM developers",
    "maintainers": ["ebmo-crm"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["eboc_membership", "account_payment"],
    "data": [
        "security/eboc_dues_security.xml",
        "security/ir.model.access.csv",
        "data/product_data.xml",
        "data/eboc_membership_type_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "data/eboc_dues_reminder_step_data.xml",
        "report/report_invoice.xml",
        "report/eboc_dues_ranking_views.xml",
        "views/eboc_dues_period_views.xml",
        "views/eboc_fee_rule_views.xml",
        "views/eboc_dues_run_views.xml",
        "views/account_move_views.xml",
        "views/eboc_membership_views.xml",
        "views/res_partner_views.xml",
        "views/eboc_dues_reminder_step_views.xml",
        "wizards/eboc_dues_period_wizard_views.xml",
        "views/eboc_dues_menus.xml",
        "views/eboc_dues_portal_templates.xml",
    ],
    "demo": [
        "demo/eboc_dues_period_demo.xml",
        "demo/eboc_fee_rule_demo.xml",
        "demo/eboc_dues_run_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "eboc_dues/static/src/tours/*.js",
        ],
    },
    "installable": True,
}
