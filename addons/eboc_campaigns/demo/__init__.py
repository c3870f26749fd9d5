from . import eboc_campaign_demo
