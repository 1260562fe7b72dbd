import { findEventDefinition, type Actor } from '@helpdesk/contracts';
import type { Ticket } from '../tickets/ticket';
import { createTicket } from '../tickets/ticket-creation';
import type { ChangeContext, TicketDecision } from '../tickets/ticket-decisions';
import { TicketError, type TicketErrorCode } from '../tickets/ticket.errors';
import type { WorkLogLine } from './work-entry';
import { isPositiveQuantity, recordWork, workTime, type RecordWorkContext, type RecordWorkInput } from './work-recording';
import { customerSeesWork, visibleWorkLine } from './work-visibility';
import { voidWork } from './work-voiding';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const NOW = new Date('2026-11-23T12:00:00.000Z');
const agent: Actor = { kind: 'agent', id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const integration: Actor = { kind: 'integration', id: null, displayName: 'erp-sync' };
const policy = { categories: ['technical', 'other'], reopenWindowDays: 7 };
const rules = { activityTypes: ['phone_support', 'remote_support', 'on_site'], maxMinutesPerEntry: 1440 };
const ENTRY_ID = '01936b30-0000-7abc-8def-000000000021';
const VOID_ID = '01936b31-0000-7abc-8def-000000000022';
const TASK_ID = '01936b32-0000-7abc-8def-000000000031';
const OTHER_AGENT = '01936b2e-8f3a-7c4d-9e1f-000000000002';

function ticket(status: Ticket['status'] = 'in_progress'): Ticket {
  const created = createTicket(
    { summary: 'VPN fails', channel: 'phone', category: 'technical' },
    { id: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e', number: 'T-100234', now: T0, actor: agent, policy },
  ).ticket;
  return { ...created, status };
}

const minutes: RecordWorkInput = {
  agentId: null,
  activityType: 'remote_support',
  startedAt: null,
  endedAt: null,
  durationMinutes: 35,
  billable: true,
  materials: [{ sku: ' LIC-VPN-5 ', description: 'VPN client licence', quantity: '3', unit: 'piece' }],
  note: ' Updated the VPN client. ',
  taskId: null,
};
const ctx: RecordWorkContext = { now: NOW, actor: agent, policy, entryId: ENTRY_ID, rules, task: null };
const changeCtx: ChangeContext = { now: new Date('2026-11-23T13:00:00.000Z'), actor: agent, policy };

function expectContractValid(decision: TicketDecision): void {
  for (const event of decision.events) {
    expect(findEventDefinition(event.type)?.schema.parse(event.data)).toEqual(event.data);
    expect(event.data.ticket.version).toBe(decision.ticket.version);
  }
}

function errorOf(run: () => unknown): { code: TicketErrorCode; field: string | undefined } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return { code: error.code, field: error.field };
    throw error;
  }
  return undefined;
}
const fieldOf = (run: () => unknown) => errorOf(run)?.field;
const codeOf = (run: () => unknown) => errorOf(run)?.code;

