"""Paths, console output and subprocess helpers shared by the ``eboc`` tools."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STATE_DIR = REPO / ".eboc"
LOG_DIR = STATE_DIR / "logs"
ADDONS_DIR = REPO / "addons"
ODOO_CONF = REPO / "odoo.conf"
ADDON_PREFIX = "eboc_"
# Odoo modules installed with the addons for the demo database and the tests, never
# required by an addon: Odoo's fake payment provider shows and tests the member
# portal's online payment; a real EBMO configures its own provider instead.
DEMO_EXTRAS = ("payment_demo",)


class EbocError(Exception):
    """A failure with a message meant for the person at the terminal."""


def header(title: str) -> None:
    print(f"\n== {title}", flush=True)


def info(msg: str) -> None:
    print(f"   {msg}", flush=True)


def warn(msg: str) -> None:
    print(f"   WARNING: {msg}", flush=True)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def which(name: str, path: str | None = None) -> str | None:
    return shutil.which(name, path=path)


def run(cmd, *, check=True, capture=False, env=None, cwd=None, input_text=None, timeout=None):
    """Run ``cmd`` (a list); with ``capture`` return stdout+stderr as text.

    A command that cannot be started or exits non-zero (when ``check``) raises
    :class:`EbocError` carrying the command line and the tail of its output.
    """
    try:
        proc = subprocess.run(
            [str(c) for c in cmd],
            check=False,
            text=True,
            env=env,
            cwd=cwd,
            input=input_text,
            timeout=timeout,
            stdout=subprocess.PIPE if capture else None,
            stderr=subprocess.STDOUT if capture else None,
        )
    except FileNotFoundError as exc:
        raise EbocError(f"cannot run {cmd[0]}: {exc.strerror}") from exc
    except subprocess.TimeoutExpired as exc:
        raise EbocError(f"timed out after {timeout}s: {' '.join(map(str, cmd))}") from exc
    if check and proc.returncode != 0:
        tail = tail_text(proc.stdout or "")
        raise EbocError(
            f"command failed (exit {proc.returncode}): {' '.join(map(str, cmd))}"
            + (f"\n{tail}" if tail else "")
        )
    return proc


def tail_text(text: str, lines: int = 25) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def sha256_of(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
    return digest.hexdigest()


def addons_dir() -> Path:
    """The folder holding the project's addons (``EBOC_ADDONS_DIR`` overrides it)."""
    override = os.environ.get("EBOC_ADDONS_DIR")
    return Path(override).resolve() if override else ADDONS_DIR


def discover_addons(folder: Path | None = None) -> list[str]:
    """Names of the addons in ``folder``: every ``*/__manifest__.py``, sorted."""
    folder = folder or addons_dir()
    return sorted(p.parent.name for p in folder.glob("*/__manifest__.py"))


def make_venv(python: str, path: Path) -> None:
    """``python -m venv path``; on Debian without ensurepip, install python3-venv (root)."""
    proc = run([python, "-m", "venv", "--clear", str(path)], check=False, capture=True)
    if proc.returncode == 0:
        return
    if "ensurepip" in (proc.stdout or "") and is_root() and which("apt-get"):
        info("this Python has no ensurepip: apt-get install -y python3-venv")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update"], capture=True, env=env)
        run(["apt-get", "install", "-y", "python3-venv"], capture=True, env=env)
        proc = run([python, "-m", "venv", "--clear", str(path)], check=False, capture=True)
        if proc.returncode == 0:
            return
    hint = (
        "\n(on Debian/Ubuntu: sudo apt-get install -y python3-venv)"
        if "ensurepip" in (proc.stdout or "")
        else ""
    )
    raise EbocError(
        f"could not create the venv {path} with {python}:\n{tail_text(proc.stdout or '')}{hint}"
    )


def prune_logs(pattern: str, keep: int = 10) -> None:
    """Delete all but the ``keep`` newest files of ``LOG_DIR`` matching ``pattern``."""
    files = sorted(LOG_DIR.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)
