import type { IndexedArticle } from './impact-index';
import { IMPACT_WEIGHT, MATCHED_CLAUSE_KEY, type CandidateQuery } from './top-candidates';

/** What the facets count of a candidate. */
export interface FacetValues {
  readonly category: string | null;
  readonly products: readonly string[];
}

/** A candidate of the in-memory ranking, with what the page needs besides the row's text. */
export interface RankedCandidate {
  readonly id: string;
  /** 1: has every clause; 0: some. */
  readonly tier: 0 | 1;
  /** The selection key: the order within a tier. */
  readonly key: number;
  /** 0–1, strict above loose (as the SQL plan's score). */
  readonly score: number;
  /** `changed_xid` of the version ranked (-1: unknown). */
  readonly version: number;
  /** The index's ordinal, -1 for a row read from the table (whose facet values are then `values`). */
  readonly ordinal: number;
  readonly values: FacetValues | null;
}

/**
 * The score shown for a key: a strict candidate 0.5 plus half its weight share, a loose one half
 * its clause share plus half its weight share (the SQL plan's form, with the in-memory weights in
 * place of ts_rank).
 */
export function scoreOfKey(tier: 0 | 1, key: number, clauses: number): number {
  // Every clause in the title: the highest key a strict candidate can have.
  const most = (IMPACT_WEIGHT[3] ?? 0) * Math.max(1, clauses);
  if (tier === 1) return 0.5 + (0.5 * key) / most;
  const matched = Math.floor(key / MATCHED_CLAUSE_KEY);
  return (0.5 * matched) / Math.max(1, clauses) + (0.5 * (key - matched * MATCHED_CLAUSE_KEY)) / most;
}

/** Best first: strict before loose, then by key; ties keep their order (the sort is stable). */
export function byRank(x: RankedCandidate, y: RankedCandidate): number {
  return y.tier - x.tier || y.key - x.key;
}

/**
 * An article read from the table (written after the index's horizon) ranked as the selection
 * would rank it, or null when it does not match or does not pass the scope and filters: a row the
 * index has not read yet takes its place in the page exactly as it will once read.
 */
export function rankArticle(article: IndexedArticle, query: CandidateQuery): RankedCandidate | null {
  const published = article.status === 'published';
  if ((query.customer && !(published && article.visibility === 'customer')) || (query.publishedOnly && !published)) return null;
  if ((query.category !== null && article.category !== query.category) || (query.language !== null && article.language !== query.language)) return null;
  if (query.product !== null && !article.products.includes(query.product)) return null;
  const impacts = impactsOf(article);
  const impactOf = (lexeme: string) => impacts.get(lexeme) ?? 0;
  if (query.excluded.some((alternative) => alternative.length === 1 && impactOf(alternative[0] ?? '') > 0)) return null;
  let matched = 0;
  let weights = 0;
  for (const clause of query.clauses) {
    let best = 0;
    for (const alternative of clause) {
      const own = alternative.length === 0 ? 0 : Math.min(...alternative.map(impactOf)) > 0 ? Math.max(...alternative.map(impactOf)) : 0;
      best = Math.max(best, own);
    }
    if (best > 0) {
      matched += 1;
      weights += IMPACT_WEIGHT[best] ?? 0;
    }
  }
  const strict = matched === query.clauses.length && matched > 0;
  if (!strict && (matched === 0 || query.requireAll)) return null;
  const tier = strict ? 1 : 0;
  const key = strict ? weights : matched * MATCHED_CLAUSE_KEY + weights;
  return {
    id: article.id,
    tier,
    key,
    score: scoreOfKey(tier, key, query.clauses.length),
    version: article.version === null ? -1 : Number(article.version),
    ordinal: -1,
    values: { category: article.category, products: article.products },
  };
}

/** Each lexeme's highest impact class in the article (A 3, B 2, C 1). */
function impactsOf(article: IndexedArticle): Map<string, number> {
  const impacts = new Map<string, number>();
  for (const [lexemes, impact] of [
    [article.c, 1],
    [article.b, 2],
    [article.a, 3],
  ] as const)
    for (const lexeme of lexemes) impacts.set(lexeme, impact);
  return impacts;
}
