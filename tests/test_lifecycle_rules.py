"""The membership lifecycle rules, checked without Odoo.

models/lifecycle.py imports nothing from Odoo, so it loads straight from its file.
"""

from pathlib import Path

import pytest

from addon_files import load_module_file

LIFECYCLE_PATH = (
    Path(__file__).resolve().parents[1] / "addons" / "eboc_membership" / "models" / "lifecycle.py"
)
lifecycle = load_module_file(LIFECYCLE_PATH, "eboc_lifecycle")


def test_module_does_not_import_odoo():
    source = LIFECYCLE_PATH.read_text()
    assert "import odoo" not in source and "from odoo" not in source


@pytest.mark.parametrize(
    ("from_state", "to_state"),
    [
        ("prospect", "applicant"),
        ("applicant", "active"),
        ("prospect", "active"),
        ("active", "suspended"),
        ("suspended", "active"),
        ("active", "lapsed"),
        ("suspended", "lapsed"),
        ("active", "resigned"),
        ("lapsed", "applicant"),
        ("resigned", "applicant"),
        ("lapsed", "active"),
    ],
)
def test_allowed_transitions(from_state, to_state):
    assert lifecycle.can_transition(from_state, to_state)


@pytest.mark.parametrize(
    ("from_state", "to_state"),
    [
        ("prospect", "suspended"),
        ("applicant", "suspended"),
        ("prospect", "lapsed"),
        ("resigned", "active"),
        ("lapsed", "resigned"),
        ("resigned", "resigned"),
        ("active", "active"),
        ("active", "prospect"),
        ("active", "applicant"),
        ("active", "no_such_state"),
    ],
)
def test_refused_transitions(from_state, to_state):
    assert not lifecycle.can_transition(from_state, to_state)


def test_every_state_is_reachable_and_every_target_is_a_state():
    targets = set(lifecycle.TRANSITIONS)
    assert targets == set(lifecycle.STATES)
    sources = {s for origins in lifecycle.TRANSITIONS.values() for s in origins}
    assert sources <= set(lifecycle.STATES)
    reachable = {"prospect"}
    changed = True
    while changed:
        changed = False
        for target, origins in lifecycle.TRANSITIONS.items():
            if target not in reachable and reachable & set(origins):
                reachable.add(target)
                changed = True
    assert reachable == set(lifecycle.STATES)


def test_open_and_ended_states_partition_the_states():
    assert set(lifecycle.OPEN_STATES) | set(lifecycle.ENDED_STATES) == set(lifecycle.STATES)
    assert not set(lifecycle.OPEN_STATES) & set(lifecycle.ENDED_STATES)
    assert set(lifecycle.MEMBER_STATES) <= set(lifecycle.OPEN_STATES)


def test_resignation_needs_date_and_reason():
    assert lifecycle.missing_for_transition("resigned", {}) == ["date_end", "leaving_reason_id"]
    assert lifecycle.missing_for_transition("resigned", {"date_end": "2026-01-01"}) == [
        "leaving_reason_id"
    ]
    assert (
        lifecycle.missing_for_transition(
            "resigned", {"date_end": "2026-01-01", "leaving_reason_id": 3}
        )
        == []
    )


def test_lapse_needs_a_date_only():
    assert lifecycle.missing_for_transition("lapsed", {}) == ["date_end"]
    assert lifecycle.missing_for_transition("lapsed", {"date_end": "2026-01-01"}) == []
    assert lifecycle.missing_for_transition("active", {}) == []


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        ([], "none"),
        (["resigned"], "resigned"),
        (["lapsed", "resigned"], "lapsed"),
        (["prospect", "lapsed"], "prospect"),
        (["applicant", "prospect"], "applicant"),
        (["suspended", "applicant"], "suspended"),
        (["active", "suspended", "resigned"], "active"),
    ],
)
def test_overall_status_takes_most_engaged(states, expected):
    assert lifecycle.overall_status(states) == expected


BANDS = [("micro", 0, 9), ("small", 10, 49), ("medium", 50, 249), ("large", 250, 0)]


@pytest.mark.parametrize(
    ("employees", "expected"),
    [
        (0, "micro"),
        (9, "micro"),
        (10, "small"),
        (49, "small"),
        (50, "medium"),
        (249, "medium"),
        (250, "large"),
        (120000, "large"),
        (-1, None),
        (None, None),
        (False, None),
    ],
)
def test_size_bands(employees, expected):
    assert lifecycle.match_band(BANDS, employees) == expected


def test_size_band_gap_matches_nothing():
    assert lifecycle.match_band([("a", 0, 9), ("b", 20, 0)], 15) is None
