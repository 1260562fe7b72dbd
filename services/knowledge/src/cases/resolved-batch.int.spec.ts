import { EVENT_REGISTRY, ticketResolvedV1, type CloudEvent } from '@helpdesk/contracts';
import { OutboxPublisher, type EventHandlerDefinition } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { message, resolved, ticketSnapshot } from '../../test/support/ticket-events';
import { bucketedIds } from '../articles/article-ids';
import { ArticlesRepository } from '../articles/articles.repository';
import { extractiveOnly } from '../extraction/summariser';
import { knowledgeMigrations } from '../migrations/knowledge-migrations';
import { NO_FILTERS, SearchEngine } from '../search/search-engine';
import { CaseLearningService } from './case-learning.service';
import { LiveBandIndex } from './band-index/live-band-index';
import { ticketEventHandlers } from './ticket-event.handlers';
import { TrigramIndex, trigramsOf } from './trigram-similarity';

describe('resolved tickets learnt in a batch (real PostgreSQL, handleBatch in one transaction)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let handlers: Map<string, EventHandlerDefinition>;
  const publisher = new OutboxPublisher({ service: 'knowledge', events: EVENT_REGISTRY });
  const engine = new SearchEngine();

  beforeAll(async () => {
    db = await createTestDatabase('knowledge-resolved-batch');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: knowledgeMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    const learning = new CaseLearningService({ extractedVisibility: 'customer', duplicateSimilarity: 0.5 }, extractiveOnly, randomUUID, new LiveBandIndex());
    handlers = new Map(ticketEventHandlers({ learning, search: engine, suggestionLimit: 0, clock: () => new Date() }).map((h) => [h.event.type, h]));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const handlerOf = (type: string) => {
    const handler = handlers.get(type);
    if (!handler) throw new Error(`no handler for ${type}`);
    return handler;
  };
  const context = (manager: Parameters<Parameters<typeof withTransaction>[1]>[0]) => ({ manager, outbox: publisher.in(manager), deliveryCount: 1, get: <T,>(type: new (m: typeof manager) => T) => new type(manager) });
  const deliver = (event: CloudEvent) =>
    withTransaction(dataSource, async (manager) => {
      const handler = handlerOf(event.type);
      const parsed = { ...event, data: handler.event.schema.parse(event.data) };
      if (handler.appliesTo && !(await handler.appliesTo(parsed, manager))) return;
      await handler.handle(parsed, context(manager));
    });
  const deliverBatch = (events: readonly CloudEvent[]) =>
    withTransaction(dataSource, async (manager) => {
      const handler = handlerOf(ticketResolvedV1.type);
      if (!handler.handleBatch) throw new Error('the resolved handler has no batch form');
      await handler.handleBatch(events.map((event) => ({ ...event, data: handler.event.schema.parse(event.data) })), context(manager));
    });
  const articlesOf = (ticketId: string) => new ArticlesRepository(dataSource.manager).withSource(ticketId);

  it('joins near-identical cases (of the base and of the batch itself), keeps the rest apart, and never lets an internal note in', async () => {
    const printerText = { resolution: 'Die Trommel war verschmutzt. Trommel gereinigt, danach druckt der Drucker wieder sauber.', problem: 'Der Drucker im Lager druckt nur noch Streifen.', language: 'de' };
    const known = ticketSnapshot({ summary: 'Drucker im Lager druckt nur Streifen' });
    await deliver(resolved(known, printerText));
    const [knownArticle] = await articlesOf(known.ticketId);

    const printerAgain = ticketSnapshot({ summary: 'Drucker im Lager druckt nur Streifen' });
    const camera = ticketSnapshot({ summary: 'Teams camera stays black in meetings' });
    const cameraAgain = ticketSnapshot({ summary: 'Teams camera stays black in meetings' });
    const vpn = ticketSnapshot({ summary: 'VPN disconnects after standby' });
    const scanner = ticketSnapshot({ summary: 'Scanner sendet keine Mails' });
    await deliver(message(scanner, 'Hallo,\n\nder Scanner am Empfang sendet keine Mails mehr.\n\nViele Grüße\nMax'));
    await deliver(message(scanner, 'Internal: admin password is hunter2', { audience: 'internal', medium: 'note' }));
    const cameraText = { resolution: 'Camera privacy setting in Windows was off. Allowed apps to use the camera, restarted Teams.', language: 'en' };

    await deliverBatch([
      resolved(printerAgain, { ...printerText, problem: 'Unser Drucker im Lager druckt nur noch Streifen.' }),
      resolved(camera, { ...cameraText, problem: 'In every Teams meeting my camera stays black.' }),
      resolved(vpn, { resolution: 'Disabled power saving on the network adapter; the VPN now reconnects after standby.', problem: 'After standby the VPN is gone.', language: 'en' }),
      resolved(cameraAgain, { ...cameraText, problem: 'In every Teams meeting the camera stays black.' }),
      resolved(scanner, { resolution: 'SMTP-Relay im Scanner auf Port 587 mit STARTTLS umgestellt.' }),
    ]);

    expect(await articlesOf(printerAgain.ticketId)).toEqual([
      expect.objectContaining({ id: knownArticle?.id, sourceTicketIds: [known.ticketId, printerAgain.ticketId], mergeSuggestionTicketIds: [printerAgain.ticketId], needsReview: true }),
    ]);
    const [cameraArticle, ...moreCamera] = await articlesOf(camera.ticketId);
    expect(moreCamera).toEqual([]);
    expect(cameraArticle).toMatchObject({ status: 'draft', sourceTicketIds: [camera.ticketId, cameraAgain.ticketId], mergeSuggestionTicketIds: [cameraAgain.ticketId], needsReview: true });
    const [vpnArticle] = await articlesOf(vpn.ticketId);
    expect(vpnArticle).toMatchObject({ sourceTicketIds: [vpn.ticketId], needsReview: false, title: 'VPN disconnects after standby' });
    const [scannerArticle] = await articlesOf(scanner.ticketId);
    expect(scannerArticle).toMatchObject({ problem: 'der Scanner am Empfang sendet keine Mails mehr.', language: 'de' });
    expect(JSON.stringify(await articlesOf(scanner.ticketId))).not.toMatch(/hunter2/);

    // Every case is recorded and indexed; every new draft has its first revision.
    const cases = (await dataSource.query(
      `SELECT ticket_id, article_id, search_vector IS NOT NULL AS indexed FROM knowledge_cases WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id`,
      [[printerAgain, camera, cameraAgain, vpn, scanner].map((t) => t.ticketId)],
    )) as { article_id: string | null; indexed: boolean }[];
    expect(cases).toHaveLength(5);
    expect(cases.every((c) => c.article_id !== null && c.indexed)).toBe(true);
    const revisions = (await dataSource.query(`SELECT article_id FROM knowledge_article_revisions WHERE article_id = ANY($1::uuid[])`, [
      [cameraArticle?.id, vpnArticle?.id, scannerArticle?.id],
    ])) as unknown[];
    expect(revisions).toHaveLength(3);

    const { hits } = await engine.search(dataSource.manager, { kind: 'staff' }, 'camera black teams', NO_FILTERS, 5);
    expect(hits[0]?.articleId).toBe(cameraArticle?.id);
  });

  it('handles a ticket resolved again and a batch naming one ticket twice like single events: the untouched draft follows, then review', async () => {
    const ticket = ticketSnapshot({ summary: 'Outlook asks for the password again and again' });
    await deliverBatch([resolved(ticket, { resolution: 'Cleared the stored credentials.', problem: 'Outlook keeps asking for my password.', language: 'en' })]);
    const [draft] = await articlesOf(ticket.ticketId);
    const again = { ...ticket, version: 2 };
    await deliverBatch([
      resolved(again, { resolution: 'Removed the old Office credentials from the Windows credential manager.', problem: 'Outlook keeps asking for my password.', language: 'en' }),
      resolved({ ...ticket, version: 3 }, { resolution: 'Reset the Office sign-in, removed stale credentials.', problem: 'Outlook keeps asking for my password.', language: 'en' }),
    ]);
    const [after, ...others] = await articlesOf(ticket.ticketId);
    expect(others).toEqual([]);
    // The first re-resolution rewrote the untouched draft (revision 2); the second finds an edited article and asks for review.
    expect(after).toMatchObject({
      id: draft?.id,
      revision: 2,
      resolution: 'Removed the old Office credentials from the Windows credential manager.',
      needsReview: true,
      reviewReason: `source ticket ${ticket.number} was resolved again`,
    });
  });

  it('attaches a near-duplicate with small wording differences (German and English, single event and batch) found through the LSH bands', async () => {
    const vpn = ticketSnapshot({ summary: 'VPN trennt sich nach Standby' });
    await deliver(resolved(vpn, {
      problem: 'Nach dem Standby ist die VPN-Verbindung weg und baut sich nicht neu auf.',
      resolution: 'Energiesparmodus des Netzwerkadapters deaktiviert, danach verbindet sich das VPN nach dem Standby wieder automatisch.',
      language: 'de',
    }));
    const sharing = ticketSnapshot({ summary: 'Screen sharing in Teams shows only a black window' });
    await deliver(resolved(sharing, {
      problem: 'When I share my screen in Teams the others only see a black window.',
      resolution: 'Hardware acceleration in the Teams settings was on. Turned it off and restarted Teams, screen sharing works again.',
      language: 'en',
    }));
    const [vpnArticle] = await articlesOf(vpn.ticketId);
    const [sharingArticle] = await articlesOf(sharing.ticketId);

    const vpnAgain = ticketSnapshot({ summary: 'VPN trennt nach Standby' });
    await deliver(resolved(vpnAgain, {
      problem: 'Nach Standby ist die VPN Verbindung weg und kommt nicht wieder.',
      resolution: 'Energiesparmodus am Netzwerkadapter deaktiviert; jetzt verbindet sich das VPN nach Standby automatisch wieder.',
      language: 'de',
    }));
    const sharingAgain = ticketSnapshot({ summary: 'Teams screen sharing shows black window' });
    const unrelated = ticketSnapshot({ summary: 'Outlook calendar shows wrong time zone' });
    await deliverBatch([
      resolved(sharingAgain, {
        problem: 'The others only see a black window when I share my screen in Teams.',
        resolution: 'Turned off hardware acceleration in the Teams settings and restarted Teams; screen sharing works again.',
        language: 'en',
      }),
      resolved(unrelated, { problem: 'All meetings are shown one hour late.', resolution: 'Set the Windows time zone to Berlin and restarted Outlook.', language: 'en' }),
    ]);

    expect(await articlesOf(vpnAgain.ticketId)).toEqual([
      expect.objectContaining({ id: vpnArticle?.id, sourceTicketIds: [vpn.ticketId, vpnAgain.ticketId], mergeSuggestionTicketIds: [vpnAgain.ticketId], needsReview: true }),
    ]);
    expect(await articlesOf(sharingAgain.ticketId)).toEqual([
      expect.objectContaining({ id: sharingArticle?.id, sourceTicketIds: [sharing.ticketId, sharingAgain.ticketId], mergeSuggestionTicketIds: [sharingAgain.ticketId], needsReview: true }),
    ]);
    const [unrelatedArticle] = await articlesOf(unrelated.ticketId);
    expect(unrelatedArticle).toMatchObject({ sourceTicketIds: [unrelated.ticketId], needsReview: false });
  });

  it('finds the articles another process wrote after this one loaded its bands, with their edited texts', async () => {
    // A second process (replica): its bands are loaded before the article exists.
    const replicaBands = new LiveBandIndex();
    await replicaBands.candidates(dataSource.manager, []);
    const replica = new CaseLearningService({ extractedVisibility: 'customer', duplicateSimilarity: 0.5 }, extractiveOnly, randomUUID, replicaBands);
    const learnOnReplica = (event: ReturnType<typeof resolved>) => withTransaction(dataSource, (manager) => replica.learnBatch(manager, [event.data], new Date()));

    const first = ticketSnapshot({ summary: 'Badge reader at the side entrance ignores every card' });
    await deliver(resolved(first, { problem: 'The badge reader at the side entrance does not react to any card.', resolution: 'The reader lost its network settings after a power cut; restored them from the backup.', language: 'en' }));
    const [article] = await articlesOf(first.ticketId);
    const second = ticketSnapshot({ summary: 'Badge reader at side entrance ignores every card' });
    await learnOnReplica(resolved(second, { problem: 'The badge reader at the side entrance reacts to no card at all.', resolution: 'The reader lost its network settings after a power cut; restored them from the backup.', language: 'en' }));
    expect(await articlesOf(second.ticketId)).toEqual([expect.objectContaining({ id: article?.id })]);

    // An agent rewrites the article: a case like the new text joins it, on the replica too.
    if (!article) throw new Error('no article');
    const rewritten = { ...article, title: 'Garage gate opener remote stopped working', problem: 'The remote control of the garage gate does nothing any more.', resolution: 'Replaced the coin cell battery of the remote control and paired it with the gate again.' };
    await new ArticlesRepository(dataSource.manager).save(rewritten);
    const third = ticketSnapshot({ summary: 'Garage gate remote stopped working' });
    await learnOnReplica(resolved(third, { problem: 'The garage gate remote control does nothing any more.', resolution: 'Replaced the coin cell battery of the remote control and paired it with the gate again.', language: 'en' }));
    expect(await articlesOf(third.ticketId)).toEqual([expect.objectContaining({ id: article.id })]);
  });

  it('learns two batches at the same time (two consumers of one process) without deadlock, both attaching to one article', async () => {
    const known = ticketSnapshot({ summary: 'Kassenterminal druckt keine Belege' });
    const text = { problem: 'Das Kassenterminal druckt keine Belege mehr aus.', resolution: 'Thermopapier war falsch herum eingelegt. Rolle gedreht, Belege kommen wieder.', language: 'de' };
    await deliver(resolved(known, text));
    const [article] = await articlesOf(known.ticketId);
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) => resolved(ticketSnapshot({ summary: `Ticket ${i} ${randomUUID()}` }), { problem: `Problem ${randomUUID()}`, resolution: `Lösung ${randomUUID()}`, language: 'de' }));
    const again = [ticketSnapshot({ summary: 'Kassenterminal druckt keine Belege' }), ticketSnapshot({ summary: 'Kassenterminal druckt keine Belege' })];
    const first = [...batch(20), resolved(again[0] ?? known, text)];
    const second = [resolved(again[1] ?? known, text), ...batch(20)];
    await Promise.all([deliverBatch(first), deliverBatch(second)]);
    const [after] = await articlesOf(known.ticketId);
    expect(after?.id).toBe(article?.id);
    expect(new Set(after?.sourceTicketIds)).toEqual(new Set([known.ticketId, ...again.map((t) => t.ticketId)]));
    const learnt = (await dataSource.query(`SELECT count(*)::int AS n FROM knowledge_cases WHERE ticket_id = ANY($1::uuid[]) AND article_id IS NOT NULL`, [
      [...first, ...second].map((e) => e.subject),
    ])) as { n: number }[];
    expect(learnt[0]?.n).toBe(42);
    expect(ticketEventHandlers({ learning: new CaseLearningService({ extractedVisibility: 'customer', duplicateSimilarity: 0.5 }, extractiveOnly, randomUUID, new LiveBandIndex()), search: engine, suggestionLimit: 0, resolvedConsumers: 2, clock: () => new Date() })
      .filter((h) => h.event.type === ticketResolvedV1.type)).toHaveLength(2);
  });

  it('compares the cases of a batch with the same similarity as pg_trgm', async () => {
    const pairs = [
      ['Drucker im Lager druckt nur Streifen', 'Unser Drucker im Lager druckt nur noch Streifen!'],
      ['Teams camera stays black in meetings', 'In every Teams meeting my camera stays black.'],
      ['VPN-Verbindung bricht nach 10 Minuten ab', 'Die VPN Verbindung bricht ab'],
    ];
    for (const [a, b] of pairs) {
      const [row] = (await dataSource.query('SELECT similarity($1, $2) AS sim', [a, b])) as { sim: number }[];
      const index = new TrigramIndex();
      index.add(trigramsOf(a ?? ''));
      expect(index.best(trigramsOf(b ?? ''), () => true)?.similarity).toBeCloseTo(Number(row?.sim), 5);
    }
  });
  it('puts the new drafts of a run of ids into one search bucket, as the index predicates compute it', async () => {
    const learning = new CaseLearningService({ extractedVisibility: 'customer', duplicateSimilarity: 0.5 }, extractiveOnly, bucketedIds(randomUUID, 1_000, 11), new LiveBandIndex());
    const tickets = ['Outlook fragt ständig nach dem Kennwort', 'Kassensystem druckt keine Bons', 'Badge reader at the side entrance ignores cards'].map((summary) =>
      ticketSnapshot({ summary }),
    );
    await withTransaction(dataSource, (manager) =>
      learning.learnBatch(
        manager,
        tickets.map((ticket, i) => resolved(ticket, { resolution: `Lösung ${i}: ${ticket.summary} behoben, Dienst neu gestartet.`, language: 'de' }).data),
        new Date(),
      ),
    );
    const buckets = (await dataSource.query(
      `SELECT hashtext(a.id::text) & 15 AS bucket, count(*)::int AS articles FROM knowledge_articles a WHERE a.source_ticket_ids && $1::uuid[] GROUP BY 1`,
      [tickets.map((t) => t.ticketId)],
    )) as { bucket: number; articles: number }[];
    expect(buckets).toEqual([{ bucket: 11, articles: 3 }]);
  });
});
