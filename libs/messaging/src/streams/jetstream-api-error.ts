import { JetStreamApiError } from '@nats-io/jetstream';

/** JetStream API error codes this layer reacts to. */
export const JS_ERR = {
  consumerNotFound: 10014,
  streamNotFound: 10059,
  streamNameInUse: 10058,
  consumerAlreadyExists: 10148,
  consumerNameExists: 10013,
} as const;

/** True when `error` is a JetStream API error with one of the given codes. */
export function isJetStreamApiError(error: unknown, ...codes: number[]): error is JetStreamApiError {
  return error instanceof JetStreamApiError && codes.includes(error.code);
}
