from . import eboc_service_type
from . import eboc_service_record
from . import res_partner
