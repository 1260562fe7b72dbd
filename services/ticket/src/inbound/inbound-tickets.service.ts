import type { CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import { uuidv7, type HandlerContext } from '@helpdesk/messaging';
import { todayIn } from '../directory/calendar-date';
import { ContractsRepository } from '../directory/contracts/contracts.repository';
import { linkTicket, recordInverseLink } from '../links/link-decisions';
import { LinksRepository } from '../links/links.repository';
import type { Message, SystemMessageInput } from '../messages/message';
import { systemMessageChange } from '../messages/messages.service';
import type { Task } from '../tasks/task';
import { callbackTaskChange, type CallbackRequest } from '../tasks/tasks.service';
import type { Ticket } from '../tickets/ticket';
import { createTicket, type CreateTicketInput } from '../tickets/ticket-creation';
import { changeStatus } from '../tickets/ticket-status-change';
import { applyTicketChange, insertTicket, type ChangeScope, type FeatureDecision } from '../tickets/ticket-unit-of-work';
import { TicketError } from '../tickets/ticket.errors';
import { TicketsRepository } from '../tickets/tickets.repository';
import { recordWork, type RecordWorkInput, type WorkRules } from '../worklog/work-recording';
import { WorkLogRepository } from '../worklog/work-log.repository';
import type { InboundSettings } from './inbound-settings';

/** The part of a handler's context the consumers write through: its transaction and outbox. */
export type InboundTransaction = Pick<HandlerContext, 'manager' | 'outbox'>;

const ALL: CustomerScope = { kind: 'all' };

/**
 * The ticket changes the mail and call consumers make, each through `applyTicketChange` (or
 * `insertTicket`) in the handler's transaction — so the inbox row, the tickets, their history and
 * their events commit together — and recorded as the consumer's system `actor`.
 */
export class InboundTickets {
  private readonly tickets = new TicketsRepository();
  private readonly links = new LinksRepository();
  private readonly workLog = new WorkLogRepository();
  private readonly contracts = new ContractsRepository();

  constructor(
    private readonly settings: InboundSettings,
    private readonly actor: Actor,
  ) {}

  /** The ticket with this id; null when there is none (or no id). */
  async find(tx: InboundTransaction, ticketId: string | null): Promise<Ticket | null> {
    if (ticketId === null) return null;
    try {
      return await this.tickets.get(tx.manager, ALL, { id: ticketId });
    } catch (error) {
      if (error instanceof TicketError && error.code === 'TICKET_NOT_FOUND') return null;
      throw error;
    }
  }

  /**
   * Opens a ticket with the next number. A recognised customer's ticket falls under the customer's
   * governing contract of the day, so that its SLA policy and billing plan apply from the start.
   */
  async open(tx: InboundTransaction, input: CreateTicketInput, now: Date): Promise<Ticket> {
    const number = await this.tickets.nextNumber(tx.manager, this.settings.numberPrefix);
    if (input.customerId && !input.contractId) {
      const contract = await this.contracts.governing(tx.manager, input.customerId, todayIn(this.settings.directoryTimeZone ?? 'Europe/Berlin', now));
      if (contract) input = { ...input, contractId: contract.id };
    }
    const decision = createTicket(input, { id: uuidv7(), number, now, actor: this.actor, policy: this.settings.policy });
    await insertTicket(tx.manager, tx.outbox, decision, this.actor);
    return decision.ticket;
  }

  /** Adds a message written by `author` (default: the consumer's actor). */
  addMessage(tx: InboundTransaction, ticketId: string, input: SystemMessageInput, now: Date, author?: Actor): Promise<Message> {
    const { policy, attachmentMaxBytes } = this.settings;
    return applyTicketChange(tx.manager, tx.outbox, systemMessageChange(ticketId, input, { actor: this.actor, ...(author ? { author } : {}), now, policy, attachmentMaxBytes }));
  }

  /** Moves a ticket along the status machine. */
  async changeStatus(tx: InboundTransaction, ticketId: string, to: 'open', reason: string, now: Date): Promise<void> {
    await this.change(tx, ticketId, now, (ticket, scope) => ({ decision: changeStatus(ticket, { to, reason }, scope), result: undefined }));
  }

  /** Links a ticket to another as related; both record the link (as LinkTickets does). */
  async linkRelated(tx: InboundTransaction, ticketId: string, related: Pick<Ticket, 'id' | 'number'>, now: Date): Promise<void> {
    const target = { id: related.id, number: related.number };
    const added = await this.change(tx, ticketId, now, async (ticket, scope) => {
      const links = { tickets: await this.links.linkedTickets(scope.manager, ALL, ticket.id), external: ticket.externalReferences };
      const { decision, insert } = linkTicket(ticket, 'related', { target, links, createsParentCycle: false }, scope);
      if (insert) await this.links.insert(scope.manager, insert, scope.now, scope.actor);
      return { decision, result: insert !== null };
    });
    if (!added) return;
    await this.change(tx, target.id, now, async (other, scope) => {
      const linksAfter = await this.links.linkedTickets(scope.manager, ALL, other.id);
      return { decision: recordInverseLink(other, linksAfter, ticketId, scope), result: undefined };
    });
  }

  /** The callback task of a missed call (one per call). */
  addCallback(tx: InboundTransaction, request: CallbackRequest, now: Date): Promise<Task> {
    const { callbacks, policy } = this.settings;
    return applyTicketChange(tx.manager, tx.outbox, callbackTaskChange(request, { callbacks, policy, now, actor: this.actor }));
  }

  /** Records work on a ticket (as WorklogService.record does), booked to `input.agentId`. */
  async recordWork(tx: InboundTransaction, ticketId: string, input: RecordWorkInput, rules: WorkRules, now: Date): Promise<void> {
    const entryId = uuidv7();
    await this.change(tx, ticketId, now, async (ticket, scope) => {
      const decided = recordWork(ticket, input, { ...scope, entryId, rules, task: null });
      await this.workLog.insert(scope.manager, decided.result);
      return { decision: decided.decision, result: undefined };
    });
  }

  private change<T>(
    tx: InboundTransaction,
    ticketId: string,
    now: Date,
    decide: (ticket: Ticket, scope: ChangeScope) => Promise<FeatureDecision<T>> | FeatureDecision<T>,
  ): Promise<T> {
    return applyTicketChange(tx.manager, tx.outbox, { scope: ALL, actor: this.actor, ticketId, now, policy: this.settings.policy, decide });
  }
}
