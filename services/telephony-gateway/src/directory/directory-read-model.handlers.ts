import {
  agentUpsertedV1,
  contactUpsertedV1,
  customerUpsertedV1,
  ticketAssignedV1,
  ticketCreatedV1,
  ticketStatusChangedV1,
  ticketUpdatedV1,
  type AgentUpsertedV1,
  type ContactUpsertedV1,
  type CustomerUpsertedV1,
  type TicketSnapshot,
} from '@helpdesk/contracts';
import { eventHandler, type EventHandlerDefinition } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import { CallerDirectoryRepository } from './caller-directory.repository';
import type { CallerIndex } from './caller-index';
import { indexedAgent, indexedContact, indexedCustomer, indexedTicket } from './caller-index.events';

const directory = new CallerDirectoryRepository();

/**
 * The consumers that keep the caller lookup's read model: contacts (with their E.164 numbers),
 * customers and agents (extension → agent) from the directory events, and each contact's open
 * tickets from the ticket events that carry the ticket's state. Each applies only newer versions.
 * Each also updates this replica's caller index (which every replica's plain subscription feeds
 * too), so an event this replica consumes is in its index once the table has it.
 */
export function directoryReadModelHandlers(index: CallerIndex): EventHandlerDefinition[] {
  const contact = async (manager: EntityManager, data: ContactUpsertedV1) => {
    await directory.upsertContact(manager, data);
    index.putContact(indexedContact(data));
  };
  const customer = async (manager: EntityManager, data: CustomerUpsertedV1) => {
    await directory.upsertCustomer(manager, data);
    index.putCustomer(indexedCustomer(data));
  };
  const agent = async (manager: EntityManager, data: AgentUpsertedV1) => {
    await directory.upsertAgent(manager, data);
    index.putAgent(indexedAgent(data));
  };
  const ticket = async (manager: EntityManager, snapshot: TicketSnapshot) => {
    await directory.upsertTicket(manager, snapshot);
    index.putTicket(indexedTicket(snapshot));
  };
  return [
    eventHandler({ event: contactUpsertedV1, durable: 'telephony-gateway-contact-upserted', handle: ({ data }, tx) => contact(tx.manager, data) }),
    eventHandler({ event: customerUpsertedV1, durable: 'telephony-gateway-customer-upserted', handle: ({ data }, tx) => customer(tx.manager, data) }),
    eventHandler({ event: agentUpsertedV1, durable: 'telephony-gateway-agent-upserted', handle: ({ data }, tx) => agent(tx.manager, data) }),
    eventHandler({ event: ticketCreatedV1, durable: 'telephony-gateway-ticket-created', handle: ({ data }, tx) => ticket(tx.manager, data.ticket) }),
    eventHandler({ event: ticketUpdatedV1, durable: 'telephony-gateway-ticket-updated', handle: ({ data }, tx) => ticket(tx.manager, data.ticket) }),
    eventHandler({ event: ticketStatusChangedV1, durable: 'telephony-gateway-ticket-status-changed', handle: ({ data }, tx) => ticket(tx.manager, data.ticket) }),
    eventHandler({ event: ticketAssignedV1, durable: 'telephony-gateway-ticket-assigned', handle: ({ data }, tx) => ticket(tx.manager, data.ticket) }),
  ] as EventHandlerDefinition[];
}
