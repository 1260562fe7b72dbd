import type { SubjectNaming } from '@helpdesk/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import type { DataSource } from 'typeorm';
import type { MessagingLogger } from '../logging/messaging-logger';
import type { ConsumerMetrics } from '../metrics/messaging-metrics';
import type { OutboxPublisher } from '../outbox/outbox-publisher';
import type { BackoffPolicy } from '../util/exponential-backoff';
import type { EventHandlerDefinition } from './event-handler';

/** Settings of a {@link ConsumerRunner}; durations in milliseconds. */
export interface ConsumerRunnerOptions {
  readonly handler: EventHandlerDefinition;
  /** The consuming service; its DLQ subject is `helpdesk.dlq.<service>`. */
  readonly service: string;
  readonly nc: NatsConnection;
  readonly naming: SubjectNaming;
  /** The service's database: inbox, handler effects and follow-up events share one transaction. */
  readonly dataSource: DataSource;
  /** Builds the follow-up events a handler adds through `tx.outbox`. */
  readonly publisher: OutboxPublisher;
  /** Deliveries before the DLQ (default 5; the handler's own setting wins). */
  readonly maxDeliver?: number;
  /** Nak delays by delivery count (default 1 s doubling to 60 s). */
  readonly retry?: BackoffPolicy;
  /** JetStream ack wait (default 30 000); a running handler keeps its message alive meanwhile. */
  readonly ackWaitMs?: number;
  /** Messages pulled per request (default 32). */
  readonly batch?: number;
  /**
   * Events handled at the same time (default 1); events with the same CloudEvents `subject`
   * are always handled one after another, in stream order. The handler's own setting wins.
   */
  readonly concurrency?: number;
  /** How often to refresh the lag gauge (default 15 000). */
  readonly lagIntervalMs?: number;
  /** Where a new durable starts (default `all`). */
  readonly deliverPolicy?: 'all' | 'new';
  readonly metrics?: ConsumerMetrics;
  readonly logger?: MessagingLogger;
}
