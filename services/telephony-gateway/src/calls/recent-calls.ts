import type { Call } from './call';
import type { StoredCall } from './calls.repository';

/**
 * The calls this replica wrote last, as it wrote them (with their revision), so the next event of
 * a call usually needs no read: the decision is made on this copy and stored with one statement
 * conditional on the revision. It is a cache, never the truth: a copy another replica made stale
 * matches no row, and the change takes the locked path. Bounded; the oldest are forgotten.
 */
export class RecentCalls {
  private readonly calls = new Map<string, StoredCall>();

  constructor(private readonly max = 20_000) {}

  get(connectionId: string, pbxCallId: string): StoredCall | undefined {
    return this.calls.get(keyOf(connectionId, pbxCallId));
  }

  remember(call: Call, revision: number): void {
    const key = keyOf(call.pbxConnectionId, call.pbxCallId);
    // Delete first so the entry moves to the end of the insertion order (the newest).
    this.calls.delete(key);
    this.calls.set(key, { call, revision });
    if (this.calls.size > this.max) {
      const oldest = this.calls.keys().next();
      if (!oldest.done) this.calls.delete(oldest.value);
    }
  }

  forget(connectionId: string, pbxCallId: string): void {
    this.calls.delete(keyOf(connectionId, pbxCallId));
  }
}

function keyOf(connectionId: string, pbxCallId: string): string {
  return `${connectionId}\u0000${pbxCallId}`;
}
