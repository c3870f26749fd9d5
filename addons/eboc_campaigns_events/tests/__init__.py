from . import test_access
from . import test_campaign_events
from . import test_engagement
