import { registry } from "@web/core/registry";

// A member's contact registers for an event at its company's price.
registry.category("web_tour.tours").add("eboc_events_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the events from the portal's home",
            trigger: "a[href='/my/events']",
            run: "click",
        },
        {
            content: "The seminar is offered at the association's price",
            trigger: "#eboc_events_open tr:contains('Open Seminar') .eboc_event_price:contains('50.00')",
        },
        {
            content: "Register (the contact itself is chosen)",
            trigger: "#eboc_events_open tr:contains('Open Seminar') button[type='submit']",
            run: "click",
        },
        {
            content: "Registered",
            trigger: "#eboc_events_message",
        },
        {
            content: "Listed with its price",
            trigger: "#eboc_events_registrations tr:contains('Open Seminar'):contains('50.00')",
        },
    ],
});