describe('recordWork', () => {
  it('records minutes for the calling agent, bumps the version, emits a valid worklog.recorded and a work_recorded entry', () => {
    const { decision, result } = recordWork(ticket(), minutes, ctx);
    expect(result).toMatchObject({
      kind: 'work',
      id: ENTRY_ID,
      agentId: agent.id,
      durationMinutes: 35,
      startedAt: null,
      performedOn: NOW,
      materials: [{ sku: 'LIC-VPN-5', description: 'VPN client licence', quantity: '3', unit: 'piece' }],
      note: 'Updated the VPN client.',
      recordedBy: agent,
      recordedAt: NOW,
    });
    expect(decision.ticket).toMatchObject({ version: 2, updatedAt: NOW });
    expect(decision.events.map((e) => e.type)).toEqual(['helpdesk.ticket.worklog.recorded.v1']);
    expectContractValid(decision);
    expect(decision.history).toEqual([
      expect.objectContaining({ kind: 'work_recorded', before: {}, after: expect.objectContaining({ entryId: ENTRY_ID, durationMinutes: 35, billable: true }) }),
    ]);
  });

  it('records a time span: minutes between start and end, performed at the start', () => {
    const startedAt = new Date('2026-11-23T11:00:00.000Z');
    const endedAt = new Date('2026-11-23T11:35:20.000Z');
    const { result, decision } = recordWork(ticket(), { ...minutes, durationMinutes: 0, startedAt, endedAt, agentId: OTHER_AGENT }, ctx);
    expect(result).toMatchObject({ startedAt, endedAt, durationMinutes: 35, performedOn: startedAt, agentId: OTHER_AGENT });
    expectContractValid(decision);
  });

  it('takes work on resolved tickets but not on closed or cancelled ones', () => {
    expect(recordWork(ticket('resolved'), minutes, ctx).result.kind).toBe('work');
    expect(codeOf(() => recordWork(ticket('closed'), minutes, ctx))).toBe('TICKET_CLOSED');
    expect(codeOf(() => recordWork(ticket('cancelled'), minutes, ctx))).toBe('TICKET_CLOSED');
  });

  it('refuses an activity type outside the configured list', () => {
    expect(fieldOf(() => recordWork(ticket(), { ...minutes, activityType: 'gardening' }, ctx))).toBe('activityType');
  });

  it('needs an agent id when the caller is no agent with one', () => {
    expect(fieldOf(() => recordWork(ticket(), minutes, { ...ctx, actor: integration }))).toBe('agentId');
    expect(recordWork(ticket(), { ...minutes, agentId: OTHER_AGENT }, { ...ctx, actor: integration }).result.agentId).toBe(OTHER_AGENT);
    expect(fieldOf(() => recordWork(ticket(), { ...minutes, agentId: 'anna' }, ctx))).toBe('agentId');
  });

  it('accepts a task of the same ticket only', () => {
    const t = ticket();
    expect(recordWork(t, { ...minutes, taskId: TASK_ID }, { ...ctx, task: { id: TASK_ID, ticketId: t.id } }).result.taskId).toBe(TASK_ID);
    expect(fieldOf(() => recordWork(t, { ...minutes, taskId: TASK_ID }, ctx))).toBe('taskId');
    expect(fieldOf(() => recordWork(t, { ...minutes, taskId: TASK_ID }, { ...ctx, task: { id: TASK_ID, ticketId: OTHER_AGENT } }))).toBe('taskId');
  });

  it('refuses materials without sku or unit, or with a quantity that is not a decimal above zero', () => {
    const material = { sku: 'SSD-1TB', description: '', quantity: '1', unit: 'piece' };
    expect(fieldOf(() => recordWork(ticket(), { ...minutes, materials: [material, { ...material, sku: ' ' }] }, ctx))).toBe('materials[1].sku');
    expect(fieldOf(() => recordWork(ticket(), { ...minutes, materials: [{ ...material, unit: '' }] }, ctx))).toBe('materials[0].unit');
    for (const quantity of ['0', '0.000', '-1', '1,5', '1e3', '', '1.1234567']) {
      expect(fieldOf(() => recordWork(ticket(), { ...minutes, materials: [{ ...material, quantity }] }, ctx))).toBe('materials[0].quantity');
    }
  });
});

describe('workTime', () => {
  const start = new Date('2026-11-23T09:00:00.000Z');
  const at = (minutesAfterStart: number) => new Date(start.getTime() + minutesAfterStart * 60_000);
  const span = (startedAt: Date | null, endedAt: Date | null, durationMinutes: number | null = null) => () => workTime({ startedAt, endedAt, durationMinutes }, { now: NOW, rules });

  it('takes exactly one way: start and end, or minutes', () => {
    expect(span(start, at(90))()).toEqual({ startedAt: start, endedAt: at(90), durationMinutes: 90 });
    expect(span(null, null, 15)()).toEqual({ startedAt: null, endedAt: null, durationMinutes: 15 });
    expect(fieldOf(span(null, null, 0))).toBe('durationMinutes');
    expect(fieldOf(span(start, at(30), 30))).toBe('durationMinutes');
    expect(fieldOf(span(start, null))).toBe('endTime');
    expect(fieldOf(span(null, at(30)))).toBe('startTime');
  });

  it('refuses an end not after the start, spans under a minute, and work starting in the future', () => {
    expect(fieldOf(span(start, start))).toBe('endTime');
    expect(fieldOf(span(start, at(-5)))).toBe('endTime');
    expect(fieldOf(span(start, new Date(start.getTime() + 20_000)))).toBe('endTime');
    expect(fieldOf(span(at(24 * 60), at(24 * 60 + 30)))).toBe('startTime');
  });

  it('refuses fractional, negative and over-long minutes', () => {
    for (const value of [1.5, -10, 1441]) expect(fieldOf(span(null, null, value))).toBe('durationMinutes');
    expect(span(null, null, 1440)().durationMinutes).toBe(1440);
    expect(fieldOf(span(at(-1440), at(1)))).toBe('endTime');
  });

  it('knows a positive decimal quantity', () => {
    expect(['1', '1.5', '0.25', '000012.000001'].every(isPositiveQuantity)).toBe(true);
    expect(['0', '0.0', '.5', '1.', ' 1'].some(isPositiveQuantity)).toBe(false);
  });
});

