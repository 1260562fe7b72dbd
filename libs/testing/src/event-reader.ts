import { jetstream, DeliverPolicy } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { CloudEvent } from '@helpdesk/contracts';

/** What a test reads back from a stream. */
export interface ReadEvent {
  readonly subject: string;
  readonly seq: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly event: CloudEvent;
}

/**
 * Reads `count` messages on `subject` (wildcards allowed) from the start of `stream` with an
 * ordered consumer, failing after `timeoutMs` with what arrived so far. Because it reads the
 * stream, it sees events published before it was called.
 */
export async function readEvents(
  nc: NatsConnection,
  options: { stream: string; subject: string; count: number; timeoutMs?: number },
): Promise<ReadEvent[]> {
  const js = jetstream(nc);
  const consumer = await js.consumers.get(options.stream, { filter_subjects: options.subject, deliver_policy: DeliverPolicy.All });
  const out: ReadEvent[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (out.length < options.count) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const msg = await consumer.next({ expires: Math.max(1_000, Math.min(left, 5_000)) });
    if (!msg) continue;
    const headers: Record<string, string> = {};
    for (const [key, values] of msg.headers ?? []) headers[key] = values[0] ?? '';
    out.push({ subject: msg.subject, seq: msg.seq, headers, event: msg.json<CloudEvent>() });
  }
  await consumer.delete().catch(() => undefined);
  if (out.length < options.count) {
    throw new Error(`expected ${options.count} events on ${options.subject} in ${options.stream}, got ${out.length}`);
  }
  return out;
}

/** How many messages a stream holds now (0 when it does not exist yet). */
export async function streamMessageCount(nc: NatsConnection, stream: string): Promise<number> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc);
  try {
    return (await jsm.streams.info(stream)).state.messages;
  } catch {
    return 0;
  }
}
