import { scopeOf, type Caller, type CustomerScope } from '@helpdesk/auth';
import type { Actor } from '@helpdesk/contracts';
import { uuidv7 } from '@helpdesk/messaging';
import type { Ticket } from '../tickets/ticket';
import type { TicketPolicy } from '../tickets/ticket-decisions';
import { pageSize, type Page, type PageRequest } from '../tickets/ticket-filter';
import type { ChangeScope, FeatureDecision, TicketChangeRequest, TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketError, invalidField } from '../tickets/ticket.errors';
import type { AddMessageInput, Message, MessageRequest, SystemMessageInput } from './message';
import { addMessage, bodyOf, messageRequestFor, systemMessageRequest } from './message-addition';
import { assertAttachmentSizes, hashAttachments, type HashedAttachment } from './message-attachments';
import type { MessageBody } from './message-body';
import type { MessageSettings } from './message-settings';
import { MessagesRepository, type AttachmentContent } from './messages.repository';

/** The communication log use cases on top of the {@link TicketUnitOfWork}. */
export class MessagesService {
  readonly messages = new MessagesRepository();

  constructor(
    private readonly work: TicketUnitOfWork,
    private readonly settings: MessageSettings,
  ) {}

  /**
   * AddMessage: a message by the caller, who is its author. A customer adds only inbound portal
   * messages for the customer audience to its own tickets (whatever it asked for).
   */
  async add(caller: Caller, ticketId: string, input: AddMessageInput): Promise<Message> {
    return this.addRequest(caller, ticketId, messageRequestFor(scopeOf(caller), input));
  }

  /**
   * A message another part of the service writes, authored by and recorded as `actor` — usually
   * `{ kind: 'system' }`. Same rules, history entry and event as {@link add}, on any ticket, in a
   * transaction of its own (event handlers use {@link systemMessageChange} in theirs).
   */
  async addFromSystem(actor: Actor, ticketId: string, input: SystemMessageInput): Promise<Message> {
    const options = { actor, now: this.work.clock(), policy: this.work.policy, attachmentMaxBytes: this.settings.attachmentMaxBytes };
    return this.work.apply(systemMessageChange(ticketId, input, options));
  }

  /** ListMessages: the log oldest first; a customer sees only customer-audience messages. */
  async list(caller: Caller, ticketId: string, page: PageRequest): Promise<Page<Message>> {
    const scope = scopeOf(caller);
    const manager = this.work.dataSource.manager;
    const ticket = await this.work.tickets.get(manager, scope, { id: ticketId });
    const after = page.token === '' ? '0' : page.token;
    if (!/^\d{1,18}$/.test(after)) throw invalidField('page.pageToken', 'is not a token this service issued');
    const size = pageSize(page.size);
    const rows = await this.messages.list(manager, scope, ticket.id, after, size + 1);
    const items = rows.slice(0, size);
    return { items: items.map((row) => row.message), nextToken: rows.length > size ? (items.at(-1)?.seq ?? '') : '' };
  }

  /**
   * GetAttachment: a content of the ticket by its SHA-256, if a message the caller may see
   * carries it (ATTACHMENT_NOT_FOUND otherwise, also for a customer asking for the file of an
   * internal note).
   */
  async attachment(caller: Caller, ticketId: string, sha256: string): Promise<AttachmentContent> {
    const scope = scopeOf(caller);
    const manager = this.work.dataSource.manager;
    const ticket = await this.work.tickets.get(manager, scope, { id: ticketId });
    const found = await this.messages.attachment(manager, scope, ticket.id, sha256);
    if (!found) throw new TicketError('ATTACHMENT_NOT_FOUND', `ticket ${ticket.number} has no attachment ${sha256}`);
    if (found.content === null) {
      const where = found.origin ? ` (mail ${found.origin.mailId}, part ${found.origin.partId})` : '';
      throw new TicketError(
        'ATTACHMENT_CONTENT_NOT_STORED',
        `the content of ${found.ref.fileName} (${sha256}) is held by the mail gateway${where} and not stored with ticket ${ticket.number}; fetch it from the mail gateway`,
      );
    }
    return { ref: found.ref, content: found.content };
  }

  // Size and body are checked before the transaction: a refused message writes nothing.
  private async addRequest(caller: Caller, ticketId: string, request: MessageRequest): Promise<Message> {
    const prepared = prepareMessage(request, this.settings.attachmentMaxBytes);
    const reader = scopeOf(caller);
    return this.work.change(caller, ticketId, undefined, (ticket, scope) => decideMessage(ticket, scope, prepared, reader, scope.actor));
  }
}

/** Who, when and under which rules the platform adds a message ({@link systemMessageChange}). */
export interface SystemMessageOptions {
  /** Recorded in the history and as the ticket's `updated_by`; a system actor. */
  readonly actor: Actor;
  /** The message's author (and its event's actor), e.g. the contact who sent a mail; default `actor`. */
  readonly author?: Actor;
  readonly now: Date;
  readonly policy: TicketPolicy;
  /** `TICKET_ATTACHMENT_MAX_BYTES`: uploaded files larger than this refuse the message. */
  readonly attachmentMaxBytes: number;
}

/**
 * The ticket change that adds a message the platform writes (inbound mail, call records,
 * auto-acknowledgements) to any ticket, for an event handler to run in its transaction:
 *
 * ```ts
 * await applyTicketChange(tx.manager, tx.outbox, systemMessageChange(ticketId, input, { actor, now, policy, attachmentMaxBytes }));
 * ```
 *
 * Request, body and sizes are checked here, before anything is written.
 */
export function systemMessageChange(ticketId: string, input: SystemMessageInput, options: SystemMessageOptions): TicketChangeRequest<Message> {
  const prepared = prepareMessage(systemMessageRequest(input), options.attachmentMaxBytes);
  const all: CustomerScope = { kind: 'all' };
  return {
    scope: all,
    actor: options.actor,
    ticketId,
    now: options.now,
    policy: options.policy,
    decide: (ticket, scope) => decideMessage(ticket, scope, prepared, all, options.author ?? options.actor),
  };
}

/** A message request with its sanitized body and hashed uploads. */
interface PreparedMessage {
  readonly request: MessageRequest;
  readonly body: MessageBody;
  readonly files: readonly HashedAttachment[];
}

function prepareMessage(request: MessageRequest, attachmentMaxBytes: number): PreparedMessage {
  assertAttachmentSizes(request.attachments, attachmentMaxBytes);
  return { request, body: bodyOf(request), files: hashAttachments(request.attachments) };
}

const repository = new MessagesRepository();

async function decideMessage(ticket: Ticket, scope: ChangeScope, prepared: PreparedMessage, reader: CustomerScope, author: Actor): Promise<FeatureDecision<Message>> {
  const { request, body, files } = prepared;
  const references = request.attachmentReferences ?? [];
  const answered = request.inReplyToMessageId;
  const replyTo = answered === null ? null : await repository.replyTarget(scope.manager, ticket.id, answered);
  const draft = { id: uuidv7(), request, body, attachments: [...files, ...references].map((file) => file.ref) };
  const { decision, message } = addMessage(ticket, draft, replyTo, reader, { ...scope, actor: author });
  await repository.insert(scope.manager, message, files, references);
  return { decision, result: message };
}
