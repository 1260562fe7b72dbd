import type { CallAnsweredV1, CallBase, CallEndedV1, CallStartedV1 } from '@helpdesk/contracts';
import { CallError } from './call.errors';

export type CallDirection = 'inbound' | 'outbound';
export type CallState = 'ringing' | 'talking' | 'ended';
export type CallOutcome = CallEndedV1['outcome'];

/**
 * How a PBX says a call ended, normalised: the Generic CTI causes (sipgate, Placetel, Zammad),
 * which the AMI adapter maps Q.850 cause codes to.
 */
export type EndCause = 'normalClearing' | 'busy' | 'cancel' | 'noAnswer' | 'congestion' | 'notFound' | 'forwarded';
export const END_CAUSES: readonly EndCause[] = ['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'];

/** Who the external party is, as the directory read model recognised them. */
export interface Recognition {
  readonly contactId: string | null;
  readonly customerId: string | null;
}

/** A call record. */
export interface Call {
  readonly id: string;
  readonly pbxConnectionId: string;
  readonly pbxCallId: string;
  readonly direction: CallDirection;
  readonly from: string | null;
  readonly fromRaw: string;
  readonly to: string | null;
  readonly toRaw: string;
  readonly extension: string | null;
  readonly agentId: string | null;
  readonly pbxQueue: string | null;
  readonly contactId: string | null;
  readonly customerId: string | null;
  readonly state: CallState;
  readonly outcome: CallOutcome | null;
  readonly pbxCause: string | null;
  readonly startedAt: Date;
  readonly answeredAt: Date | null;
  readonly endedAt: Date | null;
  readonly forwardedTo: string | null;
  readonly complete: boolean;
  readonly ticketId: string | null;
}

/** A call the PBX reports as ringing (inbound) or dialled (outbound). */
export interface StartCall {
  readonly pbxConnectionId: string;
  readonly pbxCallId: string;
  readonly direction: CallDirection;
  readonly from: { readonly raw: string; readonly e164: string | null };
  readonly to: { readonly raw: string; readonly e164: string | null };
  readonly extension: string | null;
  readonly agentId: string | null;
  readonly pbxQueue: string | null;
  readonly at: Date;
}

/** The PBX reports the call answered by `extension`. */
export interface AnswerCall {
  readonly extension: string | null;
  readonly agentId: string | null;
  readonly at: Date;
}

/** The PBX reports the end of the call. */
export interface EndCall {
  readonly cause: EndCause;
  /** The cause as the PBX spelled it (CTI cause, Asterisk cause code); null when none. */
  readonly pbxCause: string | null;
  readonly at: Date;
  readonly forwardedTo: string | null;
  /** False when the gateway reconstructs the end because it lost the PBX's events. */
  readonly complete: boolean;
}

/** An event as domain code produces it; the outbox resolves `type` against the registry. */
export interface CallEvent {
  readonly type: 'helpdesk.call.started.v1' | 'helpdesk.call.answered.v1' | 'helpdesk.call.ended.v1';
  readonly subject: string;
  readonly data: CallStartedV1 | CallAnsweredV1 | CallEndedV1;
  readonly time: Date;
}

/** What a decision returns: the call after it and the events to publish (none for a repeat). */
export interface CallDecision {
  readonly call: Call;
  readonly events: readonly CallEvent[];
  /** True when the PBX repeated something already recorded: nothing changed. */
  readonly repeated: boolean;
}

/** A new ringing call, recognised as `who`. */
export function startCall(input: StartCall, who: Recognition, id: string): CallDecision {
  const call: Call = {
    id,
    pbxConnectionId: input.pbxConnectionId,
    pbxCallId: input.pbxCallId,
    direction: input.direction,
    from: input.from.e164,
    fromRaw: input.from.raw,
    to: input.to.e164,
    toRaw: input.to.raw,
    extension: input.extension,
    agentId: input.agentId,
    pbxQueue: input.pbxQueue,
    contactId: who.contactId,
    customerId: who.customerId,
    state: 'ringing',
    outcome: null,
    pbxCause: null,
    startedAt: input.at,
    answeredAt: null,
    endedAt: null,
    forwardedTo: null,
    complete: true,
    ticketId: null,
  };
  return { call, events: [{ type: 'helpdesk.call.started.v1', subject: id, data: baseOf(call), time: input.at }], repeated: false };
}

/**
 * Ringing → talking. A repeated answer, or one from another extension while talking (an attended
 * or blind transfer inside the PBX), moves the call to that agent without a new event. An answer
 * after the end is out of order.
 */
