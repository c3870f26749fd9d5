import { registry } from "@web/core/registry";
import { payDuesOnlineSteps } from "@eboc_dues/tours/eboc_dues_pay_online_tour";

const PASSWORD = "Stella-Journey-2031";

function goHome() {
    return {
        content: "Back to the portal's home",
        trigger: ".o_portal_submenu a[href='/my/home']",
        run: "click",
    };
}

// A member company's CEO, invited from the company form by an officer, takes the whole
// member's door: signs up from the invitation, pays the dues online, downloads the
// certificate, updates the employee count, registers for an event at the member price
// and answers the federation's questionnaire.
registry.category("web_tour.tours").add("eboc_portal_member_journey_tour", {
    steps: () => [
        {
            content: "The invitation's link: choose a password",
            trigger: "form.oe_signup_form input#password",
            run: `edit ${PASSWORD}`,
        },
        {
            trigger: "form.oe_signup_form input#confirm_password",
            run: `edit ${PASSWORD}`,
        },
        {
            content: "Sign up",
            trigger: "form.oe_signup_form button[type='submit']",
            run: "click",
        },
        // Dues: pay the amber invoice online.
        {
            content: "Logged in on the member portal: open the invoices",
            trigger: ".o_portal_my_home a[href^='/my/invoices']:contains('Your Invoices')",
            run: "click",
        },
        {
            content: "Open the dues invoice that is due",
            trigger: "tr:has(td[name='eboc_dues_light'] .badge:contains('Due')) a[href^='/my/invoices/']",
            run: "click",
        },
        ...payDuesOnlineSteps(),
        // Membership: the certificate.
        {
            content: "To the memberships",
            trigger: "#eboc_invoice_dues_light",
            run: () => {
                window.location.href = "/my/memberships";
            },
        },
        {
            content: "The membership's dues are paid",
            trigger: "td[name='eboc_dues'] .badge:contains('Paid')",
        },
        {
            content: "Open the membership",
            trigger: "a[href^='/my/memberships/']:contains('Test Metal Employers')",
            run: "click",
        },
        {
            content: "Download the membership certificate",
            trigger: "a[href$='/certificate']:contains('Membership Certificate')",
            async run() {
                const response = await fetch(this.anchor.getAttribute("href"));
                const type = response.headers.get("Content-Type") || "";
                const disposition = response.headers.get("Content-Disposition") || "";
                if (!response.ok || !type.startsWith("application/pdf")) {
                    throw new Error(`No certificate: ${response.status} ${type}`);
                }
                if (!disposition.startsWith("attachment")) {
                    throw new Error(`The certificate is not a download: ${disposition}`);
                }
            },
        },
        // Company profile: the employee count waits for an officer.
        goHome(),
        {
            content: "Open the company profile",
            trigger: ".o_portal_my_home a[href='/my/company']",
            run: "click",
        },
        {
            trigger: "a[href='/my/company?edit=1']",
            run: "click",
        },
        {
            content: "The new employee count",
            trigger: "input#eboc_employee_count",
            run: "edit 260",
        },
        {
            trigger: "#eboc_profile_form button[type='submit']",
            run: "click",
        },
        {
            content: "It waits for the association's approval",
            trigger: "#eboc_profile_pending td:contains('260')",
        },
        // Events: register at the member price.
        goHome(),
        {
            content: "Open the events",
            trigger: ".o_portal_my_home a[href='/my/events']",
            run: "click",
        },
        {
            content: "The seminar is offered at the member price",
            trigger: "#eboc_events_open tr:contains('Journey Seminar') .eboc_event_price:contains('80.00')",
        },
        {
            content: "Register",
            trigger: "#eboc_events_open tr:contains('Journey Seminar') button[type='submit']",
            run: "click",
        },
        {
            content: "Registered at the member price",
            trigger: "#eboc_events_registrations tr:contains('Journey Seminar'):contains('80.00')",
        },
        // Questionnaires: answer the consultation.
        goHome(),
        {
            content: "Open the questionnaires",
            trigger: ".o_portal_my_home a[href='/my/questionnaires']",
            run: "click",
        },
        {
            content: "Answer the consultation",
            trigger: "#eboc_questionnaires tr:contains('Journey Consultation') a:contains('Answer')",
            run: "click",
        },
        {
            content: "Survey's own page: start",
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        {
            trigger: "div.js_question-wrapper:contains('apprenticeship grants') label:contains('Yes, for every trade')",
            run: "click",
        },
        {
            content: "Submit",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "Answered",
            trigger: "h1:contains('Thank you')",
        },
    ],
});
