import { nowMs } from '../support/latency';
import type { ListSelection } from './list-selections';
import type { UnaryClient } from '../support/grpc-client';

/** Latencies of one selection's walks: first pages and the pages reached through nextPageToken. */
export interface WalkSamples {
  readonly first: number[];
  readonly later: number[];
  /** Pages per walk, first page included. */
  readonly pagesPerWalk: number[];
}

interface ListResponse {
  readonly tickets: readonly unknown[];
  readonly page?: { readonly nextPageToken?: string } | null;
}

/** Issues tokens for callers (staff or a customer's contact). */
export type TokenFor = (caller: 'agent' | { customerId: string; contactId: string }) => Promise<string>;

/**
 * Walks the selection `walks` times, one call at a time (latency, not throughput): the first
 * page, then up to `deeperPages` pages following nextPageToken. Walk k uses the selection's
 * k-th parameter (agent, customer, word), so the walks do not all read the same rows.
 */
export async function walkSelection(client: UnaryClient, tokenFor: TokenFor, selection: ListSelection, opts: { walks: number; deeperPages: number; firstWalk: number }): Promise<WalkSamples> {
  const samples: WalkSamples = { first: [], later: [], pagesPerWalk: [] };
  for (let k = opts.firstWalk; k < opts.firstWalk + opts.walks; k += 1) {
    const { request, caller } = selection.call(k);
    const token = await tokenFor(caller);
    let pageToken = '';
    let pages = 0;
    do {
      const startedAt = nowMs();
      const response = await client.call<ListResponse>('ListTickets', { ...request, page: { pageSize: 0, pageToken } }, token);
      (pages === 0 ? samples.first : samples.later).push(nowMs() - startedAt);
      pages += 1;
      pageToken = response.page?.nextPageToken ?? '';
    } while (pageToken && pages <= opts.deeperPages);
    samples.pagesPerWalk.push(pages);
  }
  return samples;
}
