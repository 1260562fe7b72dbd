import type { EventDefinition } from '@helpdesk/contracts';
import type { InjectionToken, ModuleMetadata } from '@nestjs/common';
import type { EventHandlerDefinition } from '../consumer/event-handler';
import type { MessagingLogger } from '../logging/messaging-logger';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import type { OutboxRelayOptions } from '../outbox/outbox-relay.options';
import type { StreamOptions } from '../streams/ensure-streams';
import type { BackoffPolicy } from '../util/exponential-backoff';

/** Everything {@link MessagingModule.forRoot} needs; durations in milliseconds. */
export interface MessagingModuleOptions {
  /** The service name: event source `helpdesk/<service>`, DLQ `helpdesk.dlq.<service>`. */
  readonly service: string;
  /** `NATS_URL`. */
  readonly natsUrl: string;
  /** `NATS_CREDS`: path of a credentials file. */
  readonly natsCreds?: string;
  /** `NATS_SUBJECT_PREFIX` (default empty). */
  readonly subjectPrefix?: string;
  /** Injection token of the service's TypeORM DataSource (initialized before the app bootstraps). */
  readonly dataSource: InjectionToken;
  /** Modules that provide the DataSource token, when it is not global. */
  readonly imports?: ModuleMetadata['imports'];
  /** The database URL for the relay's own connections (default: the DataSource's `url`). */
  readonly databaseUrl?: string;
  /** `EVENT_RETENTION` and `EVENT_DUPLICATE_WINDOW` (plus replicas) for the streams. */
  readonly streams: StreamOptions;
  /** This service's event handlers, one durable consumer each. */
  readonly handlers?: readonly EventHandlerDefinition[];
  /** Event definitions that `{ type, subject, data }` events are resolved against (the event registry). */
  readonly events?: readonly EventDefinition[];
  /** Relay tuning (batch size, poll interval, retention of published rows …). */
  readonly relay?: Omit<OutboxRelayOptions, 'databaseUrl' | 'nc' | 'naming' | 'metrics' | 'logger'>;
  /** Consumer tuning; `maxDeliver` is `CONSUMER_MAX_DELIVER` (default 5). */
  readonly consumers?: {
    readonly maxDeliver?: number;
    readonly retry?: BackoffPolicy;
    readonly ackWaitMs?: number;
    readonly batch?: number;
    readonly concurrency?: number;
  };
  /** How long shutdown may spend flushing the outbox (default 10 000). */
  readonly shutdownFlushMs?: number;
  /** Default: prom-client metrics on the default registry. */
  readonly metrics?: MessagingMetrics;
  readonly logger?: MessagingLogger;
}
