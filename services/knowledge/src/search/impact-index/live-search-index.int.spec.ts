import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { knowledgeMigrations } from '../../migrations/knowledge-migrations';
import { NO_FILTERS, SearchEngine } from '../search-engine';
import type { CompiledPlan, SearchFilters } from '../search.repository';
import { vocabularySql } from '../search-config';
import { LiveSearchIndex } from './live-search-index';
import { PlanCandidates } from './plan-candidates';

/** Inserts one article straight into the table (vectors are generated columns); returns its id. */
async function insertArticle(dataSource: DataSource, title: string, status: 'draft' | 'published', visibility: 'internal' | 'customer'): Promise<string> {
  const rows = (await dataSource.query(
    `INSERT INTO knowledge_articles (id, revision, status, visibility, language, title, problem, resolution, category, products, tags,
        source_ticket_ids, needs_review, merge_suggestion_ticket_ids, created_at, updated_at, published_at, search_config)
     VALUES (gen_random_uuid(), 1, $2, $3, 'en', $1, 'The scanner jams on every page', 'Clean the feeder rollers', 'technical', ARRAY['Scanner'], '{}', '{}', false, '{}', now(), now(), now(), 'kn_english')
     RETURNING id`,
    [title, status, visibility],
  )) as { id: string }[];
  return rows[0]?.id ?? '';
}

