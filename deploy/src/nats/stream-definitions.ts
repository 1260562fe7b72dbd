import { STREAMS, type StreamSpec } from '@helpdesk/contracts';

/** Stream limits the services also set (EVENT_RETENTION, EVENT_DUPLICATE_WINDOW defaults). */
const MAX_AGE_NS = 30 * 86_400 * 1e9;
const DUPLICATE_WINDOW_NS = 2 * 60 * 1e9;

/**
 * The JetStream stream configuration of one stream as `nats stream add --config` reads it. The
 * services create missing streams with one replica and never change the replica count of an
 * existing one, so operators create these first with R3 on a cluster.
 */
export function streamDefinition(spec: StreamSpec, replicas: number): Record<string, unknown> {
  return {
    name: spec.name,
    subjects: [...spec.subjects],
    retention: 'limits',
    storage: 'file',
    discard: 'old',
    num_replicas: replicas,
    max_age: MAX_AGE_NS,
    duplicate_window: DUPLICATE_WINDOW_NS,
    max_msgs: -1,
    max_bytes: -1,
    max_msg_size: -1,
    max_msgs_per_subject: -1,
    max_consumers: -1,
    allow_direct: true,
    deny_delete: true,
    deny_purge: false,
  };
}

/** All platform streams for a cluster of the given size. */
export function streamDefinitions(replicas: number): Record<string, unknown>[] {
  return STREAMS.map((s) => streamDefinition(s, replicas));
}
