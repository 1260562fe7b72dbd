import type { SubjectNaming } from '@helpdesk/contracts';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';

/** Why an event went to the DLQ. */
export type DeadLetterReason = 'invalid' | 'permanent' | 'max-deliveries';

/** Headers a DLQ message carries besides the original ones (trace context included). */
export const DLQ_HEADERS = {
  reason: 'Helpdesk-Dlq-Reason',
  error: 'Helpdesk-Dlq-Error',
  subject: 'Helpdesk-Dlq-Subject',
  stream: 'Helpdesk-Dlq-Stream',
  streamSequence: 'Helpdesk-Dlq-Stream-Sequence',
  consumer: 'Helpdesk-Dlq-Consumer',
  deliveries: 'Helpdesk-Dlq-Deliveries',
} as const;

/** What the DLQ message says about the failure. */
export interface DeadLetter {
  readonly reason: DeadLetterReason;
  readonly error: Error;
  readonly consumer: string;
  readonly service: string;
}

/**
 * Publishes the original payload, unchanged, to `helpdesk.dlq.<service>` with headers naming the
 * error, original subject and sequence, consumer and delivery count; resolves on the JetStream
 * ack. The message id is derived from the stream sequence, so a retried DLQ publish is stored once.
 */
export async function publishDeadLetter(js: JetStreamClient, naming: SubjectNaming, msg: JsMsg, letter: DeadLetter): Promise<void> {
  const h = headers();
  for (const [key, values] of msg.headers ?? []) {
    if (key.toLowerCase() === 'nats-msg-id') continue;
    for (const value of values) h.append(key, value);
  }
  h.set(DLQ_HEADERS.reason, letter.reason);
  h.set(DLQ_HEADERS.error, headerSafe(`${letter.error.name}: ${letter.error.message}`));
  h.set(DLQ_HEADERS.subject, msg.subject);
  h.set(DLQ_HEADERS.stream, msg.info.stream);
  h.set(DLQ_HEADERS.streamSequence, String(msg.seq));
  h.set(DLQ_HEADERS.consumer, letter.consumer);
  h.set(DLQ_HEADERS.deliveries, String(msg.info.deliveryCount));
  await js.publish(naming.dlqSubject(letter.service), msg.data, {
    headers: h,
    msgID: `dlq:${msg.info.stream}:${letter.consumer}:${msg.seq}`,
  });
}

// Header values travel on one protocol line: no line breaks, bounded length.
function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').slice(0, 1_000);
}
