import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { LinksService } from '../links/links.service';
import { MessagesService } from '../messages/messages.service';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { TasksService } from '../tasks/tasks.service';
import type { Ticket } from '../tickets/ticket';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import { WorklogService } from '../worklog/worklog.service';
import { MergesService } from './merges.service';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const CUSTOMER_A = '01890f0e-8c5a-7cc1-9a3e-00000000000a';
const CUSTOMER_B = '01890f0e-8c5a-7cc1-9a3e-00000000000b';

describe('MergesService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let messages: MessagesService;
  let worklog: WorklogService;
  let tasks: TasksService;
  let links: LinksService;
  let merges: MergesService;

  beforeAll(async () => {
    db = await createTestDatabase('ticket-merges');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const settings = { numberPrefix: 'T-', categories: ['technical', 'other'], reopenWindowDays: 14 };
    const work = new TicketUnitOfWork(dataSource, publisher, settings, () => now);
    tickets = new TicketsService(work, settings);
    messages = new MessagesService(work, { attachmentMaxBytes: 1024 * 1024 });
    worklog = new WorklogService(work, { activityTypes: ['phone_support'], maxMinutesPerEntry: 600 });
    tasks = new TasksService(work);
    links = new LinksService(work, publisher);
    merges = new MergesService(work, publisher);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const create = (summary: string, customerId: string | null = CUSTOMER_A): Promise<Ticket> => {
    now = new Date(now.getTime() + 60_000);
    return tickets.create(agent, { summary, channel: 'email', category: 'technical', customerId });
  };
  const note = (ticketId: string, text: string) =>
    messages.add(agent, ticketId, { audience: 'internal', medium: 'note', direction: 'inbound', from: null, to: [], cc: [], subject: null, text, html: null, attachments: [], inReplyToMessageId: null });
  const record = (ticketId: string, taskId: string | null) =>
    worklog.record(agent, ticketId, { agentId: null, activityType: 'phone_support', startedAt: null, endedAt: null, durationMinutes: 15, billable: true, materials: [], note: '', taskId });
  const rowsOn = async (ticketId: string) =>
    (await dataSource.query(
      `SELECT (SELECT count(*) FROM ticket_messages WHERE ticket_id = $1)::int AS messages,
              (SELECT count(*) FROM work_log_entries WHERE ticket_id = $1)::int AS work,
              (SELECT count(*) FROM ticket_tasks WHERE ticket_id = $1)::int AS tasks`,
      [ticketId],
    )) as { messages: number; work: number; tasks: number }[];
  const outboxTypes = async (ticketId: string) =>
    ((await dataSource.query(`SELECT type FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticketId])) as { type: string }[]).map((r) => r.type);

  it('moves messages, work (with its task and voiding entry) and tasks, cancels the source and records both sides', async () => {
    const source = await create('VPN down (first report)');
    const target = await create('VPN down');
    const [m1, m2] = [await note(source.id, 'Customer called'), await note(source.id, 'Logs received')];
    await note(target.id, 'Investigating');
    const task = await tasks.add(agent, source.id, { title: 'Call back', description: '', assignee: null, dueAt: null, reminderLeadMinutes: null, appointment: null });
    const withTask = await record(source.id, task.id);
    const wrong = await record(source.id, null);
    await worklog.voidEntry(agent, source.id, { entryId: wrong.id, reason: 'booked twice' });

    const [sourceBefore, targetBefore] = [await tickets.get(agent, { id: source.id }), await tickets.get(agent, { id: target.id })];
    const { source: merged, target: receiver } = await merges.merge(agent, source.id, target.id, 'Same outage');
    expect(merged).toMatchObject({ status: 'cancelled', version: sourceBefore.version + 1 });
    expect(receiver).toMatchObject({ status: 'new', version: targetBefore.version + 1 });
    expect(await rowsOn(source.id)).toEqual([{ messages: 0, work: 0, tasks: 0 }]);
    expect(await rowsOn(target.id)).toEqual([{ messages: 3, work: 3, tasks: 1 }]);

    expect((await outboxTypes(source.id)).at(-1)).toBe('helpdesk.ticket.status.changed.v1');
    expect((await outboxTypes(target.id)).at(-1)).toBe('helpdesk.ticket.merged.v1');
    const [event] = (await dataSource.query(`SELECT envelope->'data' AS data FROM outbox WHERE type = 'helpdesk.ticket.merged.v1' AND envelope->>'subject' = $1`, [target.id])) as {
      data: { messageIds: string[]; workEntryIds: string[]; taskIds: string[]; source: { status: string }; reason: string };
    }[];
    expect(event?.data).toMatchObject({ messageIds: [m1.id, m2.id], taskIds: [task.id], source: { status: 'cancelled' }, reason: 'Same outage' });
    expect(event?.data.workEntryIds.slice(0, 2)).toEqual([withTask.id, wrong.id]);

    for (const id of [source.id, target.id]) {
      const history = await tickets.history(agent, id, { size: 100, token: '' });
      expect(history.items.at(-1)?.kind).toBe('merged');
      await expect(tickets.verifyHistory(agent, id)).resolves.toMatchObject({ ok: true });
    }
    await expect(links.list(agent, source.id)).resolves.toMatchObject({ tickets: [{ kind: 'duplicate', ticketId: target.id }] });
    await expect(links.list(agent, target.id)).resolves.toMatchObject({ tickets: [{ kind: 'duplicated_by', ticketId: source.id }] });
  });

  it('refuses merging into itself, across customers, into a cancelled ticket and a ticket twice', async () => {
    const a = await create('A');
    const b = await create('B', CUSTOMER_B);
    const c = await create('C');
    await expect(merges.merge(agent, a.id, a.id, null)).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'targetTicketId' });
    await expect(merges.merge(agent, a.id, b.id, null)).rejects.toMatchObject({ code: 'INVALID_FIELD', message: expect.stringContaining('another customer') });
    await expect(merges.merge(agent, a.id, '01890f0e-8c5a-7cc1-9a3e-0000000000ff', null)).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    await merges.merge(agent, a.id, c.id, null);
    await expect(merges.merge(agent, a.id, c.id, null)).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    await expect(merges.merge(agent, c.id, a.id, null)).rejects.toMatchObject({ code: 'TICKET_CLOSED' });
  });

  it('rolls everything back when the source cannot be cancelled', async () => {
    const source = await create('Resolved already');
    const target = await create('Target');
    await note(source.id, 'Fixed it');
    await tickets.changeStatus(agent, source.id, { to: 'in_progress' });
    await tickets.changeStatus(agent, source.id, { to: 'resolved', resolution: { text: 'Restarted the service' } });
    await expect(merges.merge(agent, source.id, target.id, null)).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(await rowsOn(source.id)).toEqual([{ messages: 1, work: 0, tasks: 0 }]);
    await expect(tickets.get(agent, { id: target.id })).resolves.toMatchObject({ version: 1 });
  });
});
