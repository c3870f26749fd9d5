"""The Odoo test-log rules of tools/eboc_tools/logscan.py, on small synthetic logs.

The lines follow Odoo 18's format (odoo/netsvc.py):
``%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s``.
"""

from eboc_tools import logscan

DB = "eboc_test_4242"
T = "2026-11-22 12:00:00,123 4242"


def log(*lines):
    return [line + "\n" for line in lines]


def result_line(failed=0, errors=0, total=5, level="INFO"):
    return (
        f"{T} {level} ? odoo.tests.result: {failed} failed, {errors} error(s) of {total} tests"
        f" when loading database '{DB}'"
    )


START = f"{T} INFO ? odoo.service.server: HTTP service (werkzeug) running on 127.0.0.1:8123"
LOADING = f"{T} INFO {DB} odoo.modules.loading: Loading module eboc_membership (80/80)"
STARTING = (
    f"{T} INFO {DB} odoo.addons.eboc_membership.tests.test_membership: "
    "Starting TestMembership.test_join ..."
)


def test_parse_line_reads_the_fields():
    fields = logscan.parse_line(result_line())
    assert fields["level"] == "INFO"
    assert fields["db"] == "?"
    assert fields["logger"] == "odoo.tests.result"
    assert fields["msg"].startswith("0 failed")


def test_parse_line_rejects_continuation_lines():
    assert logscan.parse_line('  File "x.py", line 3, in test_x') is None
    assert logscan.parse_line("AssertionError: 1 != 2") is None


def test_clean_run_is_ok():
    scan = logscan.scan(log(START, LOADING, STARTING, result_line(total=7)), db_name=DB)
    assert scan.ok
    assert (scan.tests_run, scan.failures, scan.errors) == (7, 0, 0)
    assert (scan.passed, scan.failed) == (7, 0)
    assert scan.database == DB


def test_failing_test_is_counted_once():
    lines = log(
        STARTING,
        f"{T} INFO {DB} odoo.addons.eboc_membership.tests.test_membership: " + "=" * 70,
        f"{T} ERROR {DB} odoo.addons.eboc_membership.tests.test_membership: "
        "FAIL: TestMembership.test_join",
        "Traceback (most recent call last):",
        '  File "/addons/eboc_membership/tests/test_membership.py", line 12, in test_join',
        "AssertionError: 'prospect' != 'active'",
        f"{T} ERROR {DB} odoo.modules.loading: "
        "Module eboc_membership: 1 failures, 0 errors of 5 tests",
        f"{T} ERROR {DB} odoo.modules.loading: At least one test failed when loading the modules.",
        result_line(failed=1, total=5, level="ERROR"),
    )
    scan = logscan.scan(lines, db_name=DB)
    assert not scan.ok
    assert scan.failures == 1
    assert scan.problems == []
    assert (scan.passed, scan.failed) == (4, 1)
    assert "AssertionError" in scan.test_failure_records[0].text()


def test_error_outside_tests_fails_a_green_run():
    lines = log(
        f"{T} ERROR {DB} odoo.sql_db: bad query: SELECT nope",
        'ERROR: column "nope" does not exist',
        result_line(total=3),
    )
    scan = logscan.scan(lines, db_name=DB)
    assert not scan.ok
    assert [p.kind for p in scan.problems] == ["error"]
    assert "does not exist" in scan.problems[0].text
    assert (scan.passed, scan.failed) == (3, 1)


def test_critical_line_fails():
    lines = log(
        f"{T} CRITICAL {DB} odoo.service.server: Failed to initialize database", result_line()
    )
    assert [p.kind for p in logscan.scan(lines).problems] == ["error"]


def test_warning_from_our_addon_fails():
    lines = log(
        f"{T} WARNING {DB} odoo.addons.eboc_membership.models.eboc_membership: something odd",
        result_line(),
    )
    scan = logscan.scan(lines, db_name=DB)
    assert [p.kind for p in scan.problems] == ["addon-warning"]


def test_warning_of_odoo_about_our_model_fails():
    lines = log(
        f"{T} WARNING {DB} odoo.modules.loading: The models ['eboc.segment'] have no access rules"
        " in module eboc_membership, consider adding some",
        result_line(),
    )
    assert [p.kind for p in logscan.scan(lines, db_name=DB).problems] == ["addon-warning"]


def test_any_warning_fails_the_run():
    # A warning at install or during the tests is a bug, whoever logs it.
    lines = log(
        f"{T} WARNING {DB} odoo.addons.base.models.ir_module: docutils' system message present",
        f"{T} WARNING ? odoo.service.server: dropping database '{DB}' took long",
        result_line(),
    )
    scan = logscan.scan(lines, db_name=DB)
    assert not scan.ok
    assert [p.kind for p in scan.problems] == ["warning", "warning"]


def test_missing_websocket_client_is_a_browser_skip():
    lines = log(
        f"{T} WARNING {DB} odoo.addons.eboc_membership.tests.test_tour.TestTour: "
        "websocket-client module is not installed",
        f"{T} INFO {DB} odoo.addons.eboc_membership.tests.test_tour: skipped "
        "TestTour.test_tour (odoo.addons.eboc_membership.tests.test_tour.TestTour.test_tour)"
        " : websocket-client module is not installed",
        result_line(total=2),
    )
    scan = logscan.scan(lines, db_name=DB)
    assert {p.kind for p in scan.problems} == {"browser-skip"}
    assert not scan.ok


