import { findEventDefinition, ticketAssignedV1, ticketCreatedV1, ticketUpdatedV1, type Actor } from '@helpdesk/contracts';
import type { Ticket } from './ticket';
import { assignTicket } from './ticket-assignment';
import { createTicket, type CreateContext, type CreateTicketInput } from './ticket-creation';
import type { ChangeContext, TicketDecision } from './ticket-decisions';
import type { TicketEvent } from './ticket-events';
import { applySlaReport, type SlaReport } from './ticket-sla-report';
import { changeStatus } from './ticket-status-change';
import { updateTicket } from './ticket-update';
import { TicketError, type TicketErrorCode } from './ticket.errors';

const T0 = new Date('2026-11-23T10:15:00.000Z');
const T1 = new Date('2026-11-23T10:42:00.000Z');
const agent: Actor = { kind: 'agent', id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const policy = { categories: ['technical', 'billing', 'sales', 'hr', 'other'], reopenWindowDays: 7 };
const ids = {
  ticket: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
  customer: '01936a00-1111-7aaa-8bbb-000000000001',
  contact: '01936a00-2222-7aaa-8bbb-000000000002',
  asset: '01936a00-4444-7aaa-8bbb-000000000004',
  queue: '01936a00-5555-7aaa-8bbb-000000000005',
  mail: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e70',
};
const createCtx: CreateContext = { id: ids.ticket, number: 'T-100234', now: T0, actor: agent, policy };
const ctx: ChangeContext = { now: T1, actor: agent, policy };
const input: CreateTicketInput = { summary: 'VPN fails with error 809', channel: 'email', category: 'technical' };

function newTicket(overrides: Partial<CreateTicketInput> = {}): Ticket {
  return createTicket({ ...input, ...overrides }, createCtx).ticket;
}

/** Every event validates against its contract, unchanged by parsing, and is about the snapshot it carries. */
function expectContractValid(decision: TicketDecision): void {
  for (const event of decision.events) {
    expect(findEventDefinition(event.type)?.schema.parse(event.data)).toEqual(event.data);
    expect(event.subject).toBe(decision.ticket.id);
    expect(event.time.toISOString()).toBe(event.data.ticket.updatedAt);
    expect(event.data.ticket.version).toBe(decision.ticket.version);
  }
}

function codeOf(run: () => unknown): TicketErrorCode {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return error.code;
    throw error;
  }
  throw new Error('expected a TicketError');
}

function only(events: readonly TicketEvent[]): TicketEvent {
  expect(events).toHaveLength(1);
  const [event] = events;
  if (!event) throw new Error('no event');
  return event;
}

