"""Membership lifecycle rules, free of any Odoo import.

The model ``eboc.membership`` and the company status on ``res.partner`` apply these
rules; keeping them here lets the static test tier check them without a database.
"""

PROSPECT = "prospect"
APPLICANT = "applicant"
ACTIVE = "active"
SUSPENDED = "suspended"
LAPSED = "lapsed"
RESIGNED = "resigned"

STATES = (PROSPECT, APPLICANT, ACTIVE, SUSPENDED, LAPSED, RESIGNED)
OPEN_STATES = (PROSPECT, APPLICANT, ACTIVE, SUSPENDED)
ENDED_STATES = (LAPSED, RESIGNED)
MEMBER_STATES = (ACTIVE, SUSPENDED)

# Allowed transitions: target state -> states it may be reached from.
TRANSITIONS = {
    APPLICANT: (PROSPECT, LAPSED, RESIGNED),
    ACTIVE: (PROSPECT, APPLICANT, SUSPENDED, LAPSED),
    SUSPENDED: (ACTIVE,),
    LAPSED: (ACTIVE, SUSPENDED),
    RESIGNED: (PROSPECT, APPLICANT, ACTIVE, SUSPENDED),
    PROSPECT: (),
}

# A company holding several memberships shows the most engaged one.
STATUS_PRIORITY = (ACTIVE, SUSPENDED, APPLICANT, PROSPECT, LAPSED, RESIGNED)
NO_MEMBERSHIP = "none"


def can_transition(from_state, to_state):
    """Return True when a membership in ``from_state`` may move to ``to_state``."""
    return from_state in TRANSITIONS.get(to_state, ())


def missing_for_transition(to_state, values):
    """Return the names of the values a transition needs and does not have.

    ``values`` maps ``date_end`` and ``leaving_reason_id`` to what the membership
    (or the wizard ending it) holds.
    """
    required = {
        RESIGNED: ("date_end", "leaving_reason_id"),
        LAPSED: ("date_end",),
    }.get(to_state, ())
    return [name for name in required if not values.get(name)]


def overall_status(states):
    """Return the company status for the states of all its memberships."""
    present = set(states)
    for state in STATUS_PRIORITY:
        if state in present:
            return state
    return NO_MEMBERSHIP


def match_band(bands, value):
    """Return the key of the band that holds ``value``, or None.

    ``bands`` is an iterable of ``(key, minimum, maximum)`` where a maximum of 0 or
    None means no upper bound. Bands are tried in the order given; the first match
    wins, so overlapping bands resolve to the first one.
    """
    if value is None or value is False or value < 0:
        return None
    for key, minimum, maximum in bands:
        if value >= (minimum or 0) and (not maximum or value <= maximum):
            return key
    return None
