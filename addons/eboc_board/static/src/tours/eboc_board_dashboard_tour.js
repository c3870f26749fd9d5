import { registry } from "@web/core/registry";

// The spreadsheet draws its cells on a canvas: their text is not in the DOM. The
// model of the dashboard on screen is read from the component tree instead.
function getDashboardModel() {
    const nodes = [odoo.__WOWL_DEBUG__.root.__owl__];
    while (nodes.length) {
        const node = nodes.pop();
        const model = node.component?.props?.model;
        if (model?.getters?.getActiveSheetId) {
            return model;
        }
        nodes.push(...Object.values(node.children || {}));
    }
    return undefined;
}

function cell(model, xc) {
    const { getters } = model;
    const sheetId = getters.getActiveSheetId();
    const { col, row } = toCartesian(xc);
    return getters.getEvaluatedCell({ sheetId, col, row });
}

function toCartesian(xc) {
    const [, letters, digits] = xc.match(/^([A-Z]+)([0-9]+)$/);
    let col = 0;
    for (const letter of letters) {
        col = col * 26 + letter.charCodeAt(0) - 64;
    }
    return { col: col - 1, row: Number(digits) - 1 };
}

async function waitFor(check, what, timeout = 20000) {
    const start = Date.now();
    let last;
    while (Date.now() - start < timeout) {
        last = check();
        if (last === true) {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what}: ${last}`);
}

// The board opens the Dashboards app, picks the EBMO dashboard and reads its key
// figures: the labels are there and the number of members is loaded.
registry.category("web_tour.tours").add("eboc_board_dashboard_tour", {
    url: "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
    steps: () => [
        {
            content: "The Membership group lists the EBMO dashboard",
            trigger: ".o_search_panel_section:has(header:contains(Membership)) li[data-name='EBMO']",
            run: "click",
        },
        {
            content: "It is the open dashboard",
            trigger: ".o_search_panel_category_value.active[data-name='EBMO']",
        },
        {
            content: "Its global filters are in the control panel",
            trigger: ".o_control_panel .o-filter-value input[placeholder*='Association']",
        },
        {
            trigger: ".o_control_panel .o-filter-value input[placeholder*='Region']",
        },
        {
            content: "The grid is drawn",
            trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
        },
        {
            content: "Figures are loaded: pivot values can be clicked",
            trigger: ".o_spreadsheet_dashboard_action .o-dashboard-clickable-cell",
        },
        {
            content: "The key figures read as the board expects",
            trigger: ".o_spreadsheet_dashboard_action .o-grid",
            async run() {
                const model = getDashboardModel();
                if (!model) {
                    throw new Error("No spreadsheet model on screen");
                }
                await waitFor(
                    () => cell(model, "A1").formattedValue === "Key figures" ||
                        `A1 reads "${cell(model, "A1").formattedValue}"`,
                    "Section title"
                );
                await waitFor(
                    () => cell(model, "A2").formattedValue === "Members" ||
                        `A2 reads "${cell(model, "A2").formattedValue}"`,
                    "KPI label"
                );
                await waitFor(() => {
                    const members = cell(model, "A3");
                    return (
                        members.type === "number" ||
                        `A3 is ${members.type}: "${members.formattedValue}" ${members.message || ""}`
                    );
                }, "Members KPI");
                await waitFor(() => {
                    const rate = cell(model, "C6");
                    return (
                        rate.type !== "error" ||
                        `C6 is an error: ${rate.message || rate.formattedValue}`
                    );
                }, "Collection rate KPI");
            },
        },
    ],
});
