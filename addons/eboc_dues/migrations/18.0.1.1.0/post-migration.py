def migrate(cr, version):
    """A company's dues figures are no longer stored: they add up the memberships
    their reader may see, so that association and EBMO walls hold in them. The
    memberships' new stored figures are computed by the upgrade; the company
    columns, which summed every association and EBMO, go."""
    cr.execute(
        """
        ALTER TABLE res_partner
            DROP COLUMN IF EXISTS dues_light,
            DROP COLUMN IF EXISTS dues_outstanding,
            DROP COLUMN IF EXISTS dues_arrears,
            DROP COLUMN IF EXISTS dues_overdue_since
        """
    )
