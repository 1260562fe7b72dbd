import type { JsonObject } from '../history/canonical-json';
import type { Task } from '../tasks/task';
import { toSnapshot, type Ticket } from '../tickets/ticket';
import { assertChangeable, nextVersion, type ChangeContext, type TicketDecision } from '../tickets/ticket-decisions';
import { ticketEvent } from '../tickets/ticket-events';
import { checkOptionalDate, checkOptionalId, invalidFieldUnless } from '../tickets/ticket-fields';
import { invalidField } from '../tickets/ticket.errors';
import { toContractEntry, type MaterialUsage, type RecordedWork } from './work-entry';
import './work-events';

/** The work log's configurable rules. */
export interface WorkRules {
  /** Allowed activity type keys, e.g. phone_support, remote_support, on_site. */
  readonly activityTypes: readonly string[];
  /** Longest duration of one entry in minutes; longer work is recorded as several entries. */
  readonly maxMinutesPerEntry: number;
}

/**
 * Work to record. Give either `startedAt` and `endedAt`, or `durationMinutes`. Field problems
 * name the `RecordWorkRequest` fields (`startTime`, `materials[1].quantity`, …).
 */
export interface RecordWorkInput {
  /** Null: the calling agent. */
  readonly agentId: string | null;
  readonly activityType: string;
  readonly startedAt: Date | null;
  readonly endedAt: Date | null;
  /** Whole minutes; null (or 0) when start and end are given. */
  readonly durationMinutes: number | null;
  readonly billable: boolean;
  readonly materials: readonly MaterialUsage[];
  readonly note: string;
  readonly taskId: string | null;
  /** The phone call the work documents (call-derived entries); null otherwise. */
  readonly callId?: string | null;
}

/** The moment and rules of recording, plus what the service looked up for the decision. */
export interface RecordWorkContext extends ChangeContext {
  /** The new entry's id. */
  readonly entryId: string;
  readonly rules: WorkRules;
  /** The task `input.taskId` names, as found (on any ticket); null when not found or not given. */
  readonly task: Pick<Task, 'id' | 'ticketId'> | null;
}

/** Longest note: a statement line, not a document. */
export const WORK_NOTE_MAX = 10_000;
// Quantities as exact decimals that fit numeric(18,6): up to 12 integer and 6 fraction digits.
const QUANTITY = /^\d{1,12}(\.\d{1,6})?$/;
// Clients' clocks drift; a start a few minutes "in the future" is a clock, not a plan.
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Decides recording work on a ticket that is not closed or cancelled (work is often logged
 * after resolving, so resolved tickets take it): the entry, the ticket's next version,
 * `ticket.worklog.recorded` for billing and a `work_recorded` history entry.
 */
export function recordWork(ticket: Ticket, input: RecordWorkInput, ctx: RecordWorkContext): { readonly decision: TicketDecision; readonly result: RecordedWork } {
  assertChangeable(ticket);
  const { startedAt, endedAt, durationMinutes } = workTime(input, ctx);
  const work: RecordedWork = {
    kind: 'work',
    id: ctx.entryId,
    ticketId: ticket.id,
    agentId: agentOf(input, ctx),
    activityType: checkActivityType(input.activityType, ctx.rules),
    startedAt,
    endedAt,
    durationMinutes,
    performedOn: startedAt ?? ctx.now,
    billable: input.billable,
    materials: input.materials.map(checkMaterial),
    note: checkNote(input.note),
    taskId: checkTask(ticket, input.taskId, ctx.task),
    callId: checkOptionalId('callId', input.callId ?? null),
    recordedBy: ctx.actor,
    recordedAt: ctx.now,
  };
  const next = nextVersion(ticket, ticket.version, ctx.now);
  const entry = toContractEntry(work);
  const event = ticketEvent('helpdesk.ticket.worklog.recorded.v1', next, { ticket: toSnapshot(next), actor: ctx.actor, entry });
  const { entryId, agentId, activityType, startedAt: start, endedAt: end, performedOn, billable, materials, taskId, callId } = entry;
  const after: JsonObject = { entryId, agentId, activityType, startedAt: start, endedAt: end, durationMinutes, performedOn, billable, materials, taskId, callId };
  return { decision: { ticket: next, events: [event], history: [{ kind: 'work_recorded', before: {}, after }] }, result: work };
}

