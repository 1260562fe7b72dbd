import { findEventDefinition, type Actor } from '@helpdesk/contracts';
import type { Ticket } from '../tickets/ticket';
import { createTicket } from '../tickets/ticket-creation';
import type { ChangeContext, TicketDecision } from '../tickets/ticket-decisions';
import { TicketError, type TicketErrorCode } from '../tickets/ticket.errors';
import type { Task } from './task';
import { completeTask } from './task-completion';
import { addCallbackTask, addTask, reminderTime, type NewTaskInput } from './task-creation';
import { customerSeesTask, visibleTask } from './task-visibility';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const T1 = new Date('2026-11-23T11:00:00.000Z');
const agent: Actor = { kind: 'agent', id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const system: Actor = { kind: 'system', id: null, displayName: 'ticket-call-handler' };
const policy = { categories: ['technical', 'other'], reopenWindowDays: 7 };
const ctx: ChangeContext = { now: T1, actor: agent, policy };
const TASK_ID = '01936b32-0000-7abc-8def-000000000031';
const CALL_ID = '01936b33-0000-7abc-8def-000000000041';
const SUPPLIER_CONTACT = '01936a00-2222-7aaa-8bbb-0000000000f1';
const customerScope = { kind: 'customer', customerId: '01936a00-1111-7aaa-8bbb-000000000001', contactId: '01936a00-2222-7aaa-8bbb-000000000002' } as const;

function ticket(status: Ticket['status'] = 'open'): Ticket {
  const created = createTicket(
    { summary: 'Server down', channel: 'phone', category: 'technical' },
    { id: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e', number: 'T-100234', now: T0, actor: agent, policy },
  ).ticket;
  return { ...created, status };
}

const input: NewTaskInput = {
  title: '  Replace   the disk ',
  description: 'Order from the supplier first.',
  assignee: { kind: 'supplier_contact', id: SUPPLIER_CONTACT },
  dueAt: new Date('2026-11-24T16:00:00.000Z'),
  reminderLeadMinutes: 90,
  appointment: null,
};

function expectContractValid(decision: TicketDecision): void {
  for (const event of decision.events) {
    expect(findEventDefinition(event.type)?.schema.parse(event.data)).toEqual(event.data);
    expect(event.data.ticket.version).toBe(decision.ticket.version);
  }
}

function codeOf(run: () => unknown): TicketErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return error.code;
    throw error;
  }
  return undefined;
}

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError && error.code === 'INVALID_FIELD') return error.field;
    throw error;
  }
  return undefined;
}

describe('addTask', () => {
  it('adds an open task, bumps the version, emits a valid task.created and a task_added history entry', () => {
    const { decision, result } = addTask(ticket(), TASK_ID, input, ctx);
    expect(result).toMatchObject({
      id: TASK_ID,
      kind: 'task',
      title: 'Replace the disk',
      status: 'open',
      assignee: { kind: 'supplier_contact', id: SUPPLIER_CONTACT },
      remindAt: new Date('2026-11-24T14:30:00.000Z'),
      createdBy: agent,
      createdAt: T1,
      completedAt: null,
    });
    expect(decision.ticket).toMatchObject({ version: 2, updatedAt: T1 });
    expect(decision.events.map((e) => e.type)).toEqual(['helpdesk.ticket.task.created.v1']);
    expectContractValid(decision);
    expect(decision.history).toEqual([
      expect.objectContaining({ kind: 'task_added', before: {}, after: expect.objectContaining({ taskId: TASK_ID, remindAt: '2026-11-24T14:30:00.000Z' }) }),
    ]);
  });

  it('keeps an appointment with start before end and refuses the others', () => {
    const appointment = { mode: 'online' as const, startsAt: new Date('2026-11-25T09:00:00Z'), endsAt: new Date('2026-11-25T10:00:00Z'), location: ' ', joinUrl: 'https://meet.example/abc' };
    const { result, decision } = addTask(ticket(), TASK_ID, { ...input, appointment }, ctx);
    expect(result.appointment).toEqual({ ...appointment, location: null });
    expectContractValid(decision);
    expect(fieldOf(() => addTask(ticket(), TASK_ID, { ...input, appointment: { ...appointment, endsAt: appointment.startsAt } }, ctx))).toBe('appointment.endTime');
    expect(fieldOf(() => addTask(ticket(), TASK_ID, { ...input, appointment: { ...appointment, location: 'Main St 1' } }, ctx))).toBe('appointment.location');
    expect(fieldOf(() => addTask(ticket(), TASK_ID, { ...input, appointment: { ...appointment, joinUrl: 'javascript:alert(1)' } }, ctx))).toBe('appointment.joinUrl');
    expect(fieldOf(() => addTask(ticket(), TASK_ID, { ...input, appointment: { ...appointment, mode: 'on_site' } }, ctx))).toBe('appointment.joinUrl');
  });

  it('refuses an empty title, a reminder without due time, and a bad assignee id', () => {
    expect(fieldOf(() => addTask(ticket(), TASK_ID, { ...input, title: '   ' }, ctx))).toBe('title');
    expect(fieldOf(() => addTask(ticket(), TASK_ID, { ...input, dueAt: null }, ctx))).toBe('reminderLeadMinutes');
    expect(fieldOf(() => addTask(ticket(), TASK_ID, { ...input, assignee: { kind: 'agent', id: 'anna' } }, ctx))).toBe('assigneeId');
  });

  it('takes follow-ups on resolved tickets but not on closed or cancelled ones', () => {
    expect(addTask(ticket('resolved'), TASK_ID, input, ctx).result.status).toBe('open');
    expect(codeOf(() => addTask(ticket('closed'), TASK_ID, input, ctx))).toBe('TICKET_CLOSED');
    expect(codeOf(() => addTask(ticket('cancelled'), TASK_ID, input, ctx))).toBe('TICKET_CLOSED');
  });
});

