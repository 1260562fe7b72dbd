// Web-search syntax: words, "exact phrases", OR between alternatives, -excluded words or phrases.

/** One thing to look for: a word, or an exact phrase of several words. */
export type Alternative = { readonly kind: 'word'; readonly word: string } | { readonly kind: 'phrase'; readonly words: readonly string[] };

/** A parsed query: clauses (each one or more OR-ed alternatives) and excluded alternatives. */
export interface ParsedQuery {
  readonly clauses: readonly (readonly Alternative[])[];
  readonly excluded: readonly Alternative[];
  /** True when the user wrote operators (quotes, OR, -): then every clause is required. */
  readonly explicit: boolean;
}

const MAX_CLAUSES = 16;

/** Accent-folded lower-case words of a text, as the vocabulary stores them (ß → ss like unaccent). */
export function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}

/** Parses a query; tokens that carry no word (punctuation, a lone "-") are ignored. */
export function parseQuery(query: string): ParsedQuery {
  const tokens = query.match(/-?"[^"]*"?|\S+/g) ?? [];
  const clauses: Alternative[][] = [];
  const excluded: Alternative[] = [];
  let explicit = false;
  let joinNext = false;
  for (const token of tokens) {
    if (token === 'OR' || token === '|') {
      joinNext = clauses.length > 0;
      explicit = true;
      continue;
    }
    const negated = token.startsWith('-') && token.length > 1;
    const body = negated ? token.slice(1) : token;
    const quoted = body.startsWith('"');
    const words = normalizeWords(body);
    if (negated || quoted) explicit = true;
    if (words.length === 0) continue;
    const alternatives: Alternative[] = quoted && words.length > 1 ? [{ kind: 'phrase', words }] : words.map((word) => ({ kind: 'word', word }));
    if (negated) {
      excluded.push(...alternatives);
    } else if (joinNext && clauses.length > 0) {
      clauses[clauses.length - 1]?.push(...alternatives);
    } else if (quoted || alternatives.length === 1) {
      clauses.push(alternatives);
    } else {
      for (const alternative of alternatives) clauses.push([alternative]);
    }
    joinNext = false;
  }
  return { clauses: clauses.slice(0, MAX_CLAUSES), excluded, explicit };
}
