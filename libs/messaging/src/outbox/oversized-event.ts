import { InvalidArgumentError } from '@nats-io/nats-core';
import { isJetStreamApiError } from '../streams/jetstream-api-error';

/** JetStream's "message size exceeds maximum allowed" (a stream's `max_msg_size`). */
const JS_MESSAGE_TOO_LARGE = 10054;

/**
 * An outbox row NATS can never take as it is: publishing it again would fail again, so the relay
 * parks it instead of retrying.
 */
export interface Oversized {
  /** Payload bytes (the envelope as sent, headers not counted). */
  readonly sizeBytes: number;
  /** Why, for `outbox_parked.reason` and the log. */
  readonly reason: string;
}

/** UTF-8 bytes of a string, computed only when it could matter (most envelopes are a few kB). */
function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The cheap early refusal: the envelope alone is larger than the server's `max_payload` (from the
 * connection's server INFO), so the publish cannot succeed and is not attempted. An envelope that
 * fits but not with its headers is refused by nats.js itself before anything is sent
 * ({@link oversizedByError}). Without server info (never connected) nothing is decided here.
 */
export function oversizedByServerLimit(envelope: string, maxPayload: number | undefined): Oversized | undefined {
  // A UTF-16 code unit encodes to at most three UTF-8 bytes: skip the count when the limit cannot be reached.
  if (maxPayload === undefined || maxPayload <= 0 || envelope.length * 3 <= maxPayload) return undefined;
  const sizeBytes = utf8Bytes(envelope);
  if (sizeBytes <= maxPayload) return undefined;
  return { sizeBytes, reason: `payload of ${sizeBytes} bytes exceeds the NATS server's max_payload of ${maxPayload} bytes (not sent)` };
}

/**
 * Classifies a failed publish: the two size refusals NATS has, or undefined for everything else
 * (timeouts, no responders, a closed connection…), which the relay retries as before.
 * - nats.js refuses a message larger than the server's `max_payload` (payload plus headers) with
 *   `InvalidArgumentError("'payload' max_payload size exceeded")` before sending it; the server
 *   itself would answer `-ERR 'Maximum Payload Violation'` and close the connection.
 * - JetStream refuses a message over the stream's `max_msg_size` with API error 10054.
 */
export function oversizedByError(error: unknown, envelope: string, maxPayload: number | undefined): Oversized | undefined {
  if (error instanceof InvalidArgumentError && error.message.includes('max_payload')) {
    const sizeBytes = utf8Bytes(envelope);
    const limit = maxPayload === undefined ? '' : ` of ${maxPayload} bytes`;
    return { sizeBytes, reason: `payload of ${sizeBytes} bytes plus headers exceeds the NATS server's max_payload${limit}: ${error.message}` };
  }
  if (isJetStreamApiError(error, JS_MESSAGE_TOO_LARGE)) {
    const sizeBytes = utf8Bytes(envelope);
    return { sizeBytes, reason: `JetStream refused the payload of ${sizeBytes} bytes (stream max_msg_size): ${error.message}` };
  }
  return undefined;
}
