import { uuidv7, type OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { CountryCode } from 'libphonenumber-js/max';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../directory/caller-directory.repository';
import type { CallerLookup } from '../directory/caller-lookup';
import { PbxConnectionsRepository } from '../connections/pbx-connections.repository';
import type { PbxConnectionKind } from '../connections/pbx-connection';
import { answerCall, endCall, endedData, queueCall, startCall, type Call, type CallDecision, type Recognition } from './call';
import { partyNumber, type AnswerCallInput, type EndCallInput, type QueueCallInput, type RecordCallInput, type StartCallInput } from './call-inputs';
import { CallError } from './call.errors';
import { CallsRepository, type CallCursor, type CallFilter } from './calls.repository';
import { CallWriter } from './call-writer';
import { RecentCalls } from './recent-calls';

/** Told about every change of a call (the hotline monitor). */
export interface CallObserver {
  /** `caller`: the recognised party with names when the change just looked it up. */
  changed(call: Call, caller?: Caller | null): void;
  /** Whether it shows a call with this PBX call id (then a start is not news to show early). */
  shows(connectionId: string, pbxCallId: string): boolean;
  /** Takes back a call shown before it was stored, which then was not (a repeated start, a failed write). */
  retract(call: Call): void;
}

/** What a call operation did. */
export interface CallResult {
  readonly call: Call;
  /** True when the PBX repeated an event already recorded: nothing changed, nothing published. */
  readonly repeated: boolean;
}

const NO_ONE: Recognition = { contactId: null, customerId: null };

/**
 * The call use cases every source goes through: decide (pure, `call.ts`) → store the call and
 * its events (outbox) atomically → tell the monitor. A repeated event (a PBX retrying a webhook,
 * AMI replaying after a reconnect) finds the record and changes nothing.
 *
 * The hot path costs at most one database statement per PBX event, shared with the other
 * webhooks in flight (`call-writer.ts`): the caller and the agent come from the in-memory caller
 * index; a new call and its `call.started` are an INSERT … ON CONFLICT DO NOTHING with the outbox
 * rows; an answer or end is decided on the copy this replica wrote last and stored conditional on
 * the call's revision, falling back to a locked read-decide-write transaction when the copy is
 * missing or stale (another replica, a restart).
 */
export class CallsService {
  private readonly calls = new CallsRepository();
  private readonly connections = new PbxConnectionsRepository();
  private readonly recent = new RecentCalls();
  private readonly writer: CallWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly observer: CallObserver,
    private readonly callers: CallerLookup,
    private readonly defaultCountry: CountryCode,
  ) {
    this.writer = new CallWriter(dataSource, outbox);
  }

  /**
   * A call starts ringing. The monitor shows it, caller recognised, before it is stored: the
   * wallboard is what must be fast, and the write can only fail or turn out to be a repeat, in
   * which case the monitor is told to take it back.
   */
  async start(connectionId: string, input: StartCallInput): Promise<CallResult> {
    const from = partyNumber('from', input.from, this.defaultCountry);
    const to = partyNumber('to', input.to, this.defaultCountry);
    const caller = await this.callers.byNumber(input.direction === 'inbound' ? from.e164 : to.e164);
    const agentId = this.callers.agentByExtension(input.extension);
    const who = caller ? { contactId: caller.contactId, customerId: caller.customerId } : NO_ONE;
    const decision = startCall({ ...input, pbxConnectionId: connectionId, from, to, agentId }, who, uuidv7());
    // Not when it may be a repeat this replica can tell: the monitor shows the call, or this replica stored it.
    const early = !this.observer.shows(connectionId, input.pbxCallId) && !this.recent.get(connectionId, input.pbxCallId);
    if (early) this.observer.changed(decision.call, caller);
    let inserted: boolean;
    try {
      inserted = await this.writer.insert(decision.call, this.outbox.build(decision.events));
    } catch (error) {
      if (early) this.observer.retract(decision.call);
      throw error;
    }
    if (!inserted) {
      if (early) this.observer.retract(decision.call);
      // The PBX repeated the start (a retried webhook, or an AMI replay): the call it started.
      const existing = await this.calls.findByPbxCallId(this.dataSource.manager, connectionId, input.pbxCallId);
      return { call: existing ?? decision.call, repeated: true };
    }
    this.recent.remember(decision.call, 0);
    if (!early) this.observer.changed(decision.call, caller);
    return { call: decision.call, repeated: false };
  }

  async answer(connectionId: string, input: AnswerCallInput): Promise<CallResult> {
    const agentId = this.callers.agentByExtension(input.extension);
    return this.change(connectionId, input.pbxCallId, (existing) => answerCall(this.existing(existing, input.pbxCallId), { extension: input.extension, agentId, at: input.at }));
  }

  /** The call entered a PBX queue (AMI): the record, the monitor and the following events carry it. */
  async queue(connectionId: string, input: QueueCallInput): Promise<CallResult> {
    return this.change(connectionId, input.pbxCallId, (existing) => queueCall(this.existing(existing, input.pbxCallId), input.pbxQueue));
  }

  async end(connectionId: string, input: EndCallInput): Promise<CallResult> {
    const forwardedTo = input.forwardedTo ? (partyNumber('forwardedTo', input.forwardedTo, this.defaultCountry).e164 ?? input.forwardedTo) : null;
    return this.change(connectionId, input.pbxCallId, (existing) =>
      endCall(this.existing(existing, input.pbxCallId), { cause: input.cause, pbxCause: input.pbxCause, at: input.at, forwardedTo, complete: input.complete ?? true }),
    );
  }

  /** A whole call recorded after the fact: one `call.ended`; recording it again returns the stored call. */
  async record(input: RecordCallInput): Promise<CallResult> {
    const from = partyNumber('from', input.from, this.defaultCountry);
    const to = partyNumber('to', input.to, this.defaultCountry);
    const caller = await this.callers.byNumber(input.direction === 'inbound' ? from.e164 : to.e164);
    const agentId = this.callers.agentByExtension(input.extension);
    const result = await withTransaction(this.dataSource, async (manager) => {
      const existing = await this.calls.lockByPbxCallId(manager, input.pbxConnectionId, input.pbxCallId);
      if (existing) return { call: existing.call, repeated: true };
      await this.requireKind(manager, input.pbxConnectionId, 'api');
      const call: Call = {
        ...startCall({ ...input, pbxConnectionId: input.pbxConnectionId, from, to, agentId, at: input.startedAt }, caller ?? NO_ONE, uuidv7()).call,
        state: 'ended',
        outcome: input.outcome,
        answeredAt: input.answeredAt,
        endedAt: input.endedAt,
        forwardedTo: input.forwardedTo,
        ticketId: input.ticketId,
      };
      if (!(await this.calls.insert(manager, call))) {
        // A concurrent recording of the same call committed first: this one is the repeat.
        return { call: (await this.calls.lockByPbxCallId(manager, input.pbxConnectionId, input.pbxCallId))?.call ?? call, repeated: true };
      }
      await this.outbox.add(manager, [{ type: 'helpdesk.call.ended.v1', subject: call.id, data: endedData(call), time: input.endedAt }]);
      return { call, repeated: false };
    });
    if (!result.repeated) this.observer.changed(result.call);
    return result;
  }

  async get(id: string): Promise<Call> {
    const call = await this.calls.findById(this.dataSource.manager, id);
    if (!call) throw new CallError('CALL_NOT_FOUND', `no call ${id}`);
    return call;
  }

  /** Names of a recognised contact and its customer; null when the read model lost them. */
  caller(contactId: string): Promise<Caller | null> {
    return this.callers.byId(contactId);
  }

  list(filter: CallFilter, cursor: CallCursor | null, limit: number): Promise<Call[]> {
    return this.calls.list(this.dataSource.manager, filter, cursor, limit);
  }

  /** The calls of a connection still ringing or talking (an AMI session reconciles them after a reconnect). */
  activeOn(connectionId: string): Promise<Call[]> {
    return this.calls.activeOn(this.dataSource.manager, connectionId);
  }

  /** The calls the monitor starts from: active ones and missed ones awaiting a callback. */
  async monitorSnapshot(activeSince: Date, missedSince: Date): Promise<{ active: Call[]; awaitingCallback: Call[] }> {
    const manager = this.dataSource.manager;
    return { active: await this.calls.active(manager, activeSince), awaitingCallback: await this.calls.awaitingCallback(manager, missedSince) };
  }

  private async change(connectionId: string, pbxCallId: string, decide: (existing: Call | undefined) => CallDecision): Promise<CallResult> {
    const held = this.recent.get(connectionId, pbxCallId);
    if (held) {
      const result = decide(held.call);
      // An ended call never changes again, so its copy answers a repeat; other repeats are checked below.
      if (result.repeated && held.call.state === 'ended') return { call: held.call, repeated: true };
      if (!result.repeated) {
        const revision = await this.writer.update({ call: result.call, revision: held.revision }, this.outbox.build(result.events));
        if (revision !== null) return this.changed(result.call, revision);
      }
    }
    const decision = await withTransaction(this.dataSource, async (manager) => {
      const existing = await this.calls.lockByPbxCallId(manager, connectionId, pbxCallId);
      const result = decide(existing?.call);
      if (result.repeated || !existing) return { ...result, revision: existing?.revision ?? 0 };
      const revision = await this.calls.update(manager, result.call);
      await this.outbox.add(manager, result.events);
      return { ...result, revision };
    });
    if (decision.repeated) {
      this.recent.remember(decision.call, decision.revision);
      return { call: decision.call, repeated: true };
    }
    return this.changed(decision.call, decision.revision);
  }

  private changed(call: Call, revision: number): CallResult {
    this.recent.remember(call, revision);
    this.observer.changed(call);
    return { call, repeated: false };
  }

  private existing(call: Call | undefined, pbxCallId: string): Call {
    if (!call) throw new CallError('CALL_NOT_FOUND', `no call with callId ${pbxCallId} was started on this connection`);
    return call;
  }

  private async requireKind(manager: EntityManager, connectionId: string, kind: PbxConnectionKind): Promise<void> {
    const connection = await this.connections.find(manager, connectionId);
    if (!connection) throw new CallError('CONNECTION_NOT_FOUND', `no PBX connection ${connectionId}`, 'pbxConnectionId');
    if (connection.kind !== kind) throw new CallError('CONNECTION_KIND_MISMATCH', `connection ${connection.name} is a ${connection.kind} connection, not ${kind}`, 'pbxConnectionId');
    if (!connection.enabled) throw new CallError('CONNECTION_DISABLED', `connection ${connection.name} is disabled`);
  }
}
