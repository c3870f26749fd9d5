"""The static tier: pytest over ``tests/``, ruff, and pylint-odoo (mandatory checks).

The tools come from a project venv ``.venv/`` built from ``requirements-dev.txt``
the first time and rebuilt when that file changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .common import (
    LOG_DIR,
    REPO,
    EbocError,
    info,
    make_venv,
    prune_logs,
    run,
    sha256_of,
    tail_text,
)

VENV = REPO / ".venv"
DEV_REQUIREMENTS = REPO / "requirements-dev.txt"
PYLINTRC = REPO / ".pylintrc-mandatory"
PYPROJECT = REPO / "pyproject.toml"
LINT_DIRS = ("tools", "tests", "bench")


@dataclass
class Check:
    name: str
    ok: bool
    output: str = ""


@dataclass
class StaticResult:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, check: Check) -> None:
        if check.ok:
            self.passed += 1
            info(f"PASS {check.name}")
        else:
            self.failed += 1
            self.failures.append(check.name)
            info(f"FAIL {check.name}")
            if check.output.strip():
                print(_indent(check.output.rstrip()), flush=True)


def _indent(text: str) -> str:
    return "\n".join(f"      {line}" for line in text.splitlines())


def venv_python() -> Path:
    return VENV / "bin" / "python"


def ensure_dev_venv() -> str:
    """The python of ``.venv/`` with requirements-dev.txt installed."""
    python = venv_python()
    stamp = VENV / ".eboc-requirements-dev.sha256"
    wanted = sha256_of(DEV_REQUIREMENTS.read_bytes())
    healthy = python.exists() and run([python, "-c", "pass"], check=False).returncode == 0
    if healthy and stamp.exists() and stamp.read_text().strip() == wanted:
        return str(python)
    if not healthy:
        info(f"creating {VENV.name}/ ({sys.executable} -m venv)")
        make_venv(sys.executable, VENV)
    info(f"installing {DEV_REQUIREMENTS.name} into {VENV.name}/")
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    proc = run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", "-r", DEV_REQUIREMENTS],
        check=False,
        capture=True,
    )
    (LOG_DIR / "pip-dev-venv.log").write_text(proc.stdout or "", encoding="utf-8")
    if proc.returncode != 0:
        raise EbocError(
            f"installing {DEV_REQUIREMENTS.name} failed (log: {LOG_DIR / 'pip-dev-venv.log'}):\n"
            + tail_text(proc.stdout or "", 12)
        )
    stamp.write_text(wanted + "\n", encoding="utf-8")
    return str(python)


def parse_junit(path: Path) -> tuple[int, int, int]:
    """(passed, failed, skipped) from a pytest JUnit XML report."""
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = failed = skipped = 0
    for suite in suites:
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return total - failed - skipped, failed, skipped


def run_pytest(python: str, addons: Path, result: StaticResult, extra_env: dict) -> None:
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    prune_logs("pytest-*.xml", keep=5)
    junit = LOG_DIR / f"pytest-{time.strftime('%Y%m%d-%H%M%S')}.xml"
    env = dict(os.environ, **extra_env, EBOC_ADDONS_DIR=str(addons))
    cmd = [python, "-m", "pytest", str(REPO / "tests"), "-q", "-rfEs", f"--junitxml={junit}"]
    info("pytest tests/")
    proc = subprocess.run(cmd, cwd=REPO, env=env, check=False)
    if not junit.exists():
        result.failed += 1
        result.failures.append(f"pytest (exit {proc.returncode}, no report written)")
        return
    passed, failed, skipped = parse_junit(junit)
    result.passed += passed
    result.failed += failed
    result.skipped += skipped
    if failed:
        result.failures.append(f"pytest: {failed} failed")
    elif proc.returncode not in (0, 5):
        result.failed += 1
        result.failures.append(f"pytest exited {proc.returncode}")
    info(f"pytest: {passed} passed, {failed} failed, {skipped} skipped")


def _lint_paths(addons: Path) -> list[str]:
    paths = [str(addons)] if addons.is_dir() else []
    paths += [str(REPO / d) for d in LINT_DIRS if (REPO / d).is_dir()]
    return paths


def run_ruff(python: str, addons: Path, result: StaticResult) -> None:
    paths = _lint_paths(addons)
    base = [python, "-m", "ruff"]
    check = run(
        [*base, "check", "--no-fix", "--output-format=concise", "--config", PYPROJECT, *paths],
        check=False,
        capture=True,
        cwd=REPO,
    )
    result.add(Check("ruff check", check.returncode == 0, check.stdout))
    fmt = run(
        [*base, "format", "--check", "--diff", "--config", PYPROJECT, *paths],
        check=False,
        capture=True,
        cwd=REPO,
    )
    output = fmt.stdout
    if fmt.returncode != 0:
        output = (
            tail_text(output, 60) + "\n(fix with: .venv/bin/ruff format addons tools tests bench)"
        )
    result.add(Check("ruff format --check", fmt.returncode == 0, output))


def run_pylint(python: str, addons: Path, addon_names: list[str], result: StaticResult) -> None:
    for name in addon_names:
        proc = run(
            [
                python,
                "-m",
                "pylint",
                f"--rcfile={PYLINTRC}",
                "--output-format=text",
                str(addons / name),
            ],
            check=False,
            capture=True,
            cwd=REPO,
        )
        result.add(Check(f"pylint-odoo (mandatory) {name}", proc.returncode == 0, proc.stdout))


def static_tier(addons: Path, addon_names: list[str]) -> StaticResult:
    result = StaticResult()
    try:
        python = ensure_dev_venv()
    except EbocError as exc:
        result.add(Check("dev tools venv (.venv/)", False, str(exc)))
        return result
    run_pytest(python, addons, result, {})
    run_ruff(python, addons, result)
    run_pylint(python, addons, addon_names, result)
    return result
