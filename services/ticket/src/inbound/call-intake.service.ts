import type { CustomerScope } from '@helpdesk/auth';
import type { CallEndedV1 } from '@helpdesk/contracts';
import { ContactsRepository } from '../directory/contacts/contacts.repository';
import { TasksRepository } from '../tasks/tasks.repository';
import { CALL_HANDLER_ACTOR } from '../tasks/tasks.service';
import { TicketError } from '../tickets/ticket.errors';
import { ContractsRepository } from '../directory/contracts/contracts.repository';
import { callRecordInput, callTicketInput, callWorkInput, callbackInput, planCall, type CallPlan } from './call-intake';
import { InboundRepository } from './inbound.repository';
import type { InboundSettings } from './inbound-settings';
import { InboundTickets, type InboundTransaction } from './inbound-tickets.service';

const ALL: CustomerScope = { kind: 'all' };

/**
 * Turns `helpdesk.call.ended.v1` into ticket changes (see `planCall`), in the consumer's
 * transaction, on the ticket the call belongs to: the one an integration named, else the
 * caller's most recently changed open ticket (changed within `callAttachWindowHours` when set),
 * else a new phone ticket. An answered call's talk time also becomes a work log entry. Once per call: a call
 * already recorded (or already asking for its callback) changes nothing, whatever the event id.
 */
export class CallIntakeService {
  private readonly inbound = new InboundRepository();
  private readonly contacts = new ContactsRepository();
  private readonly tasks = new TasksRepository();
  private readonly contracts = new ContractsRepository();
  private readonly tickets: InboundTickets;

  constructor(private readonly settings: InboundSettings) {
    this.tickets = new InboundTickets(settings, CALL_HANDLER_ACTOR);
  }

  async receive(tx: InboundTransaction, call: CallEndedV1, now: Date): Promise<void> {
    const plan = planCall(call);
    if (plan.kind === 'ignore') return;
    if (call.contactId !== null) await this.inbound.lockContact(tx.manager, call.contactId);
    if (await this.handled(tx, call, plan)) return;
    const callerName = await this.callerName(tx, call);
    const ticketId = await this.ticketFor(tx, call, callerName, now);
    if (plan.kind === 'record') {
      await this.tickets.addMessage(tx, ticketId, callRecordInput(call), now);
      await this.recordTalkTime(tx, ticketId, call, now);
    } else await this.tickets.addCallback(tx, { ticketId, ...callbackInput(call, callerName) }, now);
  }

  /** The talk time as work of the agent who answered; not billable when the ticket's contract includes free support. */
  private async recordTalkTime(tx: InboundTransaction, ticketId: string, call: CallEndedV1, now: Date): Promise<void> {
    const work = this.settings.callWork;
    if (!work) return;
    const ticket = await this.tickets.find(tx, ticketId);
    const freeSupport = ticket?.contractId ? await this.freeSupport(tx, ticket.contractId) : false;
    const input = callWorkInput(call, work.activityType, !freeSupport);
    if (input) await this.tickets.recordWork(tx, ticketId, input, work.rules, now);
  }

  private async handled(tx: InboundTransaction, call: CallEndedV1, plan: CallPlan): Promise<boolean> {
    if (plan.kind === 'record') return this.inbound.callRecorded(tx.manager, call.callId);
    return (await this.tasks.findCallback(tx.manager, call.callId)) !== null;
  }

  private async ticketFor(tx: InboundTransaction, call: CallEndedV1, callerName: string | null, now: Date): Promise<string> {
    const named = await this.tickets.find(tx, call.ticketId);
    if (named && named.status !== 'closed' && named.status !== 'cancelled') return named.id;
    const hours = this.settings.callAttachWindowHours;
    const since = hours === undefined ? null : new Date(now.getTime() - hours * 3_600_000);
    const open = call.contactId === null ? null : await this.inbound.latestOpenTicket(tx.manager, call.contactId, since);
    return open ?? (await this.tickets.open(tx, callTicketInput(call, callerName), now)).id;
  }

  /** Whether the contract includes free support; false for a contract the directory no longer has. */
  private async freeSupport(tx: InboundTransaction, contractId: string): Promise<boolean> {
    try {
      return (await this.contracts.get(tx.manager, ALL, { id: contractId })).data.freeSupport;
    } catch (error) {
      if (error instanceof TicketError && error.code === 'CONTRACT_NOT_FOUND') return false;
      throw error;
    }
  }

  /** The recognised contact's display name; null when unknown to the directory. */
  private async callerName(tx: InboundTransaction, call: CallEndedV1): Promise<string | null> {
    if (call.contactId === null) return null;
    try {
      return (await this.contacts.get(tx.manager, ALL, call.contactId)).data.displayName;
    } catch (error) {
      if (error instanceof TicketError && error.code === 'CONTACT_NOT_FOUND') return null;
      throw error;
    }
  }
}
