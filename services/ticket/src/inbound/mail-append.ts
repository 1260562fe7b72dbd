import type { Actor, MailReceivedV1 } from '@helpdesk/contracts';
import { appendEntries, type HistoryEntry } from '../history/history-chain';
import type { MessageAudience, SystemMessageInput } from '../messages/message';
import type { Ticket } from '../tickets/ticket';
import type { TicketDecision } from '../tickets/ticket-decisions';
import type { TicketEvent } from '../tickets/ticket-events';
import { changeStatus } from '../tickets/ticket-status-change';
import { mailAuthor, mailMessageInput, parseProblemsNote } from './mail-intake';
import { postSystemMessage, type MailStepContext, type OpeningMessage } from './mail-opening';

/** A ticket as a batch holds it: its current state and the newest entry of its history chain. */
export interface HeldTicket {
  readonly ticket: Ticket;
  readonly last: HistoryEntry | undefined;
}

/** What a mail joining an existing ticket adds: the ticket's next state and chain end, and the rows and events on the way. */
export interface MailAppend {
  readonly held: HeldTicket;
  readonly messages: readonly OpeningMessage[];
  readonly history: readonly HistoryEntry[];
  readonly events: readonly TicketEvent[];
}

/** An `append` plan of `planMail`. */
export interface AppendPlan {
  readonly audience: MessageAudience;
  readonly statusTo: 'open' | null;
}

/** What a mail append needs besides the mail and the ticket. */
export type MailAppendContext = MailStepContext;

/**
 * Decides what `MailIntakeService` does for an `append` plan, each step as `applyTicketChange`
 * would record it: the status move the customer's answer makes (when planned), the mail as a
 * message by its sender, then a note of what could not be parsed — every step the ticket's next
 * version, chained after the previous one, so several mails on one ticket in a batch chain in order.
 * The caller holds the ticket's row lock.
 */
export function decideMailAppend(held: HeldTicket, mail: MailReceivedV1, plan: AppendPlan, ctx: MailAppendContext): MailAppend {
  let { ticket, last } = held;
  const messages: OpeningMessage[] = [];
  const history: HistoryEntry[] = [];
  const events: TicketEvent[] = [];
  const record = (decision: TicketDecision) => {
    const entries = appendEntries(last, decision.history, { ticketId: ticket.id, now: decision.ticket.updatedAt, actor: ctx.actor });
    last = entries.at(-1) ?? last;
    history.push(...entries);
    events.push(...decision.events);
    ticket = decision.ticket;
  };
  const post = (posting: SystemMessageInput, author: Actor) => {
    const { decision, added } = postSystemMessage(ticket, posting, author, [], ctx);
    record(decision);
    messages.push(added);
  };
  if (plan.statusTo) record(changeStatus(ticket, { to: plan.statusTo, reason: 'the customer answered by mail' }, { now: ctx.now, actor: ctx.actor, policy: ctx.policy }));
  post(mailMessageInput(mail, plan.audience), mailAuthor(mail, ctx.contact));
  const note = parseProblemsNote(mail);
  if (note) post(note, ctx.actor);
  return { held: { ticket, last }, messages, history, events };
}
