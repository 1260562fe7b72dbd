import type { Call, CallDirection, EndCause } from '../calls/call';
import type { AnswerCallInput, EndCallInput, QueueCallInput, StartCallInput } from '../calls/call-inputs';
import type { AmiMessage } from './ami-protocol';

/** What an AMI event means for the call model. */
export type AmiCommand =
  | { readonly kind: 'start'; readonly input: StartCallInput }
  | { readonly kind: 'answer'; readonly input: AnswerCallInput }
  | { readonly kind: 'queue'; readonly input: QueueCallInput }
  | { readonly kind: 'end'; readonly input: EndCallInput };

interface TrackedCall {
  readonly direction: CallDirection;
  answered: boolean;
  extension: string | null;
  lastDialStatus: string | null;
  /** The app_queue queue the caller waits or waited in; null when none. */
  queue: string | null;
  /** Events of this call were lost (it was followed up after a reconnect). */
  incomplete: boolean;
}

/**
 * Follows Asterisk calls by `Linkedid` (the uniqueid of the call's first channel, shared by every
 * channel of the call) and turns AMI events into call commands:
 * `Newchannel` of the first channel → start (inbound when its context is a trunk context);
 * `BridgeEnter` once two channels are bridged → answer (again, with the new agent, after a transfer);
 * `DialEnd` remembers why a ring ended (BUSY, NOANSWER, CANCEL, …);
 * `Hangup` of the first channel → end, with the cause from the last dial status or the Q.850 code;
 * the app_queue events of the caller's channel (`QueueCallerJoin`, `AgentCalled`, `AgentConnect`,
 * `QueueCallerAbandon`, …) carry a `Queue` header → queue (once per queue the call enters).
 * `Cdr` and other events are ignored: the hangup already ends the call.
 */
export class AmiCallTracker {
  private readonly calls = new Map<string, TrackedCall>();

  constructor(private readonly inboundContexts: readonly string[]) {}

  handle(event: AmiMessage, at: Date): AmiCommand[] {
    const linkedid = event['linkedid'];
    if (!linkedid) return [];
    switch (event['event']?.toLowerCase()) {
      case 'newchannel':
        return event['uniqueid'] === linkedid && !this.calls.has(linkedid) ? [this.start(linkedid, event, at, false)] : [];
      case 'dialend':
        return this.dialEnded(linkedid, event);
      case 'bridgeenter':
        return this.bridged(linkedid, event, at);
      case 'hangup':
        return event['uniqueid'] === linkedid ? this.hungUp(linkedid, event, at) : [];
      default:
        return isQueueEvent(event) ? this.queued(linkedid, event['queue'] ?? '', at) : [];
    }
  }

  /**
   * After a (re)connect: the calls the database holds as active for this connection and the
   * channels Asterisk has now (`CoreShowChannel` events). A call whose channels are gone ended
   * while the gateway was away: it ends now, marked incomplete. A call still up in the state the
   * gateway knew is followed on and completes normally from the events that follow; one answered
   * meanwhile is answered now and marked incomplete. A call Asterisk has that the database does
   * not started meanwhile: it starts now (from the channel's duration), marked incomplete.
   */
  reconcile(active: readonly Call[], channels: readonly AmiMessage[], at: Date): AmiCommand[] {
    const live = new Map<string, AmiMessage[]>();
    for (const channel of channels) {
      const linkedid = channel['linkedid'];
      if (linkedid) live.set(linkedid, [...(live.get(linkedid) ?? []), channel]);
    }
    const commands: AmiCommand[] = [];
    for (const call of active) {
      const legs = live.get(call.pbxCallId);
      live.delete(call.pbxCallId);
      if (!legs) {
        this.calls.delete(call.pbxCallId);
        commands.push({ kind: 'end', input: { pbxCallId: call.pbxCallId, cause: 'normalClearing', pbxCause: null, forwardedTo: null, at, complete: false } });
        continue;
      }
      const tracked: TrackedCall = this.calls.get(call.pbxCallId) ?? {
        direction: call.direction,
        answered: call.state === 'talking',
        extension: call.extension,
        lastDialStatus: null,
        queue: call.pbxQueue,
        incomplete: false,
      };
      this.calls.set(call.pbxCallId, tracked);
      // Answered while the gateway was away: the answer time is a guess, so the record says so.
      const answered = this.answerIfBridged(call.pbxCallId, tracked, legs, at);
      if (answered.length > 0) tracked.incomplete = true;
      commands.push(...answered);
    }
    for (const [linkedid, legs] of live) {
      const origin = legs.find((leg) => leg['uniqueid'] === linkedid);
      if (!origin) continue;
      const started = new Date(at.getTime() - durationMs(origin['duration']));
      commands.push(this.start(linkedid, origin, started, true));
      commands.push(...this.answerIfBridged(linkedid, this.calls.get(linkedid) as TrackedCall, legs, at));
    }
    return commands;
  }

  /** Linkedids of the calls being followed. */
  tracked(): string[] {
    return [...this.calls.keys()];
  }

