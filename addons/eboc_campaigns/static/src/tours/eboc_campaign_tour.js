import { registry } from "@web/core/registry";

// A communications officer sets up a recruitment campaign for a segment and starts it.
registry.category("web_tour.tours").add("eboc_campaign_tour", {
    url: "/odoo/action-eboc_campaigns.eboc_campaign_action",
    steps: () => [
        {
            content: "New campaign",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=title] input",
            run: "edit Tour recruitment drive",
        },
        {
            trigger: ".o_field_widget[name=campaign_type] select",
            run: 'select "recruitment"',
        },
        {
            content: "Whom it is for",
            trigger: ".o_field_widget[name=segment_id] input",
            run: "edit Tour Prospects",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Prospects)",
            run: "click",
        },
        {
            content: "Which contacts",
            trigger: ".o_field_widget[name=contact_role_ids] input",
            run: "edit HR",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(HR)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=goal] input",
            run: "edit 5",
        },
        {
            content: "The campaign reaches the HR contact of the segment",
            trigger: "button[name=action_open_recipients] .o_stat_value:contains(1)",
        },
        {
            content: "Start it",
            trigger: "button[name=action_start]",
            run: "click",
        },
        {
            content: "It runs and has taken on the segment's company",
            trigger: "button[name=action_open_targets] .o_stat_value:contains(1)",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Running)",
        },
    ],
});

// A communications officer starts a lobbying campaign and sends its questionnaire.
registry.category("web_tour.tours").add("eboc_lobbying_tour", {
    steps: () => [
        {
            content: "One key contact to ask",
            trigger: "button[name=action_open_recipients] .o_stat_value:contains(1)",
        },
        {
            content: "Start the campaign",
            trigger: ".o_form_view button[name=action_start]",
            run: "click",
        },
        {
            content: "Send the questionnaire",
            trigger: ".o_form_view button[name=action_send_questionnaire]",
            run: "click",
        },
        {
            content: "The wizard names the campaign's contacts, not a list to fill",
            trigger: ".modal .o_field_widget[name=eboc_recipient_count]:contains(1)",
        },
        {
            trigger: ".modal button[name=action_invite]",
            run: "click",
        },
        {
            content: "The contact is invited",
            trigger: "body:not(:has(.modal)) button[name=action_open_responses] .o_stat_value:contains(1)",
        },
    ],
});
