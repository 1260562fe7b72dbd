import type { SqlStatement } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import { returningRows } from '../shared/returning-rows';
import type { ParsedAttachment } from './parsed-mail';

/** The row of a newly received raw mail. */
export interface NewRawMessage {
  readonly id: string;
  readonly mailboxId: string;
  /** Other mailboxes of the platform the mail was addressed to (it is one ticket, in `mailboxId`). */
  readonly otherMailboxIds: readonly string[];
  readonly messageIdHeader: string | null;
  readonly sha256: string;
  readonly raw: Buffer;
  readonly source: 'smtp' | 'imap';
  readonly envelopeFrom: string | null;
  readonly addresses: readonly string[];
  readonly receivedAt: Date;
}

/** A stored mail whose processing is outstanding (the gateway stopped between storing and processing it). */
export interface UnprocessedRawMessage {
  readonly id: string;
  readonly mailboxId: string;
  readonly otherMailboxIds: readonly string[];
  readonly sha256: string;
  readonly raw: Buffer;
  readonly source: 'smtp' | 'imap';
  readonly envelopeFrom: string | null;
  readonly receivedAt: Date;
}

/** One attachment part of one mail. */
export interface MailPart {
  readonly mailId: string;
  readonly part: ParsedAttachment;
}

/** Writes of inbound mail: the raw original, its processing state, its attachments, and the auto-acknowledgement allowance. */
export class InboundMailsRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Stores the raw mail unless the same one (Message-ID and content hash) is stored already;
   * returns the id of the stored row and whether it is new. Outside a transaction this is one
   * statement that is durable when it returns (the SMTP 250 waits for exactly that).
   */
  async storeRaw(row: NewRawMessage): Promise<{ mailId: string; isNew: boolean }> {
    const [stored] = await this.storeRaws([row]);
    return stored ?? { mailId: row.id, isNew: false };
  }

  /**
   * {@link storeRaw} for several mails in ONE statement (one round trip, one commit and WAL
   * flush for all of them), answers in the order of `rows`. A mail stored before, or an
   * identical one earlier in `rows`, is not stored again and answers with the stored row's id.
   */
  async storeRaws(rows: readonly NewRawMessage[]): Promise<{ mailId: string; isNew: boolean }[]> {
    if (rows.length === 0) return [];
    const values: unknown[] = [];
    const tuples = rows.map((row, i) => {
      const n = values.push(row.id, row.mailboxId, row.otherMailboxIds, row.messageIdHeader ?? '', row.sha256, row.raw.length, row.raw, row.source, row.envelopeFrom, row.addresses, row.receivedAt);
      const p = (k: number) => `$${n - 11 + k}`;
      return `(${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}::uuid[], ${p(4)}::text, ${p(5)}::text, ${p(6)}::int, ${p(7)}::bytea, ${p(8)}::text, ${p(9)}::text, ${p(10)}::text[], ${p(11)}::timestamptz, ${i})`;
    });
    // `ins` answers for the rows this statement inserted; `old` (the statement's snapshot) for those
    // stored before. A row identical to an earlier one of the same statement finds that one in `ins`.
    const found: { ord: number; id: string | null; is_new: boolean | null }[] = await this.manager.query(
      `WITH input (id, mailbox_id, other_mailbox_ids, message_id_header, sha256, size_bytes, raw, source, envelope_from, addresses, received_at, ord) AS (VALUES ${tuples.join(', ')}),
       ins AS (
         INSERT INTO raw_messages (id, mailbox_id, other_mailbox_ids, message_id_header, sha256, size_bytes, raw, source, envelope_from, addresses, received_at)
         SELECT id, mailbox_id, other_mailbox_ids, message_id_header, sha256, size_bytes, raw, source, envelope_from, addresses, received_at FROM input ORDER BY ord
         ON CONFLICT (message_id_header, sha256) DO NOTHING RETURNING id, message_id_header, sha256)
       SELECT i.ord, COALESCE(n.id, o.id) AS id, n.id = i.id AS is_new
         FROM input i
         LEFT JOIN ins n ON n.message_id_header = i.message_id_header AND n.sha256 = i.sha256
         LEFT JOIN raw_messages o ON o.message_id_header = i.message_id_header AND o.sha256 = i.sha256`,
      values,
    );
    const byOrd = new Map(found.map((r) => [Number(r.ord), r]));
    // Neither (a concurrent transaction stored the same mail after this statement's snapshot): a duplicate.
    return rows.map((row, i) => {
      const r = byOrd.get(i);
      return r?.id ? { mailId: r.id, isNew: r.is_new === true } : { mailId: row.id, isNew: false };
    });
  }

  /**
   * Locks those of `mailIds` that still await processing and that no other transaction holds
   * (SKIP LOCKED): the caller processes exactly these, so a mail is processed once even when the
   * recovery pass of another replica reaches for it at the same time. In the same statement it
   * takes the auto-acknowledgement locks of `senders` (see {@link autoAckCounts}), in sorted order.
   */
  async claimUnprocessed(mailIds: readonly string[], senders: readonly string[] = []): Promise<Set<string>> {
    if (mailIds.length === 0) return new Set();
    const locks = [...new Set(senders)].sort();
    const rows: { id: string }[] = await this.manager.query(
      `WITH locks AS (SELECT count(pg_advisory_xact_lock(hashtext('mail-auto-ack:' || a))) AS n FROM unnest($2::text[]) WITH ORDINALITY AS t(a, i))
       SELECT r.id FROM raw_messages r CROSS JOIN locks WHERE r.id = ANY($1) AND r.processed_at IS NULL FOR UPDATE OF r SKIP LOCKED`,
      [mailIds, locks],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Stored mails still awaiting processing that were received before `receivedBefore`, by id
   * (uuidv7: oldest first) and after `afterId`, so that a pass pages past mails it could not
   * process instead of reading them again.
   */
  async unprocessed(receivedBefore: Date, limit: number, afterId: string | null = null): Promise<UnprocessedRawMessage[]> {
    const rows: { id: string; mailbox_id: string; other_mailbox_ids: string[]; sha256: string; raw: Buffer; source: 'smtp' | 'imap'; envelope_from: string | null; received_at: Date }[] =
      await this.manager.query(
        `SELECT id, mailbox_id, other_mailbox_ids, sha256, raw, source, envelope_from, received_at FROM raw_messages
          WHERE processed_at IS NULL AND received_at < $1 AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $2`,
        [receivedBefore, limit, afterId],
      );
    return rows.map((r) => ({
      id: r.id, mailboxId: r.mailbox_id, otherMailboxIds: r.other_mailbox_ids, sha256: r.sha256, raw: r.raw, source: r.source, envelopeFrom: r.envelope_from, receivedAt: r.received_at,
    }));
  }

  /**
   * Counts a failed attempt at processing `mailId` on its own (autocommitted, after the failed
   * transaction rolled back) and keeps the reason; returns the failures so far, 0 when the mail
   * was processed meanwhile (by another replica).
   */
  async recordFailure(mailId: string, reason: string): Promise<number> {
    const rows = returningRows<{ processing_failures: number }>(
      await this.manager.query(
        `UPDATE raw_messages SET processing_failures = processing_failures + 1, processing_error = $2 WHERE id = $1 AND processed_at IS NULL RETURNING processing_failures`,
        [mailId, reason],
      ),
    );
    return rows[0]?.processing_failures ?? 0;
  }

  /** Marks mails given up (published minimally): processed, so recovery leaves them alone, and when. */
  static givenUpStatement(mailIds: readonly string[], at: Date): SqlStatement {
    return { text: `UPDATE raw_messages SET processed_at = $2, given_up_at = $2 WHERE id = ANY($1::uuid[])`, values: [mailIds, at] };
  }

  static markProcessedStatement(mailIds: readonly string[], at: Date): SqlStatement {
    return { text: `UPDATE raw_messages SET processed_at = $2 WHERE id = ANY($1::uuid[])`, values: [mailIds, at] };
  }

  /** Statements storing attachment contents (each distinct content once) and which part of which mail they were. */
  static attachmentStatements(parts: readonly MailPart[]): SqlStatement[] {
    if (parts.length === 0) return [];
    const files = new Map(parts.map(({ part }) => [part.sha256, part.content]));
    return [
      { text: `INSERT INTO mail_files (sha256, content) SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (sha256) DO NOTHING`, values: [[...files.keys()], [...files.values()]] },
      {
        text: `INSERT INTO mail_attachments (mail_id, part_id, sha256, file_name, content_type, size_bytes)
               SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) ON CONFLICT DO NOTHING`,
        values: [parts.map((p) => p.mailId), parts.map((p) => p.part.partId), parts.map((p) => p.part.sha256), parts.map((p) => p.part.fileName), parts.map((p) => p.part.contentType), parts.map((p) => p.part.sizeBytes)],
      },
    ];
  }

  /**
   * Auto-acknowledgements granted per address in the hour before `now`. Call it after
   * {@link claimUnprocessed} took the addresses' locks: the locks serialise concurrent mails from
   * one sender (also on two replicas) from this count to the commit of the new grants, so the
   * last allowed one cannot be granted twice.
   */
  async autoAckCounts(addresses: readonly string[], now: Date): Promise<Map<string, number>> {
    if (addresses.length === 0) return new Map();
    const rows: { address: string; n: number }[] = await this.manager.query(
      `SELECT address, count(*)::int AS n FROM auto_ack_grants WHERE address = ANY($1) AND granted_at > $2::timestamptz - interval '1 hour' GROUP BY address`,
      [[...new Set(addresses)], now],
    );
    return new Map(rows.map((r) => [r.address, r.n]));
  }

  static grantStatement(addresses: readonly string[], now: Date): SqlStatement {
    return { text: `INSERT INTO auto_ack_grants (address, granted_at) SELECT unnest($1::text[]), $2::timestamptz`, values: [addresses, now] };
  }
}

/**
 * Which of `askers` (in order; null: not asking) get an auto-acknowledgement: each address while
 * fewer than `perHour` were granted to it, counting those granted earlier in the same list.
 */
export function decideAutoAcks(askers: readonly (string | null)[], granted: ReadonlyMap<string, number>, perHour: number): boolean[] {
  const used = new Map(granted);
  return askers.map((address) => {
    if (address === null || perHour <= 0) return false;
    const n = used.get(address) ?? 0;
    if (n >= perHour) return false;
    used.set(address, n + 1);
    return true;
  });
}
