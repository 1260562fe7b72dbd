import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from '../migrations/ticket-migrations';
import type { Ticket } from '../tickets/ticket';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import { LinksService } from './links.service';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const CUSTOMER_A = '01890f0e-8c5a-7cc1-9a3e-00000000000a';
const CUSTOMER_B = '01890f0e-8c5a-7cc1-9a3e-00000000000b';
const customerA: Caller = { kind: 'customer', subject: 'anna@a.example', customerId: CUSTOMER_A, contactId: '01890f0e-8c5a-7cc1-9a3e-0000000000ca' };

describe('LinksService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let links: LinksService;

  beforeAll(async () => {
    db = await createTestDatabase('ticket-links');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 6 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const settings = { numberPrefix: 'T-', categories: ['technical', 'other'], reopenWindowDays: 14 };
    const work = new TicketUnitOfWork(dataSource, publisher, settings, () => now);
    tickets = new TicketsService(work, settings);
    links = new LinksService(work, publisher);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const create = (summary: string, customerId: string | null = null): Promise<Ticket> => {
    now = new Date(now.getTime() + 60_000);
    return tickets.create(agent, { summary, channel: 'phone', category: 'other', customerId });
  };
  const outbox = async (ticketId: string) =>
    (await dataSource.query(`SELECT type, envelope->'data' AS data FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticketId])) as {
      type: string;
      data: { changes?: unknown[]; ticket: { version: number } };
    }[];

  it('links two tickets once, shows the inverse on the other side, and is idempotent', async () => {
    const parent = await create('Network down in building 3');
    const child = await create('Printer on floor 2 unreachable');
    const result = await links.link(agent, parent.id, { kind: 'child', target: { number: child.number } });
    expect(result.tickets).toEqual([{ kind: 'child', ticketId: child.id, number: child.number }]);
    await expect(links.list(agent, child.id)).resolves.toEqual({ tickets: [{ kind: 'parent', ticketId: parent.id, number: parent.number }], external: [] });

    await links.link(agent, child.id, { kind: 'parent', target: { id: parent.id } });
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM ticket_links`)).toEqual([{ n: 1 }]);
    // Both sides changed once: the second, identical link changed nothing.
    await expect(tickets.get(agent, { id: parent.id })).resolves.toMatchObject({ version: 2 });
    await expect(tickets.get(agent, { id: child.id })).resolves.toMatchObject({ version: 2 });

    const events = await outbox(parent.id);
    expect(events.map((e) => e.type)).toEqual(['helpdesk.ticket.created.v1', 'helpdesk.ticket.updated.v1']);
    expect(events[1]?.data.changes).toEqual([{ field: 'links', before: [], after: [{ kind: 'child', ticketId: child.id, number: child.number }] }]);
    const childEvents = await outbox(child.id);
    expect(childEvents[1]?.data.changes).toEqual([{ field: 'links', before: [], after: [{ kind: 'parent', ticketId: parent.id, number: parent.number }] }]);
    for (const id of [parent.id, child.id]) {
      const history = await tickets.history(agent, id, { size: 10, token: '' });
      expect(history.items.map((e) => e.kind)).toEqual(['created', 'linked']);
      await expect(tickets.verifyHistory(agent, id)).resolves.toEqual({ ok: true, count: 2 });
    }
  });

  it('shows duplicate as "duplicated by" from the original and related from both sides', async () => {
    const original = await create('Mail quota exceeded');
    const copy = await create('Mail quota exceeded (again)');
    const other = await create('Mailbox slow');
    await links.link(agent, copy.id, { kind: 'duplicate', target: { id: original.id } });
    await links.link(agent, other.id, { kind: 'related', target: { id: original.id } });
    const seen = await links.list(agent, original.id);
    expect(seen.tickets).toEqual([
      { kind: 'duplicated_by', ticketId: copy.id, number: copy.number },
      { kind: 'related', ticketId: other.id, number: other.number },
    ]);
    await expect(links.list(agent, other.id)).resolves.toMatchObject({ tickets: [{ kind: 'related', ticketId: original.id }] });
  });

  it('refuses self links, missing targets, a second kind for a pair and parent cycles', async () => {
    const a = await create('Cycle A');
    const b = await create('Cycle B');
    const c = await create('Cycle C');
    await expect(links.link(agent, a.id, { kind: 'related', target: { id: a.id } })).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'link.targetTicketId' });
    await expect(links.link(agent, a.id, { kind: 'related', target: { number: 'T-999999999' } })).rejects.toMatchObject({
      code: 'INVALID_FIELD',
      message: 'link.targetTicketNumber: no ticket T-999999999 to link to',
    });
    await links.link(agent, a.id, { kind: 'parent', target: { id: b.id } });
    await links.link(agent, b.id, { kind: 'parent', target: { id: c.id } });
    await expect(links.link(agent, a.id, { kind: 'related', target: { id: b.id } })).rejects.toMatchObject({ code: 'LINK_CONFLICT' });
    await expect(links.link(agent, c.id, { kind: 'parent', target: { id: a.id } })).rejects.toMatchObject({ code: 'LINK_CYCLE' });
    await expect(links.link(agent, a.id, { kind: 'child', target: { id: c.id } })).rejects.toMatchObject({ code: 'LINK_CYCLE' });
    // Refused links leave no trace: a and c changed only for their one link each.
    await expect(tickets.get(agent, { id: a.id })).resolves.toMatchObject({ version: 2 });
    await expect(tickets.get(agent, { id: c.id })).resolves.toMatchObject({ version: 2 });
  });

  it('never closes a parent loop from two concurrent links on disjoint tickets', async () => {
    const [a, b, c, d] = [await create('Loop A'), await create('Loop B'), await create('Loop C'), await create('Loop D')];
    await links.link(agent, b.id, { kind: 'parent', target: { id: c.id } });
    await links.link(agent, d.id, { kind: 'parent', target: { id: a.id } });
    const results = await Promise.allSettled([
      links.link(agent, a.id, { kind: 'parent', target: { id: b.id } }),
      links.link(agent, c.id, { kind: 'parent', target: { id: d.id } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'LINK_CYCLE' } });
  });

  it('links external documents on the ticket itself, idempotently', async () => {
    const ticket = await create('Delivery incomplete');
    const order = { system: 'erp', kind: 'order', value: 'SO-2026-4711' };
    await links.link(agent, ticket.id, { kind: 'external', reference: order });
    const result = await links.link(agent, ticket.id, { kind: 'external', reference: { ...order } });
    expect(result).toEqual({ tickets: [], external: [order] });
    await expect(tickets.get(agent, { id: ticket.id })).resolves.toMatchObject({ version: 2, externalReferences: [order] });
    expect((await outbox(ticket.id)).at(-1)?.data.changes).toEqual([{ field: 'externalReferences', before: [], after: [order] }]);
  });

  it('shows a customer only its own tickets and only links to its own tickets', async () => {
    const own = await create('Own ticket', CUSTOMER_A);
    const ownOther = await create('Own other ticket', CUSTOMER_A);
    const foreign = await create('Foreign ticket', CUSTOMER_B);
    await links.link(agent, own.id, { kind: 'related', target: { id: ownOther.id } });
    await links.link(agent, own.id, { kind: 'related', target: { id: foreign.id } });
    await expect(links.list(agent, own.id)).resolves.toMatchObject({ tickets: [{ ticketId: ownOther.id }, { ticketId: foreign.id }] });
    await expect(links.list(customerA, own.id)).resolves.toEqual({ tickets: [{ kind: 'related', ticketId: ownOther.id, number: ownOther.number }], external: [] });
    await expect(links.list(customerA, foreign.id)).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
  });
});
