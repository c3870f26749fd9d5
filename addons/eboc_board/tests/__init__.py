from . import test_density, test_retention, test_value
from . import test_board_ui, test_dashboard
