import type { EntityManager } from 'typeorm';
import { scopeCondition, type ArticleScope } from '../articles/articles.repository';
import type { ArticleStatus, ArticleVisibility } from '../articles/article';
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

/** Facet counts over the matching articles. */
export interface Facets {
  readonly categories: readonly { value: string; count: number }[];
  readonly products: readonly { value: string; count: number }[];
}

const HEADLINE_OPTIONS = `'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;
/** Soft upper limit of matches one GIN index scan returns (see {@link SearchRepository.boundIndexScans}). */
const GIN_SCAN_LIMIT = 5_000;
/** Facets count at most this many matches (approximate beyond), so a query matching half the base stays fast. */
const FACET_SAMPLE = 500;
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
 * How many matches per tier are ranked at most (strict: every word; loose: some word). Ranking
 * reads every candidate's vector, so these bound the cost of common words on a large base; a
 * query matching more ranks a sample of them in index order.
 */
export interface RankingCaps {
  readonly strict: number;
  readonly loose: number;
}
export const DEFAULT_CAPS: RankingCaps = { strict: 1_000, loose: 500 };

/**
 * The ranked matches of a plan in two tiers. Strict: documents matching every clause, ranked by
 * text rank (score 0.5 + rank / 2). Loose, only when the strict tier has fewer than `$limit` and
 * the user did not ask for every word: documents matching some clause, at most LOOSE_CANDIDATES
 * of them, ranked by clause coverage and text rank (score coverage / 2 + rank / 2). A strict
 * match always ranks above a loose one. `$limit` is the parameter number `limit`; `filters`
 * are further conditions on `alias`; `columns` the selected columns of `alias`.
 */
function tieredMatchesSql(table: string, alias: string, columns: string, filters: string, requireAll: boolean, limit: number, caps: RankingCaps): string {
  const vector = `${alias}.search_vector`;
  const names = columns.split(',').map((column) => `c.${column.trim().split(/\s+|\./).at(-1) ?? ''}`).join(', ');
  return `strict AS (
      SELECT ${names}, 1 AS tier, 0.5 + 0.5 * ${rankSql('c.search_vector', '$2::tsquery')} AS score
        FROM (SELECT ${columns}, ${vector} FROM ${table} ${alias} WHERE ${vector} @@ $2::tsquery AND ${filters} LIMIT ${caps.strict}) c
       ORDER BY score DESC, id LIMIT $${limit}),
    loose AS (
      SELECT ${names}, 0 AS tier,
             0.5 * (SELECT count(*) FROM unnest($3::tsquery[]) AS clause(q) WHERE c.search_vector @@ clause.q)::float8 / cardinality($3::tsquery[])
               + 0.5 * ${rankSql('c.search_vector', '$1::tsquery')} AS score
        FROM (SELECT ${columns}, ${vector} FROM ${table} ${alias}
               WHERE ${requireAll ? 'false' : 'true'} AND ${vector} @@ $1::tsquery AND NOT ${vector} @@ $2::tsquery AND ${filters}
               LIMIT ${caps.loose}) c
       WHERE (SELECT count(*) FROM strict) < $${limit}
       ORDER BY score DESC, c.id LIMIT $${limit}),
    matches AS (SELECT * FROM strict UNION ALL SELECT * FROM loose ORDER BY tier DESC, score DESC, id LIMIT $${limit})`;
}

/** The full-text search queries (hot path: every statement is one index scan plus ranking). */
export class SearchRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Bounds every GIN index scan of the current transaction to about GIN_SCAN_LIMIT matches
   * (`gin_fuzzy_search_limit`): a query of common words then ranks a sample instead of building
   * a bitmap of half the base. No effect outside a transaction.
   */
  async boundIndexScans(): Promise<void> {
    await this.manager.query(`SET LOCAL gin_fuzzy_search_limit = ${GIN_SCAN_LIMIT}`);
  }

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
    if (!plan) return [];
    const where = this.articleFilters(scope, plan, filters);
    const columns = 'a.id, a.title, a.problem, a.resolution, a.category, a.products, a.visibility, a.status, a.search_config';
    const rows = (await this.manager.query(
      `WITH ${tieredMatchesSql('knowledge_articles', 'a', columns, where.condition, plan.requireAll, where.params.length + 1, caps)}
       SELECT m.*, ts_headline(m.search_config, m.problem || E'\\n' || m.resolution, $1::tsquery, ${HEADLINE_OPTIONS}) AS snippet
         FROM matches m ORDER BY m.tier DESC, m.score DESC, m.id`,
      [...where.params, limit],
    )) as { id: string; title: string; problem: string; resolution: string; category: string | null; products: string[]; visibility: ArticleVisibility; status: ArticleStatus; score: number; snippet: string }[];
    return rows.map((r) => ({
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
    }));
  }

  async facets(scope: ArticleScope, plan: CompiledPlan | null, filters: SearchFilters): Promise<Facets> {
    if (!plan) return { categories: [], products: [] };
    const where = this.articleFilters(scope, plan, filters);
    // Counted over the articles matching every word, or (none such) those matching some word.
    const rows = (await this.manager.query(
      `WITH s AS (SELECT a.category, a.products FROM knowledge_articles a WHERE a.search_vector @@ $2::tsquery AND ${where.condition} LIMIT ${FACET_SAMPLE}),
            l AS (SELECT a.category, a.products FROM knowledge_articles a
                   WHERE ${plan.requireAll ? 'false' : 'true'} AND NOT EXISTS (SELECT 1 FROM s) AND a.search_vector @@ $1::tsquery AND ${where.condition} LIMIT ${FACET_SAMPLE}),
            m AS (SELECT * FROM s UNION ALL SELECT * FROM l)
       SELECT 'category' AS facet, category AS value, count(*)::int AS count FROM m WHERE category IS NOT NULL GROUP BY category
       UNION ALL
       SELECT 'product', p, count(*)::int FROM m, unnest(m.products) AS p GROUP BY p
       ORDER BY 3 DESC, 2`,
      where.params,
    )) as { facet: 'category' | 'product'; value: string; count: number }[];
    const pick = (facet: string) => rows.filter((r) => r.facet === facet).slice(0, 20).map(({ value, count }) => ({ value, count }));
    return { categories: pick('category'), products: pick('product') };
  }

  /** Resolved (or closed) tickets whose problem and resolution match, not merged away. */
  async cases(plan: CompiledPlan | null, limit: number, excludeTicketId: string | null): Promise<CaseHit[]> {
    if (!plan) return [];
    const filters = `c_.merged_into IS NULL AND c_.status IN ('resolved', 'closed') AND ($5::uuid IS NULL OR c_.ticket_id <> $5::uuid)
      AND ($4::tsquery IS NULL OR NOT c_.search_vector @@ $4::tsquery)`;
    const columns = 'c_.ticket_id AS id, c_.number, c_.summary, c_.problem, c_.resolution, c_.search_config';
    const rows = (await this.manager.query(
      `WITH ${tieredMatchesSql('knowledge_cases', 'c_', columns, filters, false, 6, DEFAULT_CAPS)}
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
