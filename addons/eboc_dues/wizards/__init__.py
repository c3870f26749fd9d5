from . import eboc_dues_period_wizard
