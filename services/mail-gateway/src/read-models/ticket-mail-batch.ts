import type { TicketMessageAddedV1, TicketSnapshot } from '@helpdesk/contracts';
import { combineStatements, type SqlStatement } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import { TicketMailIndex } from './ticket-mail-index';
import { UPSERT_TICKET, type TicketFields } from './thread-index.repository';

/** A `ticket.created` as the read model takes it: the snapshot and the mail that opened the ticket, if any. */
export interface TicketCreatedFields {
  readonly ticket: TicketSnapshot;
  readonly mailId: string | null;
}

/**
 * The read-model writes of a whole consumer batch in ONE statement (instead of one per event): a
 * mail that opens a ticket brings a `ticket.created` and two `ticket.message.added`, and their
 * round trips were most of the gateway's statements per mail. The result is the one of applying
 * the events one after another in stream order (apply if newer; the first of equal versions
 * wins; first writer of a Message-ID wins). A batch locks many rows at once, and the two
 * consumers' streams need not name the tickets in the same order (that deadlocked when only one
 * side wrote its batch at once): both write their rows sorted by key, table by table in the same
 * order (tickets, threads, addresses as parts of one statement), so they always lock in one
 * global order and cannot deadlock (the benchmark counts deadlocks: 0).
 */
export class TicketMailBatch {
  private readonly index = new TicketMailIndex();

  async ticketsCreated(manager: EntityManager, events: readonly TicketCreatedFields[]): Promise<void> {
    // The same ticket twice (not seen in practice) is applied one event after another, as before.
    if (new Set(events.map((e) => e.ticket.ticketId)).size < events.length) {
      for (const { ticket, mailId } of events) await this.index.ticketCreated(manager, ticket, mailId);
      return;
    }
    const sorted = [...events].sort((a, b) => compare(a.ticket.ticketId, b.ticket.ticketId));
    const withMail = sorted.filter((e): e is TicketCreatedFields & { mailId: string } => e.mailId !== null);
    const statements: SqlStatement[] = [
      {
        // A mail the gateway does not hold names no mailbox and no first mail (as ticketMailStatement).
        text: `INSERT INTO mail_tickets (ticket_id, number, version, contact_id, mailbox_id, mail_id)
               SELECT x.t, x.n, x.v, x.c, r.mailbox_id, r.id FROM unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[], $5::uuid[]) WITH ORDINALITY AS x(t, n, v, c, mail, ord)
                 LEFT JOIN raw_messages r ON r.id = x.mail ORDER BY x.ord
               ON CONFLICT (ticket_id) DO UPDATE SET ${UPSERT_TICKET}`,
        values: ticketColumns(sorted.map((e) => e.ticket)).concat([sorted.map((e) => e.mailId)]),
      },
    ];
    if (withMail.length > 0) statements.push(...mailStatements(withMail.map((e) => ({ ticketId: e.ticket.ticketId, mailId: e.mailId, ticketMessageId: null })), []));
    await run(manager, statements);
  }

  async messagesAdded(manager: EntityManager, events: readonly TicketMessageAddedV1[]): Promise<void> {
    const mails = events.flatMap(({ ticket, message }) =>
      message.medium === 'email' && message.direction === 'inbound' && message.mailId ? [{ ticketId: ticket.ticketId, mailId: message.mailId, ticketMessageId: message.messageId }] : [],
    );
    // One mail in two events (not seen in practice): one event after another, as before.
    if (new Set(mails.map((m) => m.mailId)).size < mails.length) {
      for (const event of events) await this.index.messageAdded(manager, event);
      return;
    }
    const addresses = events.flatMap(({ ticket, message }) =>
      message.medium === 'email' && !(message.direction === 'inbound' && message.mailId) && message.audience !== 'internal'
        ? [...message.to, ...message.cc].map((address) => ({ ticketId: ticket.ticketId, address: address.toLowerCase() }))
        : [],
    );
    // Only the snapshot of each ticket that applying them in order would leave: the first of the highest version.
    const newest = new Map<string, TicketFields>();
    for (const { ticket } of events) {
      const held = newest.get(ticket.ticketId);
      if (!held || ticket.version > held.version) newest.set(ticket.ticketId, ticket);
    }
    const tickets = [...newest.values()].sort((a, b) => compare(a.ticketId, b.ticketId));
    await run(manager, [
      {
        // Message events never set the mailbox or first mail (only ticket.created does).
        text: `INSERT INTO mail_tickets (ticket_id, number, version, contact_id, mailbox_id, mail_id)
               SELECT t, n, v, c, NULL, NULL FROM unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[]) WITH ORDINALITY AS x(t, n, v, c, ord) ORDER BY ord
               ON CONFLICT (ticket_id) DO UPDATE SET ${UPSERT_TICKET}`,
        values: ticketColumns(tickets),
      },
      ...mailStatements(mails, addresses),
    ]);
  }
}

interface MailOfTicket {
  readonly ticketId: string;
  readonly mailId: string;
  readonly ticketMessageId: string | null;
}

/** Maps each stored mail's Message-ID to its ticket (and message) and makes its addresses, and `addresses`, participants. */
function mailStatements(mails: readonly MailOfTicket[], addresses: readonly { ticketId: string; address: string }[]): SqlStatement[] {
  const statements: SqlStatement[] = [];
  if (mails.length > 0) {
    statements.push({
      text: `INSERT INTO mail_threads (message_id_header, ticket_id, ticket_message_id, mail_id, outbound_id)
             SELECT r.message_id_header, x.t, x.m, r.id, NULL FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(t, m, mail)
               JOIN raw_messages r ON r.id = x.mail WHERE r.message_id_header <> '' ORDER BY r.message_id_header
             ON CONFLICT (message_id_header) DO UPDATE SET ticket_message_id = COALESCE(mail_threads.ticket_message_id, EXCLUDED.ticket_message_id)`,
      values: [mails.map((m) => m.ticketId), mails.map((m) => m.ticketMessageId), mails.map((m) => m.mailId)],
    });
  }
  if (mails.length > 0 || addresses.length > 0) {
    statements.push({
      text: `INSERT INTO ticket_addresses (ticket_id, address)
             SELECT DISTINCT t, a FROM (
               SELECT x.t, unnest(r.addresses) AS a FROM unnest($1::uuid[], $2::uuid[]) AS x(t, mail) JOIN raw_messages r ON r.id = x.mail
               UNION ALL SELECT * FROM unnest($3::uuid[], $4::text[])) p(t, a)
             ORDER BY t, a ON CONFLICT DO NOTHING`,
      values: [mails.map((m) => m.ticketId), mails.map((m) => m.mailId), addresses.map((a) => a.ticketId), addresses.map((a) => a.address)],
    });
  }
  return statements;
}

function ticketColumns(tickets: readonly TicketFields[]): unknown[][] {
  return [tickets.map((t) => t.ticketId), tickets.map((t) => t.number), tickets.map((t) => t.version), tickets.map((t) => t.contactId)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function run(manager: EntityManager, statements: readonly SqlStatement[]): Promise<void> {
  const { text, values } = statements.length === 1 && statements[0] ? statements[0] : combineStatements(statements);
  await manager.query(text, [...values]);
}
