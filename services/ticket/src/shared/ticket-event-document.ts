import { ticketPrioritySchema, ticketStatusSchema, type TicketPriority, type TicketStatus } from '@helpdesk/contracts';

/**
 * Checks on an undecoded own ticket event document (`ticket.created.v1`, `ticket.assigned.v1`,
 * whose `data.ticket` is the ticket's snapshot), for the service's own consumers' `appliesToDocument`:
 * each answers true only when the document plainly shows it, so anything shaped otherwise is
 * decoded and validated as usual.
 */

/** `data.ticket.assetIds` is an empty array: a ticket without assets. */
export function namesNoAsset(document: unknown): boolean {
  const assetIds = snapshotField(document, 'assetIds');
  return Array.isArray(assetIds) && assetIds.length === 0;
}

/** `data.ticket.assigneeId` is a non-empty string: a ticket somebody is assigned to. */
export function isAssigned(document: unknown): boolean {
  const assigneeId = snapshotField(document, 'assigneeId');
  return typeof assigneeId === 'string' && assigneeId.length > 0;
}

/** The snapshot fields queue routing decides on, when each has the type the event schema gives it. */
export interface RoutingFields {
  readonly assigneeId: string | null;
  readonly status: TicketStatus;
  readonly queueId: string | null;
  readonly category: string;
  readonly priority: TicketPriority;
}

/** `data.ticket`'s routing fields; undefined when any of them is missing or of another type. */
export function routingFieldsOf(document: unknown): RoutingFields | undefined {
  const ticket = field(field(document, 'data'), 'ticket');
  const assigneeId = field(ticket, 'assigneeId');
  const status = field(ticket, 'status');
  const queueId = field(ticket, 'queueId');
  const category = field(ticket, 'category');
  const priority = field(ticket, 'priority');
  if (!isIdOrNull(assigneeId) || !isIdOrNull(queueId) || typeof category !== 'string') return undefined;
  const knownStatus = ticketStatusSchema.options.find((known) => known === status);
  const knownPriority = ticketPrioritySchema.options.find((known) => known === priority);
  if (!knownStatus || !knownPriority) return undefined;
  return { assigneeId, status: knownStatus, queueId, category, priority: knownPriority };
}

function isIdOrNull(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && value.length > 0);
}

function snapshotField(document: unknown, name: string): unknown {
  return field(field(field(document, 'data'), 'ticket'), name);
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}