/**
 * The work's time: start and end (duration = whole minutes between them, rounded to the
 * nearest) or minutes alone, never both; more than zero and at most the configured maximum.
 */
export function workTime(
  input: Pick<RecordWorkInput, 'startedAt' | 'endedAt' | 'durationMinutes'>,
  ctx: Pick<RecordWorkContext, 'now' | 'rules'>,
): { startedAt: Date | null; endedAt: Date | null; durationMinutes: number } {
  const startedAt = checkOptionalDate('startTime', input.startedAt);
  const endedAt = checkOptionalDate('endTime', input.endedAt);
  const minutes = input.durationMinutes ?? 0;
  const max = ctx.rules.maxMinutesPerEntry;
  if (startedAt === null && endedAt === null) {
    invalidFieldUnless(minutes !== 0, 'durationMinutes', 'must be set: give durationMinutes, or startTime and endTime');
    invalidFieldUnless(Number.isInteger(minutes) && minutes > 0, 'durationMinutes', `must be a whole number of minutes greater than 0 (got ${minutes})`);
    invalidFieldUnless(minutes <= max, 'durationMinutes', `must be at most ${max} minutes per entry (got ${minutes})`);
    return { startedAt: null, endedAt: null, durationMinutes: minutes };
  }
  invalidFieldUnless(minutes === 0, 'durationMinutes', 'must be empty when startTime and endTime are given');
  if (startedAt === null) throw invalidField('startTime', 'must be set together with endTime');
  if (endedAt === null) throw invalidField('endTime', 'must be set together with startTime');
  invalidFieldUnless(endedAt > startedAt, 'endTime', 'must be after startTime');
  invalidFieldUnless(startedAt.getTime() <= ctx.now.getTime() + CLOCK_SKEW_MS, 'startTime', 'must not be in the future');
  const durationMinutes = Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000);
  invalidFieldUnless(durationMinutes >= 1, 'endTime', 'must be at least one minute after startTime');
  invalidFieldUnless(durationMinutes <= max, 'endTime', `must be at most ${max} minutes after startTime (got ${durationMinutes})`);
  return { startedAt, endedAt, durationMinutes };
}

/** The quantity rule: an exact decimal greater than zero. */
export function isPositiveQuantity(quantity: string): boolean {
  return QUANTITY.test(quantity) && /[1-9]/.test(quantity);
}

function agentOf(input: RecordWorkInput, ctx: RecordWorkContext): string {
  if (input.agentId !== null) return checkOptionalId('agentId', input.agentId) ?? input.agentId;
  if (ctx.actor.kind === 'agent' && ctx.actor.id !== null) return ctx.actor.id;
  throw invalidField('agentId', 'must be set: the caller is not an agent with a directory id');
}

function checkActivityType(activityType: string, rules: WorkRules): string {
  const key = activityType.trim();
  invalidFieldUnless(rules.activityTypes.includes(key), 'activityType', `must be one of ${rules.activityTypes.join(', ')} (got "${key}")`);
  return key;
}

function checkMaterial(material: MaterialUsage, index: number): MaterialUsage {
  const field = (name: string) => `materials[${index}].${name}`;
  const sku = material.sku.trim();
  const unit = material.unit.trim();
  const quantity = material.quantity.trim();
  invalidFieldUnless(sku.length > 0 && sku.length <= 200, field('sku'), 'must be 1 to 200 characters');
  invalidFieldUnless(isPositiveQuantity(quantity), field('quantity'), `must be a decimal greater than 0 such as 1.5, up to 6 decimals (got "${quantity}")`);
  invalidFieldUnless(unit.length > 0 && unit.length <= 50, field('unit'), 'must be 1 to 50 characters');
  return { sku, description: material.description.trim(), quantity, unit };
}

function checkNote(note: string): string {
  const value = note.trim();
  invalidFieldUnless(value.length <= WORK_NOTE_MAX, 'note', `must be at most ${WORK_NOTE_MAX} characters`);
  return value;
}

function checkTask(ticket: Ticket, taskId: string | null, found: Pick<Task, 'id' | 'ticketId'> | null): string | null {
  if (taskId === null) return null;
  checkOptionalId('taskId', taskId);
  invalidFieldUnless(found?.id === taskId && found.ticketId === ticket.id, 'taskId', `is not a task of ticket ${ticket.number}`);
  return taskId;
}
