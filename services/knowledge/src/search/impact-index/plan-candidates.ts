import type { ArticleScope } from '../../articles/articles.repository';
import type { CompiledPlan, SearchFilters } from '../search.repository';
import type { IndexedCandidates, LiveSearchIndex } from './live-search-index';
import type { CandidateQuery } from './top-candidates';
import { clauseOf, type LexemeClause } from './tsquery-clauses';

/** The plan's clauses as lexemes, or null when one cannot be read (the SQL plan serves it). */
interface ReadPlan {
  readonly clauses: readonly LexemeClause[];
  readonly excluded: LexemeClause;
}

/**
 * Candidates per tier. Half the SQL plan's cap of 200: these are the best by impact rather than
 * the first in index order, and PostgreSQL's share of a search is mostly checking and ranking
 * them (1 M articles: 3.0 → 2.1 ms of PostgreSQL CPU per search, p95 123 → 102 ms).
 */
export const INDEX_CANDIDATE_CAP = 100;

/**
 * Bridges the search engine and the in-memory index: turns a compiled plan, scope and filters
 * into a candidate query. Null (use the SQL plan) when the index is not loaded, a product filter
 * is set (products are not kept in memory), or a clause has a form the index does not read.
 * Compiled plans are cached objects, so their reading is kept beside them.
 */
export class PlanCandidates {
  private readonly read = new WeakMap<CompiledPlan, ReadPlan | null>();

  constructor(private readonly index: LiveSearchIndex) {}

  candidates(scope: ArticleScope, plan: CompiledPlan, filters: SearchFilters, limit: number): IndexedCandidates | null {
    if (!this.index.ready || filters.product !== null) return null;
    const lexemes = this.readPlan(plan);
    if (!lexemes) return null;
    const query: CandidateQuery = {
      ...lexemes,
      requireAll: plan.requireAll,
      customer: scope.kind === 'customer',
      publishedOnly: filters.publishedOnly,
      category: filters.category,
      language: filters.language,
      limit,
      cap: INDEX_CANDIDATE_CAP,
    };
    return this.index.candidates(query);
  }

  private readPlan(plan: CompiledPlan): ReadPlan | null {
    if (this.read.has(plan)) return this.read.get(plan) ?? null;
    const clauses = plan.clauses.map(clauseOf);
    const excluded = plan.excluded === null ? [] : clauseOf(plan.excluded);
    const read = clauses.every((c): c is LexemeClause => c !== null) && excluded !== null ? { clauses, excluded } : null;
    this.read.set(plan, read);
    return read;
  }
}
