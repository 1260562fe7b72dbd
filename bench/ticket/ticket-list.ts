import { Client } from 'pg';
import { formatMs, summarize, type LatencySummary } from '../support/latency';
import { seedTickets } from './list-seed';
import { LIST_SELECTIONS, type ListSelection } from './list-selections';
import { walkSelection, type TokenFor } from './list-walk';
import { printResults, type ResultRow } from '../support/results-table';
import { ticketServiceClient } from './ticket-grpc-client';
import { buildTicketService, startTicketProcess, type TicketProcess } from './ticket-process';

/**
 * Ticket service, read path: ListTickets over 1 000 000 seeded tickets, against the built service
 * in its own process. For each selection, walks of a first page and up to 20 further pages
 * through nextPageToken, one call at a time; p95 of first pages and of later pages.
 */

const TICKETS = Number(process.env['BENCH_TICKETS'] ?? 1_000_000);
const WALKS = { warmUp: 3, measured: 30, deeperPages: 20 };
const TARGET_P95_MS = 50;

/** The figures of one selection. */
export interface SelectionResult {
  readonly name: string;
  readonly matching: number;
  readonly first: LatencySummary;
  readonly later: LatencySummary;
  readonly meanPages: number;
}

async function countMatching(databaseUrl: string, selection: ListSelection): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(selection.countSql.text, selection.countSql.values);
    return Number(result.rows[0]?.count ?? Number.NaN);
  } finally {
    await client.end();
  }
}

function tokens(service: TicketProcess): TokenFor {
  const customerTokens = new Map<string, Promise<string>>();
  return (caller) => {
    if (caller === 'agent') return Promise.resolve(service.tokens.agent);
    const key = `${caller.customerId}/${caller.contactId}`;
    if (!customerTokens.has(key)) customerTokens.set(key, service.customerToken(caller.customerId, caller.contactId));
    return customerTokens.get(key)!;
  };
}

async function measureSelections(service: TicketProcess): Promise<SelectionResult[]> {
  const client = ticketServiceClient(service.grpcAddress);
  const tokenFor = tokens(service);
  const results: SelectionResult[] = [];
  try {
    for (const selection of LIST_SELECTIONS) {
      const matching = await countMatching(service.db.url, selection);
      await walkSelection(client, tokenFor, selection, { walks: WALKS.warmUp, deeperPages: WALKS.deeperPages, firstWalk: 1_000 });
      const samples = await walkSelection(client, tokenFor, selection, { walks: WALKS.measured, deeperPages: WALKS.deeperPages, firstWalk: 0 });
      const result = {
        name: selection.name,
        matching,
        first: summarize(samples.first),
        later: summarize(samples.later),
        meanPages: samples.pagesPerWalk.reduce((a, b) => a + b, 0) / samples.pagesPerWalk.length,
      };
      console.log(
        `  ${result.name} (k = 0 matches ${result.matching} tickets; ${result.meanPages.toFixed(1)} pages per walk):\n` +
          `    first page p50 ${formatMs(result.first.p50)}, p95 ${formatMs(result.first.p95)}, max ${formatMs(result.first.max)}; ` +
          `later pages p50 ${formatMs(result.later.p50)}, p95 ${formatMs(result.later.p95)}, max ${formatMs(result.later.max)} (${result.later.count} pages)`,
      );
      results.push(result);
    }
    return results;
  } finally {
    client.close();
  }
}

/** Seeds, measures, prints; returns the figures per selection. */
export async function runTicketList(): Promise<SelectionResult[]> {
  await buildTicketService();
  const service = await startTicketProcess('bench-ticket-list');
  try {
    const seed = await seedTickets(service.db.url, TICKETS);
    console.log(
      `ticket-list: seeded ${seed.rows} tickets in ${seed.insertSeconds.toFixed(0)} s (+ ${seed.vacuumSeconds.toFixed(0)} s VACUUM ANALYZE); ` +
        `table ${seed.tableSize}, indexes ${seed.indexSize}\n` +
        `ticket-list: ${WALKS.measured} walks per selection (first page + up to ${WALKS.deeperPages} pages via nextPageToken, 50 per page), one call at a time:`,
    );
    const results = await measureSelections(service);
    const rows: ResultRow[] = results.flatMap((r) => [
      { measurement: `${r.name}: first page p50 / p95`, result: `${formatMs(r.first.p50)} / ${formatMs(r.first.p95)}`, target: `p95 < ${TARGET_P95_MS} ms`, met: r.first.p95 < TARGET_P95_MS },
      { measurement: `${r.name}: later pages p50 / p95`, result: `${formatMs(r.later.p50)} / ${formatMs(r.later.p95)}`, target: `p95 < ${TARGET_P95_MS} ms`, met: r.later.count === 0 || r.later.p95 < TARGET_P95_MS },
    ]);
    printResults(`ticket-list results (${seed.rows} tickets)`, rows);
    return results;
  } finally {
    await service.stop();
  }
}
