def migrate(cr, version):
    """Membership status and member numbers become the EBMO's (res.company's).

    The status, "is a member" and "member of" are no longer stored on the company:
    they are computed from the memberships their reader may see in the EBMO they
    work in. The member number becomes company-dependent (jsonb keyed by company):
    a company keeps its number in every EBMO where it is or was a member (numbers
    were unique across the database, so they stay unique in each EBMO); a number
    given by hand to a company that never was a member goes to the company's own
    EBMO, or to the first one.
    """
    cr.execute(
        """
        ALTER TABLE res_partner
            DROP CONSTRAINT IF EXISTS res_partner_member_number_unique,
            DROP COLUMN IF EXISTS member_state,
            DROP COLUMN IF EXISTS is_member;
        DROP TABLE IF EXISTS eboc_association_member_partner_rel;
        """
    )
    cr.execute(
        """
        SELECT data_type FROM information_schema.columns
         WHERE table_name = 'res_partner' AND column_name = 'member_number'
        """
    )
    row = cr.fetchone()
    if not row or row[0] == "jsonb":
        return
    cr.execute(
        """
        ALTER TABLE res_partner ADD COLUMN eboc_member_number_by_company jsonb;
        UPDATE res_partner p
           SET eboc_member_number_by_company = numbers.value
          FROM (
                SELECT m.partner_id,
                       jsonb_object_agg(m.company_id::text, p2.member_number) AS value
                  FROM (SELECT DISTINCT partner_id, company_id
                          FROM eboc_membership
                         WHERE state IN ('active', 'suspended')
                            OR (state IN ('lapsed', 'resigned') AND date_start IS NOT NULL)
                       ) m
                  JOIN res_partner p2 ON p2.id = m.partner_id
                 WHERE p2.member_number IS NOT NULL AND m.company_id IS NOT NULL
              GROUP BY m.partner_id
               ) numbers
         WHERE numbers.partner_id = p.id;
        UPDATE res_partner p
           SET eboc_member_number_by_company = jsonb_build_object(
                   COALESCE(p.company_id, (SELECT MIN(id) FROM res_company))::text,
                   p.member_number
               )
         WHERE p.member_number IS NOT NULL AND p.eboc_member_number_by_company IS NULL;
        ALTER TABLE res_partner DROP COLUMN member_number;
        ALTER TABLE res_partner RENAME COLUMN eboc_member_number_by_company TO member_number;
        """
    )
