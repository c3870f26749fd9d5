from . import fees
from . import account_move
from . import eboc_dues_period
from . import eboc_dues_run
from . import eboc_dues_line
from . import eboc_fee_rule
from . import eboc_membership
from . import eboc_membership_type