describe('reminderTime', () => {
  const due = new Date('2026-11-24T16:00:00.000Z');
  it('is the due time minus the lead; no lead is no reminder', () => {
    expect(reminderTime(due, 30)).toEqual(new Date('2026-11-24T15:30:00.000Z'));
    expect(reminderTime(due, 0)).toBeNull();
    expect(reminderTime(due, null)).toBeNull();
    expect(reminderTime(null, null)).toBeNull();
  });
  it('refuses fractional, negative and absurd leads and a lead without due time', () => {
    for (const lead of [1.5, -5, 10_000_000]) expect(fieldOf(() => reminderTime(due, lead))).toBe('reminderLeadMinutes');
    expect(fieldOf(() => reminderTime(null, 30))).toBe('reminderLeadMinutes');
  });
});

describe('addCallbackTask', () => {
  const missedAt = new Date('2026-11-23T11:58:00.000Z');
  const callbacks = { dueMinutes: 120, reminderLeadMinutes: 30 };

  it('creates an unassigned callback due after the configured minutes, by the system actor', () => {
    const { result, decision } = addCallbackTask(
      ticket(),
      TASK_ID,
      { callId: CALL_ID, callbackNumber: '+4930123456', callerName: 'Max Mustermann', missedAt },
      callbacks,
      { ...ctx, actor: system },
    );
    expect(result).toMatchObject({
      kind: 'callback',
      title: 'Call back Max Mustermann',
      assignee: null,
      dueAt: new Date('2026-11-23T13:58:00.000Z'),
      remindAt: new Date('2026-11-23T13:28:00.000Z'),
      callId: CALL_ID,
      callbackNumber: '+4930123456',
      createdBy: system,
    });
    expectContractValid(decision);
    expect(decision.events[0]?.data.actor).toEqual(system);
  });

  it('names the number when the caller is unknown, and refuses a number that is not E.164', () => {
    const withheld = addCallbackTask(ticket(), TASK_ID, { callId: CALL_ID, callbackNumber: null, callerName: null, missedAt }, callbacks, ctx);
    expect(withheld.result.title).toBe('Call back the caller');
    expect(fieldOf(() => addCallbackTask(ticket(), TASK_ID, { callId: CALL_ID, callbackNumber: '030 123', callerName: null, missedAt }, callbacks, ctx))).toBe('callbackNumber');
  });
});

describe('completeTask', () => {
  const open = (): Task => addTask(ticket(), TASK_ID, input, ctx).result;
  const later: ChangeContext = { ...ctx, now: new Date('2026-11-24T12:00:00.000Z') };

  it('marks an open task done with a note, emits a valid task.completed and a task_completed history entry', () => {
    const { result, decision } = completeTask(ticket(), open(), { status: 'done', note: ' Disk replaced. ' }, later);
    expect(result).toMatchObject({ status: 'done', completedAt: later.now, completedBy: agent, completionNote: 'Disk replaced.' });
    expect(decision.events.map((e) => e.type)).toEqual(['helpdesk.ticket.task.completed.v1']);
    expectContractValid(decision);
    expect(decision.history).toEqual([
      { kind: 'task_completed', before: { taskId: TASK_ID, status: 'open' }, after: { taskId: TASK_ID, status: 'done', note: 'Disk replaced.' } },
    ]);
  });

  it('refuses completing a task twice, whether it was done or cancelled', () => {
    const cancelled = completeTask(ticket(), open(), { status: 'cancelled', note: '' }, later).result;
    expect(codeOf(() => completeTask(ticket(), cancelled, { status: 'done', note: '' }, later))).toBe('TASK_ALREADY_COMPLETED');
    const done = completeTask(ticket(), open(), { status: 'done', note: '' }, later).result;
    expect(codeOf(() => completeTask(ticket(), done, { status: 'cancelled', note: '' }, later))).toBe('TASK_ALREADY_COMPLETED');
  });

  it('refuses a task of another ticket and a closed ticket', () => {
    expect(codeOf(() => completeTask(ticket(), { ...open(), ticketId: '01936b2e-9a10-7b2c-8d3e-000000000000' }, { status: 'done', note: '' }, later))).toBe('TASK_NOT_FOUND');
    expect(codeOf(() => completeTask(ticket('closed'), open(), { status: 'done', note: '' }, later))).toBe('TICKET_CLOSED');
  });
});

describe('task visibility', () => {
  const appointment = { mode: 'on_site' as const, startsAt: new Date('2026-11-25T09:00:00Z'), endsAt: new Date('2026-11-25T10:00:00Z'), location: 'Main St 1', joinUrl: null };

  it('shows customers only tasks with an appointment, without internal detail', () => {
    const plain = addTask(ticket(), TASK_ID, input, ctx).result;
    const visit = addTask(ticket(), TASK_ID, { ...input, appointment }, ctx).result;
    expect(customerSeesTask(plain)).toBe(false);
    expect(customerSeesTask(visit)).toBe(true);
    expect(visibleTask({ kind: 'all' }, visit)).toBe(visit);
    expect(visibleTask(customerScope, visit)).toMatchObject({
      title: 'Replace the disk',
      appointment,
      description: '',
      assignee: null,
      remindAt: null,
      createdBy: null,
      completionNote: '',
    });
  });
});
