from . import eboc_campaign_respondent
from . import eboc_campaign_report
from . import eboc_campaign_response_report
from . import eboc_campaign_answer_report
from . import campaign_results_xlsx
