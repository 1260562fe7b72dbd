import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY, knowledgeSuggestedV1, type CloudEvent, type KnowledgeSuggestedV1 } from '@helpdesk/contracts';
import { OutboxPublisher, uuidv7, type EventHandlerDefinition } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { MessagesService } from '../messages/messages.service';
import { ticketMigrations } from '../migrations/ticket-migrations';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import { KNOWLEDGE_ACTOR, onKnowledgeSuggested } from './on-knowledge-suggested.handler';

const agent: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9a', roles: ['agent'] };

describe('onKnowledgeSuggested (real PostgreSQL, handler called in its transaction)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let publisher: OutboxPublisher;
  let tickets: TicketsService;
  let messages: MessagesService;
  let handler: EventHandlerDefinition<typeof knowledgeSuggestedV1.schema>;
  const now = new Date('2026-11-24T08:00:00.000Z');

  beforeAll(async () => {
    db = await createTestDatabase('inbound-knowledge');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const policy = { categories: ['technical', 'other'], reopenWindowDays: 14 };
    const unit = new TicketUnitOfWork(dataSource, publisher, policy, () => now);
    tickets = new TicketsService(unit, { ...policy, numberPrefix: 'T-' });
    messages = new MessagesService(unit, { attachmentMaxBytes: 1024 * 1024 });
    handler = onKnowledgeSuggested({ policy, numberPrefix: 'T-', attachmentMaxBytes: 1024 * 1024, callbacks: { dueMinutes: 120, reminderLeadMinutes: 30 }, autoAcknowledge: true }, () => now);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const event = (data: KnowledgeSuggestedV1): CloudEvent<KnowledgeSuggestedV1> => ({
    specversion: '1.0', id: uuidv7(), source: 'helpdesk/knowledge', type: knowledgeSuggestedV1.type, subject: data.ticketId, time: now.toISOString(), datacontenttype: 'application/json', data,
  });
  const deliver = (e: CloudEvent<KnowledgeSuggestedV1>) =>
    withTransaction(dataSource, (manager) => handler.handle(e, { manager, outbox: publisher.in(manager), deliveryCount: 1, get: (type) => new type(manager) }));
  const suggestions = (ticketId: string): KnowledgeSuggestedV1 => ({
    ...knowledgeSuggestedV1.example,
    ticketId,
    suggestions: [
      { kind: 'article', articleId: '01936d00-0000-7abc-8def-0000000000a1', ticketId: null, title: 'VPN client reports error 809', snippet: 'Update the «client» to 5.2.', score: 0.91, visibility: 'customer' },
      { kind: 'ticket', articleId: null, ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e', title: 'T-100234: VPN 809 again', snippet: '', score: 0.5, visibility: 'internal' },
    ],
  });

  it('records the suggestions as one internal note (agents only) by the knowledge service', async () => {
    const ticket = await tickets.create(agent, { summary: 'VPN error 809', channel: 'email', category: 'technical' });
    await deliver(event(suggestions(ticket.id)));
    const [note, ...more] = (await messages.list(agent, ticket.id, { size: 10, token: '' })).items;
    expect(more).toEqual([]);
    expect(note).toMatchObject({ audience: 'internal', medium: 'note', author: KNOWLEDGE_ACTOR });
    expect(note?.text).toContain('1. VPN client reports error 809 — Article 01936d00-0000-7abc-8def-0000000000a1 (customer-visible), relevance 91 %');
    expect(note?.text).toContain('2. T-100234: VPN 809 again — Similar ticket 01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e, relevance 50 %');
  });

  it('ignores suggestions for a ticket it does not have, and an empty list', async () => {
    await expect(deliver(event(suggestions(uuidv7())))).resolves.toBeUndefined();
    const ticket = await tickets.create(agent, { summary: 'Nothing known', channel: 'email', category: 'technical' });
    const empty = event({ ...suggestions(ticket.id), suggestions: [] });
    expect(await handler.appliesTo?.(empty, dataSource.manager)).toBe(false);
    await deliver(empty);
    expect((await messages.list(agent, ticket.id, { size: 10, token: '' })).items).toEqual([]);
  });
});
