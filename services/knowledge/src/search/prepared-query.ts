import { preparedQuery as preparedOnPool } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';

/**
 * Runs `sql` as a named prepared statement on the pool when `manager` is not in a transaction,
 * else as an ordinary query on the transaction's connection.
 *
 * Why: the search statement reads sixteen index buckets in each of its three scans, and planning
 * its 48 branches anew for every search cost 3–10 ms, about as much as running it. A named statement is
 * parsed once per pooled connection and, with the service's `plan_cache_mode=force_generic_plan`
 * (`database-url.ts`), planned once too (measured at 1 M articles: 12.2 ms of backend CPU per
 * search against 15.3 ms planned each time; over the in-memory index's candidates 1.8 against
 * 2.8 ms, where `auto` kept planning anew). Its parameters
 * are only the tsqueries, filter values and the limit; the plan — bitmap scans of the buckets
 * under LIMITs — does not depend on them. There are few statement texts (one per scope, filter
 * combination and plan shape), so the statement names stay few.
 */
export async function preparedQuery(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<unknown[]> {
  if (manager.queryRunner) return (await manager.query(sql, [...params])) as unknown[];
  return preparedOnPool<unknown>(manager.connection, sql, params);
}
