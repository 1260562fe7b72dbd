import { callAnsweredV1, callEndedV1, callStartedV1, SubjectNaming, type CallBase } from '@helpdesk/contracts';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { Call, CallState } from '../calls/call';

/**
 * The call events of every replica as call states for the monitor, from a plain (non-durable)
 * NATS subscription: the monitor shows what is happening now, so a replica that starts later
 * loads the database instead of replaying the stream. `known` tells which starts and answers
 * the monitor already holds (its own replica's, shown before or right after the write).
 */
export function subscribeCallEvents(
  nc: NatsConnection,
  prefix: string,
  apply: (call: Call) => void,
  onError: (error: unknown) => void,
  known: (callId: string, state: CallState) => boolean = () => false,
): Subscription {
  const naming = new SubjectNaming(prefix);
  return nc.subscribe(naming.subject('helpdesk.call.>'), {
    callback: (error, message) => {
      if (error) return onError(error);
      try {
        const envelope = message.json<{ type: string; subject?: string; data: unknown }>();
        // This replica's own start and answer come back here too: not parsed again when already held.
        const state = envelope.type === callStartedV1.type ? 'ringing' : envelope.type === callAnsweredV1.type ? 'talking' : undefined;
        if (state && envelope.subject && known(envelope.subject, state)) return;
        const call = callFromEvent(envelope.type, envelope.data);
        if (call) apply(call);
      } catch (failure) {
        onError(failure);
      }
    },
  });
}

/** A call event's data as the call state it reports; undefined for another type. */
export function callFromEvent(type: string, data: unknown): Call | undefined {
  if (type === callStartedV1.type) return fromBase(callStartedV1.schema.parse(data), {});
  if (type === callAnsweredV1.type) {
    const answered = callAnsweredV1.schema.parse(data);
    return fromBase(answered, { state: 'talking', answeredAt: new Date(answered.answeredAt) });
  }
  if (type === callEndedV1.type) {
    const ended = callEndedV1.schema.parse(data);
    return fromBase(ended, {
      state: 'ended',
      outcome: ended.outcome,
      pbxCause: ended.pbxCause,
      answeredAt: ended.answeredAt ? new Date(ended.answeredAt) : null,
      endedAt: new Date(ended.endedAt),
      forwardedTo: ended.forwardedTo,
      complete: ended.complete,
      ticketId: ended.ticketId,
    });
  }
  return undefined;
}

function fromBase(base: CallBase, rest: Partial<Call>): Call {
  return {
    id: base.callId,
    pbxConnectionId: base.pbxConnectionId,
    pbxCallId: base.pbxCallId,
    direction: base.direction,
    from: base.from,
    fromRaw: base.fromRaw,
    to: base.to,
    toRaw: base.toRaw,
    extension: base.extension,
    agentId: base.agentId,
    pbxQueue: base.pbxQueue,
    contactId: base.contactId,
    customerId: base.customerId,
    state: 'ringing',
    outcome: null,
    pbxCause: null,
    startedAt: new Date(base.startedAt),
    answeredAt: null,
    endedAt: null,
    forwardedTo: null,
    complete: true,
    ticketId: null,
    ...rest,
  };
}
