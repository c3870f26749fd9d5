def migrate(cr, version):
    """Portal rights arrive on the contact roles. The shipped roles are not updated
    (noupdate data, an EBMO may have edited them): give the finance manager and the
    CEO the rights a new database gets, so that upgrading does not leave a portal
    where nobody may pay or edit. Roles the EBMO created itself stay without rights."""
    cr.execute(
        """
        UPDATE eboc_contact_role r
           SET portal_pays_dues = TRUE,
               portal_edits_profile = (d.name = 'contact_role_ceo')
          FROM ir_model_data d
         WHERE d.module = 'eboc_membership'
           AND d.model = 'eboc.contact.role'
           AND d.name IN ('contact_role_ceo', 'contact_role_fin')
           AND d.res_id = r.id
        """
    )
