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

/** One outbound ticket mail to find the context of: its ticket and the ticket message it answers. */
export interface OutboundContextRequest {
  readonly ticketId: string;
  readonly answersTicketMessageId: string | null;
}

/** Reads the context of outbound ticket mails with one round trip (for one mail, or a consumer batch of them). */
export class OutboundContextRepository {
  constructor(private readonly manager: EntityManager) {}

  async forTicket(ticketId: string, answersTicketMessageId: string | null): Promise<OutboundContext> {
    const [context] = await this.forTickets([{ ticketId, answersTicketMessageId }]);
    return context ?? { mailbox: null, inReplyTo: null, rootMessageId: null };
  }

  /** The context of each request, in order. */
  async forTickets(requests: readonly OutboundContextRequest[]): Promise<OutboundContext[]> {
    if (requests.length === 0) return [];
    const columns = MAILBOX_COLUMNS.split(', ').map((c) => `m.${c}`).join(', ');
    const rows: (Partial<MailboxRow> & { ord: string; in_reply_to: string | null; root_message_id: string | null })[] = await this.manager.query(
      `SELECT x.ord, ${columns},
              (SELECT message_id_header FROM mail_threads WHERE x.answers IS NOT NULL AND ticket_message_id = x.answers LIMIT 1) AS in_reply_to,
              r.message_id_header AS root_message_id
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS x(ticket_id, answers, ord)
         LEFT JOIN mail_tickets t ON t.ticket_id = x.ticket_id
         LEFT JOIN raw_messages r ON r.id = t.mail_id
         LEFT JOIN LATERAL (SELECT * FROM mailboxes ORDER BY (id IS NOT DISTINCT FROM t.mailbox_id) DESC, created_at, id LIMIT 1) m ON true`,
      [requests.map((r) => r.ticketId), requests.map((r) => r.answersTicketMessageId)],
    );
    const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
    return requests.map((_, i) => {
      const row = byOrd.get(i + 1);
      const mailbox = row?.id ? toMailbox(row as MailboxRow) : null;
      return { mailbox, inReplyTo: row?.in_reply_to ?? null, rootMessageId: row?.root_message_id || null };
    });
  }
}
