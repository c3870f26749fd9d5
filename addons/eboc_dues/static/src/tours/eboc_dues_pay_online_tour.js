import { registry } from "@web/core/registry";

// On a dues invoice's portal page: pay it with the demo provider and see the dues
// light turn green (also played by eboc_portal's member journey).
export function payDuesOnlineSteps() {
    return [
        {
            content: "Pay now",
            trigger: "a[data-bs-target='#pay_with']:contains('Pay Now')",
            run: "click",
        },
        {
            content: "Choose the demo provider",
            trigger: "#pay_with input[name='o_payment_radio'][data-payment-method-code='demo']",
            run: "click",
        },
        {
            content: "Give test card details",
            trigger: "#pay_with input[name='customer_input']",
            run: "edit 4242424242424242",
        },
        {
            content: "Pay",
            trigger: "#pay_with button[name='o_payment_submit_button']:not(:disabled)",
            run: "click",
        },
        {
            content: "Back on the invoice, the dues light is green",
            trigger: "#eboc_invoice_dues_light .badge:contains('Paid')",
            timeout: 20000,
        },
    ];
}

// A member's finance contact pays its dues invoice online and sees the light turn green.
registry.category("web_tour.tours").add("eboc_dues_pay_online_tour", {
    url: "/my/invoices",
    steps: () => [
        {
            content: "The dues invoice is amber: due, not yet overdue",
            trigger: "td[name='eboc_dues_light'] .badge:contains('Due')",
        },
        {
            content: "Open it",
            trigger: "tr:has(td[name='eboc_dues_light'] .badge:contains('Due')) a[href^='/my/invoices/']",
            run: "click",
        },
        ...payDuesOnlineSteps(),
        {
            content: "The membership pages say so too",
            trigger: "a[href='/my/home'], a[href='/my']",
            run: () => {
                window.location.href = "/my/memberships";
            },
        },
        {
            content: "The metal membership's dues are paid",
            trigger: "td[name='eboc_dues'] .badge:contains('Paid')",
        },
    ],
});
