import { registry } from "@web/core/registry";

// A company applies for membership on the public Join page.
registry.category("web_tour.tours").add("eboc_membership_join_tour", {
    url: "/eboc/join",
    steps: () => [
        {
            content: "Choose the association",
            trigger: "select#eboc_join_association_id",
            run: "selectByLabel Test Metal Employers",
        },
        {
            content: "Choose the membership type",
            trigger: "select#eboc_join_membership_type_id",
            run: "selectByIndex 1",
        },
        { trigger: "input#eboc_join_name", run: "edit Tour Tools Ltd" },
        { trigger: "input#eboc_join_vat", run: "edit NL123456789B01" },
        { trigger: "input#eboc_join_employee_count", run: "edit 12" },
        { trigger: "input#eboc_join_contact_name", run: "edit Tom Tour" },
        { trigger: "input#eboc_join_email", run: "edit tom@tourtools.example.com" },
        {
            content: "Apply",
            trigger: "#eboc_join_form button[type='submit']",
            run: "click",
        },
        {
            content: "The application is received",
            trigger: "#eboc_join_thanks",
        },
    ],
});
