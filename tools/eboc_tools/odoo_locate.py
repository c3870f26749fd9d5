"""Find an Odoo 18 to run, and make sure its interpreter has what we need.

Looked for in this order:

a. ``ODOO_SRC``: a source tree holding ``odoo-bin``, run as
   ``[python, ODOO_SRC/odoo-bin]`` with ``python`` = ``ODOO_PYTHON`` or
   ``python3``. When that interpreter lacks Odoo's requirements, a venv
   ``.venv-odoo/`` is made in the repository and ``ODOO_SRC/requirements.txt``
   installed into it.
b. an ``odoo`` executable on ``PATH`` (official .deb, or ``pip install`` of the
   official sources); its interpreter is read from its ``#!`` line.
c. ``python3 -c "import odoo"`` works: run as ``[python3, -m, odoo]``.

Whatever is found must be major version 18, checked through its interpreter.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .common import (
    REPO,
    STATE_DIR,
    EbocError,
    info,
    make_venv,
    run,
    sha256_of,
    tail_text,
    warn,
    which,
)

ODOO_MAJOR = 18
ODOO_VENV = REPO / ".venv-odoo"
PROJECT_REQUIREMENTS = REPO / "requirements.txt"
BUILD_CONSTRAINTS = "setuptools<70\n"

# Odoo's requirements.txt names two packages that only build with a compiler and
# system headers (libpq, libldap/libsasl). The venv made for ODOO_SRC avoids both, so a
# fresh machine needs no build packages:
# - psycopg2-binary is the same psycopg2 module, shipped as a wheel with libpq inside;
# - python-ldap is imported only by Odoo's auth_ldap addon, which no eboc addon needs.
# DEPS_PROBE reads the same two tables (passed as JSON), so the check that decides
# whether the venv is complete and the file installed into it cannot disagree.
REQUIREMENT_SWAPS = {"psycopg2": "psycopg2-binary"}
OPTIONAL_REQUIREMENTS = ("python-ldap",)

# Prints the version of the Odoo source tree in argv[1] without importing odoo
# (which would need all of Odoo's dependencies).
RELEASE_PROBE = r"""
import json, runpy, sys
ns = runpy.run_path(sys.argv[1] + "/odoo/release.py")
print(json.dumps({"version_info": list(ns["version_info"][:2]), "version": ns["version"]}))
"""

# Imports an installed odoo and reports its version and addons folders.
INSTALLED_PROBE = r"""
import json, os, sys
out = {"python": sys.version.split()[0]}
try:
    import odoo, odoo.addons, odoo.release
    out["version_info"] = list(odoo.release.version_info[:2])
    out["version"] = odoo.release.version
    out["addons_paths"] = [p for p in odoo.addons.__path__]
    # A source tree on PYTHONPATH keeps most addons beside the odoo package.
    root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
    if os.path.isfile(os.path.join(root, "addons", "web", "__manifest__.py")):
        out["addons_paths"].insert(0, os.path.join(root, "addons"))
except Exception as exc:
    out["error"] = "%s: %s" % (type(exc).__name__, exc)
print(json.dumps(out))
"""

# Lists the distributions of a requirements file (argv[1]) that are missing for
# this interpreter, then tries to import odoo from the source tree in argv[2].
# argv[3] (JSON) holds REQUIREMENT_SWAPS and OPTIONAL_REQUIREMENTS.
DEPS_PROBE = r"""
import importlib.metadata as md, json, re, sys
missing = []
rules = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {"swaps": {}, "optional": []}
try:
    from pip._vendor.packaging.requirements import Requirement
except Exception:
    Requirement = None
for raw in open(sys.argv[1], encoding="utf-8"):
    line = re.sub(r"(^|\s)#.*", "", raw).strip()
    if not line or line.startswith("-"):
        continue
    if Requirement is not None:
        try:
            req = Requirement(line)
        except Exception:
            continue
        if req.marker is not None and not req.marker.evaluate():
            continue
        name = req.name
    else:
        if "win32'" in line and "!=" not in line:
            continue
        name = re.match(r"[A-Za-z0-9._-]+", line).group(0)
    if name.lower() in rules["optional"]:
        continue
    found = False
    for candidate in (name, rules["swaps"].get(name.lower())):
        try:
            found = found or bool(candidate and md.distribution(candidate))
        except md.PackageNotFoundError:
            pass
    if not found and name not in missing:
        missing.append(name)
