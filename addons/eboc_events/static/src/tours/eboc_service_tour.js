import { registry } from "@web/core/registry";

// A member calls the service desk: staff opens the company and logs the service.
registry.category("web_tour.tours").add("eboc_service_log_tour", {
    url: "/odoo/action-eboc_membership.res_partner_action_member",
    steps: () => [
        {
            content: "Find the company",
            trigger: ".o_searchview_input",
            run: "edit Tour Caller Works",
        },
        {
            trigger: ".o_searchview_autocomplete .o_menu_item:first",
            run: "click",
        },
        {
            content: "Open it",
            trigger: ".o_data_row:contains(Tour Caller Works) td[name=name]",
            run: "click",
        },
        {
            content: "Log the service",
            trigger: "button[name=action_log_service]",
            run: "click",
        },
        {
            content: "Who called",
            trigger: ".modal .o_field_widget[name=contact_id] input",
            run: "edit Tour Caller",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Caller Contact)",
            run: "click",
        },
        {
            content: "What about",
            trigger: ".modal .o_field_widget[name=service_type_id] input",
            run: "edit Legal",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Legal advice)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Late payment by a public client",
        },
        {
            trigger: ".modal .o_field_widget[name=outcome] textarea",
            run: "edit Explained the statutory interest and the formal notice.",
        },
        {
            content: "Save",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The company counts its service",
            trigger: "button[name=action_open_services] .o_stat_value:contains(1)",
        },
    ],
});
