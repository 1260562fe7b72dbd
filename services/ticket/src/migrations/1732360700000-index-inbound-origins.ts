import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the mail and call consumers look up on every event. A mail and a call become at most one
 * message each: the unique partial indexes make a replayed `mail.received` or `call.ended` (a new
 * event id, so the inbox lets it through) fail instead of logging the same mail or call twice,
 * and make "has this mail/call been recorded?" an index probe. The partial index on open tickets
 * per contact answers "the caller's most recently updated open ticket".
 */
export class IndexInboundOrigins1732360700000 implements MigrationInterface {
  name = 'IndexInboundOrigins1732360700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX ticket_messages_mail ON ticket_messages (mail_id) WHERE mail_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX ticket_messages_call ON ticket_messages (call_id) WHERE call_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX tickets_contact_open ON tickets (contact_id, updated_at DESC, id DESC)
      WHERE status IN ('new', 'open', 'in_progress', 'pending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_contact_open`);
    await q.query(`DROP INDEX ticket_messages_call`);
    await q.query(`DROP INDEX ticket_messages_mail`);
  }
}
