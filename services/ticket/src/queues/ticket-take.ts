import type { Ticket } from '../tickets/ticket';
import { assignTicket } from '../tickets/ticket-assignment';
import type { ChangeContext, TicketDecision } from '../tickets/ticket-decisions';
import { changeStatus } from '../tickets/ticket-status-change';
import { TicketError } from '../tickets/ticket.errors';

/** How a take came about: `schedule` when the agent serves the queue's active slot. */
export type TakeMode = 'manual' | 'schedule';

/**
 * An agent takes (opens) a ticket: it is assigned to them and, when it is new or open, work
 * starts (→ in_progress). Two changes in one decision, so the history has an `assigned` and a
 * `status_changed` entry and the events carry versions n+1 and n+2. Taking one's own ticket
 * again only starts work if needed; a ticket assigned to someone else is refused with
 * TICKET_ALREADY_ASSIGNED (reassigning is AssignTicket's job).
 */
export function takeTicket(ticket: Ticket, agentId: string, mode: TakeMode, ctx: ChangeContext): TicketDecision {
  if (ticket.assigneeId !== null && ticket.assigneeId !== agentId) {
    throw new TicketError('TICKET_ALREADY_ASSIGNED', `ticket ${ticket.number} is assigned to another agent; have it reassigned instead`);
  }
  const assigned = assignTicket(ticket, { assigneeId: agentId, mode }, ctx);
  if (assigned.ticket.status !== 'new' && assigned.ticket.status !== 'open') return assigned;
  // The version check was the assignment's; the status change follows on the assigned ticket.
  const started = changeStatus(assigned.ticket, { to: 'in_progress', reason: 'taken' }, { now: ctx.now, actor: ctx.actor, policy: ctx.policy });
  return {
    ticket: started.ticket,
    events: [...assigned.events, ...started.events],
    history: [...assigned.history, ...started.history],
  };
}
