# Copyright 2026 EBMO CRM developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EBMO Campaigns",
    "summary": "Campaigns over segments of an employer or business membership "
    "organisation: mailings to contact roles, lobbying questionnaires with results by "
    "sector, region and size, recruitment and retention with their conversions",
    "version": "18.0.1.1.0",
    "category": "Membership",
    "website": "https://github.com/ebmo-crm/ebmo-crm",
    "author": "EBMO CRM developers",
    "maintainers": ["ebmo-crm"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["eboc_membership", "mass_mailing", "survey"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/eboc_campaigns_security.xml",
        "security/ir.model.access.csv",
        "views/eboc_campaign_views.xml",
        "views/eboc_campaign_target_views.xml",
        "views/mailing_mailing_views.xml",
        "views/res_partner_views.xml",
        "views/eboc_questionnaires_portal_templates.xml",
        "views/res_config_settings_views.xml",
        "wizards/survey_invite_views.xml",
        "report/eboc_campaign_report_views.xml",
        "report/eboc_campaign_response_report_views.xml",
        "report/eboc_campaign_answer_report_views.xml",
        "views/eboc_campaigns_menus.xml",
    ],
    "demo": [
        "demo/eboc_campaign_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "eboc_campaigns/static/src/tours/*.js",
        ],
    },
    "installable": True,
}
