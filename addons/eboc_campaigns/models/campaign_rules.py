"""Campaign rules and result tables, free of any Odoo import.

The models apply these rules; keeping them here lets the static test tier check them
without a database.
"""

LOBBYING = "lobbying"
SERVICE_PROMOTION = "service_promotion"
RECRUITMENT = "recruitment"
RETENTION = "retention"
EVENT_PROMOTION = "event_promotion"

# Anonymous campaigns: the smallest group of respondents a report or an export shows.
MIN_RESPONDENTS_PARAM = "eboc_campaigns.anonymous_min_respondents"
DEFAULT_MIN_RESPONDENTS = 5

# Membership status of a target company at the start of the campaign (within the
# campaign's association) that makes its activation during the campaign a conversion.
CONVERSION_START_STATES = {
    RECRUITMENT: ("none", "prospect", "applicant"),
    RETENTION: ("suspended", "lapsed"),
}

# What a campaign's goal counts, by type.
RESULT_MEASURE = {
    LOBBYING: "answered_count",
    SERVICE_PROMOTION: "clicked_count",
    RECRUITMENT: "conversion_count",
    RETENTION: "conversion_count",
    EVENT_PROMOTION: "clicked_count",
}


def conversion_start_states(campaign_type):
    """Return the start states whose activation counts as a conversion, or ()."""
    return CONVERSION_START_STATES.get(campaign_type, ())


def ratio(part, whole):
    """Return ``part`` as a percentage of ``whole`` (0 when ``whole`` is 0)."""
    return round(100.0 * part / whole, 1) if whole else 0.0


def breakdown_table(columns, responses, answers, respondents):
    """Build the rows of one questionnaire result table for one breakdown.

    ``columns`` is the ordered list of column keys (sectors, regions...).
    ``responses`` maps a column key to ``(invited, answered)``.
    ``answers`` maps ``(question_key, option_key, column_key)`` to a count.
    ``respondents`` maps ``(question_key, column_key)`` to the number of people who
    answered that question in that column.

    Returns ``{"response": [...], "questions": {question_key: {option_key: [...]}}}``
    where every list has one ``(count, percent)`` pair per column plus a total last.
    """
    response = []
    invited_total = answered_total = 0
    for col in columns:
        invited, answered = responses.get(col, (0, 0))
        response.append((answered, ratio(answered, invited)))
        invited_total += invited
        answered_total += answered
    response.append((answered_total, ratio(answered_total, invited_total)))
    questions = {}
    for question, option, _col in answers:
        questions.setdefault(question, {}).setdefault(option, None)
    for question, options in questions.items():
        base_total = sum(respondents.get((question, col), 0) for col in columns)
        for option in options:
            cells = []
            for col in columns:
                count = answers.get((question, option, col), 0)
                cells.append((count, ratio(count, respondents.get((question, col), 0))))
            total = sum(count for count, _pct in cells)
            cells.append((total, ratio(total, base_total)))
            options[option] = cells
    return {"response": response, "questions": questions}
