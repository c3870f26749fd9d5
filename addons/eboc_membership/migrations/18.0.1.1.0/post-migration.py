def migrate(cr, version):
    """Memberships active before activation dates were recorded were activated on
    their start date, as far as anyone knows."""
    cr.execute(
        """
        UPDATE eboc_membership
           SET activation_date = date_start
         WHERE state = 'active' AND activation_date IS NULL AND date_start IS NOT NULL
        """
    )
