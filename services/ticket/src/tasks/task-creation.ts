import { e164Schema, uuidSchema } from '@helpdesk/contracts';
import type { JsonObject } from '../history/canonical-json';
import { toSnapshot, type Ticket } from '../tickets/ticket';
import { assertChangeable, nextVersion, type ChangeContext, type TicketDecision } from '../tickets/ticket-decisions';
import { ticketEvent } from '../tickets/ticket-events';
import { checkOptionalDate, checkOptionalId, invalidFieldUnless } from '../tickets/ticket-fields';
import { toContractTask, type Appointment, type Task, type TaskAssignee } from './task';
import { invalidField } from '../tickets/ticket.errors';
import './task-events';

/** Longest task title, as for ticket summaries. */
export const TASK_TITLE_MAX = 300;
/** Longest reminder lead: a reminder more than a year ahead of the due time reminds nobody. */
export const REMINDER_LEAD_MAX_MINUTES = 366 * 24 * 60;

/** A task an agent adds (`AddTask`). Field problems name the request fields (`dueTime`, …). */
export interface NewTaskInput {
  readonly title: string;
  readonly description: string;
  readonly assignee: TaskAssignee | null;
  readonly dueAt: Date | null;
  /** Minutes before the due time to remind the assignee; null (or 0) for no reminder. */
  readonly reminderLeadMinutes: number | null;
  readonly appointment: Appointment | null;
}

/** A callback for a missed call, as the call consumer asks for it. */
export interface CallbackTaskInput {
  /** `helpdesk.call.ended.v1` callId. */
  readonly callId: string;
  /** E.164; null when the caller withheld the number. */
  readonly callbackNumber: string | null;
  /** Who called, for the title (contact name or number); null when unknown. */
  readonly callerName: string | null;
  /** When the call was missed; the due time counts from here. */
  readonly missedAt: Date;
}

/** When callbacks are due, from the service's configuration. */
export interface CallbackPolicy {
  /** Minutes after the missed call a callback is due. */
  readonly dueMinutes: number;
  /** Minutes before the due time to remind. */
  readonly reminderLeadMinutes: number;
}

/** The task and the ticket decision that records it. */
export interface TaskDecision {
  readonly decision: TicketDecision;
  readonly result: Task;
}

/**
 * Decides adding a task to a ticket that is not closed or cancelled (resolved tickets take
 * follow-ups): the task, the ticket's next version, `ticket.task.created` and a `task_added`
 * history entry. The reminder time is the due time minus the lead.
 */
export function addTask(ticket: Ticket, taskId: string, input: NewTaskInput, ctx: ChangeContext): TaskDecision {
  assertChangeable(ticket);
  const title = checkTitle(input.title);
  const dueAt = checkOptionalDate('dueTime', input.dueAt);
  const task: Task = {
    ...openTask(ticket, taskId, ctx),
    kind: 'task',
    title,
    description: input.description.trim(),
    assignee: input.assignee ? checkAssignee(input.assignee) : null,
    dueAt,
    remindAt: reminderTime(dueAt, input.reminderLeadMinutes),
    appointment: input.appointment ? checkAppointment(input.appointment) : null,
  };
  return created(ticket, task, ctx);
}

/**
 * Decides a callback task for a missed call: unassigned, due `policy.dueMinutes` after the call,
 * with a reminder `policy.reminderLeadMinutes` before. Allowed on resolved tickets (the customer
 * calls about a solved problem), not on closed or cancelled ones: the caller picks another ticket.
 */
export function addCallbackTask(ticket: Ticket, taskId: string, input: CallbackTaskInput, policy: CallbackPolicy, ctx: ChangeContext): TaskDecision {
  assertChangeable(ticket);
  checkOptionalId('callId', input.callId);
  invalidFieldUnless(input.callbackNumber === null || e164Schema.safeParse(input.callbackNumber).success, 'callbackNumber', 'must be an E.164 number such as +4930123456');
  const dueAt = new Date(requiredDate('missedAt', input.missedAt).getTime() + policy.dueMinutes * 60_000);
  const who = input.callerName?.trim() || input.callbackNumber || 'the caller';
  const task: Task = {
    ...openTask(ticket, taskId, ctx),
    kind: 'callback',
    title: checkTitle(`Call back ${who}`.slice(0, TASK_TITLE_MAX)),
    description: `Missed call at ${input.missedAt.toISOString()}${input.callbackNumber ? ` from ${input.callbackNumber}` : ' (number withheld)'}.`,
    dueAt,
    remindAt: reminderTime(dueAt, policy.reminderLeadMinutes),
    callId: input.callId,
    callbackNumber: input.callbackNumber,
  };
  return created(ticket, task, ctx);
}

