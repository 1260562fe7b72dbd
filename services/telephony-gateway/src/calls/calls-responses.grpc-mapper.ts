import { telephonyV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import { ringSeconds, talkSeconds, type Call } from './call';
import type { Caller } from '../directory/caller-directory.repository';
import type { MonitorEntry, MonitorUpdate } from '../monitor/monitor-entry';

const STATES = { ringing: telephonyV1.CallState.CALL_STATE_RINGING, talking: telephonyV1.CallState.CALL_STATE_TALKING, ended: telephonyV1.CallState.CALL_STATE_ENDED };
const OUTCOMES = {
  answered: telephonyV1.CallOutcome.CALL_OUTCOME_ANSWERED,
  missed: telephonyV1.CallOutcome.CALL_OUTCOME_MISSED,
  busy: telephonyV1.CallOutcome.CALL_OUTCOME_BUSY,
  failed: telephonyV1.CallOutcome.CALL_OUTCOME_FAILED,
  forwarded: telephonyV1.CallOutcome.CALL_OUTCOME_FORWARDED,
};

/** A call as the `Call` message; `caller` adds the names when known. */
export function toCallMessage(call: Call, caller: Caller | null = null, now: Date = new Date()): telephonyV1.Call {
  return {
    id: call.id,
    pbxConnectionId: call.pbxConnectionId,
    pbxCallId: call.pbxCallId,
    direction: call.direction === 'inbound' ? telephonyV1.CallDirection.CALL_DIRECTION_INBOUND : telephonyV1.CallDirection.CALL_DIRECTION_OUTBOUND,
    from: call.from ?? '',
    fromRaw: call.fromRaw,
    to: call.to ?? '',
    toRaw: call.toRaw,
    extension: call.extension ?? '',
    agentId: call.agentId ?? '',
    pbxQueue: call.pbxQueue ?? '',
    contactId: call.contactId ?? '',
    customerId: call.customerId ?? '',
    contactName: caller?.contactName ?? '',
    customerName: caller?.customerName ?? '',
    state: STATES[call.state],
    outcome: call.outcome ? OUTCOMES[call.outcome] : telephonyV1.CallOutcome.CALL_OUTCOME_UNSPECIFIED,
    pbxCause: call.pbxCause ?? '',
    startedAt: toTimestamp(call.startedAt),
    answeredAt: toTimestamp(call.answeredAt),
    endedAt: toTimestamp(call.endedAt),
    ringSeconds: ringSeconds(call, now),
    talkSeconds: talkSeconds(call),
    forwardedTo: call.forwardedTo ?? '',
    complete: call.complete,
    ticketId: call.ticketId ?? '',
  };
}

function toMonitoredCall(entry: MonitorEntry, now: Date): telephonyV1.MonitoredCall {
  return {
    call: toCallMessage(entry.call, entry.caller, now),
    openTickets: entry.openTickets.map((ticket) => ({ ...ticket })),
    awaitingCallback: entry.awaitingCallback,
  };
}

/** A monitor update as a `WatchCallsResponse`. */
export function toWatchCallsResponse(update: MonitorUpdate, now: Date): telephonyV1.WatchCallsResponse {
  switch (update.kind) {
    case 'call':
      return { call: toMonitoredCall(update.entry, now), snapshotComplete: false, removedCallId: '' };
    case 'removed':
      return { call: undefined, snapshotComplete: false, removedCallId: update.callId };
    case 'snapshot-complete':
      return { call: undefined, snapshotComplete: true, removedCallId: '' };
  }
}
