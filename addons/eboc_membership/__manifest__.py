# Copyright 2026 EBMO CRM developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EBMO Membership",
    "summary": "Member companies, associations in a federation tree, memberships, "
    "contact roles, segments and membership reports for employer and business "
    "membership organisations",
    "version": "18.0.1.3.0",
    "category": "Membership",
    "website": "https://github.com/ebmo-crm/ebmo-crm",
    "author": "EBMO CRM developers",
    "maintainers": ["ebmo-crm"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "application": True,
    "depends": ["contacts", "mail", "portal"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/eboc_membership_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/res_partner_industry_data.xml",
        "data/eboc_size_class_data.xml",
        "data/eboc_membership_type_data.xml",
        "data/eboc_contact_role_data.xml",
        "data/eboc_leaving_reason_data.xml",
        "data/eboc_legal_form_data.xml",
        "views/eboc_association_views.xml",
        "views/eboc_membership_views.xml",
        "views/res_partner_views.xml",
        "views/eboc_membership_portal_templates.xml",
        "report/eboc_membership_certificate.xml",
        "views/eboc_segment_views.xml",
        "views/eboc_config_views.xml",
        "views/res_users_views.xml",
        "wizards/eboc_membership_end_wizard_views.xml",
        "report/eboc_membership_report_views.xml",
        "views/eboc_menus.xml",
    ],
    "demo": [
        "demo/eboc_region_demo.xml",
        "demo/eboc_association_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/eboc_membership_demo.xml",
        "demo/eboc_segment_demo.xml",
        "demo/res_users_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "eboc_membership/static/src/tours/*.js",
        ],
    },
    "installable": True,
}
