import { uuidv7, type OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { CountryCode } from 'libphonenumber-js/max';
import type { DataSource, EntityManager } from 'typeorm';
import { CallerDirectoryRepository, type Caller } from '../directory/caller-directory.repository';
import { PbxConnectionsRepository } from '../connections/pbx-connections.repository';
import type { PbxConnectionKind } from '../connections/pbx-connection';
import { answerCall, endCall, endedData, startCall, type Call, type CallDecision, type Recognition } from './call';
import { partyNumber, type AnswerCallInput, type EndCallInput, type RecordCallInput, type StartCallInput } from './call-inputs';
import { CallError } from './call.errors';
import { CallsRepository, type CallCursor, type CallFilter } from './calls.repository';

/** Told about every committed change of a call (the hotline monitor). */
export interface CallObserver {
  /** `caller`: the recognised party with names when the change just looked it up. */
  changed(call: Call, caller?: Caller | null): void;
}

/** What a call operation did. */
export interface CallResult {
  readonly call: Call;
  /** True when the PBX repeated an event already recorded: nothing changed, nothing published. */
  readonly repeated: boolean;
}

const NO_ONE: Recognition = { contactId: null, customerId: null };

/**
 * The call use cases every source goes through: load the call by its PBX id under a row lock →
 * decide (pure, `call.ts`) → save and write its events to the outbox in the same transaction →
 * tell the monitor after commit. A repeated event (a PBX retrying a webhook, AMI replaying after
 * a reconnect) finds the record and changes nothing.
 */
export class CallsService {
  private readonly calls = new CallsRepository();
  private readonly directory = new CallerDirectoryRepository();
  private readonly connections = new PbxConnectionsRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly observer: CallObserver,
    private readonly defaultCountry: CountryCode,
  ) {}

  /**
   * A call starts ringing; the external party is recognised from the read model before the
   * transaction (one query), so the transaction only inserts the call and its event.
   */
  async start(connectionId: string, input: StartCallInput): Promise<CallResult> {
    const from = partyNumber('from', input.from, this.defaultCountry);
    const to = partyNumber('to', input.to, this.defaultCountry);
    const { caller, agentId } = await this.directory.recognise(this.dataSource.manager, input.direction === 'inbound' ? from.e164 : to.e164, input.extension);
    const who = caller ? { contactId: caller.contactId, customerId: caller.customerId } : NO_ONE;
    const decision = startCall({ ...input, pbxConnectionId: connectionId, from, to, agentId }, who, uuidv7());
    const inserted = await withTransaction(this.dataSource, async (manager) => {
      if (!(await this.calls.insert(manager, decision.call))) return false;
      await this.outbox.add(manager, decision.events);
      return true;
    });
    if (!inserted) {
      // The PBX repeated the start (a retried webhook, or an AMI replay): the call it started.
      const existing = await this.calls.findByPbxCallId(this.dataSource.manager, connectionId, input.pbxCallId);
      return { call: existing ?? decision.call, repeated: true };
    }
    this.observer.changed(decision.call, caller);
    return { call: decision.call, repeated: false };
  }

  async answer(connectionId: string, input: AnswerCallInput): Promise<CallResult> {
    const agentId = input.extension ? await this.directory.agentByExtension(this.dataSource.manager, input.extension) : null;
    return this.change(connectionId, input.pbxCallId, async (_, existing) => answerCall(this.existing(existing, input.pbxCallId), { extension: input.extension, agentId, at: input.at }));
  }

  async end(connectionId: string, input: EndCallInput): Promise<CallResult> {
    const forwardedTo = input.forwardedTo ? (partyNumber('forwardedTo', input.forwardedTo, this.defaultCountry).e164 ?? input.forwardedTo) : null;
    return this.change(connectionId, input.pbxCallId, async (_, existing) =>
      endCall(this.existing(existing, input.pbxCallId), { cause: input.cause, pbxCause: input.pbxCause, at: input.at, forwardedTo, complete: input.complete ?? true }),
    );
  }

  /** A whole call recorded after the fact: one `call.ended`; recording it again returns the stored call. */
  async record(input: RecordCallInput): Promise<CallResult> {
    const from = partyNumber('from', input.from, this.defaultCountry);
    const to = partyNumber('to', input.to, this.defaultCountry);
    return this.change(input.pbxConnectionId, input.pbxCallId, async (manager, existing) => {
      if (existing) return { call: existing, events: [], repeated: true };
      await this.requireKind(manager, input.pbxConnectionId, 'api');
      const external = input.direction === 'inbound' ? from.e164 : to.e164;
      const caller = external ? await this.directory.callerByNumber(manager, external) : null;
      const agentId = input.extension ? await this.directory.agentByExtension(manager, input.extension) : null;
      const call: Call = {
        ...startCall({ ...input, pbxConnectionId: input.pbxConnectionId, from, to, agentId, at: input.startedAt }, caller ?? NO_ONE, uuidv7()).call,
        state: 'ended',
        outcome: input.outcome,
        answeredAt: input.answeredAt,
        endedAt: input.endedAt,
        forwardedTo: input.forwardedTo,
        ticketId: input.ticketId,
      };
      return { call, events: [{ type: 'helpdesk.call.ended.v1', subject: call.id, data: endedData(call), time: input.endedAt }], repeated: false };
    });
  }

  async get(id: string): Promise<Call> {
    const call = await this.calls.findById(this.dataSource.manager, id);
    if (!call) throw new CallError('CALL_NOT_FOUND', `no call ${id}`);
    return call;
  }

  /** Names of a recognised contact and its customer; null when the read model lost them. */
  caller(contactId: string): Promise<Caller | null> {
    return this.directory.callerById(this.dataSource.manager, contactId);
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

  private async change(connectionId: string, pbxCallId: string, decide: (manager: EntityManager, existing: Call | undefined) => Promise<CallDecision>): Promise<CallResult> {
    const decision = await withTransaction(this.dataSource, async (manager) => {
      const existing = await this.calls.lockByPbxCallId(manager, connectionId, pbxCallId);
      const result = await decide(manager, existing);
      if (result.repeated) return result;
      if (existing) await this.calls.update(manager, result.call);
      else if (!(await this.calls.insert(manager, result.call))) {
        // A concurrent retry of the same start committed first: this one is the repeat.
        const winner = await this.calls.lockByPbxCallId(manager, connectionId, pbxCallId);
        return { call: winner ?? result.call, events: [], repeated: true };
      }
      await this.outbox.add(manager, result.events);
      return result;
    });
    if (!decision.repeated) this.observer.changed(decision.call);
    return { call: decision.call, repeated: decision.repeated };
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
