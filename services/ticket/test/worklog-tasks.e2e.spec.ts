import { status } from '@grpc/grpc-js';
import { ticketTaskCreatedV1, ticketWorklogRecordedV1, ticketWorklogVoidedV1 } from '@helpdesk/contracts';
import { readEvents } from '@helpdesk/testing';
import { startTicketApp, type TicketApp } from './support/ticket-app';

const CUSTOMER = '01890f0e-8c5a-7cc1-9a3e-00000000c201';
const OTHER_CUSTOMER = '01890f0e-8c5a-7cc1-9a3e-00000000c202';
const CONTACT = '01890f0e-8c5a-7cc1-9a3e-00000000d201';
const AGENT_ID = '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01';
const SUPPLIER_CONTACT = '01890f0e-8c5a-7cc1-9a3e-00000000e201';

interface Timestamp {
  seconds: string;
  nanos: number;
}
interface WorkEntryMessage {
  id: string;
  agentId: string;
  activityType: string;
  startTime: Timestamp | null;
  durationMinutes: number;
  billable: boolean;
  materials: { sku: string; quantity: string }[];
  note: string;
  taskId: string;
  recordedBy: { kind: string; id: string } | null;
  voided: boolean;
  voidsEntryId: string;
  voidReason: string;
}
interface TaskMessage {
  id: string;
  kind: string;
  title: string;
  description: string;
  status: string;
  assigneeKind: string;
  dueTime: Timestamp | null;
  remindTime: Timestamp | null;
  appointment: { mode: string; location: string } | null;
  createdBy: { kind: string } | null;
  completeTime: Timestamp | null;
}

const ts = (iso: string): Timestamp => ({ seconds: String(Date.parse(iso) / 1000), nanos: 0 });
const minutesAgo = (minutes: number): Timestamp => ({ seconds: String(Math.floor(Date.now() / 1000) - minutes * 60), nanos: 0 });

