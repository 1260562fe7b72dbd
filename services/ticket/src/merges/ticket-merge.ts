import './merge-events';
import { toSnapshot, type Ticket } from '../tickets/ticket';
import { assertChangeable, nextVersion, type ChangeContext, type TicketDecision } from '../tickets/ticket-decisions';
import { ticketEvent } from '../tickets/ticket-events';
import { normalizeReason } from '../tickets/ticket-fields';
import { changeStatus } from '../tickets/ticket-status-change';
import { invalidField } from '../tickets/ticket.errors';

/** What a merge moved from the source ticket to the target, oldest first. */
export interface MovedItems {
  readonly messageIds: readonly string[];
  readonly workEntryIds: readonly string[];
  readonly taskIds: readonly string[];
}

/**
 * Refuses a merge that cannot be: a ticket into itself, into a closed or cancelled ticket, or
 * across customers (the target's customer would then read the source customer's messages).
 * The source must be open; `mergeSource` refuses it otherwise with the status machine's error.
 */
export function assertMergeable(source: Ticket, target: Ticket): void {
  if (source.id === target.id) throw invalidField('targetTicketId', `ticket ${source.number} cannot be merged into itself`);
  assertChangeable(target);
  if (source.customerId && target.customerId && source.customerId !== target.customerId) {
    throw invalidField('targetTicketId', `${target.number} belongs to another customer than ${source.number}; tickets of different customers are not merged`);
  }
}

/**
 * The source's side: cancelled (a transition of the status machine, so `ticket.status.changed`
 * tells the SLA service and everyone else) with one `merged` history entry naming the target and
 * what moved.
 */
export function mergeSource(source: Ticket, target: Ticket, moved: MovedItems, reason: string | null, ctx: ChangeContext): TicketDecision {
  const why = normalizeReason(reason);
  const cancelled = changeStatus(source, { to: 'cancelled', reason: why ?? `merged into ${target.number}` }, ctx);
  const after = {
    status: cancelled.ticket.status,
    mergedInto: { ticketId: target.id, number: target.number },
    messages: moved.messageIds.length,
    workEntries: moved.workEntryIds.length,
    tasks: moved.taskIds.length,
    ...(why ? { reason: why } : {}),
  };
  return { ...cancelled, history: [{ kind: 'merged', before: { status: source.status }, after }] };
}

/**
 * The target's side: the next version with a `merged` history entry listing what it received,
 * and `ticket.merged` carrying both tickets and the moved ids for consumers that keep them per
 * ticket.
 */
export function mergeTarget(target: Ticket, source: Ticket, moved: MovedItems, reason: string | null, ctx: ChangeContext): TicketDecision {
  assertChangeable(target);
  const why = normalizeReason(reason);
  const next = nextVersion(target, target.version, ctx.now);
  const ids = { messageIds: [...moved.messageIds], workEntryIds: [...moved.workEntryIds], taskIds: [...moved.taskIds] };
  const merged = ticketEvent('helpdesk.ticket.merged.v1', next, { ticket: toSnapshot(next), actor: ctx.actor, source: toSnapshot(source), reason: why, ...ids });
  const after = { mergedFrom: { ticketId: source.id, number: source.number }, ...ids, ...(why ? { reason: why } : {}) };
  return { ticket: next, events: [merged], history: [{ kind: 'merged', before: {}, after }] };
}
