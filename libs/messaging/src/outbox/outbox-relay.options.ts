import type { SubjectNaming } from '@helpdesk/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import type { MessagingLogger } from '../logging/messaging-logger';
import type { OutboxRelayMetrics } from '../metrics/messaging-metrics';
import type { BackoffPolicy } from '../util/exponential-backoff';

/** One event the relay got acknowledged by JetStream. */
export interface PublishedEvent {
  readonly eventId: string;
  readonly position: string;
  /** Outbox insert time, Unix milliseconds. */
  readonly createdAtMs: number;
  /** JetStream ack time, Unix milliseconds. */
  readonly ackedAtMs: number;
  /** JetStream had it already (an earlier ack was lost): de-duplicated, not stored twice. */
  readonly duplicate: boolean;
}

/** Settings of an {@link OutboxRelay}; all durations in milliseconds. */
export interface OutboxRelayOptions {
  /** The service's database (the relay opens its own connections: lock, LISTEN, queries). */
  readonly databaseUrl: string;
  /** PostgreSQL schema of the outbox table when not `public`. */
  readonly schema?: string;
  /** A connection used only for publishing (give it `maxReconnectAttempts: -1`). */
  readonly nc: NatsConnection;
  readonly naming: SubjectNaming;
  /** Rows per pass (default 500). */
  readonly batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (default 1 000). */
  readonly pollIntervalMs?: number;
  /**
   * After a NOTIFY wakes an idle relay, wait this long before the pass so the rows of commits
   * arriving close together go out in one pass (default 0: at once). Trades that much event
   * latency for fewer relay queries when a service commits hundreds of small transactions a second.
   */
  readonly coalesceMs?: number;
  /** How often a standby tries to take the lock (default 2 000). */
  readonly lockRetryMs?: number;
  /** Back-off after a failed pass (default 100 ms doubling to 10 s). */
  readonly retry?: BackoffPolicy;
  /** Per-message ack timeout (default 5 000). */
  readonly publishTimeoutMs?: number;
  /** Published rows are deleted after this long (default 7 days). */
  readonly retentionMs?: number;
  /** How often to delete old published rows (default 1 hour). */
  readonly purgeIntervalMs?: number;
  /** How often to refresh the backlog gauge (default 5 000). */
  readonly backlogIntervalMs?: number;
  /**
   * How often a pass looks at the whole outbox rather than above the floor (default 10 000), so a
   * transaction that committed long after it inserted its rows is still published.
   */
  readonly sweepIntervalMs?: number;
  /**
   * How old a published row must be before the floor moves past it (default 10 000): rows of
   * transactions still open for less than this are found by ordinary passes, longer ones by the sweep.
   */
  readonly floorLagMs?: number;
  /** Advisory lock name (default `outbox-relay`, plus `:<schema>` when a schema is set). */
  readonly lockName?: string;
  readonly metrics?: OutboxRelayMetrics;
  readonly logger?: MessagingLogger;
  /** Called after each pass with the events acknowledged in it (benchmarks, tests). */
  readonly onPublished?: (events: readonly PublishedEvent[]) => void;
}

/** What one relay instance has done since it was created. */
export interface OutboxRelayStats {
  /** Events this relay got acknowledged and marked published. */
  published: number;
  /** Of those, acks JetStream reported as duplicates. */
  duplicates: number;
  /** Events NATS refused for their size, moved to `outbox_parked`. */
  parked: number;
  passes: number;
  failedPasses: number;
  /** Times this relay took the advisory lock. */
  lockAcquisitions: number;
}
