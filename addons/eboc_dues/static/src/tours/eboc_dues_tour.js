import { registry } from "@web/core/registry";

// A dues officer runs the dues of a small association: preview, then invoices; then
// registers a member's payment in accounting, and the member's light turns green.
registry.category("web_tour.tours").add("eboc_dues_run_tour", {
    url: "/odoo/action-eboc_dues.eboc_dues_run_action",
    steps: () => [
        {
            content: "Start a dues run",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the period",
            trigger: ".o_field_widget[name=period_id] input",
            run: "edit Tour 2032",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour 2032)",
            run: "click",
        },
        {
            content: "The run is named after it",
            trigger: ".o_field_widget[name=name] input:value(Dues Tour 2032)",
        },
        {
            content: "Choose the association",
            trigger: ".o_field_widget[name=association_ids] input",
            run: "edit Tour Small",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Small Employers)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=association_ids] .o_tag:contains(Tour Small Employers)",
        },
        {
            content: "Preview what members owe",
            trigger: "button[name=action_preview]:contains(Preview)",
            run: "click",
        },
        {
            content: "Both members are priced",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:nth-child(2)",
        },
        {
            trigger: ".o_field_widget[name=amount_total]:contains(1,300.00)",
        },
        {
            content: "Bill them",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The run is invoiced",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Invoiced)",
        },
        {
            content: "Unpaid, the bakery's dues are due",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:contains(Tour Bakery) .o_field_badge:contains(Due)",
        },
        {
            content: "Open the invoices",
            trigger: "button[name=action_open_invoices] .o_stat_value:contains(2)",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Tour Bakery) td[name=invoice_partner_display_name]",
            run: "click",
        },
        {
            content: "The bakery pays: register its payment",
            trigger: "button[name=action_register_payment]",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_create_payments]",
            run: "click",
        },
        {
            content: "The invoice is paid",
            trigger: ".o_form_view .ribbon:contains(Payment), .o_form_view .ribbon:contains(Paid)",
        },
        {
            content: "Back to the run",
            trigger: ".o_breadcrumb a:contains(Dues Tour 2032)",
            run: "click",
        },
        {
            content: "The bakery's light is green, at once",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:contains(Tour Bakery) .o_field_badge:contains(Paid)",
        },
    ],
});
