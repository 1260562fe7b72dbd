import type { LoadReport } from '../../services/knowledge/src/search/impact-index/live-search-index';
import { CandidateSelector } from '../../services/knowledge/src/search/impact-index/top-candidates';
import { NO_FILTERS } from '../../services/knowledge/src/search/search-engine';
import { QUERIES } from './knowledge-corpus';
import { withLoadedEngine } from './loaded-engine';

/**
 * The in-memory candidate selection alone: `SearchEngine.search` over a copy of the kept 1 M base,
 * one search at a time, BENCH_SELECTION_REPEAT (default 200) times per benchmark query (every
 * fourth a customer's), timing only `CandidateSelector.selectScored`. Prints the mean per search
 * and per query, slowest first, and the index's load report (memory). The whole-service figure
 * moves ±10 % from run to run; this one shows a change to the selection within a few per cent.
 * Needs the kept base (see knowledge-search-engine.ts). Run: node --conditions=@helpdesk/source
 * --import tsx bench/knowledge/knowledge-selection-time.ts
 */
const ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 1_000_000);
const REPEAT = Number(process.env['BENCH_SELECTION_REPEAT'] ?? 200);

/** Milliseconds spent in selectScored, per query being searched. */
const spent = new Map<string, number>();
let searching = '';
const selectScored = CandidateSelector.prototype.selectScored;
CandidateSelector.prototype.selectScored = function timed(this: CandidateSelector, query) {
  const startedAt = performance.now();
  try {
    return selectScored.call(this, query);
  } finally {
    spent.set(searching, (spent.get(searching) ?? 0) + performance.now() - startedAt);
  }
};

async function main(): Promise<void> {
  const onLoaded = (report: LoadReport) =>
    console.log(`index loaded: ${report.articles} articles in ${report.seconds.toFixed(0)} s, postings ${report.postingsMb.toFixed(0)} MB, packed impacts and bits ${report.packedMb.toFixed(0)} MB, rss ${report.rssMb.toFixed(0)} MB`);
  await withLoadedEngine({ label: 'selection', articles: ARTICLES, poolSize: 4, onLoaded }, async (engine, dataSource) => {
    // The first round warms the JIT and the clause unions; the second is reported.
    for (const round of ['warm-up', 'measured']) {
      spent.clear();
      for (const query of QUERIES) {
        searching = query;
        for (let i = 0; i < REPEAT; i += 1) await engine.search(dataSource.manager, i % 4 === 0 ? { kind: 'customer' } : { kind: 'staff' }, query, NO_FILTERS, 10);
      }
      const total = [...spent.values()].reduce((sum, ms) => sum + ms, 0);
      console.log(`${round}: selection ${((total / (REPEAT * QUERIES.length)) * 1_000).toFixed(0)} µs per search (${QUERIES.length} queries × ${REPEAT})`);
    }
    for (const [query, ms] of [...spent].sort((x, y) => y[1] - x[1])) console.log(`  ${((ms / REPEAT) * 1_000).toFixed(0).padStart(6)} µs  ${query}`);
  });
}

void main();
