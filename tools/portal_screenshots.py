"""Screenshots of the member portal for the addons' readmes.

Run against a running demo database (``./eboc run``), with Odoo's interpreter::

    <odoo's python> tools/portal_screenshots.py [--url http://localhost:8069]

(the interpreter ``./eboc`` reports: it has requests and websocket-client).

It logs in as the demo portal user (``member`` / ``member``), opens each page in
headless Chromium through the DevTools protocol and writes PNG files into the
addon that owns the page (``static/description/portal_*.png``).
"""

import argparse
import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import requests
import websocket

REPO = Path(__file__).resolve().parents[1]
PAGES = [
    ("eboc_portal", "portal_home", "/my/home"),
    ("eboc_membership", "portal_memberships", "/my/memberships"),
    ("eboc_membership", "portal_company", "/my/company?edit=1"),
    ("eboc_membership", "portal_join", "/eboc/join"),
    ("eboc_dues", "portal_invoices", "/my/invoices"),
    ("eboc_events", "portal_services", "/my/services"),
    ("eboc_events", "portal_events", "/my/events"),
    ("eboc_campaigns", "portal_questionnaires", "/my/questionnaires"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def login(url, db, user, password):
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": password}},
        timeout=30,
    )
    response.raise_for_status()
    if response.json().get("error"):
        raise SystemExit(f"login failed: {response.json()['error']['data']['message']}")
    return session.cookies["session_id"]


class Chrome:
    def __init__(self, binary):
        self.port = free_port()
        self.profile = tempfile.mkdtemp()
        self.proc = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                "--window-size=1280,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(50):
            try:
                targets = requests.get(f"http://127.0.0.1:{self.port}/json", timeout=2).json()
                page = next(t for t in targets if t["type"] == "page")
                break
            except (requests.ConnectionError, StopIteration):
                time.sleep(0.2)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.ids = 0

    def call(self, method, **params):
        self.ids += 1
        self.ws.send(json.dumps({"id": self.ids, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.ids:
                return message.get("result", {})

    def close(self):
        self.ws.close()
        self.proc.terminate()
        shutil.rmtree(self.profile, ignore_errors=True)


def arguments(description, login, password):
    """The command line both screenshot tools take."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="eboc")
    parser.add_argument("--login", default=login)
    parser.add_argument("--password", default=password)
    parser.add_argument(
        "--chrome", default=shutil.which("chromium") or shutil.which("google-chrome")
    )
    return parser.parse_args()


def browser(args, width, height):
    """Headless Chromium logged in as ``args.login``, with a ``width`` x ``height`` page."""
    session_id = login(args.url, args.db, args.login, args.password)
    chrome = Chrome(args.chrome)
    chrome.call("Network.enable")
    host = args.url.split("://", 1)[1].split(":")[0].split("/")[0]
    chrome.call("Network.setCookie", name="session_id", value=session_id, domain=host, path="/")
    chrome.call(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=False,
    )
    return chrome


def save(chrome, addon, name):
    shot = chrome.call("Page.captureScreenshot", format="png")
    target = REPO / "addons" / addon / "static" / "description" / f"{name}.png"
    target.write_bytes(base64.b64decode(shot["data"]))
    return target.relative_to(REPO)


def main():
    args = arguments(__doc__.splitlines()[0], "member", "member")
    chrome = browser(args, 1280, 900)
    try:
        for addon, name, path in PAGES:
            chrome.call("Page.navigate", url=args.url + path)
            time.sleep(3)  # the portal's counters and widgets load after the page
            # The footer is the Odoo build's branding, not the page.
            chrome.call("Runtime.evaluate", expression="document.querySelector('footer')?.remove()")
            print(f"{path} -> {save(chrome, addon, name)}")
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
