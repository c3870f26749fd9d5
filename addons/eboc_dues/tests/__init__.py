from . import test_dues_period
from . import test_dues_run
from . import test_fee_rule
from . import test_tour
