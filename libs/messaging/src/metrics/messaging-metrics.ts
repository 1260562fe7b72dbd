import { platformMetrics, type ConsumerOutcome } from '@helpdesk/telemetry';

/** How one delivery ended, as counted by `helpdesk_consumer_handled_total{outcome}`. */
export type HandleOutcome = 'handled' | 'duplicate' | 'skipped' | 'retried' | 'dead_lettered';

/** What the outbox relay reports. */
export interface OutboxRelayMetrics {
  /** Unpublished outbox rows right now. */
  setBacklog(rows: number): void;
  /** Events acknowledged by JetStream. */
  published(count: number): void;
  /** Seconds from the outbox insert to the JetStream ack, per event. */
  observeCommitToAck(seconds: number): void;
  /** Events NATS refused for their size, moved to `outbox_parked`. */
  parked(count: number): void;
}

/** What a consumer runner reports. */
export interface ConsumerMetrics {
  /** Messages of the durable not yet delivered (JetStream `num_pending`). */
  setLag(stream: string, consumer: string, pending: number): void;
  /** A delivery with a delivery count above one. */
  redelivered(consumer: string): void;
  handled(consumer: string, outcome: HandleOutcome): void;
  observeHandlerDuration(consumer: string, seconds: number): void;
}

/** Every metric of the messaging layer, behind one small port. */
export interface MessagingMetrics extends OutboxRelayMetrics, ConsumerMetrics {}

const OUTCOME_LABEL: Record<HandleOutcome, ConsumerOutcome> = {
  handled: 'ok',
  duplicate: 'duplicate',
  skipped: 'skipped',
  retried: 'retry',
  dead_lettered: 'dlq',
};

/**
 * The messaging metrics on the process's platform metrics (`@helpdesk/telemetry`), so that they
 * appear on the service's `/metrics` next to the gRPC and default Node metrics.
 */
export function prometheusMessagingMetrics(service: string): MessagingMetrics {
  const m = platformMetrics();
  return {
    setBacklog: (rows) => m.outboxBacklog.set({ service }, rows),
    published: (count) => m.outboxPublishedTotal.inc(count),
    observeCommitToAck: (seconds) => m.outboxRelayDelaySeconds.observe(seconds),
    parked: (count) => m.outboxParkedTotal.inc(count),
    setLag: (stream, durable, pending) => m.consumerLag.set({ stream, durable }, pending),
    redelivered: (durable) => m.consumerRedeliveriesTotal.inc({ durable }),
    handled: (durable, outcome) => m.consumerHandledTotal.inc({ durable, outcome: OUTCOME_LABEL[outcome] }),
    observeHandlerDuration: (durable, seconds) => m.handlerDurationSeconds.observe({ durable }, seconds),
  };
}
