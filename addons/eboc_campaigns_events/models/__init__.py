from . import eboc_campaign
from . import event_event
from . import res_partner