export function answerCall(call: Call, input: AnswerCall): CallDecision {
  if (call.state === 'ended') throw new CallError('CALL_ALREADY_ENDED', `call ${call.pbxCallId} already ended; it cannot be answered`);
  const extension = input.extension ?? call.extension;
  const agentId = input.extension === null ? call.agentId : input.agentId;
  if (call.state === 'talking') {
    const moved = extension !== call.extension;
    return { call: moved ? { ...call, extension, agentId } : call, events: [], repeated: !moved };
  }
  const at = laterOf(input.at, call.startedAt);
  const next: Call = { ...call, state: 'talking', extension, agentId, answeredAt: at };
  return { call: next, events: [{ type: 'helpdesk.call.answered.v1', subject: call.id, data: { ...baseOf(next), answeredAt: at.toISOString() }, time: at }], repeated: false };
}

/**
 * The call entered a PBX queue (or moved to another one). It changes the record and what the
 * next events carry, not the state, so it publishes nothing itself; the same queue again, or a
 * queue reported after the end, changes nothing.
 */
export function queueCall(call: Call, pbxQueue: string): CallDecision {
  if (call.state === 'ended' || call.pbxQueue === pbxQueue) return { call, events: [], repeated: true };
  return { call: { ...call, pbxQueue }, events: [], repeated: false };
}

/** Ends the call with the outcome its state and the cause give; a repeated end changes nothing. */
export function endCall(call: Call, input: EndCall): CallDecision {
  if (call.state === 'ended') return { call, events: [], repeated: true };
  const at = laterOf(input.at, call.answeredAt ?? call.startedAt);
  const outcome = outcomeOf(call.state, input.cause);
  const next: Call = {
    ...call,
    state: 'ended',
    outcome,
    pbxCause: input.pbxCause,
    endedAt: at,
    forwardedTo: outcome === 'forwarded' ? input.forwardedTo : null,
    complete: call.complete && input.complete,
  };
  return { call: next, events: [{ type: 'helpdesk.call.ended.v1', subject: call.id, data: endedData(next), time: at }], repeated: false };
}

/** A talking call ended answered whatever the cause; a ringing one by what the cause says. */
export function outcomeOf(state: Exclude<CallState, 'ended'>, cause: EndCause): CallOutcome {
  if (state === 'talking') return 'answered';
  switch (cause) {
    case 'busy':
      return 'busy';
    case 'congestion':
    case 'notFound':
      return 'failed';
    case 'forwarded':
      return 'forwarded';
    case 'normalClearing':
    case 'cancel':
    case 'noAnswer':
      return 'missed';
  }
}

/** Seconds from start until answered (or ended, or `now` while ringing). */
export function ringSeconds(call: Call, now: Date = call.endedAt ?? call.startedAt): number {
  return wholeSeconds(call.startedAt, call.answeredAt ?? call.endedAt ?? now);
}

/** Talk time in whole seconds; 0 unless answered and ended. */
export function talkSeconds(call: Call): number {
  return call.answeredAt && call.endedAt ? wholeSeconds(call.answeredAt, call.endedAt) : 0;
}

/** The data of `helpdesk.call.ended.v1` for an ended call. */
export function endedData(call: Call): CallEndedV1 {
  if (call.outcome === null || call.endedAt === null) throw new Error(`call ${call.id} has not ended`);
  return {
    ...baseOf(call),
    outcome: call.outcome,
    pbxCause: call.pbxCause,
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt.toISOString(),
    ringSeconds: ringSeconds(call),
    talkSeconds: talkSeconds(call),
    forwardedTo: call.forwardedTo,
    complete: call.complete,
    ticketId: call.ticketId,
  };
}

/** The fields every call event carries. */
export function baseOf(call: Call): CallBase {
  return {
    callId: call.id,
    pbxConnectionId: call.pbxConnectionId,
    pbxCallId: call.pbxCallId,
    direction: call.direction,
    from: call.from,
    fromRaw: call.fromRaw,
    to: call.to,
    toRaw: call.toRaw,
    extension: call.extension,
    agentId: call.agentId,
    pbxQueue: call.pbxQueue,
    contactId: call.contactId,
    customerId: call.customerId,
    startedAt: call.startedAt.toISOString(),
  };
}

/** The number of the party outside the hotline: the caller of an inbound call, the callee of an outbound one. */
export function externalNumber(call: Pick<Call, 'direction' | 'from' | 'to'>): string | null {
  return call.direction === 'inbound' ? call.from : call.to;
}

function wholeSeconds(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

// PBX clocks and ours differ by milliseconds; a later event never moves a call back in time.
function laterOf(at: Date, floor: Date): Date {
  return at.getTime() < floor.getTime() ? floor : at;
}
