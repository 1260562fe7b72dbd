import type { CustomerScope } from '@helpdesk/auth';
import type { TicketMessage } from '@helpdesk/contracts';
import type { JsonObject } from '../history/canonical-json';
import { toSnapshot, type Ticket } from '../tickets/ticket';
import { canReadMessage } from '../tickets/ticket-access';
import { assertChangeable, assertExpectedVersion, nextVersion, type ChangeContext, type TicketDecision } from '../tickets/ticket-decisions';
import { ticketEvent } from '../tickets/ticket-events';
import { invalidField } from '../tickets/ticket.errors';
import type { AddMessageInput, Message, MessageAudience, MessageRequest, StoredAttachment, SystemMessageInput } from './message';
import { sha256Hex } from './message-attachments';
import { messageBody, type MessageBody } from './message-body';

/** A message about to be added: the caller's request after its rules, sanitized body, stored files. */
export interface NewMessage {
  /** UUIDv7, minted by the caller of the decision. */
  readonly id: string;
  readonly request: MessageRequest;
  readonly body: MessageBody;
  readonly attachments: readonly StoredAttachment[];
}

/** The message a new one answers, as found on the same ticket. */
export interface ReplyTarget {
  readonly id: string;
  readonly audience: MessageAudience;
}

/** The ticket decision of adding a message, plus the message as stored. */
export interface MessageAddition {
  readonly decision: TicketDecision;
  readonly message: Message;
}

/**
 * The request a caller may make. A customer writes only customer-visible inbound portal
 * messages, whatever the request says (no mail fields, no purpose of its own); staff must name
 * audience, medium and direction and keep them consistent (see {@link assertConsistent}).
 */
export function messageRequestFor(scope: CustomerScope, input: AddMessageInput): MessageRequest {
  const fixed = { purpose: 'reply', mailId: null, callId: null } as const;
  if (scope.kind === 'customer') {
    return { ...input, ...fixed, audience: 'customer', medium: 'portal', direction: 'inbound', from: null, to: [], cc: [], subject: null };
  }
  const request: MessageRequest = {
    ...input,
    ...fixed,
    audience: required('audience', input.audience),
    medium: required('medium', input.medium),
    direction: required('direction', input.direction),
  };
  assertConsistent(request);
  return request;
}

/** The request of a message the platform writes (inbound mail, calls, auto-acknowledgements). */
export function systemMessageRequest(input: SystemMessageInput): MessageRequest {
  const request: MessageRequest = { ...input, purpose: input.purpose ?? 'reply', mailId: input.mailId ?? null, callId: input.callId ?? null };
  assertConsistent(request);
  return request;
}

/**
 * Mail fields only on email messages, a mail id only on email and a call id only on phone
 * messages, a purpose other than `reply` only outbound; and an outbound customer or supplier
 * email — the mail gateway sends those — needs at least one recipient.
 */
export function assertConsistent(request: MessageRequest): void {
  const { medium, direction, audience, purpose } = request;
  if (medium !== 'email') {
    if (request.from !== null) throw invalidField('from', 'only email messages have a sender address');
    if (request.to.length > 0) throw invalidField('to', 'only email messages have recipients');
    if (request.cc.length > 0) throw invalidField('cc', 'only email messages have recipients');
    if (request.subject !== null) throw invalidField('subject', 'only email messages have a subject');
    if (request.mailId !== null) throw invalidField('mailId', 'only email messages come from a mail');
  }
  if (request.callId !== null && medium !== 'phone') throw invalidField('callId', 'only phone messages come from a call');
  if (purpose !== 'reply' && direction !== 'outbound') throw invalidField('purpose', `${purpose} is only for outbound messages`);
  if (medium === 'email' && direction === 'outbound' && audience !== 'internal' && request.to.length === 0) {
    throw invalidField('to', `an outbound ${audience} email needs at least one recipient`);
  }
}

