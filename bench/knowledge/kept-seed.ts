import { createDataSource, runMigrations } from '@helpdesk/persistence';
import type { Client } from 'pg';
import { knowledgeMigrations } from '../../services/knowledge/src/migrations/knowledge-migrations';

/**
 * Creates database `name` as a file copy of the kept seeded base of `articles` articles (made by
 * `BENCH_KNOWLEDGE_SEED_CACHE=1 … knowledge-search`) and applies the migrations added since, as
 * the service would at start (a copy whose migration fails is dropped again); or fails saying
 * how to make the base (ending `admin` first).
 * Returns the copy's URL.
 */
export async function copyKeptSeed(admin: Client, adminUrl: string, articles: number, name: string): Promise<string> {
  const seed = `bench_knowledge_seed_${articles}`;
  if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [seed])).rowCount) {
    await admin.end();
    throw new Error(`no kept seed database ${seed}: make it first with BENCH_KNOWLEDGE_SEED_CACHE=1 BENCH_KNOWLEDGE_PARTS=none npm run bench -- knowledge-search`);
  }
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${seed}" STRATEGY file_copy`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Two connections: the runner holds one for its advisory lock.
  const migrating = createDataSource({ url: url.toString(), entities: [], migrations: knowledgeMigrations, poolSize: 2 });
  try {
    await migrating.initialize();
    await runMigrations(migrating);
  } catch (error) {
    if (migrating.isInitialized) await migrating.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  await migrating.destroy();
  return url.toString();
}
