import type { TicketAssignedV1 } from '@helpdesk/contracts';
import { toSnapshot, type Ticket } from './ticket';
import { withoutNulls } from './ticket-changes';
import {
  assertChangeable,
  assertExpectedVersion,
  nextVersion,
  unchanged,
  type ChangeContext,
  type TicketDecision,
} from './ticket-decisions';
import { ticketEvent } from './ticket-events';
import { checkOptionalId, invalidFieldUnless, normalizeReason } from './ticket-fields';

/** How an assignment came about, as `ticket.assigned.v1` reports it. */
export type AssignmentMode = TicketAssignedV1['mode'];

/** A requested assignment; an omitted field stays, null clears it. */
export interface AssignInput {
  readonly assigneeId?: string | null;
  readonly queueId?: string | null;
  /** `unassigned` requires the ticket to end up without an assignee. */
  readonly mode: AssignmentMode;
  /** Why, for the history (e.g. "absent until Monday"); blank counts as none. */
  readonly reason?: string | null;
}

/**
 * Decides a change of assignee and/or queue on a ticket that is not closed or cancelled: one
 * `ticket.assigned` event and one `assigned` history entry. Assigning what is already assigned
 * changes nothing and emits nothing.
 */
export function assignTicket(ticket: Ticket, input: AssignInput, ctx: ChangeContext): TicketDecision {
  assertExpectedVersion(ticket, ctx.expectedVersion);
  assertChangeable(ticket);
  const assigneeId = input.assigneeId === undefined ? ticket.assigneeId : checkOptionalId('assigneeId', input.assigneeId);
  const queueId = input.queueId === undefined ? ticket.queueId : checkOptionalId('queueId', input.queueId);
  invalidFieldUnless(input.mode !== 'unassigned' || assigneeId === null, 'assigneeId', 'must be empty when the mode is unassigned');
  if (assigneeId === ticket.assigneeId && queueId === ticket.queueId) return unchanged(ticket);
  const next = nextVersion({ ...ticket, assigneeId, queueId }, ticket.version, ctx.now);
  const assigned = ticketEvent('helpdesk.ticket.assigned.v1', next, {
    ticket: toSnapshot(next),
    actor: ctx.actor,
    previousAssigneeId: ticket.assigneeId,
    previousQueueId: ticket.queueId,
    mode: input.mode,
  });
  const before = { assigneeId: ticket.assigneeId, queueId: ticket.queueId };
  const after = { assigneeId, queueId, ...withoutNulls({ mode: input.mode, reason: normalizeReason(input.reason) }) };
  return { ticket: next, events: [assigned], history: [{ kind: 'assigned', before, after }] };
}
