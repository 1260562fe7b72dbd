import { agentUpsertedV1, contactUpsertedV1, customerUpsertedV1, SubjectNaming, ticketAssignedV1, ticketCreatedV1, ticketStatusChangedV1, ticketUpdatedV1 } from '@helpdesk/contracts';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { CallerIndex } from './caller-index';
import { indexedAgent, indexedContact, indexedCustomer, indexedTicket } from './caller-index.events';

/**
 * Every directory and ticket event into this replica's caller index, from a plain (non-durable)
 * NATS subscription per subject: the durable consumers that keep the tables share their events
 * between the replicas, but each replica's index needs all of them. Versions make the order
 * irrelevant; a lost message (NATS reconnect) is covered by the index's fallback to the tables.
 */
export function subscribeDirectoryEvents(nc: NatsConnection, prefix: string, index: CallerIndex, onError: (error: unknown) => void): Subscription[] {
  const naming = new SubjectNaming(prefix);
  const appliers: [string, (data: unknown) => void][] = [
    [contactUpsertedV1.type, (data) => index.putContact(indexedContact(contactUpsertedV1.schema.parse(data)))],
    [customerUpsertedV1.type, (data) => index.putCustomer(indexedCustomer(customerUpsertedV1.schema.parse(data)))],
    [agentUpsertedV1.type, (data) => index.putAgent(indexedAgent(agentUpsertedV1.schema.parse(data)))],
    [ticketCreatedV1.type, (data) => index.putTicket(indexedTicket(ticketCreatedV1.schema.parse(data).ticket))],
    [ticketUpdatedV1.type, (data) => index.putTicket(indexedTicket(ticketUpdatedV1.schema.parse(data).ticket))],
    [ticketStatusChangedV1.type, (data) => index.putTicket(indexedTicket(ticketStatusChangedV1.schema.parse(data).ticket))],
    [ticketAssignedV1.type, (data) => index.putTicket(indexedTicket(ticketAssignedV1.schema.parse(data).ticket))],
  ];
  return appliers.map(([type, apply]) =>
    nc.subscribe(naming.subject(type), {
      callback: (error, message) => {
        if (error) return onError(error);
        try {
          apply(message.json<{ data: unknown }>().data);
        } catch (failure) {
          onError(failure);
        }
      },
    }),
  );
}
