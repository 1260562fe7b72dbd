import { findEventDefinition, type Actor } from '@helpdesk/contracts';
import { createTicket } from '../tickets/ticket-creation';
import type { ChangeContext, TicketDecision } from '../tickets/ticket-decisions';
import { TicketError } from '../tickets/ticket.errors';
import type { Ticket } from '../tickets/ticket';
import { assertMergeable, mergeSource, mergeTarget, type MovedItems } from './ticket-merge';

const T0 = new Date('2026-11-23T10:15:00.000Z');
const T1 = new Date('2026-11-23T10:42:00.000Z');
const agent: Actor = { kind: 'agent', id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const policy = { categories: ['technical', 'other'], reopenWindowDays: 7 };
const ctx: ChangeContext = { now: T1, actor: agent, policy };
const CUSTOMER = '01936a00-1111-7aaa-8bbb-000000000001';
const OTHER = '01936a00-1111-7aaa-8bbb-000000000002';

function ticket(id: string, number: string, customerId: string | null = CUSTOMER): Ticket {
  return createTicket({ summary: 'VPN down', channel: 'email', category: 'technical', customerId }, { id, number, now: T0, actor: agent, policy }).ticket;
}
const source = ticket('01936b2e-9a10-7b2c-8d3e-00000000000a', 'T-100001');
const target = ticket('01936b2e-9a10-7b2c-8d3e-00000000000b', 'T-100002');
const moved: MovedItems = { messageIds: ['01936b2f-0a11-7c2d-8e3f-5a6b7c8d9e01'], workEntryIds: [], taskIds: ['01936b2f-0a11-7c2d-8e3f-5a6b7c8d9e02'] };

function expectContractValid(decision: TicketDecision): void {
  for (const event of decision.events) {
    expect(findEventDefinition(event.type)?.schema.parse(event.data)).toEqual(event.data);
    expect(event.subject).toBe(decision.ticket.id);
  }
}

describe('merging', () => {
  it('cancels the source with a merged entry and ticket.status.changed', () => {
    const decision = mergeSource(source, target, moved, '  Same outage ', ctx);
    expect(decision.ticket).toMatchObject({ status: 'cancelled', version: 2, closedAt: T1 });
    expect(decision.history).toEqual([
      {
        kind: 'merged',
        before: { status: 'new' },
        after: { status: 'cancelled', mergedInto: { ticketId: target.id, number: 'T-100002' }, messages: 1, workEntries: 0, tasks: 1, reason: 'Same outage' },
      },
    ]);
    expect(decision.events.map((e) => e.type)).toEqual(['helpdesk.ticket.status.changed.v1']);
    expect(decision.events[0]?.data).toMatchObject({ previousStatus: 'new', reason: 'Same outage' });
    expectContractValid(decision);
    expect(mergeSource(source, target, moved, null, ctx).events[0]?.data).toMatchObject({ reason: 'merged into T-100002' });
  });

  it('records the merge on the target with ticket.merged carrying both tickets and the moved ids', () => {
    const cancelled = mergeSource(source, target, moved, null, ctx).ticket;
    const decision = mergeTarget(target, cancelled, moved, null, ctx);
    expect(decision.ticket.version).toBe(2);
    expect(decision.history[0]).toMatchObject({ kind: 'merged', after: { mergedFrom: { ticketId: source.id, number: 'T-100001' }, ...moved } });
    expect(decision.events.map((e) => e.type)).toEqual(['helpdesk.ticket.merged.v1']);
    expect(decision.events[0]?.data).toMatchObject({ source: { ticketId: source.id, status: 'cancelled' }, ...moved, reason: null });
    expectContractValid(decision);
  });

  it('refuses merging into itself, across customers and into a closed ticket', () => {
    const code = (run: () => void) => {
      try {
        run();
      } catch (error) {
        return error instanceof TicketError ? error.code : 'other';
      }
      return 'none';
    };
    expect(code(() => assertMergeable(source, source))).toBe('INVALID_FIELD');
    expect(code(() => assertMergeable(source, ticket(target.id, 'T-100002', OTHER)))).toBe('INVALID_FIELD');
    expect(code(() => assertMergeable(source, ticket(target.id, 'T-100002', null)))).toBe('none');
    expect(code(() => assertMergeable(source, { ...target, status: 'closed' }))).toBe('TICKET_CLOSED');
    expect(code(() => mergeSource({ ...source, status: 'resolved' }, target, moved, null, ctx))).toBe('TRANSITION_NOT_ALLOWED');
  });
});
