import type { Actor, MailReceivedV1 } from '@helpdesk/contracts';
import { appendEntries, type HistoryEntry } from '../history/history-chain';
import type { AttachmentReference, Message, SystemMessageInput } from '../messages/message';
import { addMessage, bodyOf, systemMessageRequest, type ReplyTarget } from '../messages/message-addition';
import type { Ticket } from '../tickets/ticket';
import { createTicket } from '../tickets/ticket-creation';
import type { TicketDecision, TicketPolicy } from '../tickets/ticket-decisions';
import type { TicketEvent } from '../tickets/ticket-events';
import { autoAcknowledgement, mailAuthor, mailMessageInput, mailTicketInput, parseProblemsNote, type SenderContact } from './mail-intake';

/** A message of a mail-opened ticket with the files another service holds for it. */
export interface OpeningMessage {
  readonly message: Message;
  readonly references: readonly AttachmentReference[];
}

/**
 * Everything a mail that opens a ticket writes: the ticket at its final version, its messages
 * (the mail, a parse-problems note, the auto-acknowledgement), its whole history chain and its
 * events — decided without the database, so a batch of them is written set-based.
 */
export interface MailOpening {
  readonly ticket: Ticket;
  readonly messages: readonly OpeningMessage[];
  readonly history: readonly HistoryEntry[];
  readonly events: readonly TicketEvent[];
}

/** What every decision about a mail in a batch needs besides the mail (an opening or an append). */
export interface MailStepContext {
  /** The sender's active directory contact, if any. */
  readonly contact: SenderContact | null;
  readonly now: Date;
  /** The consumer's system actor: recorded in the history and as `updated_by`. */
  readonly actor: Actor;
  readonly policy: TicketPolicy;
  /** Mints message ids (UUIDv7). */
  readonly newId: () => string;
}

/** What a mail opening needs besides the mail; ids, number and contract come from the caller's reads. */
export interface MailOpeningContext extends MailStepContext {
  readonly ticketId: string;
  readonly number: string;
  /** The contact's customer's governing contract of the day, if any. */
  readonly contractId: string | null;
  readonly acknowledge: boolean;
}

/**
 * Decides a new ticket opened by `mail` with its messages: the same ticket, messages, history
 * entries (times included) and events as `InboundTickets.openWithMessages` with the postings of
 * `MailIntakeService` — the inbound mail by its sender, a note of what could not be parsed, the
 * auto-acknowledgement answering the mail — only nothing is read in between: the new ticket is
 * this transaction's own, and the one message an acknowledgement answers was posted just before.
 */
export function decideMailOpening(mail: MailReceivedV1, ctx: MailOpeningContext): MailOpening {
  const base = mailTicketInput(mail, ctx.contact, ctx.policy);
  const input = base.customerId && ctx.contractId ? { ...base, contractId: ctx.contractId } : base;
  const created = createTicket(input, { id: ctx.ticketId, number: ctx.number, now: ctx.now, actor: ctx.actor, policy: ctx.policy });
  const recorded: { history: TicketDecision['history']; at: Date; events: TicketDecision['events'] }[] = [
    { history: created.history, at: created.ticket.updatedAt, events: created.events },
  ];
  let ticket = created.ticket;
  const messages: OpeningMessage[] = [];
  const post = (posting: SystemMessageInput, author: Actor = ctx.actor): Message => {
    const posted = postSystemMessage(ticket, posting, author, messages, ctx);
    recorded.push({ history: posted.decision.history, at: posted.decision.ticket.updatedAt, events: posted.decision.events });
    ticket = posted.decision.ticket;
    messages.push(posted.added);
    return posted.added.message;
  };
  const inbound = post(mailMessageInput(mail, 'customer'), mailAuthor(mail, ctx.contact));
  const note = parseProblemsNote(mail);
  if (note) post(note);
  if (ctx.acknowledge) post(autoAcknowledgement(mail, ticket.number, inbound.id));

  let last: HistoryEntry | undefined;
  const history = recorded.flatMap(({ history: changes, at }) => {
    const chained = appendEntries(last, changes, { ticketId: ticket.id, now: at, actor: ctx.actor });
    last = chained.at(-1) ?? last;
    return chained;
  });
  return { ticket, messages, history, events: recorded.flatMap((r) => r.events) };
}

/** Rules and ids for {@link postSystemMessage}. */
export interface PostingContext {
  readonly now: Date;
  readonly policy: TicketPolicy;
  readonly newId: () => string;
}

/**
 * The decision `systemMessageChange` makes for a message the platform writes on a ticket that
 * the caller holds (locked or its own), without reads: a reply may only answer one of `earlier`
 * (the messages posted in the same step), and files are references only — a mail's files stay
 * with the mail gateway, uploads would need the content store.
 */
export function postSystemMessage(
  ticket: Ticket,
  posting: SystemMessageInput,
  author: Actor,
  earlier: readonly OpeningMessage[],
  ctx: PostingContext,
): { decision: TicketDecision; added: OpeningMessage } {
  const request = systemMessageRequest(posting);
  if (request.attachments.length > 0) throw new Error('postSystemMessage: uploaded files need the content store (MessagesRepository)');
  const references = request.attachmentReferences ?? [];
  const answered = request.inReplyToMessageId;
  const target = answered === null ? undefined : earlier.find(({ message }) => message.id === answered)?.message;
  const replyTo: ReplyTarget | null = target ? { id: target.id, audience: target.audience } : null;
  const draft = { id: ctx.newId(), request, body: bodyOf(request), attachments: references.map((file) => file.ref) };
  const { decision, message } = addMessage(ticket, draft, replyTo, { kind: 'all' }, { now: ctx.now, actor: author, policy: ctx.policy });
  return { decision, added: { message, references } };
}
