import type { Metadata } from '@grpc/grpc-js';
import type { Caller } from '@helpdesk/auth';
import type { SpanContext } from '@opentelemetry/api';

/** What the interceptors learned about one call, for the handler and the error filter. */
export interface CallState {
  caller?: Caller;
  spanContext?: SpanContext;
}

// Keyed by the call's Metadata object, which Nest hands unchanged to interceptors, handler and
// exception filter; the filter runs outside the span's async context, hence no AsyncLocalStorage.
const states = new WeakMap<Metadata, CallState>();

/** The (mutable) state of the call whose metadata this is. */
export function callState(metadata: Metadata): CallState {
  let state = states.get(metadata);
  if (!state) {
    state = {};
    states.set(metadata, state);
  }
  return state;
}
