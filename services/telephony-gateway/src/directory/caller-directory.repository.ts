import type { AgentUpsertedV1, ContactUpsertedV1, CustomerUpsertedV1, TicketSnapshot } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { IndexedAgent, IndexedContact, IndexedCustomer, IndexedTicket } from './caller-index';

/** A recognised external party. */
export interface Caller {
  readonly contactId: string;
  readonly customerId: string | null;
  readonly contactName: string;
  readonly customerName: string | null;
}

/** An open ticket of a contact, as the monitor shows it. */
export interface OpenTicket {
  readonly ticketId: string;
  readonly number: string;
  readonly summary: string;
  readonly status: string;
}

const CLOSED_STATUSES = `('resolved', 'closed', 'cancelled')`;

/**
 * The directory read model: contacts by phone number, customers, agents by extension, and the
 * contacts' open tickets, kept from the ticket service's events. Every write applies only a
 * newer version, so redelivered and reordered events are harmless.
 */
export class CallerDirectoryRepository {
  /**
   * The active contact with this E.164 number (the most recently changed one when several share
   * it, e.g. a switchboard number); null when none. One index lookup: the ringing path.
   */
  async callerByNumber(manager: EntityManager, e164: string): Promise<Caller | null> {
    const rows = (await manager.query(
      `SELECT c.contact_id, c.customer_id, c.display_name, cu.name AS customer_name
         FROM directory_contact_phones p
         JOIN directory_contacts c ON c.contact_id = p.contact_id AND c.active
         LEFT JOIN directory_customers cu ON cu.customer_id = c.customer_id
        WHERE p.number = $1
        ORDER BY c.version DESC, c.contact_id LIMIT 1`,
      [e164],
    )) as { contact_id: string; customer_id: string | null; display_name: string; customer_name: string | null }[];
    const row = rows[0];
    return row ? { contactId: row.contact_id, customerId: row.customer_id, contactName: row.display_name, customerName: row.customer_name } : null;
  }

  /**
   * The ringing path's one round trip: the caller by number (as {@link callerByNumber}) and the
   * agent by extension (as {@link agentByExtension}); either input may be null.
   */
  async recognise(manager: EntityManager, e164: string | null, extension: string | null): Promise<{ caller: Caller | null; agentId: string | null }> {
    if (e164 === null && extension === null) return { caller: null, agentId: null };
    const rows = (await manager.query(
      `SELECT c.contact_id, c.customer_id, c.display_name, cu.name AS customer_name,
              (SELECT agent_id FROM directory_agents WHERE extension = $2 AND active ORDER BY version DESC LIMIT 1) AS agent_id
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (
           SELECT c.* FROM directory_contact_phones p JOIN directory_contacts c ON c.contact_id = p.contact_id AND c.active
            WHERE p.number = $1 ORDER BY c.version DESC, c.contact_id LIMIT 1) c ON true
         LEFT JOIN directory_customers cu ON cu.customer_id = c.customer_id`,
      [e164, extension],
    )) as { contact_id: string | null; customer_id: string | null; display_name: string | null; customer_name: string | null; agent_id: string | null }[];
    const row = rows[0];
    const caller = row?.contact_id ? { contactId: row.contact_id, customerId: row.customer_id, contactName: row.display_name ?? '', customerName: row.customer_name } : null;
    return { caller, agentId: row?.agent_id ?? null };
  }

  /** Names of a contact and its customer (for calls recognised earlier); null when unknown. */
  async callerById(manager: EntityManager, contactId: string): Promise<Caller | null> {
    const rows = (await manager.query(
      `SELECT c.contact_id, c.customer_id, c.display_name, cu.name AS customer_name
         FROM directory_contacts c LEFT JOIN directory_customers cu ON cu.customer_id = c.customer_id WHERE c.contact_id = $1`,
      [contactId],
    )) as { contact_id: string; customer_id: string | null; display_name: string; customer_name: string | null }[];
    const row = rows[0];
    return row ? { contactId: row.contact_id, customerId: row.customer_id, contactName: row.display_name, customerName: row.customer_name } : null;
  }

