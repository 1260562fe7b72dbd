import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The idempotent-consumer inbox: one row per (durable consumer, event id), inserted in the same
 * transaction as the handler's effect. `event_id` is text, not uuid, so that a malformed id
 * from a foreign producer is still de-duplicated rather than failing the insert.
 */
export class CreateInbox1732350000001 implements MigrationInterface {
  name = 'CreateInbox1732350000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbox (
        consumer    text        NOT NULL,
        event_id    text        NOT NULL,
        type        text        NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`CREATE INDEX inbox_received_at ON inbox (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox`);
  }
}
