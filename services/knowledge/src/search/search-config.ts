/** The text search configuration an article or case is indexed with, by its language. */
export function searchConfigFor(language: string | null): 'kn_german' | 'kn_english' | 'kn_simple' {
  if (language === 'de') return 'kn_german';
  if (language === 'en') return 'kn_english';
  return 'kn_simple';
}

/**
 * SQL of a weighted document vector over parameters: title (A), problem with products and tags
 * (B), resolution (C), all in the configuration `$config`. Parameter numbers are passed in.
 */
export function weightedVectorSql(p: { config: number; title: number; problem: number; resolution: number; products: number; tags: number }): string {
  const cfg = `$${p.config}::regconfig`;
  return `setweight(to_tsvector(${cfg}, $${p.title}), 'A')
    || setweight(to_tsvector(${cfg}, $${p.problem} || ' ' || array_to_string($${p.products}::text[], ' ') || ' ' || array_to_string($${p.tags}::text[], ' ')), 'B')
    || setweight(to_tsvector(${cfg}, $${p.resolution}), 'C')`;
}

/** SQL adding every word of `$n` to the typo/compound vocabulary (sorted, so concurrent writers do not deadlock). */
export function vocabularySql(n: number): string {
  return `INSERT INTO knowledge_terms (term)
    SELECT DISTINCT w FROM regexp_split_to_table(lower(unaccent($${n})), '[^[:alnum:]]+') AS w
    WHERE length(w) BETWEEN 3 AND 40 ORDER BY 1
    ON CONFLICT DO NOTHING`;
}
