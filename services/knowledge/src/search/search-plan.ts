// Turns an expanded query into SQL tsquery expressions over numbered parameters.

/**
 * One alternative after expansion: a word or an exact phrase (words joined by spaces). `typed`:
 * the user wrote it (not a synonym, typo correction or compound part added by expansion).
 */
export type SearchTerm = { readonly kind: 'word' | 'phrase'; readonly text: string; readonly typed?: boolean };

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
  /**
   * Every clause matches with a word as typed (see {@link SearchTerm.typed}); null when a clause
   * has no typed term or nothing was added by expansion (then it is `all`).
   */
  readonly typedAll: string | null;
  readonly params: readonly string[];
}

/** Builds the SQL of a plan; null when the plan has no clause to search for. */
export function planSql(plan: SearchPlan, firstParam: number): PlanSql | null {
  if (plan.clauses.length === 0) return null;
  const params: string[] = [];
  const term = (t: SearchTerm) => {
    params.push(t.text);
    return `${t.kind === 'word' ? 'kn_word_query' : 'kn_phrase_query'}($${firstParam + params.length - 1}::text)`;
  };
  const terms = plan.clauses.map((clause) => clause.map((t) => ({ sql: term(t), typed: t.typed === true })));
  const clauseSql = terms.map((clause) => `(${clause.map((t) => t.sql).join(' || ')})`);
  const typedSql = terms.map((clause) => clause.filter((t) => t.typed).map((t) => t.sql));
  const expanded = terms.some((clause) => clause.some((t) => !t.typed));
  const excluded = plan.excluded.length > 0 ? `(${plan.excluded.map(term).join(' || ')})` : null;
  return {
    any: `(${clauseSql.join(' || ')})`,
    all: `(${clauseSql.join(' && ')})`,
    perClause: `ARRAY[${clauseSql.join(', ')}]::tsquery[]`,
    excluded,
    typedAll: expanded && typedSql.every((clause) => clause.length > 0) ? `(${typedSql.map((clause) => `(${clause.join(' || ')})`).join(' && ')})` : null,
    params,
  };
}
