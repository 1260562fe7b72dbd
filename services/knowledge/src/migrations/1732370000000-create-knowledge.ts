import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge service's schema.
 *
 * - `pg_trgm` and `unaccent` are PostgreSQL contrib extensions (the role running migrations must
 *   be allowed to create them). Three text search configurations fold accents before stemming:
 *   `kn_german`, `kn_english` and `kn_simple` (unknown language, no stemming).
 * - `knowledge_cases` is this service's read model of tickets (from `helpdesk.ticket.*`): only
 *   what extraction and similar-case search need. `knowledge_case_messages` keeps customer-visible
 *   messages only; internal and supplier notes are dropped when they arrive, so they cannot
 *   reach an article.
 * - `knowledge_articles.search_vector` is written by the repository in the same statement as the
 *   text (title weight A, problem/products/tags B, resolution C), in the article's own language
 *   configuration (`search_config`); `knowledge_article_revisions` keeps every edit.
 * - `knowledge_terms` is the vocabulary of all indexed words (accent-folded, lower case), with a
 *   trigram GiST index: typo correction and German compound expansion look query words up here
 *   instead of running trigram similarity over every article.
 */
export class CreateKnowledge1732370000000 implements MigrationInterface {
  name = 'CreateKnowledge1732370000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await runner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    for (const [name, stem] of [['kn_german', 'german_stem'], ['kn_english', 'english_stem'], ['kn_simple', 'simple']] as const) {
      const base = name === 'kn_simple' ? 'simple' : name.slice(3);
      await runner.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = pg_catalog.${base})`);
      await runner.query(`ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stem}`);
    }
    // One query word or phrase in all three configurations: an article matches in its own language.
    await runner.query(`CREATE FUNCTION kn_word_query(word text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT plainto_tsquery('kn_german', word) || plainto_tsquery('kn_english', word) || plainto_tsquery('kn_simple', word) $$`);
    await runner.query(`CREATE FUNCTION kn_phrase_query(phrase text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT phraseto_tsquery('kn_german', phrase) || phraseto_tsquery('kn_english', phrase) || phraseto_tsquery('kn_simple', phrase) $$`);
    await runner.query(`
      CREATE TABLE knowledge_cases (
        ticket_id uuid PRIMARY KEY,
        number text NOT NULL,
        version integer NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL DEFAULT '',
        tags text[] NOT NULL DEFAULT '{}',
        products text[] NOT NULL DEFAULT '{}',
        language text,
        problem text,
        resolution text,
        article_id uuid,
        merged_into uuid,
        resolved_at timestamptz,
        search_config regconfig,
        search_vector tsvector
      )`);
    await runner.query(`CREATE INDEX knowledge_cases_search ON knowledge_cases USING gin (search_vector) WHERE search_vector IS NOT NULL`);
    await runner.query(`CREATE INDEX knowledge_cases_article ON knowledge_cases (article_id) WHERE article_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE knowledge_case_messages (
        message_id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        direction text NOT NULL,
        author_kind text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX knowledge_case_messages_ticket ON knowledge_case_messages (ticket_id, created_at)`);
    await runner.query(`
      CREATE TABLE knowledge_articles (
        id uuid PRIMARY KEY,
        revision integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        visibility text NOT NULL CHECK (visibility IN ('internal', 'customer')),
        language text,
        title text NOT NULL,
        problem text NOT NULL,
        resolution text NOT NULL,
        category text,
        products text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        source_ticket_ids uuid[] NOT NULL DEFAULT '{}',
        needs_review boolean NOT NULL DEFAULT false,
        review_reason text,
        merge_suggestion_ticket_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        published_at timestamptz,
        search_config regconfig NOT NULL,
        search_vector tsvector NOT NULL
      )`);
    await runner.query(`CREATE INDEX knowledge_articles_search ON knowledge_articles USING gin (search_vector)`);
    await runner.query(`CREATE INDEX knowledge_articles_sources ON knowledge_articles USING gin (source_ticket_ids)`);
    await runner.query(`CREATE INDEX knowledge_articles_listing ON knowledge_articles (updated_at DESC, id DESC)`);
    await runner.query(`
      CREATE TABLE knowledge_article_revisions (
        article_id uuid NOT NULL REFERENCES knowledge_articles (id),
        revision integer NOT NULL,
        title text NOT NULL,
        problem text NOT NULL,
        resolution text NOT NULL,
        visibility text NOT NULL,
        category text,
        products text[] NOT NULL,
        tags text[] NOT NULL,
        edited_by jsonb NOT NULL,
        edited_at timestamptz NOT NULL,
        PRIMARY KEY (article_id, revision)
      )`);
    await runner.query(`CREATE TABLE knowledge_terms (term text PRIMARY KEY)`);
    await runner.query(`CREATE INDEX knowledge_terms_trgm ON knowledge_terms USING gist (term gist_trgm_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['knowledge_terms', 'knowledge_article_revisions', 'knowledge_articles', 'knowledge_case_messages', 'knowledge_cases']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`DROP FUNCTION kn_word_query(text)`);
    await runner.query(`DROP FUNCTION kn_phrase_query(text)`);
    for (const name of ['kn_german', 'kn_english', 'kn_simple']) await runner.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
  }
}
