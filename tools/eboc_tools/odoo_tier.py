"""The odoo tier: install the addons in a fresh database and run their Odoo tests."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import logscan
from .common import ADDON_PREFIX, DEMO_EXTRAS, LOG_DIR, EbocError, info, prune_logs
from .odoo_env import drop_database, ensure_browser, free_port, prepare
from .odoo_locate import OdooNotAvailable, odoo_requested

DEFAULT_TIMEOUT = 3600  # seconds; EBOC_ODOO_TEST_TIMEOUT overrides
DRAIN_SECONDS = 10  # what is left in the pipe once Odoo has exited


@dataclass
class OdooTierResult:
    addons: list[str]
    skipped_reason: str | None = None
    passed: int = 0
    failed: int = 0
    reasons: list[str] = field(default_factory=list)
    log: Path | None = None

    def fail(self, reason: str) -> OdooTierResult:
        self.failed = max(self.failed, 1)
        self.reasons.append(reason)
        return self


def _stream(cmd: list[str], env: dict, log: Path, verbose: bool, timeout: int) -> tuple[int, bool]:
    """Run ``cmd``, tee its output to ``log``, show a condensed view; (exit code, timed out).

    The output is read in a thread and the run ends when Odoo exits, not when its
    output pipe closes: a browser that Odoo started and failed to stop (a tour skipped
    on a slow first start) keeps the pipe open after Odoo is gone.
    """
    condenser = logscan.Condenser(ADDON_PREFIX)
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        bufsize=1,
        env=env,
    )

    def copy_output(handle):
        try:
            for line in proc.stdout:
                handle.write(line)
                handle.flush()
                if verbose or condenser.wants(line):
                    sys.stdout.write(line)
                    sys.stdout.flush()
        except ValueError:  # the log was closed: Odoo is gone, the rest is not its
            return

    with open(log, "w", encoding="utf-8") as handle:
        reader = threading.Thread(target=copy_output, args=(handle,), daemon=True)
        reader.start()
        try:
            try:
                returncode, timed_out = proc.wait(timeout=timeout), False
            except subprocess.TimeoutExpired:
                proc.terminate()
                returncode, timed_out = proc.wait(), True
            reader.join(timeout=DRAIN_SECONDS)
            if reader.is_alive():
                info("odoo has exited; a process it started still holds its output open")
        except KeyboardInterrupt:
            # Odoo got the same SIGINT from the terminal (or gets SIGTERM now) and stops.
            if proc.poll() is None:
                proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
            raise
    return returncode, timed_out


def _retry(env, db: str, port: int, retries: dict, stamp: str, verbose: bool, timeout: int) -> int:
    """Run once more, on the same database, the browser tests Odoo skipped because the
    browser was slow to start; the number that passed this time, or 0 (then the skips
    stay counted as failures)."""
    tags = ",".join(retries)
    info(f"browser tests skipped on a slow browser start, trying them once more: {tags}")
    log = LOG_DIR / f"odoo-test-{stamp}-retry.log"
    cmd = env.command(
        "-d", db, "--test-enable", "--test-tags", tags, "--stop-after-init",
        "--log-level=test", "--http-port", str(port),
    )  # fmt: skip
    returncode, timed_out = _stream(cmd, env.env(), log, verbose, timeout)
    with open(log, encoding="utf-8", errors="replace") as handle:
        again = logscan.scan(handle, prefix=ADDON_PREFIX, db_name=db)
    if returncode or timed_out or not again.ok or again.passed != len(retries):
        info(f"the retry did not pass ({log})")
        return 0
    return again.passed


def odoo_tier(
    addons_dir: Path, addons: list[str], *, keep_db: bool = False, verbose: bool = False
) -> OdooTierResult:
    result = OdooTierResult(addons=addons)
    if not addons:
        return result.fail(f"no addon (*/__manifest__.py) found in {addons_dir}")
    port = free_port()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    prune_logs("odoo-test-*.log", keep=10)
    overrides = {
        "http_interface": "127.0.0.1",
        "http_port": str(port),
        "without_demo": "False",  # demo data is installed too, so its loading is tested
        "max_cron_threads": "0",
        "workers": "0",
        "list_db": "False",
        "log_level": "test",
        "screenshots": str(LOG_DIR / "screenshots"),
        "screencasts": "",
    }
    try:
        env = prepare("test", addons_dir, overrides)
    except OdooNotAvailable as exc:
        if odoo_requested():
            return result.fail(f"{odoo_requested()} was given, but Odoo 18 cannot run: {exc}")
        result.skipped_reason = f"no Odoo 18 ({exc})"
        return result
    except EbocError as exc:
        return result.fail(str(exc))
    db = f"eboc_test_{os.getpid()}"
    try:
        try:
            browser = ensure_browser()
        except EbocError as exc:
            return result.fail(str(exc))
        info(f"browser for tours: {browser}")
        drop_database(env, db)
        env.pg.server.create_db(db)
        tags = ",".join(f"/{name}" for name in addons)
        cmd = env.command(
            "-d",
            db,
            "-i",
            ",".join([*addons, *DEMO_EXTRAS]),
            "--test-enable",
            "--test-tags",
            tags,
            "--stop-after-init",
            "--log-level=test",
            "--http-port",
            str(port),
        )
        result.log = LOG_DIR / f"odoo-test-{stamp}.log"
        info(f"database {db}, http 127.0.0.1:{port}, log {result.log}")
        info("$ " + " ".join(cmd))
        timeout = int(os.environ.get("EBOC_ODOO_TEST_TIMEOUT", DEFAULT_TIMEOUT))
        returncode, timed_out = _stream(cmd, env.env(), result.log, verbose, timeout)
        with open(result.log, encoding="utf-8", errors="replace") as handle:
            scan = logscan.scan(handle, prefix=ADDON_PREFIX, db_name=db)
        if timed_out:
            scan.problems.append(logscan.Problem("timeout", 0, f"odoo killed after {timeout}s"))
        elif returncode != 0 and scan.ok:
            # Nothing in the log explains it: count the exit status itself.
            scan.problems.append(
                logscan.Problem("exit", 0, f"odoo exited with status {returncode}")
            )
        retried = 0
        retries = logscan.slow_browser_retries(scan)
        if retries and not timed_out:
            retried = _retry(env, db, port, retries, stamp, verbose, timeout)
            if retried:
                scan.problems = [p for p in scan.problems if p not in retries.values()]
                scan.skipped = [s for s in scan.skipped if "chrome devtools port" not in s]
        result.passed, result.failed = scan.passed + retried, scan.failed
        result.reasons = logscan.summary_lines(scan)
        if returncode != 0 and not timed_out:
            result.reasons.append(f"(odoo exited with status {returncode})")
        return result
    except EbocError as exc:
        return result.fail(str(exc))
    finally:
        try:
            if keep_db:
                info(f"kept database {db} (--keep-db); drop it with: ./eboc odoo db drop {db}")
            else:
                drop_database(env, db)
        except EbocError as exc:
            info(f"could not drop {db}: {exc}")
        try:
            env.pg.release()
        except EbocError as exc:
            info(f"could not stop PostgreSQL: {exc}")
