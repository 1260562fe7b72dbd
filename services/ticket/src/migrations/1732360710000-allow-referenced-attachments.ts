import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments whose content another service holds. An inbound mail's files stay in the mail
 * gateway (the audit original); `helpdesk.mail.received.v1` carries only references (name, type,
 * size, SHA-256, MIME part). Such a row has no content yet, only where to fetch it
 * (`origin_mail_id`, `origin_part_id`). The content may be filled in later — once, and only with
 * bytes whose SHA-256 is the row's address — e.g. when someone uploads the same file; nothing
 * else about an attachment ever changes. The existing size check passes for a NULL content and
 * holds again once the content is there.
 */
export class AllowReferencedAttachments1732360710000 implements MigrationInterface {
  name = 'AllowReferencedAttachments1732360710000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_attachments ALTER COLUMN content DROP NOT NULL`);
    await q.query(`ALTER TABLE ticket_attachments ADD COLUMN origin_mail_id uuid, ADD COLUMN origin_part_id text`);
    await q.query(`
      ALTER TABLE ticket_attachments ADD CONSTRAINT ticket_attachments_content_or_origin
      CHECK (content IS NOT NULL OR (origin_mail_id IS NOT NULL AND origin_part_id IS NOT NULL))`);
    await q.query(`
      CREATE FUNCTION ticket_attachments_fill_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.content IS NULL AND NEW.content IS NOT NULL
           AND encode(sha256(NEW.content), 'hex') = OLD.sha256
           AND to_jsonb(NEW) - 'content' = to_jsonb(OLD) - 'content' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only (a referenced content may only be filled in once, with matching bytes)', TG_TABLE_NAME;
      END $$`);
    await q.query(`DROP TRIGGER ticket_attachments_immutable ON ticket_attachments`);
    await q.query(`
      CREATE TRIGGER ticket_attachments_immutable BEFORE UPDATE OR DELETE ON ticket_attachments
      FOR EACH ROW EXECUTE FUNCTION ticket_attachments_fill_once()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ticket_attachments_immutable ON ticket_attachments`);
    await q.query(`
      CREATE TRIGGER ticket_attachments_immutable BEFORE UPDATE OR DELETE ON ticket_attachments
      FOR EACH ROW EXECUTE FUNCTION ticket_attachments_immutable()`);
    await q.query(`DROP FUNCTION ticket_attachments_fill_once()`);
    await q.query(`ALTER TABLE ticket_attachments DROP CONSTRAINT ticket_attachments_content_or_origin`);
    await q.query(`ALTER TABLE ticket_attachments DROP COLUMN origin_mail_id, DROP COLUMN origin_part_id`);
    await q.query(`ALTER TABLE ticket_attachments ALTER COLUMN content SET NOT NULL`);
  }
}
