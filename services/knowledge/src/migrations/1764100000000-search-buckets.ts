import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buckets of the article search index; `SEARCH_BUCKETS` in `src/search/search-buckets.ts` must match. */
const BUCKETS = 16;

/** The bucketed columns and the name of the one index each had. */
const INDEXED = [
  ['search_vector', 'knowledge_articles_search'],
  ['title_vector', 'knowledge_articles_title'],
] as const;

/**
 * The full-text indexes of the articles (`search_vector`, `title_vector`) each split into 16
 * partial GIN indexes, one per bucket `hashtext(id::text) & 15`, in place of the one over every
 * article.
 *
 * A GIN scan returns nothing before it has decoded every posting of every query word: three
 * common words with their synonyms (e.g. locked|gesperrt & account & password|passwort|kennwort)
 * cost 80–190 ms at 1 M articles, although the search ranks only the first 200 matches. Read
 * bucket after bucket under a LIMIT, a search stops once it has enough matches and decodes a
 * sixteenth of the postings per bucket it reads (~3 ms each for that query; one or two buckets).
 * A query matching few articles reads all sixteen, which costs about what the one index did.
 * The title index likewise: a query of one clause ("Druckerwarteschlange" → drucker |
 * warteschlange | …) has ~36 000 title matches, and the one title index decoded all of them
 * (12–22 ms) for the first 200; bucketed ~2 ms. A title query with few matches reads all sixteen
 * buckets (~0.5–1 ms more than the one index).
 *
 * `kn_word_queries`, `kn_phrase_queries` and `kn_any` compile a clause to the OR of its distinct
 * lexeme queries: a word searched in three configurations, plus its synonyms, repeated most
 * lexemes up to five times ('mail' | 'mail' | 'mail' | 'email' | …), and GIN evaluates the query
 * for every candidate posting — the same title scan cost ~11 ms with the repeats, ~3 ms without.
 *
 * Each row is in exactly one bucket, so an insert or update maintains one GIN index per column as
 * before. Sixteen indexes take ~1.8× the space of the one (`search_vector` at 1 M articles:
 * 379 MB against 213 MB; each bucket repeats the entry tree of the vocabulary).
 */
export class SearchBuckets1764100000000 implements MigrationInterface {
  name = 'SearchBuckets1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [column, name] of INDEXED) {
      for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
        await runner.query(
          `CREATE INDEX ${name}_b${bucket} ON knowledge_articles USING gin (${column}) WITH (gin_pending_list_limit = 64)
             WHERE (hashtext(id::text) & ${BUCKETS - 1}) = ${bucket}`,
        );
      }
      await runner.query(`DROP INDEX ${name}`);
    }
    // A query word per configuration, and the OR of the distinct non-empty ones of a clause (all
    // empty: the first, itself empty; a literal '' would raise a notice on every call).
    await runner.query(`CREATE FUNCTION kn_word_queries(word text) RETURNS tsquery[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT ARRAY[plainto_tsquery('kn_german', word), plainto_tsquery('kn_english', word), plainto_tsquery('kn_simple', word)] $$`);
    await runner.query(`CREATE FUNCTION kn_phrase_queries(phrase text) RETURNS tsquery[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT ARRAY[phraseto_tsquery('kn_german', phrase), phraseto_tsquery('kn_english', phrase), phraseto_tsquery('kn_simple', phrase)] $$`);
    await runner.query(`CREATE FUNCTION kn_any(queries tsquery[]) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT COALESCE((SELECT kn_or_agg(DISTINCT q) FROM unnest(queries) AS q WHERE numnode(q) > 0), queries[1]) $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION kn_any(tsquery[])`);
    await runner.query(`DROP FUNCTION kn_phrase_queries(text)`);
    await runner.query(`DROP FUNCTION kn_word_queries(text)`);
    for (const [column, name] of INDEXED) {
      await runner.query(`CREATE INDEX ${name} ON knowledge_articles USING gin (${column}) WITH (gin_pending_list_limit = 64)`);
      for (let bucket = 0; bucket < BUCKETS; bucket += 1) await runner.query(`DROP INDEX ${name}_b${bucket}`);
    }
  }
}
