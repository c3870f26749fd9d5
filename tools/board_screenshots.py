"""Screenshots of the board's view for eboc_board's readme.

Run against a running demo database (``./eboc run``), with Odoo's interpreter::

    <odoo's python> tools/board_screenshots.py [--url http://localhost:8069]

It logs in as the demo administrator, opens the EBMO dashboard and the board's
reports in headless Chromium (see ``portal_screenshots.py``) and writes PNG files
into ``addons/eboc_board/static/description/``.
"""

import time

from portal_screenshots import arguments, browser, save

PAGES = [
    ("board_dashboard", "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action", 12),
    ("board_density", "/odoo/action-eboc_board.eboc_density_report_action", 5),
]


def main():
    args = arguments(__doc__.splitlines()[0], "admin", "admin")
    chrome = browser(args, 1400, 1000)
    try:
        for name, path, wait in PAGES:
            chrome.call("Page.navigate", url=args.url + path)
            time.sleep(wait)  # the web client, then the spreadsheet, load after the page
            print(f"{path} -> {save(chrome, 'eboc_board', name)}")
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
