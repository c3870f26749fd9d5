from . import eboc_event_invite_wizard
from . import survey_invite
