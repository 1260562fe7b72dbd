import { randomUUID } from 'node:crypto';
import { ticketResolvedV1, type CloudEvent, type TicketResolvedV1 } from '@helpdesk/contracts';
import { jetstream } from '@nats-io/jetstream';
import { Client as PgClient } from 'pg';
import { QUERIES, WORDS } from './knowledge-corpus';
import { buildKnowledgeService, startKnowledgeProcess, type KnowledgeProcess } from './knowledge-process';
import { platformClient } from '../support/grpc-client';
import { formatMs, summarize } from '../support/latency';

/**
 * Knowledge service: (a) `Search` latency over BENCH_ARTICLES (default 1 000 000) seeded articles
 * with 16 calls in flight for 20 s (mixed agent and customer tokens, the queries of
 * knowledge-corpus.ts); (b) indexing throughput: BENCH_RESOLVED (default 2 000)
 * `helpdesk.ticket.resolved.v1` events published at once, timed from the first publish until
 * the last one's article is committed (and so searchable).
 */

const ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 1_000_000);
const RESOLVED = Number(process.env['BENCH_RESOLVED'] ?? 2_000);
const LOAD = { inFlight: 16, seconds: 20, warmUpSeconds: 3 };
const SEED_BATCH = 100_000;

/** Seeds articles straight into the table (index dropped and rebuilt around the load), and the vocabulary. */
async function seed(databaseUrl: string): Promise<void> {
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const startedAt = Date.now();
    await pg.query('DROP INDEX knowledge_articles_search');
    // About a third of the words are hotline terms (each then in ~5 % of the articles), the rest a
    // long tail of 50 000 rarer tokens (names, product codes, other vocabulary).
    const word = `CASE WHEN random() < 0.35 THEN ($1::text[])[1 + floor(random() * $2)::int] ELSE 'x' || to_hex(floor(power(random(), 1.5) * 50000)::int) END`;
    const words = `(SELECT string_agg(${word}, ' ') FROM generate_series(1, n) s WHERE g IS NOT NULL)`;
    for (let from = 1; from <= ARTICLES; from += SEED_BATCH) {
      const to = Math.min(ARTICLES, from + SEED_BATCH - 1);
      await pg.query(
        `INSERT INTO knowledge_articles (id, revision, status, visibility, language, title, problem, resolution, category, products, tags,
            source_ticket_ids, needs_review, merge_suggestion_ticket_ids, created_at, updated_at, published_at, search_config, search_vector)
         SELECT gen_random_uuid(), 1, CASE WHEN g % 5 = 0 THEN 'draft' ELSE 'published' END, CASE WHEN g % 4 = 0 THEN 'internal' ELSE 'customer' END,
                lang, title, problem, resolution, (ARRAY['technical','billing','sales','hr','other'])[1 + g % 5], ARRAY['Product ' || (g % 40)], '{}',
                '{}', false, '{}', now() - (g || ' seconds')::interval, now(), now(), cfg,
                setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, problem), 'B') || setweight(to_tsvector(cfg, resolution), 'C')
           FROM (SELECT g, lang, cfg, ${words.replace('n)', '6)')} AS title, ${words.replace('n)', '24)')} AS problem, ${words.replace('n)', '24)')} AS resolution
                   FROM (SELECT g, CASE WHEN g % 2 = 0 THEN 'de' ELSE 'en' END AS lang, (CASE WHEN g % 2 = 0 THEN 'kn_german' ELSE 'kn_english' END)::regconfig AS cfg
                           FROM generate_series($3::int, $4::int) AS g) base) texts`,
        [WORDS, WORDS.length, from, to],
      );
      process.stdout.write(`  seeded ${to} articles (${((Date.now() - startedAt) / 1_000).toFixed(0)} s)\n`);
    }
    await pg.query(`INSERT INTO knowledge_terms (term) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING`, [WORDS]);
    await pg.query('CREATE INDEX knowledge_articles_search ON knowledge_articles USING gin (search_vector)');
    await pg.query('VACUUM ANALYZE knowledge_articles');
    await pg.query('VACUUM ANALYZE knowledge_terms');
    console.log(`  seeded ${ARTICLES} articles, index built and analysed in ${((Date.now() - startedAt) / 1_000).toFixed(0)} s`);
  } finally {
    await pg.end();
  }
}

