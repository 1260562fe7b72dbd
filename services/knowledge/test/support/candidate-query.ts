import type { CandidateQuery } from '../../src/search/impact-index/top-candidates';

/** A selection query over `clauses` (lexeme alternatives): staff scope, no filters, a page of 10, 200 candidates per tier, unless `more` says otherwise. */
export function candidateQuery(clauses: string[][][], more: Partial<CandidateQuery> = {}): CandidateQuery {
  return {
    clauses,
    excluded: [],
    requireAll: false,
    customer: false,
    publishedOnly: false,
    category: null,
    language: null,
    product: null,
    limit: 10,
    cap: 200,
    ...more,
  };
}
