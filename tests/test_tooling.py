"""Pure parts of the ./eboc tooling: Odoo locating, PostgreSQL choices, config, reports."""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eboc_tools import odoo_env, odoo_tier, odooconf, pgcluster, static_checks
from eboc_tools.common import REPO, EbocError
from eboc_tools.odoo_locate import (
    DEPS_PROBE,
    OPTIONAL_REQUIREMENTS,
    REQUIREMENT_SWAPS,
    OdooInstall,
    OdooNotAvailable,
    interpreter_from_shebang,
    parse_pip_version,
    project_requirements,
    venv_requirements,
)

# The lines of Odoo 18's requirements.txt that need a compiler and system headers.
ODOO_REQUIREMENTS = """\
polib==1.1.1
psycopg2==2.9.2 ; python_version == '3.10' # (Jammy)
psycopg2==2.9.5 ; python_version == '3.11'
python-ldap==3.4.0 ; sys_platform != 'win32' and python_version < '3.12' # min version
# psycopg2 is a comment here
"""


def test_venv_requirements_need_no_compiler():
    text = venv_requirements(ODOO_REQUIREMENTS)
    assert text.splitlines() == [
        "polib==1.1.1",
        "psycopg2-binary==2.9.2 ; python_version == '3.10' # (Jammy)",
        "psycopg2-binary==2.9.5 ; python_version == '3.11'",
        "# left out by ./eboc (only Odoo's auth_ldap needs it): "
        "python-ldap==3.4.0 ; sys_platform != 'win32' and python_version < '3.12' # min version",
        "# psycopg2 is a comment here",
    ]


def test_deps_probe_accepts_what_the_venv_installs(tmp_path):
    """The probe that decides whether the venv is complete reads the same swap and
    optional tables: with psycopg2 swapped and python-ldap left out, only a really
    absent package is reported missing."""
    req = tmp_path / "requirements.txt"
    req.write_text(
        "pip\npsycopg2==2.9.5\npython-ldap==3.4.0\nno-such-dist-eboc==1.0\n", encoding="utf-8"
    )
    rules = json.dumps({"swaps": {"psycopg2": "pip"}, "optional": list(OPTIONAL_REQUIREMENTS)})
    out = subprocess.run(
        [sys.executable, "-c", DEPS_PROBE, str(req), str(tmp_path), rules],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out.splitlines()[-1])["missing"] == ["no-such-dist-eboc"]
    assert REQUIREMENT_SWAPS == {"psycopg2": "psycopg2-binary"}


def test_odoo_tier_fails_when_the_odoo_asked_for_cannot_run(monkeypatch, tmp_path):
    def no_odoo(*args, **kwargs):
        raise OdooNotAvailable("python3 still cannot run Odoo: missing lxml")

    monkeypatch.setattr(odoo_tier, "prepare", no_odoo)
    monkeypatch.delenv("ODOO_SRC", raising=False)
    skipped = odoo_tier.odoo_tier(tmp_path, ["eboc_a"])
    assert skipped.skipped_reason and not skipped.failed

    monkeypatch.setenv("ODOO_SRC", str(tmp_path))
    failed = odoo_tier.odoo_tier(tmp_path, ["eboc_a"])
    assert failed.skipped_reason is None and failed.failed
    assert "missing lxml" in failed.reasons[0] and "ODOO_SRC=" in failed.reasons[0]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("#!/usr/bin/env python3", "python3"),
        ("#!/usr/bin/env -S python3 -u", "python3"),
        ("#!/usr/bin/python3", "/usr/bin/python3"),
        ("#!/opt/odoo/venv/bin/python3.11 -u", "/opt/odoo/venv/bin/python3.11"),
        ("#! /usr/bin/python3", "/usr/bin/python3"),
        ("import odoo", None),
        ("#!", None),
    ],
)
def test_interpreter_from_shebang(line, expected):
    assert interpreter_from_shebang(line) == expected


def test_parse_pip_version():
    assert parse_pip_version("pip 25.3 from /x/pip (python 3.11)") == (25, 3)
    assert parse_pip_version("pip 23.2.1 from /x") == (23, 2, 1)
    assert parse_pip_version("nothing") == ()
    assert parse_pip_version("pip 25.3 from /x") >= (25, 3) > parse_pip_version("pip 25.2 from")


def test_project_requirements_are_the_three_documented_ones():
    assert project_requirements() == ["xlsxwriter", "websocket-client", "num2words"]


def test_cluster_dir_defaults_to_the_repo():
    base, reason = pgcluster.choose_cluster_dir(Path("/work/main"), reachable=True)
    assert base == Path("/work/main/.eboc/pg")
    assert reason == ""


def test_cluster_dir_moves_when_postgres_cannot_reach_the_repo():
    base, reason = pgcluster.choose_cluster_dir(Path("/root/src/crm"), reachable=False)
    assert base.parent == Path("/tmp")
    assert base.name.startswith("eboc-pg-")
    assert "cannot reach" in reason
    again, _ = pgcluster.choose_cluster_dir(Path("/root/src/crm"), reachable=False)
    assert again == base  # stable, so a second run finds the same cluster


def test_cluster_dir_moves_when_the_socket_path_is_too_long():
    deep = Path("/home/dev/" + "x" * 90)
    base, reason = pgcluster.choose_cluster_dir(deep, reachable=True)
    assert str(base).startswith("/tmp/eboc-pg-")
    assert "too long" in reason


def test_configured_target_from_environment():
    target = pgcluster.configured_target({}, {"PGHOST": "db.local", "PGPORT": "5433"})
    assert (target.embedded, target.host, target.port) == (False, "db.local", 5433)


