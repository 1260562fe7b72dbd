import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, findEventDefinition } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { TicketUnitOfWork, applyTicketChange } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import type { NewTaskInput } from './task-creation';
import type { Task } from './task';
import { CALL_HANDLER_ACTOR, TasksService, callbackTaskChange, type CallbackRequest } from './tasks.service';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const CUSTOMER_A = '01890f0e-8c5a-7cc1-9a3e-00000000000a';
const CUSTOMER_B = '01890f0e-8c5a-7cc1-9a3e-00000000000b';
const customerA: Caller = { kind: 'customer', subject: 'anna@a.example', customerId: CUSTOMER_A, contactId: '01890f0e-8c5a-7cc1-9a3e-0000000000ca' };
const SUPPLIER_CONTACT = '01890f0e-8c5a-7cc1-9a3e-0000000000f1';
const CALL_ID = '01890f0e-8c5a-7cc1-9a3e-0000000000c1';

const task: NewTaskInput = {
  title: 'Order a replacement disk',
  description: 'Supplier needs the serial number.',
  assignee: { kind: 'supplier_contact', id: SUPPLIER_CONTACT },
  dueAt: new Date('2026-11-25T16:00:00.000Z'),
  reminderLeadMinutes: 60,
  appointment: null,
};
const visit: NewTaskInput = {
  ...task,
  title: 'Technician visit',
  assignee: null,
  appointment: { mode: 'on_site', startsAt: new Date('2026-11-26T09:00:00Z'), endsAt: new Date('2026-11-26T11:00:00Z'), location: 'Hauptstr. 1, Berlin', joinUrl: null },
};

interface OutboxRow {
  type: string;
  envelope: { data: unknown };
}

