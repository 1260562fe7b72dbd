import type { Ticket } from '../tickets/ticket';
import type { AssignInput } from '../tickets/ticket-assignment';
import { isOpenStatus } from '../tickets/ticket-status';
import type { Queue } from './queue';

/** Whether queue routing looks at a ticket at all: still open and nobody assigned. */
export function needsRouting(ticket: Pick<Ticket, 'assigneeId' | 'status'>): boolean {
  return ticket.assigneeId === null && isOpenStatus(ticket.status);
}

/**
 * What routing does with an unassigned open ticket once its queue is known (its own, or the one
 * its category routes it to) and, for an active round-robin queue, whose turn it is: assign the
 * member (mode `round_robin`), else just put the ticket in the queue (mode `unassigned`), or
 * nothing when it already is there.
 */
export function routingAssignment(ticket: Pick<Ticket, 'queueId' | 'category'>, queue: Queue, member: string | null): AssignInput | null {
  if (member !== null) return { assigneeId: member, queueId: queue.id, mode: 'round_robin', reason: `round robin in queue ${queue.key}` };
  if (ticket.queueId === queue.id) return null;
  return { queueId: queue.id, mode: 'unassigned', reason: `routed to queue ${queue.key} by category ${ticket.category}` };
}