out = {"missing": missing, "python": sys.version.split()[0]}
if len(sys.argv) > 2:
    sys.path.insert(0, sys.argv[2])
    try:
        import odoo  # noqa: F401
    except Exception as exc:
        out["import_error"] = "%s: %s" % (type(exc).__name__, exc)
print(json.dumps(out))
"""


class OdooNotAvailable(EbocError):
    """No usable Odoo 18; the message says what was tried and why it failed."""


@dataclass
class OdooInstall:
    how: str
    cmd: list[str]
    python: str
    version: str
    addons_paths: list[str]
    source_dir: Path | None = None
    env: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        return f"Odoo {self.version} via {self.how}: {' '.join(self.cmd)} (python: {self.python})"


def interpreter_from_shebang(first_line: str) -> str | None:
    """The interpreter named by a ``#!`` line (``/usr/bin/env python3`` -> ``python3``)."""
    if not first_line.startswith("#!"):
        return None
    words = shlex.split(first_line[2:].strip())
    if not words:
        return None
    if Path(words[0]).name == "env":
        words = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
        return words[0] if words else None
    return words[0]


def parse_pip_version(output: str) -> tuple[int, ...]:
    """``pip 25.3 from ...`` -> ``(25, 3)``; ``()`` when unreadable."""
    match = re.search(r"pip (\d+(?:\.\d+)*)", output)
    return tuple(int(p) for p in match.group(1).split(".")) if match else ()


def _probe(python: str, script: str, *args: str, env: dict | None = None) -> dict:
    proc = run([python, "-c", script, *args], check=False, capture=True, env=env)
    last = (proc.stdout or "").strip().splitlines()
    if proc.returncode == 0 and last:
        try:
            return json.loads(last[-1])
        except json.JSONDecodeError:
            pass
    return {"error": tail_text(proc.stdout or f"exit {proc.returncode}", 3)}


def _resolve_python(name: str) -> str | None:
    if os.sep in name:
        return name if os.access(name, os.X_OK) else None
    return which(name)


def _run_env() -> dict[str, str]:
    """Extra environment for running Odoo (odoo-bin sets TZ itself, ``-m odoo`` does not)."""
    return {"TZ": "UTC"}


def _check_major(version_info: list, where: str) -> None:
    if not version_info or version_info[0] != ODOO_MAJOR:
        raise OdooNotAvailable(
            f"{where} is Odoo {'.'.join(map(str, version_info)) or '?'}, not Odoo {ODOO_MAJOR}"
        )


def _missing_deps(python: str, src: Path) -> dict:
    rules = json.dumps({"swaps": REQUIREMENT_SWAPS, "optional": list(OPTIONAL_REQUIREMENTS)})
    return _probe(
        python, DEPS_PROBE, str(src / "requirements.txt"), str(src), rules, env=_probe_env()
    )


def venv_requirements(text: str) -> str:
    """Odoo's ``requirements.txt`` as installed into ``.venv-odoo``: the packages of
    REQUIREMENT_SWAPS replaced by their wheel twins, OPTIONAL_REQUIREMENTS left out
    (commented, so the file still says what Odoo asked for)."""
    lines = []
    for raw in text.splitlines():
        match = re.match(r"\s*([A-Za-z0-9._-]+)", raw)
        name = match.group(1).lower() if match and not raw.lstrip().startswith("#") else ""
        if name in OPTIONAL_REQUIREMENTS:
            raw = f"# left out by ./eboc (only Odoo's auth_ldap needs it): {raw}"
        elif name in REQUIREMENT_SWAPS:
            raw = raw[: match.start(1)] + REQUIREMENT_SWAPS[name] + raw[match.end(1) :]
        lines.append(raw)
    return "\n".join(lines) + "\n"


def _probe_env() -> dict:
    env = dict(os.environ)
    env.update(_run_env())
    return env


def pip_install(python: str, args: list[str], *, log_name: str, env: dict | None = None) -> None:
    """``python -m pip install ARGS``, retried with ``--break-system-packages``
    when pip says the environment is externally managed (PEP 668)."""
    STATE_DIR.mkdir(exist_ok=True)
    log = STATE_DIR / "logs" / log_name
    log.parent.mkdir(parents=True, exist_ok=True)
    cmd = [python, "-m", "pip", "install", "--disable-pip-version-check", *args]
    proc = run(cmd, check=False, capture=True, env=env)
    if proc.returncode != 0 and "externally-managed-environment" in (proc.stdout or ""):
        info("pip says this Python is externally managed: retrying with --break-system-packages")
        cmd.insert(cmd.index("install") + 1, "--break-system-packages")
        proc = run(cmd, check=False, capture=True, env=env)
    log.write_text(proc.stdout or "", encoding="utf-8")
    if proc.returncode != 0:
        raise EbocError(
            f"pip install failed (exit {proc.returncode}); full output in {log}\n"
            + tail_text(proc.stdout or "", 15)
        )