describe('in-memory search index (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const index = new LiveSearchIndex({ batchSize: 2, pollMs: 60_000 });
  const candidates = new PlanCandidates(index);
  const engine = new SearchEngine(candidates);
  const titles = async (kind: 'staff' | 'customer', query: string) => (await engine.search(dataSource.manager, { kind }, query, NO_FILTERS, 10)).hits.map((h) => h.title);
  /** The strict candidates the index itself holds (null: it cannot answer). */
  const strict = (kind: 'staff' | 'customer', plan: CompiledPlan, filters: SearchFilters = NO_FILTERS) => {
    const query = candidates.query({ kind }, plan, filters, 10);
    return query ? (candidates.candidates(query)?.candidates.filter((c) => c.tier === 1) ?? null) : null;
  };

  beforeAll(async () => {
    db = await createTestDatabase('knowledge-impact-index');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: knowledgeMigrations, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await insertArticle(dataSource, 'Scanner feeder public', 'published', 'customer');
    await insertArticle(dataSource, 'Scanner feeder internal', 'published', 'internal');
    await insertArticle(dataSource, 'Scanner feeder draft', 'draft', 'customer');
  });
  afterAll(async () => {
    await index.stop();
    await dataSource.destroy();
    await db.drop();
  });

  it('serves through the SQL plan until loaded, then through the index with the same hits', async () => {
    expect(index.ready).toBe(false);
    const before = await titles('staff', 'scanner feeder');
    index.start(dataSource);
    await index.whenLoaded();
    expect(index.ready).toBe(true);
    const plan = { any: `'scanner'`, all: `'scanner'`, clauses: [`'scanner'`], excluded: null, requireAll: false };
    expect(strict('staff', plan)).toHaveLength(3);
    expect((await titles('staff', 'scanner feeder')).sort()).toEqual(before.sort());
    expect(await titles('customer', 'scanner feeder')).toEqual(['Scanner feeder public']);
  });

  it('finds a committed article at once (rows changed since the horizon) and from memory after the refresh', async () => {
    await insertArticle(dataSource, 'Scanner calibration guide', 'published', 'customer');
    expect(await titles('customer', 'calibration')).toEqual(['Scanner calibration guide']);
    const plan = { any: `'calibr'`, all: `'calibr'`, clauses: [`'calibr'`], excluded: null, requireAll: false };
    expect(strict('customer', plan)).toHaveLength(0);
    await index.refresh();
    expect(strict('customer', plan)).toHaveLength(1);
    expect(await titles('customer', 'calibration')).toEqual(['Scanner calibration guide']);
  });

  it('never gives a customer an article made internal, even while the index still holds it as public', async () => {
    await index.refresh();
    await dataSource.query(`UPDATE knowledge_articles SET visibility = 'internal' WHERE title = 'Scanner calibration guide'`);
    const plan = { any: `'calibr'`, all: `'calibr'`, clauses: [`'calibr'`], excluded: null, requireAll: false };
    // Stale: the index still names it as a customer candidate; PostgreSQL's check drops it.
    expect(strict('customer', plan)).toHaveLength(1);
    expect(await titles('customer', 'calibration')).toEqual([]);
    await index.refresh();
    expect(strict('customer', plan)).toHaveLength(0);
    expect(await titles('staff', 'calibration')).toEqual(['Scanner calibration guide']);
  });

  it('drops the old words of an edited article and finds the new ones, before and after the refresh', async () => {
    await dataSource.query(`UPDATE knowledge_articles SET title = 'Scanner alignment guide' WHERE title = 'Scanner calibration guide'`);
    const plan = { any: `'calibr'`, all: `'calibr'`, clauses: [`'calibr'`], excluded: null, requireAll: false };
    // Stale: the index still ranks the old version; the fetched row is a newer one, so it is left out.
    expect(strict('staff', plan)).toHaveLength(1);
    expect(await titles('staff', 'calibration')).toEqual([]);
    expect(await titles('staff', 'alignment')).toEqual(['Scanner alignment guide']);
    await index.refresh();
    expect(await titles('staff', 'calibration')).toEqual([]);
    expect(await titles('staff', 'alignment')).toEqual(['Scanner alignment guide']);
  });

  it('filters by product in memory and counts the facets of the candidates', async () => {
    await index.refresh();
    const plan = { any: `'scanner'`, all: `'scanner'`, clauses: [`'scanner'`], excluded: null, requireAll: false };
    expect(strict('staff', plan, { ...NO_FILTERS, product: 'Scanner' })).toHaveLength(4);
    expect(strict('staff', plan, { ...NO_FILTERS, product: 'Printer' })).toHaveLength(0);
    const result = await engine.search(dataSource.manager, { kind: 'staff' }, 'scanner', { ...NO_FILTERS, product: 'Scanner' }, 10);
    expect(result.hits).toHaveLength(4);
    expect(result.facets).toEqual({ categories: [{ value: 'technical', count: 4 }], products: [{ value: 'Scanner', count: 4 }] });
  });

  it('ranks title matches first and marks the query words in the snippet', async () => {
    await insertArticle(dataSource, 'Paper tray guide', 'published', 'customer');
    await index.refresh();
    const { hits } = await engine.search(dataSource.manager, { kind: 'staff' }, 'scanner', NO_FILTERS, 10);
    expect(hits.at(-1)?.title).toBe('Paper tray guide');
    expect(hits.slice(0, -1).every((h) => h.title.startsWith('Scanner'))).toBe(true);
    expect(hits[0]?.score).toBeGreaterThan(hits.at(-1)?.score ?? 1);
    // As ts_headline makes it (a short word at a fragment's edge is dropped).
    expect(hits.at(-1)?.snippet).toBe('«scanner» jams on every page\nClean the feeder rollers');
  });

  it('prepares a query with an unknown word again once an article brings the word, before the index reads the article', async () => {
    await index.refresh();
    const add = async (title: string) => {
      await insertArticle(dataSource, title, 'published', 'customer');
      // As the articles repository does in the article's transaction.
      await dataSource.query(vocabularySql(1), [title]);
    };
    await dataSource.query(vocabularySql(1), ['Scanner feeder']);
    // Corrected to the known "scanner" and kept (the index reads nothing written meanwhile).
    expect((await titles('staff', 'scannerz')).length).toBeGreaterThan(1);
    await add('Scannerz firmware guide');
    expect(await titles('staff', 'scannerz')).toEqual(['Scannerz firmware guide']);
    // No word near enough: nothing to search for, answered by the SQL plan, which is not kept.
    expect(await titles('staff', 'qwxjvk')).toEqual([]);
    await add('Qwxjvk adapter guide');
    expect(await titles('staff', 'qwxjvk')).toEqual(['Qwxjvk adapter guide']);
  });

  // Last: its articles share the others' problem text and product.
  it('ranks a row written since the horizon after an older article of the same score, as the index will once it reads it', async () => {
    await insertArticle(dataSource, 'Tiebreak widget older', 'published', 'customer');
    await index.refresh();
    await insertArticle(dataSource, 'Tiebreak widget newer', 'published', 'customer');
    expect(await titles('customer', 'tiebreak')).toEqual(['Tiebreak widget older', 'Tiebreak widget newer']);
    await index.refresh();
    expect(await titles('customer', 'tiebreak')).toEqual(['Tiebreak widget older', 'Tiebreak widget newer']);
  });
});
