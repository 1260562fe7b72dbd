import { findEventDefinition, type Actor } from '@helpdesk/contracts';
import { createTicket } from '../tickets/ticket-creation';
import type { ChangeContext, TicketDecision } from '../tickets/ticket-decisions';
import { TicketError, type TicketErrorCode } from '../tickets/ticket.errors';
import type { Ticket } from '../tickets/ticket';
import { linkExternal, linkTicket, recordInverseLink, type TicketLinkFacts } from './link-decisions';
import { kindSeenFrom, storedLinkOf, type TicketLinkKind } from './ticket-link';

const T0 = new Date('2026-11-23T10:15:00.000Z');
const T1 = new Date('2026-11-23T10:42:00.000Z');
const agent: Actor = { kind: 'agent', id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const policy = { categories: ['technical', 'other'], reopenWindowDays: 7 };
const ctx: ChangeContext = { now: T1, actor: agent, policy };
const A = '01936b2e-9a10-7b2c-8d3e-00000000000a';
const B = '01936b2e-9a10-7b2c-8d3e-00000000000b';
const C = '01936b2e-9a10-7b2c-8d3e-00000000000c';

const ticket: Ticket = createTicket(
  { summary: 'Printer offline', channel: 'phone', category: 'technical' },
  { id: A, number: 'T-100001', now: T0, actor: agent, policy },
).ticket;
const target = { id: B, number: 'T-100002' };
const noLinks: TicketLinkFacts = { target, links: { tickets: [], external: [] }, createsParentCycle: false };

function expectContractValid(decision: TicketDecision): void {
  for (const event of decision.events) {
    expect(findEventDefinition(event.type)?.schema.parse(event.data)).toEqual(event.data);
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

describe('stored links', () => {
  it.each<[TicketLinkKind, string, string, string]>([
    ['parent', A, B, 'parent'],
    ['child', B, A, 'parent'],
    ['duplicate', A, B, 'duplicate'],
    ['duplicated_by', B, A, 'duplicate'],
  ])('stores %s once per pair and reads the inverse from the other side', (kind, from, to, stored) => {
    const link = storedLinkOf(A, kind, B);
    expect(link).toEqual({ ticketId: from, linkedTicketId: to, kind: stored });
    expect(kindSeenFrom(link, A)).toBe(kind);
    const inverse = { parent: 'child', child: 'parent', duplicate: 'duplicated_by', duplicated_by: 'duplicate', related: 'related' }[kind];
    expect(kindSeenFrom(link, B)).toBe(inverse);
  });

  it('stores related with the smaller id first, whichever side links', () => {
    expect(storedLinkOf(B, 'related', A)).toEqual(storedLinkOf(A, 'related', B));
    expect(storedLinkOf(B, 'related', A)).toEqual({ ticketId: A, linkedTicketId: B, kind: 'related' });
  });
});

describe('linkTicket', () => {
  it('bumps the version, writes a linked history entry and a valid ticket.updated with the links change', () => {
    const { decision, insert, links } = linkTicket(ticket, 'child', noLinks, ctx);
    expect(decision.ticket).toMatchObject({ version: 2, updatedAt: T1 });
    expect(insert).toEqual({ ticketId: B, linkedTicketId: A, kind: 'parent' });
    expect(links.tickets).toEqual([{ kind: 'child', ticketId: B, number: 'T-100002' }]);
    expect(decision.history).toEqual([{ kind: 'linked', before: {}, after: { link: { kind: 'child', ticketId: B, number: 'T-100002' } } }]);
    expect(decision.events.map((e) => e.type)).toEqual(['helpdesk.ticket.updated.v1']);
    expect(decision.events[0]?.data).toMatchObject({ changes: [{ field: 'links', before: [], after: [{ kind: 'child', ticketId: B, number: 'T-100002' }] }] });
    expectContractValid(decision);
  });

  it('is idempotent: the same link again changes nothing', () => {
    const facts = { ...noLinks, links: { tickets: [{ kind: 'related' as const, ticketId: B, number: 'T-100002' }], external: [] } };
    const { decision, insert } = linkTicket(ticket, 'related', facts, ctx);
    expect(decision).toEqual({ ticket, events: [], history: [] });
    expect(insert).toBeNull();
  });

  it('refuses a second, different link of the same pair, self links and parent cycles', () => {
    const facts = { ...noLinks, links: { tickets: [{ kind: 'related' as const, ticketId: B, number: 'T-100002' }], external: [] } };
    expect(codeOf(() => linkTicket(ticket, 'parent', facts, ctx))).toBe('LINK_CONFLICT');
    expect(codeOf(() => linkTicket(ticket, 'related', { ...noLinks, target: { id: A, number: 'T-100001' } }, ctx))).toBe('INVALID_FIELD');
    expect(() => linkTicket(ticket, 'parent', { ...noLinks, target: { id: C, number: 'T-100003' }, createsParentCycle: true }, ctx)).toThrow(
      'T-100003 cannot become the parent of T-100001: T-100001 is already an ancestor of T-100003',
    );
  });
});

describe('recordInverseLink', () => {
  it('records the new link on the other ticket with its own version, entry and event', () => {
    const other = { ...ticket, id: B, number: 'T-100002' };
    const older = { kind: 'related' as const, ticketId: C, number: 'T-100003' };
    const added = { kind: 'parent' as const, ticketId: A, number: 'T-100001' };
    const decision = recordInverseLink(other, [older, added], A, ctx);
    expect(decision.ticket.version).toBe(2);
    expect(decision.history).toEqual([{ kind: 'linked', before: {}, after: { link: added } }]);
    expect(decision.events[0]?.data).toMatchObject({ changes: [{ field: 'links', before: [older], after: [older, added] }] });
    expectContractValid(decision);
    expect(recordInverseLink(other, [older], A, ctx)).toEqual({ ticket: other, events: [], history: [] });
  });
});

describe('linkExternal', () => {
  const order = { system: 'erp', kind: 'order', value: 'SO-2026-4711' };

  it('adds the reference to the ticket with a linked entry and an externalReferences change', () => {
    const decision = linkExternal(ticket, order, ctx);
    expect(decision.ticket).toMatchObject({ version: 2, externalReferences: [order] });
    expect(decision.history).toEqual([{ kind: 'linked', before: {}, after: { externalReference: order } }]);
    expect(decision.events[0]?.data).toMatchObject({ changes: [{ field: 'externalReferences', before: [], after: [order] }] });
    expectContractValid(decision);
  });

  it('is idempotent for the same system, kind and value', () => {
    const linked = linkExternal(ticket, order, ctx).ticket;
    expect(linkExternal(linked, { ...order }, ctx)).toEqual({ ticket: linked, events: [], history: [] });
    expect(linkExternal(linked, { ...order, kind: 'invoice' }, ctx).ticket.externalReferences).toHaveLength(2);
  });
});
