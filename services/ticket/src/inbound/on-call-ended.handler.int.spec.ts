import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, callEndedV1, ticketCreatedV1, type CallEndedV1, type CloudEvent } from '@helpdesk/contracts';
import { OutboxPublisher, uuidv7, type EventHandlerDefinition } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ContactsService } from '../directory/contacts/contacts.service';
import { DirectoryStore } from '../directory/directory-store';
import { MessagesService } from '../messages/messages.service';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { CALL_HANDLER_ACTOR, TasksService } from '../tasks/tasks.service';
import type { Ticket } from '../tickets/ticket';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import { onCallEnded } from './on-call-ended.handler';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };
const example = callEndedV1.example;

describe('onCallEnded (real PostgreSQL, handler called in its transaction)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let publisher: OutboxPublisher;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let messages: MessagesService;
  let tasks: TasksService;
  let contacts: ContactsService;
  let handler: EventHandlerDefinition<typeof callEndedV1.schema>;

  beforeAll(async () => {
    db = await createTestDatabase('inbound-call');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 6 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const policy = { categories: ['technical', 'other'], reopenWindowDays: 14 };
    const unit = new TicketUnitOfWork(dataSource, publisher, policy, () => now);
    tickets = new TicketsService(unit, { ...policy, numberPrefix: 'T-' });
    messages = new MessagesService(unit, { attachmentMaxBytes: 1024 * 1024 });
    tasks = new TasksService(unit);
    contacts = new ContactsService(new DirectoryStore(dataSource, publisher, { defaultCountry: 'DE', timeZone: 'Europe/Berlin' }, () => now));
    handler = onCallEnded({ policy, numberPrefix: 'T-', attachmentMaxBytes: 1024 * 1024, callbacks: { dueMinutes: 120, reminderLeadMinutes: 30 }, autoAcknowledge: true }, () => now);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const tick = (minutes = 1) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const deliver = (data: CallEndedV1) => {
    const event: CloudEvent<CallEndedV1> = { specversion: '1.0', id: uuidv7(), source: 'helpdesk/telephony-gateway', type: callEndedV1.type, subject: data.callId, time: now.toISOString(), datacontenttype: 'application/json', data };
    return withTransaction(dataSource, (manager) => handler.handle(event, { manager, outbox: publisher.in(manager), deliveryCount: 1, get: (type) => new type(manager) }));
  };
  const newContact = async () => {
    const input = { firstName: 'Max', lastName: 'Mustermann', displayName: '', emails: [], phones: [{ number: '+4930123456', kind: undefined, primary: true }], language: null };
    return (await contacts.upsert(agent, { key: { kind: 'new' }, customer: { id: null, number: null }, contact: input, defaultCountry: null, active: true })).record.id;
  };
  const answered = (contactId: string | null, over: Partial<CallEndedV1> = {}): CallEndedV1 => ({ ...example, callId: uuidv7(), contactId, customerId: null, ...over });
  const missed = (contactId: string | null, over: Partial<CallEndedV1> = {}) =>
    answered(contactId, { outcome: 'missed', answeredAt: null, talkSeconds: 0, extension: null, agentId: null, pbxCause: 'noAnswer', ...over });
  const openTicket = async (contactId: string) => {
    tick();
    return tickets.create(agent, { summary: 'Printer', channel: 'email', category: 'technical', contactId });
  };
  const ticketsOfContact = async (contactId: string): Promise<readonly Ticket[]> =>
    (await tickets.list(agent, { contactId, sort: 'created_desc' }, { size: 100, token: '' })).items;
  const log = async (ticketId: string) => (await messages.list(agent, ticketId, { size: 100, token: '' })).items;
  const ticketIdsOfCall = async (callId: string) => {
    const rows = (await dataSource.query(
      `SELECT ticket_id FROM ticket_messages WHERE call_id = $1 UNION ALL SELECT ticket_id FROM ticket_tasks WHERE call_id = $1`,
      [callId],
    )) as { ticket_id: string }[];
    return rows.map((row) => row.ticket_id);
  };

  it('records an answered call as a customer phone message on the caller\'s most recently changed open ticket, once per call', async () => {
    const contactId = await newContact();
    const older = await openTicket(contactId);
    const newer = await openTicket(contactId);
    const closed = await openTicket(contactId);
    await tickets.changeStatus(agent, closed.id, { to: 'cancelled' });
    tick();
    await tickets.update(agent, older.id, { priority: 'high' });
    const call = answered(contactId);
    await deliver(call);
    await deliver(call);
    expect(await ticketIdsOfCall(call.callId)).toEqual([older.id]);
    const [message] = await log(older.id);
    expect(message).toMatchObject({ audience: 'customer', medium: 'phone', direction: 'inbound', callId: call.callId, author: CALL_HANDLER_ACTOR });
    expect(message?.text).toContain('talk time 8 min 35 s');
    expect(await log(newer.id)).toEqual([]);
    const history = (await tickets.history(agent, older.id, { size: 100, token: '' })).items;
    expect(history.at(-1)).toMatchObject({ kind: 'message_added', actor: CALL_HANDLER_ACTOR });
  });

  it('opens a phone ticket for a caller without an open ticket, assigned to the agent who answered', async () => {
    const contactId = await newContact();
    const call = answered(contactId, { direction: 'outbound' });
    await deliver(call);
    const [ticketId] = await ticketIdsOfCall(call.callId);
    const ticket = await tickets.get(agent, { id: ticketId ?? '' });
    expect(ticket).toMatchObject({ channel: 'phone', category: 'other', status: 'new', contactId, assigneeId: example.agentId, summary: 'Call to Max Mustermann' });
    expect((await log(ticket.id)).map((m) => [m.medium, m.direction])).toEqual([['phone', 'outbound']]);
    const [created] = (await dataSource.query(`SELECT envelope FROM outbox WHERE type = $1 AND envelope->>'subject' = $2`, [ticketCreatedV1.type, ticket.id])) as { envelope: { data: unknown } }[];
    expect(ticketCreatedV1.schema.parse(created?.envelope.data)).toMatchObject({ callId: call.callId, actor: CALL_HANDLER_ACTOR });
  });

  it('records the call on the ticket an integration named, even when the caller has another open ticket', async () => {
    const contactId = await newContact();
    const named = await openTicket(contactId);
    await openTicket(contactId);
    const call = answered(contactId, { ticketId: named.id });
    await deliver(call);
    expect(await ticketIdsOfCall(call.callId)).toEqual([named.id]);
  });

  it('asks for one callback per missed call on the caller\'s open ticket, or on a new ticket', async () => {
    const contactId = await newContact();
    const open = await openTicket(contactId);
    const call = missed(contactId);
    await deliver(call);
    await deliver(call);
    const [callback, ...more] = await tasks.list(agent, open.id);
    expect(more).toEqual([]);
    expect(callback).toMatchObject({ kind: 'callback', callId: call.callId, callbackNumber: '+4930123456', title: 'Call back Max Mustermann' });
    expect(await log(open.id)).toEqual([]);

    const stranger = missed(null, { from: '+4940555123', fromRaw: '040555123' });
    await deliver(stranger);
    await deliver(stranger);
    const ids = await ticketIdsOfCall(stranger.callId);
    expect(ids).toHaveLength(1);
    expect(await tickets.get(agent, { id: ids[0] ?? '' })).toMatchObject({ channel: 'phone', summary: 'Missed call from +4940555123', contactId: null, assigneeId: null });
    expect(await tasks.list(agent, ids[0] ?? '')).toMatchObject([{ kind: 'callback', callbackNumber: '+4940555123', title: 'Call back +4940555123' }]);
  });

  it('changes nothing for failed, forwarded and unanswered outbound calls, or a missed call with no one to call back', async () => {
    const contactId = await newContact();
    const calls = [
      missed(contactId, { outcome: 'failed' }),
      missed(contactId, { outcome: 'forwarded', forwardedTo: '+4940999000' }),
      missed(contactId, { direction: 'outbound' }),
      missed(null, { from: null, fromRaw: '' }),
    ];
    for (const call of calls) await deliver(call);
    expect(await ticketsOfContact(contactId)).toEqual([]);
    for (const call of calls) expect(await ticketIdsOfCall(call.callId)).toEqual([]);
  });

  it('puts two calls of one caller arriving at once on one new ticket', async () => {
    const contactId = await newContact();
    const [first, second] = [answered(contactId), missed(contactId)];
    await Promise.all([deliver(first), deliver(second)]);
    const mine = await ticketsOfContact(contactId);
    expect(mine).toHaveLength(1);
    expect([...(await ticketIdsOfCall(first.callId)), ...(await ticketIdsOfCall(second.callId))]).toEqual([mine[0]?.id, mine[0]?.id]);
  });
});
