/** An exponential back-off: `initialMs · factor^(attempt-1)`, capped at `maxMs`. */
export interface BackoffPolicy {
  /** Delay after the first failure in milliseconds. */
  readonly initialMs: number;
  /** Upper bound of any delay in milliseconds. */
  readonly maxMs: number;
  /** Growth per further failure (default 2). */
  readonly factor?: number;
}

/** The delay after the `attempt`-th consecutive failure (1-based); pure, no jitter. */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const delay = policy.initialMs * (policy.factor ?? 2) ** exponent;
  return Math.min(policy.maxMs, Math.round(delay));
}
