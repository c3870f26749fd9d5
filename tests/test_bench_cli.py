"""./eboc bench: which bench script runs, with which arguments."""

import eboc_cli


def test_bench_without_a_script_name_runs_generate():
    script, args = eboc_cli.bench_script(["--database", "bench_5k", "--create-db"])
    assert script.name == "generate.py"
    assert args == ["--database", "bench_5k", "--create-db"]


def test_bench_dues_runs_the_dues_script_with_the_rest():
    script, args = eboc_cli.bench_script(["dues", "--database", "bench_dues", "--limit", "10"])
    assert script.name == "dues.py"
    assert args == ["--database", "bench_dues", "--limit", "10"]


def test_bench_scripts_exist():
    for name in eboc_cli.BENCH_SCRIPTS:
        script, _args = eboc_cli.bench_script([name])
        assert script.is_file(), script


def test_bench_is_in_the_help():
    help_text = eboc_cli.build_parser().format_help()
    assert "./eboc bench dues ARGS" in help_text
    assert "bench/dues.py" in help_text
