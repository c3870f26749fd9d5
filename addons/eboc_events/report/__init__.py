from . import eboc_service_report
from . import eboc_event_report
