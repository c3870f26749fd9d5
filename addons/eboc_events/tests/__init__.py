from . import test_event_invitation
from . import test_event_pricing
from . import test_service_record
from . import test_tour
