import type { TicketResolvedV1, TicketStatus } from '@helpdesk/contracts';
import type { HistoryChange } from '../history/history-chain';
import { toSnapshot, type ResolutionDetails, type Ticket } from './ticket';
import { withoutNulls } from './ticket-changes';
import { assertExpectedVersion, nextVersion, type ChangeContext, type TicketDecision } from './ticket-decisions';
import { ticketEvent, type TicketEvent } from './ticket-events';
import { normalizeReason, requireResolution } from './ticket-fields';
import { assertTransition, isReopen } from './ticket-status';

/**
 * What `ticket.resolved.v1` tells the knowledge service beyond the ticket itself, gathered by
 * the caller from the communication log and the directory. Customer-channel messages only.
 */
export interface ResolutionContext {
  readonly problemMessage: TicketResolvedV1['problemMessage'];
  readonly decisiveMessage: TicketResolvedV1['decisiveMessage'];
  /** Product names of the affected assets. */
  readonly products: readonly string[];
  /** Language tag of the customer conversation, e.g. `de`; null when unknown. */
  readonly language: string | null;
}

/** A requested status change. */
export interface StatusChangeInput {
  readonly to: TicketStatus;
  /** Required when `to` is `resolved`; ignored otherwise. */
  readonly resolution?: { readonly text: string; readonly code?: string | null };
  /** Why, in the actor's words; blank counts as none. */
  readonly reason?: string | null;
  /** Used when `to` is `resolved`; defaults to no messages, no products, unknown language. */
  readonly resolutionContext?: ResolutionContext;
}

const NO_RESOLUTION_CONTEXT: ResolutionContext = { problemMessage: null, decisiveMessage: null, products: [], language: null };

/**
 * Decides a status change along the status machine. Emits `ticket.status.changed` for every
 * change, plus `ticket.resolved` (→ resolved; needs resolution details, else
 * RESOLUTION_REQUIRED), `ticket.closed` (→ closed) or `ticket.reopened` (resolved/closed → open),
 * all with the same snapshot. Resolving stamps `resolvedAt`; closing or cancelling stamps
 * `closedAt`; reopening clears both and the resolution.
 */
export function changeStatus(ticket: Ticket, input: StatusChangeInput, ctx: ChangeContext): TicketDecision {
  assertExpectedVersion(ticket, ctx.expectedVersion);
  const transition = { now: ctx.now, closedAt: ticket.closedAt, reopenWindowDays: ctx.policy.reopenWindowDays };
  assertTransition(ticket.status, input.to, transition);
  const resolution = input.to === 'resolved' ? requireResolution(input.resolution) : null;
  const reason = normalizeReason(input.reason);
  const next = nextVersion({ ...ticket, ...statusFields(ticket.status, input.to, resolution, ctx.now) }, ticket.version, ctx.now);
  const events = statusEvents(ticket, next, input, reason, ctx);
  return { ticket: next, events, history: [statusHistory(ticket, next, reason)] };
}

function statusFields(
  from: TicketStatus,
  to: TicketStatus,
  resolution: ResolutionDetails | null,
  now: Date,
): Partial<Ticket> & Pick<Ticket, 'status'> {
  if (resolution) return { status: to, resolution, resolvedAt: now, closedAt: null };
  if (to === 'closed' || to === 'cancelled') return { status: to, closedAt: now };
  if (isReopen(from, to)) return { status: to, resolution: null, resolvedAt: null, closedAt: null };
  return { status: to };
}

function statusEvents(
  ticket: Ticket,
  next: Ticket,
  input: StatusChangeInput,
  reason: string | null,
  ctx: ChangeContext,
): TicketEvent[] {
  const previousStatus = ticket.status;
  const base = { ticket: toSnapshot(next), actor: ctx.actor };
  const events: TicketEvent[] = [ticketEvent('helpdesk.ticket.status.changed.v1', next, { ...base, previousStatus, reason })];
  if (next.status === 'resolved' && next.resolution) {
    events.push(resolvedEvent(next, previousStatus, next.resolution, input.resolutionContext ?? NO_RESOLUTION_CONTEXT, base));
  } else if (next.status === 'closed') {
    events.push(ticketEvent('helpdesk.ticket.closed.v1', next, { ...base, previousStatus, reason }));
  } else if (isReopen(previousStatus, next.status)) {
    events.push(ticketEvent('helpdesk.ticket.reopened.v1', next, { ...base, previousStatus, reason }));
  }
  return events;
}

function resolvedEvent(
  next: Ticket,
  previousStatus: TicketStatus,
  resolution: ResolutionDetails,
  context: ResolutionContext,
  base: Pick<TicketResolvedV1, 'ticket' | 'actor'>,
): TicketEvent {
  return ticketEvent('helpdesk.ticket.resolved.v1', next, {
    ...base,
    previousStatus,
    resolution: resolution.text,
    resolutionCode: resolution.code,
    description: next.description,
    problemMessage: context.problemMessage,
    decisiveMessage: context.decisiveMessage,
    products: [...context.products],
    language: context.language,
  });
}

function statusHistory(ticket: Ticket, next: Ticket, reason: string | null): HistoryChange {
  const after = withoutNulls({
    status: next.status,
    reason,
    resolution: next.status === 'resolved' ? (next.resolution?.text ?? null) : null,
    resolutionCode: next.status === 'resolved' ? (next.resolution?.code ?? null) : null,
  });
  return { kind: 'status_changed', before: { status: ticket.status }, after };
}