describe('TasksService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let tasks: TasksService;
  // What the call consumer does in its handler's transaction.
  let addCallback: (request: CallbackRequest) => Promise<Task>;

  beforeAll(async () => {
    db = await createTestDatabase('tasks-service');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const settings = { numberPrefix: 'T-', categories: ['technical', 'other'], reopenWindowDays: 14 };
    const unit = new TicketUnitOfWork(dataSource, publisher, settings, () => now);
    tickets = new TicketsService(unit, settings);
    tasks = new TasksService(unit);
    addCallback = (request) =>
      withTransaction(dataSource, (manager) =>
        applyTicketChange(manager, publisher.in(manager), callbackTaskChange(request, { callbacks: { dueMinutes: 120, reminderLeadMinutes: 30 }, policy: settings, now })),
      );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const tick = (minutes = 1) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const newTicket = (customerId = CUSTOMER_A) => tickets.create(agent, { summary: 'Disk failing', channel: 'phone', category: 'technical', customerId });
  const outbox = async (ticketId: string): Promise<OutboxRow[]> =>
    (await dataSource.query(`SELECT type, envelope FROM outbox WHERE envelope->>'subject' = $1 ORDER BY position`, [ticketId])) as OutboxRow[];
  const history = async (ticketId: string) => (await tickets.history(agent, ticketId, { size: 100, token: '' })).items;

  it('adds a task with its reminder time, bumps the version, writes a contract-valid event and a history entry', async () => {
    const ticket = await newTicket();
    tick();
    const added = await tasks.add(agent, ticket.id, task);
    expect(added).toMatchObject({ status: 'open', remindAt: new Date('2026-11-25T15:00:00.000Z'), assignee: { kind: 'supplier_contact' }, createdAt: now });
    await expect(tickets.get(agent, { id: ticket.id })).resolves.toMatchObject({ version: 2 });
    const [, created] = await outbox(ticket.id);
    expect(created?.type).toBe('helpdesk.ticket.task.created.v1');
    expect(findEventDefinition('helpdesk.ticket.task.created.v1')?.schema.parse(created?.envelope.data)).toMatchObject({
      task: { taskId: added.id, remindAt: '2026-11-25T15:00:00.000Z', assigneeKind: 'supplier_contact' },
      ticket: { version: 2 },
    });
    expect((await history(ticket.id)).map((e) => e.kind)).toEqual(['created', 'task_added']);
    await expect(tasks.list(agent, ticket.id)).resolves.toEqual([added]);
  });

  it('completes a task once: done with a note, then FAILED_PRECONDITION; unknown tasks are not found', async () => {
    const ticket = await newTicket();
    const added = await tasks.add(agent, ticket.id, task);
    tick();
    const done = await tasks.complete(agent, ticket.id, added.id, { status: 'done', note: 'Disk ordered.' });
    expect(done).toMatchObject({ status: 'done', completedAt: now, completionNote: 'Disk ordered.' });
    await expect(tasks.list(agent, ticket.id)).resolves.toEqual([done]);
    const events = await outbox(ticket.id);
    expect(events.at(-1)?.type).toBe('helpdesk.ticket.task.completed.v1');
    expect(findEventDefinition('helpdesk.ticket.task.completed.v1')?.schema.parse(events.at(-1)?.envelope.data)).toMatchObject({
      task: { taskId: added.id, status: 'done', completedAt: now.toISOString() },
      note: 'Disk ordered.',
    });
    const entries = await history(ticket.id);
    expect(entries.at(-1)).toMatchObject({ kind: 'task_completed', before: { status: 'open' }, after: { status: 'done', note: 'Disk ordered.' } });

    await expect(tasks.complete(agent, ticket.id, added.id, { status: 'cancelled', note: '' })).rejects.toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
    const other = await newTicket();
    await expect(tasks.complete(agent, other.id, added.id, { status: 'done', note: '' })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    await expect(tickets.verifyHistory(agent, ticket.id)).resolves.toEqual({ ok: true, count: 3 });
  });

  it('creates one callback task per missed call as the system actor, in the consumer\'s transaction', async () => {
    const ticket = await newTicket();
    const missedAt = new Date('2026-11-24T07:58:00.000Z');
    const callback = await addCallback({ ticketId: ticket.id, callId: CALL_ID, callbackNumber: '+4930123456', callerName: 'Max Mustermann', missedAt });
    expect(callback).toMatchObject({
      kind: 'callback',
      callId: CALL_ID,
      callbackNumber: '+4930123456',
      dueAt: new Date('2026-11-24T09:58:00.000Z'),
      remindAt: new Date('2026-11-24T09:28:00.000Z'),
      createdBy: CALL_HANDLER_ACTOR,
    });
    const again = await addCallback({ ticketId: ticket.id, callId: CALL_ID, callbackNumber: '+4930123456', callerName: null, missedAt });
    expect(again).toEqual(callback);
    await expect(tickets.get(agent, { id: ticket.id })).resolves.toMatchObject({ version: 2 });
    const created = (await outbox(ticket.id)).filter((e) => e.type === 'helpdesk.ticket.task.created.v1');
    expect(created).toHaveLength(1);
    expect(created[0]?.envelope.data).toMatchObject({ actor: CALL_HANDLER_ACTOR, task: { kind: 'callback', createdBy: CALL_HANDLER_ACTOR } });
    expect((await history(ticket.id)).map((e) => [e.kind, e.actor])).toEqual([
      ['created', expect.objectContaining({ kind: 'agent' })],
      ['task_added', CALL_HANDLER_ACTOR],
    ]);
  });

  it('shows a customer only the appointments on its own tickets, without internal detail, and lets it change nothing', async () => {
    const ticket = await newTicket();
    await tasks.add(agent, ticket.id, task);
    const appointment = await tasks.add(agent, ticket.id, visit);
    await expect(tasks.list(customerA, ticket.id)).resolves.toEqual([
      { ...appointment, description: '', remindAt: null, createdBy: null, completedBy: null, completionNote: '' },
    ]);
    const foreign = await newTicket(CUSTOMER_B);
    await tasks.add(agent, foreign.id, visit);
    await expect(tasks.list(customerA, foreign.id)).rejects.toMatchObject({ code: 'TICKET_NOT_FOUND' });
    await expect(tasks.add(customerA, ticket.id, visit)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(tasks.complete(customerA, ticket.id, appointment.id, { status: 'cancelled', note: 'cannot make it' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('refuses tasks on closed or cancelled tickets', async () => {
    const ticket = await newTicket();
    await tickets.changeStatus(agent, ticket.id, { to: 'cancelled', reason: 'spam' });
    await expect(tasks.add(agent, ticket.id, task)).rejects.toMatchObject({ code: 'TICKET_CLOSED' });
  });
});
