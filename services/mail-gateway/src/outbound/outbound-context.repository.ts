import type { EntityManager } from 'typeorm';
import type { Mailbox } from '../mailboxes/mailbox';
import { MAILBOX_COLUMNS, toMailbox, type MailboxRow } from '../mailboxes/mailboxes.repository';

/** What composing a ticket's outbound mail needs to know, read in one query. */
export interface OutboundContext {
  /** The ticket's mailbox (the one its first mail came to), else the oldest mailbox; null when there is none. */
  readonly mailbox: Mailbox | null;
  /** Message-ID of the ticket message being answered; null when unknown or none. */
  readonly inReplyTo: string | null;
  /** Message-ID of the mail that opened the ticket; null for tickets from other channels. */
  readonly rootMessageId: string | null;
}

/** Reads the context of an outbound ticket mail with one round trip (the consumer queues one per message). */
export class OutboundContextRepository {
  constructor(private readonly manager: EntityManager) {}

  async forTicket(ticketId: string, answersTicketMessageId: string | null): Promise<OutboundContext> {
    const columns = MAILBOX_COLUMNS.split(', ').map((c) => `m.${c}`).join(', ');
    const rows: (Partial<MailboxRow> & { in_reply_to: string | null; root_message_id: string | null })[] = await this.manager.query(
      `SELECT ${columns},
              (SELECT message_id_header FROM mail_threads WHERE $2::uuid IS NOT NULL AND ticket_message_id = $2::uuid LIMIT 1) AS in_reply_to,
              r.message_id_header AS root_message_id
         FROM (SELECT $1::uuid AS ticket_id) x
         LEFT JOIN mail_tickets t ON t.ticket_id = x.ticket_id
         LEFT JOIN raw_messages r ON r.id = t.mail_id
         LEFT JOIN LATERAL (SELECT * FROM mailboxes ORDER BY (id IS NOT DISTINCT FROM t.mailbox_id) DESC, created_at, id LIMIT 1) m ON true`,
      [ticketId, answersTicketMessageId],
    );
    const row = rows[0];
    const mailbox = row?.id ? toMailbox(row as MailboxRow) : null;
    return { mailbox, inReplyTo: row?.in_reply_to ?? null, rootMessageId: row?.root_message_id || null };
  }
}