  private start(linkedid: string, channel: AmiMessage, at: Date, incomplete: boolean): AmiCommand {
    const direction: CallDirection = this.inboundContexts.includes(channel['context'] ?? '') ? 'inbound' : 'outbound';
    const number = channel['calleridnum'] ?? '';
    const extension = direction === 'outbound' && number ? number : null;
    // A channel found waiting in a queue after a reconnect (CoreShowChannel: Application Queue, ApplicationData "support,t,…").
    const queue = channel['application']?.toLowerCase() === 'queue' ? channel['applicationdata']?.split(',')[0]?.trim() || null : null;
    this.calls.set(linkedid, { direction, answered: false, extension, lastDialStatus: null, queue, incomplete });
    return { kind: 'start', input: { pbxCallId: linkedid, direction, from: unknownAsEmpty(number), to: channel['exten'] ?? '', extension, pbxQueue: queue, at } };
  }

  private queued(linkedid: string, queue: string, at: Date): AmiCommand[] {
    const call = this.calls.get(linkedid);
    if (!call || !queue || call.queue === queue) return [];
    call.queue = queue;
    return [{ kind: 'queue', input: { pbxCallId: linkedid, pbxQueue: queue, at } }];
  }

  private dialEnded(linkedid: string, event: AmiMessage): AmiCommand[] {
    const call = this.calls.get(linkedid);
    const status = event['dialstatus']?.toUpperCase();
    if (call && status && status !== 'ANSWER') call.lastDialStatus = status;
    return [];
  }

  private bridged(linkedid: string, event: AmiMessage, at: Date): AmiCommand[] {
    const call = this.calls.get(linkedid);
    if (!call || Number(event['bridgenumchannels'] ?? '0') < 2) return [];
    const agent = call.direction === 'outbound' ? call.extension : event['uniqueid'] === linkedid ? (event['connectedlinenum'] ?? null) : (event['calleridnum'] ?? null);
    if (call.answered && agent === call.extension) return [];
    call.answered = true;
    call.extension = agent;
    return [{ kind: 'answer', input: { pbxCallId: linkedid, extension: agent, at } }];
  }

  private hungUp(linkedid: string, event: AmiMessage, at: Date): AmiCommand[] {
    const call = this.calls.get(linkedid);
    if (!call) return [];
    this.calls.delete(linkedid);
    const code = event['cause'] ?? '';
    const pbxCause = [code, event['cause-txt']].filter(Boolean).join(' ') || null;
    const cause = call.answered ? 'normalClearing' : endCauseOf(call.lastDialStatus, Number(code));
    return [{ kind: 'end', input: { pbxCallId: linkedid, cause, pbxCause, forwardedTo: null, at, complete: !call.incomplete } }];
  }

  private answerIfBridged(linkedid: string, call: TrackedCall, legs: readonly AmiMessage[], at: Date): AmiCommand[] {
    const bridged = legs.filter((leg) => leg['bridgeid']);
    if (call.answered || bridged.length < 2) return [];
    const agentLeg = bridged.find((leg) => leg['uniqueid'] !== linkedid);
    call.answered = true;
    call.extension = call.direction === 'outbound' ? call.extension : (agentLeg?.['calleridnum'] ?? null);
    return [{ kind: 'answer', input: { pbxCallId: linkedid, extension: call.extension, at } }];
  }
}

/**
 * An app_queue event about the caller's channel: `QueueCallerJoin`/`Leave`/`Abandon` and the
 * member events `AgentCalled`/`AgentConnect`/`AgentComplete`/`AgentRingNoAnswer`/`AgentDump`,
 * all with a `Queue` header (a connection that missed the join still learns the queue).
 */
function isQueueEvent(event: AmiMessage): boolean {
  const name = event['event']?.toLowerCase() ?? '';
  return (name.startsWith('queuecaller') || name.startsWith('agent')) && Boolean(event['queue']);
}

/** Why an unanswered call ended: the last dial status, else the Q.850 cause code of the hangup. */
export function endCauseOf(dialStatus: string | null, code: number): EndCause {
  switch (dialStatus) {
    case 'BUSY':
      return 'busy';
    case 'NOANSWER':
      return 'noAnswer';
    case 'CANCEL':
      return 'cancel';
    case 'CONGESTION':
    case 'CHANUNAVAIL':
      return 'congestion';
  }
  if (code === 17) return 'busy';
  if (code === 18 || code === 19 || code === 21) return 'noAnswer';
  if (code === 1 || code === 3) return 'notFound';
  if (code === 34 || code === 38 || code === 41 || code === 42) return 'congestion';
  return 'normalClearing';
}

// Asterisk writes "<unknown>" for a missing caller id.
function unknownAsEmpty(number: string): string {
  return number === '<unknown>' ? '' : number;
}

// CoreShowChannel's Duration is HH:MM:SS.
function durationMs(duration: string | undefined): number {
  const parts = (duration ?? '').split(':').map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return 0;
  const [h = 0, m = 0, s = 0] = parts;
  return ((h * 60 + m) * 60 + s) * 1000;
}
