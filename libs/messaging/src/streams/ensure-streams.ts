import { STREAMS, type StreamSpec, type SubjectNaming } from '@helpdesk/contracts';
import { DiscardPolicy, RetentionPolicy, StorageType, type JetStreamManager, type StreamInfo } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { isJetStreamApiError, JS_ERR } from './jetstream-api-error';

/** Limits every event stream gets. */
export interface StreamOptions {
  /** How long a stream keeps events, so external subscribers can replay (config `EVENT_RETENTION`). */
  readonly maxAgeMs: number;
  /** JetStream's `Nats-Msg-Id` de-duplication window (config `EVENT_DUPLICATE_WINDOW`). */
  readonly duplicateWindowMs: number;
  /**
   * Stream replicas: 1 on one machine, 3 on a NATS cluster. Unset, a new stream gets 1 and an
   * existing one keeps its count, so streams that operations created with R3 (deploy/nats/streams)
   * are never scaled down by a service starting.
   */
  readonly replicas?: number;
  /** The streams to ensure (default: all of `STREAMS`). */
  readonly streams?: readonly StreamSpec[];
}

/**
 * Creates every stream of the platform under the environment prefix, or brings an existing one
 * to the given limits (subjects, max age, duplicate window, replicas). Idempotent and safe when
 * several replicas start together. Storage and retention cannot change on a live stream; such a
 * conflict fails with the server's message.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  naming: SubjectNaming,
  options: StreamOptions,
): Promise<StreamInfo[]> {
  const out: StreamInfo[] = [];
  for (const spec of options.streams ?? STREAMS) out.push(await ensureStream(jsm, naming, spec, options));
  return out;
}

async function ensureStream(
  jsm: JetStreamManager,
  naming: SubjectNaming,
  spec: StreamSpec,
  options: StreamOptions,
): Promise<StreamInfo> {
  const name = naming.streamName(spec);
  const limits: Limits = {
    subjects: spec.subjects.map((s) => naming.subject(s)),
    max_age: nanos(options.maxAgeMs),
    duplicate_window: nanos(options.duplicateWindowMs),
    ...(options.replicas === undefined ? {} : { num_replicas: options.replicas }),
  };
  try {
    const current = await jsm.streams.info(name);
    return matches(current, limits) ? current : await jsm.streams.update(name, limits);
  } catch (error) {
    if (!isJetStreamApiError(error, JS_ERR.streamNotFound)) throw error;
  }
  try {
    return await jsm.streams.add({
      name,
      num_replicas: 1,
      ...limits,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
    });
  } catch (error) {
    // Another replica created it a moment ago with other limits: converge on ours.
    if (isJetStreamApiError(error, JS_ERR.streamNameInUse)) return jsm.streams.update(name, limits);
    throw error;
  }
}

/** What a service sets on its streams; `num_replicas` only when configured. */
interface Limits {
  readonly subjects: string[];
  readonly max_age: number;
  readonly duplicate_window: number;
  readonly num_replicas?: number;
}

function matches(info: StreamInfo, limits: Limits): boolean {
  const c = info.config;
  return (
    c.max_age === limits.max_age &&
    c.duplicate_window === limits.duplicate_window &&
    (limits.num_replicas === undefined || c.num_replicas === limits.num_replicas) &&
    [...(c.subjects ?? [])].sort().join(',') === [...limits.subjects].sort().join(',')
  );
}
