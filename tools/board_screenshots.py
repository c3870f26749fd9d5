"""Screenshots of the board's view for eboc_board's readme.

Run against a running demo database (``./eboc run``), with Odoo's interpreter::

    <odoo's python> tools/board_screenshots.py [--url http://localhost:8069]

It logs in as the demo administrator, opens the EBMO dashboard and the board's
reports in headless Chromium (see ``portal_screenshots.py``) and writes PNG files
into ``addons/eboc_board/static/description/``.
"""

import argparse
import base64
import shutil
import time

from portal_screenshots import REPO, Chrome, login

PAGES = [
    ("board_dashboard", "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action", 12),
    ("board_density", "/odoo/action-eboc_board.eboc_density_report_action", 5),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="eboc")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument(
        "--chrome", default=shutil.which("chromium") or shutil.which("google-chrome")
    )
    args = parser.parse_args()
    session_id = login(args.url, args.db, args.login, args.password)
    chrome = Chrome(args.chrome)
    try:
        host = args.url.split("://", 1)[1].split(":")[0].split("/")[0]
        chrome.call("Network.enable")
        chrome.call("Network.setCookie", name="session_id", value=session_id, domain=host, path="/")
        chrome.call(
            "Emulation.setDeviceMetricsOverride",
            width=1400,
            height=1000,
            deviceScaleFactor=1,
            mobile=False,
        )
        for name, path, wait in PAGES:
            chrome.call("Page.navigate", url=args.url + path)
            time.sleep(wait)  # the web client, then the spreadsheet, load after the page
            shot = chrome.call("Page.captureScreenshot", format="png")
            target = REPO / "addons" / "eboc_board" / "static" / "description" / f"{name}.png"
            target.write_bytes(base64.b64decode(shot["data"]))
            print(f"{path} -> {target.relative_to(REPO)}")
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
