/**
 * Rows written since the index's horizon that a search looks at besides the candidates; more
 * (a poll far behind) can only make a search miss a new article until the index catches up.
 */
const RECENT_ROWS = 1_000;

/** Parameter numbers of the candidate statement (after the filter parameters). */
export interface CandidateParams {
  readonly limit: number;
  readonly ids: number;
  readonly horizon: number;
}

/**
 * The `strict`, `loose` and `matches` CTEs of the search statement over candidates chosen by the
 * in-memory index (`impact-index/`), in place of the GIN scans: the candidates by primary key,
 * plus the rows written since the index's horizon that match (btree on `changed_xid`; the newest
 * {@link RECENT_ROWS}, at most `recentCap` matches), so a committed write is found before the index has read it. Every candidate is
 * checked against the same match, scope and filter conditions as the SQL plan (`filters`) and
 * ranked the same way, so the index can only make a search miss, never show an article the
 * caller may not see or one that does not match (phrases, word order, exclusions are PostgreSQL's).
 */
export function candidateMatchesSql(filters: string, requireAll: boolean, p: CandidateParams, rank: (vector: string, query: string) => string, recentCap: number): string {
  const columns = 'a.id, a.category, a.products, a.search_vector';
  // The recent rows are read through the ordered changed_xid index first (newest first): written
  // as one filter, PostgreSQL's generic plan chose a sequential scan of the table (1 s at 1 M).
  return `recent AS MATERIALIZED (
      SELECT r.id FROM knowledge_articles r WHERE r.changed_xid >= $${p.horizon}::xid8 ORDER BY r.changed_xid DESC LIMIT ${RECENT_ROWS}),
    candidates AS MATERIALIZED (
      SELECT ${columns} FROM knowledge_articles a WHERE a.id = ANY($${p.ids}::uuid[]) AND ${filters}
      UNION ALL
      (SELECT ${columns} FROM knowledge_articles a
        WHERE a.id IN (SELECT id FROM recent) AND a.search_vector @@ $1::tsquery AND NOT a.id = ANY($${p.ids}::uuid[]) AND ${filters}
        LIMIT ${recentCap})),
    strict AS (SELECT c.id, c.category, c.products, 1 AS tier, 0.5 + 0.5 * ${rank('c.search_vector', '$2::tsquery')} AS score
                 FROM candidates c WHERE c.search_vector @@ $2::tsquery),
    loose AS (
      SELECT c.id, c.category, c.products, 0 AS tier,
             0.5 * (SELECT count(*) FROM unnest($3::tsquery[]) AS clause(q) WHERE c.search_vector @@ clause.q)::float8 / cardinality($3::tsquery[])
               + 0.5 * ${rank('c.search_vector', '$1::tsquery')} AS score
        FROM candidates c
       WHERE ${requireAll ? 'false' : 'true'} AND (SELECT count(*) FROM strict) < $${p.limit}
         AND c.search_vector @@ $1::tsquery AND NOT c.search_vector @@ $2::tsquery),
    matches AS (SELECT * FROM strict UNION ALL SELECT * FROM loose ORDER BY tier DESC, score DESC, id LIMIT $${p.limit})`;
}
