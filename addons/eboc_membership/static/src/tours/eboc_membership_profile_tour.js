import { registry } from "@web/core/registry";

// A member's CEO updates the company's employee count; it waits for an officer.
registry.category("web_tour.tours").add("eboc_membership_profile_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the company profile from the portal's home",
            trigger: "a[href='/my/company']",
            run: "click",
        },
        {
            content: "Update it",
            trigger: "a[href='/my/company?edit=1']",
            run: "click",
        },
        {
            content: "The employee count waits for the association",
            trigger: "label[for='eboc_employee_count']:contains('approved by your association')",
        },
        {
            content: "Give the new employee count",
            trigger: "input#eboc_employee_count",
            run: "edit 260",
        },
        {
            content: "Save",
            trigger: "#eboc_profile_form button[type='submit']",
            run: "click",
        },
        {
            content: "The change waits for approval",
            trigger: "#eboc_profile_pending_notice",
        },
        {
            content: "It is listed as waiting",
            trigger: "#eboc_profile_pending td:contains('260')",
        },
    ],
});
