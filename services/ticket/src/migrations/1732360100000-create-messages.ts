import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The communication log. `ticket_attachments` holds each file content once, addressed by its
 * SHA-256 (two messages with the same file share one row); `ticket_message_attachments` lists a
 * message's files in order with the name and type the sender gave. `seq` orders a ticket's
 * messages in the order they were added (the ticket row lock serialises adds) and is the page
 * cursor. Messages are append-only like the history: the only change allowed is moving them to
 * another ticket (a merge); attachment contents never change (their address is their hash).
 */
export class CreateMessages1732360100000 implements MigrationInterface {
  name = 'CreateMessages1732360100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_attachments (
        sha256     text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint      NOT NULL CHECK (size_bytes >= 0),
        content    bytea       NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (octet_length(content) = size_bytes)
      )`);
    // Contents are mostly compressed already (PDF, images, zip); trying pglz on them is wasted work.
    await q.query(`ALTER TABLE ticket_attachments ALTER COLUMN content SET STORAGE EXTERNAL`);
    await q.query(`
      CREATE TABLE ticket_messages (
        seq                    bigint      GENERATED ALWAYS AS IDENTITY,
        id                     uuid        PRIMARY KEY,
        ticket_id              uuid        NOT NULL REFERENCES tickets (id),
        audience               text        NOT NULL CHECK (audience IN ('customer', 'internal', 'supplier')),
        medium                 text        NOT NULL CHECK (medium IN ('email', 'phone', 'chat', 'portal', 'note', 'system')),
        direction              text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        purpose                text        NOT NULL CHECK (purpose IN ('reply', 'auto_acknowledgement', 'notification')),
        author                 jsonb       NOT NULL,
        from_address           text,
        to_addresses           text[]      NOT NULL DEFAULT '{}',
        cc_addresses           text[]      NOT NULL DEFAULT '{}',
        subject                text,
        body_text              text        NOT NULL,
        body_html              text,
        mail_id                uuid,
        call_id                uuid,
        in_reply_to_message_id uuid        REFERENCES ticket_messages (id),
        created_at             timestamptz NOT NULL
      )`);
    // ListMessages: one ticket's messages in order, keyset on seq.
    await q.query(`CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, seq)`);
    await q.query(`
      CREATE TABLE ticket_message_attachments (
        message_id   uuid     NOT NULL REFERENCES ticket_messages (id),
        position     smallint NOT NULL CHECK (position >= 0),
        sha256       text     NOT NULL REFERENCES ticket_attachments (sha256),
        file_name    text     NOT NULL CHECK (file_name <> ''),
        content_type text     NOT NULL CHECK (content_type <> ''),
        inline       boolean  NOT NULL,
        content_id   text,
        PRIMARY KEY (message_id, position)
      )`);
    // GetAttachment: which messages carry a content.
    await q.query(`CREATE INDEX ticket_message_attachments_sha256 ON ticket_message_attachments (sha256)`);

    await q.query(`
      CREATE FUNCTION ticket_messages_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'ticket_id' = to_jsonb(OLD) - 'ticket_id' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only (only a merge may move messages to another ticket)', TG_TABLE_NAME;
      END $$`);
    await q.query(`
      CREATE TRIGGER ticket_messages_append_only BEFORE UPDATE OR DELETE ON ticket_messages
      FOR EACH ROW EXECUTE FUNCTION ticket_messages_append_only()`);
    await q.query(`
      CREATE FUNCTION ticket_attachments_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$`);
    await q.query(`
      CREATE TRIGGER ticket_attachments_immutable BEFORE UPDATE OR DELETE ON ticket_attachments
      FOR EACH ROW EXECUTE FUNCTION ticket_attachments_immutable()`);
    await q.query(`
      CREATE TRIGGER ticket_message_attachments_immutable BEFORE UPDATE OR DELETE ON ticket_message_attachments
      FOR EACH ROW EXECUTE FUNCTION ticket_attachments_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_message_attachments`);
    await q.query(`DROP TABLE ticket_messages`);
    await q.query(`DROP TABLE ticket_attachments`);
    await q.query(`DROP FUNCTION ticket_attachments_immutable()`);
    await q.query(`DROP FUNCTION ticket_messages_append_only()`);
  }
}
