from . import test_engagement
from . import test_event_feedback
from . import test_event_invitation
from . import test_event_practical
from . import test_event_pricing
from . import test_service_record
from . import test_tour
from . import test_services_portal
