import type { Caller } from './caller';

/** How long a verified token may be served from memory. */
export interface VerifiedTokenCacheOptions {
  /** Most tokens kept; the least recently used one goes first. */
  readonly maxEntries: number;
  /** Longest time a token is kept, also for tokens without `exp` (default 5 minutes). */
  readonly maxAgeMs?: number;
  /** Milliseconds since the epoch (default `Date.now`), for tests. */
  readonly now?: () => number;
}

interface Entry {
  readonly caller: Caller;
  readonly until: number;
}

const DEFAULT_MAX_AGE_MS = 5 * 60_000;

/**
 * Callers of tokens that passed verification, by token string, until the token's `exp` (never
 * longer than `maxAgeMs`). A client sends the same bearer token with every call, and checking its
 * signature and claims again each time is a large part of a cheap RPC's CPU. The token string is
 * the whole signed token, so a hit is exactly the token that was verified; only successes are
 * kept, and an entry ends at `exp` itself (without the clock tolerance), so an expired token
 * always goes back to full verification. Bounded, least recently used first out.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: VerifiedTokenCacheOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new Error('VerifiedTokenCache: maxEntries must be a positive integer');
    }
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = options.now ?? (() => Date.now());
  }

  /** Entries held now (expired ones included until they are looked up or evicted). */
  get size(): number {
    return this.entries.size;
  }

  /** The caller of a token verified before and not yet expired, else undefined. */
  get(token: string): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (this.now() >= entry.until) return undefined;
    this.entries.set(token, entry); // most recently used last
    return entry.caller;
  }

  /** Keeps a verified token's caller; `expSeconds` is the token's `exp` claim, if any. */
  set(token: string, caller: Caller, expSeconds: number | undefined): void {
    const now = this.now();
    const until = Math.min(now + this.maxAgeMs, expSeconds === undefined ? Number.POSITIVE_INFINITY : expSeconds * 1_000);
    if (until <= now) return;
    this.entries.delete(token);
    this.entries.set(token, { caller, until });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
