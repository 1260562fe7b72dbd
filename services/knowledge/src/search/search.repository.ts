import type { EntityManager } from 'typeorm';
import { scopeCondition, type ArticleScope } from '../articles/articles.repository';
import type { ArticleStatus, ArticleVisibility } from '../articles/article';
import { FACET_VALUES, type Facets } from './facets';
import { LEXEME_COLUMNS } from './impact-index/index-feed';
import { preparedQuery } from './prepared-query';
import { acrossBuckets } from './search-buckets';
import { planSql, type SearchPlan } from './search-plan';
import type { VocabularyFacts } from './term-expansion';

/** Filters of a search besides the query. */
export interface SearchFilters {
  readonly category: string | null;
  readonly product: string | null;
  readonly language: string | null;
  /** Only published articles (suggestions), whatever the scope allows. */
  readonly publishedOnly: boolean;
}

/** One article found. */
export interface ArticleHit {
  readonly articleId: string;
  readonly title: string;
  readonly snippet: string;
  readonly score: number;
  readonly category: string | null;
  readonly products: readonly string[];
  readonly visibility: ArticleVisibility;
  readonly status: ArticleStatus;
  readonly problem: string;
  readonly resolution: string;
}

/** One similar resolved ticket found. */
export interface CaseHit {
  readonly ticketId: string;
  readonly number: string;
  readonly title: string;
  readonly snippet: string;
  readonly score: number;
}

export type { Facets } from './facets';

