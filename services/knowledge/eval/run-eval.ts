// Evaluation of search quality: the scenarios' resolved tickets go through the real extraction
// (ticket.resolved.v1 handler, duplicate detection included) into a fresh database, then every
// query runs through the real Search; prints recall@5 and MRR@10.
// Run: `npm run eval -w @helpdesk/knowledge` (`-- --verbose` lists the misses).
import { randomUUID } from 'node:crypto';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { OutboxPublisher } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase } from '@helpdesk/testing';
import { resolved, ticketSnapshot } from '../test/support/ticket-events';
import { CaseLearningService } from '../src/cases/case-learning.service';
import { LiveBandIndex } from '../src/cases/band-index/live-band-index';
import { ticketEventHandlers } from '../src/cases/ticket-event.handlers';
import { extractiveOnly } from '../src/extraction/summariser';
import { knowledgeMigrations } from '../src/migrations/knowledge-migrations';
import { LiveSearchIndex } from '../src/search/impact-index/live-search-index';
import { PlanCandidates } from '../src/search/impact-index/plan-candidates';
import { SearchEngine, NO_FILTERS } from '../src/search/search-engine';
import { evaluate, type QueryOutcome } from './metrics';
import { GERMAN_FREQUENT, GERMAN_SCENARIOS } from './scenarios-de';
import { ENGLISH_SCENARIOS } from './scenarios-en';

const SCENARIOS = [...GERMAN_SCENARIOS, ...GERMAN_FREQUENT, ...ENGLISH_SCENARIOS];

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const db = await createTestDatabase('knowledge-eval');
  const dataSource = createDataSource({ url: db.url, entities: [], migrations: knowledgeMigrations, poolSize: 4 });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const engine = new SearchEngine();
    const learning = new CaseLearningService({ extractedVisibility: 'customer', duplicateSimilarity: 0.5 }, extractiveOnly, randomUUID, new LiveBandIndex());
    const onResolved = ticketEventHandlers({ learning, search: engine, suggestionLimit: 0, clock: () => new Date() }).find((h) => h.event.type === 'helpdesk.ticket.resolved.v1');
    if (!onResolved) throw new Error('no resolved handler');
    const publisher = new OutboxPublisher({ service: 'knowledge', events: EVENT_REGISTRY });

    const scenarioOfTicket = new Map<string, string>();
    let tickets = 0;
    for (const scenario of SCENARIOS) {
      for (const ticket of scenario.tickets) {
        const snapshot = ticketSnapshot({ summary: ticket.summary, category: scenario.category });
        scenarioOfTicket.set(snapshot.ticketId, scenario.key);
        const event = resolved(snapshot, { resolution: ticket.resolution, problem: ticket.problem, products: scenario.product ? [scenario.product] : [], language: scenario.language });
        await withTransaction(dataSource, (manager) =>
          onResolved.handle(event, { manager, outbox: publisher.in(manager), deliveryCount: 1, get: (type) => new type(manager) }),
        );
        tickets += 1;
      }
    }
    // Searched as the service does: through the in-memory index unless KNOWLEDGE_SEARCH_INDEX=off.
    const searchIndex = process.env['KNOWLEDGE_SEARCH_INDEX'] === 'off' ? null : new LiveSearchIndex();
    searchIndex?.start(dataSource);
    await searchIndex?.whenLoaded();
    const searching = searchIndex ? new SearchEngine(new PlanCandidates(searchIndex)) : engine;
    const articleScenarios = new Map<string, Set<string>>();
    for (const row of (await dataSource.query('SELECT id, source_ticket_ids FROM knowledge_articles')) as { id: string; source_ticket_ids: string[] }[]) {
      articleScenarios.set(row.id, new Set(row.source_ticket_ids.map((id) => scenarioOfTicket.get(id) ?? '?')));
    }

    const outcomes: QueryOutcome[] = [];
    for (const scenario of SCENARIOS) {
      const relevant = [...articleScenarios].filter(([, keys]) => keys.has(scenario.key)).map(([id]) => id);
      for (const { q, kind } of scenario.queries) {
        const { hits } = await searching.search(dataSource.manager, { kind: 'staff' }, q, NO_FILTERS, 10);
        outcomes.push({ query: q, kind, relevant, ranked: hits.map((h) => h.articleId), titles: hits.map((h) => h.title) });
      }
    }
    const report = evaluate(outcomes);
    console.log(`knowledge eval: ${tickets} resolved tickets → ${articleScenarios.size} articles; ${outcomes.length} queries`);
    for (const line of report.lines) console.log(line);
    if (verbose) for (const miss of report.misses) console.log(miss);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