describe('createTicket', () => {
  it('creates version 1 in status new and emits a valid created event', () => {
    const full: CreateTicketInput = {
      ...input,
      description: 'Three laptops.',
      customerId: ids.customer,
      assetIds: [ids.asset, ids.asset],
      tags: [' vpn ', 'vpn', 'b'],
      dueAt: new Date('2026-11-23T14:15:00.000Z'),
      warningLeadMinutes: 60,
      externalReferences: [{ system: 'erp', kind: 'order', value: 'SO-1' }],
      mailId: ids.mail,
    };
    const decision = createTicket(full, createCtx);
    expect(decision.ticket).toMatchObject({
      version: 1,
      status: 'new',
      priority: 'normal',
      assetIds: [ids.asset],
      tags: ['vpn', 'b'],
      createdAt: T0,
      updatedAt: T0,
    });
    expect(decision.ticket.warningAt?.toISOString()).toBe('2026-11-23T13:15:00.000Z');
    const event = only(decision.events);
    expect(event.type).toBe(ticketCreatedV1.type);
    expect(ticketCreatedV1.schema.parse(event.data)).toMatchObject({ description: 'Three laptops.', mailId: ids.mail, callId: null });
    expectContractValid(decision);
    expect(decision.history).toEqual([{ kind: 'created', before: {}, after: expect.objectContaining({ status: 'new', description: 'Three laptops.' }) }]);
  });

  it.each<[string, Partial<CreateTicketInput>]>([
    ['summary', { summary: ' \n ' }],
    ['category', { category: 'gardening' }],
    ['customerId', { customerId: 'not-a-uuid' }],
    ['assetIds[1]', { assetIds: [ids.asset, 'x'] }],
    ['tags[0]', { tags: ['  '] }],
    ['warningLeadMinutes', { warningLeadMinutes: -5 }],
    ['dueAt', { dueAt: new Date('nonsense') }],
    ['externalReferences[0].value', { externalReferences: [{ system: 'erp', kind: 'order', value: '' }] }],
  ])('refuses an invalid %s naming the field', (field, overrides) => {
    const error = (() => {
      try {
        newTicket(overrides);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TicketError);
    expect(error).toMatchObject({ code: 'INVALID_FIELD', field, name: 'TicketError' });
  });
});

describe('updateTicket', () => {
  it('bumps the version and lists every changed field with before and after', () => {
    const ticket = newTicket({ tags: ['vpn'] });
    const decision = updateTicket(ticket, { priority: 'critical', tags: ['vpn', 'urgent'], summary: ticket.summary, customerId: ids.customer }, ctx);
    expect(decision.ticket).toMatchObject({ version: 2, priority: 'critical', updatedAt: T1, customerId: ids.customer });
    const event = only(decision.events);
    expect(event.type).toBe(ticketUpdatedV1.type);
    expect(ticketUpdatedV1.schema.parse(event.data)).toMatchObject({
      description: null,
      changes: [
        { field: 'priority', before: 'normal', after: 'critical' },
        { field: 'customerId', before: null, after: ids.customer },
        { field: 'tags', before: ['vpn'], after: ['vpn', 'urgent'] },
      ],
    });
    expectContractValid(decision);
    expect(decision.history).toEqual([
      {
        kind: 'field_changed',
        before: { priority: 'normal', customerId: null, tags: ['vpn'] },
        after: { priority: 'critical', customerId: ids.customer, tags: ['vpn', 'urgent'] },
      },
    ]);
  });

  it('carries the new description only when it changed', () => {
    const decision = updateTicket(newTicket(), { description: 'Now four laptops.' }, ctx);
    expect(only(decision.events).data).toMatchObject({
      description: 'Now four laptops.',
      changes: [{ field: 'description', before: '', after: 'Now four laptops.' }],
    });
    expectContractValid(decision);
  });

  it.each([{}, { summary: '  VPN   fails with error 809 ' }, { priority: 'normal' as const, tags: [], assetIds: [], customerId: null }])(
    'emits nothing and keeps the version for a no-op patch %j',
    (patch) => {
      const ticket = newTicket();
      expect(updateTicket(ticket, patch, ctx)).toEqual({ ticket, events: [], history: [] });
    },
  );

  it('derives the warning time from due date and lead, keeping the lead when only the due date moves', () => {
    const ticket = updateTicket(newTicket(), { dueAt: new Date('2026-11-24T12:00:00.000Z'), warningLeadMinutes: 30 }, ctx).ticket;
    expect(ticket.warningAt?.toISOString()).toBe('2026-11-24T11:30:00.000Z');
    const moved = updateTicket(ticket, { dueAt: new Date('2026-11-25T12:00:00.000Z') }, ctx);
    expect(moved.ticket.warningAt?.toISOString()).toBe('2026-11-25T11:30:00.000Z');
    expect(updateTicket(moved.ticket, { warningLeadMinutes: null }, ctx).ticket.warningAt).toBeNull();
    expectContractValid(moved);
  });

  it('refuses categories outside the configured list and changes to closed or cancelled tickets', () => {
    expect(codeOf(() => updateTicket(newTicket(), { category: 'gardening' }, ctx))).toBe('INVALID_FIELD');
    const cancelled = changeStatus(newTicket(), { to: 'cancelled' }, ctx).ticket;
    expect(codeOf(() => updateTicket(cancelled, { priority: 'high' }, ctx))).toBe('TICKET_CLOSED');
    expect(codeOf(() => assignTicket(cancelled, { queueId: ids.queue, mode: 'manual' }, ctx))).toBe('TICKET_CLOSED');
  });

  it('refuses a stale expected version with VERSION_CONFLICT and accepts the current one', () => {
    const ticket = newTicket();
    expect(codeOf(() => updateTicket(ticket, { priority: 'high' }, { ...ctx, expectedVersion: 0 }))).toBe('VERSION_CONFLICT');
    expect(updateTicket(ticket, { priority: 'high' }, { ...ctx, expectedVersion: 1 }).ticket.version).toBe(2);
  });
});

describe('assignTicket', () => {
  it('assigns agent and queue with one assigned event', () => {
    const decision = assignTicket(newTicket(), { assigneeId: agent.id, queueId: ids.queue, mode: 'manual', reason: ' picked ' }, ctx);
    expect(decision.ticket).toMatchObject({ version: 2, assigneeId: agent.id, queueId: ids.queue });
    const event = only(decision.events);
    expect(ticketAssignedV1.schema.parse(event.data)).toMatchObject({ previousAssigneeId: null, previousQueueId: null, mode: 'manual' });
    expectContractValid(decision);
    expect(decision.history).toEqual([
      { kind: 'assigned', before: { assigneeId: null, queueId: null }, after: { assigneeId: agent.id, queueId: ids.queue, mode: 'manual', reason: 'picked' } },
    ]);
  });

  it('moves back to the queue when unassigned, and emits nothing when nothing changes', () => {
    const assigned = assignTicket(newTicket({ queueId: ids.queue }), { assigneeId: agent.id, mode: 'schedule' }, ctx).ticket;
    const back = assignTicket(assigned, { assigneeId: null, mode: 'unassigned' }, ctx);
    expect(back.ticket).toMatchObject({ version: 3, assigneeId: null, queueId: ids.queue });
    expectContractValid(back);
    expect(assignTicket(back.ticket, { queueId: ids.queue, mode: 'manual' }, ctx)).toEqual({ ticket: back.ticket, events: [], history: [] });
  });

  it('refuses mode unassigned with an assignee and malformed ids', () => {
    expect(codeOf(() => assignTicket(newTicket(), { assigneeId: agent.id, mode: 'unassigned' }, ctx))).toBe('INVALID_FIELD');
    expect(codeOf(() => assignTicket(newTicket(), { queueId: 'q1', mode: 'manual' }, ctx))).toBe('INVALID_FIELD');
  });
});

describe('applySlaReport', () => {
  const system: Actor = { kind: 'system', id: null, displayName: 'sla' };

  it('records a phase change as sla_phase with an updated event', () => {
    const report: SlaReport = {
      trafficLight: 'yellow',
      overdue: false,
      dueAt: new Date('2026-11-23T14:15:00.000Z'),
      warningAt: new Date('2026-11-23T13:15:30.000Z'),
    };
    const decision = applySlaReport(newTicket(), report, { now: T1, actor: system });
    expect(decision.ticket).toMatchObject({ version: 2, slaTrafficLight: 'yellow', slaOverdue: false });
    expect(only(decision.events).data).toMatchObject({ actor: system, description: null });
    expect(decision.history[0]?.kind).toBe('sla_phase');
    expectContractValid(decision);
  });

  it('records moved due times as field_changed, applies to closed tickets and ignores repeats', () => {
    const closed = changeStatus(changeStatus(newTicket(), { to: 'resolved', resolution: { text: 'fixed' } }, ctx).ticket, { to: 'closed' }, ctx).ticket;
    const first = applySlaReport(closed, { trafficLight: null, overdue: false, dueAt: new Date('2026-11-24T10:00:00.000Z') }, ctx);
    expect(first.history.map((change) => change.kind)).toEqual(['field_changed']);
    expectContractValid(first);
    expect(applySlaReport(first.ticket, { trafficLight: null, overdue: false }, ctx).events).toEqual([]);
  });
});
