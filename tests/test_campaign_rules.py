"""The campaign rules and the result table of the lobbying export, checked without Odoo.

models/campaign_rules.py imports nothing from Odoo, so it loads straight from its file.
"""

from pathlib import Path

import pytest

from addon_files import load_module_file

RULES_PATH = (
    Path(__file__).resolve().parents[1]
    / "addons"
    / "eboc_campaigns"
    / "models"
    / "campaign_rules.py"
)
rules = load_module_file(RULES_PATH, "eboc_campaign_rules")


def test_module_does_not_import_odoo():
    source = RULES_PATH.read_text()
    assert "import odoo" not in source and "from odoo" not in source


@pytest.mark.parametrize(
    ("campaign_type", "states"),
    [
        ("recruitment", ("none", "prospect", "applicant")),
        ("retention", ("suspended", "lapsed")),
        ("lobbying", ()),
        ("service_promotion", ()),
        ("event_promotion", ()),
    ],
)
def test_conversion_start_states(campaign_type, states):
    assert rules.conversion_start_states(campaign_type) == states


def test_every_type_has_a_result_measure():
    types = {
        rules.LOBBYING,
        rules.SERVICE_PROMOTION,
        rules.RECRUITMENT,
        rules.RETENTION,
        rules.EVENT_PROMOTION,
    }
    assert set(rules.RESULT_MEASURE) == types
    assert rules.RESULT_MEASURE[rules.RECRUITMENT] == "conversion_count"
    assert rules.RESULT_MEASURE[rules.LOBBYING] == "answered_count"


@pytest.mark.parametrize(
    ("part", "whole", "expected"), [(0, 0, 0.0), (1, 3, 33.3), (2, 3, 66.7), (3, 3, 100.0)]
)
def test_ratio(part, whole, expected):
    assert rules.ratio(part, whole) == expected


def test_breakdown_table():
    columns = ["metal", "hotel", None]
    responses = {"metal": (3, 2), "hotel": (1, 1)}
    answers = {
        ("q1", "yes", "metal"): 1,
        ("q1", "no", "metal"): 1,
        ("q1", "yes", "hotel"): 1,
    }
    respondents = {("q1", "metal"): 2, ("q1", "hotel"): 1}
    table = rules.breakdown_table(columns, responses, answers, respondents)
    # Answered and response rate per column, then the total.
    assert table["response"] == [(2, 66.7), (1, 100.0), (0, 0.0), (3, 75.0)]
    assert table["questions"]["q1"]["yes"] == [(1, 50.0), (1, 100.0), (0, 0.0), (2, 66.7)]
    assert table["questions"]["q1"]["no"] == [(1, 50.0), (0, 0.0), (0, 0.0), (1, 33.3)]
    # Options keep the order in which they came.
    assert list(table["questions"]["q1"]) == ["yes", "no"]
