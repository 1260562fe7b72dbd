import type { ArticleScope } from '../articles/articles.repository';
import type { IndexedCandidates } from './impact-index/live-search-index';
import { indexedArticle } from './impact-index/index-feed';
import { topFacetValues } from './facets';
import { byRank, rankArticle, type FacetValues, type RankedCandidate } from './impact-index/ranked-candidates';
import type { CandidateQuery } from './impact-index/top-candidates';
import { queryLexemes, type QueryLexemes } from './snippets/query-lexemes';
import { snippetOf } from './snippets/snippet';
import type { ArticleHit, ArticlePage, CompiledPlan, Facets, FetchedRow, SearchFilters, SearchRepository } from './search.repository';

/** A page, and whether articles were written since the index's horizon (as far as the fetched rows tell). */
export interface IndexedPage extends ArticlePage {
  readonly changed: boolean;
}

/** The query's lexemes per compiled plan (plans are cached objects). */
const lexemesOfPlan = new WeakMap<CompiledPlan, QueryLexemes>();

/** What a page of the in-memory ranking is made from. */
export interface IndexedPageInput {
  readonly scope: ArticleScope;
  readonly plan: CompiledPlan;
  readonly filters: SearchFilters;
  readonly limit: number;
  readonly query: CandidateQuery;
  readonly indexed: IndexedCandidates;
}

/**
 * A page of the in-memory ranking: the index ranks and counts facets, PostgreSQL only returns the
 * hits' rows — one statement, which also returns the matching rows written since the index's
 * horizon. Those are ranked the way the index ranks and replace any older version of theirs, so a
 * committed write shows at once. A fetched hit must pass the same scope and filter conditions as
 * the SQL plan's and be the version the index ranked, or it is left out: the index can only make
 * a search miss, never show an article the caller may not see. Only when hits were left out (or
 * a new version fell out of the page) is a second statement needed, for the next candidates.
 * Snippets are made here rather than by ts_headline, with the same marks (`snippets/`).
 */
export async function indexedPage(repository: SearchRepository, input: IndexedPageInput): Promise<IndexedPage> {
  const { scope, plan, filters, limit, query, indexed } = input;
  let candidates = indexed.candidates;
  const rows = new Map<string, FetchedRow>();
  const firstIds = candidates.slice(0, limit).map((c) => c.id);
  const recent: RankedCandidate[] = [];
  let changed = false;
  for (const row of await repository.fetch(scope, plan, filters, firstIds, indexed.horizon)) {
    changed ||= row.changed;
    if (!row.recent) {
      if (!rows.has(row.id)) rows.set(row.id, row);
      continue;
    }
    rows.set(row.id, row);
    const ranked = rankArticle(indexedArticle(row), query);
    if (ranked) recent.push(ranked);
  }
  let facets = indexed.facets;
  if (recent.length > 0) {
    const replaced = new Set(recent.map((r) => r.id));
    // After the index's own candidates, oldest write first: on equal keys they rank where the
    // index will put them once it reads them (appended, so after every article it holds).
    recent.sort((x, y) => x.version - y.version);
    candidates = [...candidates.filter((c) => !replaced.has(c.id)), ...recent].sort(byRank);
    facets = facetsOf(candidates, indexed.valuesOf);
  }
  const hits: ArticleHit[] = [];
  let next = 0;
  while (hits.length < limit && next < candidates.length) {
    const batch = candidates.slice(next, next + limit - hits.length);
    next += batch.length;
    const missing = batch.filter((c) => !rows.has(c.id)).map((c) => c.id);
    if (missing.length > 0) for (const row of await repository.fetch(scope, plan, filters, missing, null)) rows.set(row.id, row);
    for (const candidate of batch) {
      const row = rows.get(candidate.id);
      if (row && current(row, candidate)) hits.push(toHit(row, candidate, snippet(row, plan)));
    }
  }
  return { hits, facets, changed };
}

/** The problem and resolution around the query's words, as ts_headline would mark them. */
function snippet(row: FetchedRow, plan: CompiledPlan): string {
  let lexemes = lexemesOfPlan.get(plan);
  if (!lexemes) {
    lexemes = queryLexemes(plan.any);
    lexemesOfPlan.set(plan, lexemes);
  }
  return snippetOf(`${row.problem}\n${row.resolution}`, row.config, lexemes);
}

/** Whether the row is the version ranked (a recent row always is: it was ranked from itself). */
function current(row: FetchedRow, candidate: RankedCandidate): boolean {
  return row.recent || candidate.version === -1 || Number(row.version) === candidate.version;
}

function toHit(row: FetchedRow, candidate: RankedCandidate, snippet: string): ArticleHit {
  return {
    articleId: row.id,
    title: row.title,
    snippet,
    score: candidate.score,
    category: row.category,
    products: row.products,
    visibility: row.visibility,
    status: row.status,
    problem: row.problem,
    resolution: row.resolution,
  };
}

/**
 * Category and product counts over the strict candidates, or the loose ones when there are none
 * (as the SQL plan counts), once rows read from the table joined them (else the index counted).
 */
function facetsOf(candidates: readonly RankedCandidate[], valuesOf: (ordinal: number) => FacetValues): Facets {
  const tier = candidates.some((c) => c.tier === 1) ? 1 : 0;
  const categories = new Map<string, number>();
  const products = new Map<string, number>();
  for (const candidate of candidates) {
    if (candidate.tier !== tier) continue;
    const values = candidate.values ?? valuesOf(candidate.ordinal);
    if (values.category !== null) categories.set(values.category, (categories.get(values.category) ?? 0) + 1);
    for (const product of new Set(values.products)) products.set(product, (products.get(product) ?? 0) + 1);
  }
  const counted = (counts: Map<string, number>) => topFacetValues([...counts].map(([value, count]) => ({ value, count })));
  return { categories: counted(categories), products: counted(products) };
}
