import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, callEndedV1, type CallEndedV1, type CloudEvent } from '@helpdesk/contracts';
import { OutboxPublisher, uuidv7 } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { ContactsService } from '../directory/contacts/contacts.service';
import { DirectoryStore } from '../directory/directory-store';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import { onCallEnded } from './on-call-ended.handler';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };

describe('onCallEnded with the talk time as work and an attach window (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let publisher: OutboxPublisher;
  let now = new Date('2026-11-24T08:00:00.000Z');
  let tickets: TicketsService;
  let contacts: ContactsService;
  let deliver: (data: CallEndedV1) => Promise<void>;

  beforeAll(async () => {
    db = await createTestDatabase('inbound-call-work');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const policy = { categories: ['technical', 'other'], reopenWindowDays: 14 };
    const unit = new TicketUnitOfWork(dataSource, publisher, policy, () => now);
    tickets = new TicketsService(unit, { ...policy, numberPrefix: 'T-' });
    contacts = new ContactsService(new DirectoryStore(dataSource, publisher, { defaultCountry: 'DE', timeZone: 'Europe/Berlin' }, () => now));
    const handler = onCallEnded(
      {
        policy,
        numberPrefix: 'T-',
        attachmentMaxBytes: 1024,
        callbacks: { dueMinutes: 120, reminderLeadMinutes: 30 },
        autoAcknowledge: true,
        callAttachWindowHours: 72,
        callWork: { activityType: 'phone_support', rules: { activityTypes: ['phone_support'], maxMinutesPerEntry: 1440 } },
      },
      () => now,
    );
    deliver = (data) => {
      const event: CloudEvent<CallEndedV1> = { specversion: '1.0', id: uuidv7(), source: 'helpdesk/telephony-gateway', type: callEndedV1.type, subject: data.callId, time: now.toISOString(), datacontenttype: 'application/json', data };
      return withTransaction(dataSource, (manager) => handler.handle(event, { manager, outbox: publisher.in(manager), deliveryCount: 1, get: (type) => new type(manager) }));
    };
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const newContact = async () => {
    const input = { firstName: 'Erika', lastName: 'Muster', displayName: '', emails: [], phones: [{ number: '+4930123456', kind: undefined, primary: true }], language: null };
    return (await contacts.upsert(agent, { key: { kind: 'new' }, customer: { id: null, number: null }, contact: input, defaultCountry: null, active: true })).record.id;
  };
  const workOf = (callId: string) =>
    dataSource.query(`SELECT ticket_id, agent_id, activity_type, duration_minutes, started_at, billable FROM work_log_entries WHERE call_id = $1`, [callId]) as Promise<Record<string, unknown>[]>;

  it('books the talk time of an answered call as phone support of the agent who answered, once per call', async () => {
    const contactId = await newContact();
    const call: CallEndedV1 = { ...callEndedV1.example, callId: uuidv7(), contactId, customerId: null };
    await deliver(call);
    await deliver(call);
    const work = await workOf(call.callId);
    expect(work).toEqual([
      expect.objectContaining({ agent_id: call.agentId, activity_type: 'phone_support', duration_minutes: 9, started_at: new Date(call.answeredAt ?? ''), billable: true }),
    ]);
  });

  it('books a call shorter than half a minute as one minute, and nothing without an agent', async () => {
    const contactId = await newContact();
    const short: CallEndedV1 = { ...callEndedV1.example, callId: uuidv7(), contactId, customerId: null, talkSeconds: 20 };
    const unknownAgent: CallEndedV1 = { ...callEndedV1.example, callId: uuidv7(), contactId, customerId: null, agentId: null };
    await deliver(short);
    await deliver(unknownAgent);
    expect(await workOf(short.callId)).toEqual([expect.objectContaining({ duration_minutes: 1, started_at: null })]);
    expect(await workOf(unknownAgent.callId)).toEqual([]);
  });

  it('opens a new ticket when the caller\'s open ticket has not changed within the window', async () => {
    const contactId = await newContact();
    const stale = await tickets.create(agent, { summary: 'Old question', channel: 'email', category: 'technical', contactId });
    now = new Date(now.getTime() + 73 * 3_600_000);
    const call: CallEndedV1 = { ...callEndedV1.example, callId: uuidv7(), contactId, customerId: null };
    await deliver(call);
    const [work] = await workOf(call.callId);
    expect(work?.['ticket_id']).not.toBe(stale.id);
    now = new Date(now.getTime() + 60_000);
    const recent = await tickets.create(agent, { summary: 'New question', channel: 'email', category: 'technical', contactId });
    const next: CallEndedV1 = { ...callEndedV1.example, callId: uuidv7(), contactId, customerId: null };
    await deliver(next);
    expect((await workOf(next.callId))[0]?.['ticket_id']).toBe(recent.id);
  });
});
