import { registry } from "@web/core/registry";

// A report of the board's view opens in each of its views with figures drawn: any
// error of the web client (a value it cannot format, a field it cannot group by)
// fails the tour.
registry.category("web_tour.tours").add("eboc_board_report_tour", {
    steps: () => [
        {
            content: "The report opens",
            trigger: ".o_action_manager .o_view_controller",
        },
        {
            content: "Pivot",
            trigger: ".o_control_panel .o_switch_view.o_pivot",
            run: "click",
        },
        {
            trigger: ".o_pivot_view .o_pivot table tbody tr",
        },
        {
            content: "Graph",
            trigger: ".o_control_panel .o_switch_view.o_graph",
            run: "click",
        },
        {
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
        {
            content: "List",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_list_table tbody tr.o_data_row",
        },
    ],
});

// The recruitment wizard, from the Reporting menu: its preview lists the cells, and
// building the segment opens the companies to recruit.
registry.category("web_tour.tours").add("eboc_board_recruitment_tour", {
    steps: () => [
        {
            content: "The preview lists the least covered cells",
            trigger: ".modal .o_field_widget[name=preview] table td:contains(Board Tour East)",
        },
        {
            content: "Build the segment",
            trigger: ".modal footer button[name=action_create_segment]",
            run: "click",
        },
        {
            content: "Its companies open: the one not yet a member",
            trigger: ".o_list_view .o_data_row td:contains(Board Tour Prospect)",
        },
    ],
});
