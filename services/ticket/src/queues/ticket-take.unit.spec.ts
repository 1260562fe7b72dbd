import { findEventDefinition, type Actor } from '@helpdesk/contracts';
import type { Ticket } from '../tickets/ticket';
import { createTicket } from '../tickets/ticket-creation';
import type { ChangeContext } from '../tickets/ticket-decisions';
import { TicketError } from '../tickets/ticket.errors';
import { takeTicket } from './ticket-take';

const T0 = new Date('2026-11-23T08:00:00.000Z');
const T1 = new Date('2026-11-23T08:05:00.000Z');
const AGENT = '01936b2e-8f3a-7c4d-9e1f-00000000000a';
const OTHER = '01936b2e-8f3a-7c4d-9e1f-00000000000b';
const actor: Actor = { kind: 'agent', id: AGENT, displayName: 'Anna' };
const policy = { categories: ['technical', 'other'], reopenWindowDays: 7 };
const ctx: ChangeContext = { now: T1, actor, policy };
const ticket = (overrides: Partial<Ticket> = {}): Ticket => ({
  ...createTicket({ summary: 'Printer', channel: 'phone', category: 'technical' }, { id: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e', number: 'T-1', now: T0, actor, policy }).ticket,
  ...overrides,
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return error.code;
    throw error;
  }
  throw new Error('expected a TicketError');
}

describe('takeTicket', () => {
  it('assigns a new ticket to the agent and starts work: two history entries, two events, version +2', () => {
    const decision = takeTicket(ticket(), AGENT, 'schedule', { ...ctx, expectedVersion: 1 });
    expect(decision.ticket).toMatchObject({ assigneeId: AGENT, status: 'in_progress', version: 3 });
    expect(decision.history.map((h) => h.kind)).toEqual(['assigned', 'status_changed']);
    expect(decision.events.map((e) => [e.type, e.data.ticket.version])).toEqual([
      ['helpdesk.ticket.assigned.v1', 2],
      ['helpdesk.ticket.status.changed.v1', 3],
    ]);
    expect(decision.events[0]?.data).toMatchObject({ mode: 'schedule', previousAssigneeId: null });
    for (const event of decision.events) expect(findEventDefinition(event.type)?.schema.parse(event.data)).toEqual(event.data);
  });

  it('only assigns a ticket already in work, and changes nothing when it is already the agent’s', () => {
    expect(takeTicket(ticket({ status: 'pending' }), AGENT, 'manual', ctx).history.map((h) => h.kind)).toEqual(['assigned']);
    const mine = ticket({ status: 'in_progress', assigneeId: AGENT });
    expect(takeTicket(mine, AGENT, 'manual', ctx)).toEqual({ ticket: mine, events: [], history: [] });
  });

  it('refuses a ticket assigned to someone else and a stale version', () => {
    expect(codeOf(() => takeTicket(ticket({ assigneeId: OTHER }), AGENT, 'manual', ctx))).toBe('TICKET_ALREADY_ASSIGNED');
    expect(codeOf(() => takeTicket(ticket(), AGENT, 'manual', { ...ctx, expectedVersion: 5 }))).toBe('VERSION_CONFLICT');
  });
});
