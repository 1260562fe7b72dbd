import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, findEventDefinition } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { TasksService } from '../tasks/tasks.service';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import type { RecordWorkInput } from './work-recording';
import { WorklogService } from './worklog.service';

const AGENT_ID = '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a';
const agent: Caller = { kind: 'staff', subject: AGENT_ID, roles: ['agent'] };
const CUSTOMER_A = '01890f0e-8c5a-7cc1-9a3e-00000000000a';
const CUSTOMER_B = '01890f0e-8c5a-7cc1-9a3e-00000000000b';
const customerA: Caller = { kind: 'customer', subject: 'anna@a.example', customerId: CUSTOMER_A, contactId: '01890f0e-8c5a-7cc1-9a3e-0000000000ca' };

const work: RecordWorkInput = {
  agentId: null,
  activityType: 'remote_support',
  startedAt: null,
  endedAt: null,
  durationMinutes: 35,
  billable: true,
  materials: [{ sku: 'LIC-VPN-5', description: 'VPN client licence', quantity: '1.5', unit: 'piece' }],
  note: 'Updated the VPN client.',
  taskId: null,
};

interface OutboxRow {
  type: string;
  envelope: { data: unknown; subject: string };
}

describe('WorklogService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let tasks: TasksService;
  let worklog: WorklogService;

  beforeAll(async () => {
    db = await createTestDatabase('worklog-service');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const settings = { numberPrefix: 'T-', categories: ['technical', 'other'], reopenWindowDays: 14 };
    const unit = new TicketUnitOfWork(dataSource, publisher, settings, () => now);
    tickets = new TicketsService(unit, settings);
    tasks = new TasksService(unit);
    worklog = new WorklogService(unit, { activityTypes: ['phone_support', 'remote_support', 'on_site'], maxMinutesPerEntry: 1440 });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const tick = (minutes = 1) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const newTicket = (customerId = CUSTOMER_A) => tickets.create(agent, { summary: 'VPN drops', channel: 'phone', category: 'technical', customerId });
  const outbox = async (ticketId: string): Promise<OutboxRow[]> =>
    (await dataSource.query(`SELECT type, envelope FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticketId])) as OutboxRow[];
  const historyKinds = async (ticketId: string) => (await tickets.history(agent, ticketId, { size: 100, token: '' })).items.map((e) => e.kind);
  const rawRow = async (entryId: string) => ((await dataSource.query(`SELECT to_jsonb(e) AS row FROM work_log_entries e WHERE id = $1`, [entryId])) as { row: unknown }[])[0]?.row;

  it('records work: the entry, the next ticket version, a contract-valid event and a history entry in one transaction', async () => {
    const ticket = await newTicket();
    tick();
    const entry = await worklog.record(agent, ticket.id, work);
    expect(entry).toMatchObject({ agentId: AGENT_ID, durationMinutes: 35, performedOn: now, materials: [{ quantity: '1.5' }] });
    await expect(tickets.get(agent, { id: ticket.id })).resolves.toMatchObject({ version: 2, updatedAt: now });
    const events = await outbox(ticket.id);
    expect(events.map((e) => e.type)).toEqual(['helpdesk.ticket.created.v1', 'helpdesk.ticket.worklog.recorded.v1']);
    const recorded = findEventDefinition('helpdesk.ticket.worklog.recorded.v1')?.schema.parse(events[1]?.envelope.data);
    expect(recorded).toMatchObject({ ticket: { version: 2 }, entry: { entryId: entry.id, durationMinutes: 35, performedOn: now.toISOString(), recordedBy: { kind: 'agent', id: AGENT_ID } } });
    expect(await historyKinds(ticket.id)).toEqual(['created', 'work_recorded']);
    const page = await worklog.list(agent, ticket.id, { size: 10, token: '' });
    expect(page.items).toEqual([{ ...entry, voided: false }]);
  });

  it('voids by appending: the original row stays byte for byte, the log marks it voided, and it cannot be voided twice', async () => {
    const ticket = await newTicket();
    const entry = await worklog.record(agent, ticket.id, work);
    const before = await rawRow(entry.id);
    tick();
    const voiding = await worklog.voidEntry(agent, ticket.id, { entryId: entry.id, reason: 'Booked on the wrong ticket.' });
    expect(voiding).toMatchObject({ kind: 'void', voidsEntryId: entry.id, reason: 'Booked on the wrong ticket.' });
    expect(await rawRow(entry.id)).toEqual(before);

    const lines = (await worklog.list(agent, ticket.id, { size: 10, token: '' })).items;
    expect(lines.map((l) => [l.kind, l.kind === 'work' ? l.voided : l.voidsEntryId])).toEqual([
      ['work', true],
      ['void', entry.id],
    ]);
    const events = await outbox(ticket.id);
    expect(events.map((e) => e.type).at(-1)).toBe('helpdesk.ticket.worklog.voided.v1');
    expect(findEventDefinition('helpdesk.ticket.worklog.voided.v1')?.schema.parse(events.at(-1)?.envelope.data)).toMatchObject({
      voidEntryId: voiding.id,
      voidedEntry: { entryId: entry.id },
      reason: 'Booked on the wrong ticket.',
      ticket: { version: 3 },
    });
    expect(await historyKinds(ticket.id)).toEqual(['created', 'work_recorded', 'work_voided']);

    await expect(worklog.voidEntry(agent, ticket.id, { entryId: entry.id, reason: 'again' })).rejects.toMatchObject({ code: 'WORK_ENTRY_ALREADY_VOIDED' });
    await expect(worklog.voidEntry(agent, ticket.id, { entryId: voiding.id, reason: 'undo' })).rejects.toMatchObject({ code: 'WORK_ENTRY_NOT_VOIDABLE' });
    await expect(dataSource.query(`UPDATE work_log_entries SET duration_minutes = 1 WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM work_log_entries WHERE id = $1`, [voiding.id])).rejects.toThrow(/append-only/);
    await expect(tickets.verifyHistory(agent, ticket.id)).resolves.toEqual({ ok: true, count: 3 });
  });

  it('lets exactly one of two concurrent voids of an entry win', async () => {
    const ticket = await newTicket();
    const entry = await worklog.record(agent, ticket.id, work);
    const results = await Promise.allSettled([1, 2].map((n) => worklog.voidEntry(agent, ticket.id, { entryId: entry.id, reason: `attempt ${n}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'WORK_ENTRY_ALREADY_VOIDED' } });
  });

  it('refuses unknown entries, tasks of other tickets, closed tickets; takes resolved ones', async () => {
    const ticket = await newTicket();
    const other = await newTicket();
    const foreignTask = await tasks.add(agent, other.id, { title: 'Elsewhere', description: '', assignee: null, dueAt: null, reminderLeadMinutes: null, appointment: null });
    const ownTask = await tasks.add(agent, ticket.id, { title: 'Here', description: '', assignee: null, dueAt: null, reminderLeadMinutes: null, appointment: null });
    await expect(worklog.record(agent, ticket.id, { ...work, taskId: foreignTask.id })).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'taskId' });
    await expect(worklog.record(agent, ticket.id, { ...work, taskId: ownTask.id })).resolves.toMatchObject({ taskId: ownTask.id });
    await expect(worklog.voidEntry(agent, ticket.id, { entryId: '01890f0e-8c5a-7cc1-9a3e-000000000000', reason: 'x' })).rejects.toMatchObject({ code: 'WORK_ENTRY_NOT_FOUND' });

    for (const to of ['open', 'in_progress'] as const) await tickets.changeStatus(agent, ticket.id, { to });
    await tickets.changeStatus(agent, ticket.id, { to: 'resolved', resolution: { text: 'Client updated' } });
    await expect(worklog.record(agent, ticket.id, work)).resolves.toMatchObject({ kind: 'work' });
    await tickets.changeStatus(agent, other.id, { to: 'cancelled', reason: 'duplicate' });
    await expect(worklog.record(agent, other.id, work)).rejects.toMatchObject({ code: 'TICKET_CLOSED' });
  });

  it('shows a customer only billable entries that stand on its own tickets, and lets it record nothing', async () => {
    const ticket = await newTicket();
    const billable = await worklog.record(agent, ticket.id, work);
    await worklog.record(agent, ticket.id, { ...work, billable: false, note: 'Goodwill' });
    const wrong = await worklog.record(agent, ticket.id, { ...work, note: 'Wrong' });
    await worklog.voidEntry(agent, ticket.id, { entryId: wrong.id, reason: 'Wrong ticket' });
    const seen = await worklog.list(customerA, ticket.id, { size: 10, token: '' });
    expect(seen.items).toEqual([{ ...billable, voided: false, recordedBy: null, taskId: null, callId: null }]);

    const foreign = await newTicket(CUSTOMER_B);
    await worklog.record(agent, foreign.id, work);
    await expect(worklog.list(customerA, foreign.id, { size: 10, token: '' })).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    await expect(worklog.record(customerA, ticket.id, work)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(worklog.voidEntry(customerA, ticket.id, { entryId: billable.id, reason: 'no' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('pages through the log oldest first without gaps or repeats', async () => {
    const ticket = await newTicket();
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await worklog.record(agent, ticket.id, { ...work, durationMinutes: i })).id);
    const seen: string[] = [];
    let token = '';
    do {
      const page = await worklog.list(agent, ticket.id, { size: 2, token });
      seen.push(...page.items.map((l) => l.id));
      token = page.nextToken;
    } while (token);
    expect(seen).toEqual(ids);
    await expect(worklog.list(agent, ticket.id, { size: 2, token: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_FIELD' });
  });
});
