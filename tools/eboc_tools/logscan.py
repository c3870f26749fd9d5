"""Read an Odoo 18 test log and decide whether the run was clean.

Pure functions and plain data only (no I/O), so the rules are unit-tested in
``tests/test_logscan.py``. A log line looks like::

    2026-11-22 12:00:00,123 4242 INFO dbname odoo.tests.result: 0 failed, ...

Anything that does not start like that is a continuation (a traceback line) of
the record above it.

The run is clean when:

* Odoo's closing line ``odoo.tests.result: F failed, E error(s) of T tests when
  loading database 'db'`` (``OdooTestResult.__str__``, logged by
  ``odoo/service/server.py``) is present, with F == E == 0 and T > 0;
* no record is at level ERROR or CRITICAL (the echo of a failing test is not
  counted twice: it is already in F or E);
* no record is at level WARNING: a warning at install or during the tests is a
  bug, whoever logs it. Those from our addons' loggers (``odoo.addons.eboc_*``) or
  naming one of our addons or models (Odoo's own loggers warn about our code too,
  for example "The models ['eboc.x'] have no access rules") are reported as
  ``addon-warning``, the others as ``warning`` (for example docutils complaining
  about an addon description, logged by ``ir_module``);
* no browser (HttpCase) test was skipped: tours must really run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

LINE_RE = re.compile(
    r"^(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) (?P<pid>\d+) "
    r"(?P<level>[A-Z_]+) (?P<db>\S+) (?P<logger>\S+?): ?(?P<msg>.*)$"
)
RESULT_RE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<total>\d+) tests"
    r" when loading database '(?P<db>[^']*)'"
)
# What odoo.modules.loading logs at ERROR when tests failed (already counted in F/E).
LOADING_ECHO_RE = re.compile(
    r"^(At least one test failed|Module \S+: \d+ failures, \d+ errors of \d+ tests)"
)
SKIP_RE = re.compile(r"^skipped (?P<test>.*?) : (?P<reason>.*)$")

# Texts from odoo/tests/common.py (Odoo 18) that mean a browser test could not run.
BROWSER_SKIP_TEXTS = (
    "websocket-client module is not installed",
    "Chrome executable not found",
    "Failed to detect chrome devtools port",
    "Error during Chrome headless connection",
    "Error during Chrome connection",
    "Cannot connect to chrome dev tools",
)
BROWSER_REASON_RE = re.compile(r"chrom|websocket|browser|devtools", re.IGNORECASE)
FAILURE_LEVELS = ("ERROR", "CRITICAL")
MAX_CONTEXT_LINES = 12


@dataclass
class Record:
    """One log record: its first line parsed, plus its continuation lines."""

    lineno: int
    level: str
    db: str
    logger: str
    msg: str
    raw: str
    extra: list[str] = field(default_factory=list)

    def text(self, max_lines: int = MAX_CONTEXT_LINES) -> str:
        lines = [self.raw, *self.extra[:max_lines]]
        if len(self.extra) > max_lines:
            lines.append(f"... ({len(self.extra) - max_lines} more lines)")
        return "\n".join(lines)


@dataclass
class Problem:
    kind: str  # error | addon-warning | warning | browser-skip | no-result | no-tests | test-output
    lineno: int
    text: str

    def __str__(self) -> str:
        where = f"line {self.lineno}: " if self.lineno else ""
        return f"[{self.kind}] {where}{self.text}"


@dataclass
class ScanResult:
    tests_run: int | None = None
    failures: int = 0
    errors: int = 0
    database: str | None = None
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    test_failure_records: list[Record] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.failures and not self.errors

    @property
    def failed(self) -> int:
        """Failed tests plus every problem found outside the tests' own counts."""
        return self.failures + self.errors + len(self.problems)

    @property
    def passed(self) -> int:
        run = self.tests_run or 0
        return max(run - self.failures - self.errors - len(self.skipped), 0)


def parse_line(line: str) -> dict | None:
    """The fields of a log record's first line, or None for a continuation line."""
    match = LINE_RE.match(line.rstrip("\n"))
    return match.groupdict() if match else None


def iter_records(lines: Iterable[str]) -> Iterable[Record]:
    """Group raw lines into records; lines before the first record are dropped."""
    current: Record | None = None
    for lineno, line in enumerate(lines, start=1):
        line = line.rstrip("\n")
        fields = parse_line(line)
        if fields is None:
            if current is not None:
                current.extra.append(line)
            continue
        if current is not None:
            yield current
        current = Record(
            lineno=lineno,
            level=fields["level"],
            db=fields["db"],
            logger=fields["logger"],
            msg=fields["msg"],
            raw=line,
        )
    if current is not None:
        yield current


def is_test_logger(logger: str) -> bool:
    """True for the logger of a test module (``odoo.addons.x.tests...``)."""
    return logger.startswith("odoo.addons.") and (".tests." in logger or logger.endswith(".tests"))


def mentions_addons(msg: str, prefix: str, db_name: str | None = None) -> bool:
    """True when ``msg`` names one of our addons (``eboc_x``) or models (``eboc.x``)."""
    if db_name:
        msg = msg.replace(db_name, "<db>")
    model_prefix = re.escape(prefix.rstrip("_") + ".")
    return bool(re.search(rf"\b(?:{re.escape(prefix)}|{model_prefix})[a-z0-9]", msg))


