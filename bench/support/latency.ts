/** Percentiles of a set of latency samples, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** The nearest-rank percentile of ascending samples; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** p50/p95/p99/max of the samples (in any order). */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** `12.3 ms` (one decimal below 100 ms, none above), `—` for NaN. */
export function formatMs(value: number): string {
  if (Number.isNaN(value)) return '—';
  return `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

/** A monotonic clock in milliseconds, shared by request timing and event receipt in this process. */
export function nowMs(): number {
  return performance.now();
}

/** Resolves at `atMs` on the {@link nowMs} clock (at once when that moment has passed). */
export function sleepUntil(atMs: number): Promise<void> {
  const wait = atMs - nowMs();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}
