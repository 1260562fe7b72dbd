import type { SqlStatement } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';

/** The ticket fields the read model keeps. */
export interface TicketFields {
  readonly ticketId: string;
  readonly number: string;
  readonly version: number;
  readonly contactId: string | null;
}

// Apply if newer; the mailbox and first mail are kept once set.
export const UPSERT_TICKET = `number = CASE WHEN EXCLUDED.version > mail_tickets.version THEN EXCLUDED.number ELSE mail_tickets.number END,
         contact_id = CASE WHEN EXCLUDED.version > mail_tickets.version THEN EXCLUDED.contact_id ELSE mail_tickets.contact_id END,
         version = GREATEST(mail_tickets.version, EXCLUDED.version),
         mailbox_id = COALESCE(mail_tickets.mailbox_id, EXCLUDED.mailbox_id),
         mail_id = COALESCE(mail_tickets.mail_id, EXCLUDED.mail_id)`;

/** One Message-ID of a ticket's thread. */
export interface ThreadEntry {
  readonly messageIdHeader: string;
  readonly ticketId: string;
  readonly ticketMessageId: string | null;
  readonly mailId: string | null;
  readonly outboundId: string | null;
}

/** A ticket as the gateway knows it from ticket events. */
export interface MailTicket {
  readonly ticketId: string;
  readonly number: string;
  readonly contactId: string | null;
  /** The mailbox of the mail that opened it; null for tickets from other channels. */
  readonly mailboxId: string | null;
  /** The mail that opened it; null for tickets from other channels. */
  readonly mailId: string | null;
}

/**
 * The Message-ID ↔ ticket map and the read models threading needs: ticket numbers, the
 * addresses taking part in each ticket, contacts' and agents' addresses.
 */
