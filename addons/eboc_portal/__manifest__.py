# Copyright 2026 EBMO CRM developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EBMO Member Portal",
    "summary": "The member's whole door in one place: its contacts, invited from the "
    "company form, pay the dues, get the certificate, update the profile, register for "
    "events and answer questionnaires on Odoo's portal",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "website": "https://github.com/ebmo-crm/ebmo-crm",
    "author": "EBMO CRM developers",
    "maintainers": ["ebmo-crm"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["eboc_dues", "eboc_events", "eboc_campaigns"],
    "data": [],
    "assets": {
        "web.assets_tests": [
            "eboc_portal/static/src/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
