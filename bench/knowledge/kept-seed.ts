import type { Client } from 'pg';

/**
 * Creates database `name` as a file copy of the kept seeded base of `articles` articles (made by
 * `BENCH_KNOWLEDGE_SEED_CACHE=1 … knowledge-search`), or fails saying how to make it; ends `admin`
 * before failing.
 */
export async function copyKeptSeed(admin: Client, articles: number, name: string): Promise<void> {
  const seed = `bench_knowledge_seed_${articles}`;
  if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [seed])).rowCount) {
    await admin.end();
    throw new Error(`no kept seed database ${seed}: make it first with BENCH_KNOWLEDGE_SEED_CACHE=1 BENCH_KNOWLEDGE_PARTS=none npm run bench -- knowledge-search`);
  }
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${seed}" STRATEGY file_copy`);
}
