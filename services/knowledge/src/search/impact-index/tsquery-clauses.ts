/**
 * A clause as the in-memory index reads it: alternatives (OR), each the lexemes that must all be
 * present (a word that PostgreSQL split into several lexemes, e.g. "e-mail").
 */
export type LexemeClause = readonly (readonly string[])[];

/**
 * Reads a compiled clause (`tsquery::text`, e.g. `'wlan' | 'wifi' | 'e' <-> 'mail'`) into its
 * alternatives; null for anything the index does not answer well (negation, phrases, prefix or
 * weight marks, an OR nested inside an alternative, an empty query), so the caller uses the SQL
 * plan instead.
 */
export function clauseOf(tsquery: string): LexemeClause | null {
  const alternatives: string[][] = [];
  let current: string[] = [];
  let depth = 0;
  let orInsideParentheses = false;
  let i = 0;
  while (i < tsquery.length) {
    const ch = tsquery[i];
    if (ch === "'") {
      const { lexeme, end } = quotedLexeme(tsquery, i);
      current.push(lexeme);
      i = end;
      if (tsquery[i] === ':') return null;
      continue;
    }
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    // Negation, and phrases: their candidates by lexemes alone would mostly fail PostgreSQL's
    // word-order check and leave the page short, so the SQL plan (positions in GIN) serves them.
    else if (ch === '!' || ch === '<') return null;
    else if (ch === '|') {
      if (depth > 0) orInsideParentheses = true;
      else {
        alternatives.push(current);
        current = [];
      }
    }
    i += 1;
  }
  alternatives.push(current);
  if (orInsideParentheses || alternatives.some((a) => a.length === 0)) return null;
  return alternatives.map((a) => [...new Set(a)]);
}

/** The lexeme of a quoted tsquery operand starting at `start` ('' doubles a quote, \ escapes). */
export function quotedLexeme(text: string, start: number): { lexeme: string; end: number } {
  let lexeme = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      lexeme += text[i + 1] ?? '';
      i += 2;
    } else if (ch === "'") {
      if (text[i + 1] === "'") {
        lexeme += "'";
        i += 2;
      } else return { lexeme, end: i + 1 };
    } else {
      lexeme += ch;
      i += 1;
    }
  }
  return { lexeme, end: i };
}
