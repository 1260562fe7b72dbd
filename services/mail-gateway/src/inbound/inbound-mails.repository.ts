import type { EntityManager } from 'typeorm';
import type { ParsedAttachment } from './parsed-mail';

/** The row of a newly received raw mail. */
export interface NewRawMessage {
  readonly id: string;
  readonly mailboxId: string;
  readonly messageIdHeader: string | null;
  readonly sha256: string;
  readonly raw: Buffer;
  readonly source: 'smtp' | 'imap';
  readonly addresses: readonly string[];
  readonly receivedAt: Date;
}

/** Writes of inbound mail: the raw original, its attachments, and the auto-acknowledgement allowance. */
export class InboundMailsRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Stores the raw mail unless the same one (Message-ID and content hash) is stored already;
   * returns the id of the stored row and whether it is new.
   */
  async storeRaw(row: NewRawMessage): Promise<{ mailId: string; isNew: boolean }> {
    const messageId = row.messageIdHeader ?? '';
    const inserted: { id: string }[] = await this.manager.query(
      `INSERT INTO raw_messages (id, mailbox_id, message_id_header, sha256, size_bytes, raw, source, addresses, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (message_id_header, sha256) DO NOTHING RETURNING id`,
      [row.id, row.mailboxId, messageId, row.sha256, row.raw.length, row.raw, row.source, row.addresses, row.receivedAt],
    );
    if (inserted[0]) return { mailId: inserted[0].id, isNew: true };
    const existing: { id: string }[] = await this.manager.query(`SELECT id FROM raw_messages WHERE message_id_header = $1 AND sha256 = $2`, [messageId, row.sha256]);
    return { mailId: existing[0]?.id ?? row.id, isNew: false };
  }

  /** Stores attachment contents (each distinct content once) and which part of the mail they were. */
  async storeAttachments(mailId: string, parts: readonly ParsedAttachment[]): Promise<void> {
    for (const part of parts) {
      await this.manager.query(`INSERT INTO mail_files (sha256, content) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING`, [part.sha256, part.content]);
      await this.manager.query(
        `INSERT INTO mail_attachments (mail_id, part_id, sha256, file_name, content_type, size_bytes) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [mailId, part.partId, part.sha256, part.fileName, part.contentType, part.sizeBytes],
      );
    }
  }

  /**
   * Grants an auto-acknowledgement to `address` when fewer than `perHour` were granted to it in
   * the hour before `now`. A transaction-scoped advisory lock on the address serialises
   * concurrent mails from one sender, so two replicas cannot both grant the last one.
   */
  async grantAutoAck(address: string, perHour: number, now: Date): Promise<boolean> {
    if (perHour <= 0) return false;
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('mail-auto-ack:' || $1))`, [address]);
    const rows: { n: number }[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM auto_ack_grants WHERE address = $1 AND granted_at > $2::timestamptz - interval '1 hour'`,
      [address, now],
    );
    if ((rows[0]?.n ?? 0) >= perHour) return false;
    await this.manager.query(`INSERT INTO auto_ack_grants (address, granted_at) VALUES ($1, $2)`, [address, now]);
    return true;
  }
}
