from . import (
    density_xlsx,
    eboc_board_event_report,
    eboc_density_report,
    eboc_member_value_report,
    eboc_retention_report,
)
