import type { CustomerScope } from '@helpdesk/auth';
import type { TicketMessage } from '@helpdesk/contracts';
import type { Ticket } from './ticket';
import { TicketError } from './ticket.errors';

/** The audience of a message: customer, internal or supplier. */
export type MessageAudience = TicketMessage['audience'];

/**
 * Whether a caller with `scope` may read the ticket. Staff (agents, admins, integrations) read
 * every ticket; a customer token only its own customer's, never one whose customer is unknown.
 */
export function canRead(scope: CustomerScope, ticket: Pick<Ticket, 'customerId'>): boolean {
  if (scope.kind === 'all') return true;
  return ticket.customerId !== null && ticket.customerId === scope.customerId;
}

/**
 * Throws TICKET_NOT_FOUND when the caller may not read the ticket: to a customer a ticket of
 * another customer does not exist, so its existence does not leak.
 */
export function assertCanRead(scope: CustomerScope, ticket: Pick<Ticket, 'customerId' | 'number'>): void {
  if (!canRead(scope, ticket)) throw ticketNotFound(ticket.number);
}

/** Whether a caller with `scope` may see messages of `audience`: customers only the customer channel. */
export function canReadMessage(scope: CustomerScope, audience: MessageAudience): boolean {
  return scope.kind === 'all' || audience === 'customer';
}

/** The audiences a caller with `scope` may see, for a repository filter. */
export function readableAudiences(scope: CustomerScope): readonly MessageAudience[] {
  return scope.kind === 'all' ? ['customer', 'internal', 'supplier'] : ['customer'];
}

/** TICKET_NOT_FOUND for a ticket id or number. */
export function ticketNotFound(idOrNumber: string): TicketError {
  return new TicketError('TICKET_NOT_FOUND', `ticket ${idOrNumber} not found`);
}
