"""Odoo + PostgreSQL + generated config: what ``run``, ``test``, ``shell`` and ``odoo`` share."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .common import STATE_DIR, EbocError, info, is_root, run, which
from .odoo_locate import OdooInstall, ensure_project_requirements, locate_odoo
from .odooconf import build_options, read_options, write_conf
from .pgcluster import Postgres, remove_tree

DATA_DIR = STATE_DIR / "data"
RUN_DB = "eboc"
BROWSERS = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")
# Subcommands of odoo that take no -c/--config.
NO_CONFIG_SUBCOMMANDS = {
    "scaffold",
    "help",
    "deploy",
    "tsconfig",
    "upgrade_code",
    "start",
    "genproxytoken",
}


@dataclass
class OdooEnv:
    odoo: OdooInstall
    pg: Postgres
    conf: Path
    addons_dir: Path

    def command(self, *args: str) -> list[str]:
        args = list(args)
        if args and not args[0].startswith("-"):
            if args[0] in NO_CONFIG_SUBCOMMANDS:
                return [*self.odoo.cmd, *args]
            return [*self.odoo.cmd, args[0], "-c", str(self.conf), *args[1:]]
        return [*self.odoo.cmd, "-c", str(self.conf), *args]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.odoo.env)
        # Odoo reads its connection from the config file; stray libpq variables
        # must not redirect it (PGPASSWORD of a configured server is kept).
        if self.pg.target.embedded:
            for key in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"):
                env.pop(key, None)
        return env

    def filestore(self, db: str) -> Path:
        return DATA_DIR / "filestore" / db


def db_options(pg: Postgres) -> dict[str, str | None]:
    target = pg.target
    if target.embedded:
        return {
            "db_host": target.host,
            "db_port": str(target.port),
            "db_user": target.user,
            "db_password": "False",
        }
    if target.source.startswith("PGHOST"):
        # The password stays in the environment (libpq reads PGPASSWORD).
        return {
            "db_host": target.host,
            "db_port": str(target.port) if target.port else None,
            "db_user": target.user,
        }
    return {}  # configured in odoo.conf itself


def prepare(kind: str, addons_dir: Path, overrides: dict[str, str]) -> OdooEnv:
    """Locate Odoo, start PostgreSQL, write ``.eboc/odoo-<kind>.conf``.

    Raises :class:`~eboc_tools.odoo_locate.OdooNotAvailable` when there is no
    Odoo 18, and :class:`EbocError` for anything else.
    """
    odoo = locate_odoo()
    info(odoo.describe())
    ensure_project_requirements(odoo)
    base = read_options()
    pg = Postgres(base, python=odoo.python)
    pg.ensure()
    options = build_options(
        base,
        addons_paths=[*odoo.addons_paths, str(addons_dir)],
        data_dir=DATA_DIR,
        db=db_options(pg),
        overrides=overrides,
    )
    conf = write_conf(f"odoo-{kind}.conf", options)
    return OdooEnv(odoo=odoo, pg=pg, conf=conf, addons_dir=addons_dir)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def find_browser() -> str | None:
    for name in BROWSERS:
        path = which(name)
        if path:
            return path
    return None


# Headless, as root, on a machine with no screen and no outbound network of its own.
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def ensure_browser() -> str:
    """Chromium for the HttpCase tours, installed with apt when root."""
    path = find_browser()
    if path:
        warm_up_browser(path)
        return path
    if not is_root() or not which("apt-get"):
        raise EbocError(
            "Chromium is needed for the browser tests (tours) and was not found; install it with:"
            "\n    sudo apt-get update && sudo apt-get install -y chromium"
        )
    info("Chromium not found: apt-get update && apt-get install -y chromium")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update"], capture=True, env=env)
    run(["apt-get", "install", "-y", "chromium"], capture=True, env=env)
    path = find_browser()
    if not path:
        raise EbocError("apt-get installed chromium but no chromium executable is on PATH")
    warm_up_browser(path)
    return path


def warm_up_browser(path: str, timeout: int = 120) -> None:
    """Start a freshly installed Chromium once, headless, before Odoo does: its very
    first start (profile, font caches) can take longer than the fixed 10 seconds Odoo
    waits for the browser's debugging port, and Odoo then skips the tour."""
    with tempfile.TemporaryDirectory(prefix="eboc-chromium-") as profile:
        cmd = [path, *BROWSER_FLAGS, f"--user-data-dir={profile}", "--dump-dom", "about:blank"]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            info(f"Chromium's first start did not finish ({exc}); the tours may be skipped")


def ensure_pdf_renderer() -> None:
    """wkhtmltopdf, which Odoo needs to print invoices as PDF, installed with apt when
    root; without it Odoo still runs, and we say how to get PDFs."""
    if which("wkhtmltopdf"):
        return
    if not is_root() or not which("apt-get"):
        info(
            "wkhtmltopdf not found: Odoo cannot print PDF invoices until it is installed"
            " (sudo apt-get install -y wkhtmltopdf)"
        )
        return
    info("wkhtmltopdf not found (PDF invoices): apt-get install -y wkhtmltopdf")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update"], capture=True, env=env)
    run(
        ["apt-get", "install", "-y", "--no-install-recommends", "wkhtmltopdf"],
        capture=True,
        env=env,
    )


def drop_database(env: OdooEnv, db: str) -> None:
    env.pg.server.drop_db(db)
    remove_tree(env.filestore(db))


def run_foreground(cmd: list[str], env: dict[str, str], *, interactive: bool = False) -> int:
    """Run ``cmd`` until it exits; Ctrl-C and SIGTERM reach it exactly once.

    A server runs in its own process group and we forward SIGINT/SIGTERM to it
    (so ``kill -INT`` on ./eboc also works). An interactive command (odoo
    shell) stays in the terminal's group and handles Ctrl-C itself.
    """
    proc = subprocess.Popen(cmd, env=env, process_group=None if interactive else 0)

    def forward(signum, _frame):
        if proc.poll() is None:
            proc.send_signal(signum)

    previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN if interactive else forward)
    previous_term = signal.signal(signal.SIGTERM, forward)
    try:
        return proc.wait()
    finally:
        signal.signal(signal.SIGINT, previous_int)
        signal.signal(signal.SIGTERM, previous_term)


def addon_list(text: str | None, available: list[str]) -> list[str]:
    """``a,b`` checked against the addons found, or all of them."""
    if not text:
        return available
    wanted = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in available]
    if unknown:
        raise EbocError(
            f"unknown addon(s): {', '.join(unknown)} (found: {', '.join(available) or 'none'})"
        )
    return wanted
