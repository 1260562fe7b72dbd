import { agentUpsertedV1, contactUpsertedV1, customerUpsertedV1, ticketAssignedV1, ticketCreatedV1, ticketStatusChangedV1, ticketUpdatedV1 } from '@helpdesk/contracts';
import { eventHandler, type EventHandlerDefinition } from '@helpdesk/messaging';
import { CallerDirectoryRepository } from './caller-directory.repository';

const directory = new CallerDirectoryRepository();

/**
 * The consumers that keep the caller lookup's read model: contacts (with their E.164 numbers),
 * customers and agents (extension → agent) from the directory events, and each contact's open
 * tickets from the ticket events that carry the ticket's state. Each applies only newer versions.
 */
export function directoryReadModelHandlers(): EventHandlerDefinition[] {
  return [
    eventHandler({ event: contactUpsertedV1, durable: 'telephony-gateway-contact-upserted', handle: ({ data }, tx) => directory.upsertContact(tx.manager, data) }),
    eventHandler({ event: customerUpsertedV1, durable: 'telephony-gateway-customer-upserted', handle: ({ data }, tx) => directory.upsertCustomer(tx.manager, data) }),
    eventHandler({ event: agentUpsertedV1, durable: 'telephony-gateway-agent-upserted', handle: ({ data }, tx) => directory.upsertAgent(tx.manager, data) }),
    eventHandler({ event: ticketCreatedV1, durable: 'telephony-gateway-ticket-created', handle: ({ data }, tx) => directory.upsertTicket(tx.manager, data.ticket) }),
    eventHandler({ event: ticketUpdatedV1, durable: 'telephony-gateway-ticket-updated', handle: ({ data }, tx) => directory.upsertTicket(tx.manager, data.ticket) }),
    eventHandler({ event: ticketStatusChangedV1, durable: 'telephony-gateway-ticket-status-changed', handle: ({ data }, tx) => directory.upsertTicket(tx.manager, data.ticket) }),
    eventHandler({ event: ticketAssignedV1, durable: 'telephony-gateway-ticket-assigned', handle: ({ data }, tx) => directory.upsertTicket(tx.manager, data.ticket) }),
  ] as EventHandlerDefinition[];
}
