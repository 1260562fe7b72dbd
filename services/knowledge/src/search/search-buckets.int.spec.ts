import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { knowledgeMigrations } from '../migrations/knowledge-migrations';
import { NO_FILTERS, SearchEngine } from './search-engine';
import { SEARCH_BUCKETS } from './search-buckets';
import { SearchRepository } from './search.repository';

/** Inserts `count` articles straight into the table (vectors are generated columns), `label` in every title. */
async function insertArticles(dataSource: DataSource, count: number, label: string, status: 'draft' | 'published', visibility: 'internal' | 'customer'): Promise<void> {
  await dataSource.query(
    `INSERT INTO knowledge_articles (id, revision, status, visibility, language, title, problem, resolution, category, products, tags,
        source_ticket_ids, needs_review, merge_suggestion_ticket_ids, created_at, updated_at, published_at, search_config)
     SELECT gen_random_uuid(), 1, $2, $3, 'en', $1 || ' zebra printer ' || g, 'The zebra printer stops ' || g, 'Restart the spooler ' || g,
            'technical', ARRAY['Zebra'], '{}', '{}', false, '{}', now(), now(), now(), 'kn_english'
       FROM generate_series(1, $4::int) AS g`,
    [label, status, visibility, count],
  );
}

describe('bucketed search index (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const engine = new SearchEngine();

  beforeAll(async () => {
    db = await createTestDatabase('knowledge-search-buckets');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: knowledgeMigrations, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    // Many staff-only matches, few customer ones: the customer's matches lie in any bucket.
    await insertArticles(dataSource, 120, 'internal', 'published', 'internal');
    await insertArticles(dataSource, 40, 'draft', 'draft', 'customer');
    await insertArticles(dataSource, 5, 'public', 'published', 'customer');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('splits each full-text index into one partial index per bucket, as the repository reads them', async () => {
    for (const [column, name] of [['search_vector', 'knowledge_articles_search'], ['title_vector', 'knowledge_articles_title']] as const) {
      const indexes = (await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'knowledge_articles' AND indexdef LIKE $1`, [`%(${column})%`])) as {
        indexname: string;
        indexdef: string;
      }[];
      expect(indexes.map((i) => i.indexname).sort()).toEqual(Array.from({ length: SEARCH_BUCKETS }, (_, b) => `${name}_b${b}`).sort());
      for (const index of indexes) {
        const bucket = index.indexname.replace(`${name}_b`, '');
        expect(index.indexdef).toContain(`WHERE ((hashtext((id)::text) & ${SEARCH_BUCKETS - 1}) = ${bucket})`);
      }
    }
    const spread = (await dataSource.query(`SELECT count(DISTINCT hashtext(id::text) & ${SEARCH_BUCKETS - 1})::int AS n FROM knowledge_articles`)) as { n: number }[];
    expect(spread[0]?.n).toBeGreaterThan(SEARCH_BUCKETS / 2);
  });

  it('finds every customer article across the buckets and never an internal one or a draft', async () => {
    const { hits } = await engine.search(dataSource.manager, { kind: 'customer' }, 'zebra printer', NO_FILTERS, 10);
    expect(hits.map((h) => h.title.split(' ')[0])).toEqual(['public', 'public', 'public', 'public', 'public']);
    expect(hits.every((h) => h.visibility === 'customer' && h.status === 'published')).toBe(true);
  });

  it('fills the page for staff and answers the same on the pool (prepared statement) and in a transaction', async () => {
    const onPool = await engine.search(dataSource.manager, { kind: 'staff' }, 'zebra spooler', NO_FILTERS, 10);
    const inTransaction = await withTransaction(dataSource, (manager) => engine.search(manager, { kind: 'staff' }, 'zebra spooler', NO_FILTERS, 10));
    expect(onPool.hits).toHaveLength(10);
    expect(inTransaction.hits.map((h) => h.articleId)).toEqual(onPool.hits.map((h) => h.articleId));
    // Run more often than PostgreSQL's five custom plans: the cached generic plan answers alike.
    for (let i = 0; i < 6; i += 1) {
      const again = await engine.search(dataSource.manager, { kind: 'customer' }, `zebra printer ${i % 2 === 0 ? 'stops' : 'restart'}`, NO_FILTERS, 10);
      expect(again.hits).toHaveLength(5);
    }
  });

  it('compiles a clause to its distinct lexemes (configurations and synonyms repeat them), matching what the repeats matched', async () => {
    const compiled = await new SearchRepository(dataSource.manager).compile({
      clauses: [[{ kind: 'word', text: 'printer' }, { kind: 'word', text: 'printers' }, { kind: 'word', text: 'drucker' }], [{ kind: 'phrase', text: 'zebra printer' }]],
      excluded: [],
      requireAll: false,
    });
    expect(compiled?.all.match(/'printer'/g)).toHaveLength(2); // once in the word clause, once in the phrase
    expect(compiled?.all.match(/'drucker'/g)).toHaveLength(1);
    const count = async (query: string, params: unknown[]) =>
      ((await dataSource.query(`SELECT count(*)::int AS n FROM knowledge_articles a WHERE a.search_vector @@ (${query})`, params)) as { n: number }[])[0]?.n;
    const repeated = `(kn_word_query($1) || kn_word_query($2) || kn_word_query($3)) && kn_phrase_query($4)`;
    expect(await count('$1::tsquery', [compiled?.all])).toBe(await count(repeated, ['printer', 'printers', 'drucker', 'zebra printer']));
    expect(await count('$1::tsquery', [compiled?.all])).toBe(165);
  });
});
