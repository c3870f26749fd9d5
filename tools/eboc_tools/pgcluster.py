"""PostgreSQL for development and tests.

Either *configured* (``PGHOST`` in the environment, or ``db_host`` in the
top-level ``odoo.conf``) and then only used, or the *embedded* default: a
private cluster in ``.eboc/pg/`` owned by this checkout, reachable only through
a unix socket in ``.eboc/pg/run/`` (no TCP at all), with the superuser ``odoo``
and trust authentication.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .common import REPO, STATE_DIR, EbocError, info, is_root, run, sha256_of, tail_text, which

PG_PORT = 54329  # with listen_addresses='' this only names the socket file
PG_SUPERUSER = "odoo"  # Odoo refuses to run as "postgres"
PG_OS_USER = "postgres"  # postgres refuses to run as root
PREFERRED_MAJOR = "15"
SOCKET_PATH_MAX = 100  # sun_path is 108 bytes on Linux, keep a margin
DB_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


@dataclass
class PgTarget:
    """Where Odoo connects: host (or socket folder), port, user."""

    embedded: bool
    host: str | None
    port: int | None
    user: str | None
    password: str | None
    source: str

    def env(self) -> dict[str, str]:
        """libpq variables for psql and friends."""
        values = {
            "PGHOST": self.host,
            "PGPORT": str(self.port) if self.port else None,
            "PGUSER": self.user,
            "PGPASSWORD": self.password,
        }
        return {k: v for k, v in values.items() if v}


def _conf_value(conf: dict, key: str) -> str | None:
    value = (conf.get(key) or "").strip()
    return None if value in ("", "False", "false", "None") else value


def configured_target(conf: dict, environ: dict | None = None) -> PgTarget | None:
    """The configured PostgreSQL (``PGHOST`` env, else ``db_host`` in odoo.conf), or None."""
    environ = os.environ if environ is None else environ
    if environ.get("PGHOST"):
        port = environ.get("PGPORT")
        return PgTarget(
            embedded=False,
            host=environ["PGHOST"],
            port=int(port) if port else None,
            user=environ.get("PGUSER"),
            password=environ.get("PGPASSWORD"),
            source="PGHOST environment variable",
        )
    host = _conf_value(conf, "db_host")
    if host:
        port = _conf_value(conf, "db_port")
        return PgTarget(
            embedded=False,
            host=host,
            port=int(port) if port else None,
            user=_conf_value(conf, "db_user"),
            password=_conf_value(conf, "db_password"),
            source="db_host in odoo.conf",
        )
    return None


def choose_cluster_dir(repo: Path, *, reachable: bool, tmp_root: str = "/tmp") -> tuple[Path, str]:
    """Folder for the embedded cluster and, when it is not the default, why.

    The default is ``<repo>/.eboc/pg``. A folder under ``/tmp`` (named after a
    hash of the repo path, so each checkout keeps its own) is used instead when
    the postgres user cannot reach the repo (``reachable`` False) or when the
    socket path would be too long for a unix socket.
    """
    default = repo / ".eboc" / "pg"
    fallback = Path(tmp_root) / f"eboc-pg-{sha256_of(str(repo))[:12]}"
    socket = default / "run" / f".s.PGSQL.{PG_PORT}"
    if not reachable:
        return fallback, f"the '{PG_OS_USER}' user cannot reach {repo}"
    if len(str(socket)) > SOCKET_PATH_MAX:
        return fallback, f"the socket path under {repo} is too long for a unix socket"
    return default, ""


def find_bindir() -> Path | None:
    """PostgreSQL server binaries: ``pg_config --bindir``, /usr/lib/postgresql/*/bin, PATH."""

    def usable(folder: Path) -> bool:
        return (folder / "initdb").exists() and (folder / "pg_ctl").exists()

    pg_config = which("pg_config")
    if pg_config:
        proc = run([pg_config, "--bindir"], check=False, capture=True)
        if proc.returncode == 0 and usable(Path(proc.stdout.strip())):
            return Path(proc.stdout.strip())
    candidates = {Path(p).parent.name: Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")}
    if PREFERRED_MAJOR in candidates and usable(candidates[PREFERRED_MAJOR]):
        return candidates[PREFERRED_MAJOR]
    for _major, folder in sorted(
        candidates.items(), key=lambda kv: _version_key(kv[0]), reverse=True
    ):
        if usable(folder):
            return folder
    initdb, pg_ctl = which("initdb"), which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    return None


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)) or (0,)


def install_postgres() -> Path:
    """Install PostgreSQL server binaries with apt (root only), return their bin folder."""
    if not is_root():
        raise EbocError(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with:\n"
            "    sudo apt-get update && sudo apt-get install -y postgresql-15\n"
            "(or `postgresql` where 15 is not packaged), or point PGHOST/db_host at a server."
        )
    if not which("apt-get"):
        raise EbocError("PostgreSQL is missing and apt-get is not available to install it")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    info("PostgreSQL not found: apt-get update && apt-get install")
    run(["apt-get", "update"], capture=True, env=env)
    policy = run(["apt-cache", "policy", "postgresql-15"], check=False, capture=True).stdout or ""
    candidate = re.search(r"Candidate:\s*(\S+)", policy)
    package = "postgresql-15" if candidate and candidate.group(1) != "(none)" else "postgresql"
    info(f"apt-get install -y {package}")
    run(["apt-get", "install", "-y", package], capture=True, env=env)
    bindir = find_bindir()
    if not bindir:
        raise EbocError(f"installed {package} but still no initdb/pg_ctl found")
    return bindir


def _pid_is_postgres(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        if not Path("/proc/self").exists():
            try:
                os.kill(pid, 0)
                return True
            except OSError:
                return False
        return False
    return b"postgres" in cmdline


class Cluster:
    """The embedded cluster of this checkout."""

    def __init__(self, repo: Path = REPO):
        self.repo = repo
        self.bindir: Path | None = None
        self.as_postgres = is_root()
        reachable = True
        if self.as_postgres:
            STATE_DIR.mkdir(exist_ok=True)
            reachable = self._postgres_can_reach(STATE_DIR)
        self._place(*choose_cluster_dir(repo, reachable=reachable))

    def _place(self, base: Path, moved_reason: str) -> None:
        self.base, self.moved_reason = base, moved_reason
        self.data = self.base / "data"
        self.run_dir = self.base / "run"
        self.logfile = self.base / "log"

    # -- plumbing -------------------------------------------------------

    def _postgres_can_reach(self, folder: Path) -> bool:
        if not _user_exists(PG_OS_USER) or not which("runuser"):
            return True  # decided after the user is created; checked again in init
        proc = run(
            ["runuser", "-u", PG_OS_USER, "--", "test", "-x", str(folder)],
            check=False,
            capture=True,
        )
        return proc.returncode == 0

    def _prefix(self) -> list[str]:
        return ["runuser", "-u", PG_OS_USER, "--"] if self.as_postgres else []

    def _bin(self, name: str) -> str:
        if self.bindir is None:
            self.bindir = find_bindir() or install_postgres()
        return str(self.bindir / name)

    def target(self) -> PgTarget:
        return PgTarget(
            embedded=True,
            host=str(self.run_dir),
            port=PG_PORT,
            user=PG_SUPERUSER,
            password=None,
            source=f"embedded cluster in {self.base}",
        )

    # -- state ----------------------------------------------------------

    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").exists()

    def running_pid(self) -> int | None:
        pidfile = self.data / "postmaster.pid"
        try:
            pid = int(pidfile.read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return None
        return pid if _pid_is_postgres(pid) else None

    def status(self) -> str:
        if not self.initialised():
            return f"not created yet ({self.base})"
        pid = self.running_pid()
        if pid:
            return f"running (pid {pid}), socket in {self.run_dir}, port {PG_PORT}"
        return f"stopped (data in {self.data})"

    # -- actions --------------------------------------------------------

    def init(self) -> None:
        if self.initialised():
            return
        initdb = self._bin("initdb")
        if self.as_postgres:
            _ensure_os_user(PG_OS_USER)
            # On a fresh machine the postgres user is only created by the install
            # above, so the folder was chosen before it could be asked (a checkout
            # in /root, say): ask now, and move the cluster if it cannot reach it.
            if not self.moved_reason and not self._postgres_can_reach(self.repo / ".eboc"):
                self._place(*choose_cluster_dir(self.repo, reachable=False))
                if self.initialised():
                    return
        if self.moved_reason:
            info(f"cluster placed in {self.base}: {self.moved_reason}")
        self.base.mkdir(parents=True, exist_ok=True)
        self.run_dir.mkdir(exist_ok=True)
        if self.as_postgres:
            run(["chown", "-R", f"{PG_OS_USER}:", str(self.base)])
            if not self._postgres_can_reach(self.base):
                raise EbocError(
                    f"the '{PG_OS_USER}' user cannot reach {self.base}; make the folders above it"
                    " traversable (chmod o+x) or move the repository"
                )
        info(f"initdb {self.data} (superuser '{PG_SUPERUSER}', trust auth, unix socket only)")
        locale = "C.UTF-8" if _has_c_utf8() else "C"
        proc = run(
            [
                *self._prefix(),
                initdb,
                "-D",
                str(self.data),
                "-U",
                PG_SUPERUSER,
                "--auth=trust",
                "-E",
                "UTF8",
                f"--locale={locale}",
                "--lc-collate=C",
            ],
            check=False,
            capture=True,
        )
        if proc.returncode != 0:
            raise EbocError(f"initdb failed:\n{tail_text(proc.stdout)}")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# Settings of ./eboc (rewritten at each start)\n")
            conf.write("include_if_exists = 'eboc.conf'\n")

    def _write_settings(self) -> None:
        settings = self.data / "eboc.conf"
        settings.write_text(
            "listen_addresses = ''\n"
            f"port = {PG_PORT}\n"
            f"unix_socket_directories = '{self.run_dir}'\n"
            "synchronous_commit = off\n",
            encoding="utf-8",
        )
        if self.as_postgres:
            run(["chown", f"{PG_OS_USER}:", str(settings)])

    def _clear_stale_pid(self) -> None:
        pidfile = self.data / "postmaster.pid"
        if pidfile.exists() and self.running_pid() is None:
            info("removing stale postmaster.pid (left by a crash)")
            pidfile.unlink()
            for leftover in self.run_dir.glob(f".s.PGSQL.{PG_PORT}*"):
                leftover.unlink()

    def start(self) -> bool:
        """Start the cluster (creating it first); True when this call started it."""
        self.init()
        if self.running_pid():
            return False
        self._clear_stale_pid()
        self.run_dir.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            run(["chown", f"{PG_OS_USER}:", str(self.run_dir), str(self.base)])
            if not self.logfile.exists():
                self.logfile.touch()
            run(["chown", f"{PG_OS_USER}:", str(self.logfile)])
        self._write_settings()
        info(f"starting PostgreSQL ({self.data})")
        cmd = [*self._prefix(), self._bin("pg_ctl"), "-D", str(self.data)]
        cmd += ["-l", str(self.logfile), "-w", "-t", "60", "start"]
        proc = run(cmd, check=False, capture=True)
        if proc.returncode != 0:
            log = self.logfile.read_text(errors="replace") if self.logfile.exists() else ""
            raise EbocError(
                f"pg_ctl start failed (exit {proc.returncode}):\n{tail_text(proc.stdout, 10)}\n"
                f"--- {self.logfile} (tail) ---\n{tail_text(log, 15)}"
            )
        return True

    def stop(self) -> None:
        if not self.initialised() or not self.running_pid():
            return
        info("stopping PostgreSQL")
        cmd = [*self._prefix(), self._bin("pg_ctl"), "-D", str(self.data)]
        proc = run([*cmd, "-m", "fast", "-w", "-t", "60", "stop"], check=False, capture=True)
        if proc.returncode != 0:
            raise EbocError(f"pg_ctl stop failed:\n{tail_text(proc.stdout, 10)}")


def _user_exists(name: str) -> bool:
    try:
        import pwd  # noqa: PLC0415 - POSIX only

        pwd.getpwnam(name)
        return True
    except (ImportError, KeyError):
        return False


def _ensure_os_user(name: str) -> None:
    if _user_exists(name):
        return
    info(f"creating the system user '{name}' to run PostgreSQL (it refuses to run as root)")
    run(["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/bin/sh", name])


def _has_c_utf8() -> bool:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return False
    return any(line.lower().replace("-", "") == "c.utf8" for line in out.splitlines())


# Runs one SQL statement with psycopg2 (fallback when psql is not installed).
PSYCOPG_SQL = r"""
import json, os, sys
import psycopg2
conn = psycopg2.connect(dbname=sys.argv[1])
conn.autocommit = True
with conn.cursor() as cr:
    cr.execute(sys.argv[2])
    rows = cr.fetchall() if cr.description else []
print("\n".join("|".join(str(v) for v in row) for row in rows))
"""


class PgServer:
    """Administrative SQL on the target server (psql, else Odoo's psycopg2)."""

    def __init__(self, target: PgTarget, *, bindir: Path | None = None, python: str | None = None):
        self.target = target
        self.python = python
        psql = bindir / "psql" if bindir and (bindir / "psql").exists() else None
        self.psql = str(psql) if psql else which("psql")

    def sql(self, query: str, db: str = "postgres") -> str:
        env = dict(os.environ)
        for key in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSERVICE"):
            env.pop(key, None)
        env.update(self.target.env())
        if self.psql:
            cmd = [self.psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db]
            proc = run([*cmd, "-c", query], check=False, capture=True, env=env)
        elif self.python:
            proc = run(
                [self.python, "-c", PSYCOPG_SQL, db, query], check=False, capture=True, env=env
            )
        else:
            raise EbocError("neither psql nor Odoo's psycopg2 is available to talk to PostgreSQL")
        if proc.returncode != 0:
            raise EbocError(
                f"SQL failed on {self.target.source} ({query[:80]}):\n{tail_text(proc.stdout, 8)}"
            )
        return proc.stdout.strip()

    def check(self) -> None:
        self.sql("SELECT 1")

    def db_exists(self, name: str) -> bool:
        _check_name(name)
        return self.sql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"

    def create_db(self, name: str) -> None:
        _check_name(name)
        self.sql(f"CREATE DATABASE \"{name}\" ENCODING 'unicode' LC_COLLATE 'C' TEMPLATE template0")

    def drop_db(self, name: str) -> None:
        _check_name(name)
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def installed_modules(self, db: str) -> set[str]:
        """Names of the installed modules of ``db`` (empty when not initialised)."""
        has_table = self.sql("SELECT to_regclass('public.ir_module_module') IS NOT NULL", db=db)
        if has_table != "t":
            return set()
        out = self.sql("SELECT name FROM ir_module_module WHERE state = 'installed'", db=db)
        return set(out.split())

    def other_clients(self) -> int:
        out = self.sql(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        return int(out or 0)


def _check_name(name: str) -> None:
    if not DB_NAME_RE.match(name):
        raise EbocError(f"refusing odd database name {name!r}")


class Postgres:
    """What the commands use: the target, and a start/stop that knows who started it."""

    def __init__(self, conf: dict, *, python: str | None = None):
        self.configured = configured_target(conf)
        self.cluster = None if self.configured else Cluster()
        self.started_here = False
        self.python = python
        self._server: PgServer | None = None

    @property
    def target(self) -> PgTarget:
        return self.configured or self.cluster.target()

    @property
    def server(self) -> PgServer:
        if self._server is None:
            bindir = self.cluster.bindir if self.cluster else find_bindir()
            self._server = PgServer(self.target, bindir=bindir, python=self.python)
        return self._server

    def ensure(self) -> PgTarget:
        if self.cluster is None:
            info(f"using the configured PostgreSQL ({self.configured.source}: {self.target.host})")
            self.server.check()
            return self.target
        self.started_here = self.cluster.start()
        if not self.started_here:
            info(f"PostgreSQL already running ({self.cluster.run_dir})")
        self.server.check()
        return self.target

    def release(self) -> None:
        """Stop the embedded cluster if this process started it and nobody else uses it."""
        if self.cluster is None or not self.started_here:
            return
        try:
            others = self.server.other_clients()
        except EbocError:
            others = 0
        if others:
            info(f"leaving PostgreSQL running: {others} other connection(s) use it")
            return
        self.cluster.stop()
        self.started_here = False


def remove_tree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)
