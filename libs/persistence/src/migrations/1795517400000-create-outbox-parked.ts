import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where the outbox relay parks an event NATS refuses for its size (over the server's
 * `max_payload` or a stream's `max_msg_size`): the full outbox row moves here in one statement,
 * with the reason and the payload size, so the relay can go on with later events and nothing is
 * lost. `requeueParkedEvents()` in `@helpdesk/messaging` (or the SQL in its README) moves rows back
 * into the outbox once the limit has been raised. `position` is the row's outbox position at the
 * time it was parked.
 */
export class CreateOutboxParked1795517400000 implements MigrationInterface {
  name = 'CreateOutboxParked1795517400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_parked (
        position      bigint      PRIMARY KEY,
        event_id      uuid        NOT NULL UNIQUE,
        type          text        NOT NULL,
        envelope      jsonb       NOT NULL,
        created_at    timestamptz NOT NULL,
        attempts      integer     NOT NULL,
        last_error    text,
        payload_bytes integer     NOT NULL,
        reason        text        NOT NULL,
        parked_at     timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_parked`);
  }
}
