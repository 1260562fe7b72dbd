import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox. `position` gives the publish order; the partial index keeps the
 * relay's "next unpublished rows" query on a tiny index however large the table grows. The
 * statement-level trigger wakes relays through LISTEN/NOTIFY when a transaction that inserted
 * rows commits (NOTIFY is delivered on commit only), naming the schema so that services sharing
 * one database ignore each other's wake-ups.
 */
export class CreateOutbox1732350000000 implements MigrationInterface {
  name = 'CreateOutbox1732350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id     uuid        NOT NULL UNIQUE,
        type         text        NOT NULL,
        envelope     jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz,
        attempts     integer     NOT NULL DEFAULT 0,
        last_error   text
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('helpdesk_outbox', TG_TABLE_SCHEMA);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
  }
}
