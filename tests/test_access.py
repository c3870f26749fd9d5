"""Every model an addon creates has access rules in its ``security/ir.model.access.csv``."""

import csv

import pytest

from addon_files import (
    ADDONS,
    ADDONS_DIR,
    access_models,
    defined_models,
    model_xmlid,
    read_manifest,
)

HEADER = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]
ACCESS_CSV = "security/ir.model.access.csv"
MODELS = [(addon, model) for addon in ADDONS for model in defined_models(addon)]
WITH_CSV = [addon for addon in ADDONS if (ADDONS_DIR / addon / ACCESS_CSV).exists()]


@pytest.mark.parametrize(("addon", "model"), MODELS, ids=[f"{a}:{m}" for a, m in MODELS])
def test_model_has_access_line(addon, model):
    lines = access_models(addon).get(model_xmlid(model), 0)
    assert lines, f"{addon}: model {model} has no line with {model_xmlid(model)} in {ACCESS_CSV}"


@pytest.mark.parametrize("addon", WITH_CSV)
def test_access_csv_header(addon):
    with (ADDONS_DIR / addon / ACCESS_CSV).open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    assert header == HEADER


@pytest.mark.parametrize("addon", WITH_CSV)
def test_access_csv_is_loaded_by_the_manifest(addon):
    assert ACCESS_CSV in read_manifest(addon).get("data", []), f"{addon}: {ACCESS_CSV} not in data"
