from . import test_dues_period
from . import test_dues_run
from . import test_fee_rule
from . import test_dues_light
from . import test_dues_follow_up
from . import test_dues_concurrency
from . import test_dues_reports
from . import test_tour
