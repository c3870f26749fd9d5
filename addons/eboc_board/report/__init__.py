from . import density_xlsx, eboc_density_report, eboc_member_value_report, eboc_retention_report
