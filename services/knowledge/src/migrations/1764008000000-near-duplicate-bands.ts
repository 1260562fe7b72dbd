import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillSignatureBands } from '../cases/signature-backfill';

/**
 * The near-duplicate check of resolved tickets by MinHash/LSH bands instead of a full-text probe
 * per case (`src/cases/near-duplicate-signature.ts`).
 *
 * - `knowledge_article_bands (band, hash, article_id)`: the 24 band hashes of each article's
 *   title, problem and resolution, unique btree on all three. A batch of cases is probed with one
 *   join (a btree lookup per band), where the GIN probe per case cost 1–3 ms on a large base.
 *   No foreign key and no index by article: bands are only added (an edit adds the new text's
 *   bands; stale ones only ever produce a candidate that the similarity check rejects).
 * - The bands of the existing articles are computed here (in TypeScript, 5 000 articles per
 *   statement).
 */
export class NearDuplicateBands1764008000000 implements MigrationInterface {
  name = 'NearDuplicateBands1764008000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE knowledge_article_bands (band smallint NOT NULL, hash integer NOT NULL, article_id uuid NOT NULL)`);
    await backfillSignatureBands(runner);
    await runner.query(`CREATE UNIQUE INDEX knowledge_article_bands_key ON knowledge_article_bands (band, hash, article_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE knowledge_article_bands`);
  }
}
