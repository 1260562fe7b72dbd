import { EVENT_REGISTRY, type CloudEvent } from '@helpdesk/contracts';
import { OutboxPublisher, type EventHandlerDefinition } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { created, message, reopened, resolved, ticketSnapshot } from '../../test/support/ticket-events';
import { ArticlesRepository } from '../articles/articles.repository';
import { extractiveOnly } from '../extraction/summariser';
import { knowledgeMigrations } from '../migrations/knowledge-migrations';
import { SearchEngine } from '../search/search-engine';
import { CaseLearningService } from './case-learning.service';
import { LiveBandIndex } from './band-index/live-band-index';
import { ticketEventHandlers } from './ticket-event.handlers';

describe('ticket event handlers (real PostgreSQL, handlers called in their transaction)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let handlers: Map<string, EventHandlerDefinition>;
  const publisher = new OutboxPublisher({ service: 'knowledge', events: EVENT_REGISTRY });
  const engine = new SearchEngine();

  beforeAll(async () => {
    db = await createTestDatabase('knowledge-handlers');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: knowledgeMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const learning = new CaseLearningService({ extractedVisibility: 'customer', duplicateSimilarity: 0.5 }, extractiveOnly, randomUUID, new LiveBandIndex());
    handlers = new Map(ticketEventHandlers({ learning, search: engine, suggestionLimit: 5, clock: () => new Date() }).map((h) => [h.event.type, h]));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const deliver = (event: CloudEvent) =>
    withTransaction(dataSource, async (manager) => {
      const handler = handlers.get(event.type);
      if (!handler) throw new Error(`no handler for ${event.type}`);
      const parsed = { ...event, data: handler.event.schema.parse(event.data) };
      if (handler.appliesTo && !(await handler.appliesTo(parsed, manager))) return;
      await handler.handle(parsed, { manager, outbox: publisher.in(manager), deliveryCount: 1, get: (type) => new type(manager) });
    });
  const articlesOf = async (ticketId: string) => new ArticlesRepository(dataSource.manager).withSource(ticketId);

  it('never lets an internal or supplier note reach the article, even as the only message', async () => {
    const ticket = ticketSnapshot({ summary: 'Phone rings but no sound' });
    await deliver(created(ticket, ''));
    await deliver(message(ticket, 'Internal: customer is on the old firmware, password is hunter2', { audience: 'internal', medium: 'note' }));
    await deliver(message(ticket, 'Supplier says RMA 4711 approved', { audience: 'supplier' }));
    await deliver(message(ticket, 'Please check the desk phone', { audience: 'internal', direction: 'outbound', medium: 'note' }));
    await deliver(resolved(ticket, { resolution: 'Updated the desk phone firmware to 3.2.', language: 'en' }));
    const [article] = await articlesOf(ticket.ticketId);
    expect(article).toMatchObject({ title: 'Phone rings but no sound', problem: 'Phone rings but no sound', resolution: 'Updated the desk phone firmware to 3.2.' });
    expect(JSON.stringify(article)).not.toMatch(/hunter2|RMA|old firmware|check the desk phone/);
    const stored = (await dataSource.query('SELECT text FROM knowledge_case_messages WHERE ticket_id = $1', [ticket.ticketId])) as unknown[];
    expect(stored).toEqual([]);
  });

  it('uses the first customer message and the last agent reply when the event names none', async () => {
    const ticket = ticketSnapshot({ summary: 'RE: Drucker druckt nur leere Seiten' });
    await deliver(message(ticket, 'Hallo,\n\nunser Drucker druckt nur noch leere Seiten.\n\nMit freundlichen Grüßen\nMax\n\n> alter Text'));
    await deliver(message(ticket, 'Guten Tag,\n\nbitte den Toner schütteln und neu einsetzen.\n\nViele Grüße\nAnna', { direction: 'outbound' }));
    await deliver(resolved(ticket, { resolution: 'Toner war falsch eingesetzt.' }));
    const [article] = await articlesOf(ticket.ticketId);
    expect(article).toMatchObject({
      title: 'Drucker druckt nur leere Seiten',
      problem: 'unser Drucker druckt nur noch leere Seiten.',
      resolution: 'Toner war falsch eingesetzt.\n\nbitte den Toner schütteln und neu einsetzen.',
      language: 'de',
    });
  });

  it('attaches a near-identical case to the article as a merge suggestion, and a redelivered resolution changes nothing', async () => {
    const resolution = 'Der Akku des Notebooks war tiefentladen. Netzteil 30 Minuten angeschlossen lassen, dann startet das Gerät wieder.';
    const first = ticketSnapshot({ summary: 'Notebook startet nicht mehr, keine LED leuchtet' });
    const second = ticketSnapshot({ summary: 'Notebook startet nicht mehr, keine LED leuchtet' });
    await deliver(resolved(first, { resolution, problem: 'Unser Notebook startet nicht mehr, es leuchtet keine LED.' }));
    await deliver(resolved(second, { resolution, problem: 'Das Notebook startet nicht mehr, keine LED leuchtet.' }));
    const [article, ...others] = await articlesOf(first.ticketId);
    expect(others).toEqual([]);
    expect(article).toMatchObject({ sourceTicketIds: [first.ticketId, second.ticketId], mergeSuggestionTicketIds: [second.ticketId], needsReview: true });
  });

  it('marks the article of a reopened ticket for review', async () => {
    const ticket = ticketSnapshot({ summary: 'VPN bricht nach 10 Minuten ab' });
    await deliver(resolved(ticket, { resolution: 'Idle-Timeout am Gateway auf 8 Stunden erhöht.', problem: 'Die VPN-Verbindung bricht nach 10 Minuten ab.' }));
    await deliver(reopened({ ...ticket, version: 2 }, 'passiert wieder'));
    const [article] = await articlesOf(ticket.ticketId);
    expect(article).toMatchObject({ needsReview: true, reviewReason: `source ticket ${ticket.number} was reopened: passiert wieder` });
  });
});
