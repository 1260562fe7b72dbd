// Turns an expanded query into SQL tsquery expressions over numbered parameters.

/** One alternative after expansion: a word or an exact phrase (words joined by spaces). */
export type SearchTerm = { readonly kind: 'word' | 'phrase'; readonly text: string };

/** What the SQL searches: clauses of OR-ed terms, excluded terms, and whether every clause is required. */
export interface SearchPlan {
  readonly clauses: readonly (readonly SearchTerm[])[];
  readonly excluded: readonly SearchTerm[];
  readonly requireAll: boolean;
}

/** SQL expressions of a plan, with their parameters (starting at `$firstParam`). */
export interface PlanSql {
  /** Any clause matches. */
  readonly any: string;
  /** Every clause matches. */
  readonly all: string;
  /** Array of one tsquery per clause, for coverage scoring. */
  readonly perClause: string;
  /** An excluded term matches; null when nothing is excluded. */
  readonly excluded: string | null;
  readonly params: readonly string[];
}

/** Builds the SQL of a plan; null when the plan has no clause to search for. */
export function planSql(plan: SearchPlan, firstParam: number): PlanSql | null {
  if (plan.clauses.length === 0) return null;
  const params: string[] = [];
  const term = (t: SearchTerm) => {
    params.push(t.text);
    return `${t.kind === 'word' ? 'kn_word_queries' : 'kn_phrase_queries'}($${firstParam + params.length - 1}::text)`;
  };
  // kn_any ORs the distinct lexeme queries: the configurations and synonyms of a clause mostly
  // yield the same lexemes, and GIN evaluates the whole query for every candidate posting.
  const anyOf = (terms: readonly SearchTerm[]) => `kn_any(${terms.map(term).join(' || ')})`;
  const clauseSql = plan.clauses.map(anyOf);
  const excluded = plan.excluded.length > 0 ? anyOf(plan.excluded) : null;
  return {
    any: `(${clauseSql.join(' || ')})`,
    all: `(${clauseSql.join(' && ')})`,
    perClause: `ARRAY[${clauseSql.join(', ')}]::tsquery[]`,
    excluded,
    params,
  };
}
