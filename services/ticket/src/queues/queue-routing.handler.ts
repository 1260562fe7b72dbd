import { ticketAssignedV1, ticketCreatedV1, type CloudEvent, type TicketSnapshot } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { eventHandler, type EventHandlerDefinition, type HandlerContext } from '@helpdesk/messaging';
import type { TicketPolicy } from '../tickets/ticket-decisions';
import { isAssigned, routingFieldsOf } from '../shared/ticket-event-document';
import { TicketError } from '../tickets/ticket.errors';
import type { ActiveQueuesCache } from './active-queues-cache';
import { needsRouting } from './queue-routing';
import { QueueRouting } from './queue-routing.service';

/**
 * The service's own consumers of `ticket.created.v1` (durable `ticket-queue-routing`) and
 * `ticket.assigned.v1` (durable `ticket-queue-routing-assigned`): a ticket that the event shows
 * open and unassigned is routed (category rule, round robin) in the handler's transaction, with
 * the inbox row, so a redelivered event changes nothing. Routing re-reads the ticket under its
 * row lock, so an event that is already outdated changes nothing either.
 */
export function queueRoutingHandlers(policy: TicketPolicy, activeQueues?: ActiveQueuesCache, clock: () => Date = () => new Date()): EventHandlerDefinition[] {
  const routing = new QueueRouting(policy, activeQueues);
  // Checked without a transaction: most events are of tickets that are assigned already or that
  // no queue takes, and a routing transaction (inbox row, ticket row lock) costs five round trips.
  // A queue created meanwhile is no reason to route an event that came before it anyway. The
  // active queues come from `activeQueues` while it is listening for queue changes.
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
  // The same check on the undecoded event (this service validated it when it wrote it), answered
  // without waiting when the ticket is assigned (most `ticket.assigned` events) or when the kept
  // active queues are at hand; else the event is decoded and `appliesTo` reads.
  const appliesToDocument = (document: unknown): boolean => {
    if (isAssigned(document)) return false;
    const ticket = routingFieldsOf(document);
    if (!ticket) return true;
    return needsRouting(ticket) && (routing.mayRouteNow(ticket) ?? true);
  };
  return [
    eventHandler({ event: ticketCreatedV1, durable: 'ticket-queue-routing', appliesToDocument, appliesTo, handle }),
    eventHandler({ event: ticketAssignedV1, durable: 'ticket-queue-routing-assigned', appliesToDocument, appliesTo, handle }),
  ] as EventHandlerDefinition[];
}
