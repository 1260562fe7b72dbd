import { externalNumber, type Call, type CallState } from '../calls/call';
import type { Caller, OpenTicket } from '../directory/caller-directory.repository';

/** A call as the hotline monitor shows it. */
export interface MonitorEntry {
  readonly call: Call;
  /** The recognised external party with names; null when not recognised. */
  readonly caller: Caller | null;
  /** The caller's open tickets, most recently changed first. */
  readonly openTickets: readonly OpenTicket[];
  /** An ended missed/busy inbound call nobody has called back yet. */
  readonly awaitingCallback: boolean;
}

/** What a monitor subscriber receives. */
export type MonitorUpdate =
  | { readonly kind: 'call'; readonly entry: MonitorEntry }
  | { readonly kind: 'removed'; readonly callId: string }
  | { readonly kind: 'snapshot-complete' };

/** How far a call has got; a state never goes back. */
export const RANK: Record<CallState, number> = { ringing: 1, talking: 2, ended: 3 };

/**
 * Whether `next` is news for a monitor that holds `held`: a later state, an active call that entered
 * a PBX queue, or the same talking call moved to another extension (a transfer). Changes reach a replica twice (after its own commit and
 * from NATS) and in any order; this keeps the newest.
 */
export function isNewer(held: Call | undefined, next: Call): boolean {
  if (!held) return true;
  if (RANK[next.state] !== RANK[held.state]) return RANK[next.state] > RANK[held.state];
  // A queue is only ever learned (a late copy without it is older); an extension changes with a transfer.
  if (next.state !== 'ended' && next.pbxQueue !== null && next.pbxQueue !== held.pbxQueue) return true;
  return next.state === 'talking' && next.extension !== held.extension;
}

/** Whether an ended call stays on the monitor, as a missed call to call back. */
export function awaitsCallback(call: Call): boolean {
  return call.state === 'ended' && call.direction === 'inbound' && (call.outcome === 'missed' || call.outcome === 'busy') && call.from !== null;
}

/** Whether an answered call reached the number of a missed call (a callback, or the caller got through). */
export function callsBack(answered: Call, missed: Call): boolean {
  return answered.outcome === 'answered' && missed.from !== null && externalNumber(answered) === missed.from;
}

/** Whether a subscriber watching `agentId` (null: everything) sees this entry. */
export function visibleTo(entry: MonitorEntry, agentId: string | null): boolean {
  return agentId === null || entry.call.agentId === null || entry.call.agentId === agentId;
}
