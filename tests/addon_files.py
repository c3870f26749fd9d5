"""What the static addon checks look at: manifests, XML files, models, access rules.

The addon checks (test_manifests, test_xml, test_access) look at the addons in
``addons/`` -- or in ``$EBOC_ADDONS_DIR`` when set, which ``./eboc test
--addons-dir DIR`` does -- and are parametrized per addon, file and model so
that each finding is its own failing test.
"""

from __future__ import annotations

import ast
import csv
import importlib.util
from pathlib import Path

from eboc_tools.common import addons_dir, discover_addons

ADDONS_DIR = addons_dir()
ADDONS = discover_addons(ADDONS_DIR)
CONCRETE_BASES = {"Model", "TransientModel"}


def manifest_path(addon: str) -> Path:
    return ADDONS_DIR / addon / "__manifest__.py"


def read_manifest(addon: str) -> dict:
    return ast.literal_eval(manifest_path(addon).read_text(encoding="utf-8"))


def xml_files() -> list[Path]:
    return sorted(p for p in ADDONS_DIR.rglob("*.xml") if not _hidden(p))


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(ADDONS_DIR).parts)


def _names(node: ast.expr) -> list[str]:
    """String values of ``'a'`` or ``['a', 'b']``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.List | ast.Tuple):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)]
    return []


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def defined_models(addon: str) -> list[str]:
    """Models created by ``addon``: classes on (Transient)Model with a new ``_name``.

    A class whose ``_name`` also appears in its ``_inherit`` only extends a
    model, and abstract models have no table: neither needs access rules here.
    """
    models = []
    root = ADDONS_DIR / addon
    for path in sorted(root.rglob("*.py")):
        if {"tests", "migrations"} & set(path.relative_to(root).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            if not {_base_name(b) for b in cls.bases} & CONCRETE_BASES:
                continue
            attrs = {}
            for stmt in cls.body:
                targets = stmt.targets if isinstance(stmt, ast.Assign) else []
                if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                    targets = [stmt.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        attrs[target.id] = _names(stmt.value)
            name = (attrs.get("_name") or [None])[0]
            if name and name not in attrs.get("_inherit", []):
                models.append(name)
    return models


def access_models(addon: str) -> dict[str, int]:
    """model_id:id (module prefix removed) -> number of lines in ir.model.access.csv."""
    path = ADDONS_DIR / addon / "security" / "ir.model.access.csv"
    counts: dict[str, int] = {}
    if not path.exists():
        return counts
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            model_ref = (row.get("model_id:id") or "").split(".")[-1]
            counts[model_ref] = counts.get(model_ref, 0) + 1
    return counts


def model_xmlid(model: str) -> str:
    return "model_" + model.replace(".", "_")


def load_module_file(path: Path, name: str):
    """Import one Python file by its path: for pure modules inside an addon (whose
    package imports Odoo) and for the repository's tools."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
