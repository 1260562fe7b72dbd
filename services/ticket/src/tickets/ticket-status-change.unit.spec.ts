import {
  findEventDefinition,
  ticketClosedV1,
  ticketReopenedV1,
  ticketResolvedV1,
  ticketStatusChangedV1,
  type Actor,
  type TicketStatus,
} from '@helpdesk/contracts';
import type { Ticket } from './ticket';
import { createTicket } from './ticket-creation';
import type { ChangeContext, TicketDecision } from './ticket-decisions';
import { changeStatus, type ResolutionContext, type StatusChangeInput } from './ticket-status-change';
import { allowedTransitions } from './ticket-status';
import { TicketError, type TicketErrorCode } from './ticket.errors';

const T0 = new Date('2026-11-23T10:15:00.000Z');
const T1 = new Date('2026-11-23T12:25:00.000Z');
const agent: Actor = { kind: 'agent', id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const policy = { categories: ['technical', 'other'], reopenWindowDays: 7 };
const ctx: ChangeContext = { now: T1, actor: agent, policy };
const resolution = { text: 'Updated the VPN client to 5.2.', code: 'fixed' };

// The path from new to each status, through the machine itself.
const PATHS: Record<TicketStatus, StatusChangeInput[]> = {
  new: [],
  open: [{ to: 'open' }],
  in_progress: [{ to: 'in_progress' }],
  pending: [{ to: 'open' }, { to: 'pending' }],
  resolved: [{ to: 'resolved', resolution }],
  closed: [{ to: 'resolved', resolution }, { to: 'closed' }],
  cancelled: [{ to: 'cancelled' }],
};

function ticketIn(status: TicketStatus, at: Date = T0): Ticket {
  const created = createTicket(
    { summary: 'VPN fails', description: 'Error 809.', channel: 'email', category: 'technical' },
    { id: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e', number: 'T-100234', now: T0, actor: agent, policy },
  ).ticket;
  return PATHS[status].reduce((ticket, step) => changeStatus(ticket, step, { ...ctx, now: at }).ticket, created);
}

function expectContractValid(decision: TicketDecision): void {
  for (const event of decision.events) {
    expect(findEventDefinition(event.type)?.schema.parse(event.data)).toEqual(event.data);
    expect(event.data.ticket).toEqual(decision.events[0]?.data.ticket);
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

const typesOf = (decision: TicketDecision): string[] => decision.events.map((event) => event.type);

describe('changeStatus', () => {
  it('covers every edge of the machine in the table below', () => {
    const edges = (Object.keys(PATHS) as TicketStatus[]).reduce((sum, status) => sum + allowedTransitions(status).length, 0);
    expect(edges).toBe(19);
  });

  it.each<[TicketStatus, TicketStatus, string[]]>([
    ['new', 'open', [ticketStatusChangedV1.type]],
    ['new', 'in_progress', [ticketStatusChangedV1.type]],
    ['new', 'resolved', [ticketStatusChangedV1.type, ticketResolvedV1.type]],
    ['new', 'cancelled', [ticketStatusChangedV1.type]],
    ['open', 'in_progress', [ticketStatusChangedV1.type]],
    ['open', 'resolved', [ticketStatusChangedV1.type, ticketResolvedV1.type]],
    ['open', 'cancelled', [ticketStatusChangedV1.type]],
    ['in_progress', 'cancelled', [ticketStatusChangedV1.type]],
    ['pending', 'resolved', [ticketStatusChangedV1.type, ticketResolvedV1.type]],
    ['open', 'pending', [ticketStatusChangedV1.type]],
    ['in_progress', 'pending', [ticketStatusChangedV1.type]],
    ['in_progress', 'open', [ticketStatusChangedV1.type]],
    ['pending', 'in_progress', [ticketStatusChangedV1.type]],
    ['pending', 'open', [ticketStatusChangedV1.type]],
    ['pending', 'cancelled', [ticketStatusChangedV1.type]],
    ['in_progress', 'resolved', [ticketStatusChangedV1.type, ticketResolvedV1.type]],
    ['resolved', 'closed', [ticketStatusChangedV1.type, ticketClosedV1.type]],
    ['resolved', 'open', [ticketStatusChangedV1.type, ticketReopenedV1.type]],
    ['closed', 'open', [ticketStatusChangedV1.type, ticketReopenedV1.type]],
  ])('%s → %s bumps the version and emits %j', (from, to, types) => {
    // Every edge of the machine appears in this table.
    expect(allowedTransitions(from)).toContain(to);
    const ticket = ticketIn(from);
    const decision = changeStatus(ticket, { to, resolution, reason: 'because' }, ctx);
    expect(decision.ticket).toMatchObject({ status: to, version: ticket.version + 1, updatedAt: T1 });
    expect(typesOf(decision)).toEqual(types);
    expectContractValid(decision);
    expect(decision.history).toEqual([
      { kind: 'status_changed', before: { status: from }, after: expect.objectContaining({ status: to, reason: 'because' }) },
    ]);
  });

  it('refuses a forbidden transition with TRANSITION_NOT_ALLOWED naming both states', () => {
    expect(() => changeStatus(ticketIn('closed'), { to: 'in_progress' }, ctx)).toThrow('cannot change status from closed to in_progress');
    expect(codeOf(() => changeStatus(ticketIn('open'), { to: 'open' }, ctx))).toBe('TRANSITION_NOT_ALLOWED');
    expect(codeOf(() => changeStatus(ticketIn('cancelled'), { to: 'open' }, ctx))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it.each([undefined, { text: '   ' }, { text: '' }])('requires resolution details to resolve (%j)', (given) => {
    const error = (() => {
      try {
        changeStatus(ticketIn('in_progress'), { to: 'resolved', resolution: given }, ctx);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'RESOLUTION_REQUIRED', field: 'resolution.text' });
  });

  it('resolves with details, stamps resolvedAt and tells the knowledge service what it needs', () => {
    const context: ResolutionContext = {
      problemMessage: { messageId: '01936b2e-9a10-7b2c-8d3e-000000000010', text: 'VPN does not connect.' },
      decisiveMessage: null,
      products: ['SecureConnect VPN Gateway 3000'],
      language: 'en',
    };
    const decision = changeStatus(ticketIn('in_progress'), { to: 'resolved', resolution: { text: ' Updated. ' }, resolutionContext: context }, ctx);
    expect(decision.ticket).toMatchObject({ resolution: { text: 'Updated.', code: null }, resolvedAt: T1, closedAt: null });
    const resolved = ticketResolvedV1.schema.parse(decision.events[1]?.data);
    expect(resolved).toMatchObject({ previousStatus: 'in_progress', resolution: 'Updated.', resolutionCode: null, description: 'Error 809.', ...context });
    expect(resolved.ticket.resolvedAt).toBe(T1.toISOString());
    expect(decision.history[0]?.after).toEqual({ status: 'resolved', resolution: 'Updated.' });
  });

  it('closes with closedAt and a reason, and cancelling stamps closedAt too', () => {
    const closed = changeStatus(ticketIn('resolved'), { to: 'closed', reason: 'confirmed by customer' }, ctx);
    expect(closed.ticket.closedAt).toEqual(T1);
    expect(ticketClosedV1.schema.parse(closed.events[1]?.data)).toMatchObject({ previousStatus: 'resolved', reason: 'confirmed by customer' });
    expect(changeStatus(ticketIn('open'), { to: 'cancelled', reason: '  ' }, ctx).ticket).toMatchObject({ closedAt: T1, status: 'cancelled' });
  });

  it('reopening clears resolution, resolvedAt and closedAt', () => {
    const decision = changeStatus(ticketIn('closed'), { to: 'open', reason: 'error is back' }, ctx);
    expect(decision.ticket).toMatchObject({ status: 'open', resolution: null, resolvedAt: null, closedAt: null });
    expect(ticketReopenedV1.schema.parse(decision.events[1]?.data)).toMatchObject({ previousStatus: 'closed', reason: 'error is back' });
  });

  it('reopens a closed ticket up to the end of the window and not after', () => {
    const closedAt = new Date('2026-11-01T12:00:00.000Z');
    const closed = ticketIn('closed', closedAt);
    expect(changeStatus(closed, { to: 'open' }, { ...ctx, now: new Date('2026-11-08T12:00:00.000Z') }).ticket.status).toBe('open');
    expect(codeOf(() => changeStatus(closed, { to: 'open' }, { ...ctx, now: new Date('2026-11-08T12:00:00.001Z') }))).toBe('REOPEN_WINDOW_PASSED');
    const neverReopen = { ...ctx, now: closedAt, policy: { ...policy, reopenWindowDays: 0 } };
    expect(codeOf(() => changeStatus(closed, { to: 'open' }, neverReopen))).toBe('REOPEN_WINDOW_PASSED');
  });

  it('checks the expected version before the transition', () => {
    expect(codeOf(() => changeStatus(ticketIn('open'), { to: 'in_progress' }, { ...ctx, expectedVersion: 1 }))).toBe('VERSION_CONFLICT');
  });

  it('walks the whole main line with one version per change', () => {
    const steps: StatusChangeInput[] = [
      { to: 'open' },
      { to: 'in_progress' },
      { to: 'pending' },
      { to: 'in_progress' },
      { to: 'resolved', resolution },
      { to: 'closed' },
    ];
    const final = steps.reduce((ticket, step) => changeStatus(ticket, step, ctx).ticket, ticketIn('new'));
    expect(final).toMatchObject({ status: 'closed', version: 7 });
  });
});