def test_missing_chrome_is_a_browser_skip():
    lines = log(
        f"{T} INFO {DB} odoo.addons.eboc_membership.tests.test_tour: skipped "
        "TestTour.test_tour (odoo.addons.eboc_membership.tests.test_tour.TestTour.test_tour)"
        " : Chrome executable not found",
        result_line(total=2),
    )
    scan = logscan.scan(lines, db_name=DB)
    assert [p.kind for p in scan.problems] == ["browser-skip"]
    assert scan.passed == 1


def test_other_skips_are_counted_not_failed():
    lines = log(
        f"{T} INFO {DB} odoo.addons.eboc_membership.tests.test_x: skipped "
        "TestX.test_y (odoo.addons.eboc_membership.tests.test_x.TestX.test_y) : needs l10n",
        result_line(total=4),
    )
    scan = logscan.scan(lines, db_name=DB)
    assert scan.ok
    assert len(scan.skipped) == 1
    assert scan.passed == 3


def test_missing_result_line_fails():
    lines = log(
        START,
        f"{T} INFO {DB} odoo.modules.loading: Loading module eboc_membership (80/80)",
    )
    scan = logscan.scan(lines)
    assert [p.kind for p in scan.problems] == ["no-result"]
    assert scan.tests_run is None
    assert scan.failed == 1


def test_zero_tests_fails():
    scan = logscan.scan(log(result_line(total=0, level="WARNING")), db_name=DB)
    assert [p.kind for p in scan.problems] == ["no-tests"]


def test_test_logger_error_without_failure_count_is_a_problem():
    lines = log(
        f"{T} ERROR {DB} odoo.addons.eboc_membership.tests.test_tour.TestTour.browser: "
        "Uncaught TypeError: x is undefined",
        result_line(total=2),
    )
    scan = logscan.scan(lines, db_name=DB)
    assert [p.kind for p in scan.problems] == ["test-output"]


def test_traceback_lines_belong_to_their_record():
    lines = log(
        f"{T} ERROR {DB} odoo.http: Exception during request handling.",
        "Traceback (most recent call last):",
        '  File "odoo/http.py", line 1, in _serve',
        "ValueError: boom",
        result_line(),
    )
    problem = logscan.scan(lines, db_name=DB).problems[0]
    assert problem.lineno == 1
    assert "ValueError: boom" in problem.text


def test_mentions_addons_ignores_the_database_name():
    assert not logscan.mentions_addons(f"database '{DB}' dropped", "eboc_", DB)
    assert logscan.mentions_addons("field eboc.membership.state is odd", "eboc_", DB)
    assert logscan.mentions_addons("module eboc_dues: missing file", "eboc_", DB)
    assert not logscan.mentions_addons("module sale: nothing", "eboc_", DB)


def test_condenser_shows_warnings_tests_and_results_only():
    condenser = logscan.Condenser("eboc_")
    werkzeug = f'{T} INFO {DB} werkzeug: 127.0.0.1 - - "GET /web HTTP/1.1" 200 - 3 0.002 0.005'
    warning = f"{T} WARNING {DB} odoo.models: something"
    shown = [
        line
        for line in [START, werkzeug, STARTING, warning, "  continuation", LOADING, result_line()]
        if condenser.wants(line)
    ]
    assert shown == [STARTING, warning, "  continuation", LOADING, result_line()]


def test_failed_demo_data_is_our_warning():
    lines = log(
        f"{T} WARNING {DB} odoo.modules.loading: Module eboc_dues demo data failed to install,"
        " installed without demo data",
        result_line(),
    )
    assert [p.kind for p in logscan.scan(lines, db_name=DB).problems] == ["addon-warning"]


def test_summary_lines_explain_problems():
    scan = logscan.scan(log(f"{T} ERROR {DB} odoo.sql_db: bad query", result_line()), db_name=DB)
    text = "\n".join(logscan.summary_lines(scan))
    assert "Odoo ran 5 tests" in text
    assert "[error] line 1" in text


def test_a_slow_browser_start_is_retried_a_missing_browser_is_not():
    slow = (
        f"{T} INFO {DB} odoo.addons.eboc_membership.tests.test_tour: skipped "
        "TestMembershipTour.test_officer_registers : Failed to detect chrome devtools port after "
        "10.0s."
    )
    missing = (
        f"{T} INFO {DB} odoo.addons.eboc_dues.tests.test_tour: skipped "
        "TestDuesTour.test_run : Chrome executable not found"
    )
    scan = logscan.scan(log(START, slow, missing, result_line()), db_name=DB)
    retries = logscan.slow_browser_retries(scan)
    assert list(retries) == ["/eboc_membership:TestMembershipTour.test_officer_registers"]
    assert retries["/eboc_membership:TestMembershipTour.test_officer_registers"] in scan.problems
