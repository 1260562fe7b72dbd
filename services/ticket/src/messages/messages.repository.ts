import type { CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { readableAudiences } from '../tickets/ticket-access';
import type { AttachmentReference, Message, MessageAudience, MessageDirection, MessageMedium, MessagePurpose, StoredAttachment } from './message';
import type { HashedAttachment } from './message-attachments';
import type { ReplyTarget } from './message-addition';

/** A message with its position in the log, the cursor of the next page. */
export interface LoggedMessage {
  readonly message: Message;
  /** Decimal string: the table's identity column (bigint). */
  readonly seq: string;
}

/** An attachment's reference and content. */
export interface AttachmentContent {
  readonly ref: StoredAttachment;
  readonly content: Buffer;
}

/** An attachment as stored: its content, or only where another service holds it. */
export interface StoredFile {
  readonly ref: StoredAttachment;
  /** Null while only the reference is stored (see `origin`). */
  readonly content: Buffer | null;
  /** The mail gateway's mail and MIME part holding the content; null for uploaded files. */
  readonly origin: AttachmentReference['origin'] | null;
}

interface MessageRow {
  seq: string;
  id: string;
  ticket_id: string;
  audience: MessageAudience;
  medium: MessageMedium;
  direction: MessageDirection;
  purpose: MessagePurpose;
  author: Actor;
  from_address: string | null;
  to_addresses: string[];
  cc_addresses: string[];
  subject: string | null;
  body_text: string;
  body_html: string | null;
  mail_id: string | null;
  call_id: string | null;
  in_reply_to_message_id: string | null;
  created_at: Date;
}

interface AttachmentRow {
  message_id: string;
  file_name: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
  inline: boolean;
  content_id: string | null;
}

const MESSAGE_COLUMNS = [
  'id',
  'ticket_id',
  'audience',
  'medium',
  'direction',
  'purpose',
  'author',
  'from_address',
  'to_addresses',
  'cc_addresses',
  'subject',
  'body_text',
  'body_html',
  'mail_id',
  'call_id',
  'in_reply_to_message_id',
  'created_at',
] as const;

/**
 * The communication log and its content-addressed attachment store. Reads take the caller's
 * {@link CustomerScope}: a customer gets only customer-audience messages of its own customer's
 * tickets, whatever ticket id it names.
 */
export class MessagesRepository {
  /**
   * Stores a message, its file references and every content not stored yet (each content once);
   * `references` (files another service holds) follow the uploaded `files` in the message.
   */
  async insert(manager: EntityManager, message: Message, files: readonly HashedAttachment[], references: readonly AttachmentReference[] = []): Promise<void> {
    await this.storeContents(manager, files, message.createdAt);
    await this.storeReferences(manager, references, message.createdAt);
    const values = [
      message.id,
      message.ticketId,
      message.audience,
      message.medium,
      message.direction,
      message.purpose,
      JSON.stringify(message.author),
      message.from,
      [...message.to],
      [...message.cc],
      message.subject,
      message.text,
      message.html,
      message.mailId,
      message.callId,
      message.inReplyToMessageId,
      message.createdAt,
    ];
    const placeholders = MESSAGE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    await manager.query(`INSERT INTO ticket_messages (${MESSAGE_COLUMNS.join(', ')}) VALUES (${placeholders})`, values);
    for (const [position, { ref }] of [...files, ...references].entries()) {
      await manager.query(
        `INSERT INTO ticket_message_attachments (message_id, position, sha256, file_name, content_type, inline, content_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [message.id, position, ref.sha256, ref.fileName, ref.contentType, ref.inline, ref.contentId],
      );
    }
  }

  /** The message `messageId` if it belongs to `ticketId`, else null. */
  async replyTarget(manager: EntityManager, ticketId: string, messageId: string): Promise<ReplyTarget | null> {
    const [row] = (await manager.query(`SELECT id, audience FROM ticket_messages WHERE id = $1 AND ticket_id = $2`, [messageId, ticketId])) as {
      id: string;
      audience: MessageAudience;
    }[];
    return row ? { id: row.id, audience: row.audience } : null;
  }

  /** Up to `limit` messages of a ticket in scope after `afterSeq` ('0' for the start), oldest first. */
  async list(manager: EntityManager, scope: CustomerScope, ticketId: string, afterSeq: string, limit: number): Promise<LoggedMessage[]> {
    const rows = (await manager.query(
      `SELECT m.seq::text AS seq, ${MESSAGE_COLUMNS.map((c) => `m.${c}`).join(', ')}
         FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
        WHERE m.ticket_id = $1 AND m.seq > $2::bigint AND m.audience = ANY($3) AND ($4::uuid IS NULL OR t.customer_id = $4::uuid)
        ORDER BY m.seq
        LIMIT $5`,
      [ticketId, afterSeq, readableAudiences(scope), customerOf(scope), limit],
    )) as MessageRow[];
    const attachments = await this.attachmentsOf(manager, rows.map((row) => row.id));
    return rows.map((row) => ({ seq: row.seq, message: messageFromRow(row, attachments.get(row.id) ?? []) }));
  }

  /**
   * An attachment of a message of the ticket that the scope may see, with its content (null when
   * only a reference is stored); null when no such message carries that file (also when only a
   * hidden message does).
   */
  async attachment(manager: EntityManager, scope: CustomerScope, ticketId: string, sha256: string): Promise<StoredFile | null> {
    const [row] = (await manager.query(
      `SELECT a.message_id, a.file_name, a.content_type, b.size_bytes::text AS size_bytes, a.sha256, a.inline, a.content_id, b.content,
              b.origin_mail_id, b.origin_part_id
         FROM ticket_message_attachments a
         JOIN ticket_messages m ON m.id = a.message_id
         JOIN tickets t ON t.id = m.ticket_id
         JOIN ticket_attachments b ON b.sha256 = a.sha256
        WHERE m.ticket_id = $1 AND a.sha256 = $2 AND m.audience = ANY($3) AND ($4::uuid IS NULL OR t.customer_id = $4::uuid)
        ORDER BY m.seq, a.position
        LIMIT 1`,
      [ticketId, sha256, readableAudiences(scope), customerOf(scope)],
    )) as (AttachmentRow & { content: Buffer | null; origin_mail_id: string | null; origin_part_id: string | null })[];
    if (!row) return null;
    const origin = row.origin_mail_id !== null && row.origin_part_id !== null ? { mailId: row.origin_mail_id, partId: row.origin_part_id } : null;
    return { ref: refFromRow(row), content: row.content, origin };
  }

  // A content already stored is not sent to the database again; ON CONFLICT covers a concurrent
  // insert of the same content by another ticket's transaction, and fills in the content of a
  // file that so far was only referenced (same bytes: same address and size).
  private async storeContents(manager: EntityManager, files: readonly HashedAttachment[], now: Date): Promise<void> {
    const unique = new Map(files.map((file) => [file.ref.sha256, file]));
    if (unique.size === 0) return;
    const stored = (await manager.query(`SELECT sha256 FROM ticket_attachments WHERE sha256 = ANY($1) AND content IS NOT NULL`, [[...unique.keys()]])) as {
      sha256: string;
    }[];
    for (const { sha256 } of stored) unique.delete(sha256);
    for (const [sha256, file] of unique) {
      await manager.query(
        `INSERT INTO ticket_attachments (sha256, size_bytes, content, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sha256) DO UPDATE SET content = EXCLUDED.content
         WHERE ticket_attachments.content IS NULL AND ticket_attachments.size_bytes = EXCLUDED.size_bytes`,
        [sha256, file.ref.sizeBytes, Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength), now],
      );
    }
  }

  // A file known already (stored or referenced) keeps its row: the first origin is as good as any.
  private async storeReferences(manager: EntityManager, references: readonly AttachmentReference[], now: Date): Promise<void> {
    for (const { ref, origin } of references) {
      await manager.query(
        `INSERT INTO ticket_attachments (sha256, size_bytes, content, created_at, origin_mail_id, origin_part_id)
         VALUES ($1, $2, NULL, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING`,
        [ref.sha256, ref.sizeBytes, now, origin.mailId, origin.partId],
      );
    }
  }

  private async attachmentsOf(manager: EntityManager, messageIds: readonly string[]): Promise<Map<string, StoredAttachment[]>> {
    const byMessage = new Map<string, StoredAttachment[]>();
    if (messageIds.length === 0) return byMessage;
    const rows = (await manager.query(
      `SELECT a.message_id, a.file_name, a.content_type, b.size_bytes::text AS size_bytes, a.sha256, a.inline, a.content_id
         FROM ticket_message_attachments a JOIN ticket_attachments b ON b.sha256 = a.sha256
        WHERE a.message_id = ANY($1::uuid[])
        ORDER BY a.message_id, a.position`,
      [[...messageIds]],
    )) as AttachmentRow[];
    for (const row of rows) {
      const refs = byMessage.get(row.message_id) ?? [];
      refs.push(refFromRow(row));
      byMessage.set(row.message_id, refs);
    }
    return byMessage;
  }
}

function customerOf(scope: CustomerScope): string | null {
  return scope.kind === 'customer' ? scope.customerId : null;
}

function refFromRow(row: AttachmentRow): StoredAttachment {
  return {
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    inline: row.inline,
    contentId: row.content_id,
  };
}

function messageFromRow(row: MessageRow, attachments: readonly StoredAttachment[]): Message {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    audience: row.audience,
    medium: row.medium,
    direction: row.direction,
    purpose: row.purpose,
    author: row.author,
    from: row.from_address,
    to: row.to_addresses,
    cc: row.cc_addresses,
    subject: row.subject,
    text: row.body_text,
    html: row.body_html,
    attachments,
    mailId: row.mail_id,
    callId: row.call_id,
    inReplyToMessageId: row.in_reply_to_message_id,
    createdAt: row.created_at,
  };
}
