from . import eboc_recruitment_wizard
