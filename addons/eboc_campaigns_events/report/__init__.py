from . import eboc_campaign_report
