from . import eboc_campaign
from . import eboc_campaign_target
from . import mailing_mailing
from . import res_partner
from . import survey_survey
from . import survey_user_input
from . import res_config_settings
