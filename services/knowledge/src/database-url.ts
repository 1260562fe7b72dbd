/**
 * The service's database URL with its session settings: `jit=off`. A search statement costs a
 * few milliseconds, but its estimated cost includes the tiers that usually never run (a scan of
 * every match of common words), which crosses `jit_above_cost` — and compiling it with LLVM took
 * ~100 ms per statement. `max_parallel_workers_per_gather=0`: the search reads its index buckets
 * one after another and stops early (`src/search/search-buckets.ts`); a parallel append starts
 * workers that scan several buckets at once, costing more CPU for the same page while 16
 * searches already share two cores. `plan_cache_mode=force_generic_plan`: the search's named
 * statements (`search.repository.ts`, the service's only named ones; unnamed statements, i.e.
 * every other query, are planned with their values regardless) are planned once per connection.
 * Left to `auto`, PostgreSQL kept re-planning the statement over the in-memory index's candidates
 * (its generic estimate looked worse), which cost ~1 ms of the backend's 2.8 ms per search at 1 M
 * articles; the generic plan reads the same indexes. Passed as the libpq `options` parameter, so
 * every pooled connection has it; settings already in the URL are kept.
 */
export function withSessionSettings(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const current = url.searchParams.get('options');
  const settings = '-c jit=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_generic_plan';
  url.searchParams.set('options', current ? `${current} ${settings}` : settings);
  return url.toString();
}
