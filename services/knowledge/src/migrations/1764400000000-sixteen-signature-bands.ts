import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The near-duplicate check uses 16 LSH bands per text instead of 24 (`SIGNATURE_BANDS` in
 * `src/cases/near-duplicate-signature.ts`).
 *
 * Each band of a new article is an insert into a random leaf page of `knowledge_article_bands`'
 * btree (~930 MB at a million articles, far beyond shared buffers), and each band of a new case
 * a lookup in one: with 24 bands the probe and the insert were ~40 % of PostgreSQL's CPU per
 * resolved ticket. Band k hashes only MinHash values 4k … 4k + 3, so the stored bands 0–15 are
 * exactly what the code now computes: the rows of bands 16–23 are dropped, nothing recomputed.
 * The table is copied rather than deleted from (a third of its rows), and its index built after
 * the copy (~17 s at a million articles on the 2-core machine).
 *
 * Down: the old code would look up all 24 bands and find only the first 16 for articles stored
 * before, which is what this code does; bands 16–23 of those articles are not recomputed.
 */
export class SixteenSignatureBands1764400000000 implements MigrationInterface {
  name = 'SixteenSignatureBands1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE knowledge_article_bands_next (band smallint NOT NULL, hash integer NOT NULL, article_id uuid NOT NULL)`);
    await runner.query(`INSERT INTO knowledge_article_bands_next (band, hash, article_id) SELECT band, hash, article_id FROM knowledge_article_bands WHERE band < 16`);
    await runner.query(`DROP TABLE knowledge_article_bands`);
    await runner.query(`ALTER TABLE knowledge_article_bands_next RENAME TO knowledge_article_bands`);
    await runner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await runner.query(`CREATE UNIQUE INDEX knowledge_article_bands_key ON knowledge_article_bands (band, hash, article_id)`);
    await runner.query(`ANALYZE knowledge_article_bands`);
  }

  async down(): Promise<void> {
    // See the class comment: the first 16 bands serve the older code as they are.
  }
}
