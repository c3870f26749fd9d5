from . import eboc_retention_report, eboc_density_report, eboc_member_value_report
