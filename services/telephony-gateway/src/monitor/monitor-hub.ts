import type { Call, CallState } from '../calls/call';
import type { CallObserver } from '../calls/calls.service';
import type { Caller } from '../directory/caller-directory.repository';
import { awaitsCallback, callsBack, isNewer, RANK, visibleTo, type MonitorEntry, type MonitorUpdate } from './monitor-entry';

/** Adds names and open tickets to a call (the directory read model). */
export interface MonitorEnricher {
  /** `known`: the caller when the source already looked it up (saves a query). */
  enrich(call: Call, awaitingCallback: boolean, known?: Caller | null): Promise<MonitorEntry>;
}

/** One monitor subscriber. */
export interface MonitorSubscription {
  /** Stops the updates. */
  close(): void;
}

interface Subscriber {
  readonly agentId: string | null;
  readonly send: (update: MonitorUpdate) => void;
  readonly visible: Set<string>;
}

/**
 * The hotline monitor of this replica: active calls and missed calls awaiting a callback, fed by
 * this replica's committed changes and by the call events of every replica (NATS), loaded from the
 * database at start. Subscribers get the current state, `snapshot-complete`, then every change.
 * The changes of one call are applied one at a time, in arrival order, keeping its newest state;
 * different calls do not wait for each other. Names and open tickets are looked up once, when a
 * call (or its contact) first shows, and kept with the entry.
 */
export class MonitorHub implements CallObserver {
  private readonly entries = new Map<string, MonitorEntry>();
  /** Call id by connection and PBX call id, of the calls in `entries` and those queued to show. */
  private readonly byPbxCallId = new Map<string, string>();
  private readonly subscribers = new Set<Subscriber>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly enricher: MonitorEnricher,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** A change of this replica (a new call possibly before it is stored, see `retract`). */
  changed(call: Call, caller?: Caller | null): void {
    if (call.state !== 'ended') this.byPbxCallId.set(pbxKey(call), call.id);
    void this.apply(call, caller);
  }

  /** Whether it holds the call in `state` or a later one (a copy of an earlier event is no news). */
  holdsAtLeast(callId: string, state: CallState): boolean {
    const held = this.entries.get(callId);
    return held !== undefined && RANK[held.call.state] >= RANK[state];
  }

  shows(connectionId: string, pbxCallId: string): boolean {
    return this.byPbxCallId.has(`${connectionId}\u0000${pbxCallId}`);
  }

  /** Removes a call shown early that was not stored after all; after the changes queued for it. */
  retract(call: Call): void {
    this.enqueue(call.id, async () => this.remove(call.id, pbxKey(call)));
  }

  /** Applies a call's state (from any source); returns when it is applied. */
  apply(call: Call, caller?: Caller | null): Promise<void> {
    return this.enqueue(call.id, () => this.applyNow(call, caller));
  }

  private enqueue(callId: string, step: () => Promise<void>): Promise<void> {
    const queued = (this.queues.get(callId) ?? Promise.resolve()).then(step).catch(this.onError);
    this.queues.set(callId, queued);
    void queued.then(() => {
      if (this.queues.get(callId) === queued) this.queues.delete(callId);
    });
    return queued;
  }

  /** Replaces the state with `calls` (start-up); active ones and those awaiting a callback. */
  async load(active: readonly Call[], awaitingCallback: readonly Call[]): Promise<void> {
    for (const call of [...active, ...awaitingCallback]) await this.apply(call);
  }

  /** Current entries (for a new subscriber and tests). */
  current(): MonitorEntry[] {
    return [...this.entries.values()];
  }

  /** Sends the current state, then every change visible to `agentId` (null: all). */
  subscribe(agentId: string | null, send: (update: MonitorUpdate) => void): MonitorSubscription {
    const subscriber: Subscriber = { agentId, send, visible: new Set() };
    for (const entry of this.entries.values()) this.deliver(subscriber, entry);
    send({ kind: 'snapshot-complete' });
    this.subscribers.add(subscriber);
    return { close: () => this.subscribers.delete(subscriber) };
  }

  /** Drops entries older than the bounds (calls whose end was never reported, old missed calls). */
  prune(activeSince: Date, missedSince: Date): void {
    for (const entry of [...this.entries.values()]) {
      const stale = entry.awaitingCallback ? (entry.call.endedAt ?? entry.call.startedAt) < missedSince : entry.call.startedAt < activeSince;
      if (stale) this.remove(entry.call.id);
    }
  }

  private async applyNow(call: Call, caller?: Caller | null): Promise<void> {
    const heldEntry = this.entries.get(call.id);
    const held = heldEntry?.call;
    if (!isNewer(held, call)) return;
    if (call.state === 'ended' && call.outcome === 'answered') {
      for (const entry of [...this.entries.values()]) if (entry.awaitingCallback && callsBack(call, entry.call)) this.remove(entry.call.id);
    }
    if (call.state === 'ended' && !awaitsCallback(call)) {
      this.remove(call.id, pbxKey(call));
      return;
    }
    const entry =
      heldEntry && heldEntry.call.contactId === call.contactId
        ? { ...heldEntry, call, awaitingCallback: awaitsCallback(call) }
        : await this.enricher.enrich(call, awaitsCallback(call), caller);
    this.entries.set(call.id, entry);
    this.byPbxCallId.set(pbxKey(call), call.id);
    for (const subscriber of this.subscribers) this.deliver(subscriber, entry);
  }

  private remove(callId: string, key?: string): void {
    const entry = this.entries.get(callId);
    const pbx = key ?? (entry ? pbxKey(entry.call) : undefined);
    if (pbx !== undefined && this.byPbxCallId.get(pbx) === callId) this.byPbxCallId.delete(pbx);
    if (!this.entries.delete(callId)) return;
    for (const subscriber of this.subscribers) {
      if (subscriber.visible.delete(callId)) subscriber.send({ kind: 'removed', callId });
    }
  }

  private deliver(subscriber: Subscriber, entry: MonitorEntry): void {
    if (visibleTo(entry, subscriber.agentId)) {
      subscriber.visible.add(entry.call.id);
      subscriber.send({ kind: 'call', entry });
    } else if (subscriber.visible.delete(entry.call.id)) {
      subscriber.send({ kind: 'removed', callId: entry.call.id });
    }
  }
}

function pbxKey(call: Call): string {
  return `${call.pbxConnectionId}\u0000${call.pbxCallId}`;
}
