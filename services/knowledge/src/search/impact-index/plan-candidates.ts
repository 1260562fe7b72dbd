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
 * Candidates kept per tier: the page is the best of them, the facets count them all (as the SQL
 * plan's facets count its ranked candidates).
 */
export const INDEX_CANDIDATE_CAP = 100;

/**
 * Bridges the search engine and the in-memory index: turns a compiled plan, scope and filters
 * into a candidate query and ranks it. Null (use the SQL plan) when the index is not loaded, or a
 * clause or an exclusion has a form the index does not read. Compiled plans are cached objects,
 * so their reading is kept beside them.
 */
export class PlanCandidates {
  private readonly read = new WeakMap<CompiledPlan, ReadPlan | null>();

  constructor(private readonly index: LiveSearchIndex) {}

  /** The candidate query of a plan, or null when the index cannot answer it. */
  query(scope: ArticleScope, plan: CompiledPlan, filters: SearchFilters, limit: number): CandidateQuery | null {
    if (!this.index.ready) return null;
    const lexemes = this.readPlan(plan);
    if (!lexemes) return null;
    return {
      ...lexemes,
      requireAll: plan.requireAll,
      customer: scope.kind === 'customer',
      publishedOnly: filters.publishedOnly,
      category: filters.category,
      language: filters.language,
      product: filters.product,
      limit,
      cap: INDEX_CANDIDATE_CAP,
    };
  }

  candidates(query: CandidateQuery): IndexedCandidates | null {
    return this.index.candidates(query);
  }

  /** Changes whenever the index reads written articles (which may have added vocabulary words); null before it is loaded. */
  vocabularyEpoch(): number | null {
    return this.index.ready ? this.index.changesRead : null;
  }

  private readPlan(plan: CompiledPlan): ReadPlan | null {
    if (this.read.has(plan)) return this.read.get(plan) ?? null;
    const clauses = plan.clauses.map(clauseOf);
    const excluded = plan.excluded === null ? [] : clauseOf(plan.excluded);
    // An excluded phrase or split word is PostgreSQL's to check, on rows the page has not fetched.
    const read = clauses.every((c): c is LexemeClause => c !== null) && excluded !== null && excluded.every((a) => a.length === 1) ? { clauses, excluded } : null;
    this.read.set(plan, read);
    return read;
  }
}
