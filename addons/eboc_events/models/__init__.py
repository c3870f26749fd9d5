from . import eboc_service_type
from . import eboc_service_record
from . import res_partner
from . import event_event
from . import event_registration
from . import eboc_event_invitation
