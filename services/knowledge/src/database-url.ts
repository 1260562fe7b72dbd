/**
 * The service's database URL with its session settings: `jit=off`. A search statement costs a
 * few milliseconds, but its estimated cost includes the tiers that usually never run (a scan of
 * every match of common words), which crosses `jit_above_cost` — and compiling it with LLVM took
 * ~100 ms per statement. Passed as the libpq `options` parameter, so every pooled connection has
 * it; settings already in the URL are kept.
 */
export function withSessionSettings(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const current = url.searchParams.get('options');
  url.searchParams.set('options', current ? `${current} -c jit=off` : '-c jit=off');
  return url.toString();
}