describe('work log and tasks over gRPC and NATS', () => {
  let app: TicketApp;
  let customer: string;
  beforeAll(async () => {
    app = await startTicketApp('worklog-tasks-e2e', { TICKET_ACTIVITY_TYPES: 'phone_support,remote_support,on_site', TICKET_WORK_MAX_MINUTES: '480' });
    customer = await app.customerToken(CUSTOMER, CONTACT);
  });
  afterAll(() => app.stop());

  const newTicket = async (customerId = CUSTOMER) =>
    (await app.tickets.call<{ ticket: { id: string } }>('CreateTicket', { summary: 'VPN drops', channel: 'TICKET_CHANNEL_PHONE', customerId }, app.tokens.agent)).ticket.id;
  const record = async (token: string, request: object) => (await app.tickets.call<{ entry: WorkEntryMessage }>('RecordWork', request, token)).entry;
  const listWork = async (token: string, ticketId: string) => (await app.tickets.call<{ entries: WorkEntryMessage[] }>('ListWork', { ticketId }, token)).entries;
  const addTask = async (token: string, request: object) => (await app.tickets.call<{ task: TaskMessage }>('AddTask', request, token)).task;
  const listTasks = async (token: string, ticketId: string) => (await app.tickets.call<{ tasks: TaskMessage[] }>('ListTasks', { ticketId }, token)).tasks;
  const work = (ticketId: string, extra: object = {}) => ({
    ticketId,
    activityType: 'remote_support',
    durationMinutes: 35,
    billable: true,
    materials: [{ sku: 'LIC-VPN-5', description: 'VPN client licence', quantity: '2.5', unit: 'piece' }],
    note: 'Updated the VPN client.',
    ...extra,
  });

  it('records and voids work for billing: entries, the voided mark and both events on NATS', async () => {
    const ticketId = await newTicket();
    const entry = await record(app.tokens.agent, work(ticketId, { durationMinutes: 0, startTime: minutesAgo(90), endTime: minutesAgo(45) }));
    expect(entry).toMatchObject({ agentId: AGENT_ID, durationMinutes: 45, billable: true, materials: [{ sku: 'LIC-VPN-5', quantity: '2.5' }], voided: false });
    expect(entry.recordedBy).toMatchObject({ kind: 'ACTOR_KIND_AGENT', id: AGENT_ID });

    const voiding = (await app.tickets.call<{ entry: WorkEntryMessage }>('VoidWork', { ticketId, entryId: entry.id, reason: 'Wrong ticket' }, app.tokens.agent)).entry;
    expect(voiding).toMatchObject({ voidsEntryId: entry.id, voidReason: 'Wrong ticket', durationMinutes: 0, agentId: '' });
    expect((await listWork(app.tokens.agent, ticketId)).map((e) => [e.id, e.voided])).toEqual([
      [entry.id, true],
      [voiding.id, false],
    ]);
    await expect(app.tickets.call('VoidWork', { ticketId, entryId: entry.id, reason: 'again' }, app.tokens.agent)).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
    });

    const stream = app.nats.naming.streamName('HELPDESK_TICKET');
    const [recorded] = await readEvents(app.nats.nc, { stream, subject: app.nats.naming.subject(ticketWorklogRecordedV1.type), count: 1 });
    expect(ticketWorklogRecordedV1.schema.parse(recorded?.event.data)).toMatchObject({ ticket: { ticketId, version: 2 }, entry: { entryId: entry.id, durationMinutes: 45 } });
    const [voided] = await readEvents(app.nats.nc, { stream, subject: app.nats.naming.subject(ticketWorklogVoidedV1.type), count: 1 });
    expect(ticketWorklogVoidedV1.schema.parse(voided?.event.data)).toMatchObject({ ticket: { version: 3 }, voidEntryId: voiding.id, voidedEntry: { entryId: entry.id } });
  });

  it('names the field of a request that breaks the work log rules', async () => {
    const ticketId = await newTicket();
    const refused = (request: object, token = app.tokens.agent) => expect(record(token, request)).rejects;
    await refused(work(ticketId, { activityType: 'gardening' })).toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^activityType: must be one of phone_support, remote_support, on_site/) });
    await refused(work(ticketId, { startTime: minutesAgo(60), endTime: minutesAgo(30) })).toMatchObject({ details: 'durationMinutes: must be empty when startTime and endTime are given' });
    await refused(work(ticketId, { durationMinutes: 481 })).toMatchObject({ details: 'durationMinutes: must be at most 480 minutes per entry (got 481)' });
    await refused(work(ticketId, { materials: [{ sku: 'X', quantity: '0', unit: 'piece', description: '' }] })).toMatchObject({ details: expect.stringMatching(/^materials\[0\]\.quantity: /) });
    await refused(work(ticketId, { taskId: 'nope' })).toMatchObject({ code: status.INVALID_ARGUMENT, details: 'taskId: must be a UUID' });
    await refused(work(ticketId), app.tokens.integration).toMatchObject({ details: 'agentId: must be set: the caller is not an agent with a directory id' });
    await expect(app.tickets.call('VoidWork', { ticketId, entryId: AGENT_ID, reason: '' }, app.tokens.agent)).rejects.toMatchObject({ details: 'reason: must not be empty: say why the entry is wrong' });
  });

  it('shows a customer the billable work that stands on its own tickets, and lets it record none', async () => {
    const ticketId = await newTicket();
    const billable = await record(app.tokens.agent, work(ticketId));
    await record(app.tokens.agent, work(ticketId, { billable: false, note: 'Goodwill' }));
    const seen = await listWork(customer, ticketId);
    expect(seen.map((e) => e.id)).toEqual([billable.id]);
    expect(seen[0]).toMatchObject({ note: 'Updated the VPN client.', recordedBy: null });
    await expect(record(customer, work(ticketId))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(listWork(customer, await newTicket(OTHER_CUSTOMER))).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('adds, lists and completes tasks; customers see only their appointments', async () => {
    const ticketId = await newTicket();
    const order = await addTask(app.tokens.agent, {
      ticketId,
      title: 'Order a replacement disk',
      description: 'Supplier needs the serial number.',
      assigneeKind: 'supplier_contact',
      assigneeId: SUPPLIER_CONTACT,
      dueTime: ts('2026-11-25T16:00:00Z'),
      reminderLeadMinutes: 45,
    });
    expect(order).toMatchObject({ kind: 'TASK_KIND_TASK', status: 'TASK_STATUS_OPEN', assigneeKind: 'supplier_contact', remindTime: ts('2026-11-25T15:15:00Z'), appointment: null });
    const visit = await addTask(app.tokens.agent, {
      ticketId,
      title: 'Technician visit',
      appointment: { mode: 'APPOINTMENT_MODE_ON_SITE', startTime: ts('2026-11-26T09:00:00Z'), endTime: ts('2026-11-26T11:00:00Z'), location: 'Hauptstr. 1' },
    });
    const [created] = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_TICKET'), subject: app.nats.naming.subject(ticketTaskCreatedV1.type), count: 1 });
    expect(ticketTaskCreatedV1.schema.parse(created?.event.data)).toMatchObject({ task: { taskId: order.id, assigneeId: SUPPLIER_CONTACT } });

    expect((await listTasks(app.tokens.agent, ticketId)).map((t) => t.id)).toEqual([order.id, visit.id]);
    expect(await listTasks(customer, ticketId)).toEqual([
      expect.objectContaining({ id: visit.id, title: 'Technician visit', appointment: expect.objectContaining({ mode: 'APPOINTMENT_MODE_ON_SITE', location: 'Hauptstr. 1' }), createdBy: null }),
    ]);

    const done = (await app.tickets.call<{ task: TaskMessage }>('CompleteTask', { ticketId, taskId: order.id, note: 'Ordered' }, app.tokens.agent)).task;
    expect(done).toMatchObject({ status: 'TASK_STATUS_DONE', completeTime: expect.objectContaining({ seconds: expect.any(String) }) });
    await expect(app.tickets.call('CompleteTask', { ticketId, taskId: order.id, status: 'TASK_STATUS_CANCELLED' }, app.tokens.agent)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    await expect(app.tickets.call('CompleteTask', { ticketId, taskId: visit.id, status: 'TASK_STATUS_OPEN' }, app.tokens.agent)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringMatching(/^status: must be one of TASK_STATUS_DONE, TASK_STATUS_CANCELLED/),
    });
    await expect(app.tickets.call('CompleteTask', { ticketId, taskId: visit.id }, customer)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(addTask(app.tokens.agent, { ticketId, title: 'Remind me', reminderLeadMinutes: 10 })).rejects.toMatchObject({ details: 'reminderLeadMinutes: needs a dueTime to count back from' });
  });
});
