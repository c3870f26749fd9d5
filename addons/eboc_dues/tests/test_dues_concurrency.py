from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api, sql_db
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestConcurrentRuns(TransactionCase):
    """Two dues runs for the same period, previewed at the same moment on two database
    connections, never bill a membership twice, and the second is told why.

    The test transaction cannot be seen from other connections, so this test commits
    its own small data set through a third connection and removes it afterwards.
    """

    def _cursor(self):
        cr = sql_db.db_connect(self.env.cr.dbname).cursor()
        self.addCleanup(cr.close)
        return cr

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    def _setup_committed_data(self, env):
        association = env["eboc.association"].create({"name": "Concurrency Test Association"})
        company = env["res.partner"].create({"name": "Concurrency Test Co", "is_company": True})
        membership = env["eboc.membership"].create(
            {
                "partner_id": company.id,
                "association_id": association.id,
                "membership_type_id": env.ref("eboc_membership.membership_type_full").id,
                "state": "active",
                "date_start": "2015-01-01",
            }
        )
        period = env["eboc.dues.period"].create(
            {"name": "2051", "date_from": "2051-01-01", "date_to": "2051-12-31"}
        )
        env["eboc.fee.rule"].create(
            {"name": "Flat", "association_id": association.id, "amount_flat": 500.0}
        )
        env.cr.commit()
        return association, company, membership, period

    def _cleanup(self, env, association, company, membership, period):
        env.cr.rollback()
        env["eboc.dues.line"].search([("period_id", "=", period.id)]).unlink()
        env["eboc.dues.run"].search([("period_id", "=", period.id)]).unlink()
        env["eboc.fee.rule"].search([("association_id", "=", association.id)]).unlink()
        membership.unlink()
        period.unlink()
        partner = association.partner_id
        association.unlink()
        (company | partner).unlink()
        env.cr.commit()

    def _run(self, env, association, period):
        return env["eboc.dues.run"].create(
            {"name": "Race", "period_id": period.id, "association_ids": association.ids}
        )

    def test_two_runs_at_once_never_double_bill(self):
        env0 = self._env(self._cursor())
        data = self._setup_committed_data(env0)
        association, _company, membership, period = data
        env1, env2 = self._env(self._cursor()), self._env(self._cursor())
        try:
            run1 = self._run(env1, association, period)
            run2 = self._run(env2, association, period)
            env2.cr.commit()
            run1.action_preview()
            env1.flush_all()
            # While the first preview's transaction is open, the second is refused at
            # once with a message that says what to do, not a raw database error (and
            # an ERROR in the log, which the odoo tier would fail on). The lock timeout
            # only keeps this test from hanging should the second one wait instead.
            env2.cr.execute("SET LOCAL lock_timeout = '5s'")
            with self.assertRaisesRegex(UserError, "being previewed at this moment"):
                run2.action_preview()
            env2.cr.rollback()
            env1.cr.commit()
            lines = env0["eboc.dues.line"].search(
                [("membership_id", "=", membership.id), ("period_id", "=", period.id)]
            )
            self.assertEqual(len(lines), 1)
            self.assertEqual(lines.run_id, run1.with_env(env0))
            # Tried again, the second run leaves the membership to the first.
            run2.action_preview()
            env2.flush_all()
            self.assertFalse(run2.line_ids)
            self.assertEqual(run2.skipped_count, 1)
            env2.cr.rollback()
        finally:
            # A failed assertion must not leave a transaction holding the locks the
            # clean-up waits for.
            env1.cr.rollback()
            env2.cr.rollback()
            self._cleanup(env0, *data)

    def test_a_preview_on_an_older_snapshot_is_retried_not_double_billed(self):
        env0 = self._env(self._cursor())
        data = self._setup_committed_data(env0)
        association, _company, membership, period = data
        env1, env2 = self._env(self._cursor()), self._env(self._cursor())
        try:
            run1 = self._run(env1, association, period)
            run2 = self._run(env2, association, period)
            env2.cr.commit()
            # The second request's transaction has begun (its snapshot is taken)...
            env2.cr.execute("SELECT state FROM eboc_dues_run WHERE id = %s", [run2.id])
            env2.cr.fetchall()
            # ...when the first preview commits: the lock is free again, but the
            # second cannot see the first one's lines.
            run1.action_preview()
            env1.flush_all()
            env1.cr.commit()
            # Refused with a serialization failure, which Odoo's request handler
            # retries on a fresh snapshot (no raw unique-index error, no double bill).
            with self.assertRaises(SerializationFailure):
                run2.action_preview()
                env2.flush_all()
            env2.cr.rollback()
            run2.invalidate_recordset()
            run2.action_preview()  # the retry
            env2.flush_all()
            self.assertFalse(run2.line_ids)
            self.assertEqual(run2.skipped_count, 1)
            env2.cr.rollback()
            lines = env0["eboc.dues.line"].search(
                [("membership_id", "=", membership.id), ("period_id", "=", period.id)]
            )
            self.assertEqual(lines.run_id, run1.with_env(env0))
        finally:
            env1.cr.rollback()
            env2.cr.rollback()
            self._cleanup(env0, *data)
