import { registry } from "@web/core/registry";

// The day after a seminar: the organiser marks who came and asks them for feedback.
registry.category("web_tour.tours").add("eboc_event_feedback_tour", {
    steps: () => [
        {
            content: "Open the attendees",
            trigger: ".oe_stat_button:contains(Attendees)",
            run: "click",
        },
        {
            content: "Open the one who came",
            trigger: ".o_data_row:contains(Tour Attendee Came) td[name=name]",
            run: "click",
        },
        {
            // The list rows have the same button: wait for the form, or the click
            // may land in the list while the form is still opening.
            content: "Mark the attendance",
            trigger: ".o_form_view .o_form_statusbar button[name=action_set_done]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Attended)",
        },
        {
            content: "Back to the event",
            trigger: ".o_breadcrumb a:contains(Tour Seminar)",
            run: "click",
        },
        {
            trigger: "a[name=eboc_feedback]",
            run: "click",
        },
        {
            content: "Ask the attendees for feedback",
            trigger: "button[name=action_eboc_send_feedback]",
            run: "click",
        },
        {
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "One attendee asked",
            trigger: ".o_field_widget[name=eboc_feedback_sent]:contains(1)",
        },
    ],
});