describe('voidWork', () => {
  const t = ticket();
  const recorded = recordWork(t, minutes, ctx).result;
  const line: WorkLogLine = { ...recorded, voided: false };
  const input = { entryId: ENTRY_ID, reason: ' Booked on the wrong ticket. ' };

  it('appends a voiding entry, emits a valid worklog.voided carrying the original, and a work_voided entry', () => {
    const { decision, result } = voidWork(t, line, input, { ...changeCtx, voidId: VOID_ID });
    expect(result).toEqual({
      kind: 'void',
      id: VOID_ID,
      ticketId: t.id,
      voidsEntryId: ENTRY_ID,
      reason: 'Booked on the wrong ticket.',
      recordedBy: agent,
      recordedAt: changeCtx.now,
    });
    expect(decision.ticket.version).toBe(t.version + 1);
    expectContractValid(decision);
    const [event] = decision.events;
    expect(event?.type === 'helpdesk.ticket.worklog.voided.v1' && event.data.voidedEntry.entryId).toBe(ENTRY_ID);
    expect(decision.history).toEqual([
      { kind: 'work_voided', before: { entryId: ENTRY_ID, voided: false }, after: { entryId: ENTRY_ID, voided: true, voidEntryId: VOID_ID, reason: 'Booked on the wrong ticket.' } },
    ]);
  });

  it('requires a reason', () => {
    expect(fieldOf(() => voidWork(t, line, { ...input, reason: '  ' }, { ...changeCtx, voidId: VOID_ID }))).toBe('reason');
  });

  it('refuses voiding twice, voiding a voiding entry, unknown entries and closed tickets', () => {
    const voidCtx = { ...changeCtx, voidId: VOID_ID };
    const voiding = voidWork(t, line, input, voidCtx).result;
    expect(codeOf(() => voidWork(t, { ...line, voided: true }, input, voidCtx))).toBe('WORK_ENTRY_ALREADY_VOIDED');
    expect(codeOf(() => voidWork(t, voiding, { ...input, entryId: VOID_ID }, voidCtx))).toBe('WORK_ENTRY_NOT_VOIDABLE');
    expect(codeOf(() => voidWork(t, null, input, voidCtx))).toBe('WORK_ENTRY_NOT_FOUND');
    expect(codeOf(() => voidWork(t, { ...line, ticketId: OTHER_AGENT }, input, voidCtx))).toBe('WORK_ENTRY_NOT_FOUND');
    expect(codeOf(() => voidWork(ticket('closed'), line, input, voidCtx))).toBe('TICKET_CLOSED');
  });
});

describe('work visibility', () => {
  const recorded = { ...recordWork(ticket(), { ...minutes, taskId: TASK_ID }, { ...ctx, task: { id: TASK_ID, ticketId: ticket().id } }).result, voided: false };
  const customer = { kind: 'customer', customerId: '01936a00-1111-7aaa-8bbb-000000000001', contactId: '01936a00-2222-7aaa-8bbb-000000000002' } as const;

  it('shows customers billable work that stands, without who typed it or internal references', () => {
    expect(customerSeesWork(recorded)).toBe(true);
    expect(customerSeesWork({ ...recorded, billable: false })).toBe(false);
    expect(customerSeesWork({ ...recorded, voided: true })).toBe(false);
    expect(customerSeesWork({ kind: 'void', id: VOID_ID, ticketId: recorded.ticketId, voidsEntryId: ENTRY_ID, reason: 'x', recordedBy: agent, recordedAt: NOW })).toBe(false);
    expect(visibleWorkLine({ kind: 'all' }, recorded)).toBe(recorded);
    expect(visibleWorkLine(customer, recorded)).toMatchObject({ note: 'Updated the VPN client.', durationMinutes: 35, recordedBy: null, taskId: null, callId: null });
  });
});
