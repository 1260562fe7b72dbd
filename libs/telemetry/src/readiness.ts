/** One dependency the service needs before it takes traffic (PostgreSQL, NATS, migrations…). */
export interface ReadinessCheck {
  /** Short name shown in `/readyz`, e.g. `postgres`. */
  name: string;
  /** Resolves when ready; throws (or rejects) with the reason when not. */
  check(): Promise<void>;
}

/** The outcome of one {@link ReadinessCheck}. */
export interface ReadinessResult {
  name: string;
  ok: boolean;
  /** Why it failed; absent when `ok`. */
  error?: string;
  /** Milliseconds the check took (up to the timeout). */
  durationMs: number;
}

/** Default time a readiness check may take before it counts as failed. */
export const DEFAULT_READINESS_TIMEOUT_MS = 2_000;

/**
 * Runs every check concurrently; a check that throws or takes longer than `timeoutMs` fails.
 * Never rejects. Results keep the order of `checks`.
 */
export function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number = DEFAULT_READINESS_TIMEOUT_MS,
): Promise<ReadinessResult[]> {
  return Promise.all(checks.map((check) => runOne(check, timeoutMs)));
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<ReadinessResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs}ms`)), timeoutMs);
  });
  try {
    // Wrapped so that a check which throws synchronously is a failure, not a crash.
    await Promise.race([Promise.resolve().then(() => check.check()), timeout]);
    return { name: check.name, ok: true, durationMs: elapsed(started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name: check.name, ok: false, error: message, durationMs: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
