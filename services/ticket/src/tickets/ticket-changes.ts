import type { TicketSnapshot } from '@helpdesk/contracts';
import { canonicalJson, type JsonObject, type JsonValue } from '../history/canonical-json';
import type { HistoryChange, HistoryKind } from '../history/history-chain';
import { toSnapshot, type Ticket } from './ticket';

/** One changed field with JSON values, as `ticket.updated.v1` lists it. */
export interface FieldChange {
  /** A snapshot key, or `description`. */
  readonly field: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

// The snapshot fields an update or an SLA report may touch, in the order changes are listed.
// Status, assignment, version and times have their own decisions and events.
const COMPARED_FIELDS = [
  'summary',
  'priority',
  'category',
  'customerId',
  'contactId',
  'contractId',
  'assetIds',
  'tags',
  'dueAt',
  'warningAt',
  'slaTrafficLight',
  'slaOverdue',
] as const satisfies readonly (keyof TicketSnapshot)[];

/** The fields that differ between two states of a ticket, compared as JSON. */
export function diffTickets(before: Ticket, after: Ticket): FieldChange[] {
  const from = toSnapshot(before);
  const to = toSnapshot(after);
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    if (canonicalJson(from[field]) !== canonicalJson(to[field])) changes.push({ field, before: from[field], after: to[field] });
  }
  if (before.description !== after.description) {
    changes.push({ field: 'description', before: before.description, after: after.description });
  }
  return changes;
}

/** One history change holding the changed fields' before and after values. */
export function fieldsHistory(kind: HistoryKind, changes: readonly FieldChange[]): HistoryChange {
  const before: Record<string, JsonValue> = {};
  const after: Record<string, JsonValue> = {};
  for (const change of changes) {
    before[change.field] = change.before;
    after[change.field] = change.after;
  }
  return { kind, before, after };
}

/** A JSON object without the keys whose value is null (optional context such as a reason). */
export function withoutNulls(object: Record<string, JsonValue>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null));
}
