import { ringSeconds, talkSeconds, type Call } from '../calls/call';
import type { MonitorEntry, MonitorUpdate } from './monitor-entry';

/** A call as JSON for the monitor's event stream (times ISO 8601, absent values null). */
export function callJson(call: Call, now: Date) {
  return {
    id: call.id,
    pbxConnectionId: call.pbxConnectionId,
    pbxCallId: call.pbxCallId,
    direction: call.direction,
    state: call.state,
    outcome: call.outcome,
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
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    ringSeconds: ringSeconds(call, now),
    talkSeconds: talkSeconds(call),
    complete: call.complete,
  };
}

/** A monitor entry as JSON. */
export function monitorEntryJson(entry: MonitorEntry, now: Date) {
  return {
    call: callJson(entry.call, now),
    caller: entry.caller,
    openTickets: entry.openTickets,
    awaitingCallback: entry.awaitingCallback,
  };
}

/** One Server-Sent Events frame for an update: `event: call|removed|snapshot-complete`. */
export function sseFrame(update: MonitorUpdate, now: Date): string {
  switch (update.kind) {
    case 'call':
      return `event: call\nid: ${update.entry.call.id}\ndata: ${JSON.stringify(monitorEntryJson(update.entry, now))}\n\n`;
    case 'removed':
      return `event: removed\ndata: ${JSON.stringify({ callId: update.callId })}\n\n`;
    case 'snapshot-complete':
      return `event: snapshot-complete\ndata: {}\n\n`;
  }
}