export class ThreadIndexRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Remembers that a Message-ID belongs to a ticket (first writer wins: a Message-ID names one mail). */
  async recordThread(entry: ThreadEntry): Promise<void> {
    const { text, values } = ThreadIndexRepository.recordThreadStatement(entry);
    await this.manager.query(text, [...values]);
  }

  /** The statement of {@link recordThread}, for callers that combine writes into one statement. */
  static recordThreadStatement(entry: ThreadEntry): SqlStatement {
    return {
      text: `INSERT INTO mail_threads (message_id_header, ticket_id, ticket_message_id, mail_id, outbound_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id_header) DO UPDATE SET ticket_message_id = COALESCE(mail_threads.ticket_message_id, EXCLUDED.ticket_message_id)`,
      values: [entry.messageIdHeader, entry.ticketId, entry.ticketMessageId, entry.mailId, entry.outboundId],
    };
  }

  /** The ticket of the first of `messageIds` that is known, in the given order; null when none is. */
  async ticketOfFirstKnown(messageIds: readonly string[]): Promise<string | null> {
    if (messageIds.length === 0) return null;
    const rows: { message_id_header: string; ticket_id: string }[] = await this.manager.query(
      `SELECT message_id_header, ticket_id FROM mail_threads WHERE message_id_header = ANY($1)`,
      [messageIds],
    );
    for (const id of messageIds) {
      const row = rows.find((r) => r.message_id_header === id);
      if (row) return row.ticket_id;
    }
    return null;
  }

  /** The Message-ID of a ticket message (an inbound mail or an outbound one); null when it had none. */
  async messageIdOfTicketMessage(ticketMessageId: string): Promise<string | null> {
    const rows: { message_id_header: string }[] = await this.manager.query(`SELECT message_id_header FROM mail_threads WHERE ticket_message_id = $1 LIMIT 1`, [ticketMessageId]);
    return rows[0]?.message_id_header ?? null;
  }

  /** The Message-ID of a stored inbound mail and its participant addresses. */
  async inboundMail(mailId: string): Promise<{ messageIdHeader: string; mailboxId: string; addresses: string[] } | null> {
    const rows: { message_id_header: string; mailbox_id: string; addresses: string[] }[] = await this.manager.query(
      `SELECT message_id_header, mailbox_id, addresses FROM raw_messages WHERE id = $1`,
      [mailId],
    );
    const row = rows[0];
    return row ? { messageIdHeader: row.message_id_header, mailboxId: row.mailbox_id, addresses: row.addresses } : null;
  }

  /** Applies a ticket snapshot if it is newer than what is held; mailbox and first mail are kept once set. */
  async upsertTicket(ticket: TicketFields, origin: { mailboxId: string | null; mailId: string | null }): Promise<void> {
    const { text, values } = ThreadIndexRepository.upsertTicketStatement(ticket, origin);
    await this.manager.query(text, [...values]);
  }

  static upsertTicketStatement(ticket: TicketFields, origin: { mailboxId: string | null; mailId: string | null }): SqlStatement {
    return {
      text: `INSERT INTO mail_tickets (ticket_id, number, version, contact_id, mailbox_id, mail_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (ticket_id) DO UPDATE SET ${UPSERT_TICKET}`,
      values: [ticket.ticketId, ticket.number, ticket.version, ticket.contactId, origin.mailboxId, origin.mailId],
    };
  }

  /**
   * In one statement: applies the ticket snapshot (as {@link upsertTicket}; with `asOrigin` the
   * stored mail `mailId` becomes the ticket's first mail and names its mailbox), maps the mail's
   * Message-ID to the ticket (and to `ticketMessageId`) and makes the mail's addresses
   * participants. A `mailId` the gateway does not hold only applies the snapshot.
   */
  static ticketMailStatement(ticket: TicketFields, mailId: string, ticketMessageId: string | null, asOrigin: boolean): SqlStatement {
    return {
      text: `WITH mail AS (SELECT id, mailbox_id, message_id_header, addresses FROM raw_messages WHERE id = $5::uuid),
        t AS (INSERT INTO mail_tickets (ticket_id, number, version, contact_id, mailbox_id, mail_id)
              SELECT $1::uuid, $2::text, $3::int, $4::uuid, CASE WHEN $7::boolean THEN (SELECT mailbox_id FROM mail) END, CASE WHEN $7::boolean THEN (SELECT id FROM mail) END
              ON CONFLICT (ticket_id) DO UPDATE SET ${UPSERT_TICKET}),
        th AS (INSERT INTO mail_threads (message_id_header, ticket_id, ticket_message_id, mail_id, outbound_id)
               SELECT message_id_header, $1::uuid, $6::uuid, id, NULL FROM mail WHERE message_id_header <> ''
               ON CONFLICT (message_id_header) DO UPDATE SET ticket_message_id = COALESCE(mail_threads.ticket_message_id, EXCLUDED.ticket_message_id)),
        p AS (INSERT INTO ticket_addresses (ticket_id, address) SELECT DISTINCT $1::uuid, a FROM mail, unnest(mail.addresses) AS a ON CONFLICT DO NOTHING)
      SELECT 1`,
      values: [ticket.ticketId, ticket.number, ticket.version, ticket.contactId, mailId, ticketMessageId, asOrigin],
    };
  }

  async ticket(ticketId: string): Promise<MailTicket | null> {
    const rows: { ticket_id: string; number: string; contact_id: string | null; mailbox_id: string | null; mail_id: string | null }[] = await this.manager.query(
      `SELECT ticket_id, number, contact_id, mailbox_id, mail_id FROM mail_tickets WHERE ticket_id = $1`,
      [ticketId],
    );
    const row = rows[0];
    return row ? { ticketId: row.ticket_id, number: row.number, contactId: row.contact_id, mailboxId: row.mailbox_id, mailId: row.mail_id } : null;
  }

  /** The ticket with this number (case-insensitive); null when unknown. */
  async ticketIdByNumber(number: string): Promise<string | null> {
    const rows: { ticket_id: string }[] = await this.manager.query(`SELECT ticket_id FROM mail_tickets WHERE upper(number) = upper($1)`, [number]);
    return rows[0]?.ticket_id ?? null;
  }

  async addParticipants(ticketId: string, addresses: readonly string[]): Promise<void> {
    const statement = ThreadIndexRepository.addParticipantsStatement(ticketId, addresses);
    if (statement) await this.manager.query(statement.text, [...statement.values]);
  }

  /** The statement of {@link addParticipants}; null when there is nothing to add. */
  static addParticipantsStatement(ticketId: string, addresses: readonly string[]): SqlStatement | null {
    const unique = [...new Set(addresses.map((a) => a.toLowerCase()))];
    if (unique.length === 0) return null;
    return { text: `INSERT INTO ticket_addresses (ticket_id, address) SELECT $1::uuid, unnest($2::text[]) ON CONFLICT DO NOTHING`, values: [ticketId, unique] };
  }

  /** Whether `address` takes part in the ticket: on its mails, its contact's address, or an agent's. */
  async isParticipant(ticketId: string, address: string): Promise<boolean> {
    const rows: { yes: boolean }[] = await this.manager.query(
      `SELECT EXISTS (SELECT 1 FROM ticket_addresses WHERE ticket_id = $1 AND address = $2)
           OR EXISTS (SELECT 1 FROM mail_tickets t JOIN contact_addresses c ON c.contact_id = t.contact_id WHERE t.ticket_id = $1 AND c.address = $2)
           OR EXISTS (SELECT 1 FROM agent_addresses WHERE address = $2) AS yes`,
      [ticketId, address.toLowerCase()],
    );
    return rows[0]?.yes === true;
  }

  /** Replaces a contact's addresses if `version` is newer than what is held. */
  async replaceContactAddresses(contactId: string, version: number, addresses: readonly string[]): Promise<void> {
    const held: { version: number }[] = await this.manager.query(`SELECT max(version) AS version FROM contact_addresses WHERE contact_id = $1`, [contactId]);
    if ((held[0]?.version ?? 0) >= version) return;
    await this.manager.query(`DELETE FROM contact_addresses WHERE contact_id = $1`, [contactId]);
    const unique = [...new Set(addresses.map((a) => a.toLowerCase()))];
    if (unique.length === 0) return;
    await this.manager.query(`INSERT INTO contact_addresses (contact_id, address, version) SELECT $1, unnest($2::text[]), $3`, [contactId, unique, version]);
  }

  async upsertAgentAddress(agentId: string, address: string): Promise<void> {
    await this.manager.query(`INSERT INTO agent_addresses (agent_id, address) VALUES ($1, $2) ON CONFLICT (agent_id) DO UPDATE SET address = EXCLUDED.address`, [agentId, address.toLowerCase()]);
  }
}