/**
 * The body to store (see {@link messageBody}); refuses a message with neither text nor HTML, and
 * HTML with nothing left after sanitizing when there is no text either.
 */
export function bodyOf(request: Pick<MessageRequest, 'text' | 'html'>): MessageBody {
  const body = messageBody(request.text, request.html);
  if (body.text.trim() !== '' || body.html !== null) return body;
  if (request.html !== null && request.html.trim() !== '') throw invalidField('html', 'has nothing left after sanitizing');
  throw invalidField('text', 'must not be empty unless html is given');
}

/**
 * Adds a message to the ticket's communication log: the ticket's next version, a
 * `message_added` history entry and `helpdesk.ticket.message.added.v1`. The author is
 * `ctx.actor`. A reply must answer a message of the same ticket that `reader` may see;
 * `replyTo` is that message as found on the ticket (null when not found).
 */
export function addMessage(
  ticket: Ticket,
  message: NewMessage,
  replyTo: ReplyTarget | null,
  reader: CustomerScope,
  ctx: ChangeContext,
): MessageAddition {
  assertExpectedVersion(ticket, ctx.expectedVersion);
  assertChangeable(ticket);
  const { request, body } = message;
  const answered = request.inReplyToMessageId;
  if (answered !== null && (replyTo?.id !== answered || !canReadMessage(reader, replyTo.audience))) {
    throw invalidField('inReplyToMessageId', `ticket ${ticket.number} has no message ${answered}`);
  }
  const added: Message = {
    id: message.id,
    ticketId: ticket.id,
    audience: request.audience,
    medium: request.medium,
    direction: request.direction,
    purpose: request.purpose,
    author: ctx.actor,
    from: request.from,
    to: [...request.to],
    cc: [...request.cc],
    subject: request.subject,
    text: body.text,
    html: body.html,
    attachments: message.attachments.map((attachment) => ({ ...attachment })),
    mailId: request.mailId,
    callId: request.callId,
    inReplyToMessageId: answered,
    createdAt: ctx.now,
  };
  const next = nextVersion(ticket, ticket.version, ctx.now);
  const data = { ticket: toSnapshot(next), actor: ctx.actor, message: toContractMessage(added), language: null };
  return {
    message: added,
    decision: {
      ticket: next,
      events: [ticketEvent('helpdesk.ticket.message.added.v1', next, data)],
      history: [{ kind: 'message_added', before: {}, after: messageHistoryRecord(added) }],
    },
  };
}

/** A message as the events carry it. */
export function toContractMessage(message: Message): TicketMessage {
  return {
    messageId: message.id,
    audience: message.audience,
    medium: message.medium,
    direction: message.direction,
    purpose: message.purpose,
    author: message.author,
    from: message.from,
    to: [...message.to],
    cc: [...message.cc],
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments.map((attachment) => ({ ...attachment })),
    mailId: message.mailId,
    callId: message.callId,
    inReplyToMessageId: message.inReplyToMessageId,
    createdAt: message.createdAt.toISOString(),
  };
}

/**
 * What the history keeps of a message: everything but the bodies, which it pins by SHA-256 (the
 * hash chain then covers the bodies too: an edited text no longer matches its digest), so the
 * append-only history does not hold a second copy of every mail.
 */
export function messageHistoryRecord(message: Message): JsonObject {
  return {
    messageId: message.id,
    audience: message.audience,
    medium: message.medium,
    direction: message.direction,
    purpose: message.purpose,
    from: message.from,
    to: [...message.to],
    cc: [...message.cc],
    subject: message.subject,
    textSha256: sha256Hex(message.text),
    htmlSha256: message.html === null ? null : sha256Hex(message.html),
    attachments: message.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
    inReplyToMessageId: message.inReplyToMessageId,
    mailId: message.mailId,
    callId: message.callId,
  };
}

function required<T>(field: string, value: T | undefined): T {
  if (value === undefined) throw invalidField(field, 'must be set');
  return value;
}
