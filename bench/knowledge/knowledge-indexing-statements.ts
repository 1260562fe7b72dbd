import { readFileSync } from 'node:fs';
import { uuidv7 } from '@helpdesk/messaging';
import { testInfrastructure } from '@helpdesk/testing';
import { Client } from 'pg';
import { copyKeptSeed } from './kept-seed';
import type { EntityManager } from 'typeorm';
import { bucketedIds } from '../../services/knowledge/src/articles/article-ids';
import { LiveBandIndex } from '../../services/knowledge/src/cases/band-index/live-band-index';
import { CaseLearningService } from '../../services/knowledge/src/cases/case-learning.service';
import { extractiveOnly } from '../../services/knowledge/src/extraction/summariser';
import { resolvedEvent } from './knowledge-search';

/**
 * Where the database's work per resolved ticket goes, statement by statement: `learnBatch` (the
 * service's code, in this process) runs batches of 250 benchmark tickets on one connection
 * against a file copy of the kept seed (`bench_knowledge_seed_<BENCH_ARTICLES>`, made by
 * `BENCH_KNOWLEDGE_SEED_CACHE=1 npm run bench -- knowledge-search`), and each statement is
 * charged the backend's CPU (`/proc/<pid>/schedstat`, nanoseconds) and, for writes, the WAL,
 * full-page images and buffers of `EXPLAIN (ANALYZE, BUFFERS, WAL)` (which runs them). Serial and
 * without NATS, gRPC or the inbox, so two versions of the code compare more steadily than in the
 * benchmark on a shared machine; the copy is dropped at the end.
 *
 *   node --conditions=@helpdesk/source --import tsx bench/knowledge/knowledge-indexing-statements.ts [batches]
 */

const ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 1_000_000);
const BATCHES = Number(process.argv[2] ?? 32);
const BATCH = 250;

interface StatementCost {
  count: number;
  cpuMs: number;
  wallMs: number;
  walBytes: number;
  fullPageImages: number;
  pagesRead: number;
}

function backendCpuMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

/** An EntityManager stand-in (the service only calls `query`) that charges every statement its cost. */
function chargingManager(pg: Client, pid: number, costs: Map<string, StatementCost>): EntityManager {
  const query = async (sql: string, params?: unknown[]): Promise<unknown[]> => {
    const label = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
    const write = /^(INSERT|UPDATE|DELETE)/i.test(sql.trim());
    const cpuAtStart = backendCpuMs(pid);
    const startedAt = performance.now();
    let rows: unknown[] = [];
    const cost = costs.get(label) ?? { count: 0, cpuMs: 0, wallMs: 0, walBytes: 0, fullPageImages: 0, pagesRead: 0 };
    if (write) {
      const explained = (await pg.query<{ 'QUERY PLAN': { Plan: Record<string, number> }[] }>(`EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON) ${sql}`, params)).rows[0];
      const plan = explained?.['QUERY PLAN'][0]?.Plan ?? {};
      cost.walBytes += plan['WAL Bytes'] ?? 0;
      cost.fullPageImages += plan['WAL FPI'] ?? 0;
      cost.pagesRead += plan['Shared Read Blocks'] ?? 0;
    } else rows = (await pg.query(sql, params)).rows;
    cost.count += 1;
    cost.cpuMs += backendCpuMs(pid) - cpuAtStart;
    cost.wallMs += performance.now() - startedAt;
    costs.set(label, cost);
    return rows;
  };
  return { query } as unknown as EntityManager;
}

async function main(): Promise<void> {
  // Piped into `head`, a closed stdout must not end the process before it drops its database.
  process.stdout.on('error', () => undefined);
  const adminUrl = (await testInfrastructure()).postgresAdminUrl;
  const name = `bench_knowledge_statements_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const url = await copyKeptSeed(admin, adminUrl, ARTICLES, name);
  const pg = new Client({ connectionString: url });
  try {
    await pg.connect();
    await pg.query('SET jit = off');
    // As part (b) of the benchmark: the seed's long-tail words are in the vocabulary.
    await pg.query(`INSERT INTO knowledge_terms (term) SELECT 'x' || to_hex(g) FROM generate_series(16, 49999) AS g ON CONFLICT DO NOTHING`);
    const pid = Number((await pg.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
    // The near-duplicate bands are loaded before the measurement (its costs are dropped), as the service loads them at start.
    const bands = new LiveBandIndex();
    await bands.candidates(chargingManager(pg, pid, new Map()), []);
    const costs = new Map<string, StatementCost>();
    const manager = chargingManager(pg, pid, costs);
    const learning = new CaseLearningService({ extractedVisibility: 'customer', duplicateSimilarity: 0.5 }, extractiveOnly, bucketedIds(uuidv7), bands);
    let serviceMs = 0;
    const cpuAtStart = backendCpuMs(pid);
    const startedAt = performance.now();
    for (let b = 0; b < BATCHES; b += 1) {
      const events = Array.from({ length: BATCH }, (_, i) => resolvedEvent(b * BATCH + i).data);
      await pg.query('BEGIN');
      const before = process.cpuUsage();
      await learning.learnBatch(manager, events, new Date());
      const used = process.cpuUsage(before);
      serviceMs += (used.user + used.system) / 1_000;
      await pg.query('COMMIT');
    }
    const tickets = BATCHES * BATCH;
    console.log(
      `${tickets} tickets in ${((performance.now() - startedAt) / 1_000).toFixed(1)} s: PostgreSQL backend ${((backendCpuMs(pid) - cpuAtStart) / tickets).toFixed(3)} ms CPU per ticket, ` +
        `this process (service code, pg client) ${(serviceMs / tickets).toFixed(3)} ms per ticket`,
    );
    for (const [label, c] of [...costs].sort((x, y) => y[1].cpuMs - x[1].cpuMs)) {
      const per = (n: number) => (n / tickets).toFixed(3);
      console.log(
        `  ${per(c.cpuMs)} ms CPU, ${per(c.wallMs)} ms wall` +
          (c.walBytes > 0 ? `, ${(c.walBytes / tickets / 1024).toFixed(1)} kB WAL, ${per(c.fullPageImages)} full-page images, ${per(c.pagesRead)} pages read` : '') +
          ` per ticket (${c.count}×): ${label}`,
      );
    }
  } finally {
    await pg.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
