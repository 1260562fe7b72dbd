import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measured with 1,000,000 tickets (`npm run bench -- ticket-list`): the urgency order walked the
 * whole `tickets_urgency` index past closed tickets (which keep their last traffic light) and
 * past other customers' tickets. A partial index over the open statuses and one per customer
 * keep every page an index range scan; larger statistics on `search` let the planner see that a
 * rare word matches few tickets and start from the text index.
 */
export class AddTicketListIndexes1732360800000 implements MigrationInterface {
  name = 'AddTicketListIndexes1732360800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX tickets_open_urgency ON tickets ((-sla_rank), (COALESCE(due_at, 'infinity')), (-priority_rank), created_at, id)
      WHERE status IN ('new', 'open', 'in_progress', 'pending')`);
    await q.query(`
      CREATE INDEX tickets_customer_urgency ON tickets (customer_id, (-sla_rank), (COALESCE(due_at, 'infinity')), (-priority_rank), created_at, id)`);
    await q.query(`ALTER TABLE tickets ALTER COLUMN search SET STATISTICS 1000`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets ALTER COLUMN search SET STATISTICS -1`);
    await q.query(`DROP INDEX tickets_customer_urgency`);
    await q.query(`DROP INDEX tickets_open_urgency`);
  }
}
