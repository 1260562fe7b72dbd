import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound mail is acknowledged once its raw original is stored and processed (attachments,
 * threading, loop decisions, `mail.received`) right after, in batches, off the SMTP reply path:
 * - `processed_at`: null while a stored mail awaits processing; a crash in between leaves it
 *   null and the recovery pass of any replica processes it (claimed with SKIP LOCKED, so once).
 *   Mails stored before this migration were processed when they were stored.
 * - `envelope_from`: the SMTP MAIL FROM, the sender of last resort when the mail has no From.
 * - `other_mailbox_ids`: a mail addressed to several of the platform's mailboxes is stored once,
 *   under the mailbox it is routed to; these are the others (`alsoAddressed` in the event).
 */
export class InboundProcessing1732460000000 implements MigrationInterface {
  name = 'InboundProcessing1732460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE raw_messages ADD COLUMN other_mailbox_ids uuid[] NOT NULL DEFAULT '{}', ADD COLUMN envelope_from text, ADD COLUMN processed_at timestamptz`);
    await q.query(`UPDATE raw_messages SET processed_at = received_at`);
    await q.query(`CREATE INDEX raw_messages_unprocessed ON raw_messages (received_at) WHERE processed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX raw_messages_unprocessed`);
    await q.query(`ALTER TABLE raw_messages DROP COLUMN processed_at, DROP COLUMN envelope_from, DROP COLUMN other_mailbox_ids`);
  }
}
