import type { AttachmentRef, SmtpReply } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { returningRows } from '../shared/returning-rows';
import type { OutboundMail, OutboundPurpose, OutboundStatus } from './outbound-mail';

interface OutboundRow {
  id: string;
  mailbox_id: string;
  ticket_id: string | null;
  ticket_message_id: string | null;
  purpose: OutboundPurpose;
  message_id_header: string;
  in_reply_to: string | null;
  references: string[];
  to_addresses: string[];
  cc_addresses: string[];
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: AttachmentRef[];
  status: OutboundStatus;
  attempts: number;
  next_attempt_at: Date;
  last_reply: SmtpReply | null;
  created_at: Date;
}

const COLUMNS = `id, mailbox_id, ticket_id, ticket_message_id, purpose, message_id_header, in_reply_to, "references", to_addresses, cc_addresses,
  subject, text_body, html_body, attachments, status, attempts, next_attempt_at, last_reply, created_at`;

// Queue a mail unless its ticket message is queued already (a redelivered event); 19 parameters.
const INSERT_OUTBOUND = `INSERT INTO outbound_mails (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (ticket_message_id) DO NOTHING`;

function outboundValues(mail: OutboundMail): unknown[] {
  return [
    mail.id, mail.mailboxId, mail.ticketId, mail.ticketMessageId, mail.purpose, mail.messageIdHeader, mail.inReplyTo, mail.references, mail.to, mail.cc,
    mail.subject, mail.text, mail.html, JSON.stringify(mail.attachments), mail.status, mail.attempts, mail.nextAttemptAt, mail.lastReply ? JSON.stringify(mail.lastReply) : null, mail.createdAt,
  ];
}

/** `mail` as a row of outbound_mails in JSON (jsonb_populate_recordset). */
function outboundRecord(mail: OutboundMail): Record<keyof OutboundRow, unknown> {
  return {
    id: mail.id, mailbox_id: mail.mailboxId, ticket_id: mail.ticketId, ticket_message_id: mail.ticketMessageId, purpose: mail.purpose, message_id_header: mail.messageIdHeader,
    in_reply_to: mail.inReplyTo, references: mail.references, to_addresses: mail.to, cc_addresses: mail.cc, subject: mail.subject, text_body: mail.text, html_body: mail.html,
    attachments: mail.attachments, status: mail.status, attempts: mail.attempts, next_attempt_at: mail.nextAttemptAt, last_reply: mail.lastReply, created_at: mail.createdAt,
  };
}

/** The outbound queue and delivery state. */
export class OutboundMailsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Queues a mail; false when the ticket message is queued already (a redelivered event). */
  async enqueue(mail: OutboundMail): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`${INSERT_OUTBOUND} RETURNING id`, outboundValues(mail));
    return rows.length === 1;
  }

  /**
   * Queues `mails` (ticket messages) and records the Message-ID of each one queued now (not by an
   * earlier delivery of the same event) in the thread map — one statement for all of them.
   */
  async enqueueAllWithThread(mails: readonly OutboundMail[]): Promise<void> {
    if (mails.length === 0) return;
    await this.manager.query(
      `WITH queued AS (
         INSERT INTO outbound_mails (${COLUMNS}) SELECT ${COLUMNS} FROM jsonb_populate_recordset(NULL::outbound_mails, $1::jsonb)
         ON CONFLICT (ticket_message_id) DO NOTHING RETURNING id, ticket_id, ticket_message_id, message_id_header)
       INSERT INTO mail_threads (message_id_header, ticket_id, ticket_message_id, mail_id, outbound_id)
       SELECT message_id_header, ticket_id, ticket_message_id, NULL, id FROM queued
       ON CONFLICT (message_id_header) DO UPDATE SET ticket_message_id = COALESCE(mail_threads.ticket_message_id, EXCLUDED.ticket_message_id)`,
      [JSON.stringify(mails.map(outboundRecord))],
    );
  }

  /**
   * Claims up to `limit` due mails for one attempt each: marks them `sending`, counts the attempt
   * and sets a lease (`next_attempt_at = now + leaseMs`). SKIP LOCKED lets replicas claim
   * different mails; a sender that dies mid-attempt leaves the lease to run out, and the mail is
   * tried again (with the same Message-ID, so a receiver that got it can tell).
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<OutboundMail[]> {
    const rows = returningRows<OutboundRow>(await this.manager.query(
      `UPDATE outbound_mails SET status = 'sending', attempts = attempts + 1, next_attempt_at = $1::timestamptz + ($3 || ' milliseconds')::interval
        WHERE id IN (SELECT id FROM outbound_mails WHERE status IN ('queued', 'sending') AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [now, limit, String(leaseMs)],
    ));
    return rows.map(toOutbound);
  }

  /** Records the end of an attempt, only while the mail is still `sending` (a bounce may have failed it meanwhile). */
  async finishAttempt(id: string, status: 'sent' | 'queued' | 'failed', reply: SmtpReply | null, nextAttemptAt: Date): Promise<boolean> {
    const rows = returningRows(await this.manager.query(
      `UPDATE outbound_mails SET status = $2, last_reply = $3, next_attempt_at = $4 WHERE id = $1 AND status = 'sending' RETURNING id`,
      [id, status, reply ? JSON.stringify(reply) : null, nextAttemptAt],
    ));
    return rows.length === 1;
  }

  /** Marks a mail failed because it bounced after it was accepted; null when it failed already or is unknown. */
  async markBounced(id: string, reply: SmtpReply | null): Promise<OutboundMail | null> {
    const rows = returningRows<OutboundRow>(await this.manager.query(
      `UPDATE outbound_mails SET status = 'failed', last_reply = COALESCE($2::jsonb, last_reply) WHERE id = $1 AND status <> 'failed' RETURNING ${COLUMNS}`,
      [id, reply ? JSON.stringify(reply) : null],
    ));
    return rows[0] ? toOutbound(rows[0]) : null;
  }

  async byId(id: string): Promise<OutboundMail | null> {
    const rows: OutboundRow[] = await this.manager.query(`SELECT ${COLUMNS} FROM outbound_mails WHERE id = $1`, [id]);
    return rows[0] ? toOutbound(rows[0]) : null;
  }

  /** The outbound mail with one of these Message-IDs (what a bounce returns); null when none. */
  async byMessageIds(messageIds: readonly string[]): Promise<OutboundMail | null> {
    if (messageIds.length === 0) return null;
    const rows: OutboundRow[] = await this.manager.query(`SELECT ${COLUMNS} FROM outbound_mails WHERE message_id_header = ANY($1) LIMIT 1`, [messageIds]);
    return rows[0] ? toOutbound(rows[0]) : null;
  }

  /** Whether any mail is waiting to be sent. */
  async hasQueued(): Promise<boolean> {
    const rows: { yes: boolean }[] = await this.manager.query(`SELECT EXISTS (SELECT 1 FROM outbound_mails WHERE status IN ('queued', 'sending')) AS yes`);
    return rows[0]?.yes === true;
  }
}

function toOutbound(row: OutboundRow): OutboundMail {
  return {
    id: row.id,
    mailboxId: row.mailbox_id,
    ticketId: row.ticket_id,
    ticketMessageId: row.ticket_message_id,
    purpose: row.purpose,
    messageIdHeader: row.message_id_header,
    inReplyTo: row.in_reply_to,
    references: row.references,
    to: row.to_addresses,
    cc: row.cc_addresses,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    attachments: row.attachments,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastReply: row.last_reply,
    createdAt: row.created_at,
  };
}
