import { testInfrastructure } from '@helpdesk/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { withSessionSettings } from '../../services/knowledge/src/database-url';
import { LiveSearchIndex, type LoadReport } from '../../services/knowledge/src/search/impact-index/live-search-index';
import { PlanCandidates } from '../../services/knowledge/src/search/impact-index/plan-candidates';
import { SearchEngine } from '../../services/knowledge/src/search/search-engine';
import { copyKeptSeed } from './kept-seed';

export interface LoadedEngineOptions {
  /** Copies of the kept base are named `bench_knowledge_<label>_<pid>`. */
  readonly label: string;
  readonly articles: number;
  readonly poolSize: number;
  readonly onLoaded?: (report: LoadReport) => void;
}

/**
 * Runs `work` with the search engine over a copy of the kept base, its in-memory index loaded
 * and its pool on the service's session settings (generic plans, no JIT, no parallel workers);
 * stops the index and drops the copy afterwards, also when `work` fails.
 */
export async function withLoadedEngine(options: LoadedEngineOptions, work: (engine: SearchEngine, dataSource: DataSource) => Promise<void>): Promise<void> {
  const adminUrl = (await testInfrastructure()).postgresAdminUrl;
  const name = `bench_knowledge_${options.label}_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const url = await copyKeptSeed(admin, adminUrl, options.articles, name);
  const dataSource = new DataSource({ type: 'postgres', url: withSessionSettings(url), poolSize: options.poolSize });
  const index = new LiveSearchIndex(undefined, options.onLoaded);
  try {
    await dataSource.initialize();
    index.start(dataSource);
    await index.whenLoaded();
    await work(new SearchEngine(new PlanCandidates(index)), dataSource);
  } finally {
    await index.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
