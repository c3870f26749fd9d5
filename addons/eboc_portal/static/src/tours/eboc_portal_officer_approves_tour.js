import { registry } from "@web/core/registry";

// The membership officer approves the employee count the member asked for on the
// portal, from Membership > Members > Profile Changes.
registry.category("web_tour.tours").add("eboc_portal_officer_approves_tour", {
    url: "/odoo/action-eboc_membership.eboc_profile_change_action",
    steps: () => [
        {
            content: "The member's request waits, with the old and the new count",
            trigger: ".o_data_row:contains('Steel Test Works'):contains('260'):contains('120')",
        },
        {
            content: "Approve it",
            trigger: ".o_data_row:contains('Steel Test Works'):contains('260') button[name='action_approve']",
            run: "click",
        },
        {
            content: "Nothing waits any more",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('260')))",
        },
    ],
});
