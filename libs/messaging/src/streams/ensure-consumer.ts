import type { StreamSpec, SubjectNaming } from '@helpdesk/contracts';
import { AckPolicy, DeliverPolicy, ReplayPolicy, type ConsumerInfo, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { isJetStreamApiError, JS_ERR } from './jetstream-api-error';

/** A durable pull consumer of one service. */
export interface ConsumerOptions {
  /** The stream (unprefixed spec or name). */
  readonly stream: StreamSpec | string;
  /** Durable name, `<service>-<purpose>` (e.g. `sla-ticket-status`); shared by all replicas. */
  readonly durable: string;
  /**
   * Unprefixed subject filters. One per consumer on nats-server 2.9; several need 2.10, and the
   * client refuses them with a clear error on an older server.
   */
  readonly filterSubjects: readonly string[];
  /** How long a delivery may stay unacknowledged before JetStream redelivers it. */
  readonly ackWaitMs: number;
  /**
   * Server-side delivery limit (default -1: unlimited). The runner moves an event to the DLQ
   * itself after its own limit, so the server never silently drops one.
   */
  readonly maxDeliver?: number;
  /** Deliveries in flight per durable across all replicas (default 1 000). */
  readonly maxAckPending?: number;
  /** Where a new durable starts: `all` (the whole stream, default) or `new`. Ignored once it exists. */
  readonly deliverPolicy?: 'all' | 'new';
}

/**
 * Creates the durable pull consumer with explicit ack, or updates the settings JetStream lets
 * change on a live consumer (ack wait, max deliver, max ack pending, filter). Never deletes and
 * recreates, since that would lose the consumer's position.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  naming: SubjectNaming,
  options: ConsumerOptions,
): Promise<ConsumerInfo> {
  const stream = naming.streamName(options.stream);
  const durable = naming.durableName(options.durable);
  const subjects = options.filterSubjects.map((s) => naming.subject(s));
  const filter = subjects.length === 1 ? { filter_subject: subjects[0] } : { filter_subjects: subjects };
  const changeable = {
    ack_wait: nanos(options.ackWaitMs),
    max_deliver: options.maxDeliver ?? -1,
    max_ack_pending: options.maxAckPending ?? 1_000,
    ...filter,
  };
  let current: ConsumerInfo | undefined;
  try {
    current = await jsm.consumers.info(stream, durable);
  } catch (error) {
    if (!isJetStreamApiError(error, JS_ERR.consumerNotFound)) throw error;
  }
  if (current) return matches(current, changeable) ? current : jsm.consumers.update(stream, durable, changeable);
  try {
    return await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: options.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      replay_policy: ReplayPolicy.Instant,
      ...changeable,
    });
  } catch (error) {
    // A replica starting at the same moment created it with other settings: converge on ours.
    if (isJetStreamApiError(error, JS_ERR.consumerAlreadyExists, JS_ERR.consumerNameExists)) {
      return jsm.consumers.update(stream, durable, changeable);
    }
    throw error;
  }
}

function matches(
  info: ConsumerInfo,
  wanted: { ack_wait: number; max_deliver: number; max_ack_pending: number; filter_subject?: string; filter_subjects?: string[] },
): boolean {
  const c = info.config;
  const filters = (c.filter_subjects ?? (c.filter_subject ? [c.filter_subject] : [])).join(',');
  const wantedFilters = (wanted.filter_subjects ?? (wanted.filter_subject ? [wanted.filter_subject] : [])).join(',');
  return (
    c.ack_wait === wanted.ack_wait &&
    (c.max_deliver ?? -1) === wanted.max_deliver &&
    c.max_ack_pending === wanted.max_ack_pending &&
    filters === wantedFilters
  );
}
