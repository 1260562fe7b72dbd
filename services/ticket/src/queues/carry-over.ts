import type { TicketStatus } from '@helpdesk/contracts';
import type { Ticket } from '../tickets/ticket';
import type { Queue } from './queue';
import type { ScheduleSlot } from './queue-schedule';

/** The statuses of a ticket "in work": started and not yet resolved. */
export const IN_WORK_STATUSES: readonly TicketStatus[] = ['in_progress', 'pending'];

/**
 * Where a ticket in work moves when its schedule queue's slot has changed, or null when it
 * stays. It moves only when the queue carries work over (`carryOverInProgress`), a slot is
 * active and its member is available, and the ticket is in this queue, in work and assigned to
 * another member of the queue. Tickets assigned to someone outside the queue (escalated to a
 * specialist) and unassigned ones stay put; unassigned ones show on the slot member's work
 * list anyway.
 */
export function carryOverTarget(
  queue: Queue,
  slot: ScheduleSlot | null,
  slotAgentAvailable: boolean,
  ticket: Pick<Ticket, 'queueId' | 'status' | 'assigneeId'>,
): string | null {
  if (queue.strategy !== 'schedule' || !queue.active || !queue.carryOverInProgress) return null;
  if (!slot || !slotAgentAvailable) return null;
  if (ticket.queueId !== queue.id || !IN_WORK_STATUSES.includes(ticket.status)) return null;
  const assignee = ticket.assigneeId;
  if (assignee === null || assignee === slot.agentId || !queue.memberIds.includes(assignee)) return null;
  return slot.agentId;
}
