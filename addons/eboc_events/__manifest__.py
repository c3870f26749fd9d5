# Copyright 2026 EBMO CRM developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EBMO Services and Events",
    "summary": "Service catalogue and service records of employer and business "
    "membership organisations: what the organisation does for its members, and who "
    "uses it",
    "version": "18.0.1.2.0",
    "category": "Membership",
    "website": "https://github.com/ebmo-crm/ebmo-crm",
    "author": "EBMO CRM developers",
    "maintainers": ["ebmo-crm"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["eboc_membership", "event", "survey", "portal"],
    "data": [
        "security/eboc_events_security.xml",
        "security/ir.model.access.csv",
        "views/eboc_services_portal_templates.xml",
        "views/eboc_events_portal_templates.xml",
        "data/eboc_service_type_data.xml",
        "data/mail_template_data.xml",
        "data/eboc_engagement_data.xml",
        "data/event_type_data.xml",
        "data/survey_data.xml",
        "views/eboc_service_type_views.xml",
        "views/eboc_service_record_views.xml",
        "views/res_partner_views.xml",
        "views/eboc_event_invitation_views.xml",
        "views/event_views.xml",
        "views/eboc_engagement_config_views.xml",
        "report/eboc_service_report_views.xml",
        "report/eboc_event_report_views.xml",
        "views/eboc_events_menus.xml",
    ],
    "demo": [
        "demo/eboc_service_record_demo.xml",
        "demo/eboc_service_record_history_demo.xml",
        "demo/event_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "eboc_events/static/src/tours/*.js",
        ],
    },
    "installable": True,
}
