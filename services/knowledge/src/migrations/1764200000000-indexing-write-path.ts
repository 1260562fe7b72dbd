import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillSignatureBands } from '../cases/signature-backfill';

/**
 * The write path of resolved tickets at a million articles.
 *
 * - The near-duplicate bands are seeded with the article's language (`signatureBands` in
 *   `src/cases/near-duplicate-signature.ts`): a case only shares bands with articles of its own
 *   language, which the check demands anyway. At a million articles each case had ~9 chance
 *   candidates (every one an article row read and compared in code for nothing), half of them in
 *   the other language. Bands of articles without a language keep their hashes; the others are
 *   recomputed (like the migration that introduced the bands: ~6 min at a million articles).
 * - `knowledge_articles_sources` (GIN over `source_ticket_ids`) without a pending list
 *   (`fastupdate = off`): every article names its own ticket ids, so the pending list never
 *   gathers two postings of one key that a merge into the tree could combine, while every lookup
 *   (the batch's "is this ticket already a source" probe, 250 per batch, and `withSource`) had to
 *   read the whole list besides the tree.
 */
export class IndexingWritePath1764200000000 implements MigrationInterface {
  name = 'IndexingWritePath1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await this.rebuildBands(runner, false);
    await runner.query(`ALTER INDEX knowledge_articles_sources SET (fastupdate = off)`);
    // Turning the list off does not empty it; its entries would stay until the next vacuum.
    await runner.query(`SELECT gin_clean_pending_list('knowledge_articles_sources'::regclass)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER INDEX knowledge_articles_sources SET (fastupdate = on)`);
    await this.rebuildBands(runner, true);
  }

  /** The bands are derived from the articles' texts alone: recomputed, the index built after the load. */
  private async rebuildBands(runner: QueryRunner, withoutLanguage: boolean): Promise<void> {
    await runner.query(`DROP INDEX knowledge_article_bands_key`);
    await runner.query(`TRUNCATE knowledge_article_bands`);
    await backfillSignatureBands(runner, 5_000, undefined, withoutLanguage);
    await runner.query(`CREATE UNIQUE INDEX knowledge_article_bands_key ON knowledge_article_bands (band, hash, article_id)`);
  }
}
