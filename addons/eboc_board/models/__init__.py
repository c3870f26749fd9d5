from . import eboc_scoped_report, eboc_statistic