def _make_odoo_venv(base_python: str, src: Path) -> str:
    """Create ``.venv-odoo`` and install Odoo's requirements into it."""
    venv_python = ODOO_VENV / "bin" / "python"
    stamp = ODOO_VENV / ".eboc-requirements.sha256"
    requirements = venv_requirements((src / "requirements.txt").read_text(encoding="utf-8"))
    wanted = sha256_of(requirements.encode("utf-8"))
    if venv_python.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return str(venv_python)
    if not venv_python.exists():
        info(f"creating {ODOO_VENV.name}/ for Odoo's requirements (with {base_python})")
        make_venv(base_python, ODOO_VENV)
    constraints = STATE_DIR / "build-constraints.txt"
    STATE_DIR.mkdir(exist_ok=True)
    constraints.write_text(BUILD_CONSTRAINTS, encoding="utf-8")
    requirements_file = STATE_DIR / "odoo-requirements.txt"
    requirements_file.write_text(requirements, encoding="utf-8")
    pip_version = parse_pip_version(
        run([str(venv_python), "-m", "pip", "--version"], capture=True).stdout
    )
    env = dict(os.environ)
    args = ["-r", str(requirements_file)]
    if pip_version >= (25, 3):
        args = ["--build-constraint", str(constraints), *args]
    else:
        env["PIP_CONSTRAINT"] = " ".join(
            filter(None, [env.get("PIP_CONSTRAINT"), str(constraints)])
        )
    info(f"installing {src}/requirements.txt into {ODOO_VENV.name}/ (a few minutes)")
    pip_install(str(venv_python), args, log_name="pip-odoo-venv.log", env=env)
    stamp.write_text(wanted + "\n", encoding="utf-8")
    return str(venv_python)


def _from_source(src_value: str) -> OdooInstall:
    src = Path(src_value).expanduser().resolve()
    if not (src / "odoo-bin").is_file():
        raise OdooNotAvailable(f"ODOO_SRC={src_value} has no odoo-bin")
    python_name = os.environ.get("ODOO_PYTHON") or "python3"
    python = _resolve_python(python_name)
    if not python:
        raise OdooNotAvailable(f"ODOO_PYTHON/python3 interpreter '{python_name}' not found")
    release = _probe(python, RELEASE_PROBE, str(src))
    if "error" in release:
        raise OdooNotAvailable(f"cannot read {src}/odoo/release.py: {release['error']}")
    _check_major(release["version_info"], f"ODOO_SRC={src}")
    deps = _missing_deps(python, src)
    if deps.get("missing") or deps.get("import_error") or "error" in deps:
        problem = deps.get("error") or deps.get("import_error") or ""
        if deps.get("missing"):
            problem = "missing " + ", ".join(deps["missing"][:8])
        venv_python = ODOO_VENV / "bin" / "python"
        reuse = venv_python.exists() and not _still_missing(str(venv_python), src)
        if not reuse:
            info(f"{python} cannot run Odoo ({problem})")
        try:
            python = str(venv_python) if reuse else _make_odoo_venv(python, src)
        except EbocError as exc:
            raise OdooNotAvailable(f"could not prepare {ODOO_VENV.name}/: {exc}") from exc
        left = _still_missing(python, src)
        if left:
            raise OdooNotAvailable(f"{python} still cannot run Odoo: {left}")
    return OdooInstall(
        how="ODOO_SRC",
        cmd=[python, str(src / "odoo-bin")],
        python=python,
        version=release["version"],
        addons_paths=[str(p) for p in (src / "addons", src / "odoo" / "addons") if p.is_dir()],
        source_dir=src,
        env=_run_env(),
    )


def _still_missing(python: str, src: Path) -> str:
    deps = _missing_deps(python, src)
    if "error" in deps:
        return deps["error"]
    if deps.get("missing"):
        return "missing " + ", ".join(deps["missing"])
    return deps.get("import_error", "")


def _from_installed(python: str, cmd: list[str], how: str) -> OdooInstall:
    probe = _probe(python, INSTALLED_PROBE, env=_probe_env())
    if "error" in probe:
        raise OdooNotAvailable(f"{how}: {python} cannot import odoo ({probe['error']})")
    _check_major(probe["version_info"], how)
    return OdooInstall(
        how=how,
        cmd=cmd,
        python=python,
        version=probe["version"],
        addons_paths=[p for p in probe["addons_paths"] if Path(p).is_dir()],
        env=_run_env(),
    )


