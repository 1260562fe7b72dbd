import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { OutboxPublisher, uuidv7 } from '@helpdesk/messaging';
import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { createTicket } from './ticket-creation';
import { actorOf, TicketUnitOfWork } from './ticket-unit-of-work';
import { TicketsService } from './tickets.service';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const settings = { numberPrefix: 'T-', categories: ['technical', 'billing', 'other'], reopenWindowDays: 14 };

/** Creations under load share number draws and INSERT statements; each must still come out as if alone. */
describe('grouped ticket creation (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let work: TicketUnitOfWork;
  let service: TicketsService;

  beforeAll(async () => {
    db = await createTestDatabase('tickets-grouped-creation');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    work = new TicketUnitOfWork(dataSource, publisher, settings, () => new Date());
    service = new TicketsService(work, settings);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const count = async (sql: string, values: unknown[]): Promise<number> => Number(((await dataSource.query(sql, values)) as { n: string }[])[0]?.n);

  it('gives 100 concurrent creations distinct numbers, each its own row, history chain and created event', async () => {
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) => service.create(agent, {
        summary: `Ticket ${i}`,
        description: `Zeile 1\nÄnderung "${i}"`,
        channel: 'api',
        category: 'technical',
        tags: [`n${i}`],
        assetIds: [uuidv7()],
        dueAt: new Date(Date.UTC(2026, 11, 1, 9, 30, 0, i)),
        warningLeadMinutes: 30,
        externalReferences: [{ system: 'erp', kind: 'order', value: `A-${i}` }],
      })),
    );
    expect(new Set(created.map((t) => t.number)).size).toBe(100);
    expect(created.every((t) => /^T-1\d{5}$/.test(t.number))).toBe(true);
    const ids = created.map((t) => t.id);
    await expect(count(`SELECT count(*) AS n FROM tickets WHERE id = ANY($1::uuid[])`, [ids])).resolves.toBe(100);
    await expect(count(`SELECT count(*) AS n FROM outbox WHERE type = 'helpdesk.ticket.created.v1' AND (envelope->>'subject')::uuid = ANY($1::uuid[])`, [ids])).resolves.toBe(100);
    for (const ticket of created) {
      const stored = await service.get(agent, { id: ticket.id });
      // Every field as decided, whatever group the ticket was written in (rows go in as JSON).
      expect(stored).toEqual(ticket);
      await expect(service.verifyHistory(agent, ticket.id)).resolves.toEqual({ ok: true, count: 1 });
    }
  });

  it('fails only the creation that the database refuses when it was grouped with others', async () => {
    const actor = actorOf(agent);
    const decide = (number: string, summary: string) =>
      createTicket({ summary, channel: 'api', category: 'technical' }, { id: uuidv7(), number, now: new Date(), actor, policy: settings });
    const first = decide('T-900001', 'first');
    await work.insertAlone(first, actor);
    const duplicate = decide('T-900001', 'same number as first');
    const other = decide('T-900002', 'other');
    // The first two start a statement each at once (two run at a time); the last two wait for
    // them and go together in one statement, which the duplicate number makes fail as a whole.
    const outcomes = await Promise.allSettled(
      [decide('T-900003', 'a'), decide('T-900004', 'b'), duplicate, other].map((decision) => work.insertAlone(decision, actor)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/duplicate key/);
    await expect(count(`SELECT count(*) AS n FROM tickets WHERE id = $1`, [duplicate.ticket.id])).resolves.toBe(0);
    await expect(count(`SELECT count(*) AS n FROM outbox WHERE envelope->>'subject' = $1`, [duplicate.ticket.id])).resolves.toBe(0);
    await expect(count(`SELECT count(*) AS n FROM ticket_history WHERE ticket_id = $1`, [other.ticket.id])).resolves.toBe(1);
    await expect(service.get(agent, { number: 'T-900002' })).resolves.toMatchObject({ id: other.ticket.id, summary: 'other' });
  });
});
