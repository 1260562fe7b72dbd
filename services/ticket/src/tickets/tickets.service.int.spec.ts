import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from '../migrations/ticket-migrations';
import type { TicketFilter } from './ticket-filter';
import { TicketUnitOfWork } from './ticket-unit-of-work';
import { TicketsService } from './tickets.service';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const CUSTOMER_A = '01890f0e-8c5a-7cc1-9a3e-00000000000a';
const CUSTOMER_B = '01890f0e-8c5a-7cc1-9a3e-00000000000b';
const CONTACT_A = '01890f0e-8c5a-7cc1-9a3e-0000000000ca';
const customerA: Caller = { kind: 'customer', subject: 'anna@a.example', customerId: CUSTOMER_A, contactId: CONTACT_A };

describe('TicketsService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let service: TicketsService;

  beforeAll(async () => {
    db = await createTestDatabase('tickets-service');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const settings = { numberPrefix: 'T-', categories: ['technical', 'billing', 'other'], reopenWindowDays: 14 };
    service = new TicketsService(new TicketUnitOfWork(dataSource, publisher, settings, () => now), settings);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const tick = (minutes = 1) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const outboxTypes = async (ticketId: string): Promise<string[]> =>
    ((await dataSource.query(`SELECT type FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticketId])) as { type: string }[]).map((r) => r.type);

  it('creates a numbered ticket and writes its event and first history entry in the same transaction', async () => {
    const ticket = await service.create(agent, { summary: 'Printer offline', channel: 'phone', category: 'technical', customerId: CUSTOMER_A });
    expect(ticket).toMatchObject({ number: expect.stringMatching(/^T-1\d{5}$/), version: 1, status: 'new', priority: 'normal' });
    expect(await outboxTypes(ticket.id)).toEqual(['helpdesk.ticket.created.v1']);
    const history = await service.history(agent, ticket.id, { size: 0, token: '' });
    expect(history.items.map((e) => [e.seq, e.kind])).toEqual([[1, 'created']]);
    await expect(service.get(agent, { number: ticket.number })).resolves.toMatchObject({ id: ticket.id });
  });

  it('walks the status machine, refuses forbidden transitions naming both states, and requires a resolution', async () => {
    const ticket = await service.create(agent, { summary: 'VPN drops', channel: 'email', category: 'technical' });
    tick();
    await service.changeStatus(agent, ticket.id, { to: 'open' });
    await service.changeStatus(agent, ticket.id, { to: 'in_progress' });
    await expect(service.changeStatus(agent, ticket.id, { to: 'new' })).rejects.toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      message: expect.stringMatching(/in_progress.*new/),
    });
    await expect(service.changeStatus(agent, ticket.id, { to: 'resolved' })).rejects.toMatchObject({ code: 'RESOLUTION_REQUIRED' });
    const resolved = await service.changeStatus(agent, ticket.id, { to: 'resolved', resolution: { text: 'Replaced the router firmware' } });
    expect(resolved).toMatchObject({ status: 'resolved', version: 4, resolution: { text: 'Replaced the router firmware' } });
    expect(await outboxTypes(ticket.id)).toEqual([
      'helpdesk.ticket.created.v1',
      'helpdesk.ticket.status.changed.v1',
      'helpdesk.ticket.status.changed.v1',
      'helpdesk.ticket.status.changed.v1',
      'helpdesk.ticket.resolved.v1',
    ]);
  });

  it('refuses a stale expected version and serialises concurrent changes with the row lock', async () => {
    const ticket = await service.create(agent, { summary: 'Concurrent', channel: 'api', category: 'other' });
    await expect(service.update(agent, ticket.id, { priority: 'high' }, 7)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const results = await Promise.all(['low', 'high', 'critical', 'normal'].map((p, i) => service.update(agent, ticket.id, { priority: p as 'low', summary: `Concurrent ${i}` })));
    expect(results.map((t) => t.version).sort()).toEqual([2, 3, 4, 5]);
    const history = await service.history(agent, ticket.id, { size: 100, token: '' });
    expect(history.items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    await expect(service.verifyHistory(agent, ticket.id)).resolves.toEqual({ ok: true, count: 5 });
  });

  it('lets a customer see and open only its own tickets; others are not found', async () => {
    const own = await service.create(customerA, { summary: 'Mine', channel: 'portal', category: 'other', customerId: CUSTOMER_B });
    expect(own).toMatchObject({ customerId: CUSTOMER_A, contactId: CONTACT_A });
    const foreign = await service.create(agent, { summary: 'Not yours', channel: 'phone', category: 'other', customerId: CUSTOMER_B });
    await expect(service.get(customerA, { id: foreign.id })).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    await expect(service.get(customerA, { number: foreign.number })).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    await expect(service.history(customerA, foreign.id, { size: 10, token: '' })).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    const page = await service.list(customerA, { sort: 'created_desc' }, { size: 100, token: '' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((t) => t.customerId === CUSTOMER_A)).toBe(true);
  });

  it('detects a history row altered directly in PostgreSQL and names the first broken entry', async () => {
    const ticket = await service.create(agent, { summary: 'Tamper target', channel: 'phone', category: 'other' });
    await service.update(agent, ticket.id, { priority: 'high' });
    await service.update(agent, ticket.id, { priority: 'critical' });
    await expect(service.verifyHistory(agent, ticket.id)).resolves.toEqual({ ok: true, count: 3 });
    await expect(dataSource.query(`UPDATE ticket_history SET after = '{}' WHERE ticket_id = $1 AND seq = 2`, [ticket.id])).rejects.toThrow(/append-only/);
    // A superuser can get past the trigger; the hash chain still tells.
    await dataSource.query(`ALTER TABLE ticket_history DISABLE TRIGGER ticket_history_append_only`);
    await dataSource.query(`UPDATE ticket_history SET after = jsonb_set(after, '{priority}', '"low"') WHERE ticket_id = $1 AND seq = 2`, [ticket.id]);
    await dataSource.query(`ALTER TABLE ticket_history ENABLE TRIGGER ticket_history_append_only`);
    await expect(service.verifyHistory(agent, ticket.id)).resolves.toEqual({ ok: false, brokenAt: 2, reason: 'hash_mismatch' });
  });

  describe('listing', () => {
    const tag = `list-${Date.now()}`;
    beforeAll(async () => {
      for (const [i, priority] of (['low', 'normal', 'high', 'critical', 'normal', 'high', 'low'] as const).entries()) {
        tick();
        const t = await service.create(agent, { summary: `List item ${i} printer`, channel: 'api', category: i % 2 ? 'billing' : 'technical', priority, tags: [tag] });
        if (i === 3) await service.changeStatus(agent, t.id, { to: 'cancelled', reason: 'duplicate' });
      }
    });

    const all = async (filter: TicketFilter, size: number) => {
      const seen: string[] = [];
      let token = '';
      do {
        const page = await service.list(agent, filter, { size, token });
        seen.push(...page.items.map((t) => t.summary));
        token = page.nextToken;
      } while (token);
      return seen;
    };

    it('filters by tag, status, priority and category, and pages without gaps or repeats', async () => {
      const everything = await all({ tag, sort: 'created_desc' }, 2);
      expect(everything).toEqual(['List item 6 printer', 'List item 5 printer', 'List item 4 printer', 'List item 3 printer', 'List item 2 printer', 'List item 1 printer', 'List item 0 printer']);
      expect(await all({ tag, statuses: ['cancelled'], sort: 'created_desc' }, 2)).toEqual(['List item 3 printer']);
      expect(await all({ tag, priorities: ['high'], categories: ['technical'], sort: 'created_desc' }, 5)).toEqual(['List item 2 printer']);
    });

    it('sorts by urgency: priority first among tickets without SLA light or due date, oldest first', async () => {
      const urgent = await all({ tag, statuses: ['new'], sort: 'urgency' }, 3);
      expect(urgent).toEqual(['List item 2 printer', 'List item 5 printer', 'List item 1 printer', 'List item 4 printer', 'List item 0 printer', 'List item 6 printer']);
    });

    it('searches summary and description in web-search syntax', async () => {
      expect(await all({ tag, text: '"item 4" OR "item 5"', sort: 'created_desc' }, 10)).toEqual(['List item 5 printer', 'List item 4 printer']);
      expect(await all({ tag, text: 'printer -5 -4 -3 -2 -1 -0', sort: 'created_desc' }, 10)).toEqual(['List item 6 printer']);
    });

    it('refuses a page token used with another filter', async () => {
      const first = await service.list(agent, { tag, sort: 'created_desc' }, { size: 2, token: '' });
      await expect(service.list(agent, { tag, sort: 'urgency' }, { size: 2, token: first.nextToken })).rejects.toMatchObject({ code: 'INVALID_FIELD' });
      await expect(service.list(agent, { tag, sort: 'created_desc' }, { size: 2, token: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_FIELD' });
    });
  });
});
