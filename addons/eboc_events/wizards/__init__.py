from . import eboc_event_invite_wizard
