"""Every addon's ``__manifest__.py`` is a plain dict with what Odoo 18 and OCA expect."""

import ast
import re

import pytest

from addon_files import ADDONS, ADDONS_DIR, manifest_path, read_manifest

REQUIRED_KEYS = ("name", "version", "license", "author", "website", "depends")
VERSION_RE = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
LICENSES = ("LGPL-3", "AGPL-3")
AUTHOR = "EBMO CRM developers"

per_addon = pytest.mark.parametrize("addon", ADDONS)


def test_addons_found():
    assert ADDONS, f"no addon (*/__manifest__.py) in {ADDONS_DIR}"


def test_every_addon_folder_has_a_manifest():
    folders = [
        p.name
        for p in ADDONS_DIR.iterdir()
        if p.is_dir() and not p.name.startswith((".", "_")) and any(p.iterdir())
    ]
    missing = [name for name in folders if not (ADDONS_DIR / name / "__manifest__.py").exists()]
    assert not missing, f"folders under addons/ without __manifest__.py: {missing}"


@per_addon
def test_manifest_is_a_literal_dict(addon):
    value = ast.literal_eval(manifest_path(addon).read_text(encoding="utf-8"))
    assert isinstance(value, dict)


@per_addon
def test_manifest_has_required_keys(addon):
    manifest = read_manifest(addon)
    missing = [key for key in REQUIRED_KEYS if not manifest.get(key) and key != "depends"]
    if "depends" not in manifest:
        missing.append("depends")
    assert not missing, f"{addon}: missing {missing}"


@per_addon
def test_manifest_version_is_18_0_x_y_z(addon):
    version = read_manifest(addon).get("version", "")
    assert VERSION_RE.match(version), f"{addon}: version {version!r} is not 18.0.x.y.z"


@per_addon
def test_manifest_license_is_allowed(addon):
    license_ = read_manifest(addon).get("license")
    assert license_ in LICENSES, f"{addon}: license {license_!r} not in {LICENSES}"


@per_addon
def test_manifest_author_includes_project(addon):
    author = read_manifest(addon).get("author", "")
    assert AUTHOR in author, f"{addon}: author {author!r} must include {AUTHOR!r}"


@per_addon
def test_manifest_has_no_description_key(addon):
    assert "description" not in read_manifest(addon), f"{addon}: use readme/DESCRIPTION.md"


@per_addon
def test_manifest_data_files_exist(addon):
    manifest = read_manifest(addon)
    files = [*manifest.get("data", []), *manifest.get("demo", [])]
    missing = [f for f in files if not (ADDONS_DIR / addon / f).is_file()]
    assert not missing, f"{addon}: listed in the manifest but not on disk: {missing}"


@per_addon
def test_manifest_eboc_dependencies_exist(addon):
    depends = read_manifest(addon).get("depends", [])
    missing = [d for d in depends if d.startswith("eboc_") and d not in ADDONS]
    assert not missing, f"{addon}: depends on addons that are not in addons/: {missing}"


@per_addon
def test_addon_is_a_python_package(addon):
    assert (ADDONS_DIR / addon / "__init__.py").is_file(), f"{addon}: no __init__.py"
