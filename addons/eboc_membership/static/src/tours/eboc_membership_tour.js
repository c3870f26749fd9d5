import { registry } from "@web/core/registry";

// A membership officer registers a new member company with a contact and a membership.
registry.category("web_tour.tours").add("eboc_membership_new_member_tour", {
    url: "/odoo/action-eboc_membership.res_partner_action_member",
    steps: () => [
        {
            content: "Create a company",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            // A text area, or an input when partner_autocomplete is installed.
            trigger: ".o_field_widget[name=name] :is(textarea, input)",
            run: "edit Tour Robotics Ltd",
        },
        {
            content: "Open the Membership tab",
            trigger: ".o_notebook .nav-link[name=eboc_membership]",
            run: "click",
        },
        {
            content: "Give its number of employees",
            trigger: ".o_field_widget[name=employee_count] input",
            run: "edit 42",
        },
        {
            content: "Add a membership",
            trigger: ".o_field_widget[name=membership_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the association",
            trigger: ".o_field_widget[name=membership_ids] .o_data_row .o_field_widget[name=association_id] input",
            run: "edit Tour Metal",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Metal Employers)",
            run: "click",
        },
        {
            content: "Open the contacts tab",
            trigger: ".o_notebook .nav-link[name=contact_addresses]",
            run: "click",
        },
        {
            content: "Add a contact",
            trigger: ".o_field_widget[name=child_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "It is a person",
            trigger: ".modal .o_field_widget[name=type] input[data-value=contact]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Tess Tourist",
        },
        {
            content: "She is the CEO",
            trigger: ".modal .o_field_widget[name=contact_role_ids] input",
            run: "edit CEO",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(CEO / Director-General)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=contact_role_ids] .o_tag:contains(CEO)",
        },
        {
            content: "Keep the contact",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Save the company",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Wait until it is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "The company is now a prospect of the association",
            trigger: ".oe_title .o_field_widget[name=member_state]:contains(Prospect)",
        },
    ],
});
