import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { metricsRegistry } from './metrics-registry';

/** How a consumer finished with one delivery, the `outcome` label of `consumerHandledTotal`. */
export type ConsumerOutcome = 'ok' | 'duplicate' | 'skipped' | 'retry' | 'dlq';

/** The platform's named Prometheus metrics, shared by messaging, gRPC and the services. */
export interface PlatformMetrics {
  /** `helpdesk_outbox_backlog`: outbox rows not yet published; set from a count by the relay. */
  readonly outboxBacklog: Gauge<'service'>;
  /** `helpdesk_outbox_published_total`: outbox rows published and acknowledged by JetStream. */
  readonly outboxPublishedTotal: Counter;
  /** `helpdesk_outbox_parked_total`: outbox rows NATS refused for their size, moved to `outbox_parked`. */
  readonly outboxParkedTotal: Counter;
  /** `helpdesk_outbox_relay_delay_seconds`: time from the row's commit to the publish ack. */
  readonly outboxRelayDelaySeconds: Histogram;
  /** `helpdesk_consumer_lag`: messages pending for a durable consumer (JetStream `num_pending`). */
  readonly consumerLag: Gauge<'stream' | 'durable'>;
  /** `helpdesk_consumer_redeliveries_total`: deliveries with a delivery count above one. */
  readonly consumerRedeliveriesTotal: Counter<'durable'>;
  /** `helpdesk_consumer_handled_total`: deliveries by result; `outcome` is a {@link ConsumerOutcome}. */
  readonly consumerHandledTotal: Counter<'durable' | 'outcome'>;
  /** `helpdesk_handler_duration_seconds`: one event handler run, transaction included. */
  readonly handlerDurationSeconds: Histogram<'durable'>;
  /** `helpdesk_grpc_request_duration_seconds`: one unary gRPC call; `method` is `/pkg.Service/Method`, `code` the status name. */
  readonly grpcRequestDurationSeconds: Histogram<'method' | 'code'>;
}

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// Relay delay includes waiting for the next poll and NATS outages, so it reaches further.
const RELAY_DELAY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

let created: PlatformMetrics | undefined;

/**
 * The platform metrics, registered in {@link metricsRegistry} on first use and the same objects
 * on every later call, so any number of modules may ask without "already registered" errors.
 */
export function platformMetrics(): PlatformMetrics {
  created ??= createPlatformMetrics(metricsRegistry);
  return created;
}

function createPlatformMetrics(registry: Registry): PlatformMetrics {
  const registers = [registry];
  return {
    outboxBacklog: new Gauge({
      name: 'helpdesk_outbox_backlog',
      help: 'Outbox rows not yet published to JetStream',
      labelNames: ['service'] as const,
      registers,
    }),
    outboxPublishedTotal: new Counter({
      name: 'helpdesk_outbox_published_total',
      help: 'Outbox rows published and acknowledged by JetStream',
      registers,
    }),
    outboxParkedTotal: new Counter({
      name: 'helpdesk_outbox_parked_total',
      help: 'Outbox rows too large for NATS (max_payload or stream max_msg_size), moved to outbox_parked',
      registers,
    }),
    outboxRelayDelaySeconds: new Histogram({
      name: 'helpdesk_outbox_relay_delay_seconds',
      help: 'Seconds from the outbox row commit to the JetStream publish ack',
      buckets: RELAY_DELAY_BUCKETS,
      registers,
    }),
    consumerLag: new Gauge({
      name: 'helpdesk_consumer_lag',
      help: 'Messages pending for a durable consumer (JetStream num_pending)',
      labelNames: ['stream', 'durable'] as const,
      registers,
    }),
    consumerRedeliveriesTotal: new Counter({
      name: 'helpdesk_consumer_redeliveries_total',
      help: 'Deliveries of a message that had been delivered before',
      labelNames: ['durable'] as const,
      registers,
    }),
    consumerHandledTotal: new Counter({
      name: 'helpdesk_consumer_handled_total',
      help: 'Deliveries handled, by outcome (ok, duplicate, retry, dlq)',
      labelNames: ['durable', 'outcome'] as const,
      registers,
    }),
    handlerDurationSeconds: new Histogram({
      name: 'helpdesk_handler_duration_seconds',
      help: 'Seconds one event handler run took, transaction included',
      labelNames: ['durable'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    grpcRequestDurationSeconds: new Histogram({
      name: 'helpdesk_grpc_request_duration_seconds',
      help: 'Seconds one gRPC call took, by method and status code',
      labelNames: ['method', 'code'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
}