async function searchLoad(service: KnowledgeProcess): Promise<void> {
  const client = platformClient(service.grpcAddress, 'helpdesk/knowledge/v1/knowledge.proto', 'helpdesk.knowledge.v1.KnowledgeService');
  const latencies: number[] = [];
  let errors = 0;
  let hits = 0;
  const run = async (until: number, record: boolean) => {
    for (let i = 0; Date.now() < until; i += 1) {
      const query = QUERIES[Math.floor(Math.random() * QUERIES.length)] ?? 'drucker';
      const token = i % 4 === 0 ? service.tokens.customer : service.tokens.agent;
      const startedAt = performance.now();
      try {
        const response = await client.call<{ hits: unknown[] }>('Search', { query, limit: 10 }, token);
        if (record) {
          latencies.push(performance.now() - startedAt);
          hits += response.hits.length;
        }
      } catch {
        errors += 1;
      }
    }
  };
  try {
    const warm = Date.now() + LOAD.warmUpSeconds * 1_000;
    await Promise.all(Array.from({ length: LOAD.inFlight }, () => run(warm, false)));
    const end = Date.now() + LOAD.seconds * 1_000;
    await Promise.all(Array.from({ length: LOAD.inFlight }, () => run(end, true)));
  } finally {
    client.close();
  }
  const s = summarize(latencies);
  console.log(
    `knowledge-search (a) Search over ${ARTICLES} articles, ${LOAD.inFlight} in flight for ${LOAD.seconds} s: ${(s.count / LOAD.seconds).toFixed(0)} searches/s; ` +
      `p50 ${formatMs(s.p50)}, p95 ${formatMs(s.p95)}, p99 ${formatMs(s.p99)}, max ${formatMs(s.max)}; ${(hits / Math.max(1, s.count)).toFixed(1)} hits per search; ${errors} errors (target p95 < 30 ms)`,
  );
}

function resolvedEvent(i: number): CloudEvent<TicketResolvedV1> {
  const pick = (n: number) =>
    Array.from({ length: n }, () => (Math.random() < 0.35 ? WORDS[Math.floor(Math.random() * WORDS.length)] : `x${Math.floor(Math.random() ** 1.5 * 50_000).toString(16)}`)).join(' ');
  const example = ticketResolvedV1.example;
  const ticketId = randomUUID();
  const data: TicketResolvedV1 = {
    ...example,
    ticket: { ...example.ticket, ticketId, number: `T-${900000 + i}`, summary: `${pick(5)} ${i}` },
    resolution: pick(20),
    problemMessage: { messageId: randomUUID(), text: pick(20) },
    decisiveMessage: null,
    language: i % 2 === 0 ? 'de' : 'en',
  };
  return { specversion: '1.0', id: randomUUID(), source: 'helpdesk/ticket', type: ticketResolvedV1.type, subject: ticketId, time: new Date().toISOString(), datacontenttype: 'application/json', data };
}

async function indexing(service: KnowledgeProcess): Promise<void> {
  const pg = new PgClient({ connectionString: service.db.url });
  await pg.connect();
  try {
    const js = jetstream(service.nats.nc);
    const subject = service.nats.naming.subject(ticketResolvedV1.type);
    const events = Array.from({ length: RESOLVED }, (_, i) => resolvedEvent(i));
    const startedAt = Date.now();
    for (let i = 0; i < events.length; i += 200) {
      await Promise.all(events.slice(i, i + 200).map((e) => js.publish(subject, JSON.stringify(e), { msgID: e.id })));
    }
    const publishedAt = Date.now();
    let done = 0;
    while (done < RESOLVED && Date.now() - startedAt < 15 * 60_000) {
      await new Promise((r) => setTimeout(r, 200));
      done = Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM knowledge_cases WHERE article_id IS NOT NULL')).rows[0]?.n ?? 0);
    }
    const seconds = (Date.now() - startedAt) / 1_000;
    console.log(
      `knowledge-search (b) ${done} of ${RESOLVED} ticket.resolved.v1 events extracted, deduplicated and indexed in ${seconds.toFixed(1)} s ` +
        `(published in ${((publishedAt - startedAt) / 1_000).toFixed(1)} s): ${(done / seconds).toFixed(0)} resolved tickets/s (target ≥ 1 000/s)`,
    );
  } finally {
    await pg.end();
  }
}

/** Runs (a) and (b) against one seeded service process. */
export async function runKnowledgeSearch(): Promise<void> {
  await buildKnowledgeService();
  const service = await startKnowledgeProcess('bench-knowledge', { KNOWLEDGE_SUGGESTION_LIMIT: '0' });
  try {
    await seed(service.db.url);
    await searchLoad(service);
    await indexing(service);
  } finally {
    await service.stop();
  }
}
