import { quotedLexeme } from '../impact-index/tsquery-clauses';

/** The lexemes a snippet highlights: exact ones, and prefixes (`'foo':*`). */
export interface QueryLexemes {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

/** A query that matches nothing. */
export const NO_LEXEMES: QueryLexemes = { exact: new Set(), prefixes: [] };

/**
 * The positive lexemes of a tsquery text (`tsquery::text`, e.g. `'druck' | !'fax' & 'toner':*`).
 * Operands under `!` are left out: a snippet shows why an article matched, not what it lacks.
 * Operators only separate operands here; phrase distances and weights do not change which words
 * a snippet marks.
 */
export function queryLexemes(tsquery: string): QueryLexemes {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  // Negation depth per open parenthesis: a `!` before `(` negates the whole group.
  const groupNegated: boolean[] = [];
  let negated = false;
  let pendingNot = false;
  let i = 0;
  while (i < tsquery.length) {
    const ch = tsquery[i];
    if (ch === "'") {
      const { lexeme, end } = quotedLexeme(tsquery, i);
      const { prefix, end: after } = operandFlags(tsquery, end);
      i = after;
      if (!negated && !pendingNot && lexeme !== '') (prefix ? prefixes : exact).add(lexeme);
      pendingNot = false;
      continue;
    }
    if (ch === '!') pendingNot = !pendingNot;
    else if (ch === '(') {
      groupNegated.push(negated);
      negated = negated || pendingNot;
      pendingNot = false;
    } else if (ch === ')') negated = groupNegated.pop() ?? false;
    i += 1;
  }
  return { exact, prefixes: [...prefixes] };
}

/** Whether a document lexeme is one of the query's, exactly or by prefix. */
export function matchesQuery(lexeme: string, query: QueryLexemes): boolean {
  if (query.exact.has(lexeme)) return true;
  for (const prefix of query.prefixes) if (lexeme.startsWith(prefix)) return true;
  return false;
}

/** Reads `:*AB`-style marks after an operand: a `*` makes it a prefix. */
function operandFlags(text: string, start: number): { prefix: boolean; end: number } {
  if (text[start] !== ':') return { prefix: false, end: start };
  let prefix = false;
  let i = start + 1;
  while (i < text.length && /[*A-Da-d]/.test(text[i] ?? '')) {
    if (text[i] === '*') prefix = true;
    i += 1;
  }
  return { prefix, end: i };
}