  /** The active agent with this PBX extension; null when none. */
  async agentByExtension(manager: EntityManager, extension: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT agent_id FROM directory_agents WHERE extension = $1 AND active ORDER BY version DESC LIMIT 1`, [extension])) as {
      agent_id: string;
    }[];
    return rows[0]?.agent_id ?? null;
  }

  /** A contact's open tickets, most recently changed first. */
  async openTickets(manager: EntityManager, contactId: string, limit: number): Promise<OpenTicket[]> {
    const rows = (await manager.query(
      `SELECT ticket_id, number, summary, status FROM caller_tickets
        WHERE contact_id = $1 AND status NOT IN ${CLOSED_STATUSES} ORDER BY updated_at DESC LIMIT $2`,
      [contactId, limit],
    )) as { ticket_id: string; number: string; summary: string; status: string }[];
    return rows.map((row) => ({ ticketId: row.ticket_id, number: row.number, summary: row.summary, status: row.status }));
  }

  /** Every contact with its numbers (the caller index at start). */
  async allContacts(manager: EntityManager): Promise<IndexedContact[]> {
    return this.contacts(manager, '');
  }

  /** The contacts having this number, with all their numbers (the caller index's fallback). */
  async contactsWithNumber(manager: EntityManager, e164: string): Promise<IndexedContact[]> {
    return this.contacts(manager, 'WHERE c.contact_id IN (SELECT contact_id FROM directory_contact_phones WHERE number = $1)', [e164]);
  }

  async allCustomers(manager: EntityManager): Promise<IndexedCustomer[]> {
    const rows = (await manager.query(`SELECT customer_id, name, version FROM directory_customers`)) as { customer_id: string; name: string; version: number }[];
    return rows.map((row) => ({ customerId: row.customer_id, name: row.name, version: row.version }));
  }

  async allAgents(manager: EntityManager): Promise<IndexedAgent[]> {
    const rows = (await manager.query(`SELECT agent_id, extension, active, version FROM directory_agents`)) as { agent_id: string; extension: string | null; active: boolean; version: number }[];
    return rows.map((row) => ({ agentId: row.agent_id, extension: row.extension, active: row.active, version: row.version }));
  }

  /** Every open ticket of a contact (closed ones are not needed: an index without them lists the same). */
  async allOpenTickets(manager: EntityManager): Promise<IndexedTicket[]> {
    const rows = (await manager.query(
      `SELECT ticket_id, contact_id, number, summary, status, version, updated_at FROM caller_tickets WHERE contact_id IS NOT NULL AND status NOT IN ${CLOSED_STATUSES}`,
    )) as { ticket_id: string; contact_id: string; number: string; summary: string; status: string; version: number; updated_at: Date }[];
    return rows.map((row) => ({ ticketId: row.ticket_id, contactId: row.contact_id, number: row.number, summary: row.summary, status: row.status, version: row.version, updatedAt: row.updated_at }));
  }

  private async contacts(manager: EntityManager, where: string, params: unknown[] = []): Promise<IndexedContact[]> {
    const rows = (await manager.query(
      `SELECT c.contact_id, c.customer_id, c.display_name, c.active, c.version,
              coalesce((SELECT array_agg(p.number) FROM directory_contact_phones p WHERE p.contact_id = c.contact_id), '{}') AS numbers
         FROM directory_contacts c ${where}`,
      params,
    )) as { contact_id: string; customer_id: string | null; display_name: string; active: boolean; version: number; numbers: string[] }[];
    return rows.map((row) => ({ contactId: row.contact_id, customerId: row.customer_id, displayName: row.display_name, active: row.active, version: row.version, numbers: row.numbers }));
  }

  async upsertContact(manager: EntityManager, contact: ContactUpsertedV1): Promise<void> {
    const rows = (await manager.query(
      `INSERT INTO directory_contacts (contact_id, customer_id, display_name, active, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (contact_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, display_name = EXCLUDED.display_name,
         active = EXCLUDED.active, version = EXCLUDED.version
       WHERE directory_contacts.version < EXCLUDED.version
       RETURNING contact_id`,
      [contact.contactId, contact.customerId, contact.displayName, contact.active, contact.version],
    )) as unknown[];
    if (rows.length === 0) return;
    await manager.query(`DELETE FROM directory_contact_phones WHERE contact_id = $1`, [contact.contactId]);
    const numbers = [...new Set(contact.phones.map((phone) => phone.number))];
    if (numbers.length > 0) {
      await manager.query(`INSERT INTO directory_contact_phones (number, contact_id) SELECT unnest($1::text[]), $2`, [numbers, contact.contactId]);
    }
  }

  async upsertCustomer(manager: EntityManager, customer: CustomerUpsertedV1): Promise<void> {
    await manager.query(
      `INSERT INTO directory_customers (customer_id, name, active, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active, version = EXCLUDED.version
       WHERE directory_customers.version < EXCLUDED.version`,
      [customer.customerId, customer.name, customer.active, customer.version],
    );
  }

  async upsertAgent(manager: EntityManager, agent: AgentUpsertedV1): Promise<void> {
    await manager.query(
      `INSERT INTO directory_agents (agent_id, display_name, extension, active, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agent_id) DO UPDATE SET display_name = EXCLUDED.display_name, extension = EXCLUDED.extension,
         active = EXCLUDED.active, version = EXCLUDED.version
       WHERE directory_agents.version < EXCLUDED.version`,
      [agent.agentId, agent.displayName, agent.extension, agent.active, agent.version],
    );
  }

  async upsertTicket(manager: EntityManager, ticket: TicketSnapshot): Promise<void> {
    await manager.query(
      `INSERT INTO caller_tickets (ticket_id, contact_id, number, summary, status, version, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (ticket_id) DO UPDATE SET contact_id = EXCLUDED.contact_id, number = EXCLUDED.number, summary = EXCLUDED.summary,
         status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
       WHERE caller_tickets.version < EXCLUDED.version`,
      [ticket.ticketId, ticket.contactId, ticket.number, ticket.summary, ticket.status, ticket.version, ticket.updatedAt],
    );
  }
}
