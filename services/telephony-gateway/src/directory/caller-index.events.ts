import type { AgentUpsertedV1, ContactUpsertedV1, CustomerUpsertedV1, TicketSnapshot } from '@helpdesk/contracts';
import type { IndexedAgent, IndexedContact, IndexedCustomer, IndexedTicket } from './caller-index';

/** The read-model rows of the directory and ticket events, as the caller index holds them. */
export function indexedContact(contact: ContactUpsertedV1): IndexedContact {
  return {
    contactId: contact.contactId,
    customerId: contact.customerId,
    displayName: contact.displayName,
    active: contact.active,
    version: contact.version,
    numbers: [...new Set(contact.phones.map((phone) => phone.number))],
  };
}

export function indexedCustomer(customer: CustomerUpsertedV1): IndexedCustomer {
  return { customerId: customer.customerId, name: customer.name, version: customer.version };
}

export function indexedAgent(agent: AgentUpsertedV1): IndexedAgent {
  return { agentId: agent.agentId, extension: agent.extension, active: agent.active, version: agent.version };
}

export function indexedTicket(ticket: TicketSnapshot): IndexedTicket {
  return {
    ticketId: ticket.ticketId,
    contactId: ticket.contactId,
    number: ticket.number,
    summary: ticket.summary,
    status: ticket.status,
    version: ticket.version,
    updatedAt: new Date(ticket.updatedAt),
  };
}
