import { Counter, Gauge, Histogram, register, type Registry } from 'prom-client';

/** How one delivery ended, as counted by `helpdesk_consumer_handled_total{outcome}`. */
export type HandleOutcome = 'handled' | 'duplicate' | 'retried' | 'dead_lettered';

/** What the outbox relay reports. */
export interface OutboxRelayMetrics {
  /** Unpublished outbox rows right now. */
  setBacklog(rows: number): void;
  /** Events acknowledged by JetStream. */
  published(count: number): void;
  /** Seconds from the outbox insert to the JetStream ack, per event. */
  observeCommitToAck(seconds: number): void;
}

/** What a consumer runner reports. */
export interface ConsumerMetrics {
  /** Messages of the durable not yet delivered (JetStream `num_pending`). */
  setLag(consumer: string, pending: number): void;
  /** A delivery with a delivery count above one. */
  redelivered(consumer: string): void;
  handled(consumer: string, outcome: HandleOutcome): void;
  observeHandlerDuration(consumer: string, seconds: number): void;
}

/** Every metric of the messaging layer, behind one small port (telemetry may provide it later). */
export interface MessagingMetrics extends OutboxRelayMetrics, ConsumerMetrics {}

type MetricClass<M> = new (config: never) => M;

// Several relays or runners in one process (tests, benchmarks) share a registry, so a metric
// is created once and found again by name.
function metric<M>(registry: Registry, kind: MetricClass<M>, name: string, create: () => M): M {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof kind) return existing;
  return create();
}

/** The messaging metrics on a prom-client registry (the default registry unless given). */
export function prometheusMessagingMetrics(registry: Registry = register): MessagingMetrics {
  const registers = [registry];
  const backlog = metric(registry, Gauge, 'helpdesk_outbox_backlog', () =>
    new Gauge({ name: 'helpdesk_outbox_backlog', help: 'Outbox rows not yet acknowledged by JetStream', registers }),
  );
  const published = metric(registry, Counter, 'helpdesk_outbox_published_total', () =>
    new Counter({ name: 'helpdesk_outbox_published_total', help: 'Outbox events acknowledged by JetStream', registers }),
  );
  const delay = metric(registry, Histogram, 'helpdesk_outbox_commit_to_ack_seconds', () =>
    new Histogram({
      name: 'helpdesk_outbox_commit_to_ack_seconds',
      help: 'Time from writing an event to the outbox to its JetStream ack',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
  );
  const lag = metric(registry, Gauge, 'helpdesk_consumer_lag', () =>
    new Gauge({ name: 'helpdesk_consumer_lag', help: 'Messages not yet delivered to the durable consumer', labelNames: ['consumer'], registers }),
  );
  const redeliveries = metric(registry, Counter, 'helpdesk_consumer_redeliveries_total', () =>
    new Counter({ name: 'helpdesk_consumer_redeliveries_total', help: 'Deliveries after the first', labelNames: ['consumer'], registers }),
  );
  const handled = metric(registry, Counter, 'helpdesk_consumer_handled_total', () =>
    new Counter({ name: 'helpdesk_consumer_handled_total', help: 'Deliveries by outcome', labelNames: ['consumer', 'outcome'], registers }),
  );
  const duration = metric(registry, Histogram, 'helpdesk_consumer_handler_duration_seconds', () =>
    new Histogram({
      name: 'helpdesk_consumer_handler_duration_seconds',
      help: 'Time to handle one delivery, transaction included',
      labelNames: ['consumer'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  );
  return {
    setBacklog: (rows) => backlog.set(rows),
    published: (count) => published.inc(count),
    observeCommitToAck: (seconds) => delay.observe(seconds),
    setLag: (consumer, pending) => lag.set({ consumer }, pending),
    redelivered: (consumer) => redeliveries.inc({ consumer }),
    handled: (consumer, outcome) => handled.inc({ consumer, outcome }),
    observeHandlerDuration: (consumer, seconds) => duration.observe({ consumer }, seconds),
  };
}
