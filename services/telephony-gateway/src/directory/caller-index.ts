import type { Caller, OpenTicket } from './caller-directory.repository';

/** A contact as the directory events describe it (`directory.contact.upserted`). */
export interface IndexedContact {
  readonly contactId: string;
  readonly customerId: string | null;
  readonly displayName: string;
  readonly active: boolean;
  readonly version: number;
  /** E.164 numbers. */
  readonly numbers: readonly string[];
}

export interface IndexedCustomer {
  readonly customerId: string;
  readonly name: string;
  readonly version: number;
}

export interface IndexedAgent {
  readonly agentId: string;
  readonly extension: string | null;
  readonly active: boolean;
  readonly version: number;
}

export interface IndexedTicket {
  readonly ticketId: string;
  readonly contactId: string | null;
  readonly number: string;
  readonly summary: string;
  readonly status: string;
  readonly version: number;
  readonly updatedAt: Date;
}

const CLOSED = new Set(['resolved', 'closed', 'cancelled']);

/**
 * The directory read model in this replica's memory, for the ringing path: caller by E.164
 * number, agent by extension, a contact's open tickets — map lookups instead of database round
 * trips. The same rules as the tables it mirrors (`caller-directory.repository.ts`): every write
 * applies only a newer version, so it can be fed from several sources (the tables at start, the
 * directory and ticket events) in any order; several active contacts on one number resolve to
 * the highest version, then the smallest id.
 */
export class CallerIndex {
  private readonly contacts = new Map<string, IndexedContact>();
  private readonly byNumber = new Map<string, Set<string>>();
  private readonly customers = new Map<string, IndexedCustomer>();
  private readonly agents = new Map<string, IndexedAgent>();
  private readonly byExtension = new Map<string, Set<string>>();
  private readonly tickets = new Map<string, IndexedTicket>();
  private readonly ticketsByContact = new Map<string, Set<string>>();

  /** How many contacts it holds (start-up log, tests). */
  get size(): number {
    return this.contacts.size;
  }

  putContact(contact: IndexedContact): boolean {
    const held = this.contacts.get(contact.contactId);
    if (held && held.version >= contact.version) return false;
    for (const number of held?.numbers ?? []) remove(this.byNumber, number, contact.contactId);
    this.contacts.set(contact.contactId, contact);
    for (const number of contact.numbers) add(this.byNumber, number, contact.contactId);
    return true;
  }

  putCustomer(customer: IndexedCustomer): boolean {
    const held = this.customers.get(customer.customerId);
    if (held && held.version >= customer.version) return false;
    this.customers.set(customer.customerId, customer);
    return true;
  }

  putAgent(agent: IndexedAgent): boolean {
    const held = this.agents.get(agent.agentId);
    if (held && held.version >= agent.version) return false;
    if (held?.extension) remove(this.byExtension, held.extension, agent.agentId);
    this.agents.set(agent.agentId, agent);
    if (agent.extension) add(this.byExtension, agent.extension, agent.agentId);
    return true;
  }

  putTicket(ticket: IndexedTicket): boolean {
    const held = this.tickets.get(ticket.ticketId);
    if (held && held.version >= ticket.version) return false;
    if (held?.contactId) remove(this.ticketsByContact, held.contactId, ticket.ticketId);
    // Closed tickets are kept (their version guards against an older "open" copy) but not listed.
    this.tickets.set(ticket.ticketId, ticket);
    if (ticket.contactId && !CLOSED.has(ticket.status)) add(this.ticketsByContact, ticket.contactId, ticket.ticketId);
    return true;
  }

  /** The active contact with this number; undefined when the index knows none. */
  callerByNumber(e164: string): Caller | undefined {
    let best: IndexedContact | undefined;
    for (const id of this.byNumber.get(e164) ?? []) {
      const contact = this.contacts.get(id);
      if (!contact?.active) continue;
      if (!best || contact.version > best.version || (contact.version === best.version && contact.contactId < best.contactId)) best = contact;
    }
    return best ? this.callerOf(best) : undefined;
  }

  callerById(contactId: string): Caller | undefined {
    const contact = this.contacts.get(contactId);
    return contact ? this.callerOf(contact) : undefined;
  }

  /** The active agent with this extension (highest version); null when none. */
  agentByExtension(extension: string): string | null {
    let best: IndexedAgent | undefined;
    for (const id of this.byExtension.get(extension) ?? []) {
      const agent = this.agents.get(id);
      if (agent?.active && (!best || agent.version > best.version)) best = agent;
    }
    return best?.agentId ?? null;
  }

  /** A contact's open tickets, most recently changed first. */
  openTickets(contactId: string, limit: number): OpenTicket[] {
    const open: IndexedTicket[] = [];
    for (const id of this.ticketsByContact.get(contactId) ?? []) {
      const ticket = this.tickets.get(id);
      if (ticket) open.push(ticket);
    }
    return open
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .slice(0, limit)
      .map((t) => ({ ticketId: t.ticketId, number: t.number, summary: t.summary, status: t.status }));
  }

  private callerOf(contact: IndexedContact): Caller {
    const customer = contact.customerId ? this.customers.get(contact.customerId) : undefined;
    return { contactId: contact.contactId, customerId: contact.customerId, contactName: contact.displayName, customerName: customer?.name ?? null };
  }
}

function add(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

function remove(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}
