import { registry } from "@web/core/registry";

// A member's contact finds its questionnaire on the portal and opens it.
registry.category("web_tour.tours").add("eboc_campaigns_questionnaires_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the questionnaires from the portal's home",
            trigger: "a[href='/my/questionnaires']",
            run: "click",
        },
        {
            content: "The anonymous questionnaire says so",
            trigger: "#eboc_questionnaires .eboc_anonymous",
        },
        {
            content: "Answer it",
            trigger: "#eboc_questionnaires a:contains('Answer')",
            run: "click",
        },
        {
            content: "Survey's own page opens, ready to start",
            trigger: ".o_survey_start, .o_survey_form",
        },
    ],
});
