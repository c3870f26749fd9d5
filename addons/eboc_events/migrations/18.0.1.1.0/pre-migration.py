def migrate(cr, version):
    """Engagement becomes per EBMO (company-dependent jsonb columns). The old columns
    summed every EBMO's services, events and answers: they go, and the module's data
    file scores every company again, EBMO by EBMO, once the new columns exist."""
    cr.execute(
        """
        ALTER TABLE res_partner
            DROP COLUMN IF EXISTS engagement_services,
            DROP COLUMN IF EXISTS engagement_events,
            DROP COLUMN IF EXISTS engagement_answers,
            DROP COLUMN IF EXISTS engagement_score,
            DROP COLUMN IF EXISTS engagement_level,
            DROP COLUMN IF EXISTS last_interaction_date
        """
    )