def browser_skip_reason(record: Record) -> str | None:
    """The reason when ``record`` says a browser test was skipped or cannot run."""
    for text in BROWSER_SKIP_TEXTS:
        if text in record.msg:
            return text
    skip = SKIP_RE.match(record.msg)
    if skip and BROWSER_REASON_RE.search(skip.group("reason")):
        return skip.group("reason")
    return None


# A browser test Odoo skipped because Chromium was slow to open its debugging port
# (Odoo waits a fixed 10 s): worth one more try, unlike a missing browser.
SLOW_BROWSER_RE = re.compile(
    r"odoo\.addons\.(?P<module>\w+)\.tests\.\w+: skipped (?P<test>\w+\.\w+) : "
    r"Failed to detect chrome devtools port"
)


def slow_browser_retries(result: ScanResult) -> dict[str, Problem]:
    """Test tags (``/module:Class.method``) of the browser tests skipped for a slow
    browser start, with the problem each one raised."""
    retries = {}
    for problem in result.problems:
        match = problem.kind == "browser-skip" and SLOW_BROWSER_RE.search(problem.text)
        if match:
            retries[f"/{match['module']}:{match['test']}"] = problem
    return retries


def scan(lines: Iterable[str], *, prefix: str = "eboc_", db_name: str | None = None) -> ScanResult:
    """Apply the rules of this module to the lines of one Odoo test run."""
    result = ScanResult()
    echoes: list[Record] = []
    result_record: Record | None = None
    for record in iter_records(lines):
        if record.logger == "odoo.tests.result":
            match = RESULT_RE.search(record.msg)
            if match:
                result_record = record
                result.failures = int(match["failed"])
                result.errors = int(match["errors"])
                result.tests_run = int(match["total"])
                result.database = match["db"]
                continue
        reason = browser_skip_reason(record)
        if reason:
            result.problems.append(
                Problem(
                    "browser-skip", record.lineno, f"browser test not run ({reason}): {record.raw}"
                )
            )
            if SKIP_RE.match(record.msg):
                result.skipped.append(record.msg)
            continue
        if SKIP_RE.match(record.msg) and record.logger.startswith("odoo.addons."):
            result.skipped.append(record.msg)
            continue
        if record.level in FAILURE_LEVELS:
            if is_test_logger(record.logger) or (
                record.logger == "odoo.modules.loading" and LOADING_ECHO_RE.match(record.msg)
            ):
                echoes.append(record)
            else:
                result.problems.append(Problem("error", record.lineno, record.text()))
            continue
        if record.level == "WARNING":
            ours = record.logger.startswith(f"odoo.addons.{prefix}") or mentions_addons(
                record.msg, prefix, db_name or result.database
            )
            kind = "addon-warning" if ours else "warning"
            result.problems.append(Problem(kind, record.lineno, record.text()))
    result.test_failure_records = echoes
    if result_record is None:
        result.problems.append(
            Problem(
                "no-result",
                0,
                "Odoo's closing 'odoo.tests.result: ... tests when loading database' line is"
                " missing: Odoo stopped before its tests finished (see the errors above)",
            )
        )
    elif not result.tests_run:
        result.problems.append(Problem("no-tests", result_record.lineno, "no test ran (0 tests)"))
    if echoes and not (result.failures or result.errors):
        # Test loggers reported errors yet Odoo counted no failure: count them here.
        for record in echoes:
            result.problems.append(Problem("test-output", record.lineno, record.text()))
    return result


class Condenser:
    """Decides, line by line, what the console shows of a streamed Odoo log.

    Shown: every WARNING, ERROR and CRITICAL record with its traceback, the
    start of each of our addons' tests, skipped tests, module loading progress
    for our addons, and the final result line. Everything stays in the log file.
    """

    LOADING_RE = re.compile(
        r"^(loading \d+ modules|\d+ modules loaded|Modules loaded|init db|updating modules list)"
    )

    def __init__(self, prefix: str = "eboc_"):
        self.prefix = prefix
        self.showing = False

    def wants(self, line: str) -> bool:
        fields = parse_line(line)
        if fields is None:
            return self.showing
        self.showing = self._wants_record(fields)
        return self.showing

    def _wants_record(self, fields: dict) -> bool:
        level, logger, msg = fields["level"], fields["logger"], fields["msg"]
        if level not in ("INFO", "DEBUG"):
            return True
        if logger == "odoo.tests.result" or SKIP_RE.match(msg):
            return True
        if logger.startswith(f"odoo.addons.{self.prefix}") and msg.startswith("Starting "):
            return True
        if logger == "odoo.modules.loading":
            return bool(
                self.LOADING_RE.match(msg) or msg.startswith(f"Loading module {self.prefix}")
            )
        return False


def summary_lines(result: ScanResult, max_problems: int = 20) -> list[str]:
    """Readable lines explaining ``result`` (empty when all is well)."""
    lines: list[str] = []
    if result.tests_run is not None:
        lines.append(
            f"Odoo ran {result.tests_run} tests: {result.failures} failed,"
            f" {result.errors} error(s), {len(result.skipped)} skipped"
        )
    failing = [r for r in result.test_failure_records if is_test_logger(r.logger)]
    for record in failing[:max_problems]:
        if result.failures or result.errors:
            lines.append(f"[test failure] line {record.lineno}: {record.text(6)}")
    for problem in result.problems[:max_problems]:
        lines.append(str(problem))
    if len(result.problems) > max_problems:
        lines.append(f"... and {len(result.problems) - max_problems} more problems")
    return lines
