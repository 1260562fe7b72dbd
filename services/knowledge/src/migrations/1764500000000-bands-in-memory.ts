import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillSignatureBands } from '../cases/signature-backfill';

/**
 * The near-duplicate check's LSH bands live in each process's memory (`src/cases/band-index/`),
 * computed from the articles' texts, so `knowledge_article_bands` goes.
 *
 * Why: every new article wrote 16 rows into random leaf pages of its btree (~620 MB at a million
 * articles) and every resolved ticket looked up 16 more: at a million articles that was 0.38 of
 * 0.86 ms of PostgreSQL CPU and 81 of ~110 kB of WAL (11 full-page images) per resolved ticket.
 *
 * Down: the table, its index and the bands of every stored article, as the older code expects.
 */
export class BandsInMemory1764500000000 implements MigrationInterface {
  name = 'BandsInMemory1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE knowledge_article_bands`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE knowledge_article_bands (band smallint NOT NULL, hash integer NOT NULL, article_id uuid NOT NULL)`);
    await backfillSignatureBands(runner);
    await runner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await runner.query(`CREATE UNIQUE INDEX knowledge_article_bands_key ON knowledge_article_bands (band, hash, article_id)`);
    await runner.query(`ANALYZE knowledge_article_bands`);
  }
}
