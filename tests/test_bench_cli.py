"""./eboc bench: which bench script runs, with which arguments."""

import sys

import eboc_cli
import pytest


def test_bench_without_a_script_name_runs_generate():
    script, args = eboc_cli.bench_script(["--database", "bench_5k", "--create-db"])
    assert script.name == "generate.py"
    assert args == ["--database", "bench_5k", "--create-db"]


def test_bench_dues_runs_the_dues_script_with_the_rest():
    script, args = eboc_cli.bench_script(["dues", "--database", "bench_dues", "--limit", "10"])
    assert script.name == "dues.py"
    assert args == ["--database", "bench_dues", "--limit", "10"]


def test_bench_engagement_runs_the_engagement_script_with_the_rest():
    script, args = eboc_cli.bench_script(["engagement", "-d", "bench_events", "--services", "500"])
    assert script.name == "engagement.py"
    assert args == ["-d", "bench_events", "--services", "500"]


def test_bench_campaigns_runs_the_campaigns_script_with_the_rest():
    script, args = eboc_cli.bench_script(["campaigns", "-d", "bench_campaigns", "--answers", "50"])
    assert script.name == "campaigns.py"
    assert args == ["-d", "bench_campaigns", "--answers", "50"]


def test_bench_portal_runs_the_portal_script_with_the_rest():
    script, args = eboc_cli.bench_script(["portal", "-d", "bench_portal", "--views", "5"])
    assert script.name == "portal.py"
    assert args == ["-d", "bench_portal", "--views", "5"]


def test_bench_scripts_exist():
    for name in eboc_cli.BENCH_SCRIPTS:
        script, _args = eboc_cli.bench_script([name])
        assert script.is_file(), script


def test_bench_is_in_the_help():
    help_text = eboc_cli.build_parser().format_help()
    assert "./eboc bench dues ARGS" in help_text
    assert "bench/dues.py" in help_text
    assert "./eboc bench engagement ARGS" in help_text
    assert "bench/engagement.py" in help_text
    assert "./eboc bench campaigns ARGS" in help_text
    assert "bench/campaigns.py" in help_text
    assert "./eboc bench portal ARGS" in help_text
    assert "bench/portal.py" in help_text


def test_bench_engagement_defaults_are_the_documented_ones():
    bench = str(eboc_cli.bench_script(["engagement"])[0].parent)
    sys.path.insert(0, bench)  # engagement.py imports its helpers from generate.py
    try:
        import engagement  # noqa: PLC0415 - only importable with bench/ on the path
    finally:
        sys.path.remove(bench)
    args = vars(engagement.parse_args(["-c", "odoo.conf", "-d", "bench_events"]))
    documented = {"services": 120000, "events": 200, "attendees_per_event": 60, "answers": 10000}
    assert {name: args[name] for name in documented} == documented
    assert args["seed"] == 42


def test_bench_campaigns_defaults_are_the_documented_ones():
    bench = str(eboc_cli.bench_script(["campaigns"])[0].parent)
    sys.path.insert(0, bench)  # campaigns.py imports its helpers from generate.py
    try:
        import campaigns  # noqa: PLC0415 - only importable with bench/ on the path
    finally:
        sys.path.remove(bench)
    args = vars(campaigns.parse_args(["-c", "odoo.conf", "-d", "bench_campaigns"]))
    documented = {
        "invitations": 25000,
        "answers": 10000,
        "activations": 500,
        "opt_out": 0.02,
        "blacklist": 0.01,
    }
    assert {name: args[name] for name in documented} == documented
    assert args["seed"] == 42


def test_bench_portal_checks_its_arguments():
    bench = str(eboc_cli.bench_script(["portal"])[0].parent)
    sys.path.insert(0, bench)  # portal.py imports its helpers from the other scripts
    try:
        import portal  # noqa: PLC0415 - only importable with bench/ on the path
    finally:
        sys.path.remove(bench)
    assert portal.parse_args(["-c", "odoo.conf", "-d", "bench_portal"]).views == 20
    with pytest.raises(SystemExit):
        portal.parse_args(["-c", "odoo.conf", "-d", "bench_portal", "--views", "0"])
