# Copyright 2026 EBMO CRM developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EBMO Campaigns and Events",
    "summary": "Campaigns linked to the events they promote, with the registrations that "
    "came through their mailings counted as their result",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "website": "https://github.com/ebmo-crm/ebmo-crm",
    "author": "EBMO CRM developers",
    "maintainers": ["ebmo-crm"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["eboc_campaigns", "eboc_events"],
    "data": [
        "security/ir.model.access.csv",
        "data/eboc_engagement_data.xml",
        "views/eboc_campaign_views.xml",
        "views/event_event_views.xml",
        "report/eboc_campaign_report_views.xml",
    ],
    "demo": [
        "demo/eboc_campaign_demo.xml",
    ],
    "auto_install": True,
    "installable": True,
}