def _from_path(odoo_exe: str) -> OdooInstall:
    try:
        with open(odoo_exe, encoding="utf-8", errors="replace") as handle:
            first = handle.readline().strip()
    except OSError as exc:
        raise OdooNotAvailable(f"cannot read {odoo_exe}: {exc}") from exc
    interpreter = interpreter_from_shebang(first)
    if not interpreter or not Path(interpreter).name.startswith("python"):
        raise OdooNotAvailable(f"{odoo_exe} is not a Python script (first line: {first[:60]!r})")
    python = _resolve_python(interpreter)
    if not python:
        raise OdooNotAvailable(f"{odoo_exe} wants {interpreter}, which is not found")
    return _from_installed(python, [odoo_exe], f"odoo on PATH ({odoo_exe})")


def odoo_requested() -> str:
    """How an Odoo was explicitly asked for (``ODOO_SRC=...``), or ``""``: when one was
    asked for and cannot run, the odoo tier fails instead of being skipped."""
    return f"ODOO_SRC={os.environ['ODOO_SRC']}" if os.environ.get("ODOO_SRC") else ""


def locate_odoo() -> OdooInstall:
    """The Odoo 18 to use, or :class:`OdooNotAvailable` listing what was tried."""
    if os.environ.get("ODOO_SRC"):
        return _from_source(os.environ["ODOO_SRC"])
    reasons = ["ODOO_SRC is not set"]
    odoo_exe = which("odoo")
    if odoo_exe:
        try:
            return _from_path(odoo_exe)
        except OdooNotAvailable as exc:
            reasons.append(str(exc))
    else:
        reasons.append("no `odoo` executable on PATH")
    python3 = which("python3") or sys.executable
    try:
        return _from_installed(python3, [python3, "-m", "odoo"], f"{python3} -m odoo")
    except OdooNotAvailable as exc:
        reasons.append(str(exc))
    raise OdooNotAvailable("; ".join(reasons))


INSTALL_HELP = f"""\
Odoo {ODOO_MAJOR} was not found. Any one of these works:
  * a source checkout of the official repository (github.com/odoo/odoo):
        git clone --depth 1 -b {ODOO_MAJOR}.0 https://github.com/odoo/odoo.git ~/odoo{ODOO_MAJOR}
        export ODOO_SRC=~/odoo{ODOO_MAJOR}
    (optionally ODOO_PYTHON=/path/to/python; when it lacks Odoo's requirements,
     ./eboc creates .venv-odoo/ and installs $ODOO_SRC/requirements.txt there)
  * the official Odoo {ODOO_MAJOR} .deb (nightly.odoo.com/{ODOO_MAJOR}.0/nightly/deb/), which puts
    `odoo` on PATH
  * pip install of the official source archive
    (nightly.odoo.com/{ODOO_MAJOR}.0/nightly/src/odoo_{ODOO_MAJOR}.0.latest.tar.gz)"""


def project_requirements(path: Path = PROJECT_REQUIREMENTS) -> list[str]:
    """Distribution names listed in the project's ``requirements.txt``."""
    names = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"(^|\s)#.*", "", raw).strip()
        if line:
            names.append(line)
    return names


MISSING_PROBE = r"""
import importlib.metadata as md, json, re, sys
missing = []
for spec in sys.argv[1:]:
    name = re.match(r"[A-Za-z0-9._-]+", spec).group(0)
    try:
        md.distribution(name)
    except md.PackageNotFoundError:
        missing.append(spec)
print(json.dumps({"missing": missing}))
"""


def ensure_project_requirements(odoo: OdooInstall) -> None:
    """Install the project's ``requirements.txt`` into Odoo's interpreter if missing."""
    specs = project_requirements()
    probe = _probe(odoo.python, MISSING_PROBE, *specs)
    if "error" in probe:
        raise EbocError(
            f"cannot check the project requirements with {odoo.python}: {probe['error']}"
        )
    if not probe["missing"]:
        return
    info(f"installing into {odoo.python}: {', '.join(probe['missing'])}")
    pip_install(odoo.python, probe["missing"], log_name="pip-project-requirements.log")
    left = _probe(odoo.python, MISSING_PROBE, *specs).get("missing")
    if left:
        warn(f"still missing after pip install: {', '.join(left)}")