def test_configured_target_from_odoo_conf():
    conf = {"db_host": "localhost", "db_port": "5432", "db_user": "odoo", "db_password": "pw"}
    target = pgcluster.configured_target(conf, {})
    assert (target.host, target.user, target.password) == ("localhost", "odoo", "pw")
    assert target.env() == {
        "PGHOST": "localhost",
        "PGPORT": "5432",
        "PGUSER": "odoo",
        "PGPASSWORD": "pw",
    }


def test_no_configured_target_means_embedded():
    assert pgcluster.configured_target({"db_host": "False"}, {}) is None
    assert pgcluster.configured_target({}, {}) is None


def test_the_repo_odoo_conf_is_readable():
    options = odooconf.read_options()
    assert {"http_interface", "http_port", "without_demo"} <= set(options)


def test_build_options_makes_paths_absolute_and_sets_db(tmp_path):
    options = odooconf.build_options(
        {"http_port": "8069", "db_host": "old"},
        addons_paths=[str(tmp_path / "a"), str(tmp_path / "a"), str(tmp_path / "b")],
        data_dir=tmp_path / "data",
        db={"db_host": "/sock", "db_port": "54329", "db_user": None},
        overrides={"http_port": "9999"},
    )
    assert options["addons_path"] == f"{tmp_path / 'a'},{tmp_path / 'b'}"
    assert options["data_dir"] == str(tmp_path / "data")
    assert options["db_host"] == "/sock"
    assert "db_user" not in options
    assert options["http_port"] == "9999"
    assert odooconf.render(options).splitlines()[2] == "[options]"


def test_generated_config_reads_back(tmp_path):
    path = tmp_path / "x.conf"
    path.write_text(odooconf.render({"addons_path": "/a,/b", "db_port": "54329"}))
    assert odooconf.read_options(path) == {"addons_path": "/a,/b", "db_port": "54329"}


def _env():
    odoo = OdooInstall(how="t", cmd=["odoo"], python="python3", version="18.0", addons_paths=[])
    return odoo_env.OdooEnv(odoo=odoo, pg=None, conf=Path("/c.conf"), addons_dir=Path("/a"))


def test_odoo_command_puts_the_config_after_a_subcommand():
    env = _env()
    assert env.command("-d", "x") == ["odoo", "-c", "/c.conf", "-d", "x"]
    assert env.command("shell", "-d", "x") == ["odoo", "shell", "-c", "/c.conf", "-d", "x"]
    assert env.command("scaffold", "foo", "/tmp") == ["odoo", "scaffold", "foo", "/tmp"]


def test_addon_list_checks_names():
    assert odoo_env.addon_list(None, ["eboc_a", "eboc_b"]) == ["eboc_a", "eboc_b"]
    assert odoo_env.addon_list("eboc_b", ["eboc_a", "eboc_b"]) == ["eboc_b"]
    with pytest.raises(EbocError, match="unknown addon"):
        odoo_env.addon_list("eboc_c", ["eboc_a"])


def test_parse_junit(tmp_path):
    report = tmp_path / "r.xml"
    report.write_text(
        '<testsuites><testsuite name="pytest" tests="10" failures="1" errors="1" skipped="2">'
        "</testsuite></testsuites>"
    )
    assert static_checks.parse_junit(report) == (6, 2, 2)


def test_ci_script_runs_the_test_command():
    script = (REPO / ".ci" / "run").read_text()
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script
    assert script.rstrip().endswith("exec ./eboc test")


def test_cluster_moves_once_postgres_exists_and_cannot_reach_the_repo(monkeypatch, tmp_path):
    """A fresh machine run as root from /root: the postgres user only exists once
    PostgreSQL is installed, after the folder was chosen; the cluster then moves."""
    monkeypatch.setattr(pgcluster, "is_root", lambda: True)
    monkeypatch.setattr(pgcluster, "_user_exists", lambda name: False)
    cluster = pgcluster.Cluster(tmp_path / "root" / "ebmo")
    assert cluster.base == tmp_path / "root" / "ebmo" / ".eboc" / "pg"
    calls = []

    class Proc:
        returncode, stdout = 1, "stopped here"

    monkeypatch.setattr(cluster, "_bin", lambda name: f"/usr/lib/postgresql/15/bin/{name}")
    monkeypatch.setattr(pgcluster, "_ensure_os_user", lambda name: None)
    # postgres reaches nothing of the checkout (/root is 0700), the rest it does.
    monkeypatch.setattr(
        cluster, "_postgres_can_reach", lambda folder: not str(folder).startswith(str(tmp_path))
    )
    monkeypatch.setattr(pgcluster, "run", lambda cmd, **kw: calls.append(cmd) or Proc())
    with pytest.raises(EbocError, match="initdb failed"):
        cluster.init()
    shutil.rmtree(cluster.base, ignore_errors=True)
    assert cluster.base.parent == Path("/tmp") and "cannot reach" in cluster.moved_reason
    assert calls[0][:2] == ["chown", "-R"] and calls[0][-1] == str(cluster.base)


def test_the_odoo_run_ends_when_odoo_exits_not_when_its_output_closes(monkeypatch, tmp_path):
    """A browser Odoo started and did not stop keeps Odoo's output pipe open: the tier
    must not wait for it (it hung a fresh machine's first run)."""
    monkeypatch.setattr(odoo_tier, "DRAIN_SECONDS", 1)
    log = tmp_path / "odoo.log"
    cmd = ["bash", "-c", "sleep 60 & echo 'odoo: done'; exit 3"]
    started = time.monotonic()
    returncode, timed_out = odoo_tier._stream(cmd, {"PATH": "/usr/bin:/bin"}, log, False, 30)
    assert (returncode, timed_out) == (3, False)
    assert time.monotonic() - started < 15
    assert "odoo: done" in log.read_text()
