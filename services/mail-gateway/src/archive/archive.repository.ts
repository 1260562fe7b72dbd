import type { EntityManager } from 'typeorm';

/** A stored inbound original. */
export interface RawMessage {
  readonly id: string;
  readonly mailboxId: string;
  readonly raw: Buffer;
  readonly sha256: string;
  readonly messageIdHeader: string;
  readonly source: string;
  readonly receivedAt: Date;
}

/** A stored attachment's content. */
export interface StoredFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly content: Buffer;
}

/** Reads of the stored originals and attachment contents (the gRPC archive). */
export class ArchiveRepository {
  constructor(private readonly manager: EntityManager) {}

  async rawMessage(mailId: string): Promise<RawMessage | null> {
    const rows: { id: string; mailbox_id: string; raw: Buffer; sha256: string; message_id_header: string; source: string; received_at: Date }[] = await this.manager.query(
      `SELECT id, mailbox_id, raw, sha256, message_id_header, source, received_at FROM raw_messages WHERE id = $1`,
      [mailId],
    );
    const row = rows[0];
    return row ? { id: row.id, mailboxId: row.mailbox_id, raw: row.raw, sha256: row.sha256, messageIdHeader: row.message_id_header, source: row.source, receivedAt: row.received_at } : null;
  }

  /** By mail and part, or (with `mailId` null) any part with that content. */
  async attachment(key: { mailId: string; partId: string } | { sha256: string }): Promise<StoredFile | null> {
    const [where, values] = 'sha256' in key ? ['a.sha256 = $1', [key.sha256]] : ['a.mail_id = $1 AND a.part_id = $2', [key.mailId, key.partId]];
    const rows: { file_name: string; content_type: string; sha256: string; content: Buffer }[] = await this.manager.query(
      `SELECT a.file_name, a.content_type, a.sha256, f.content FROM mail_attachments a JOIN mail_files f ON f.sha256 = a.sha256 WHERE ${where} LIMIT 1`,
      values,
    );
    const row = rows[0];
    return row ? { fileName: row.file_name, contentType: row.content_type, sha256: row.sha256, content: row.content } : null;
  }
}