const HEADLINE_OPTIONS = `'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;
/**
 * A plan's tsqueries, computed once by PostgreSQL and then passed back as constants: built inline,
 * the configuration lookups inside them are only STABLE, so PostgreSQL would rebuild them for
 * every candidate row.
 */
export interface CompiledPlan {
  readonly any: string;
  readonly all: string;
  readonly clauses: readonly string[];
  readonly excluded: string | null;
  readonly requireAll: boolean;
}

/** Parameters $1–$4 of every search statement: any, all, per-clause array, excluded. */
const compiledParams = (plan: CompiledPlan) => [plan.any, plan.all, plan.clauses, plan.excluded];
/** The text rank of a vector (title A, problem B, resolution C), normalised to 0–1. */
const rankSql = (vector: string, query: string) => `ts_rank('{0.1, 0.2, 0.4, 1.0}', ${vector}, ${query}, 32)`;
/**
 * How many candidates each tier ranks at most. Ranking reads every candidate's vector, so these
 * bound the cost of common words on a large base; a query matching more ranks the first ones the
 * index returns. `title`: articles whose title has every clause (the best-ranked ones, found in
 * the small title index); `strict`: the other articles with every clause, only looked at when
 * the title tier has fewer than the limit; `loose`: articles with some clause, only when both
 * have fewer than the limit.
 */
export interface RankingCaps {
  readonly title: number;
  readonly strict: number;
  readonly loose: number;
}
export const DEFAULT_CAPS: RankingCaps = { title: 200, strict: 200, loose: 200 };

/**
 * Rows written since the in-memory index's horizon that a page looks at besides its hits; more
 * (a poll far behind) can only make a search miss a new article until the index catches up.
 */
const RECENT_ROWS = 1_000;
/** Matching rows of those a page ranks at most. */
const RECENT_MATCHES = 100;

/** An article row fetched for a page of the in-memory ranking: what a hit shows, and the index columns of a recent row. */
export interface FetchedRow {
  readonly id: string;
  readonly version: string | null;
  readonly title: string;
  readonly problem: string;
  readonly resolution: string;
  readonly category: string | null;
  readonly products: string[];
  readonly visibility: ArticleVisibility;
  readonly status: ArticleStatus;
  readonly language: string | null;
  /** The text search configuration, for the snippet. */
  readonly config: string;
  /** Written since the horizon (and matching): read with its index columns. */
  readonly recent: boolean;
  /** Whether any article was written since the horizon (matching or not; false without a horizon). */
  readonly changed: boolean;
  readonly lexemes_a: string;
  readonly lexemes_b: string;
  readonly lexemes_c: string;
}

/** A page of ranked articles and, when asked for, the facets of the candidates. */
export interface ArticlePage {
  readonly hits: ArticleHit[];
  readonly facets: Facets;
}

const NO_FACETS: Facets = { categories: [], products: [] };

/**
 * The ranked candidates of a plan in two tiers, as CTEs over `columns` of `alias` (which must
 * include `id`). Strict (tier 1, score 0.5 + rank / 2): documents matching every clause — first
 * those whose title matches (`titleVector`, when the table has one), then, only when fewer than
 * `$limit`, the others. Loose (tier 0, score coverage / 2 + rank / 2), only when the strict tier
 * has fewer than `$limit` and the user did not ask for every word: documents matching some
 * clause, ranked by clause coverage and text rank. A strict match always ranks above a loose one.
 *
 * Every scan is read through a LIMIT (the tier's cap) and stops pulling once it is reached; the
 * later tiers never run when an earlier one filled the page. With `bucketed` (the articles, see
 * `search-buckets.ts`) every scan is a UNION ALL over the index buckets, so a query of common
 * words decodes the postings of one or two buckets instead of all of them. The strict scans are
 * MATERIALIZED CTEs: PostgreSQL plans them for all their rows (GIN bitmap scans; planned with
 * the LIMIT it would pick a sequential scan that reads ~100 000 rows to find 1 000 matches of
 * common words). The loose scan keeps its LIMIT inside, over all its buckets: a query of any
 * common word matches so many rows that the first bucket mostly fills the cap.
 */
function candidatesSql(table: string, alias: string, columns: string, filters: string, requireAll: boolean, limit: number, caps: RankingCaps, titleVector: string | null, bucketed: boolean): string {
  const vector = `${alias}.search_vector`;
  const names = columns.split(',').map((column) => `c.${column.trim().split(/\s+|\./).at(-1) ?? ''}`).join(', ');
  const select = (condition: string) =>
    bucketed
      ? acrossBuckets(alias, (bucket) => `SELECT ${columns}, ${vector} FROM ${table} ${alias} WHERE ${bucket} AND ${condition}`)
      : `SELECT ${columns}, ${vector} FROM ${table} ${alias} WHERE ${condition}`;
  const strict = (from: string) => `SELECT ${names}, 1 AS tier, 0.5 + 0.5 * ${rankSql('c.search_vector', '$2::tsquery')} AS score FROM ${from} c`;
  const titleTier = titleVector
    ? `title_matches AS MATERIALIZED (${select(`${alias}.${titleVector} @@ $2::tsquery AND ${filters}`)}),
    title_tier AS (SELECT * FROM title_matches LIMIT ${caps.title}),`
    : `title_tier AS (SELECT ${columns}, ${vector} FROM ${table} ${alias} WHERE false),`;
  const notTitle = titleVector ? `AND NOT ${alias}.${titleVector} @@ $2::tsquery` : '';
  return `${titleTier}
    body_matches AS MATERIALIZED (${select(`${vector} @@ $2::tsquery ${notTitle} AND ${filters}`)}),
    body_tier AS (SELECT * FROM body_matches WHERE (SELECT count(*) FROM title_tier) < $${limit} LIMIT ${caps.strict}),
    strict AS (${strict('title_tier')} UNION ALL ${strict('body_tier')}),
    loose AS (
      SELECT ${names}, 0 AS tier,
             0.5 * (SELECT count(*) FROM unnest($3::tsquery[]) AS clause(q) WHERE c.search_vector @@ clause.q)::float8 / cardinality($3::tsquery[])
               + 0.5 * ${rankSql('c.search_vector', '$1::tsquery')} AS score
        FROM (${select(`${requireAll ? 'false' : 'true'} AND (SELECT count(*) FROM strict) < $${limit}
                 AND ${vector} @@ $1::tsquery AND NOT ${vector} @@ $2::tsquery AND ${filters}`)}
               LIMIT ${caps.loose}) c),
    matches AS (SELECT * FROM strict UNION ALL SELECT * FROM loose ORDER BY tier DESC, score DESC, id LIMIT $${limit})`;
}

/** The full-text search queries (hot path: one statement per search, every scan bounded). */
export class SearchRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Vocabulary facts of the query words, in one round trip. */
  async vocabulary(words: readonly string[]): Promise<Map<string, VocabularyFacts>> {
    if (words.length === 0) return new Map();
    const rows = (await this.manager.query(
      `SELECT t.q AS word,
          EXISTS (SELECT 1 FROM knowledge_terms k WHERE k.term = t.q) AS known,
          COALESCE((SELECT json_agg(json_build_object('term', s.term, 'similarity', s.sim))
             FROM (SELECT k.term, similarity(k.term, t.q) AS sim FROM knowledge_terms k ORDER BY k.term <-> t.q LIMIT 3) s), '[]') AS near,
          ARRAY(SELECT k.term FROM knowledge_terms k
             WHERE length(t.q) >= 5 AND k.term LIKE '%' || t.q || '%' AND length(k.term) >= length(t.q) + 4
             ORDER BY length(k.term), k.term LIMIT 4) AS containing
        FROM unnest($1::text[]) AS t(q)`,
      [words],
    )) as { word: string; known: boolean; near: { term: string; similarity: number }[]; containing: string[] }[];
    return new Map(rows.map((r) => [r.word, { known: r.known, near: r.near, containing: r.containing }]));
  }

  /** Which of the words are in the vocabulary. */
  async knownTerms(words: readonly string[]): Promise<Set<string>> {
    if (words.length === 0) return new Set();
    const rows = (await this.manager.query(`SELECT term FROM knowledge_terms WHERE term = ANY($1::text[])`, [words])) as { term: string }[];
    return new Set(rows.map((r) => r.term));
  }

  /** The tsqueries of a plan; null when it has nothing to search for. */
  async compile(plan: SearchPlan): Promise<CompiledPlan | null> {
    const sql = planSql(plan, 1);
    if (!sql) return null;
    const rows = (await this.manager.query(
      `SELECT ${sql.any}::text AS any, ${sql.all}::text AS all, ${sql.perClause}::text[] AS clauses, ${sql.excluded ?? 'NULL'}::text AS excluded`,
      [...sql.params],
    )) as { any: string; all: string; clauses: string[]; excluded: string | null }[];
    const row = rows[0];
    return row ? { ...row, requireAll: plan.requireAll } : null;
  }

  async articles(scope: ArticleScope, plan: CompiledPlan | null, filters: SearchFilters, limit: number, caps: RankingCaps = DEFAULT_CAPS): Promise<ArticleHit[]> {
    return (await this.page(scope, plan, filters, limit, false, caps)).hits;
  }

  /**
   * The best `limit` articles with their snippets and, when `withFacets`, the facet counts — in
   * one statement. Facets count the ranked candidates (the strict ones, else the loose ones), so
   * they are exact up to the ranking caps and a sample beyond.
   */
  async page(
    scope: ArticleScope,
    plan: CompiledPlan | null,
    filters: SearchFilters,
    limit: number,
    withFacets: boolean,
    caps: RankingCaps = DEFAULT_CAPS,
  ): Promise<ArticlePage> {
    if (!plan) return { hits: [], facets: NO_FACETS };
    const where = this.articleFilters(scope, plan, filters);
    const limitParam = where.params.length + 1;
    const matchesSql = candidatesSql('knowledge_articles', 'a', 'a.id, a.category, a.products', where.condition, plan.requireAll, limitParam, caps, 'title_vector', true);
    const facetRows = `(SELECT category, products FROM strict UNION ALL SELECT category, products FROM loose WHERE NOT EXISTS (SELECT 1 FROM strict))`;
    const facets = withFacets
      ? `(SELECT COALESCE(json_agg(json_build_object('value', f.value, 'count', f.count) ORDER BY f.count DESC, f.value), '[]') FROM
           (SELECT category AS value, count(*)::int AS count FROM ${facetRows} r WHERE category IS NOT NULL GROUP BY category ORDER BY 2 DESC, 1 LIMIT ${FACET_VALUES}) f) AS categories,
         (SELECT COALESCE(json_agg(json_build_object('value', f.value, 'count', f.count) ORDER BY f.count DESC, f.value), '[]') FROM
           (SELECT p AS value, count(*)::int AS count FROM ${facetRows} r, unnest(r.products) AS p GROUP BY p ORDER BY 2 DESC, 1 LIMIT ${FACET_VALUES}) f) AS products`
      : `'[]'::json AS categories, '[]'::json AS products`;
    const rows = (await preparedQuery(
      this.manager,
      `WITH ${matchesSql}
       SELECT (SELECT COALESCE(json_agg(h ORDER BY h.tier DESC, h.score DESC, h.id), '[]') FROM
                (SELECT m.id, m.tier, m.score, a.title, a.problem, a.resolution, a.category, a.products, a.visibility, a.status,
                        ts_headline(a.search_config, a.problem || E'\\n' || a.resolution, $1::tsquery, ${HEADLINE_OPTIONS}) AS snippet
                   FROM matches m JOIN knowledge_articles a ON a.id = m.id) h) AS hits,
              ${facets}`,
      [...where.params, limit],
    )) as { hits: HitRow[]; categories: { value: string; count: number }[]; products: { value: string; count: number }[] }[];
    const row = rows[0];
    if (!row) return { hits: [], facets: NO_FACETS };
    return { hits: row.hits.map(toHit), facets: { categories: row.categories, products: row.products } };
  }

  /**
   * The rows of `ids` that pass the scope and filters (in no particular order) and, with a
   * `horizon`, the rows written since it that match the plan (of the newest 1 000 written, at most
   * 100, with their index columns): the in-memory index may not have read those yet, or may rank an
   * older version.
   */
  async fetch(scope: ArticleScope, plan: CompiledPlan, filters: SearchFilters, ids: readonly string[], horizon: string | null): Promise<FetchedRow[]> {
    const where = this.articleFilters(scope, plan, filters);
    const idsParam = where.params.length + 1;
    const shown = `a.id, a.changed_xid::text AS version, a.title, a.problem, a.resolution, a.category, a.products, a.visibility, a.status, a.language, a.search_config::text AS config`;
    const hits = (changed: string) => `SELECT ${shown}, false AS recent, ${changed} AS changed, '' AS lexemes_a, '' AS lexemes_b, '' AS lexemes_c
      FROM knowledge_articles a WHERE a.id = ANY($${idsParam}::uuid[]) AND ${where.condition}`;
    if (horizon === null) return (await preparedQuery(this.manager, hits('false'), [...where.params, ids])) as FetchedRow[];
    const changed = 'EXISTS (SELECT 1 FROM recent)';
    // The recent rows are read through the ordered changed_xid index first (newest first): written
    // as one filter, PostgreSQL's generic plan chose a sequential scan of the table (1 s at 1 M).
    return (await preparedQuery(
      this.manager,
      `WITH recent AS MATERIALIZED (
          SELECT r.id FROM knowledge_articles r WHERE r.changed_xid >= $${idsParam + 1}::xid8 ORDER BY r.changed_xid DESC LIMIT ${RECENT_ROWS})
       ${hits(changed)}
       UNION ALL
       (SELECT ${shown}, true, ${changed}, ${LEXEME_COLUMNS}
          FROM knowledge_articles a WHERE a.id IN (SELECT id FROM recent) AND a.search_vector @@ $1::tsquery AND ${where.condition}
          LIMIT ${RECENT_MATCHES})`,
      [...where.params, ids, horizon],
    )) as FetchedRow[];
  }

  /** Resolved (or closed) tickets whose problem and resolution match, not merged away. */
  async cases(plan: CompiledPlan | null, limit: number, excludeTicketId: string | null): Promise<CaseHit[]> {
    if (!plan) return [];
    const filters = `c_.merged_into IS NULL AND c_.status IN ('resolved', 'closed') AND ($5::uuid IS NULL OR c_.ticket_id <> $5::uuid)
      AND ($4::tsquery IS NULL OR NOT c_.search_vector @@ $4::tsquery)`;
    const columns = 'c_.ticket_id AS id, c_.number, c_.summary, c_.problem, c_.resolution, c_.search_config';
    const rows = (await this.manager.query(
      `WITH ${candidatesSql('knowledge_cases', 'c_', columns, filters, false, 6, DEFAULT_CAPS, null, false)}
       SELECT m.id AS ticket_id, m.number, m.summary, m.score, ts_headline(m.search_config, m.problem || E'\\n' || m.resolution, $1::tsquery, ${HEADLINE_OPTIONS}) AS snippet
         FROM matches m ORDER BY m.tier DESC, m.score DESC, m.id`,
      [...compiledParams(plan), excludeTicketId, limit],
    )) as { ticket_id: string; number: string; summary: string; score: number; snippet: string }[];
    return rows.map((r) => ({ ticketId: r.ticket_id, number: r.number, title: r.summary, snippet: r.snippet, score: Number(r.score) }));
  }

  /** Conditions besides the match; every statement names all four plan parameters (unused ones fold to constants). */
  private articleFilters(scope: ArticleScope, plan: CompiledPlan, filters: SearchFilters) {
    const params: unknown[] = compiledParams(plan);
    const conditions = [
      plan.excluded ? `NOT (a.search_vector @@ $4::tsquery)` : `$4::tsquery IS NULL`,
      `$1::tsquery IS NOT NULL AND $2::tsquery IS NOT NULL AND $3::tsquery[] IS NOT NULL`,
      scopeCondition(scope),
    ];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filters.category) conditions.push(`a.category = ${bind(filters.category)}`);
    if (filters.product) conditions.push(`a.products @> ARRAY[${bind(filters.product)}::text]`);
    if (filters.language) conditions.push(`a.language = ${bind(filters.language)}`);
    if (filters.publishedOnly) conditions.push(`a.status = 'published'`);
    return { condition: conditions.join(' AND '), params };
  }
}

interface HitRow {
  id: string;
  title: string;
  problem: string;
  resolution: string;
  category: string | null;
  products: string[];
  visibility: ArticleVisibility;
  status: ArticleStatus;
  score: number;
  snippet: string;
}

function toHit(r: HitRow): ArticleHit {
  return {
    articleId: r.id,
    title: r.title,
    snippet: r.snippet,
    score: Number(r.score),
    category: r.category,
    products: r.products,
    visibility: r.visibility,
    status: r.status,
    problem: r.problem,
    resolution: r.resolution,
  };
}
