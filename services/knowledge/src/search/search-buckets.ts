/**
 * The article search index is split into this many partial GIN indexes, one per bucket of
 * `hashtext(id::text)` (migration 1764100000000-search-buckets; the two must match). A scan
 * that reads them bucket after bucket under a LIMIT stops once it has enough matches, where one
 * GIN scan decodes every posting of every query word first.
 */
export const SEARCH_BUCKETS = 16;

/**
 * `select(bucketCondition)` for every bucket, joined by UNION ALL in bucket order. The condition
 * is written exactly like the index predicates, so PostgreSQL matches each branch to its index.
 */
export function acrossBuckets(alias: string, select: (bucketCondition: string) => string): string {
  return Array.from({ length: SEARCH_BUCKETS }, (_, bucket) => `(${select(`(hashtext(${alias}.id::text) & ${SEARCH_BUCKETS - 1}) = ${bucket}`)})`).join('\n      UNION ALL ');
}
