import type { Client as PgClient } from 'pg';
import { backfillSignatureBands } from '../../services/knowledge/src/cases/signature-backfill';

/**
 * The near-duplicate bands (`knowledge_article_bands`) of articles seeded straight into the
 * table, computed by the service's own code (`backfillSignatureBands`, as its migration does);
 * the unique btree is dropped for the load and rebuilt from its migration's definition.
 */
export async function seedSignatureBands(pg: PgClient): Promise<void> {
  const startedAt = Date.now();
  const indexes = (await pg.query<{ name: string; definition: string }>(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'knowledge_article_bands'`)).rows;
  for (const index of indexes) await pg.query(`DROP INDEX ${index.name}`);
  const db = { query: async (sql: string, params?: unknown[]) => (await pg.query(sql, params)).rows };
  const articles = await backfillSignatureBands(db, 10_000, (done) => {
    if (done % 200_000 === 0) process.stdout.write(`  bands of ${done} articles (${((Date.now() - startedAt) / 1_000).toFixed(0)} s)\n`);
  });
  for (const index of indexes) await pg.query(index.definition);
  await pg.query('VACUUM ANALYZE knowledge_article_bands');
  console.log(`  near-duplicate bands of ${articles} articles computed and indexed in ${((Date.now() - startedAt) / 1_000).toFixed(0)} s`);
}
