import { registry } from "@web/core/registry";

// A member company's contact finds its membership on the portal and the certificate.
registry.category("web_tour.tours").add("eboc_membership_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the company's memberships from the portal's home",
            trigger: "a[href='/my/memberships']",
            run: "click",
        },
        {
            content: "Open the membership of the metal employers",
            trigger: "a[href^='/my/memberships/']:contains('Test Metal Employers')",
            run: "click",
        },
        {
            content: "Its member number is shown",
            trigger: "#eboc_membership_details dt:contains('Member Number')",
        },
        {
            content: "The certificate is offered to an active member",
            trigger: "a[href$='/certificate']:contains('Membership Certificate')",
        },
    ],
});