/**
 * The reminder time: due time minus the lead in whole minutes. No lead (null or 0) means no
 * reminder; a lead without a due time is refused, since there is nothing to count back from.
 */
export function reminderTime(dueAt: Date | null, leadMinutes: number | null): Date | null {
  if (leadMinutes === null || leadMinutes === 0) return null;
  invalidFieldUnless(
    Number.isInteger(leadMinutes) && leadMinutes > 0 && leadMinutes <= REMINDER_LEAD_MAX_MINUTES,
    'reminderLeadMinutes',
    `must be a whole number of minutes from 0 to ${REMINDER_LEAD_MAX_MINUTES} (got ${leadMinutes})`,
  );
  if (!dueAt) throw invalidField('reminderLeadMinutes', 'needs a dueTime to count back from');
  return new Date(dueAt.getTime() - leadMinutes * 60_000);
}

/** An appointment with start before end and the detail that fits its mode. */
export function checkAppointment(appointment: Appointment): Appointment {
  const startsAt = requiredDate('appointment.startTime', appointment.startsAt);
  const endsAt = requiredDate('appointment.endTime', appointment.endsAt);
  invalidFieldUnless(endsAt > startsAt, 'appointment.endTime', 'must be after appointment.startTime');
  const location = appointment.location?.trim() || null;
  const joinUrl = appointment.joinUrl?.trim() || null;
  if (appointment.mode === 'on_site') invalidFieldUnless(joinUrl === null, 'appointment.joinUrl', 'must be empty for an on-site appointment');
  if (appointment.mode === 'online') invalidFieldUnless(location === null, 'appointment.location', 'must be empty for an online appointment');
  invalidFieldUnless(joinUrl === null || isWebUrl(joinUrl), 'appointment.joinUrl', 'must be an http or https URL');
  return { mode: appointment.mode, startsAt, endsAt, location, joinUrl };
}

function openTask(ticket: Ticket, taskId: string, ctx: ChangeContext): Task {
  checkOptionalId('taskId', taskId);
  return {
    id: taskId,
    ticketId: ticket.id,
    kind: 'task',
    title: '',
    description: '',
    status: 'open',
    assignee: null,
    dueAt: null,
    remindAt: null,
    appointment: null,
    callId: null,
    callbackNumber: null,
    createdBy: ctx.actor,
    createdAt: ctx.now,
    completedAt: null,
    completedBy: null,
    completionNote: '',
  };
}

function created(ticket: Ticket, task: Task, ctx: ChangeContext): TaskDecision {
  const next = nextVersion(ticket, ticket.version, ctx.now);
  const contract = toContractTask(task);
  const event = ticketEvent('helpdesk.ticket.task.created.v1', next, { ticket: toSnapshot(next), actor: ctx.actor, task: contract });
  // The history entry's actor and time already say who created it when.
  const { taskId, kind, title, description, assigneeKind, assigneeId, dueAt, remindAt, appointment, callId, callbackNumber } = contract;
  const after: JsonObject = { taskId, kind, title, description, assigneeKind, assigneeId, dueAt, remindAt, appointment, callId, callbackNumber };
  const history = { kind: 'task_added' as const, before: {}, after };
  return { decision: { ticket: next, events: [event], history: [history] }, result: task };
}

function checkAssignee(assignee: TaskAssignee): TaskAssignee {
  invalidFieldUnless(uuidSchema.safeParse(assignee.id).success, 'assigneeId', `must be a UUID (got "${assignee.id}")`);
  return { kind: assignee.kind, id: assignee.id };
}

function requiredDate(field: string, date: Date | null): Date {
  const checked = checkOptionalDate(field, date);
  if (!checked) throw invalidField(field, 'must be set');
  return checked;
}

function checkTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  invalidFieldUnless(title.length > 0, 'title', 'must not be empty');
  invalidFieldUnless(title.length <= TASK_TITLE_MAX, 'title', `must be at most ${TASK_TITLE_MAX} characters`);
  return title;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
