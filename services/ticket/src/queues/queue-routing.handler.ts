import { ticketAssignedV1, ticketCreatedV1, type CloudEvent, type TicketSnapshot } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { eventHandler, type EventHandlerDefinition, type HandlerContext } from '@helpdesk/messaging';
import type { TicketPolicy } from '../tickets/ticket-decisions';
import { TicketError } from '../tickets/ticket.errors';
import { needsRouting } from './queue-routing';
import { QueueRouting } from './queue-routing.service';

/**
 * The service's own consumers of `ticket.created.v1` (durable `ticket-queue-routing`) and
 * `ticket.assigned.v1` (durable `ticket-queue-routing-assigned`): a ticket that the event shows
 * open and unassigned is routed (category rule, round robin) in the handler's transaction, with
 * the inbox row, so a redelivered event changes nothing. Routing re-reads the ticket under its
 * row lock, so an event that is already outdated changes nothing either.
 */
export function queueRoutingHandlers(policy: TicketPolicy, clock: () => Date = () => new Date()): EventHandlerDefinition[] {
  const routing = new QueueRouting(policy);
  // Checked without a transaction: most events are of tickets that are assigned already or that
  // no queue takes, and a routing transaction (inbox row, ticket row lock) costs five round trips.
  // A queue created meanwhile is no reason to route an event that came before it anyway.
  const appliesTo = ({ data }: CloudEvent<{ ticket: TicketSnapshot }>, reader: EntityManager): Promise<boolean> | boolean =>
    needsRouting(data.ticket) && routing.mayRoute(reader, data.ticket);
  const handle = async ({ data }: CloudEvent<{ ticket: TicketSnapshot }>, tx: HandlerContext): Promise<void> => {
    if (!needsRouting(data.ticket)) return;
    try {
      await routing.route(tx.manager, tx.outbox, data.ticket.ticketId, clock());
    } catch (error) {
      // A ticket this service does not have (another instance's event on a shared stream) is nothing to route.
      if (!(error instanceof TicketError && error.code === 'TICKET_NOT_FOUND')) throw error;
    }
  };
  return [
    eventHandler({ event: ticketCreatedV1, durable: 'ticket-queue-routing', appliesTo, handle }),
    eventHandler({ event: ticketAssignedV1, durable: 'ticket-queue-routing-assigned', appliesTo, handle }),
  ] as EventHandlerDefinition[];
}
