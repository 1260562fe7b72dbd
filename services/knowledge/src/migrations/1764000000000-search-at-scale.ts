import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search and indexing at a million articles.
 *
 * - `search_vector` becomes a generated column (`kn_document_vector`: title A, problem with
 *   products and tags B, resolution C, in the article's `search_config`), so every writer —
 *   the repository, a batch insert, a bulk load — gets the same vector without sending the
 *   text twice.
 * - `title_vector` (generated, title only) with its own GIN index: the first search tier
 *   looks for articles whose title has every query word. Its posting lists are a ninth of the
 *   full vector's, so a query of common words ranks a few hundred candidates instead of
 *   decoding tens of thousands of postings (the best-ranked articles are title matches anyway:
 *   weight A is 1.0 against 0.4 and 0.2).
 * - The GIN indexes keep a pending list of at most 64 kB (default 4 MB): every scan reads the
 *   whole pending list, and while resolved tickets stream in, a 4 MB list made each duplicate
 *   check's index probe ~10 ms instead of ~1 ms; a short list is merged into the index often, in
 *   small sorted batches.
 * - `kn_and_agg` / `kn_or_agg` combine per-word tsqueries in one statement, for the set-based
 *   duplicate check of a batch of resolved tickets.
 */
export class SearchAtScale1764000000000 implements MigrationInterface {
  name = 'SearchAtScale1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    // IMMUTABLE although array_to_string is only STABLE: the text form of a text[] does not depend on settings.
    await runner.query(`CREATE FUNCTION kn_document_vector(cfg regconfig, title text, problem text, resolution text, products text[], tags text[])
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT setweight(to_tsvector(cfg, title), 'A')
             || setweight(to_tsvector(cfg, problem || ' ' || array_to_string(products, ' ') || ' ' || array_to_string(tags, ' ')), 'B')
             || setweight(to_tsvector(cfg, resolution), 'C') $$`);
    await runner.query(`ALTER TABLE knowledge_articles DROP COLUMN search_vector`);
    await runner.query(`ALTER TABLE knowledge_articles
      ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (kn_document_vector(search_config, title, problem, resolution, products, tags)) STORED,
      ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (to_tsvector(search_config, title)) STORED`);
    await runner.query(`CREATE INDEX knowledge_articles_search ON knowledge_articles USING gin (search_vector) WITH (gin_pending_list_limit = 64)`);
    await runner.query(`CREATE INDEX knowledge_articles_title ON knowledge_articles USING gin (title_vector) WITH (gin_pending_list_limit = 64)`);
    await runner.query(`ALTER INDEX knowledge_articles_sources SET (gin_pending_list_limit = 64)`);
    await runner.query(`ALTER INDEX knowledge_cases_search SET (gin_pending_list_limit = 64)`);
    await runner.query(`CREATE AGGREGATE kn_and_agg(tsquery) (SFUNC = tsquery_and, STYPE = tsquery)`);
    await runner.query(`CREATE AGGREGATE kn_or_agg(tsquery) (SFUNC = tsquery_or, STYPE = tsquery)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER INDEX knowledge_cases_search RESET (gin_pending_list_limit)`);
    await runner.query(`ALTER INDEX knowledge_articles_sources RESET (gin_pending_list_limit)`);
    await runner.query(`DROP AGGREGATE kn_or_agg(tsquery)`);
    await runner.query(`DROP AGGREGATE kn_and_agg(tsquery)`);
    await runner.query(`ALTER TABLE knowledge_articles DROP COLUMN title_vector, DROP COLUMN search_vector`);
    await runner.query(`ALTER TABLE knowledge_articles ADD COLUMN search_vector tsvector`);
    await runner.query(`UPDATE knowledge_articles SET search_vector = kn_document_vector(search_config, title, problem, resolution, products, tags)`);
    await runner.query(`ALTER TABLE knowledge_articles ALTER COLUMN search_vector SET NOT NULL`);
    await runner.query(`CREATE INDEX knowledge_articles_search ON knowledge_articles USING gin (search_vector)`);
    await runner.query(`DROP FUNCTION kn_document_vector(regconfig, text, text, text, text[], text[])`);
  }
}
