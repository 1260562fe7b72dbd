import type { CallEndedV1 } from '@helpdesk/contracts';
import type { SystemMessageInput } from '../messages/message';
import type { CallbackTaskInput } from '../tasks/task-creation';
import type { CreateTicketInput } from '../tickets/ticket-creation';
import type { RecordWorkInput } from '../worklog/work-recording';

/** What becomes of an ended call. */
export type CallPlan =
  | { readonly kind: 'record' }
  | { readonly kind: 'callback' }
  | { readonly kind: 'ignore'; readonly reason: string };

/**
 * Decides what an ended call does: an answered call (either direction) is recorded as a phone
 * message; an inbound call nobody took (missed, or busy) asks for a callback — unless there is
 * no one to call back (number withheld and caller unknown). Other ends (an outbound call not
 * answered, a failed or forwarded call) leave the tickets alone: the telephony gateway keeps the
 * call record, and an agent who called out knows the customer did not pick up.
 */
export function planCall(call: CallEndedV1): CallPlan {
  if (call.outcome === 'answered') return { kind: 'record' };
  if (call.direction === 'outbound') return { kind: 'ignore', reason: `outbound call ${call.outcome}` };
  if (call.outcome !== 'missed' && call.outcome !== 'busy') return { kind: 'ignore', reason: `inbound call ${call.outcome}` };
  if (call.from === null && call.contactId === null) return { kind: 'ignore', reason: 'missed call from a withheld, unknown number' };
  return { kind: 'callback' };
}

/**
 * The call as a phone message for the customer audience: the customer talked to the service
 * desk, so the call belongs to the conversation they see — with what they know anyway (time,
 * number, duration), not the PBX's internals (extension, queue, causes).
 */
export function callRecordInput(call: CallEndedV1): SystemMessageInput {
  return {
    audience: 'customer',
    medium: 'phone',
    direction: call.direction,
    from: null,
    to: [],
    cc: [],
    subject: null,
    text: callRecordText(call),
    html: null,
    attachments: [],
    inReplyToMessageId: null,
    callId: call.callId,
  };
}

/** "Inbound call from +4930123456, answered 2026-11-23 11:58:12 UTC, talk time 8 min 35 s." */
export function callRecordText(call: CallEndedV1): string {
  const party = call.direction === 'inbound' ? `Inbound call from ${call.from ?? numberAsSent(call)}` : `Outbound call to ${call.to ?? call.toRaw}`;
  const approximate = call.complete ? '' : ' Times are approximate: the telephony gateway lost track of the call and reconstructed its end.';
  return `${party}, answered ${utc(call.answeredAt ?? call.startedAt)}, talk time ${duration(call.talkSeconds)}.${approximate}`;
}

/**
 * The ticket a call opens when the caller has no open ticket: channel phone, category `other`,
 * the caller's contact and customer; an answered call's ticket goes to the agent who took it.
 */
export function callTicketInput(call: CallEndedV1, callerName: string | null): CreateTicketInput {
  const who = callerName ?? (call.direction === 'inbound' ? (call.from ?? numberAsSent(call)) : (call.to ?? call.toRaw));
  const summary = call.outcome === 'answered' ? `${call.direction === 'inbound' ? 'Call from' : 'Call to'} ${who}` : `Missed call from ${who}`;
  return {
    summary,
    description: call.outcome === 'answered' ? callRecordText(call) : `Missed call at ${utc(call.endedAt)} from ${call.from ?? numberAsSent(call)}.`,
    channel: 'phone',
    category: 'other',
    customerId: call.customerId,
    contactId: call.contactId,
    assigneeId: call.outcome === 'answered' ? call.agentId : null,
    callId: call.callId,
  };
}

/**
 * The work log entry an answered call's talk time becomes: the agent who took it, from answer to
 * hang-up (whole minutes, rounded; a call under half a minute counts one minute, the smallest
 * entry), `billable` as the ticket's contract says. Null when no agent is known to book it to or
 * nobody talked.
 */
export function callWorkInput(call: CallEndedV1, activityType: string, billable: boolean): RecordWorkInput | null {
  if (call.outcome !== 'answered' || call.agentId === null || call.answeredAt === null || call.talkSeconds === 0) return null;
  const timed = Math.round(call.talkSeconds / 60) >= 1;
  return {
    agentId: call.agentId,
    activityType,
    startedAt: timed ? new Date(call.answeredAt) : null,
    endedAt: timed ? new Date(new Date(call.answeredAt).getTime() + call.talkSeconds * 1000) : null,
    durationMinutes: timed ? null : 1,
    billable,
    materials: [],
    note: callRecordText(call),
    taskId: null,
    callId: call.callId,
  };
}

/** The callback a missed call asks for; due counts from the end of the ringing. */
export function callbackInput(call: CallEndedV1, callerName: string | null): CallbackTaskInput {
  return { callId: call.callId, callbackNumber: call.from, callerName, missedAt: new Date(call.endedAt) };
}

// The calling number as the PBX sent it (not parseable as E.164), or that it was withheld.
function numberAsSent(call: CallEndedV1): string {
  return call.fromRaw.trim() || 'a withheld number';
}

function utc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}
