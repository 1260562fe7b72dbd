import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task due timers (`task_due` clocks name their task) and recompute jobs: a policy or calendar
 * change writes a job row in its own transaction, so a replica that dies in the middle of the
 * recompute leaves the job behind and another replica finishes it (see `recompute/`).
 */
export class DueTimersAndRecomputeJobs1732390000000 implements MigrationInterface {
  name = 'DueTimersAndRecomputeJobs1732390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla_clocks ADD COLUMN task_id uuid`);
    // Every clock change bumps the ticket's unindexed SLA version: free room on each page lets
    // PostgreSQL update in place (HOT) instead of adding an index entry per bump.
    await q.query(`ALTER TABLE sla_tickets SET (fillfactor = 85)`);
    await q.query(`
      CREATE TABLE sla_recompute_jobs (
        id          uuid        PRIMARY KEY,
        scope_kind  text        NOT NULL,
        scope_id    uuid        NOT NULL,
        windows     jsonb,
        created_at  timestamptz NOT NULL,
        lease_until timestamptz NOT NULL,
        finished_at timestamptz,
        recomputed  integer     NOT NULL DEFAULT 0
      )`);
    // Replicas look for unfinished jobs whose lease ran out.
    await q.query(`CREATE INDEX sla_recompute_jobs_open ON sla_recompute_jobs (lease_until) WHERE finished_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_recompute_jobs`);
    await q.query(`ALTER TABLE sla_tickets RESET (fillfactor)`);
    await q.query(`ALTER TABLE sla_clocks DROP COLUMN task_id`);
  }
}
