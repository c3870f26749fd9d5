from . import eboc_membership_end_wizard
