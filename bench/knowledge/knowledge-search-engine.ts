import { NO_FILTERS } from '../../services/knowledge/src/search/search-engine';
import { processCpuMs } from '../support/database-cpu';
import { QUERIES } from './knowledge-corpus';
import { withLoadedEngine } from './loaded-engine';

/**
 * The search engine without gRPC: `SearchEngine.search` called in this process over a copy of
 * the kept 1 M-article base (with the in-memory index loaded), BENCH_ENGINE_IN_FLIGHT (default
 * 16) searches at a time for 10 s, the benchmark's queries and scopes. Prints searches/s and the
 * CPU per search of the PostgreSQL backends and of this process, so the engine's and the
 * database's share can be told from the gRPC service's and client's in part (a) of
 * knowledge-search. Needs the kept base (BENCH_KNOWLEDGE_SEED_CACHE=1 BENCH_KNOWLEDGE_PARTS=none
 * npm run bench -- knowledge-search). Run: node --conditions=@helpdesk/source --import tsx
 * bench/knowledge/knowledge-search-engine.ts
 */
const ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 1_000_000);
const IN_FLIGHT = Number(process.env['BENCH_ENGINE_IN_FLIGHT'] ?? 16);
/** The service's default pool size (`DataSourceConfig.poolSize`), unless set. */
const POOL = Number(process.env['BENCH_ENGINE_POOL'] ?? 10);

async function main(): Promise<void> {
  await withLoadedEngine({ label: 'engine', articles: ARTICLES, poolSize: POOL }, async (engine, dataSource) => {
    let searches = 0;
    const load = async (until: number) => {
      for (let i = 0; Date.now() < until; i += 1) {
        const query = QUERIES[Math.floor(Math.random() * QUERIES.length)] ?? 'drucker';
        // As part (a): every fourth search a customer's.
        await engine.search(dataSource.manager, i % 4 === 0 ? { kind: 'customer' } : { kind: 'staff' }, query, NO_FILTERS, 10);
        searches += 1;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, () => load(Date.now() + 3_000)));
    const backends = (await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)) as { pid: number }[];
    const databaseCpu = () => backends.reduce((sum, { pid }) => sum + (processCpuMs(pid) || 0), 0);
    searches = 0;
    const dbAtStart = databaseCpu();
    const cpuAtStart = process.cpuUsage();
    const startedAt = Date.now();
    await Promise.all(Array.from({ length: IN_FLIGHT }, () => load(Date.now() + 10_000)));
    const seconds = (Date.now() - startedAt) / 1_000;
    const cpu = process.cpuUsage(cpuAtStart);
    console.log(
      `knowledge search engine (no gRPC), ${IN_FLIGHT} in flight, pool ${POOL}, ${backends.length} backends: ${(searches / seconds).toFixed(0)} searches/s; ` +
        `PostgreSQL ${((databaseCpu() - dbAtStart) / searches).toFixed(2)} ms, this process ${((cpu.user + cpu.system) / 1_000 / searches).toFixed(2)} ms CPU per search`,
    );
  });
}

void main();
