#!/usr/bin/env python3
"""./eboc: run and test the EBMO CRM addons on Odoo 18 (Python standard library only).

Commands:
  ./eboc run [--reset] [-u]          start Odoo on http://localhost:8069 with the eboc addons
  ./eboc test [options]              static tier (pytest, ruff, pylint-odoo) + odoo tier
  ./eboc pg start|stop|status        the embedded PostgreSQL cluster
  ./eboc shell [ARGS...]             odoo shell on the run database
  ./eboc odoo ARGS...                odoo with the generated config (.eboc/odoo-run.conf)
  ./eboc bench ARGS...               bench/generate.py with Odoo's interpreter (see bench/README.md)
  ./eboc bench dues ARGS...          bench/dues.py: a dues run against stock membership
  ./eboc bench engagement ARGS...    bench/engagement.py: engagement scoring against the ORM way
  ./eboc bench campaigns ARGS...     bench/campaigns.py: campaign hot paths against the naive way
  ./eboc bench portal ARGS...        bench/portal.py: the member portal's pages and payment at scale
  ./eboc bench board ARGS...         bench/board.py: the board's dashboard and reports at scale

Environment:
  ODOO_SRC        Odoo 18 source tree (folder with odoo-bin); checked first
  ODOO_PYTHON     interpreter for ODOO_SRC (default python3)
  PGHOST, PGPORT, PGUSER, PGPASSWORD
                  use this PostgreSQL instead of the embedded cluster
                  (db_host in odoo.conf does the same)
  EBOC_ADDONS_DIR folder of addons to use instead of ./addons (same as --addons-dir)
  EBOC_ODOO_TEST_TIMEOUT  seconds before the odoo tier gives up (default 3600)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eboc_tools.common import (  # noqa: E402
    DEMO_EXTRAS,
    EbocError,
    addons_dir,
    discover_addons,
    header,
    info,
)
from eboc_tools.odoo_env import (  # noqa: E402
    RUN_DB,
    addon_list,
    drop_database,
    ensure_pdf_renderer,
    prepare,
    run_foreground,
)
from eboc_tools.odoo_locate import INSTALL_HELP, OdooNotAvailable  # noqa: E402
from eboc_tools.odoo_tier import odoo_tier  # noqa: E402
from eboc_tools.odooconf import read_options  # noqa: E402
from eboc_tools.pgcluster import Postgres  # noqa: E402
from eboc_tools.static_checks import static_tier  # noqa: E402

EXIT_NO_ODOO = 2


def _addons_dir(args) -> Path:
    if getattr(args, "addons_dir", None):
        os.environ["EBOC_ADDONS_DIR"] = str(Path(args.addons_dir).resolve())
    folder = addons_dir()
    if not folder.is_dir():
        raise EbocError(f"addons folder {folder} does not exist")
    return folder


def _no_odoo(exc: OdooNotAvailable) -> int:
    print(f"\nerror: no usable Odoo 18: {exc}\n\n{INSTALL_HELP}", file=sys.stderr)
    return EXIT_NO_ODOO


def _run_overrides() -> dict[str, str]:
    return {"db_name": RUN_DB, "dbfilter": f"^{RUN_DB}$"}


def cmd_run(args) -> int:
    folder = _addons_dir(args)
    addons = discover_addons(folder)
    if not addons:
        raise EbocError(f"no addon (*/__manifest__.py) in {folder}")
    header("run")
    try:
        env = prepare("run", folder, _run_overrides())
    except OdooNotAvailable as exc:
        return _no_odoo(exc)
    try:
        server = env.pg.server
        if args.reset and server.db_exists(RUN_DB):
            info(f"--reset: dropping database {RUN_DB} and its filestore")
            drop_database(env, RUN_DB)
        if not server.db_exists(RUN_DB):
            server.create_db(RUN_DB)
            installed: set[str] = set()
        else:
            installed = server.installed_modules(RUN_DB)
        missing = [name for name in [*addons, *DEMO_EXTRAS] if name not in installed]
        if missing:
            header(f"initialise database {RUN_DB}: install {', '.join(missing)}")
            info("(first run only: installing with demo data takes a few minutes)")
            rc = run_foreground(
                env.command("-d", RUN_DB, "-i", ",".join(missing), "--stop-after-init"), env.env()
            )
            if rc != 0:
                raise EbocError(f"installing {', '.join(missing)} failed (odoo exit {rc})")
        upgrade = [name for name in addons if name not in missing]
        if args.update and upgrade:
            header(f"upgrade {', '.join(upgrade)}")
            rc = run_foreground(
                env.command("-d", RUN_DB, "-u", ",".join(upgrade), "--stop-after-init"), env.env()
            )
            if rc != 0:
                raise EbocError(f"upgrading {', '.join(upgrade)} failed (odoo exit {rc})")
        ensure_pdf_renderer()
        options = read_options(env.conf)
        port = options.get("http_port", "8069")
        header("serve (Ctrl-C stops Odoo and PostgreSQL)")
        print(f"Open http://localhost:{port} — login admin / password admin", flush=True)
        rc = run_foreground(env.command("-d", RUN_DB), env.env())
        return 0 if rc in (0, -2, 130) else rc
    finally:
        env.pg.release()


def cmd_test(args) -> int:
    folder = _addons_dir(args)
    available = discover_addons(folder)
    selected = addon_list(args.addons, available)
    tiers: list[tuple[str, int, int]] = []  # (summary line, passed, failed)
    if not args.odoo_only:
        header("static tier")
        static = static_tier(folder, available)
        tiers.append(
            (
                f"static tier: {static.passed} passed, {static.failed} failed",
                static.passed,
                static.failed,
            )
        )
        if static.failures:
            info("static failures: " + "; ".join(static.failures))
    if not args.static_only:
        header("odoo tier")
        odoo = odoo_tier(folder, selected, keep_db=args.keep_db, verbose=args.verbose)
        if odoo.skipped_reason:
            tiers.append((f"odoo tier: SKIPPED - {odoo.skipped_reason}", 0, 0))
        else:
            for reason in odoo.reasons:
                print(reason, flush=True)
            line = f"odoo tier: {odoo.passed} passed, {odoo.failed} failed"
            tiers.append(
                (f"{line} (addons: {', '.join(selected) or 'none'})", odoo.passed, odoo.failed)
            )
            if odoo.log:
                info(f"full Odoo log: {odoo.log}")
    header("summary")
    for line, _passed, _failed in tiers:
        print(line)
    passed = sum(t[1] for t in tiers)
    failed = sum(t[2] for t in tiers)
    print(f"total: {passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


def cmd_pg(args) -> int:
    pg = Postgres(read_options())
    if pg.cluster is None:
        target = pg.target
        where = f"{target.host}:{target.port or 5432} as {target.user or '(default user)'}"
        if args.action == "status":
            print(f"configured PostgreSQL ({target.source}): {where}")
            pg.server.check()
            print("reachable")
        else:
            print(f"PostgreSQL is configured ({target.source}: {where}); nothing to {args.action}")
        return 0
    if args.action == "start":
        pg.ensure()
        print(pg.cluster.status())
    elif args.action == "stop":
        pg.cluster.stop()
        print(pg.cluster.status())
    else:
        print(pg.cluster.status())
    return 0


def _passthrough(argv: list[str], shell: bool) -> int:
    folder = _addons_dir(argparse.Namespace())
    try:
        env = prepare("run", folder, _run_overrides())
    except OdooNotAvailable as exc:
        return _no_odoo(exc)
    try:
        if shell:
            if not env.pg.server.db_exists(RUN_DB):
                raise EbocError(f"database {RUN_DB} does not exist yet: run ./eboc run first")
            cmd = env.command("shell", "-d", RUN_DB, *argv)
        else:
            cmd = env.command(*argv)
        interactive = shell or (bool(argv) and argv[0] == "shell")
        return run_foreground(cmd, env.env(), interactive=interactive)
    finally:
        env.pg.release()


BENCH_SCRIPTS = {
    "generate": "generate.py",
    "dues": "dues.py",
    "engagement": "engagement.py",
    "campaigns": "campaigns.py",
    "portal": "portal.py",
    "board": "board.py",
}


def bench_script(argv: list[str]) -> tuple[Path, list[str]]:
    """The bench script ``./eboc bench`` runs and its arguments: ``dues``,
    ``engagement``, ``campaigns`` (or ``generate``) names one; without a name it is
    generate.py."""
    bench = Path(__file__).resolve().parents[1] / "bench"
    if argv and argv[0] in BENCH_SCRIPTS:
        return bench / BENCH_SCRIPTS[argv[0]], argv[1:]
    return bench / BENCH_SCRIPTS["generate"], argv


def _bench(argv: list[str]) -> int:
    """Run a bench script with Odoo's interpreter and the bench configuration."""
    script, script_args = bench_script(argv)
    folder = _addons_dir(argparse.Namespace())
    try:
        env = prepare("bench", folder, {})
    except OdooNotAvailable as exc:
        return _no_odoo(exc)
    try:
        run_env = env.env()
        if env.odoo.source_dir:
            # A source tree is not installed: make its odoo package importable.
            paths = [str(env.odoo.source_dir), run_env.get("PYTHONPATH", "")]
            run_env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
        cmd = [env.odoo.python, str(script), "--config", str(env.conf), *script_args]
        return run_foreground(cmd, run_env)
    finally:
        env.pg.release()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eboc",
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subs = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run_p = subs.add_parser("run", help="start Odoo with the eboc addons and demo data")
    run_p.add_argument("--reset", action="store_true", help="drop and recreate the database")
    run_p.add_argument(
        "-u", "--update", action="store_true", help="upgrade the eboc addons before serving"
    )
    run_p.add_argument("--addons-dir", help="use the addons in DIR instead of ./addons")

    test_p = subs.add_parser("test", help="run the static and odoo test tiers")
    only = test_p.add_mutually_exclusive_group()
    only.add_argument("--static-only", action="store_true", help="only the static tier")
    only.add_argument("--odoo-only", action="store_true", help="only the odoo tier")
    test_p.add_argument("--addons", help="comma-separated addons for the odoo tier (default: all)")
    test_p.add_argument("--keep-db", action="store_true", help="keep the test database afterwards")
    test_p.add_argument("--addons-dir", help="use the addons in DIR instead of ./addons")
    test_p.add_argument("-v", "--verbose", action="store_true", help="show the whole Odoo log")

    pg_p = subs.add_parser("pg", help="start, stop or show the embedded PostgreSQL")
    pg_p.add_argument("action", choices=("start", "stop", "status"))

    subs.add_parser("shell", help="odoo shell on the run database (extra args passed on)")
    subs.add_parser("odoo", help="odoo with the generated config (args passed on)")
    subs.add_parser(
        "bench",
        help="bench/generate.py, or bench/dues.py with 'bench dues', bench/engagement.py with "
        "'bench engagement', bench/campaigns.py with 'bench campaigns', bench/portal.py with "
        "'bench portal', bench/board.py with 'bench board', on Odoo's interpreter "
        "(args passed on)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in ("shell", "odoo"):
            return _passthrough(argv[1:], shell=argv[0] == "shell")
        if argv and argv[0] == "bench":
            return _bench(argv[1:])
        args = build_parser().parse_args(argv)
        handler = {"run": cmd_run, "test": cmd_test, "pg": cmd_pg}[args.command]
        return handler(args)
    except EbocError as exc:
        print(f"\nerror: {exc}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
